"""The emergency screen in every state, language and text size inside the real kiosk window
(no hub: states are shown as the dispatcher would report them), plus the pieces around it:
the numbers setting, the hardware key name, and the staff alert sound (a recording sink
stands in for the speaker, which this machine does not have)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.testing import build_main_window, close_main_window
from services.emergency_numbers import parse_numbers
from tests.helpers.waiting import wait_until
from ui.audit import audit
from ui.flows.emergency import key_code
from ui.i18n import LOCALES
from ui.pages.emergency import EmergencyPage, EmergencyView, spoken_number
from voice.alert_sound import AlertSound, chime

NUMBERS = parse_numbers("120, 021-5555 0100=值班人员 On-site staff")
STATES = {
    "sending": EmergencyView("sending", cancel_left=10, alert=True, call="dialling"),
    "not_connected": EmergencyView("sending", cancel_left=10, alert=True, not_connected=True),
    "unreachable": EmergencyView("sending", unreachable=True, alert=True, call="failed"),
    "received": EmergencyView("received", alert=True, call="established"),
    "acknowledged": EmergencyView("acknowledged", operator="王芳", alert=True, call="ended"),
    "resolved": EmergencyView("resolved", operator="王芳", call="ended"),
    "cancelling": EmergencyView("sending", cancel_requested=True),
    "cancelled": EmergencyView("cancelled"),
    "drill": EmergencyView("received", drill=True, alert=True, cancel_left=4),
    "idle": EmergencyView(),
}


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[Any]:
    # Speech off: this test is about the screen (the voice bridge has its own tests).
    built = build_main_window(tmp_path / "kiosk", speech_enabled=False)
    qtbot.waitExposed(built)
    yield built
    close_main_window(built)
    built.deleteLater()


def page_of(window: Any) -> EmergencyPage:
    page = window.pages["emergency"]
    assert isinstance(page, EmergencyPage)
    return page


def test_every_state_fits_and_is_named_at_every_size_and_language(window: Any) -> None:
    page = page_of(window)
    window.show_page("emergency")
    failures: list[str] = []
    for scale, locale in itertools.product((100, 125, 150, 200), LOCALES):
        window.set_text_scale(scale)
        window.set_locale(locale)
        QApplication.processEvents()  # the new text size settles the header and bottom bar
        for name, view in STATES.items():
            page.show_view(EmergencyView(**{**_fields(view), "numbers": NUMBERS}))
            QApplication.processEvents()
            assert page.message.plain_text(), f"{name}: empty headline"
            assert page.spoken_text(), f"{name}: nothing to say"
            failures += [f"{scale}%/{locale}/{name}: {p}" for p in audit(window, scale)]
    assert not failures, "\n".join(failures[:30])


def _fields(view: EmergencyView) -> dict[str, Any]:
    return {f: getattr(view, f) for f in EmergencyView.__slots__}


def test_what_each_state_shows(window: Any) -> None:
    page = page_of(window)
    window.show_page("emergency")
    page.show_view(STATES["sending"])
    assert page.cancel.isVisible() and "10" in page.cancel.text()
    assert page.banner.isVisible() and page.flashing()
    assert not page.number.isVisible() and page.call.isVisible()
    page.show_view(STATES["unreachable"])
    assert page.number.isVisible() and "120" in page.number.plain_text()
    assert not page.steps_host.isVisible() and not page.cancel.isVisible()
    page.show_view(STATES["acknowledged"])
    assert [s.plain_text()[0] for s in page.steps] == ["✓", "✓", "✓", "➜"]
    assert "王芳" in page.steps[2].plain_text()
    page.show_view(STATES["resolved"])
    assert not page.banner.isVisible() and not page.flashing() and page.done.isVisible()
    page.show_view(STATES["drill"])
    assert not page.call.isVisible()  # a drill never calls
    # The privacy wipe keeps a live alarm on screen and forgets a finished one.
    page.show_view(STATES["received"])
    page.reset()
    assert page.view.phase == "received"
    page.show_view(STATES["resolved"])
    page.reset()
    assert page.view.phase == "idle"


def test_the_banner_flashes_slower_than_three_times_a_second(qtbot: QtBot, window: Any) -> None:
    page = page_of(window)
    page.show_view(STATES["sending"])
    window.show_page("emergency")
    sheets = {page.banner.styleSheet()}
    qtbot.waitUntil(lambda: page.banner.styleSheet() not in sheets, timeout=3000)
    assert page._flash.interval() >= 1000 // 6  # on + off at most 3 times per second


def test_numbers_setting() -> None:
    assert parse_numbers("") == (("120", None),)
    assert parse_numbers("021-12345678=On-site staff, 120") == (
        ("021-12345678", "On-site staff"),
        ("120", None),
    )
    assert parse_numbers("call me=x, 110") == (("120", None), ("110", None))
    assert spoken_number("021-5555 0100") == "0 2 1, 5 5 5 5, 0 1 0 0"


def test_key_names(qapp: Any) -> None:
    assert key_code("F12") == 0x0100003B
    assert key_code("Pause") is not None
    assert key_code("") is None
    assert key_code("Ctrl+A, B") is None


class RecordingSink:
    """Stands in for the speaker (this machine has none)."""

    def __init__(self, fail_open: int = 0) -> None:
        self.written: list[bytes] = []
        self.opens = 0
        self.fail_open = fail_open
        self.lock = threading.Lock()

    def open(self, rate: int) -> RecordingSink:
        self.opens += 1
        if self.opens <= self.fail_open:
            raise RuntimeError("no speaker")
        return self

    def write(self, pcm: bytes) -> None:
        with self.lock:
            self.written.append(pcm)

    def close(self) -> None:
        pass


def test_alert_repeats_pauses_and_stops() -> None:
    sink = RecordingSink()
    alert = AlertSound(sink)
    alert.start()
    try:
        alert.play()
        wait_until(lambda: alert.chimes >= 2, timeout=10)
        assert sink.written[0] == chime()
        alert.pause()
        wait_until(lambda: not alert.playing)
    finally:
        assert alert.stop(5)
    assert len(chime()) == 2 * 2 * int(16_000 * 0.25)


def test_alert_without_a_speaker_never_raises() -> None:
    sink = RecordingSink(fail_open=1)
    alert = AlertSound(sink)
    alert.start()
    try:
        alert.play()
        wait_until(lambda: alert.problem is not None, timeout=5)
        alert.play()  # tries the device again at once
        wait_until(lambda: alert.chimes >= 1, timeout=10)
    finally:
        assert alert.stop(5)
