"""'Are you still there?' — shown before a session is wiped for privacy.

A page, not a pop-up, so nothing appears under a finger; one large 'continue' button;
the countdown gives at least 20 s (WCAG 2.2.1), configurable.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QWidget

from ui.pages.base import Page
from ui.widgets.buttons import BigButton
from ui.widgets.labels import TextLabel, WrappedText


class IdleWarningPage(Page):
    name = "idle_warning"
    continue_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seconds_left = 30
        self.message = WrappedText("body", self)
        self.message.setObjectName("label.message")
        # The countdown is a big number of its own: readable at a glance, in any language.
        self.countdown = TextLabel("big-number", self)
        self.countdown.setObjectName("label.countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.continue_button = BigButton("button.continue", "primary", None, self)
        self.continue_button.clicked.connect(self.continue_pressed)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.countdown)
        self.layout_.addWidget(self.continue_button)
        self.layout_.addStretch(1)

    def set_seconds_left(self, seconds: int) -> None:
        self.seconds_left = seconds
        self._update_message()

    def _update_message(self) -> None:
        self.message.set_text(
            QCoreApplication.translate(
                "IdleWarning",
                "To protect your privacy, this screen will soon go back to the start. "
                "Press Continue if you are still here. Seconds left:",
            )
        )
        self.countdown.set_text(str(self.seconds_left))

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("IdleWarning", "Are you still there?"))
        self.continue_button.set_label(QCoreApplication.translate("IdleWarning", "Continue"))
        self._update_message()

    def spoken_text(self) -> str:
        return f"{self.title.plain_text()} {self.message.plain_text()} {self.seconds_left}"
