"""Buttons sized for unsteady fingers and operable from a tactile keypad.

Every button is activated by a tap, by Enter/Return, or by Space; its accessible name is
its visible label. Nothing here needs a gesture or a long press.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from ui.icons import icon_strip, themed_icon
from ui.theme import Theme, px
from ui.widgets.labels import TextLabel

_ACTIVATE_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
# QAbstractButton turns arrows into "next/previous in tab order"; we pass them up so
# the main window can move focus spatially (the control actually to the left, etc.).
_ARROW_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down}


def _handle_key(button: QPushButton, event: QKeyEvent) -> bool:
    """Enter activates; arrows go to the window. True when the event was handled here."""
    if event.key() in _ACTIVATE_KEYS and not event.isAutoRepeat():
        button.animateClick()
        event.accept()
        return True
    if event.key() in _ARROW_KEYS:
        event.ignore()
        return True
    return False


def retire(button: QPushButton) -> None:
    """Take a rebuilt-away button off screen. It is deleted later, so until then it must not
    be found by its name (automation would press the stale, possibly disabled, copy)."""
    button.hide()
    button.setObjectName("")
    button.deleteLater()


class BigButton(QPushButton):
    """A labelled push button; ``role`` picks its look (button, primary, emergency)."""

    def __init__(
        self,
        object_name: str,
        role: str = "button",
        icon: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(False)
        self.icon_name = icon
        self.icon_names: tuple[str, ...] = (icon,) if icon else ()
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

    def set_icons(self, names: tuple[str, ...]) -> None:
        """Several icons in a row before the label (a meal's dietary tags): icons back up the
        words, so a senior who cannot read small print still spots "low salt"."""
        self.icon_names = names
        self.icon_name = names[0] if names else None

    def set_label(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)

    def apply_theme(self, theme: Theme, scale: int) -> None:
        if self.icon_names:
            fg = theme.emergency_text if self.property("role") == "emergency" else theme.button_text
            if self.isChecked():
                fg = theme.checked_text
            size = px(36, scale)
            if len(self.icon_names) == 1:
                self.setIcon(themed_icon(self.icon_names[0], fg, size))
                self.setIconSize(QSize(size, size))
            else:
                strip = icon_strip(self.icon_names, fg, size)
                self.setIcon(QIcon(strip))
                self.setIconSize(strip.size())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _handle_key(self, event):
            super().keyPressEvent(event)


class ChoiceButton(BigButton):
    """A checkable option (language, text size). The checked one shows a tick icon as
    well as inverted colours, so the choice is never shown by colour alone."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(object_name, "button", None, parent)
        self.setCheckable(True)
        self.setAutoExclusive(False)
        self._look: tuple[Theme, int] | None = None
        self.toggled.connect(self._refresh_icon)

    def apply_theme(self, theme: Theme, scale: int) -> None:
        self._look = (theme, scale)
        self._refresh_icon()

    def _refresh_icon(self) -> None:
        if self._look is None:
            return
        theme, scale = self._look
        size = px(32, scale)
        if self.isChecked():
            self.setIcon(themed_icon("check", theme.checked_text, size))
        else:
            self.setIcon(themed_icon("blank", theme.button_text, size))
        self.setIconSize(QSize(size, size))


class Tile(QPushButton):
    """A large home-screen tile: an icon and one short label, both sized for weak eyes."""

    def __init__(
        self, object_name: str, icon: str, role: str = "tile", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(False)
        self.icon_name = icon
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 8, 24, 8)
        layout.setSpacing(24)
        self._icon = TextLabel("tile-icon", self)
        self._label = TextLabel("tile-label", self)
        for child in (self._icon, self._label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addStretch(1)
        layout.addWidget(self._icon)
        layout.addWidget(self._label)
        layout.addStretch(1)

    def set_label(self, text: str) -> None:
        self._label.set_text(text)
        self.setAccessibleName(text)

    def label(self) -> str:
        return self._label.plain_text()

    def apply_theme(self, theme: Theme, scale: int) -> None:
        fg = theme.emergency_text if self.property("role") == "emergency" else theme.tile_text
        size = px(64, scale)
        self._icon.setPixmap(themed_icon(self.icon_name, fg, size).pixmap(size, size))
        self._icon.setFixedSize(size, size)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _handle_key(self, event):
            super().keyPressEvent(event)
