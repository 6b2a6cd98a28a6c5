"""The staff keypad: admin PIN, a helper's PIN, or a helper badge from a card reader.

The digits show as dots only. A card reader acts as a keyboard: it "types" the badge
digits and Enter; the page takes digit and Enter keys from anywhere on it, so the reader
works whichever key has the focus (Enter must not press the focused keypad key).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from ui.admin.common import ADMIN_SCALE
from ui.pages.base import Page
from ui.theme import Theme
from ui.widgets.keypad import SPACING, Keypad
from ui.widgets.labels import TextLabel, WrappedText

MAX_DIGITS = 32
KEY_PX = 128  # the largest key; smaller where four rows would not fit


class PinPage(Page):
    """``submitted(str)`` when OK / Enter is pressed with something typed."""

    own_scale = ADMIN_SCALE

    submitted = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        self.name = name
        super().__init__(parent)
        self.prompt = WrappedText("body", self)
        self.prompt.setObjectName("label.pin_prompt")
        self.dots = TextLabel("big-number", self)
        self.dots.setObjectName("label.pin_dots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = WrappedText("notice", self)
        self.message.setObjectName("label.pin_message")
        self.message.hide()
        self.keypad = Keypad(self)
        self.keypad.set_x_enabled(False)
        self.keypad.set_key_side(KEY_PX)  # staff with weak eyes and unsteady hands too
        self.keypad.key_pressed.connect(self._key)
        self.layout_.addWidget(self.prompt)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.dots)
        self.layout_.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.layout_.addStretch(1)
        self._digits = ""
        # Kept untranslated (as callables) so a language change while the keypad is up
        # shows the title and prompt in the new language too.
        self._title_text: Callable[[], str] = str
        self._prompt_text: Callable[[], str] = str
        for child in (self, *self.findChildren(QWidget)):
            child.installEventFilter(self)
        self._show_dots()

    def set_texts(self, title: Callable[[], str], prompt: Callable[[], str]) -> None:
        """``title`` and ``prompt`` return the text in the current language."""
        self._title_text, self._prompt_text = title, prompt
        self.retranslate()

    def retranslate(self) -> None:
        self.title.set_text(self._title_text())
        self.prompt.set_text(self._prompt_text())
        self.keypad.retranslate()

    def say(self, text: str) -> None:
        self.message.set_text(text)
        self.message.setVisible(bool(text))

    def apply_theme(self, theme: Theme, scale: int) -> None:
        self.keypad.apply_theme(theme, scale)
        self._fit_keys()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_keys()

    def _fit_keys(self) -> None:
        """Four rows of keys in the height left under the texts, never cut at the bottom."""
        margins = self.layout_.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        used = margins.top() + margins.bottom() + 4 * self.layout_.spacing()
        for part in (self.title, self.prompt, self.dots, self.message):
            if not part.isHidden():
                hint = part.heightForWidth(width) if part.hasHeightForWidth() else -1
                used += hint if hint >= 0 else part.sizeHint().height()
        side = (self.height() - used - 3 * SPACING) // 4
        self.keypad.set_key_side(min(KEY_PX, side))

    def reset(self) -> None:
        self._digits = ""
        self.say("")
        self._show_dots()

    def digits(self) -> str:
        return self._digits

    def _key(self, key: str) -> None:
        if key.isdigit() and len(self._digits) < MAX_DIGITS:
            self._digits += key
        elif key == "delete":
            self._digits = self._digits[:-1]
        elif key == "clear":
            self._digits = ""
        elif key == "enter" and self._digits:
            typed, self._digits = self._digits, ""
            self._show_dots()
            self.submitted.emit(typed)
            return
        self._show_dots()

    def _show_dots(self) -> None:
        text = "●" * len(self._digits) if self._digits else "—"
        self.dots.set_text(text)
        self.dots.setAccessibleName(
            QCoreApplication.translate("Admin", "{count} digits entered").replace(
                "{count}", str(len(self._digits))
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if text.isdigit() and text.isascii():
                self._key(text)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._key("enter")
                return True
            if event.key() == Qt.Key.Key_Backspace:
                self._key("delete")
                return True
        return False
