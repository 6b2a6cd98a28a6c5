"""What every admin page shares: a scrolling body, a message line, and small builders.

Admin pages are for staff, but staff have weak eyes too: same text sizes, same 64 px
targets and the same high-contrast theme as the senior's screens. Settings pages can be
longer than a screen, so the body scrolls (with a wide scroll bar) instead of shrinking.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.pages.base import Page
from ui.theme import Theme, px
from ui.widgets.buttons import BigButton, ChoiceButton
from ui.widgets.labels import TextLabel, WrappedText


class AdminPage(Page):
    """A page whose content lives in ``self.body`` (scrolls) with a message line on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = WrappedText("notice", self)
        self.message.setObjectName("label.admin_message")
        self.message.hide()
        self.layout_.addWidget(self.message)
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("admin.scroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self.scroller)
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, 24, 0)
        self.body.setSpacing(16)
        # The content's minimum size is the layout's: without this the scroll area squeezes
        # a long page (the emergency settings) into the viewport, rows on top of each other,
        # instead of scrolling.
        self.body.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.scroller.setWidget(inner)
        self.layout_.addWidget(self.scroller, 1)
        self._scale = 100

    def say(self, text: str) -> None:
        """Show a result or problem in words at the top of the page."""
        self.message.set_text(text)
        self.message.setVisible(bool(text))

    def reset(self) -> None:
        self.say("")

    def apply_theme(self, theme: Theme, scale: int) -> None:
        self._scale = scale
        width = px(48, scale)
        self.scroller.verticalScrollBar().setStyleSheet(
            f"QScrollBar:vertical {{ width: {width}px; }}"
            f"QScrollBar::handle:vertical {{ min-height: {width}px;"
            f" background: {theme.text}; border-radius: 8px; }}"
        )
        for widget in self.findChildren(BigButton):
            widget.apply_theme(theme, scale)


def heading(parent: QWidget, name: str) -> TextLabel:
    label = TextLabel("brand", parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def text_field(parent: QWidget, name: str, *, secret: bool = False) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setMinimumHeight(64)
    field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setStyleSheet("QLineEdit { border: 3px solid palette(text); padding: 4px 12px; }")
    return field


def button(
    parent: QWidget, name: str, on_click: Callable[[], None], role: str = "button"
) -> BigButton:
    b = BigButton(name, role, None, parent)
    b.clicked.connect(lambda _=False: on_click())
    return b


def choice(parent: QWidget, name: str, on_click: Callable[[], None]) -> ChoiceButton:
    b = ChoiceButton(name, parent)
    b.clicked.connect(lambda _=False: on_click())
    return b


def row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setSpacing(12)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return layout


def clear_layout(layout: QLayout) -> None:
    """Remove and delete everything in ``layout`` (rebuilding a list)."""
    while layout.count():
        item = layout.takeAt(0)
        widget: QWidget | None = item.widget()  # None for a nested layout
        if widget is not None:
            widget.hide()
            widget.setObjectName("")
            widget.deleteLater()
        else:
            child = item.layout()
            if child is not None:
                clear_layout(child)
