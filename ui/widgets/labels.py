"""Text widgets with the accessibility rules built in.

``accessibleName`` always equals the visible text, and wrapped text is laid out with a
line height of at least 1.3 (docs/domain.md), which plain QLabel cannot do: we render it
as rich text with an explicit ``line-height``.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QEvent, Qt
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
    """Body text that wraps over several lines with line spacing >= 1.3 x the font size.

    Qt's ``line-height`` percentage multiplies the font's own line spacing, which is already
    about 1.45 em for the CJK fonts and 1.16 em for Latin ones; so the percentage is worked
    out from the actual font, giving at least ``line_height`` em without doubling up."""

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
        self._render()
        self.setAccessibleName(text)

    def _render(self) -> None:
        size = self.font().pixelSize()
        natural = self.fontMetrics().lineSpacing()
        if size > 0 and natural > 0:
            percent = max(100, math.ceil(self.line_height * size * 100 / natural))
        else:
            percent = round(self.line_height * 100)
        body = html.escape(self._plain).replace("\n", "<br>")
        self.setText(f'<p style="line-height:{percent}%; margin:0">{body}</p>')

    def changeEvent(self, event: QEvent) -> None:
        # The style sheet sets the font after the text: recompute for the real font.
        if event.type() == QEvent.Type.FontChange:
            self._render()
        super().changeEvent(event)
