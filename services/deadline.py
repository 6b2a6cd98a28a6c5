"""An overall deadline for one HTTP call made with ``requests``, and a way to abort it.

``requests`` only has per-socket-operation timeouts: a hub that sends one byte every two
seconds never trips a five-second read timeout and can hold a call for minutes - on the
emergency lane that means a new alarm waiting behind a reply that never ends. Here every
connection of a session fitted with :class:`DeadlineAdapter` registers itself with the
:class:`CallWatch` of the call running on its thread; when the watch fires (its deadline
passes, or another thread calls :meth:`CallWatch.abort`) it shuts the socket down, so the
blocked read returns at once and the call fails with a ``requests`` connection error that the
caller recognises through :attr:`CallWatch.fired`.

    session = requests.Session()
    fit_session(session)
    with CallWatch(seconds=6.0) as watch:
        session.get(url, timeout=(2, 5))   # raises as soon as 6 s have passed

Only the thread that entered the watch is affected: each thread has its own current watch.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()


class CallWatch:
    """The deadline of one call; ``abort()`` ends it early from any thread."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.reason: str | None = None  # "deadline" or "aborted" once fired
        self._lock = threading.Lock()
        self._connections: list[HTTPConnection] = []
        self._finished = False
        self._timer: threading.Timer | None = None
        self._outer: CallWatch | None = None

    @property
    def fired(self) -> bool:
        return self.reason is not None

    def __enter__(self) -> CallWatch:
        self._outer = getattr(_current, "watch", None)
        _current.watch = self
        if self.seconds is not None:
            self._timer = threading.Timer(self.seconds, self._fire, args=("deadline",))
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._lock:
            self._finished = True
            self._connections.clear()
        if self._timer is not None:
            self._timer.cancel()
        _current.watch = self._outer

    def abort(self) -> None:
        """End the call now (a more urgent call needs the line, or the kiosk is stopping)."""
        self._fire("aborted")

    def _attach(self, conn: HTTPConnection) -> None:
        with self._lock:
            if self._finished:
                return
            self._connections.append(conn)
            fired = self.fired
        if fired:
            _shut(conn)

    def _fire(self, reason: str) -> None:
        with self._lock:
            if self._finished or self.fired:
                return
            self.reason = reason
            connections = list(self._connections)
        for conn in connections:
            _shut(conn)


def _shut(conn: HTTPConnection) -> None:
    sock = getattr(conn, "sock", None)
    if sock is not None:
        # shutdown (not close) wakes a read blocked in another thread on Linux and macOS.
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _watch_connection(conn: HTTPConnection) -> None:
    watch: CallWatch | None = getattr(_current, "watch", None)
    if watch is not None:
        watch._attach(conn)


class _WatchedHTTPConnection(HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch_connection(self)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch_connection(self)
        super().request(*args, **kwargs)


class _WatchedPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class DeadlineAdapter(HTTPAdapter):
    """An ``HTTPAdapter`` whose connections obey the calling thread's :class:`CallWatch`."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _WatchedPool,
            "https": _WatchedHTTPSPool,
        }


def fit_session(session: requests.Session) -> bool:
    """Mount :class:`DeadlineAdapter` on a session that still has the stock adapters.

    Returns False (and leaves the session alone) when the caller mounted adapters of its own,
    e.g. a test double; those calls keep their per-read timeouts only.
    """
    fitted = True
    for prefix in ("http://", "https://"):
        adapter = session.adapters.get(prefix)
        if isinstance(adapter, DeadlineAdapter):
            continue
        if type(adapter) is HTTPAdapter:
            session.mount(prefix, DeadlineAdapter())
        else:
            fitted = False
    return fitted
