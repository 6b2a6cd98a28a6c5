"""The emergency call end to end: the real kiosk window (kiosk.testing), the REAL hub on
loopback (tests/helpers/hub_process.py), the real operator page in headless Chromium, the
fault proxy for a hub answering 500 / garbage, and real baresip processes for the phone call.

Only the speaker is missing on this machine: the staff alert's sound fails to open its device
(logged, by design silent to the senior); the tests check that the alert was started and the
banner flashes, and that nothing waits on the sound.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.cli.sync import enrol
from kiosk.testing import build_main_window, close_main_window
from services import alarms
from services.store import KEY_HUB_URL, Store
from tests.helpers.fault_proxy import FaultProxy
from tests.helpers.hub_process import HubProcess, resident_id
from tests.helpers.kiosk_driver import Kiosk
from ui.main_window import MainWindow
from ui.pages.emergency import EmergencyPage

WAIT_MS = 30_000
HUB_ALARMS = "SELECT state, drill, masked_id, location FROM alarms WHERE id = ?"


def hub_rows(hub: HubProcess, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)) as conn:
        conn.execute("PRAGMA busy_timeout = 10000")
        return [tuple(r) for r in conn.execute(sql, args)]


class EmergencyKiosk(Kiosk):
    @property
    def em(self) -> Any:
        return self.app.emergency

    @property
    def screen(self) -> EmergencyPage:
        page = self.window.pages["emergency"]
        assert isinstance(page, EmergencyPage)
        return page

    def press(self) -> str:
        with self.qtbot.waitSignal(self.em.raised, timeout=WAIT_MS) as raised:
            self.window.header.emergency.click()
        alarm_id: str = raised.args[0]
        return alarm_id

    def wait_phase(self, phase: str) -> None:
        self.qtbot.waitUntil(lambda: self.em.view.phase == phase, timeout=WAIT_MS)

    def local_alarm(self, alarm_id: str) -> alarms.AlarmView:
        from uuid import UUID

        with Store(self.app.paths.data_dir).connect() as conn:
            return alarms.alarm_view(conn, UUID(alarm_id))


@pytest.fixture
def emergency_kiosk(qtbot: QtBot, tmp_path: Path, hub: HubProcess) -> Iterator[Any]:
    """``factory(hub_url=None, online=True, **settings)``: a kiosk enrolled with ``hub``, its
    stored hub address optionally replaced (a fault proxy), built with ``settings``."""
    built: list[MainWindow] = []

    def factory(hub_url: str | None = None, online: bool = True, **settings: Any) -> Any:
        data_dir = tmp_path / f"kiosk{len(built)}"
        assert enrol(data_dir, hub.url, hub.enrolment_code(), "康乐1号机") == 0
        if hub_url is not None:
            with Store(data_dir).connect() as conn:
                conn.set(KEY_HUB_URL, hub_url)
        settings.setdefault("kiosk_location", "长寿路100号 一楼大厅")
        window = build_main_window(data_dir, **settings)
        built.append(window)
        kiosk = EmergencyKiosk(qtbot, window)
        if online:
            kiosk.wait_online()
        return kiosk

    yield factory
    for window in built:
        close_main_window(window)
        window.deleteLater()


def test_one_press_persists_first_then_shows_and_reaches_the_hub(
    hub: HubProcess, emergency_kiosk: Any
) -> None:
    kiosk = emergency_kiosk(emergency_cancel_s=3)
    senior = resident_id(7)
    kiosk.identify(senior)
    seen_on_disk_at_page_change: list[int] = []
    db = kiosk.app.paths.data_dir / "yijiantong.sqlite3"

    def on_page(name: str) -> None:
        if name == "emergency":
            with contextlib.closing(sqlite3.connect(db)) as conn:
                seen_on_disk_at_page_change.append(
                    conn.execute("SELECT COUNT(*) FROM alarms").fetchone()[0]
                )

    kiosk.window.page_changed.connect(on_page)
    alarm_id = kiosk.press()
    assert seen_on_disk_at_page_change == [1], "the alarm must be on disk before the screen"
    assert kiosk.window.current_page() == "emergency"
    assert kiosk.screen.cancel.isVisible() and "3" in kiosk.screen.cancel.text()
    assert kiosk.screen.banner.isVisible() and kiosk.screen.flashing()
    assert kiosk.em.alert is not None and kiosk.em.alert.playing

    kiosk.wait_phase("received")
    (state, drill, masked, location) = hub_rows(hub, HUB_ALARMS, alarm_id)[0]
    assert (state, drill, location) == ("received", 0, "长寿路100号 一楼大厅")
    assert masked == senior[:4] + "*" * 10 + senior[-4:]
    assert kiosk.screen.steps[1].plain_text().startswith("✓")
    assert not kiosk.screen.number.isVisible()  # reached: no numbers needed
    # The cancel offer ends with its countdown; the alarm goes on.
    kiosk.qtbot.waitUntil(lambda: not kiosk.screen.cancel.isVisible(), timeout=WAIT_MS)
    # A second press shows the same alarm; it never raises another.
    kiosk.window.go_home()
    kiosk.window.emergency_requested.emit()  # the voice work's path
    assert kiosk.window.current_page() == "emergency"
    assert hub_rows(hub, "SELECT COUNT(*) FROM alarms") == [(1,)]
    assert kiosk.em.trigger("voice") == alarm_id


def test_cancel_within_the_window_is_a_follow_up_never_a_deletion(
    hub: HubProcess, emergency_kiosk: Any
) -> None:
    kiosk = emergency_kiosk()
    alarm_id = kiosk.press()
    kiosk.tap("button.cancel_alarm")
    assert kiosk.em.view.cancel_requested
    assert not kiosk.em.alert.playing
    kiosk.wait_phase("cancelled")
    assert hub_rows(hub, "SELECT state FROM alarms WHERE id = ?", alarm_id) == [("cancelled",)]
    local = kiosk.local_alarm(alarm_id)
    assert (local.state, local.cancel_reason) == ("cancelled", "cancelled by the user")
    assert kiosk.screen.done.isVisible() and not kiosk.screen.cancel.isVisible()
    assert kiosk.screen.message.plain_text()
    kiosk.tap("button.done", "home")
    assert hub_rows(hub, "SELECT COUNT(*) FROM alarms") == [(1,)]  # still there


def test_acknowledge_on_the_operator_page_changes_the_kiosk_screen(
    hub: HubProcess, emergency_kiosk: Any
) -> None:
    from tests.integration.test_operator_page import CHROMEDRIVER, CHROMIUM, browser, settled

    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip("needs Debian's chromium and chromium-driver")
    from selenium.webdriver.common.by import By

    token = hub.cli("operator", "create", "王芳").strip()
    kiosk = emergency_kiosk()
    alarm_id = kiosk.press()
    driver = browser()
    try:
        driver.get(f"{hub.url}/operator#token={token}")
        card = f'li[data-alarm-id="{alarm_id}"]'
        kiosk.qtbot.waitUntil(
            lambda: bool(driver.find_elements(By.CSS_SELECTOR, card)), timeout=WAIT_MS
        )
        settled(lambda: driver.find_element(By.CSS_SELECTOR, f"{card} button.ack").click())
        kiosk.wait_phase("acknowledged")
        assert "王芳" in kiosk.screen.message.plain_text()
        assert kiosk.screen.steps[2].plain_text().startswith("✓")
        assert "王芳" in kiosk.screen.steps[2].plain_text()
        assert kiosk.em.alert.playing  # staff keep being called until it is resolved
        settled(lambda: driver.find_element(By.CSS_SELECTOR, f"{card} button.resolve").click())
        # The console asks the operator to confirm before resolving.
        settled(lambda: driver.find_element(By.CSS_SELECTOR, f"{card} button.confirm-yes").click())
        kiosk.wait_phase("resolved")
    finally:
        driver.quit()
    assert not kiosk.em.alert.playing and not kiosk.screen.banner.isVisible()
    assert kiosk.screen.done.isVisible()


def test_hub_down_shows_the_numbers_to_call_while_retries_go_on(
    hub: HubProcess, emergency_kiosk: Any
) -> None:
    kiosk = emergency_kiosk(
        online=False,
        emergency_unreachable_s=3,
        emergency_numbers="120, 021-12345678=值班人员 on-site staff",
    )
    hub.stop()
    alarm_id = kiosk.press()
    texts: list[str] = []
    kiosk.em.view_changed.connect(lambda _v: texts.append(kiosk.screen.message.plain_text()))
    kiosk.qtbot.waitUntil(kiosk.screen.number.isVisible, timeout=WAIT_MS)
    shown = kiosk.screen.number.plain_text()
    assert "120" in shown and "021-12345678" in shown and "值班人员" in shown
    assert kiosk.screen.numbers_intro.isVisible()
    assert "1 2 0" in kiosk.screen.spoken_text()
    assert "0 2 1, 1 2 3 4 5 6 7 8" in kiosk.screen.spoken_text()
    hub.start()
    kiosk.wait_phase("received")
    assert not kiosk.screen.number.isVisible()
    assert all(texts), "the screen was never empty"
    assert hub_rows(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", alarm_id) == [(1,)]
    assert kiosk.local_alarm(alarm_id).attempts >= 1


def test_an_alarm_open_at_a_restart_is_shown_again_and_still_reaches_the_hub(
    hub: HubProcess, emergency_kiosk: Any, qtbot: QtBot
) -> None:
    """The kiosk restarts (crash, watchdog, power cut) while help has not come: the screen
    must come back to the alarm, not to the home page, and the alarm must still arrive."""
    kiosk = emergency_kiosk(online=False, emergency_unreachable_s=3)
    hub.stop()
    alarm_id = kiosk.press()
    assert kiosk.local_alarm(alarm_id).state == "sending"
    data_dir = kiosk.app.paths.data_dir
    close_main_window(kiosk.window)
    again = EmergencyKiosk(qtbot, build_main_window(data_dir, emergency_unreachable_s=3))
    try:
        qtbot.waitUntil(lambda: again.window.current_page() == "emergency", timeout=WAIT_MS)
        assert str(again.em.alarm_id) == alarm_id and again.em.view.phase == "sending"
        assert not again.screen.cancel.isVisible()  # its window was at the press
        assert again.em.alert is not None and again.em.alert.playing
        again.qtbot.waitUntil(again.screen.number.isVisible, timeout=WAIT_MS)
        hub.start()
        again.wait_phase("received")
        assert hub_rows(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", alarm_id) == [(1,)]
        with Store(data_dir).connect() as conn:
            assert len(alarms.alarm_history(conn)) == 1  # shown again, never raised again
    finally:
        close_main_window(again.window)
        again.window.deleteLater()


def test_an_old_or_finished_alarm_is_not_shown_at_start_up(
    hub: HubProcess, emergency_kiosk: Any, qtbot: QtBot
) -> None:
    kiosk = emergency_kiosk(emergency_cancel_s=5)
    alarm_id = kiosk.press()
    kiosk.window.pages["emergency"].cancel.click()
    kiosk.qtbot.waitUntil(lambda: kiosk.local_alarm(alarm_id).cancel_requested_at is not None)
    data_dir = kiosk.app.paths.data_dir
    close_main_window(kiosk.window)
    with Store(data_dir).connect() as conn:  # and one open alarm, raised three hours ago
        three_hours_ago = datetime.now(UTC) - timedelta(hours=3)
        alarms.raise_alarm(
            conn,
            kiosk_name="k",
            location="l",
            person=None,
            helper=None,
            drill=False,
            now=three_hours_ago,
        )
    again = EmergencyKiosk(qtbot, build_main_window(data_dir))
    try:
        qtbot.waitUntil(lambda: again.em.dispatcher is not None, timeout=WAIT_MS)
        again.wait_online()
        assert again.window.current_page() == "home"
        assert again.em.alarm_id is None
    finally:
        close_main_window(again.window)
        again.window.deleteLater()


def test_a_hub_answering_500_and_garbage_is_retried_and_the_screen_never_goes_blank(
    hub: HubProcess, emergency_kiosk: Any
) -> None:
    with FaultProxy("127.0.0.1", hub.port) as proxy:
        proxy.set_fault("status_500", path="/v1/alarms")
        kiosk = emergency_kiosk(hub_url=proxy.url, online=False, emergency_unreachable_s=3)
        texts: list[str] = []
        kiosk.em.view_changed.connect(lambda _v: texts.append(kiosk.screen.message.plain_text()))
        alarm_id = kiosk.press()
        kiosk.qtbot.waitUntil(kiosk.screen.number.isVisible, timeout=WAIT_MS)
        assert kiosk.em.view.phase == "sending"
        proxy.set_fault("malformed_json", path="/v1/alarms", times=2)
        kiosk.wait_phase("received")
        assert proxy.faults_applied["status_500"] >= 1
        assert proxy.faults_applied["malformed_json"] == 2
    assert texts and all(texts)
    assert hub_rows(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", alarm_id) == [(1,)]


def test_drill_is_marked_and_places_no_call(hub: HubProcess, emergency_kiosk: Any) -> None:
    kiosk = emergency_kiosk(
        emergency_drill=True,
        sip_account="sip:kiosk@127.0.0.1:5999",
        sip_centre_uri="sip:centre@127.0.0.1:5998",
    )
    alarm_id = kiosk.press()
    assert kiosk.em.sip is None and kiosk.em.view.call is None
    assert kiosk.em.view.drill and not kiosk.screen.call.isVisible()
    kiosk.wait_phase("received")
    assert hub_rows(hub, "SELECT drill FROM alarms WHERE id = ?", alarm_id) == [(1,)]
    assert kiosk.local_alarm(alarm_id).drill


def test_the_hardware_key_raises_one_alarm(hub: HubProcess, emergency_kiosk: Any) -> None:
    kiosk = emergency_kiosk(emergency_key="F9")
    kiosk.qtbot.waitUntil(lambda: kiosk.em.dispatcher is not None, timeout=WAIT_MS)
    target = QApplication.focusWidget() or kiosk.window
    with kiosk.qtbot.waitSignal(kiosk.em.raised, timeout=WAIT_MS) as raised:
        QTest.keyClick(target, Qt.Key.Key_F9)
    assert kiosk.window.current_page() == "emergency"
    QTest.keyClick(QApplication.focusWidget() or kiosk.window, Qt.Key.Key_F9)  # again: same
    kiosk.wait_phase("received")
    assert hub_rows(hub, "SELECT COUNT(*) FROM alarms") == [(1,)]
    assert hub_rows(hub, "SELECT id FROM alarms") == [(raised.args[0],)]


baresip = pytest.mark.skipif(
    __import__("shutil").which("baresip") is None, reason="baresip is not installed"
)


def sip_settings(tmp_path: Path, centre_uri: str) -> dict[str, Any]:
    from tests.integration.test_sip_call import sip_port

    port = sip_port()
    return {
        "sip_account": f"sip:kiosk@127.0.0.1:{port}",
        "sip_listen": f"127.0.0.1:{port}",
        "sip_centre_uri": centre_uri,
        "sip_audio_player": "aubridge,nil",
        "sip_audio_source": "ausine,440",
        "sip_ring_timeout_s": 3,
    }


@baresip
def test_a_centre_that_never_answers_is_reported_and_the_alarm_still_arrives(
    tmp_path: Path, hub: HubProcess, emergency_kiosk: Any
) -> None:
    from services.sip_call import SipCaller
    from tests.integration.test_sip_call import config

    silent = SipCaller(config(tmp_path, "silent", answer="manual"))
    silent.start()
    try:
        kiosk = emergency_kiosk(**sip_settings(tmp_path, silent.config.account.aor))
        alarm_id = kiosk.press()
        assert kiosk.screen.call.isVisible()
        kiosk.qtbot.waitUntil(lambda: kiosk.em.view.call == "failed", timeout=WAIT_MS)
        assert kiosk.screen.call.plain_text()
        kiosk.wait_phase("received")
        assert hub_rows(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", alarm_id) == [(1,)]
    finally:
        assert silent.stop(15)


@baresip
def test_the_call_connects_and_is_hung_up_when_the_alarm_is_resolved(
    tmp_path: Path, hub: HubProcess, emergency_kiosk: Any
) -> None:
    import requests

    from services.sip_call import SipCaller
    from tests.integration.test_sip_call import config

    centre = SipCaller(config(tmp_path, "centre", answer="auto"))
    centre.start()
    token = hub.cli("operator", "create", "王芳").strip()
    try:
        kiosk = emergency_kiosk(**sip_settings(tmp_path, centre.config.account.aor))
        alarm_id = kiosk.press()
        kiosk.qtbot.waitUntil(lambda: kiosk.em.view.call == "established", timeout=WAIT_MS)
        assert not kiosk.em.alert.playing  # quiet, so the senior hears the centre
        kiosk.wait_phase("received")
        reply = requests.post(
            f"{hub.url}/v1/operator/alarms/{alarm_id}/resolve",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert reply.status_code == 200, reply.text
        kiosk.wait_phase("resolved")
        kiosk.qtbot.waitUntil(lambda: kiosk.em.view.call == "ended", timeout=WAIT_MS)
        types = [e.get("type") for e in list(centre.events)]
        assert "CALL_ESTABLISHED" in types
        kiosk.qtbot.waitUntil(
            lambda: "CALL_CLOSED" in [e.get("type") for e in list(centre.events)],
            timeout=WAIT_MS,
        )
    finally:
        assert centre.stop(15)
