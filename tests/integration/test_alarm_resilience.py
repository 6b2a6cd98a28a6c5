"""The alarm under the worst conditions, all with the REAL hub on loopback:

* the hub is down for 60 s after the press, then comes back: the alarm arrives exactly once,
  the kiosk said "unreachable" at 30 s, and retries went on every few seconds meanwhile;
* the kiosk process is SIGKILLed right after the press (at random moments from 0 to 40 ms,
  before, during or after sending): after a restart every alarm reaches the hub exactly once;
* 10,000 ordinary requests are queued and being synced: the alarm still goes first.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from uuid import UUID

import pytest

from services import alarms
from services.alarm_dispatch import AlarmDispatcher, DispatchConfig, NullAlarmObserver
from services.alarms import AlarmPhase
from services.outbox import Outbox
from services.store import Store
from services.sync import SyncWorker
from tests.helpers.hub_process import REPO_ROOT, HubProcess
from tests.helpers.kiosk_side import CALLBACK, kiosk_store
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.slow


class Timeline(NullAlarmObserver):
    """When each callback arrived (monotonic seconds)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.states: dict[tuple[UUID, str], float] = {}
        self.unreachable_at: dict[UUID, tuple[float, float]] = {}
        self.problems: list[str] = []
        self.hooks: list[tuple[str, object]] = []

    def on_state(self, alarm_id: UUID, state: AlarmPhase, detail: str | None) -> None:
        with self.lock:
            self.states.setdefault((alarm_id, state), time.monotonic())
        for wanted, hook in self.hooks:
            if wanted == state:
                hook()  # type: ignore[operator]

    def unreachable(self, alarm_id: UUID, seconds: float) -> None:
        with self.lock:
            self.unreachable_at[alarm_id] = (time.monotonic(), seconds)

    def problem(self, alarm_id: UUID | None, message: str) -> None:
        with self.lock:
            self.problems.append(message)


def hub_count(hub: HubProcess, sql: str, *args: object) -> int:
    with contextlib.closing(sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)) as conn:
        conn.execute("PRAGMA busy_timeout = 10000")
        return int(conn.execute(sql, args).fetchone()[0])


def press(worker: AlarmDispatcher, store: Store) -> UUID:
    with store.connect() as conn:
        return worker.raise_alarm(
            conn, kiosk_name="康乐1号机", location="一楼大厅", person=None, helper=None, drill=False
        )


