"""Measure what a person would see: clipped text, small targets, small fonts, missing names.

Used by the accessibility tests for every page, theme, language and text size, and by
later pages' clipping checks. It inspects the live widget tree, so it measures the
real layout rather than trusting the style sheet's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

from ui.theme import BODY_PX, MIN_CONTROL_PX, PRIMARY_CONTROL_PX, TITLE_PX, px
from ui.widgets.buttons import Tile
from ui.widgets.labels import TextLabel

PRIMARY_ROLES = {"primary", "tile", "emergency"}
TITLE_ROLES = {"title", "big-number", "reference"}
TOLERANCE_PX = 1


@dataclass(frozen=True)
class Problem:
    widget: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.kind}: {self.detail}"


def _name(widget: QWidget) -> str:
    label = widget.accessibleName() or getattr(widget, "text", lambda: "")()
    return f"{widget.objectName() or type(widget).__name__}({label[:30]!r})"


def visible_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisibleTo(root) and w.isVisible()]


def visible_label(widget: QWidget) -> str:
    if isinstance(widget, Tile):
        return widget.label()
    if isinstance(widget, TextLabel):
        return widget.plain_text()
    if isinstance(widget, QAbstractButton | QLabel):
        return widget.text()
    return ""


def _check_target(widget: QAbstractButton, problems: list[Problem]) -> None:
    size = widget.size()
    if size.width() < MIN_CONTROL_PX or size.height() < MIN_CONTROL_PX:
        problems.append(Problem(_name(widget), "small target", f"{size.width()}x{size.height()}"))
    if widget.property("role") in PRIMARY_ROLES and size.height() < PRIMARY_CONTROL_PX:
        problems.append(Problem(_name(widget), "short primary action", f"{size.height()} px"))
    if not widget.objectName():
        problems.append(Problem(_name(widget), "no objectName", ""))
    label = visible_label(widget)
    if widget.accessibleName() != label or not label:
        problems.append(
            Problem(_name(widget), "accessible name", f"{widget.accessibleName()!r} != {label!r}")
        )


def _check_font(widget: QWidget, scale: int, problems: list[Problem]) -> None:
    if not isinstance(widget, QLabel | QAbstractButton) or not visible_label(widget):
        return
    size = widget.font().pixelSize()
    role = widget.property("role")
    floor = px(TITLE_PX if role in TITLE_ROLES else BODY_PX, scale)
    if size < floor:
        problems.append(Problem(_name(widget), "small text", f"{size} px < {floor} px"))


def _scrolled(widget: QWidget) -> bool:
    """Inside a scrolling area's content: it may lie beyond the window (scrolled to)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _check_clipping(widget: QWidget, root: QWidget, problems: list[Problem]) -> None:
    rect = QRect(widget.mapTo(root, widget.rect().topLeft()), widget.size())
    scrolled = _scrolled(widget)
    if not scrolled and not root.rect().adjusted(-1, -1, 1, 1).contains(rect):
        problems.append(Problem(_name(widget), "outside the window", f"{rect} vs {root.rect()}"))
    parent = widget.parentWidget()
    if (
        parent is not None
        and parent is not root
        and not isinstance(parent.parentWidget(), QScrollArea)
    ):
        # A child hanging over its parent's edge is cut off there (e.g. a squeezed grid).
        own = widget.geometry()
        if not parent.rect().adjusted(-1, -1, 1, 1).contains(own):
            problems.append(
                Problem(_name(widget), "cut off by its container", f"{own} in {parent.rect()}")
            )
    if isinstance(widget, QLabel) and visible_label(widget):
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + TOLERANCE_PX:
                problems.append(
                    Problem(
                        _name(widget), "clipped text", f"needs {needed} px, has {widget.height()}"
                    )
                )
        else:
            hint = widget.sizeHint()
            if (
                hint.width() > widget.width() + TOLERANCE_PX
                or hint.height() > widget.height() + TOLERANCE_PX
            ):
                problems.append(
                    Problem(_name(widget), "clipped text", f"needs {hint}, has {widget.size()}")
                )
    elif isinstance(widget, QAbstractButton) and not isinstance(widget, Tile):
        hint = widget.sizeHint()
        if (
            hint.width() > widget.width() + TOLERANCE_PX
            or hint.height() > widget.height() + TOLERANCE_PX
        ):
            problems.append(
                Problem(_name(widget), "clipped button", f"needs {hint}, has {widget.size()}")
            )


def audit(root: QWidget, scale: int) -> list[Problem]:
    """Every accessibility problem visible in ``root`` right now."""
    problems: list[Problem] = []
    for widget in visible_widgets(root):
        if isinstance(widget, QAbstractButton):
            _check_target(widget, problems)
        _check_font(widget, scale, problems)
        _check_clipping(widget, root, problems)
    return problems


def audit_choices(root: QWidget) -> list[Problem]:
    """Choices a person would miss: a set of four or fewer answers split over screens
    (the rest hidden behind "More"), and a first screen of choices none of which can be
    taken while a later screen has some (what can be had comes first)."""
    from ui.widgets.choice_grid import NEVER_SPLIT, ChoiceGrid

    problems: list[Problem] = []
    for grid in root.findChildren(ChoiceGrid):
        if not (grid.isVisibleTo(root) and grid.isVisible()):
            continue
        items = grid.items()
        shown = len(grid.visible_items())
        if 1 < len(items) <= NEVER_SPLIT and shown < len(items):  # "More" hides the rest
            problems.append(
                Problem(_name(grid), "split answers", f"{shown} of {len(items)} answers shown")
            )
        on_first = not grid.previous.isEnabled()  # "Previous" is off on the first screen
        first = grid.visible_items()
        if on_first and not any(i.enabled for i in first) and any(i.enabled for i in items):
            problems.append(
                Problem(_name(grid), "unavailable first", "nothing on the first screen can be had")
            )
    return problems
