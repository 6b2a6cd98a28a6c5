"""Qt bridges: worker callbacks (any thread) in, Qt signals on the GUI thread out.

Workers in services/ and voice/ know nothing of Qt, and worker threads never call into
Qt at all. (PySide6 6.12.0 on Python 3.11 corrupted reference counts when signals were
emitted while a Python worker thread ran: "Fatal Python error: bool_dealloc" after some
thousands of emits; pyproject pins a release without it.) So a worker
callback only puts the event on a thread-safe queue and writes one byte to a socket
pair; a QSocketNotifier on the GUI thread wakes, drains the queue and emits the signals
there. No polling, no Qt call off the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
from collections.abc import Callable
from typing import Any
from uuid import UUID

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from services.sync import SyncState

log = logging.getLogger("yijiantong.sync")


class ThreadInbox(QObject):
    """Runs ``deliver(item)`` on the GUI thread for each ``post(item)`` from any thread."""

    def __init__(self, deliver: Callable[[Any], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deliver = deliver
        self._items: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._closed = False

    def post(self, item: Any) -> None:
        """Any thread. Never blocks: a full socket buffer already means a wake-up is due."""
        if self._closed:
            return
        self._items.put(item)
        with contextlib.suppress(BlockingIOError, OSError):
            self._writer.send(b"\0")

    def _drain(self) -> None:
        try:
            while self._reader.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass
        while True:
            try:
                item = self._items.get_nowait()
            except queue.Empty:
                return
            try:
                self._deliver(item)
            except Exception:
                log.exception("delivering a worker event failed")

    def close(self) -> None:
        self._closed = True
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


class SyncBridge(QObject):
    state_changed = Signal(object)  # SyncState
    request_changed = Signal(str)  # request UUID as text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inbox = ThreadInbox(self._deliver, self)

    # -- called on the sync worker's thread -----------------------------------------------
    def on_state(self, state: SyncState) -> None:
        self._inbox.post(state)

    def on_request_changed(self, request_id: UUID) -> None:
        self._inbox.post(request_id)

    # -- GUI thread -------------------------------------------------------------------------
    def _deliver(self, item: SyncState | UUID) -> None:
        if isinstance(item, SyncState):
            self.state_changed.emit(item)
        else:
            self.request_changed.emit(str(item))

    def close(self) -> None:
        self._inbox.close()


class DataBridge(QObject):
    """``run(job, on_done, on_error)``: ``job(conn)`` on the data thread, callbacks on the GUI
    thread (implements ``ui.data.DataPort``). A job whose callbacks' owner was wiped in the
    meantime still completes; flows check their own generation counter on arrival."""

    def __init__(self, runner: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._inbox = ThreadInbox(self._deliver, self)

    def run(
        self,
        job: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._runner.submit(job, lambda result: self._inbox.post((result, on_done, on_error)))

    def _deliver(self, item: tuple[Any, Callable[[Any], None], Any]) -> None:
        result, on_done, on_error = item
        if result.ok:
            on_done(result.value)
        elif on_error is not None:
            on_error(result.error)
        else:
            log.error("data job failed: %s", result.error)

    def close(self) -> None:
        self._inbox.close()
