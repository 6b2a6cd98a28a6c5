"""Kiosk-side sync process for the crash test, run as ``python -m tests.helpers.crash_driver``.

It is a small "zygote": it imports the sync stack once, then for each ``run DATA_DIR DELAY``
line on stdin forks a child that opens the store and drains the outbox to the hub
(``sync_once`` with small batches), while the zygote SIGKILLs the child after DELAY seconds
unless it finished first. Forking from a warmed-up single-threaded process makes hundreds of
kills affordable; each child is still a separate process with its own SQLite connection and
HTTP session, killed without any chance to clean up.

Replies on stdout, one line per command: ``killed PID`` or ``exited PID CODE``.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

from services.store import Store
from services.sync import sync_once
from services.sync_engine import SyncConfig

CONFIG = SyncConfig(batch_size=2, catalogues=(), timeout=(3.0, 5.0))


def child(data_dir: str) -> None:
    try:
        store = Store(Path(data_dir))
        for _ in range(20):
            report = sync_once(store, config=CONFIG)
            if report.ok and report.queue_depth == 0:
                os._exit(0)
        os._exit(2)
    except BaseException:
        os._exit(3)


def wait_or_kill(pid: int, delay: float) -> str:
    """Wait for ``pid`` up to ``delay`` s, then SIGKILL it; returns the reply line."""
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = -1
    try:
        deadline = time.monotonic() + delay
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return f"exited {pid} {os.waitstatus_to_exitcode(status)}"
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return f"killed {pid}"
            if fd >= 0:
                select.select([fd], [], [], remaining)  # wakes when the child exits
            else:
                time.sleep(min(remaining, 0.001))
    finally:
        if fd >= 0:
            os.close(fd)


def main() -> int:
    print("ready", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        _, data_dir, delay = parts
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            child(data_dir)
        print(wait_or_kill(pid, float(delay)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
