"""SIGTERM / SIGINT delivered through the Qt event loop.

A Python signal handler only runs when the interpreter gets control, which may not
happen while Qt's C++ event loop sleeps. ``signal.set_wakeup_fd`` writes the signal
number to a socket that a QSocketNotifier watches, so the loop wakes at once and we
shut down on the GUI thread through the normal path.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger("yijiantong.init")

HANDLED = (signal.SIGTERM, signal.SIGINT)


class UnixSignalBridge(QObject):
    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._old_wakeup = signal.set_wakeup_fd(self._writer.fileno())
        self._old_handlers = {s: signal.signal(s, self._noop) for s in HANDLED}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    @staticmethod
    def _noop(signum: int, frame: FrameType | None) -> None:
        """The real work happens in _drain, on the Qt event loop."""

    def _drain(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        for signum in data:
            log.info("received signal %s; shutting down", signal.Signals(signum).name)
            self._on_signal(signum)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._old_wakeup)
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)
        self._reader.close()
        self._writer.close()
