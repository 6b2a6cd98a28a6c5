"""What every page has: a name, a title, one question, and a way to forget the user.

Pages never talk to services or other pages directly; they emit signals the main
window (and, through it, kiosk/) acts on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.labels import TextLabel


class Page(QWidget):
    #: Stable English page name used by navigation, ``current_page()`` and screenshots.
    name = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page.{self.name}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(32, 16, 32, 16)
        self.layout_.setSpacing(16)
        self.title = TextLabel("title", self)
        self.title.setObjectName("label.title")
        self.title.setWordWrap(True)
        self.layout_.addWidget(self.title)

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        raise NotImplementedError

    def apply_theme(self, theme: Theme, scale: int) -> None:
        """Redraw icons in the theme's colours; plain colours come from the style sheet."""

    def reset(self) -> None:
        """Forget everything the current user entered or was shown (privacy wipe)."""

    def spoken_text(self) -> str:
        """What the speech engine says when this page appears or on 'repeat'."""
        return self.title.plain_text()

    def entered(self) -> None:
        """Called each time the page becomes visible."""
