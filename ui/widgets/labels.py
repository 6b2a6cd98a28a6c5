"""Text widgets with the accessibility rules built in.

``accessibleName`` always equals the visible text, and wrapped text is laid out with a
line height of at least 1.3 (REFERENCE.md), which plain QLabel cannot do: we render it
as rich text with an explicit ``line-height``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.theme import LINE_HEIGHT


class TextLabel(QLabel):
    """A label whose accessible name follows its text. ``role`` selects the style."""

    def __init__(self, role: str = "body", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self._plain = ""

    def set_text(self, text: str) -> None:
        self._plain = text
        self.setText(text)
        self.setAccessibleName(text)

    def plain_text(self) -> str:
        return self._plain


class WrappedText(TextLabel):
    """Body text that wraps over several lines with line spacing >= 1.3."""

    line_height = LINE_HEIGHT

    def __init__(self, role: str = "body", parent: QWidget | None = None) -> None:
        super().__init__(role, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)  # a fresh QSizePolicy drops QLabel's own hfw flag
        self.setSizePolicy(policy)

    def set_text(self, text: str) -> None:
        self._plain = text
        percent = round(self.line_height * 100)
        body = html.escape(text).replace("\n", "<br>")
        self.setText(f'<p style="line-height:{percent}%; margin:0">{body}</p>')
        self.setAccessibleName(text)
