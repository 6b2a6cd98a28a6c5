"""Pages for services that later releases fill in.

They say plainly that the service is coming and what to do meanwhile. The emergency
placeholder never pretends to call anyone: it tells the person to call 120 or ask staff.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from ui.pages.base import Page
from ui.pages.home import service_label
from ui.widgets.labels import TextLabel, WrappedText


class ComingSoonPage(Page):
    def __init__(self, service: str, parent: QWidget | None = None) -> None:
        self.name = service
        super().__init__(parent)
        self.service = service
        self.message = WrappedText("body", self)
        self.message.setObjectName("label.message")
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)

    def retranslate(self) -> None:
        self.title.set_text(service_label(self.service))
        self.message.set_text(
            QCoreApplication.translate(
                "ComingSoon",
                "This service is coming soon. If you need help with it today, "
                "please ask a member of staff.",
            )
        )

    def spoken_text(self) -> str:
        return f"{self.title.plain_text()}. {self.message.plain_text()}"


class EmergencyInfoPage(Page):
    name = "emergency"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = WrappedText("warning", self)
        self.message.setObjectName("label.message")
        self.number = TextLabel("big-number", self)
        self.number.setObjectName("label.number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = WrappedText("body", self)
        self.hint.setObjectName("label.hint")
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.number)
        self.layout_.addWidget(self.hint)
        self.layout_.addStretch(1)

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("Emergency", "Emergency call"))
        self.message.set_text(
            QCoreApplication.translate(
                "Emergency",
                "This kiosk cannot call for help yet. If you need help now, "
                "call 120 or ask a member of staff.",
            )
        )
        self.number.set_text("120")
        self.hint.set_text(
            QCoreApplication.translate("Emergency", "120 is the emergency ambulance number.")
        )

    def spoken_text(self) -> str:
        return f"{self.title.plain_text()}. {self.message.plain_text()}"
