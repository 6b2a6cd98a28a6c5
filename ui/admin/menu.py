"""The admin screen's start page: one big button per settings group, status, maintenance."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ui.admin.common import AdminPage, button
from ui.widgets.buttons import BigButton

# (page name, label) in the order shown; labels are looked up at retranslate time.
ENTRIES = (
    "admin.settings.display",
    "admin.settings.speech",
    "admin.settings.services",
    "admin.settings.session",
    "admin.settings.kiosk",
    "admin.settings.emergency",
    "admin.helpers",
    "admin.status",
    "admin.maintenance",
)


def page_label(page: str) -> str:
    labels: dict[str, Callable[[], str]] = {
        "admin.settings.display": lambda: QCoreApplication.translate(
            "Admin", "Display and language"
        ),
        "admin.settings.speech": lambda: QCoreApplication.translate(
            "Admin", "Speech and microphone"
        ),
        "admin.settings.services": lambda: QCoreApplication.translate(
            "Admin", "Services and order"
        ),
        "admin.settings.session": lambda: QCoreApplication.translate("Admin", "Session"),
        "admin.settings.kiosk": lambda: QCoreApplication.translate("Admin", "Kiosk name and hub"),
        "admin.settings.emergency": lambda: QCoreApplication.translate(
            "Admin", "Emergency and phone"
        ),
        "admin.helpers": lambda: QCoreApplication.translate("Admin", "Helper accounts"),
        "admin.status": lambda: QCoreApplication.translate("Admin", "Status"),
        "admin.maintenance": lambda: QCoreApplication.translate("Admin", "Maintenance"),
    }
    return labels[page]()


class AdminMenuPage(AdminPage):
    name = "admin.menu"
    open_page = Signal(str)
    close_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.buttons: dict[str, BigButton] = {}
        for index, page in enumerate(ENTRIES):
            b = button(
                self,
                f"admin.open.{page.removeprefix('admin.')}",
                partial(self.open_page.emit, page),
            )
            grid.addWidget(b, index // 3, index % 3)
            self.buttons[page] = b
        self.body.addLayout(grid)
        self.close_button = button(self, "button.admin_close", self.close_pressed.emit, "primary")
        self.body.addWidget(self.close_button)
        self.body.addStretch(1)

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("Admin", "Admin: settings and status"))
        for page, b in self.buttons.items():
            b.set_label(page_label(page))
        self.close_button.set_label(QCoreApplication.translate("Admin", "Close the admin screen"))
