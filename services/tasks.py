"""A data thread: runs short store jobs off the GUI thread, one at a time, in order.

The screens need the catalogue cache and the outbox for every step, and even a small SQLite
write waits on an fsync (``synchronous=FULL``). ``TaskRunner`` owns one
:class:`~services.store.StoreConnection` on its own thread; ``submit(job, done)`` queues
``job(conn)`` and later calls ``done(TaskResult)`` **on the runner's thread** (the kiosk's
bridge forwards it to the GUI thread). Jobs run in submission order, so a read queued after a
write sees it.

The store is opened on the runner's thread when it starts. Where it cannot be opened for
writing (read-only folder, full disk) it is opened read-only: pages that only read (the
catalogue, the admin PIN, the status page) keep working and each write fails with
:class:`~services.store.StorageReadOnlyError`. If even that fails (damaged file) every job
fails with the same :class:`~services.store.StorageError`, so the screens can say what is
wrong instead of hanging.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.store import DB_FILENAME, StorageError, StoreConnection, connect_for_reading

log = logging.getLogger(__name__)

Job = Callable[[StoreConnection], Any]


@dataclass(frozen=True, slots=True)
class TaskResult:
    value: Any = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


_STOP = object()


class TaskRunner(threading.Thread):
    def __init__(self, data_dir: Path | str, *, name: str = "data-worker") -> None:
        super().__init__(name=name, daemon=True)
        self.data_dir = Path(data_dir)
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._stopped = threading.Event()

    def submit(self, job: Job, done: Callable[[TaskResult], None]) -> None:
        """Queue ``job``; ``done`` gets its result or exception (never raised here)."""
        if self._stopped.is_set():
            done(TaskResult(error=RuntimeError("the data thread has stopped")))
            return
        self._jobs.put((job, done))

    def stop(self, timeout: float | None = 10.0) -> bool:
        """Finish the queued jobs, then end. True when the thread has ended."""
        self._stopped.set()
        self._jobs.put(_STOP)
        if self.is_alive():
            self.join(timeout)
        return not self.is_alive()

    def run(self) -> None:
        conn: StoreConnection | None = None
        failure: BaseException | None = None
        try:
            conn = connect_for_reading(self.data_dir)
        except Exception as exc:  # reported to every job; the kiosk keeps running
            log.error("data thread cannot open the store: %s", exc)
            failure = exc
            if not isinstance(exc, StorageError):  # e.g. data_dir is a file: FileExistsError
                path = self.data_dir / DB_FILENAME
                failure = StorageError(path, f"Cannot open {path} ({exc}).")
                failure.__cause__ = exc
        try:
            while True:
                item = self._jobs.get()
                if item is _STOP:
                    return
                job, done = item
                result = self._run_one(conn, failure, job)
                try:
                    done(result)
                except Exception:
                    log.exception("a data job's completion callback failed")
        finally:
            if conn is not None:
                conn.close()

    @staticmethod
    def _run_one(
        conn: StoreConnection | None, failure: BaseException | None, job: Job
    ) -> TaskResult:
        if conn is None:
            assert failure is not None
            return TaskResult(error=failure)
        try:
            return TaskResult(value=job(conn))
        except Exception as exc:  # handed to the caller, who decides what the user sees
            if conn.in_transaction():
                conn.raw.execute("ROLLBACK")
            return TaskResult(error=exc)
