"""The home screen and navigation, driven by objectName as a person (or a keypad) would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.e2e.conftest import find
from ui.audit import visible_label, visible_widgets
from ui.main_window import MainWindow

EXPECTED_TILES = {
    "zh_CN": {
        "appointments": "就医预约",
        "meals": "助餐",
        "benefits": "补贴查询",
        "emergency": "紧急呼叫",
    },
    "zh_HK": {
        "appointments": "就醫預約",
        "meals": "助餐",
        "benefits": "津貼查詢",
        "emergency": "緊急呼叫",
    },
    "en": {
        "appointments": "Doctor",
        "meals": "Meals",
        "benefits": "Benefits",
        "emergency": "Emergency",
    },
}


def click(qtbot: QtBot, window: MainWindow, name: str) -> None:
    qtbot.mouseClick(find(window, name), Qt.MouseButton.LeftButton)


def test_home_shows_four_tiles_and_fixed_controls(window: MainWindow) -> None:
    assert window.current_page() == "home"
    for service, label in EXPECTED_TILES["zh_CN"].items():
        tile = find(window, f"tile.{service}")
        assert tile.isVisible()
        assert tile.accessibleName() == label
    for name in (
        "button.emergency",
        "button.speak",
        "button.repeat",
        "lang.zh_CN",
        "lang.zh_HK",
        "lang.en",
        "textsize.100",
        "textsize.125",
        "textsize.150",
        "textsize.200",
    ):
        assert find(window, name).isVisible(), name
    assert not find(window, "button.back").isVisible()  # nothing to go back to


def test_emergency_button_is_top_right_on_every_page(qtbot: QtBot, window: MainWindow) -> None:
    positions = set()
    for page in ("home", "appointments", "meals", "benefits", "emergency"):
        window.show_page(page)
        button = find(window, "button.emergency")
        assert button.isVisible()
        top_right = button.mapTo(window, button.rect().topRight())
        positions.add((top_right.x(), top_right.y()))
        assert top_right.x() > window.width() * 0.8 and top_right.y() < window.height() * 0.2
    assert len(positions) == 1


def test_tiles_back_and_home_navigate(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window, "tile.meals")  # a service first asks who the senior is
    assert window.current_page() == "identify"
    assert find(window, "button.back").isVisible()
    click(qtbot, window, "button.emergency")
    assert window.current_page() == "emergency"
    click(qtbot, window, "button.back")
    assert window.current_page() == "identify"
    click(qtbot, window, "button.home")
    assert window.current_page() == "home"
    click(qtbot, window, "tile.emergency")
    assert window.current_page() == "emergency"
    assert "120" in find(window, "label.number").text()


def test_language_switch_retranslates_every_visible_widget(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page("appointments")
    window.go_home()
    before = {w.objectName(): visible_label(w) for w in visible_widgets(window) if w.objectName()}
    for locale in ("en", "zh_HK", "zh_CN"):
        click(qtbot, window, f"lang.{locale}")
        assert window.locale == locale
        for service, label in EXPECTED_TILES[locale].items():
            tile = find(window, f"tile.{service}")
            assert tile.label() == label and tile.accessibleName() == label
        assert find(window, f"lang.{locale}").isChecked()
        for widget in visible_widgets(window):
            if widget.accessibleName() and not isinstance(widget, QLabel):
                assert widget.accessibleName() == visible_label(widget), widget.objectName()
    after = {w.objectName(): visible_label(w) for w in visible_widgets(window) if w.objectName()}
    assert before == after  # back in zh_CN: the same text as at start
    click(qtbot, window, "lang.en")
    assert find(window, "button.back").accessibleName() == "Back"
    assert window.home.title.text() == "Hello. What do you need today?"
    assert window.windowTitle() == "Yijiantong"


def test_text_size_scales_fonts_live(qtbot: QtBot, window: MainWindow) -> None:
    tile_label = find(window, "tile.meals").findChild(QLabel, "")
    title = window.home.title
    base_title = title.font().pixelSize()
    assert base_title >= 40
    click(qtbot, window, "textsize.200")
    assert window.text_scale == 200
    assert title.font().pixelSize() == 2 * base_title
    assert find(window, "textsize.200").isChecked()
    assert not find(window, "textsize.100").isChecked()
    assert tile_label is not None


def test_speak_and_repeat_explain_a_missing_microphone_and_speaker(
    qtbot: QtBot, window: MainWindow
) -> None:
    """This machine has no sound card: voice says so on screen (tests/e2e/test_voice_kiosk.py
    covers voice with one)."""
    click(qtbot, window, "button.speak")
    notice = find(window, "label.notice")
    assert "麦克风" in notice.plain_text()
    click(qtbot, window, "lang.en")
    click(qtbot, window, "tile.meals")  # the ID page is spoken, but there is no speaker
    voice = window.kiosk_app.voice  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(voice.speaker_problem))
    click(qtbot, window, "button.repeat")
    assert "No speaker found" in notice.accessibleName()


def test_keyboard_only_operation(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    first = find(window, "tile.appointments")
    first.setFocus()
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is find(window, "tile.meals")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert QApplication.focusWidget() is find(window, "tile.emergency")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    focused = QApplication.focusWidget()
    assert focused is find(window, "tile.benefits")
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page() == "identify")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.current_page() == "home"
    # Tab reaches every control on the home screen.
    seen: set[str] = set()
    start = find(window, "button.emergency")
    start.setFocus()
    for _ in range(30):
        widget: QWidget | None = QApplication.focusWidget()
        assert widget is not None
        seen.add(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    for name in ("tile.meals", "lang.en", "textsize.150", "button.speak", "button.repeat"):
        assert name in seen
