"""The home screen: four big service tiles, language and text size."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from ui.i18n import LOCALES, NATIVE_NAMES
from ui.pages.base import Page
from ui.theme import Theme
from ui.widgets.buttons import ChoiceButton, Tile
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.labels import TextLabel

TEXT_SCALES = (100, 125, 150, 200)
# service id -> icon name; the order is the default order on screen.
SERVICE_ICONS = {
    "appointments": "doctor",
    "meals": "meal",
    "benefits": "benefits",
    "emergency": "emergency",
}


def service_label(service: str) -> str:
    labels = {
        "appointments": QCoreApplication.translate("Home", "Doctor"),
        "meals": QCoreApplication.translate("Home", "Meals"),
        "benefits": QCoreApplication.translate("Home", "Benefits"),
        "emergency": QCoreApplication.translate("Home", "Emergency"),
    }
    return labels[service]


class HomePage(Page):
    name = "home"
    service_chosen = Signal(str)
    locale_chosen = Signal(str)
    scale_chosen = Signal(int)

    def __init__(self, services: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, Tile] = {}
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(24)
        for index, service in enumerate(s for s in services if s in SERVICE_ICONS):
            role = "emergency" if service == "emergency" else "tile"
            tile = Tile(f"tile.{service}", SERVICE_ICONS[service], role, grid_host)
            tile.clicked.connect(lambda _=False, s=service: self.service_chosen.emit(s))
            self.tiles[service] = tile
            grid.addWidget(tile, index // 2, index % 2)
        self.layout_.addWidget(grid_host, 1)

        options = QWidget(self)
        flow = FlowLayout(options, spacing=16)
        self.language_buttons: dict[str, ChoiceButton] = {}
        language_group = QWidget(options)
        language_row = QHBoxLayout(language_group)
        language_row.setContentsMargins(0, 0, 0, 0)
        language_row.setSpacing(12)
        for locale in LOCALES:
            button = ChoiceButton(f"lang.{locale}", language_group)
            button.set_label(NATIVE_NAMES[locale])
            button.clicked.connect(lambda _=False, loc=locale: self.locale_chosen.emit(loc))
            self.language_buttons[locale] = button
            language_row.addWidget(button)
        flow.addWidget(language_group)

        size_group = QWidget(options)
        size_row = QHBoxLayout(size_group)
        size_row.setContentsMargins(0, 0, 0, 0)
        size_row.setSpacing(12)
        self.text_size_label = TextLabel("body", size_group)
        self.text_size_label.setObjectName("label.textsize")
        size_row.addWidget(self.text_size_label)
        self.scale_buttons: dict[int, ChoiceButton] = {}
        for scale in TEXT_SCALES:
            button = ChoiceButton(f"textsize.{scale}", size_group)
            button.clicked.connect(lambda _=False, s=scale: self.scale_chosen.emit(s))
            self.scale_buttons[scale] = button
            size_row.addWidget(button)
        flow.addWidget(size_group)
        self.layout_.addWidget(options)

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("Home", "Hello. What do you need today?"))
        for service, tile in self.tiles.items():
            tile.set_label(service_label(service))
        self.text_size_label.set_text(QCoreApplication.translate("Home", "Text size"))
        for scale, button in self.scale_buttons.items():
            button.set_label(f"{scale}%")

    def show_selection(self, locale: str, scale: int) -> None:
        for code, button in self.language_buttons.items():
            button.setChecked(code == locale)
        for value, button in self.scale_buttons.items():
            button.setChecked(value == scale)

    def apply_theme(self, theme: Theme, scale: int) -> None:
        for tile in self.tiles.values():
            tile.apply_theme(theme, scale)
        for button in (*self.language_buttons.values(), *self.scale_buttons.values()):
            button.apply_theme(theme, scale)

    def spoken_text(self) -> str:
        names = "; ".join(tile.label() for tile in self.tiles.values())
        return f"{self.title.plain_text()} {names}"
