"""Live alarm fan-out: every operator console connected to any hub process hears of a new or
changed alarm at once.

Alarm writes call ``conn.notify(alarms.CHANNEL, alarm_id)`` inside their transaction. On
PostgreSQL that is ``NOTIFY``: the server hands it, on commit, to every process listening, and
each hub process has one :class:`Listener` thread doing ``LISTEN`` on its own connection. With
SQLite the single process delivers it itself after ``COMMIT``. Either way it ends in
``Database.deliver``, which wakes this process's console streams (:class:`Wakeups`).

A stream (``GET /v1/operator/events``, server-sent events) sends the whole board when it
opens, again whenever it is woken, and at least every ``board_refresh_s`` (waiting times,
kiosks gone silent). Nothing a stream needs lives only in another process's memory: the board
is read from the database each time.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

from hub import alarms
from hub.db import Database

log = logging.getLogger("hub.live")
RESYNC = "resync"  # delivered after the listener (re)connects: something may have been missed


class Wakeups:
    """Asyncio events, one per open stream, set from any thread on a notification."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: dict[asyncio.Event, asyncio.AbstractEventLoop] = {}

    def open(self) -> asyncio.Event:
        event = asyncio.Event()
        with self._lock:
            self._events[event] = asyncio.get_running_loop()
        return event

    def close(self, event: asyncio.Event) -> None:
        with self._lock:
            self._events.pop(event, None)

    def __call__(self, channel: str, payload: str) -> None:
        del payload  # a stream re-reads the whole board
        if channel not in (alarms.CHANNEL, RESYNC):
            return
        with self._lock:
            targets = list(self._events.items())
        for event, loop in targets:
            try:
                loop.call_soon_threadsafe(event.set)
            except RuntimeError:  # that loop has closed
                self.close(event)

    @property
    def count(self) -> int:
        with self._lock:
            return len(self._events)


class Listener(threading.Thread):
    """``LISTEN`` on a PostgreSQL connection of its own; reconnects after a failure (a
    server restart or fail-over) and then announces a resync."""

    def __init__(self, database: Database) -> None:
        super().__init__(name="hub-listen", daemon=True)
        self.database = database
        self._stop = threading.Event()
        self.connected = threading.Event()

    def stop(self) -> None:
        self._stop.set()
        self.join(timeout=5)

    def run(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.database.target, autocommit=True, connect_timeout=5) as c:
                    c.execute(f"LISTEN {alarms.CHANNEL}")
                    self.connected.set()
                    self.database.deliver(RESYNC, "")
                    while not self._stop.is_set():
                        for note in c.notifies(timeout=1.0):
                            self.database.deliver(note.channel, note.payload)
            except psycopg.Error as exc:
                self.connected.clear()
                log.warning("alarm listener lost the database (%s); reconnecting", exc)
                self._stop.wait(1.0)


def sse(event: str, data: str) -> bytes:
    """One server-sent event (``data`` is JSON on one line)."""
    return f"event: {event}\ndata: {data}\n\n".encode()


def start(database: Database) -> tuple[Wakeups, Any]:
    """Wire notifications to a new :class:`Wakeups`; returns it and a stop function."""
    wakeups = Wakeups()
    database.subscribe(wakeups)
    listener: Listener | None = None
    if database.engine == "postgresql":
        listener = Listener(database)
        listener.start()

    def stop() -> None:
        database.unsubscribe(wakeups)
        if listener is not None:
            listener.stop()

    return wakeups, stop
