"""Start-up measurement hook used by tests/bench (not by normal operation).

With ``YIJIANTONG_EXIT_AFTER_FIRST_FRAME=1`` the kiosk prints one JSON line when the
main window has painted its first frame (with the peak memory so far) and quits, so a
benchmark can time "process start to first visible home screen" from outside.
"""

from __future__ import annotations

import os
import resource
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV_FLAG = "YIJIANTONG_EXIT_AFTER_FIRST_FRAME"


def wanted() -> bool:
    return os.environ.get(ENV_FLAG) == "1"


class FirstPaint(QObject):
    """Calls ``callback`` once, on the event loop, right after ``widget`` first paints."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._callback)
        return False


def report_first_frame_and_quit(window: QWidget, quit_app: Callable[[], None]) -> FirstPaint:
    def report() -> None:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # The JSON line json.dumps would write, without importing json on the timed path.
        peak_mib = round(peak_kib / 1024, 1)
        print(f'{{"event": "first_frame", "peak_rss_mib": {peak_mib!r}}}')
        sys.stdout.flush()
        quit_app()

    return FirstPaint(window, report)
