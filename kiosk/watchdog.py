"""systemd readiness and watchdog notifications, pinged from the GUI thread.

Under ``packaging/systemd/yijiantong.service`` (``Type=notify``, ``WatchdogSec=30``)
systemd gives the kiosk a datagram socket in ``$NOTIFY_SOCKET`` and the watchdog period
in ``$WATCHDOG_USEC``. The kiosk sends:

* ``READY=1`` after the main window has painted its first frame, so "started" means
  "a senior can see the home screen", not "the process exists";
* ``WATCHDOG=1`` from a ``QTimer`` at half the period. The timer runs on the GUI thread,
  so the pings stop exactly when the interface freezes (a stuck slot, a deadlock, a
  blocking call that should have been on a worker) and systemd restarts the kiosk.
  A worker thread pinging would keep a frozen screen alive, which is the failure we
  must not hide;
* ``STOPPING=1`` at the start of shutdown, so a slow, orderly stop is not mistaken for
  a hang.

The protocol (sd_notify(3)) is one ``KEY=VALUE`` datagram per message to an AF_UNIX
socket, ``@`` meaning the abstract namespace. It is a few lines, so we speak it
directly instead of adding a dependency. Outside systemd every call is a no-op.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from ui.first_paint import FirstPaint

log = logging.getLogger("yijiantong.watchdog")


class Notifier:
    """Sends sd_notify messages to ``$NOTIFY_SOCKET``; does nothing when it is unset."""

    def __init__(self, address: str | None) -> None:
        self.address = address or None
        self._sock: socket.socket | None = None

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> Notifier:
        env = os.environ if env is None else env
        return cls(env.get("NOTIFY_SOCKET"))

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def notify(self, message: str) -> bool:
        """Send one message (e.g. ``"READY=1"``); False when not under systemd or on error."""
        if self.address is None:
            return False
        # "@name" is Linux's abstract namespace: the leading byte is NUL on the wire.
        target = "\0" + self.address[1:] if self.address.startswith("@") else self.address
        try:
            if self._sock is None:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            self._sock.sendto(message.encode(), target)
        except OSError as exc:
            # A missing ping must never take the kiosk down; systemd will act if it matters.
            log.warning("sd_notify %r to %s failed: %s", message, self.address, exc)
            return False
        return True

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def ping_interval_ms(env: Mapping[str, str] | None = None) -> int | None:
    """Half of ``$WATCHDOG_USEC`` in ms, or None when this process has no watchdog.

    ``$WATCHDOG_PID``, when set, names the process the watchdog is meant for; a child
    process that inherited the environment must not ping on the parent's behalf.
    """
    env = os.environ if env is None else env
    usec = env.get("WATCHDOG_USEC", "")
    pid = env.get("WATCHDOG_PID", "")
    if pid and pid != str(os.getpid()):
        return None
    if not usec.isdigit() or int(usec) == 0:
        return None
    return max(1, int(usec) // 2000)


class Watchdog(QObject):
    """READY=1 on the first painted frame, WATCHDOG=1 from the GUI thread, STOPPING=1."""

    def __init__(
        self,
        window: QWidget,
        notifier: Notifier | None = None,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self.notifier = notifier or Notifier.from_environment()
        self.interval_ms = interval_ms if interval_ms is not None else ping_interval_ms()
        self.ready_sent = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.ping)
        self._first_paint = FirstPaint(window, self.ready)
        if self.notifier.enabled and self.interval_ms:
            self._timer.start(self.interval_ms)
            log.info("systemd watchdog: pinging every %d ms", self.interval_ms)

    def ready(self) -> None:
        if not self.ready_sent:
            self.ready_sent = True
            self.notifier.notify("READY=1\nSTATUS=Home screen shown")

    def ping(self) -> None:
        self.notifier.notify("WATCHDOG=1")

    def stop(self) -> None:
        """Tell systemd an orderly stop has begun; no more pings after this."""
        self._timer.stop()
        self.notifier.notify("STOPPING=1")
        self.notifier.close()
