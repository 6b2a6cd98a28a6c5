"""A big on-screen keypad for ID and phone numbers.

Layout (the X key is needed for the resident-ID check character; 0 is double width like
on a telephone keypad, so the most common key is the easiest to hit)::

    1  2  3  Delete
    4  5  6  Clear
    7  8  9  OK
    X  0  0  OK

Every key is a :class:`BigButton`, so taps, Enter/Space and arrow-key navigation behave as
everywhere else in the kiosk, and each key's accessible name is its visible label. The
keypad only reports which key was pressed; what the keys mean is up to the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from ui.theme import BODY_PX, PRIMARY_CONTROL_PX, TITLE_PX, Theme, px
from ui.widgets.buttons import BigButton

DIGITS = "0123456789"
# Names carried by ``key_pressed``; also the suffix of each key's objectName.
ACTIONS = ("delete", "clear", "enter")
# (row, column, row span, column span) in the grid.
_POSITIONS: dict[str, tuple[int, int, int, int]] = {
    **{str(d): ((d - 1) // 3, (d - 1) % 3, 1, 1) for d in range(1, 10)},
    "X": (3, 0, 1, 1),
    "0": (3, 1, 1, 2),
    "delete": (0, 3, 1, 1),
    "clear": (1, 3, 1, 1),
    "enter": (2, 3, 2, 1),
}
SPACING = 12
# From the window style sheet: a button's border and margin (the focus ring trades one
# for the other, so the outer size stays the same).
_BORDER_PX = 3
_MARGIN_PX = 3


class Keypad(QWidget):
    """Emits ``key_pressed`` with ``"0"``-``"9"``, ``"X"``, ``"delete"``, ``"clear"`` or
    ``"enter"``. Keys are named ``keypad.0`` … ``keypad.9``, ``keypad.x``,
    ``keypad.delete``, ``keypad.clear`` and ``keypad.enter``."""

    key_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self.keys: dict[str, BigButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(SPACING)
        for key, (row, column, rows, columns) in _POSITIONS.items():
            role = {"enter": "primary", "delete": "button", "clear": "button"}.get(key, "key")
            button = BigButton(f"keypad.{key.lower()}", role, None, self)
            # Keys take the size their grid cell gives them (the tall OK key spans two
            # rows), never less than their text needs.
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
            button.clicked.connect(lambda _=False, k=key: self.key_pressed.emit(k))
            grid.addWidget(button, row, column, rows, columns)
            self.keys[key] = button
        # Digits are never translated, so they get their labels once.
        for key in (*DIGITS, "X"):
            self.keys[key].set_label(key)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._scale = 100
        self._side = PRIMARY_CONTROL_PX
        self.retranslate()

    def button(self, key: str) -> BigButton:
        """The button for ``"0"``-``"9"``, ``"X"`` or an action name."""
        return self.keys[key]

    def set_x_enabled(self, enabled: bool) -> None:
        self.keys["X"].setEnabled(enabled)

    def retranslate(self) -> None:
        self.keys["delete"].set_label(QCoreApplication.translate("Keypad", "Delete"))
        self.keys["clear"].set_label(QCoreApplication.translate("Keypad", "Clear"))
        self.keys["enter"].set_label(QCoreApplication.translate("Keypad", "OK"))

    def apply_theme(self, theme: Theme, scale: int) -> None:
        """Fonts for the text scale; colours come from the window's style sheet.

        Digits (and, up to 125 %, the action words) are drawn at title size because they
        are what the person is looking for.
        """
        del theme  # colours come from the window style sheet
        self._scale = scale
        self._restyle()

    def set_key_side(self, side: int) -> None:
        """Make every key at least ``side`` px tall (digits square); never below
        ``PRIMARY_CONTROL_PX``. The page calls this with what its free space allows."""
        side = max(side, PRIMARY_CONTROL_PX)
        if side != self._side:
            self._side = side
            self._restyle()

    def key_side(self) -> int:
        return self._side

    def _restyle(self) -> None:
        scale = self._scale
        digit_px = max(px(BODY_PX, scale), px(TITLE_PX, min(scale, 150)))
        action_px = max(px(BODY_PX, scale), px(TITLE_PX, min(scale, 125)))
        # Less padding at large text: the text itself then makes the key big enough.
        pad_v, pad_h = (8, px(12, scale)) if scale <= 125 else (2, 8)
        # min-height/min-width size the content box; padding, border and margin add the
        # rest, so the key's outer size is ``self._side``.
        content = self._side - 2 * pad_v - 2 * (_BORDER_PX + _MARGIN_PX)
        digit_width = self._side - 2 * 4 - 2 * (_BORDER_PX + _MARGIN_PX)
        # A widget's own style sheet wins over the window's for the properties it sets;
        # everything else (colours, borders, focus ring) still comes from the window.
        self.setStyleSheet(
            f"""
QPushButton {{
    min-height: {content}px; padding: {pad_v}px {pad_h}px; font-size: {action_px}px;
}}
QPushButton[role="primary"] {{ font-size: {px(TITLE_PX, scale)}px; }}
QPushButton[role="key"] {{
    font-size: {digit_px}px; min-width: {digit_width}px; padding: {pad_v}px 4px;
}}
/* A key that does nothing right now looks different in shape, not only in colour. */
QPushButton:disabled {{ border-style: dashed; }}
"""
        )
