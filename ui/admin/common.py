"""What every admin page shares: a scrolling body, a message line, and small builders.

Admin pages are for staff, but staff have weak eyes too: body text of the same size, the
same 64 px targets and the same high-contrast theme as the senior's screens; their text
size is their own (ADMIN_SCALE), not the one a senior chose for the session. Settings pages can be
longer than a screen, so the body scrolls (with a wide scroll bar) instead of shrinking.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent
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
from ui.widgets.text_keyboard import TextKeyboard

ADMIN_SCALE = 100  # staff pages' own text size, whatever the senior chose


class AdminPage(Page):
    """A page whose content lives in ``self.body`` (scrolls) with a message line on top."""

    own_scale = ADMIN_SCALE

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
        # The on-screen keyboard docks below the scrolling body (the kiosk has no keyboard);
        # text_field() fields open it when tapped, and the field is scrolled into view.
        self.keyboard = TextKeyboard(self)
        self.keyboard.opened.connect(self._show_field)
        self.layout_.addWidget(self.keyboard)
        self._scale = 100

    def say(self, text: str) -> None:
        """Show a result or problem in words at the top of the page."""
        self.message.set_text(text)
        self.message.setVisible(bool(text))

    def reset(self) -> None:
        self.say("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_keyboard()

    def _fit_keyboard(self) -> None:
        """Leave the title, the message and a scrolling area (with the field) room above
        the keyboard: at large text five rows of full-size keys would not fit otherwise."""
        margins = self.layout_.contentsMargins()
        used = margins.top() + margins.bottom() + 3 * self.layout_.spacing()
        used += self.title.sizeHint().height() + self.scroller.minimumSizeHint().height()
        if self.message.isVisible():
            used += self.message.sizeHint().height()
        self.keyboard.fit_height(min(self.height() // 2, self.height() - used))

    def hideEvent(self, event: QHideEvent) -> None:
        self.keyboard.close_keyboard()  # leaving the page: nothing left to type into
        super().hideEvent(event)

    def _show_field(self, field: QLineEdit) -> None:
        """Keep the field being typed into above the keyboard, now and once laid out."""

        def scroll() -> None:
            if shiboken6.isValid(field) and field.isVisible():
                self.scroller.ensureWidgetVisible(field, 50, 24)

        self._fit_keyboard()
        self.layout_.activate()
        scroll()
        QTimer.singleShot(0, self, scroll)

    def apply_theme(self, theme: Theme, scale: int) -> None:
        self._scale = scale
        self.theme: Theme | None = theme  # fields made later (text_field) take it too
        self.keyboard.apply_theme(theme, scale)
        width = px(48, scale)
        # No arrow buttons: a thumb this wide is dragged, and the arrows drew as a stray box.
        self.scroller.verticalScrollBar().setStyleSheet(
            f"QScrollBar:vertical {{ width: {width}px; }}"
            f"QScrollBar::handle:vertical {{ min-height: {width}px;"
            f" background: {theme.text}; border-radius: 8px; }}"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical"
            " { height: 0px; border: none; }"
        )
        for widget in self.findChildren(BigButton):
            widget.apply_theme(theme, scale)
        for field in self.findChildren(QLineEdit):
            field.setStyleSheet(field_style(theme))


def heading(parent: QWidget, name: str) -> TextLabel:
    label = TextLabel("brand", parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


FIELD_STYLE = "QLineEdit { border: 3px solid palette(text); padding: 4px 12px; }"


def field_style(theme: Theme) -> str:
    """Text fields in the theme's own colours. Qt's palette(text) is dark in both themes,
    so in the dark theme a field and what is typed into it were black on black."""
    return (
        f"QLineEdit {{ color: {theme.text}; background: {theme.window_bg};"
        f" border: 3px solid {theme.text}; padding: 4px 12px; }}"
        f"QLineEdit:focus {{ border: 4px solid {theme.focus}; }}"
    )


def text_field(parent: QWidget, name: str, *, secret: bool = False) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setMinimumHeight(64)
    field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if secret:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    theme = getattr(parent, "theme", None)
    field.setStyleSheet(field_style(theme) if isinstance(theme, Theme) else FIELD_STYLE)
    if isinstance(parent, AdminPage):
        parent.keyboard.track(field)
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
