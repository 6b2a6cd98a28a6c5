"""The person at the kiosk: idle detection and the privacy wipe.

A session is "in use" when someone has left the home screen, changed the language or
text size, or entered personal data. After ``idle_timeout_s`` without a touch or key
press we show the warning page (at least 20 s to answer, WCAG 2.2.1); if nobody
answers, everything personal is wiped and the kiosk returns to the home screen in the
default language and text size, ready for the next person.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ui.first_paint import FirstPaint
from ui.main_window import MainWindow

log = logging.getLogger("yijiantong.session")

_USER_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
}


class Session:
    """Personal data for the current user only. Never persisted, never logged."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}

    def __bool__(self) -> bool:
        return bool(self.data)

    def clear(self) -> None:
        self.data.clear()


class SessionController(QObject):
    warning_shown = Signal()
    wiped = Signal()

    def __init__(
        self,
        window: MainWindow,
        session: Session,
        *,
        default_locale: str,
        default_scale: int,
        idle_timeout_ms: int,
        warning_ms: int,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.session = session
        self.default_locale = default_locale
        self.default_scale = default_scale
        self._warning_ms = warning_ms
        self._deadline_left_ms = 0
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_timeout_ms)
        self.idle_timer.timeout.connect(self._on_idle)
        self.countdown = QTimer(self)
        self.countdown.setInterval(min(1000, warning_ms))
        self.countdown.timeout.connect(self._on_tick)
        window.idle_warning.continue_pressed.connect(self.keep_going)
        # Watching every event of the application costs ~30 ms before the first frame
        # (PySide resolves the type of each internal rich-text object it is shown), and
        # nobody can touch the screen before it is painted: so start watching after that.
        self._watching = False
        self._shut_down = False
        self._first_paint = FirstPaint(window, self._watch_input)
        self.idle_timer.start()

    def _watch_input(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._shut_down and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def set_timeouts(self, idle_timeout_ms: int, warning_ms: int) -> None:
        self.idle_timer.setInterval(idle_timeout_ms)
        self._warning_ms = warning_ms
        self.countdown.setInterval(min(1000, warning_ms))
        self.idle_timer.start()

    def in_use(self) -> bool:
        w = self._window
        return (
            w.current_page() != "home"
            or w.locale != self.default_locale
            or w.text_scale != self.default_scale
            or bool(self.session)
        )

    def warning_active(self) -> bool:
        return self.countdown.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_INPUT:
            self.activity()
        return False

    def activity(self) -> None:
        if self.warning_active():
            # Any touch or key shows someone is there; being forgiving beats wiping
            # the screen of a person who tapped beside the button.
            self.keep_going()
            return
        self.idle_timer.start()

    def keep_going(self) -> None:
        if not self.warning_active():
            return
        log.info("session continued after idle warning")
        self.countdown.stop()
        self._window.go_back()
        self.idle_timer.start()

    def _on_idle(self) -> None:
        if not self.in_use():
            self.idle_timer.start()
            return
        log.info("idle: showing the warning")
        self._deadline_left_ms = self._warning_ms
        self._window.idle_warning.set_seconds_left(max(1, round(self._warning_ms / 1000)))
        self._window.show_page("idle_warning")
        self.countdown.start()
        self.warning_shown.emit()

    def _on_tick(self) -> None:
        self._deadline_left_ms -= self.countdown.interval()
        if self._deadline_left_ms <= 0:
            self.wipe()
            return
        self._window.idle_warning.set_seconds_left(max(1, round(self._deadline_left_ms / 1000)))

    def wipe(self) -> None:
        """Forget the user: personal data, entries, language and text size choices."""
        self.countdown.stop()
        self.session.clear()
        self._window.reset_session(self.default_locale, self.default_scale)
        log.info("session wiped")
        self.idle_timer.start()
        self.wiped.emit()

    def shutdown(self) -> None:
        self._shut_down = True
        self.idle_timer.stop()
        self.countdown.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False
