"""Helper accounts: a name plus a PIN and/or a badge number (a card reader types it)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.admin.common import AdminPage, button, clear_layout, heading, row, text_field
from ui.widgets.labels import TextLabel


class HelperAccountsPage(AdminPage):
    name = "admin.helpers"
    add_requested = Signal(str, str, str)  # name, PIN, badge ("" when not given)
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_heading = heading(self, "label.helpers_heading")
        self.body.addWidget(self.list_heading)
        self.accounts = QVBoxLayout()
        self.body.addLayout(self.accounts)
        self.add_heading = heading(self, "label.helper_add")
        self.body.addWidget(self.add_heading)
        self.name_label = TextLabel("body", self)
        self.name_field = text_field(self, "field.helper_name")
        self.pin_label = TextLabel("body", self)
        self.pin_field = text_field(self, "field.helper_pin", secret=True)
        self.badge_label = TextLabel("body", self)
        self.badge_field = text_field(self, "field.helper_badge", secret=True)
        for label, field in (
            (self.name_label, self.name_field),
            (self.pin_label, self.pin_field),
            (self.badge_label, self.badge_field),
        ):
            self.body.addWidget(label)
            self.body.addWidget(field)
        self.add_button = button(self, "button.helper_add", self._add, "primary")
        self.body.addLayout(row(self.add_button))
        self.body.addStretch(1)
        self._helpers: Sequence[Any] = ()

    def _add(self) -> None:
        self.add_requested.emit(
            self.name_field.text(), self.pin_field.text(), self.badge_field.text()
        )

    def clear_form(self) -> None:
        for field in (self.name_field, self.pin_field, self.badge_field):
            field.clear()

    def reset(self) -> None:
        super().reset()
        self.clear_form()

    def show_helpers(self, helpers: Sequence[Any]) -> None:
        """``helpers``: objects with ``id``, ``name``, ``has_pin``, ``has_badge``."""
        self._helpers = helpers
        clear_layout(self.accounts)
        if not helpers:
            empty = TextLabel("body", self)
            empty.set_text(QCoreApplication.translate("Admin", "No helper accounts yet."))
            self.accounts.addWidget(empty)
        for helper in helpers:
            ways = []
            if helper.has_pin:
                ways.append(QCoreApplication.translate("Admin", "PIN"))
            if helper.has_badge:
                ways.append(QCoreApplication.translate("Admin", "badge"))
            label = TextLabel("body", self)
            label.set_text(f"{helper.name} ({', '.join(ways)})")
            remove = button(
                self,
                f"button.helper_remove.{helper.id}",
                partial(self.remove_requested.emit, helper.id),
            )
            remove.set_label(QCoreApplication.translate("Admin", "Remove"))
            self.accounts.addLayout(row(label, remove))

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("Admin", "Helper accounts"))
        self.list_heading.set_text(QCoreApplication.translate("Admin", "Helpers"))
        self.add_heading.set_text(QCoreApplication.translate("Admin", "Add a helper"))
        self.name_label.set_text(QCoreApplication.translate("Admin", "Name"))
        self.pin_label.set_text(QCoreApplication.translate("Admin", "PIN (4 to 12 digits)"))
        self.badge_label.set_text(
            QCoreApplication.translate("Admin", "Badge number (or swipe the badge here)")
        )
        self.add_button.set_label(QCoreApplication.translate("Admin", "Add helper"))
        self.show_helpers(self._helpers)
