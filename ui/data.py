"""How pages and flows reach the data thread without knowing about threads.

:class:`DataBridge` implements :class:`DataPort`: ``run(job, on_done, on_error)`` runs
``job(conn)`` on the data thread (a ``services.tasks.TaskRunner``) and calls back **on the
GUI thread**. Flows never open the store themselves, so a slow disk can never freeze the
screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject

from ui.thread_inbox import ThreadInbox

if TYPE_CHECKING:  # the store loads after the first frame
    from services.store import StoreConnection

    Job = Callable[[StoreConnection], Any]
else:
    Job = Callable[[Any], Any]

log = logging.getLogger("yijiantong.data")


class DataPort(Protocol):
    def run(
        self,
        job: Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None: ...


class JobRunner(Protocol):
    """What :class:`DataBridge` needs of the data thread (``services.tasks.TaskRunner``)."""

    def submit(self, job: Job, on_result: Callable[[Any], None]) -> Any: ...


class DataBridge(QObject):
    """:class:`DataPort` over a data thread. A job whose callbacks' owner was wiped in the
    meantime still completes; flows check their own generation counter on arrival."""

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._inbox = ThreadInbox(self._deliver, self)

    def run(
        self,
        job: Job,
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
