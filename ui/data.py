"""How pages and flows reach the data thread without knowing about threads.

``kiosk.bridges.DataBridge`` implements :class:`DataPort`: ``run(job, on_done, on_error)``
runs ``job(conn)`` on the data thread and calls back **on the GUI thread**. Flows never
open the store themselves, so a slow disk can never freeze the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from services.store import StoreConnection

Job = Callable[[StoreConnection], Any]


class DataPort(Protocol):
    def run(
        self,
        job: Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None: ...
