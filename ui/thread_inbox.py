"""Worker callbacks (any thread) in, calls on the GUI thread out.

Workers in services/ and voice/ know nothing of Qt, and worker threads never call into
Qt at all. (PySide6 6.12.0 on Python 3.11 corrupted reference counts when signals were
emitted while a Python worker thread ran: "Fatal Python error: bool_dealloc" after some
thousands of emits; pyproject pins a release without it.) So a worker callback only puts
the event on a thread-safe queue and writes one byte to a socket pair; a QSocketNotifier
on the GUI thread wakes, drains the queue and hands each item over there. No polling, no
Qt call off the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import socket
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger("yijiantong.ui")


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
