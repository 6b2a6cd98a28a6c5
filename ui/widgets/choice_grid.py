"""Up to six big choices at a time, laid out by the space there is, with "previous" and
"more" only when they cannot all be shown.

At most six choices per screen (docs/domain.md); a hospital with twelve departments gets
two screens of six, not a scrolling list (scrolling is a gesture many seniors cannot do).
The layout is measured, not looked up by text size: each label's size in the current font
against the width and height the page leaves for the choices. A set of four or fewer is
never split over two screens (an answer on a hidden second screen is an answer a senior
never sees); one wide column is tried before paging; and where there is room, the
buttons grow taller (up to a limit) instead of leaving half the screen empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import Theme, px
from ui.widgets.buttons import BigButton, retire
from ui.widgets.labels import TextLabel

PER_SCREEN = 6
NEVER_SPLIT = 4  # a set this small always shows whole
# The tallest a choice grows to fill free space (100 % pixels; the text scale adds up to
# half again): bigger than this reads as a panel, not a button.
TALLEST_PX = 160
GRID_SPACING = 16
PAGING_SPACING = 12


@dataclass(frozen=True, slots=True)
class ChoiceItem:
    """One choice: ``id`` becomes the objectName ``choice.<id>``; ``text`` may have two lines."""

    id: str
    text: str
    enabled: bool = True
    role: str = "button"
    wide: bool = False  # takes a whole row (a long, important choice)
    icons: tuple[str, ...] = ()  # shown before the text (a meal's dietary tags)
    # The same words on fewer lines, shown when the set does not fit on one screen with
    # ``text`` (at large text sizes): nothing is dropped, it is only packed tighter.
    compact: str = ""


# One screen: (item index, row, column, column span) for each choice, and the row height.
Placed = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Screen:
    placed: tuple[Placed, ...]
    row_px: int


@dataclass(frozen=True, slots=True)
class Plan:
    columns: int
    screens: tuple[Screen, ...]
    fits: bool  # every screen fits in the height given


def _rows(natural: Sequence[QSize], wide: Sequence[bool], columns: int) -> list[list[Placed]]:
    """Items in reading order, packed into rows of ``columns`` (a wide one gets a row)."""
    rows: list[list[Placed]] = []
    col = columns
    for index in range(len(natural)):
        span = columns if wide[index] else 1
        if col + span > columns:
            rows.append([])
            col = 0
        rows[-1].append((index, len(rows) - 1, col, span))
        col += span
    return rows


def plan_layout(
    natural: Sequence[QSize],
    wide: Sequence[bool],
    *,
    width: int,
    height: int,
    paging_px: int,
    tallest_px: int,
) -> Plan:
    """The best layout of choices whose buttons need ``natural`` sizes, in ``width`` x
    ``height`` (``paging_px``: the height of the previous/more row). Fewest screens first
    (never more than one for a small set), then buttons tall enough (a list read from top
    to bottom beats a grid once both give big targets), then fewer columns."""
    count = len(natural)
    if not count:
        return Plan(1, (Screen((), 0),), True)
    column_px = (width - GRID_SPACING) // 2
    options = [1]
    if all(wide[i] or natural[i].width() <= column_px for i in range(count)) and not all(wide):
        options.append(2)
    best: tuple[tuple[int, ...], Plan] | None = None
    too_wide = any(size.width() > width for size in natural)
    for columns in options:
        plan = _paginate(natural, _rows(natural, wide, columns), columns, height, paging_px)
        plan = _grow(plan, height, paging_px, tallest_px)
        if too_wide:  # a label cut at the sides does not fit either
            plan = Plan(plan.columns, plan.screens, False)
        tall = min([s.row_px for s in plan.screens] + [tallest_px * 3 // 4])
        score = (0 if plan.fits else 1, len(plan.screens), -tall, columns)
        if best is None or score < best[0]:
            best = (score, plan)
    assert best is not None
    return best[1]


def _row_px(natural: Sequence[QSize], row: list[Placed]) -> int:
    return max(natural[index].height() for index, *_ in row)


def _needed(natural: Sequence[QSize], rows: list[list[Placed]]) -> int:
    """The height ``rows`` take, each as tall as the tallest label among them needs."""
    return max(_row_px(natural, r) for r in rows) * len(rows) + GRID_SPACING * (len(rows) - 1)


def _paginate(
    natural: Sequence[QSize], rows: list[list[Placed]], columns: int, height: int, paging_px: int
) -> Plan:
    count = sum(len(r) for r in rows)
    if count <= PER_SCREEN and _needed(natural, rows) <= height:
        return Plan(columns, (_screen(rows, 0),), True)
    if count <= NEVER_SPLIT and len(rows) > 1:
        # Split a small set only where it cannot be shown whole (better than cut off);
        # plan_layout prefers any layout that shows it whole.
        split = _greedy(natural, rows, columns, height - paging_px - PAGING_SPACING)
        if split.fits:
            return split
        return Plan(columns, (_screen(rows, 0),), False)
    return _greedy(natural, rows, columns, height - paging_px - PAGING_SPACING)


def _greedy(natural: Sequence[QSize], rows: list[list[Placed]], columns: int, room: int) -> Plan:
    """Rows onto screens in order, as many as fit in ``room`` (at most PER_SCREEN choices)."""

    screens: list[Screen] = []
    chunk: list[list[Placed]] = []
    fits = True
    for row in rows:
        grown = [*chunk, row]
        if chunk and (_needed(natural, grown) > room or sum(len(r) for r in grown) > PER_SCREEN):
            fits = fits and _needed(natural, chunk) <= room
            screens.append(_screen(chunk, 0))
            chunk = [row]
        else:
            chunk = grown
    fits = fits and _needed(natural, chunk) <= room
    screens.append(_screen(chunk, 0))
    return Plan(columns, tuple(screens), fits)


def _screen(rows: list[list[Placed]], row_px: int) -> Screen:
    first = rows[0][0][1] if rows else 0
    return Screen(tuple((i, r - first, c, s) for row in rows for (i, r, c, s) in row), row_px)


def _grow(plan: Plan, height: int, paging_px: int, tallest_px: int) -> Plan:
    """Every row of a screen as tall as the tallest label needs, and taller where there is
    room, up to ``tallest_px``: big targets rather than empty screen."""
    room = height if len(plan.screens) == 1 else height - paging_px - PAGING_SPACING
    return Plan(plan.columns, tuple(_grown(s, room, tallest_px) for s in plan.screens), plan.fits)


def _grown(screen: Screen, room: int, tallest_px: int) -> Screen:
    rows = 1 + max((r for _, r, _, _ in screen.placed), default=0)
    share = (room - GRID_SPACING * (rows - 1)) // rows
    return Screen(screen.placed, max(screen.row_px, min(tallest_px, share)))


def _icons(item: ChoiceItem) -> tuple[str, ...]:
    """A choice that cannot be taken leads with a crossed circle (not colour alone)."""
    return item.icons if item.enabled else ("unavailable", *item.icons[:2])


class _Choice(BigButton):
    """A choice as tall as its screen's rows (a style sheet's re-polish resets a fixed
    height; a size hint stays)."""

    height_px = 0

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.height_px))


class ChoiceGrid(QWidget):
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choices")
        self._items: list[ChoiceItem] = []
        self._screen = 0
        self._scale = 100
        self._space: QSize | None = None  # the width x height the page leaves for choices
        self._plan: Plan | None = None
        self._shown: list[ChoiceItem] = []  # the items as shown (compact texts or not)
        self._built: tuple[Plan, int] | None = None
        self.buttons: dict[str, BigButton] = {}
        self._look: tuple[Theme, int] | None = None
        # The grid takes the height the page gives it; what it shows follows that height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(PAGING_SPACING)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(GRID_SPACING)
        outer.addWidget(self._grid_host)
        # Measures a label in the current font before any button for it is made.
        self._probe = BigButton("", "button", None, self._grid_host)
        self._probe.hide()
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
        outer.addStretch(1)
        self._paging.hide()
        self.retranslate()

    # -- space and measuring ------------------------------------------------------------
    def set_space(self, width: int, height: int) -> None:
        """The width and height the choices may use (the page works it out before it is
        laid out, so that what is said on arrival is what is shown)."""
        space = QSize(width, height)
        if space != self._space:
            self._space = space
            self._replan()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible() and self.height() > 0:
            self.set_space(self.width(), self.height())

    def _natural(self, item: ChoiceItem) -> QSize:
        probe = self._probe
        probe.setProperty("role", item.role)
        probe.set_icons(_icons(item))
        if self._look is not None:
            probe.apply_theme(*self._look)
        probe.setText(item.text)
        probe.ensurePolished()
        return probe.sizeHint()

    def _paging_px(self) -> int:
        return max(self.previous.sizeHint().height(), self.more.sizeHint().height())

    def _current_plan(self) -> Plan:
        if self._plan is None:
            self._shown = self._items
            self._plan = self._plan_for(self._items)
            if not self._plan.fits or len(self._plan.screens) > 1:
                compact = [replace(i, text=i.compact) if i.compact else i for i in self._items]
                if compact != self._items:
                    tighter = self._plan_for(compact)
                    if (not tighter.fits, len(tighter.screens)) < (
                        not self._plan.fits,
                        len(self._plan.screens),
                    ):
                        self._shown, self._plan = compact, tighter
        return self._plan

    def _plan_for(self, items: Sequence[ChoiceItem]) -> Plan:
        space = self._space or QSize(self.window().width(), self.window().height() // 2)
        tallest = px(TALLEST_PX, 100 + (min(self._scale, 200) - 100) // 2)
        return plan_layout(
            [self._natural(item) for item in items],
            [item.wide for item in items],
            width=space.width(),
            height=space.height(),
            paging_px=self._paging_px(),
            tallest_px=tallest,
        )

    def plan(self) -> Plan:
        """How the choices are laid out now (for the layout checks)."""
        return self._current_plan()

    def _replan(self) -> None:
        """Measure again; rebuild only if the layout changed, on the screen that holds the
        first choice shown now."""
        shown = self.visible_items()
        self._plan = None
        if self._current_plan() == (self._built[0] if self._built else None):
            return
        self._screen = 0
        if shown:
            self._screen = self._screen_of(shown[0].id)
        self._rebuild()

    # -- content ------------------------------------------------------------------------
    def _screens(self) -> list[list[ChoiceItem]]:
        plan = self._current_plan()
        return [[self._shown[i] for i, *_ in s.placed] for s in plan.screens]

    def _screen_of(self, item_id: str) -> int:
        for index, screen in enumerate(self._screens()):
            if any(item.id == item_id for item in screen):
                return index
        return 0

    def set_items(self, items: Sequence[ChoiceItem], *, keep_screen: bool = False) -> None:
        """Show ``items``; with ``keep_screen`` stay on the same screen (new texts, e.g. a
        language switch, must not send the person back to the first screen)."""
        self._items = list(items)
        self._plan = None
        if not keep_screen:
            self._screen = 0
        self._rebuild()

    def items(self) -> list[ChoiceItem]:
        return list(self._items)

    def visible_items(self) -> list[ChoiceItem]:
        if not self._items:
            return []
        screens = self._screens()
        return screens[min(self._screen, len(screens) - 1)]

    def screen_count(self) -> int:
        return len(self._current_plan().screens)

    def show_item(self, item_id: str) -> None:
        """Turn to the screen that holds ``item_id`` (used by automation and voice)."""
        if any(item.id == item_id for item in self._items):
            self._screen = self._screen_of(item_id)
            self._rebuild()

    def set_scale(self, scale: int) -> None:
        if scale != self._scale:
            self._scale = scale
            self._replan()

    def _turn(self, step: int) -> None:
        self._screen = min(max(0, self._screen + step), self.screen_count() - 1)
        self._rebuild()
        shown = [b for b in self.buttons.values() if b.isEnabled()]
        if shown:  # keypad users continue on the new choices, not on a hidden button
            shown[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _rebuild(self) -> None:
        for button in self.buttons.values():
            self._grid.removeWidget(button)
            retire(button)
        self.buttons = {}
        plan = self._current_plan()
        self._screen = min(self._screen, len(plan.screens) - 1)
        self._built = (plan, self._screen)
        for column in range(2):  # equal columns, whatever the labels' lengths
            self._grid.setColumnStretch(column, 1 if column < plan.columns else 0)
        screen = plan.screens[self._screen]
        for index, row, col, span in screen.placed:
            item = self._shown[index]
            button = _Choice(f"choice.{item.id}", item.role, None, self._grid_host)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.set_label(item.text)
            button.set_icons(_icons(item))
            button.setEnabled(item.enabled)
            button.height_px = screen.row_px
            button.clicked.connect(lambda _=False, i=item.id: self.chosen.emit(i))
            if self._look is not None:
                button.apply_theme(*self._look)
            self._grid.addWidget(button, row, col, 1, span)
            self.buttons[item.id] = button
        pages = len(plan.screens)
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
            self._replan()

    def apply_theme(self, theme: Theme, scale: int) -> None:
        """A new look is a new font size: measure again (the same scale too: the first
        style sheet a page gets arrives after its content)."""
        self._look = (theme, scale)
        self._scale = scale
        self._replan()
        for button in self.buttons.values():
            button.apply_theme(theme, scale)

    def spoken_text(self) -> str:
        return "; ".join(i.text.replace("\n", ", ") for i in self.visible_items())
