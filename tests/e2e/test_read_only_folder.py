"""A kiosk whose data folder is read-only (a real tmpfs remounted read-only, so root cannot
write either) against the REAL hub: it starts, shows the pages it has data for, refuses
what it cannot keep in plain words, sends an alarm to the hub and says on the admin
status page what is wrong."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.cli.sync import enrol, sync_once
from kiosk.testing import build_main_window, close_main_window
from services import admin_pin
from services.store import Store
from tests.e2e.test_admin import Admin
from tests.e2e.test_emergency import EmergencyKiosk, hub_rows
from tests.helpers.disks import make_read_only, tiny_disk
from tests.helpers.hub_process import HubProcess, resident_id
from ui.main_window import MainWindow

WAIT_MS = 30_000


@pytest.fixture
def read_only_kiosk_with(qtbot: QtBot, tmp_path: Path, hub: HubProcess) -> Iterator[Any]:
    """``factory(**settings)``: an enrolled kiosk with the catalogue and an admin PIN whose
    folder is then made read-only, built with ``settings``."""
    built: list[MainWindow] = []
    with tiny_disk(tmp_path / "kiosk", "32m") as data_dir:
        assert enrol(data_dir, hub.url, hub.enrolment_code(), "康乐1号机") == 0
        with contextlib.redirect_stdout(None):
            assert sync_once(data_dir) == 0
        with Store(data_dir).connect() as conn:
            admin_pin.set_admin_pin(conn, "1234")
            conn.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        make_read_only(data_dir)

        def factory(**settings: Any) -> EmergencyKiosk:
            settings.setdefault("emergency_numbers", "120")
            window = build_main_window(data_dir, locale="en", **settings)
            built.append(window)
            qtbot.waitExposed(window)
            return EmergencyKiosk(qtbot, window)

        try:
            yield factory
        finally:
            for window in built:
                close_main_window(window)
                window.deleteLater()


@pytest.fixture
def read_only_kiosk(read_only_kiosk_with: Any) -> Any:
    return read_only_kiosk_with()


def test_it_starts_and_says_why_nothing_new_can_be_kept(read_only_kiosk: Any) -> None:
    kiosk = read_only_kiosk
    problems = kiosk.app.startup_problems
    assert any("log file" in p and "Read-only file system" in p for p in problems), problems
    assert kiosk.window.current_page() == "home"

    admin = Admin(kiosk.qtbot, kiosk.window)
    admin.sign_in()  # the PIN is read from the read-only database
    admin.tap("admin.open.status")
    admin.wait_page("admin.status")
    page = admin.page()
    kiosk.qtbot.waitUntil(lambda: bool(page.status), timeout=WAIT_MS)
    text = page.problem_text.plain_text()
    assert page.problem_text.isVisible()
    assert "cannot be written" in text and "emergency calls are still sent" in text
    assert "log file" in text
    assert page.status["store_mode"] == "read-only"
    assert kiosk.app._status_report()["startup_problems"] == problems


def test_a_wrong_pin_still_locks_when_it_cannot_be_written(read_only_kiosk: Any) -> None:
    admin = Admin(read_only_kiosk.qtbot, read_only_kiosk.window)
    admin.open()
    admin.wait_page("admin.pin")
    for _ in range(admin_pin.FREE_ATTEMPTS + 1):
        admin.keypad("9999")
    admin.wait_message("wait")
    admin.keypad("1234")  # right, but inside the wait: not even checked
    assert admin.window.current_page() == "admin.pin"


def test_pages_show_the_cached_catalogue_and_a_booking_is_refused_plainly(
    read_only_kiosk: Any,
) -> None:
    kiosk = read_only_kiosk
    kiosk.identify(resident_id(7))
    assert kiosk.choices(), "the hospitals come from the read-only cache"
    kiosk.choose(kiosk.choices()[0], "appointments.department")
    kiosk.choose(kiosk.choices()[0], "appointments.day")
    kiosk.tap("choice.first_available", "appointments.confirm")
    kiosk.tap("button.confirm")
    notice = kiosk.window.bottom.notice
    kiosk.qtbot.waitUntil(notice.isVisible, timeout=WAIT_MS)
    assert "cannot save anything" in notice.plain_text()
    assert kiosk.window.current_page() == "appointments.confirm"  # nothing pretends to be sent
    # The header does not promise "kept and sent later".
    assert kiosk.window.header.connection.plain_text() == (
        "New requests cannot be saved: please ask staff"
    )


def test_the_alarm_reaches_the_hub_and_the_numbers_stay_on_screen(
    read_only_kiosk: Any, hub: HubProcess
) -> None:
    kiosk = read_only_kiosk
    alarm_id = kiosk.press()
    assert kiosk.window.current_page() == "emergency"
    kiosk.qtbot.waitUntil(
        lambda: hub_rows(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", alarm_id) == [(1,)],
        timeout=WAIT_MS,
    )
    kiosk.wait_phase("received")
    assert kiosk.screen.isVisible()
    with pytest.raises(sqlite3.OperationalError):  # and truly nothing was written
        path = kiosk.app.paths.data_dir / "probe"
        sqlite3.connect(path).execute("CREATE TABLE t(x)")


def test_with_the_hub_down_the_numbers_show_and_the_alarm_goes_out_from_memory(
    read_only_kiosk_with: Any, hub: HubProcess
) -> None:
    kiosk = read_only_kiosk_with(emergency_unreachable_s=3)
    hub.stop()
    alarm_id = kiosk.press()
    kiosk.qtbot.waitUntil(kiosk.screen.number.isVisible, timeout=WAIT_MS)
    assert "120" in kiosk.screen.number.plain_text()
    assert kiosk.screen.numbers_intro.isVisible()
    hub.start()
    kiosk.wait_phase("received")
    assert hub_rows(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", alarm_id) == [(1,)]
