"""The emergency lane: alarm and operator work never waits behind kiosk sync traffic.

Plain ``def`` endpoints share one thread pool, and their work shares one database pool. Under a
burst of heartbeats and status polls both fill up, and an alarm would queue behind them. Alarm
endpoints, operator actions and the console's board are therefore ``async`` and run their work
through this lane: a few threads of its own (a capacity limiter) and database connections of its
own (a sibling :class:`~hub.db.Database` sharing the secret and the notification subscribers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from hub.db import Database

T = TypeVar("T")


class Lane:
    def __init__(self, database: Database, *, threads: int = 8, connections: int = 6) -> None:
        self.database = database.sibling(pool_size=connections)
        self._threads = threads
        self._limiter: Any = None

    async def run(self, work: Callable[[], T]) -> T:
        import anyio

        if self._limiter is None:  # made inside the event loop, which it belongs to
            self._limiter = anyio.CapacityLimiter(self._threads)
        return await anyio.to_thread.run_sync(work, limiter=self._limiter)

    def close(self) -> None:
        self.database.close()
