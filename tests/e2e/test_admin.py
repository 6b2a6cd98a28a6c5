"""The admin screen and helper mode, driven through the real kiosk window by objectName.

Real parts throughout: the real window, the admin's real data thread, a real SQLite file
and config.toml on disk. The PIN clock is injected (``admin.now``) so the growing lockout
is checked without waiting. The speaker and microphone tests are not run here (no sound
devices in CI); the microphone level maths is unit-tested.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.config import OPTIONS, load_config
from kiosk.testing import build_main_window, close_main_window, kiosk_app_of
from services import admin_pin
from services.outbox import Delivery, Outbox
from services.store import Store
from tests.helpers.hub_process import HubProcess
from tests.unit.services.test_admin_services import RESIDENT_ID, booking
from tests.unit.services.test_purge_export import NAME, db_bytes, read_only_folder
from ui.admin.groups import options_in, valid_hub_url
from ui.admin.tools import level_percent
from ui.main_window import MainWindow

WAIT_MS = 20_000


class Admin:
    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.app = kiosk_app_of(window)
        self.ctl = self.app.admin
        self.clock = 1_700_000_000.0
        self.ctl.now = lambda: self.clock

    def page(self) -> Any:
        return self.window.pages[self.window.current_page()]

    def wait_page(self, name: str) -> None:
        self.qtbot.waitUntil(lambda: self.window.current_page() == name, timeout=WAIT_MS)

    def tap(self, name: str) -> None:
        button = self.page().findChild(QAbstractButton, name)
        assert button is not None, f"no {name} on {self.window.current_page()}"
        assert button.isEnabled(), name
        button.click()

    def type_into(self, name: str, text: str) -> None:
        field = self.page().findChild(QLineEdit, name)
        assert field is not None, name
        field.setText(text)

    def keypad(self, digits: str) -> None:
        for digit in digits:
            self.tap(f"keypad.{digit}")
        self.tap("keypad.enter")

    def message(self) -> str:
        page = self.page()
        label = getattr(page, "message", None)
        return label.plain_text() if label is not None and label.isVisible() else ""

    def wait_message(self, part: str) -> str:
        self.qtbot.waitUntil(lambda: part in self.message(), timeout=WAIT_MS)
        return self.message()

    def open(self) -> None:
        """Ctrl+Alt+A, as typed on a keyboard plugged into the kiosk."""
        self.window.activateWindow()
        self.qtbot.waitUntil(self.window.isActiveWindow, timeout=WAIT_MS)
        target = QApplication.focusWidget() or self.window
        self.qtbot.keyClick(
            target,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
        )

    def sign_in(self, pin: str = "1234") -> None:
        self.open()
        self.wait_page("admin.pin")
        self.keypad(pin)
        self.wait_page("admin.menu")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "kiosk"


@pytest.fixture
def build(qtbot: QtBot, data_dir: Path) -> Any:
    built: list[MainWindow] = []

    def make(**settings: Any) -> Admin:
        settings.setdefault("locale", "en")
        window = build_main_window(data_dir, **settings)
        qtbot.waitExposed(window)
        built.append(window)
        return Admin(qtbot, window)

    yield make
    for window in built:
        close_main_window(window)
        window.deleteLater()


def set_pin(data_dir: Path, pin: str = "1234") -> None:
    with Store(data_dir).connect() as conn:
        admin_pin.set_admin_pin(conn, pin)


# -- entry and PIN ------------------------------------------------------------------------------


def test_first_entry_asks_for_a_pin_then_opens_the_menu(build: Any, data_dir: Path) -> None:
    admin = build()
    assert not any(name.startswith("admin.") for name in admin.window.pages)
    admin.open()
    admin.wait_page("admin.set_pin")
    admin.keypad("12")
    admin.wait_message("4 to 12 digits")
    admin.keypad("4321")
    admin.keypad("9999")
    admin.wait_message("different")
    admin.keypad("4321")
    admin.keypad("4321")
    admin.wait_page("admin.menu")
    with Store(data_dir).connect() as conn:
        assert admin_pin.check_admin_pin(conn, "4321", 0).ok
    admin.tap("button.admin_close")
    admin.wait_page("home")
    assert not any(name.startswith("admin.") for name in admin.window.pages)


def test_the_pin_page_follows_a_language_change(build: Any, data_dir: Path) -> None:
    set_pin(data_dir)
    admin = build(locale="zh_CN")
    admin.open()
    admin.wait_page("admin.pin")
    page = admin.page()
    assert page.title.plain_text() == "工作人员登录"
    admin.window.set_locale("en")
    assert page.title.plain_text() == "Staff sign-in"
    assert page.prompt.plain_text().startswith("Enter the admin PIN")


def test_long_press_on_the_name_opens_the_staff_keypad(build: Any, data_dir: Path) -> None:
    set_pin(data_dir)
    admin = build()
    admin.ctl.long_press.timer.setInterval(50)  # the real 3 s, shortened: no sleeping in tests
    brand = admin.window.header.brand
    admin.qtbot.mousePress(brand, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    admin.wait_page("admin.pin")
    admin.qtbot.mouseRelease(brand, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert admin.ctl.long_press.timer.isActive() is False


def test_a_short_tap_on_the_name_does_nothing(build: Any, data_dir: Path) -> None:
    admin = build()
    brand = admin.window.header.brand
    admin.qtbot.mouseClick(brand, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not admin.ctl.long_press.timer.isActive()
    assert admin.window.current_page() == "home"


def test_wrong_pins_lock_with_a_growing_wait_that_survives_a_restart(
    build: Any, data_dir: Path
) -> None:
    set_pin(data_dir)
    admin = build()
    admin.open()
    admin.wait_page("admin.pin")
    for left in (4, 3, 2, 1):
        admin.keypad("0000")
        admin.wait_message(f"{left} tries left")
    admin.keypad("0000")
    admin.wait_message("wait 0 min 30 s")
    admin.keypad("1234")  # the right PIN, but still locked
    admin.wait_message("wait 0 min 30 s")
    assert admin.window.current_page() == "admin.pin"
    close_main_window(admin.window)

    again = build()  # a restart: a new app on the same data folder
    again.clock = admin.clock + 30
    again.open()
    again.wait_page("admin.pin")
    again.keypad("0000")
    again.wait_message("wait 1 min 0 s")  # the sixth failure: twice as long
    again.clock += 60
    again.keypad("0000")
    again.wait_message("wait 2 min 0 s")
    again.clock += 120
    again.keypad("1234")
    again.wait_page("admin.menu")


# -- settings ---------------------------------------------------------------------------------


def other_value(option: Any, current: Any) -> Any:
    if option.type is bool:
        return not current
    if option.choices is not None:
        return next(c for c in option.choices if c != current)
    if option.type is int:
        return option.minimum if current != option.minimum else option.maximum
    if option.type is list:
        return list(reversed(current))
    if option.name == "hub_url":
        return "https://hub.example.org"
    return f"{current}x" if current else "Centre 7"


def test_every_setting_is_applied_live_and_persisted(build: Any, data_dir: Path) -> None:
    set_pin(data_dir)
    admin = build()
    admin.sign_in()
    config = admin.app.config
    expected: dict[str, Any] = {}
    for option in OPTIONS:
        value = other_value(option, getattr(config.config, option.name))
        assert admin.ctl.apply_setting(option.name, value) == "", option.name
        live = getattr(config.config, option.name)
        assert live == (tuple(value) if option.type is list else value), option.name
        expected[option.name] = live
    admin.qtbot.waitUntil(
        lambda: (
            load_config(config.path, environ={}).config.as_dict() == {**config.config.as_dict()}
        ),
        timeout=WAIT_MS,
    )
    on_disk = load_config(config.path, environ={}).config
    for name, value in expected.items():
        assert getattr(on_disk, name) == value, name
    window = admin.window
    assert window.theme.name == config.config.theme
    assert tuple(window.home.tiles) == config.config.services
    controller = admin.app.session_controller
    assert controller.idle_timer.interval() == config.config.idle_timeout_s * 1000
    assert admin.app.emergency is None or admin.app.emergency.config == config.config


def test_settings_pages_are_generated_and_clicks_apply(build: Any, data_dir: Path) -> None:
    set_pin(data_dir)
    admin = build()
    admin.sign_in()
    grouped = sorted(
        o.name
        for g in ("display", "speech", "services", "session", "kiosk", "emergency")
        for o in options_in(OPTIONS, g)
    )
    assert grouped == sorted(o.name for o in OPTIONS)  # every option is on some page
    admin.tap("admin.open.settings.display")
    admin.wait_page("admin.settings.display")
    admin.tap("setting.theme.dark")
    admin.wait_message("Saved")
    assert admin.window.theme.name == "dark"
    assert admin.page().findChild(QAbstractButton, "setting.theme.dark").isChecked()
    admin.window.go_back()
    admin.tap("admin.open.settings.services")
    admin.wait_page("admin.settings.services")
    admin.tap("setting.services.meals")  # hide meals
    admin.wait_message("Saved")
    assert "meals" not in admin.window.home.tiles
    admin.tap("setting.services.emergency.up")
    assert admin.app.config.config.services == ("appointments", "emergency", "benefits")
    admin.qtbot.waitUntil(
        lambda: (
            load_config(admin.app.config.path, environ={}).config.services
            == ("appointments", "emergency", "benefits")
        ),
        timeout=WAIT_MS,
    )


def test_a_hub_url_that_is_not_a_url_is_refused(build: Any, data_dir: Path) -> None:
    set_pin(data_dir)
    admin = build()
    admin.sign_in()
    admin.tap("admin.open.settings.kiosk")
    admin.wait_page("admin.settings.kiosk")
    for bad in ("hub.example.org", "ftp://hub", "http://", "not a url"):
        assert not valid_hub_url(bad)
        admin.type_into("field.hub_url", bad)
        admin.tap("button.save.hub_url")
        admin.wait_message("not a web address")
        assert admin.app.config.config.hub_url == ""
    assert (
        not admin.app.config.path.exists() or "hub.example" not in admin.app.config.path.read_text()
    )


def test_enrolment_against_an_unreachable_hub_changes_nothing(build: Any, data_dir: Path) -> None:
    set_pin(data_dir)
    admin = build()
    admin.sign_in()
    admin.tap("admin.open.settings.kiosk")
    admin.wait_page("admin.settings.kiosk")
    admin.type_into("field.enrol_url", "http://127.0.0.1:9")  # discard port: nobody listens
    admin.type_into("field.enrol_code", "ABCD-EFGH")
    admin.tap("button.enrol")
    admin.wait_message("Cannot reach the hub at http://127.0.0.1:9")
    assert admin.app.config.config.hub_url == ""
    with Store(data_dir).connect() as conn:
        assert conn.get("hub_url") is None and conn.get("hub_token") is None
    admin.type_into("field.enrol_url", "hub.example.org")
    admin.tap("button.enrol")
    admin.wait_message("not a web address")


def test_enrolment_with_the_real_hub(build: Any, data_dir: Path, hub: Any) -> None:
    set_pin(data_dir)
    admin = build()
    admin.sign_in()
    admin.tap("admin.open.settings.kiosk")
    admin.wait_page("admin.settings.kiosk")
    admin.type_into("field.enrol_url", hub.url)
    admin.type_into("field.enrol_code", hub.enrolment_code())
    admin.tap("button.enrol")
    admin.wait_message("Enrolled")
    assert admin.app.config.config.hub_url == hub.url.rstrip("/")
    # The copy the emergency lane reads when the database cannot be opened.
    assert (data_dir / "hub-credentials.json").stat().st_mode & 0o077 == 0
    admin.qtbot.waitUntil(lambda: admin.app.sync_worker is not None, timeout=WAIT_MS)


def test_enrolment_refused_for_too_many_attempts_says_how_long_to_wait(
    build: Any, data_dir: Path, tmp_path: Path
) -> None:
    set_pin(data_dir)
    with HubProcess(tmp_path / "hub", demo_data=False, args=["--enrol-attempts", "1"]) as hub:
        admin = build()
        admin.sign_in()
        admin.tap("admin.open.settings.kiosk")
        admin.wait_page("admin.settings.kiosk")
        admin.type_into("field.enrol_url", hub.url)
        admin.type_into("field.enrol_code", "ZZZZ-ZZZZ")
        admin.tap("button.enrol")
        admin.wait_message("did not accept that code")
        admin.tap("button.enrol")
        admin.wait_message("too many enrolment attempts")
        admin.wait_message("Nothing was changed")
    assert admin.app.config.config.hub_url == ""


# -- helpers and the audit log ------------------------------------------------------------------


def test_helper_accounts_helper_mode_and_the_audit_log(build: Any, data_dir: Path) -> None:
    set_pin(data_dir)
    admin = build()
    admin.sign_in()
    admin.tap("admin.open.helpers")
    admin.wait_page("admin.helpers")
    admin.type_into("field.helper_name", "Li Wei")
    admin.type_into("field.helper_pin", "12")
    admin.tap("button.helper_add")
    admin.wait_message("4 to 12 digits")
    admin.type_into("field.helper_pin", "")
    admin.type_into("field.helper_badge", "00912345")
    admin.tap("button.helper_add")
    admin.wait_message("Helper added")
    admin.window.go_back()
    admin.tap("button.admin_close")
    admin.wait_page("home")

    # The helper swipes the badge: the card reader types the digits and Enter.
    admin.open()
    admin.wait_page("admin.pin")
    admin.qtbot.keyClicks(admin.page(), "00912345")
    admin.qtbot.keyClick(admin.page(), Qt.Key.Key_Return)
    admin.wait_page("home")
    marker = admin.window.header.findChild(type(admin.window.header.brand), "label.helper_mode")
    assert marker is not None and marker.isVisible()
    assert marker.plain_text() == "Helper: Li Wei"
    assert admin.app.session.data["helper"] == "Li Wei"

    # A booking queued through the flows' path (the data thread, then on_queued).
    done: list[Any] = []
    admin.app.data_bridge.run(
        lambda conn: Outbox.enqueue(conn, "appointment.book", booking(), now=1.0),
        done.append,
    )
    admin.qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    admin.app._wake_sync()  # what every flow calls after queueing

    def audited() -> list[tuple[str, str, str | None]]:
        with sqlite3.connect(data_dir / "yijiantong.sqlite3") as raw:
            return raw.execute(
                "SELECT helper, action, masked_person FROM audit_log ORDER BY seq"
            ).fetchall()

    admin.qtbot.waitUntil(
        lambda: ("Li Wei", "booking", "3101**********" + RESIDENT_ID[-4:]) in audited(),
        timeout=WAIT_MS,
    )
    # The session ends (idle wipe): helper mode ends with it.
    admin.app.session_controller.wipe()
    assert not marker.isVisible()
    assert "helper" not in admin.app.session.data
    admin.qtbot.waitUntil(lambda: audited()[-1][1] == "helper_sign_out", timeout=WAIT_MS)
    rows = audited()
    assert rows[0][:2] == ("Li Wei", "helper_sign_in")
    assert all(RESIDENT_ID not in str(r) for r in rows)
    with sqlite3.connect(data_dir / "yijiantong.sqlite3") as raw:
        assert raw.execute("SELECT helper_id FROM requests").fetchall() == [("Li Wei",)]


# -- status and maintenance ----------------------------------------------------------------------


def test_status_page_shows_queue_dead_letters_and_retries(build: Any, data_dir: Path) -> None:
    with Store(data_dir).connect() as conn:
        admin_pin.set_admin_pin(conn, "1234")
        dead = Outbox.enqueue(conn, "appointment.book", booking(), now=time.time())
        Outbox(conn, lane=None).dead_letter([dead], "slot no longer exists", 422)
        Outbox.enqueue(conn, "appointment.book", booking(), now=time.time())
    admin = build()
    admin.sign_in()
    admin.tap("admin.open.status")
    admin.wait_page("admin.status")
    page = admin.page()
    admin.qtbot.waitUntil(lambda: bool(page.status), timeout=WAIT_MS)
    assert "Requests waiting to be sent: 1" in page.sync_text.plain_text()
    assert page.chart.biggest() == 2  # two bookings today
    assert page.findChild(QAbstractButton, f"button.retry.{dead}") is not None
    admin.tap(f"button.retry.{dead}")
    admin.wait_message("Queued again")
    admin.qtbot.waitUntil(
        lambda: "Requests waiting to be sent: 2" in page.sync_text.plain_text(), timeout=WAIT_MS
    )


def test_a_zip_that_is_not_a_model_is_refused(build: Any, data_dir: Path, tmp_path: Path) -> None:
    set_pin(data_dir)
    bogus = tmp_path / "model.zip"
    with zipfile.ZipFile(bogus, "w") as archive:
        archive.writestr("readme.txt", "not a model")
    admin = build()
    admin.sign_in()
    admin.tap("admin.open.status")
    admin.wait_page("admin.status")
    admin.type_into("field.model_zip", str(bogus))
    admin.tap("button.model_install.zh_CN")
    admin.wait_message("Not installed")
    assert "no vosk model" in admin.message()
    assert not (data_dir / "voice-models" / "model").exists()
    admin.type_into("field.model_zip", str(tmp_path / "missing.zip"))
    admin.tap("button.model_install.zh_CN")
    admin.wait_message("no such file")


def test_purge_from_the_screen_leaves_no_personal_data_in_the_file(
    build: Any, data_dir: Path
) -> None:
    with Store(data_dir).connect() as conn:
        admin_pin.set_admin_pin(conn, "1234")
        rid = Outbox.enqueue(conn, "appointment.book", booking(NAME), now=1.0)
        Outbox(conn, lane=None).mark_delivered([Delivery(rid, accepted=True, reference="R")])
    admin = build()
    assert RESIDENT_ID.encode() in db_bytes(data_dir)
    admin.sign_in()
    admin.tap("admin.open.maintenance")
    admin.wait_page("admin.maintenance")
    admin.tap("button.purge_all")
    assert (
        admin.page().findChild(QAbstractButton, "button.purge_all").text().startswith("Tap again")
    )
    admin.tap("button.purge_all")
    admin.wait_message("Removed 1 old requests")
    raw = db_bytes(data_dir)
    assert RESIDENT_ID.encode() not in raw and NAME.encode() not in raw


SIP_PASSWORD, HUB_TOKEN = "Sip-Pass-7731", "hub-token-5f0c2e9a"


def test_export_from_the_screen(build: Any, data_dir: Path, tmp_path: Path) -> None:
    set_pin(data_dir)
    (data_dir / "config.toml").write_text(f'sip_password = "{SIP_PASSWORD}"\n', encoding="utf-8")
    with Store(data_dir).connect() as conn:
        conn.set("hub_token", HUB_TOKEN)
    admin = build()
    import logging

    logging.getLogger("yijiantong.test").warning("resident %s at the kiosk", RESIDENT_ID)
    logging.getLogger("yijiantong.test").warning("a careless line: %s", SIP_PASSWORD)
    (admin.app.paths.log_dir / "extra.log").write_text(f"raw {RESIDENT_ID}\n", encoding="utf-8")
    admin.sign_in()
    admin.tap("admin.open.maintenance")
    admin.wait_page("admin.maintenance")
    admin.type_into("field.export_folder", str(read_only_folder(tmp_path)))
    admin.tap("button.export")
    admin.wait_message("read-only")
    admin.type_into("field.export_folder", str(tmp_path / "no-stick"))
    admin.tap("button.export")
    admin.wait_message("Is the USB stick plugged in?")
    usb = tmp_path / "usb"
    usb.mkdir()
    admin.type_into("field.export_folder", str(usb))
    admin.tap("button.export")
    admin.wait_message("Exported to")
    (bundle,) = usb.glob("*.zip")
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        text = "".join(archive.read(n).decode("utf-8") for n in names)
    assert "logs/extra.log" in names and "status.json" in names and "database.json" in names
    assert RESIDENT_ID not in text and "3101**********" in text
    # Secrets never leave the settings file: not the settings copy, the report or a log line.
    assert SIP_PASSWORD not in text and HUB_TOKEN not in text
    assert "[secret removed]" in archive_text(bundle, "config.toml")
    assert json.loads(archive_text(bundle, "status.json"))["settings"]["sip_password"] == (
        "(set, not shown)"
    )


def archive_text(bundle: Path, name: str) -> str:
    with zipfile.ZipFile(bundle) as archive:
        return archive.read(name).decode("utf-8")


def test_drill_goes_through_the_emergency_path_marked_as_drill(build: Any, data_dir: Path) -> None:
    set_pin(data_dir)
    admin = build()
    if admin.app.emergency is None:
        pytest.skip("the emergency controller is not built in this tree")
    admin.sign_in()
    admin.tap("admin.open.maintenance")
    admin.wait_page("admin.maintenance")
    admin.tap("button.drill")
    admin.wait_page("emergency")

    def drills() -> list[tuple[int]]:
        with sqlite3.connect(data_dir / "yijiantong.sqlite3") as raw:
            return raw.execute("SELECT drill FROM alarms").fetchall()

    admin.qtbot.waitUntil(lambda: drills() == [(1,)], timeout=WAIT_MS)
    assert admin.app.config.config.emergency_drill is False  # the setting itself is untouched


def test_microphone_level_is_a_decibel_scale() -> None:
    silence = bytes(3200)
    loud = (16000).to_bytes(2, "little", signed=True) * 1600
    assert level_percent(silence) == 0
    assert 90 <= level_percent(loud) <= 100
    assert level_percent(b"") == 0
