"""A big on-screen keyboard for the admin screen's text fields (the kiosk has no keyboard).

Layout (five rows; every symbol an admin field needs is on the one page, so there is no
symbols mode to get lost in)::

    1  2  3  4  5  6  7  8  9  0  Delete
    q  w  e  r  t  y  u  i  o  p  -
    a  s  d  f  g  h  j  k  l  :  /
    Shift  z  x  c  v  b  n  m  .  @  _
    Clear  ,  =  +  Space             Done

How it types: the keys never take focus (``Qt.NoFocus``), so the text field keeps it and
its cursor; a key calls ``QLineEdit.insert`` / ``backspace`` on the field it is attached
to. No OS key events are synthesised. Done hides the keyboard and then emits the field's
``returnPressed``, so a page's "save on Enter" runs exactly as with a real keyboard.

When it opens (see :meth:`TextKeyboard.track`): a tap on a tracked field opens it for that
field; while it is open, focus moving to another tracked field moves it along; focus
moving anywhere else (a Save button, another page) closes it. Focus that arrives by
program or by the Tab/arrow chain does *not* open it: pages focus their first control
on entry and rebuilt pages shuffle focus, and a keyboard popping up over half the page
then would only be in the way. Shift is a caps lock (pressed once, stays on, its key
shows it) and the letter keys show what they will type, so nobody needs to remember.

Chinese input is out of scope: names are typed in pinyin or latin letters.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.theme import BODY_PX, LIGHT, MIN_CONTROL_PX, TITLE_PX, Theme, px
from ui.widgets.buttons import BigButton

# Symbols and the suffix of their key's objectName (``keyboard.colon``).
SYMBOL_NAMES = {
    "-": "minus",
    ":": "colon",
    "/": "slash",
    ".": "period",
    "@": "at",
    "_": "underscore",
    ",": "comma",
    "=": "equals",
    "+": "plus",
}
# Each row: (key, width in units). Single characters type themselves; words are actions.
ROWS: tuple[tuple[tuple[str, int], ...], ...] = (
    (*((d, 1) for d in "1234567890"), ("backspace", 2)),
    (*((c, 1) for c in "qwertyuiop"), ("-", 1)),
    (*((c, 1) for c in "asdfghjkl"), (":", 1), ("/", 1)),
    (("shift", 2), *((c, 1) for c in "zxcvbnm"), (".", 1), ("@", 1), ("_", 1)),
    (("clear", 2), (",", 1), ("=", 1), ("+", 1), ("space", 5), ("done", 3)),
)
ACTIONS = ("backspace", "shift", "clear", "space", "done")
# Small: a key's own 3 px margin already separates it, and every pixel saved is key height.
SPACING = 4
TOP_MARGIN = 4
# Outer key height at 100 %: above the 64 px minimum because the keys are small targets
# side by side, and enough for a title-size letter. Every row is exactly this tall, so the
# rows line up. Keys (and their labels) stop growing at 125 %: five rows of bigger keys
# would leave no room on a 1080 px screen for the field being typed into, and a single
# letter at 50 px is still far bigger than body text.
KEY_PX = 76
KEY_SCALE_CAP = 125
# From the window style sheet: a button's border and margin (see ui/widgets/keypad.py).
_BORDER_PX = 3
_MARGIN_PX = 3
_KEEP_OPEN_REASONS = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


def key_name(key: str) -> str:
    """The objectName suffix of ``key``: ``a``, ``1``, ``colon``, ``space``, ``done``."""
    return SYMBOL_NAMES.get(key, key)


class TextKeyboard(QWidget):
    """Types into the attached :class:`QLineEdit`; keys are named ``keyboard.<key_name>``.

    ``opened(field)`` is emitted each time it opens or moves to a field (the page scrolls
    the field into view); ``closed`` when it hides.
    """

    opened = Signal(QLineEdit)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.keys: dict[str, BigButton] = {}
        self._target: QLineEdit | None = None
        self._caps = False
        self._scale = 100
        self._theme = LIGHT
        self._budget: int | None = None  # height the page can spare; None: no limit
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, TOP_MARGIN, 0, 0)
        rows.setSpacing(SPACING)
        for keys in ROWS:
            line = QHBoxLayout()
            line.setSpacing(SPACING)
            for key, width in keys:
                line.addWidget(self._make_key(key), width)
            rows.addLayout(line)
        self.keys["shift"].setCheckable(True)
        for key in "1234567890" + "".join(SYMBOL_NAMES):
            self.keys[key].set_label(key)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.hide()
        self.retranslate()
        self._restyle()

    def _make_key(self, key: str) -> BigButton:
        # Done is not role "primary": primary actions are 96 px tall, and this one sits in
        # a row of keys; it stands out by colour (see _restyle) instead.
        role = "button" if key in ACTIONS else "key"
        button = BigButton(f"keyboard.{key_name(key)}", role, None, self)
        button.setProperty("keyboardKey", key_name(key))  # for the style sheet (Done)
        # The field keeps focus (and its cursor) while keys are tapped.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda _=False, k=key: self.press(k))
        self.keys[key] = button
        return button

    # -- what the keys do ------------------------------------------------------------------
    def target(self) -> QLineEdit | None:
        """The field being typed into (None when closed or the field is gone)."""
        if self._target is not None and not shiboken6.isValid(self._target):
            self._target = None
        return self._target

    def press(self, key: str) -> None:
        """What a tap on ``key`` does (also the keys' click handler)."""
        if key == "shift":
            self._set_caps(not self._caps)
            return
        if key == "done":
            self.done()
            return
        field = self.target()
        if field is None:
            return
        if key == "backspace":
            field.backspace()
        elif key == "clear":
            field.clear()
        elif key == "space":
            field.insert(" ")
        else:
            field.insert(key.upper() if self._caps else key)

    def done(self) -> None:
        """Close, then let the field's owner act as on Enter (the settings page saves).

        Closing first matters: saving may rebuild the page, and the focus Qt then moves
        to the next field must not reopen the keyboard.
        """
        field = self.target()
        self.close_keyboard()
        if field is not None:
            field.returnPressed.emit()

    def _set_caps(self, on: bool) -> None:
        self._caps = on
        self.keys["shift"].setChecked(on)
        for key in "abcdefghijklmnopqrstuvwxyz":
            self.keys[key].set_label(key.upper() if on else key)

    # -- opening and closing ---------------------------------------------------------------
    def open_for(self, field: QLineEdit) -> None:
        self._target = field
        if not self.isVisible():
            self.retranslate()
            self.show()
        self.opened.emit(field)

    def close_keyboard(self) -> None:
        self._target = None
        self._set_caps(False)
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def track(self, field: QLineEdit) -> None:
        """Open for ``field`` when it is tapped; follow or close as focus moves on."""
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QLineEdit):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self.open_for(watched)
        elif kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            if event.reason() == Qt.FocusReason.MouseFocusReason or self.isVisible():
                self.open_for(watched)
        elif kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            if event.reason() not in _KEEP_OPEN_REASONS and watched is self.target():
                self._focus_left(watched)
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.close_keyboard()  # the field itself still sees Enter and saves
        return False

    def _focus_left(self, field: QLineEdit) -> None:
        # Qt has already made the new widget the focus widget when the old one hears of it.
        new = QApplication.focusWidget()
        page = self.parentWidget()
        moving_on = (
            isinstance(new, QLineEdit)
            and new is not field
            and page is not None
            and page.isAncestorOf(new)
        )
        if not moving_on:  # a tracked field's own FocusIn moves the keyboard along
            self.close_keyboard()

    # -- language and look -----------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        words = {
            "backspace": QCoreApplication.translate("Keyboard", "Delete"),
            "shift": QCoreApplication.translate("Keyboard", "Shift"),
            "clear": QCoreApplication.translate("Keyboard", "Clear"),
            "space": QCoreApplication.translate("Keyboard", "Space"),
            "done": QCoreApplication.translate("Keyboard", "Done"),
        }
        for key, text in words.items():
            self.keys[key].set_label(text)
        self._set_caps(self._caps)

    def apply_theme(self, theme: Theme, scale: int) -> None:
        """Fonts and key size for the text scale; colours come from the window style sheet
        except Done's, which uses the tile colours so the way out stands out."""
        self._theme = theme
        self._scale = scale
        self._restyle()

    def fit_height(self, budget: int | None) -> None:
        """Keep the whole keyboard within ``budget`` px (keys shrink, never below 64 px);
        the page calls this with what it can spare besides its title and the field."""
        if budget != self._budget:
            self._budget = budget
            self._restyle()

    def key_height(self) -> int:
        """The outer height every key is given (>= 64 px): the scale's, or less to fit."""
        wanted = px(KEY_PX, min(self._scale, KEY_SCALE_CAP))
        if self._budget is not None:
            rows = len(ROWS)
            wanted = min(wanted, (self._budget - TOP_MARGIN - (rows - 1) * SPACING) // rows)
        return max(MIN_CONTROL_PX, wanted)

    def _restyle(self) -> None:
        scale = self._scale
        capped = min(scale, KEY_SCALE_CAP)
        pad_v = 2
        content = self.key_height() - 2 * pad_v - 2 * (_BORDER_PX + _MARGIN_PX)
        # Labels follow the text scale but must fit their key (a line of text is about
        # 1.25 times its font size): at 200 % on a 1080 px screen they stop at ~38 px.
        fit = int(content / 1.25)
        word_px = min(px(BODY_PX, scale), fit)
        char_px = min(max(px(TITLE_PX, capped), px(BODY_PX, scale)), fit)
        t = self._theme
        # The window's sheet still gives colours, borders and the checked (Shift on) look.
        # Done is no taller than its row; its colours are a pair the theme tests check.
        self.setStyleSheet(
            f"""
QPushButton {{
    min-height: {content}px; max-height: {content}px; padding: {pad_v}px 4px;
    font-size: {word_px}px;
}}
QPushButton[role="key"] {{ font-size: {char_px}px; }}
QPushButton[keyboardKey="done"] {{
    background-color: {t.tile_bg}; color: {t.tile_text}; border-color: {t.tile_bg};
}}
"""
        )
