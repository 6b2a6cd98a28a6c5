"""Up to six big choices at a time, with "previous" and "more" when there are more.

At most six choices per screen (docs/domain.md); a hospital with twelve departments gets
two screens of six, not a scrolling list (scrolling is a gesture many seniors cannot do).
Fewer fit at larger text sizes, so the page size follows the text scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.buttons import BigButton, retire
from ui.widgets.labels import TextLabel

# text scale -> (columns, rows) of choices per screen
_GRID = {100: (2, 3), 125: (2, 3), 150: (2, 2), 200: (1, 2)}
# Below this width (in 100 % pixels) two columns of choices would cut their labels.
_TWO_COLUMNS_MIN_PX = 1200


@dataclass(frozen=True, slots=True)
class ChoiceItem:
    """One choice: ``id`` becomes the objectName ``choice.<id>``; ``text`` may have two lines."""

    id: str
    text: str
    enabled: bool = True
    role: str = "button"
    wide: bool = False  # takes a whole row (a long, important choice)
    icons: tuple[str, ...] = ()  # shown before the text (a meal's dietary tags)


class ChoiceGrid(QWidget):
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choices")
        self._items: list[ChoiceItem] = []
        self._screen = 0
        self._built_cols = 0
        self._scale = 100
        self.buttons: dict[str, BigButton] = {}
        self._look: tuple[Theme, int] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(16)
        outer.addWidget(self._grid_host)
        self._paging = QWidget(self)
        row = QHBoxLayout(self._paging)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.previous = BigButton("button.previous", "button", None, self._paging)
        self.more = BigButton("button.more", "button", None, self._paging)
        self.position = TextLabel("body", self._paging)
        self.position.setObjectName("label.page_position")
        self.previous.clicked.connect(lambda: self._turn(-1))
        self.more.clicked.connect(lambda: self._turn(1))
        row.addWidget(self.previous)
        row.addWidget(self.position)
        row.addStretch(1)
        row.addWidget(self.more)
        outer.addWidget(self._paging)
        self._paging.hide()
        self.retranslate()

    # -- content ------------------------------------------------------------------------
    def _shape(self) -> tuple[int, int]:
        """(columns, rows) per screen: two columns only where two labels fit side by side
        (a 1280 px screen at 125 % gets one wide column)."""
        cols, rows = _GRID.get(self._scale, (2, 3))
        width = self.width() if self.width() > 100 else self.window().width()
        if cols == 2 and width * 100 / self._scale < _TWO_COLUMNS_MIN_PX:
            cols = 1
        return cols, rows

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._items and self._shape()[0] != self._built_cols:
            self._rebuild()

    def _screens(self) -> list[list[tuple[ChoiceItem, int, int, int]]]:
        """Items split into screens of (item, row, column, column span)."""
        cols, rows = self._shape()
        screens: list[list[tuple[ChoiceItem, int, int, int]]] = [[]]
        row = col = 0
        for item in self._items:
            span = cols if item.wide else 1
            if col and col + span > cols:  # a wide item starts its own row
                row, col = row + 1, 0
            if row >= rows:
                screens.append([])
                row = col = 0
            screens[-1].append((item, row, col, span))
            col += span
            if col >= cols:
                row, col = row + 1, 0
        return screens

    def set_items(self, items: Sequence[ChoiceItem], *, keep_screen: bool = False) -> None:
        """Show ``items``; with ``keep_screen`` stay on the same screen (new texts, e.g. a
        language switch, must not send the person back to the first screen)."""
        self._items = list(items)
        if not keep_screen:
            self._screen = 0
        self._rebuild()

    def items(self) -> list[ChoiceItem]:
        return list(self._items)

    def visible_items(self) -> list[ChoiceItem]:
        screens = self._screens()
        return [entry[0] for entry in screens[min(self._screen, len(screens) - 1)]]

    def show_item(self, item_id: str) -> None:
        """Turn to the screen that holds ``item_id`` (used by automation and voice)."""
        for index, screen in enumerate(self._screens()):
            if any(entry[0].id == item_id for entry in screen):
                self._screen = index
                self._rebuild()
                return

    def set_scale(self, scale: int) -> None:
        if scale != self._scale:
            shown = self.visible_items()
            self._scale = scale
            self._screen = 0
            if shown:
                self.show_item(shown[0].id)
            else:
                self._rebuild()

    def _turn(self, step: int) -> None:
        self._screen = min(max(0, self._screen + step), len(self._screens()) - 1)
        self._rebuild()
        shown = [b for b in self.buttons.values() if b.isEnabled()]
        if shown:  # keypad users continue on the new choices, not on a hidden button
            shown[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _rebuild(self) -> None:
        for button in self.buttons.values():
            self._grid.removeWidget(button)
            retire(button)
        self.buttons = {}
        cols, _rows = self._shape()
        self._built_cols = cols
        for column in range(2):  # equal columns, whatever the labels' lengths
            self._grid.setColumnStretch(column, 1 if column < cols else 0)
        screens = self._screens()
        self._screen = min(self._screen, len(screens) - 1)
        for item, row, col, span in screens[self._screen]:
            button = BigButton(f"choice.{item.id}", item.role, None, self._grid_host)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.set_label(item.text)
            button.set_icons(item.icons)
            button.setEnabled(item.enabled)
            button.clicked.connect(lambda _=False, i=item.id: self.chosen.emit(i))
            if self._look is not None:
                button.apply_theme(*self._look)
            self._grid.addWidget(button, row, col, 1, span)
            self.buttons[item.id] = button
        pages = len(screens)
        current = self._screen + 1
        self._paging.setVisible(pages > 1)
        self.previous.setEnabled(current > 1)
        self.more.setEnabled(current < pages)
        self.position.set_text(
            QCoreApplication.translate("Choices", "Page {current} of {pages}")
            .replace("{current}", str(current))
            .replace("{pages}", str(pages))
        )

    # -- look and language --------------------------------------------------------------
    def retranslate(self) -> None:
        self.previous.set_label(QCoreApplication.translate("Choices", "◀ Previous"))
        self.more.set_label(QCoreApplication.translate("Choices", "More ▶"))
        if self._items:
            self._rebuild()

    def apply_theme(self, theme: Theme, scale: int) -> None:
        self._look = (theme, scale)
        self.set_scale(scale)
        for button in self.buttons.values():
            button.apply_theme(theme, scale)

    def spoken_text(self) -> str:
        return "; ".join(i.text.replace("\n", ", ") for i in self.visible_items())
