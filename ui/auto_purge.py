"""Removes the personal data of delivered requests by itself, once it is older than the
``purge_after_days`` setting: full ID numbers must not wait on the kiosk for staff to
remember the purge button.

It runs on the data thread, like every store job, and only while the kiosk stands idle on
the home screen: the purge rewrites the file (VACUUM) when it deletes something, and a
senior's next page must not wait behind that.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("yijiantong.session")

FIRST_RUN_MS = 2 * 60_000  # after start-up has settled
INTERVAL_MS = 60 * 60_000
BUSY_RETRY_MS = 60_000  # someone is using the kiosk: look again in a minute


class AutoPurge(QObject):
    finished = Signal(object)  # services.purge.PurgeReport, or None when it did not run

    def __init__(
        self,
        data: Any,
        *,
        days: Callable[[], int],
        idle: Callable[[], bool],
        first_run_ms: int = FIRST_RUN_MS,
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._data = data
        self._days = days
        self._idle = idle
        self._interval_ms = interval_ms
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._timer.start(first_run_ms)

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        if self._running:
            return
        if not self._idle():
            self._timer.start(BUSY_RETRY_MS)
            return
        days = self._days()
        self._running = True

        def job(conn: Any) -> Any:
            from services.purge import purge_due

            return purge_due(conn, days)

        self._data.run(job, self._done, self._failed)

    def _done(self, report: Any) -> None:
        self._running = False
        if report is not None and (report.requests_deleted or report.lookups_deleted):
            log.info(
                "automatic purge: removed %d requests and %d saved answers older than %d days",
                report.requests_deleted,
                report.lookups_deleted,
                self._days(),
            )
        self.finished.emit(report)
        self._timer.start(self._interval_ms)

    def _failed(self, exc: BaseException) -> None:
        # A full or read-only disk: nothing is lost by trying again later.
        self._running = False
        log.warning("automatic purge did not run: %s", exc)
        self.finished.emit(None)
        self._timer.start(self._interval_ms)
