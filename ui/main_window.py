"""The main window: header, page stack and bottom bar, plus navigation.

It owns the user's display choices for the session (language, text size) and the
theme. A change restyles and retranslates what is on the screen at once (header, bottom
bar, the current page) and every other page when it is next shown: restyling all pages
re-polished every widget of every page, about 300 ms per text-size change. It knows
nothing of services; kiosk/ connects its signals to the subsystems.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.fonts import font_for_locale
from ui.i18n import Translations, normalise_locale
from ui.navigation import Navigator
from ui.pages.base import Page
from ui.pages.home import HomePage
from ui.pages.idle_warning import IdleWarningPage
from ui.pages.placeholders import ComingSoonPage, EmergencyInfoPage
from ui.theme import THEMES, Theme, stylesheet
from ui.widgets.chrome import BottomBar, Header
from ui.widgets.labels import WrappedText

log = logging.getLogger("yijiantong.ui")

_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class MainWindow(QWidget):
    """Top-level kiosk window. ``current_page()`` names the page shown."""

    page_changed = Signal(str)
    emergency_requested = Signal()
    speak_requested = Signal()
    repeat_requested = Signal()
    user_choice_changed = Signal()  # language or text size chosen by the user
    closing = Signal()
    session_reset = Signal()  # flows forget their state (the privacy wipe)
    notice_shown = Signal(str)  # errors and confirmations, for speech

    def __init__(
        self,
        translations: Translations,
        *,
        locale: str = "zh_CN",
        text_scale: int = 100,
        theme: str = "light",
        services: tuple[str, ...] = ("appointments", "meals", "benefits", "emergency"),
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self._translations = translations
        self._theme: Theme = THEMES.get(theme, THEMES["light"])
        self._scale = text_scale
        self._locale = normalise_locale(locale)
        # Each page is styled on its own (not through the window), so that a hidden page is
        # restyled only when it is shown; likewise it is retranslated when shown (the
        # language generation each page was last translated in).
        self._sheet = ""
        self._language = 0
        self._translated: dict[str, int] = {}
        self._switching = False
        self.setAutoFillBackground(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = Header(self)
        self.font_warning = WrappedText("warning", self)
        self.font_warning.setObjectName("label.font_warning")
        self.font_warning.hide()
        self.stack = QStackedWidget(self)
        # The screen decides the window's size, not the tallest page; whether each page
        # fits is checked by the clipping tests at every text size.
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.bottom = BottomBar(self)
        # Header and bottom bar always get their full height; the page takes the rest.
        for bar in (self.header, self.bottom):
            policy = bar.sizePolicy()
            policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
            bar.setSizePolicy(policy)
        layout.addWidget(self.header)
        layout.addWidget(self.font_warning)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.bottom)

        self.home = HomePage(services, self)
        self.idle_warning = IdleWarningPage(self)
        self.pages: dict[str, Page] = {}
        self._service_handlers: dict[str, Callable[[], None]] = {}
        for page in (
            self.home,
            ComingSoonPage("appointments", self),
            ComingSoonPage("meals", self),
            ComingSoonPage("benefits", self),
            EmergencyInfoPage(self),
            self.idle_warning,
        ):
            self.add_page(page)
        self.navigator = Navigator(self.stack, self.pages, home="home")
        self.navigator.changed.connect(self._on_page_changed)

        self.header.emergency_pressed.connect(self.emergency_requested)
        self.bottom.back_pressed.connect(self.go_back)
        self.bottom.home_pressed.connect(self.go_home)
        self.bottom.speak_pressed.connect(self.speak_requested)
        self.bottom.repeat_pressed.connect(self.repeat_requested)
        self.home.service_chosen.connect(self._open_service)
        self.home.locale_chosen.connect(self._user_sets_locale)
        self.home.scale_chosen.connect(self._user_sets_scale)

        self._locale = ""
        self.set_locale(locale)
        self._on_page_changed("home")

    # -- pages and navigation -------------------------------------------------------
    def add_page(self, page: Page) -> None:
        """Register a page; a page of the same name (a placeholder) is replaced."""
        old = self.pages.get(page.name)
        if old is not None and old is not page:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.pages[page.name] = page
        self.stack.addWidget(page)
        if self._locale:  # added after start-up: in the current language; styled when shown
            self._translated.pop(page.name, None)
            self._translate_page(page)

    def current_page(self) -> str:
        return self.navigator.current()

    def show_page(self, name: str, *, after: str | None = None) -> None:
        self.navigator.go(name, after=after)

    def replace_page(self, name: str) -> None:
        self.navigator.replace(name)

    def set_service_handler(self, service: str, handler: Callable[[], None]) -> None:
        """Let a flow decide what a home tile opens (e.g. identification first)."""
        self._service_handlers[service] = handler

    def go_back(self) -> None:
        self.navigator.back()

    def go_home(self) -> None:
        self.navigator.home()

    def _open_service(self, service: str) -> None:
        if service == "emergency":
            self.emergency_requested.emit()
        elif service in self._service_handlers:
            self._service_handlers[service]()
        else:
            self.navigator.go(service)

    def _on_page_changed(self, name: str) -> None:
        at_home = name == "home"
        self.bottom.back.setVisible(not at_home)
        self.bottom.home.setVisible(not at_home)
        self.bottom.clear_notice()
        page = self.pages[name]
        self._translate_page(page)
        self._style_page(page)
        page.entered()
        self._focus_first_control(page)
        self.page_changed.emit(name)

    def _focus_first_control(self, page: Page) -> None:
        """Keypad users start on the page's first choice, not on the emergency button."""
        for widget in page.findChildren(QWidget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(page):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if self.bottom.back.isVisibleTo(self):
            self.bottom.back.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- display choices ------------------------------------------------------------
    @property
    def locale(self) -> str:  # type: ignore[override]  # the session's language code
        return self._locale

    @property
    def text_scale(self) -> int:
        return self._scale

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_locale(self, locale: str) -> None:
        self._switching = True  # the switch sends LanguageChange: retranslated below, once
        try:
            locale = self._translations.switch(normalise_locale(locale))
        finally:
            self._switching = False
        self._locale = locale
        self._retranslate()
        self._restyle()  # fonts differ per script (SC / HK glyph shapes)

    def set_text_scale(self, scale: int) -> None:
        if scale == self._scale:
            return
        self._scale = scale
        self._restyle()

    def set_theme(self, name: str) -> None:
        self._theme = THEMES.get(name, self._theme)
        self._restyle()

    def _user_sets_locale(self, locale: str) -> None:
        self.set_locale(locale)
        self.user_choice_changed.emit()

    def _user_sets_scale(self, scale: int) -> None:
        self.set_text_scale(scale)
        self.home.show_selection(self._locale, self._scale)
        self.user_choice_changed.emit()

    def _retranslate(self) -> None:
        self._language += 1
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Yijiantong"))
        self.header.retranslate()
        self.bottom.retranslate()
        current = self.stack.currentWidget()
        if isinstance(current, Page):
            self._translate_page(current)
        self.home.show_selection(self._locale, self._scale)
        if self.font_warning.isVisibleTo(self):
            self.show_font_warning()

    def _restyle(self) -> None:
        app = QApplication.instance()
        font = font_for_locale(self._locale)
        if isinstance(app, QApplication) and app.font() != font:
            app.setFont(font)
        sheet = stylesheet(self._theme, self._scale)
        if sheet != self._sheet:
            self._sheet = sheet
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(self._theme.window_bg))
            self.setPalette(palette)
            for part in (self.header, self.font_warning, self.bottom):
                part.setStyleSheet(sheet)
        self.header.apply_theme(self._theme, self._scale)
        self.bottom.apply_theme(self._theme, self._scale)
        current = self.stack.currentWidget()
        if isinstance(current, Page):
            self._style_page(current)

    def _translate_page(self, page: Page) -> None:
        """Put ``page`` in the current language unless it already is."""
        if self._translated.get(page.name) != self._language:
            page.retranslate()
            self._translated[page.name] = self._language

    def _style_page(self, page: Page) -> None:
        """Give ``page`` the current look unless it already has it (staff pages keep their
        own text size: the senior's 200 % is not theirs)."""
        scale = page.own_scale or self._scale
        sheet = self._sheet if scale == self._scale else stylesheet(self._theme, scale)
        if page.styleSheet() == sheet:
            return  # the sheet holds the theme's colours and the text size: nothing changed
        page.setStyleSheet(sheet)
        page.apply_theme(self._theme, scale)

    def changeEvent(self, event: QEvent) -> None:
        # An external translator swap (not through set_locale) still retranslates.
        if event.type() == QEvent.Type.LanguageChange and self._locale and not self._switching:
            self._retranslate()
        super().changeEvent(event)

    # -- notices ----------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        self.bottom.show_notice(text)
        self.notice_shown.emit(text)

    def clear_notice(self) -> None:
        self.bottom.clear_notice()

    def show_font_warning(self) -> None:
        # Written in English on purpose: without CJK fonts Chinese would be boxes.
        self.font_warning.set_text(
            "Chinese fonts are missing on this kiosk, so Chinese text cannot be shown. "
            "Staff: install the package fonts-noto-cjk and restart."
        )
        self.font_warning.show()

    # -- privacy ----------------------------------------------------------------------
    def reset_session(self, locale: str, text_scale: int) -> None:
        """Wipe everything the last user entered or chose and show a fresh home screen."""
        for page in self.pages.values():
            page.reset()
        self.bottom.clear_notice()
        self._scale = text_scale
        self.set_locale(locale)
        self.navigator.reset()
        self.home.show_selection(self._locale, self._scale)
        self.session_reset.emit()

    # -- keyboard -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.go_back()
            event.accept()
            return
        if key in _ARROWS:
            self._move_focus(*_ARROWS[Qt.Key(key)])
            event.accept()
            return
        super().keyPressEvent(event)

    def _move_focus(self, dx: int, dy: int) -> None:
        """Spatial navigation: focus the nearest control in the arrow's direction."""
        current = QApplication.focusWidget()
        candidates = [
            w
            for w in self.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        if not candidates:
            return
        if current is None or current not in candidates:
            candidates[0].setFocus(Qt.FocusReason.TabFocusReason)
            return
        here = QRect(current.mapTo(self, QPoint(0, 0)), current.size())
        best: tuple[tuple[int, int], QWidget] | None = None
        for widget in candidates:
            if widget is current:
                continue
            there = QRect(widget.mapTo(self, QPoint(0, 0)), widget.size())
            delta: QPoint = there.center() - here.center()
            along = delta.x() * dx + delta.y() * dy
            if along <= 0:
                continue
            # Controls in the same row (for left/right) or column (for up/down) win over
            # nearer ones diagonally away; then the nearest straight ahead.
            if dx:
                in_line = there.top() < here.bottom() and there.bottom() > here.top()
            else:
                in_line = there.left() < here.right() and there.right() > here.left()
            across = abs(delta.x() * dy) + abs(delta.y() * dx)
            score = (0 if in_line else 1, along + 2 * across)
            if best is None or score < best[0]:
                best = (score, widget)
        if best is not None:
            best[1].setFocus(Qt.FocusReason.TabFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
