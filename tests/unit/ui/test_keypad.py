"""The on-screen keypad: names, signals, sizes and labels, measured on live widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.audit import audit
from ui.theme import PRIMARY_CONTROL_PX, THEMES, stylesheet
from ui.widgets.buttons import BigButton
from ui.widgets.keypad import Keypad

# objectName -> value carried by key_pressed
KEYS = {
    **{f"keypad.{d}": str(d) for d in range(10)},
    "keypad.x": "X",
    "keypad.delete": "delete",
    "keypad.clear": "clear",
    "keypad.enter": "enter",
}


class DictTranslator(QTranslator):
    """Translations from a dict, so tests do not depend on the compiled catalogues."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = table

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.table.get((context, source))


def styled_keypad(qtbot: QtBot, scale: int) -> tuple[QWidget, Keypad]:
    host = QWidget()
    host.setStyleSheet(stylesheet(THEMES["light"], scale))
    layout = QVBoxLayout(host)
    keypad = Keypad(host)
    keypad.apply_theme(THEMES["light"], scale)
    layout.addWidget(keypad)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host, keypad


def test_every_key_exists_with_its_label_as_accessible_name(qtbot: QtBot) -> None:
    keypad = Keypad()
    qtbot.addWidget(keypad)
    for name in KEYS:
        button = keypad.findChild(BigButton, name)
        assert button is not None, name
        assert button.text(), name
        assert button.accessibleName() == button.text()
    assert keypad.keys["enter"].property("role") == "primary"


@pytest.mark.parametrize(("name", "value"), sorted(KEYS.items()))
def test_every_key_emits_its_value(qtbot: QtBot, name: str, value: str) -> None:
    keypad = Keypad()
    qtbot.addWidget(keypad)
    keypad.show()
    button = keypad.findChild(BigButton, name)
    assert button is not None
    with qtbot.waitSignal(keypad.key_pressed, timeout=1000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [value]


def test_enter_and_space_on_a_focused_key_press_it(qtbot: QtBot) -> None:
    keypad = Keypad()
    qtbot.addWidget(keypad)
    keypad.show()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
        with qtbot.waitSignal(keypad.key_pressed, timeout=1000) as blocker:
            qtbot.keyClick(keypad.keys["7"], key)
        assert blocker.args == ["7"]


def test_x_can_be_disabled(qtbot: QtBot) -> None:
    keypad = Keypad()
    qtbot.addWidget(keypad)
    keypad.show()
    pressed: list[str] = []
    keypad.key_pressed.connect(pressed.append)
    keypad.set_x_enabled(False)
    qtbot.mouseClick(keypad.keys["X"], Qt.MouseButton.LeftButton)
    assert pressed == []
    keypad.set_x_enabled(True)
    qtbot.mouseClick(keypad.keys["X"], Qt.MouseButton.LeftButton)
    assert pressed == ["X"]


def test_labels_are_translated_and_names_follow(qtbot: QtBot) -> None:
    keypad = Keypad()
    qtbot.addWidget(keypad)
    translator = DictTranslator(
        {("Keypad", "Delete"): "删除", ("Keypad", "Clear"): "清空", ("Keypad", "OK"): "确定"}
    )
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        keypad.retranslate()
        assert [keypad.keys[k].text() for k in ("delete", "clear", "enter")] == [
            "删除",
            "清空",
            "确定",
        ]
        assert keypad.keys["enter"].accessibleName() == "确定"
    finally:
        app.removeTranslator(translator)


@pytest.mark.parametrize("scale", [100, 125, 150, 200])
def test_keys_are_big_and_nothing_is_clipped(qtbot: QtBot, scale: int) -> None:
    host, keypad = styled_keypad(qtbot, scale)
    for name, button in keypad.keys.items():
        assert button.height() >= PRIMARY_CONTROL_PX, name
        assert button.width() >= 64, name
    assert audit(host, scale) == []


def test_key_side_grows_on_request_but_never_below_the_minimum(qtbot: QtBot) -> None:
    host, keypad = styled_keypad(qtbot, 100)
    keypad.set_key_side(140)
    qtbot.waitUntil(lambda: keypad.keys["5"].height() == 140)
    assert keypad.keys["5"].width() == 140
    keypad.set_key_side(10)
    assert keypad.key_side() == PRIMARY_CONTROL_PX
    qtbot.waitUntil(lambda: keypad.keys["5"].height() == PRIMARY_CONTROL_PX)
    assert audit(host, 100) == []