def test_hub_down_for_60_s_then_up_delivers_the_alarm_exactly_once(
    tmp_path: Path, hub: HubProcess, hub_token: str
) -> None:
    store = kiosk_store(tmp_path / "kiosk", hub.url, hub_token)
    hub.stop()
    seen = Timeline()
    worker = AlarmDispatcher(store, observers=[seen])  # the real defaults: 2 s ± 30 %, 30 s
    worker.start()
    try:
        pressed = time.monotonic()
        alarm_id = press(worker, store)
        wait_until(lambda: alarm_id in seen.unreachable_at, timeout=40)
        at, seconds = seen.unreachable_at[alarm_id]
        assert 30.0 <= seconds < 33.0 and 29.0 <= at - pressed < 34.0
        wait_until(lambda: time.monotonic() - pressed >= 60.0, timeout=70, interval=0.5)
        with store.connect() as conn:
            attempts = alarms.alarm_view(conn, alarm_id).attempts
        assert 20 <= attempts <= 45, attempts  # every 2 s ± 30 % for 60 s
        hub.start()
        wait_until(lambda: (alarm_id, "received") in seen.states, timeout=10)
        assert worker.state_of(alarm_id) == ("received", None)
    finally:
        assert worker.stop(15)
    assert hub_count(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", str(alarm_id)) == 1
    received = "SELECT COUNT(*) FROM alarm_events WHERE alarm_id = ? AND event = 'received'"
    assert hub_count(hub, received, str(alarm_id)) == 1
    assert any("cannot reach the hub" in p for p in seen.problems), seen.problems


# -- SIGKILL right after the press -----------------------------------------------------------

KIOSK_CHILD = """
import sys, time
from pathlib import Path
from services.alarm_dispatch import AlarmDispatcher, DispatchConfig
from services.store import Store

store = Store(Path(sys.argv[1]))
worker = AlarmDispatcher(store, config=DispatchConfig(retry_interval=0.2))
worker.start()
print("ready", flush=True)
sys.stdin.readline()
with store.connect() as conn:
    alarm_id = worker.raise_alarm(
        conn, kiosk_name="k", location="hall", person=None, helper=None, drill=False
    )
print(alarm_id, flush=True)
worker.join()
"""


def test_kiosk_killed_right_after_the_press_sends_the_alarm_after_restart(
    tmp_path: Path, hub: HubProcess, hub_token: str
) -> None:
    rng = random.Random(20_260_611)
    data_dir = tmp_path / "kiosk"
    kiosk_store(data_dir, hub.url, hub_token)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    pressed: list[UUID] = []
    for _ in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", KIOSK_CHILD, str(data_dir)],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdin is not None and child.stdout is not None
        try:
            assert child.stdout.readline().strip() == "ready"
            child.stdin.write("press\n")
            child.stdin.flush()
            pressed.append(UUID(child.stdout.readline().strip()))  # persisted: raise returned
            deadline = time.monotonic() + rng.uniform(0.0, 0.04)
            while time.monotonic() < deadline:
                pass  # busy-wait a few ms: a sleep would be too coarse for "right after"
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait(10)
            child.stdin.close()
            child.stdout.close()
        assert child.returncode == -signal.SIGKILL
    # Restart: a fresh dispatcher finds what the killed processes left behind.
    store = Store(data_dir)
    seen = Timeline()
    worker = AlarmDispatcher(store, observers=[seen], config=DispatchConfig(retry_interval=0.2))
    worker.start()
    try:
        wait_until(lambda: all((a, "received") in seen.states for a in pressed), timeout=20)
    finally:
        assert worker.stop(15)
    for alarm_id in pressed:
        assert hub_count(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", str(alarm_id)) == 1
        received = "SELECT COUNT(*) FROM alarm_events WHERE alarm_id = ? AND event = 'received'"
        assert hub_count(hub, received, str(alarm_id)) == 1
    with store.connect() as conn:
        assert alarms.count_unsent(conn) == 0
        assert len(alarms.alarm_history(conn, limit=100)) == len(pressed)
    assert store.integrity_ok()


# -- 10,000 ordinary requests in the queue ---------------------------------------------------

QUEUED = 10_000


def test_alarm_goes_first_while_10000_requests_are_queued(
    tmp_path: Path, hub: HubProcess, hub_token: str
) -> None:
    store = kiosk_store(tmp_path / "kiosk", hub.url, hub_token)
    with store.connect() as conn, conn.transaction():
        for _ in range(QUEUED):
            Outbox.enqueue(conn, "callback.request", CALLBACK)
    seen = Timeline()
    at_receipt: dict[str, int] = {}
    seen.hooks.append(
        (
            "received",
            lambda: at_receipt.setdefault("hub", hub_count(hub, "SELECT COUNT(*) FROM requests")),
        )
    )
    sync = SyncWorker(store)
    dispatcher = AlarmDispatcher(store, observers=[seen])
    dispatcher.start()
    sync.start()
    try:
        # The ordinary lane is really busy before the press.
        wait_until(lambda: hub_count(hub, "SELECT COUNT(*) FROM requests") >= 200, timeout=60)
        pressed = time.monotonic()
        alarm_id = press(dispatcher, store)
        wait_until(lambda: (alarm_id, "received") in seen.states, timeout=10)
        latency = seen.states[(alarm_id, "received")] - pressed
        with store.connect() as conn:
            still_queued = Outbox(conn, lane="normal").depth()
    finally:
        assert dispatcher.stop(15)
        assert sync.stop(30)
    print(
        f"alarm received {latency * 1000:.0f} ms after the press; hub had "
        f"{at_receipt['hub']} of {QUEUED} ordinary requests; {still_queued} still queued"
    )
    assert at_receipt["hub"] < QUEUED // 2, at_receipt
    assert still_queued > 0
    assert latency < 2.0
