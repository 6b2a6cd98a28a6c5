"""Worker threads hand events to the GUI thread without calling Qt themselves.

Regression: emitting Qt signals straight from a Python thread crashed PySide6 6.12 on
Python 3.11 (bool_dealloc) after some thousands of emits. This floods the bridge from a
plain thread; the old design died here, the queue + socket notifier delivers all.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from uuid import uuid4

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from kiosk.bridges import SyncBridge
from services.sync import SyncState

N = 20_000


def make_state(i: int) -> SyncState:
    return SyncState(
        online=i % 2 == 0,
        enrolled=True,
        last_success=datetime.now(UTC),
        queue_depth=i,
        dead_letters=0,
        last_error=None,
        schema_errors=0,
    )


def test_flood_from_a_worker_thread_arrives_in_order_on_the_gui_thread(qtbot: QtBot) -> None:
    bridge = SyncBridge()
    depths: list[int] = []
    threads: set[object] = set()
    ids: list[str] = []

    def on_state(state: SyncState) -> None:
        depths.append(state.queue_depth)
        threads.add(QThread.currentThread())

    bridge.state_changed.connect(on_state)
    bridge.request_changed.connect(ids.append)
    sent_id = uuid4()

    def work() -> None:
        for i in range(N):
            bridge.on_state(make_state(i))
        bridge.on_request_changed(sent_id)

    worker = threading.Thread(target=work)
    worker.start()
    qtbot.waitUntil(lambda: len(depths) == N and ids == [str(sent_id)], timeout=60_000)
    worker.join(timeout=10)
    assert depths == list(range(N))
    assert threads == {bridge.thread()}
    bridge.close()
    bridge.on_state(make_state(0))  # after close: ignored, no error
