"""Idle warning and privacy wipe, with the real timers shortened (no sleeps)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.testing import kiosk_app_of
from tests.e2e.conftest import WindowFactory, find
from ui.audit import visible_label

SENTINEL = "310101194502201234-SECRET"


def all_text(window: QWidget) -> list[str]:
    texts = []
    for widget in window.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.toolTip(), visible_label(widget)]
        if isinstance(widget, QLineEdit):
            texts.append(widget.text())
    return texts


def test_idle_warning_then_wipe_leaves_nothing(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(idle_timeout_ms=200, idle_warning_ms=400)
    controller = kiosk_app_of(window).session_controller
    assert controller is not None
    qtbot.mouseClick(find(window, "lang.en"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(window, "textsize.150"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(window, "tile.meals"), Qt.MouseButton.LeftButton)
    controller.session.data["identity"] = SENTINEL
    window.show_notice(f"Booked for {SENTINEL}")
    assert any(SENTINEL in t for t in all_text(window))

    with qtbot.waitSignal(controller.warning_shown, timeout=3000):
        pass
    assert window.current_page() == "idle_warning"
    assert find(window, "button.continue").isVisible()
    assert find(window, "button.continue").height() >= 96
    with qtbot.waitSignal(controller.wiped, timeout=3000):
        pass

    assert window.current_page() == "home"
    assert window.navigator.history() == ["home"]
    assert window.locale == "zh_CN" and window.text_scale == 100
    assert not controller.session.data
    assert not any(SENTINEL in t for t in all_text(window))
    assert find(window, "lang.zh_CN").isChecked() and find(window, "textsize.100").isChecked()


def test_continue_keeps_the_session(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(idle_timeout_ms=200, idle_warning_ms=60_000)
    controller = kiosk_app_of(window).session_controller
    assert controller is not None
    qtbot.mouseClick(find(window, "tile.benefits"), Qt.MouseButton.LeftButton)
    controller.session.data["phone"] = "13800000000"
    with qtbot.waitSignal(controller.warning_shown, timeout=3000):
        pass
    qtbot.mouseClick(find(window, "button.continue"), Qt.MouseButton.LeftButton)
    assert window.current_page() == "identify"  # the benefits tile asks for the ID first
    assert controller.session.data == {"phone": "13800000000"}
    assert not controller.warning_active()
    assert controller.idle_timer.isActive()


def test_untouched_home_screen_is_not_interrupted(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(idle_timeout_ms=100, idle_warning_ms=400)
    controller = kiosk_app_of(window).session_controller
    assert controller is not None
    with qtbot.waitSignal(controller.idle_timer.timeout, timeout=3000):
        pass
    assert window.current_page() == "home"
    assert not controller.warning_active()


def test_warning_gives_at_least_20_seconds_by_default(make_window: WindowFactory) -> None:
    window = make_window()
    controller = kiosk_app_of(window).session_controller
    assert controller is not None
    assert controller.idle_timer.interval() == 90_000
    assert controller._warning_ms >= 20_000
