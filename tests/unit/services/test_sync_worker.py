"""The background worker thread with a fake hub: wake/stop, states, failures, revocation."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest
import requests

from services.hub_client import HubAuthError, HubServerError
from services.outbox import Outbox
from services.store import KEY_HUB_URL, KEY_TOKEN, Store
from services.sync import SyncState, SyncWorker
from services.sync_engine import HubApi, SyncConfig
from tests.helpers.sync_fakes import FakeHub, callback_payload, factory_for, hub_error, unavailable
from tests.helpers.waiting import wait_until

FAST = SyncConfig(
    backoff_base=0.01,
    backoff_cap=0.05,
    status_interval=0.05,
    heartbeat_interval=60.0,
    catalogue_interval=60.0,
    idle_interval=0.5,
)


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.states: list[SyncState] = []
        self.changed: list[UUID] = []

    def state(self, s: SyncState) -> None:
        with self.lock:
            self.states.append(s)

    def request(self, rid: UUID) -> None:
        with self.lock:
            self.changed.append(rid)

    def last(self) -> SyncState | None:
        with self.lock:
            return self.states[-1] if self.states else None


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path)
    with s.connect() as c:
        c.set(KEY_HUB_URL, "http://hub.invalid")
        c.set(KEY_TOKEN, "t" * 32)
    return s


@pytest.fixture
def hub() -> FakeHub:
    return FakeHub()


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


@pytest.fixture
def worker(store: Store, hub: FakeHub, rec: Recorder) -> Iterator[SyncWorker]:
    w = SyncWorker(
        store,
        config=FAST,
        on_state=rec.state,
        on_request_changed=rec.request,
        client_factory=factory_for(hub),
    )
    yield w
    assert w.stop(10)


def enqueue(store: Store, n: int) -> list[UUID]:
    with store.connect() as c:
        return [Outbox.enqueue(c, "callback.request", callback_payload()) for _ in range(n)]


def test_worker_drains_on_wake_and_reports(
    store: Store, hub: FakeHub, rec: Recorder, worker: SyncWorker
) -> None:
    worker.start()
    wait_until(lambda: (s := rec.last()) is not None and s.online)
    ids = enqueue(store, 5)
    worker.wake()
    wait_until(lambda: set(ids) <= set(rec.changed))
    wait_until(lambda: (s := rec.last()) is not None and s.queue_depth == 0)
    state = rec.last()
    assert state is not None and state.enrolled and state.online and state.last_success
    assert all(hub.received[i] == 1 for i in ids)
    assert len(hub.heartbeats) >= 1
    assert worker.state == state
    assert worker.stop(5)


def test_worker_survives_a_failing_hub_and_keeps_the_queue(
    store: Store, hub: FakeHub, rec: Recorder, worker: SyncWorker
) -> None:
    ids = enqueue(store, 3)
    hub.fail_next("*", unavailable, times=4)
    hub.fail_next("*", hub_error(HubServerError, 500, "hub error 500"), times=2)
    worker.start()
    wait_until(lambda: any(s.online is False and s.last_error for s in list(rec.states)))
    offline = next(s for s in list(rec.states) if s.online is False)
    assert offline.queue_depth == 3 and "refused" in (offline.last_error or "")
    wait_until(lambda: (s := rec.last()) is not None and s.online and s.queue_depth == 0)
    assert all(hub.received[i] == 1 for i in ids)
    assert rec.last().last_error is None  # type: ignore[union-attr]


def test_revoked_token_stops_calls_until_reenrolled(
    store: Store, hub: FakeHub, rec: Recorder, worker: SyncWorker
) -> None:
    ids = enqueue(store, 2)
    hub.fail_next("*", hub_error(HubAuthError, "token_revoked", "revoked"))
    worker.start()
    wait_until(lambda: (s := rec.last()) is not None and not s.enrolled)
    calls, passes = sum(hub.calls.values()), worker.passes
    for _ in range(3):
        cycles = worker.cycles
        worker.wake()
        wait_until(lambda: worker.cycles > cycles)  # noqa: B023 - evaluated inside the loop
    state = rec.last()
    assert state is not None and state.queue_depth == 2 and "revoked" in (state.last_error or "")
    assert sum(hub.calls.values()) == calls and worker.passes == passes  # hub left alone
    with store.connect() as c:
        c.set(KEY_TOKEN, "n" * 32)  # the admin re-enrolled
    worker.wake()
    wait_until(lambda: (s := rec.last()) is not None and s.enrolled and s.queue_depth == 0)
    assert all(hub.received[i] == 1 for i in ids)


def test_callbacks_and_internal_errors_never_kill_the_worker(store: Store, hub: FakeHub) -> None:
    made: list[int] = []

    def flaky_factory(url: str, token: str, session: requests.Session, cfg: SyncConfig) -> HubApi:
        made.append(1)
        if len(made) == 1:
            raise RuntimeError("factory boom")
        return hub

    def bad_callback(_: object) -> None:
        raise ValueError("listener bug")

    seen: list[SyncState] = []
    w = SyncWorker(
        store,
        config=FAST,
        on_state=lambda s: (seen.append(s), bad_callback(s)),  # type: ignore[func-returns-value]
        on_request_changed=bad_callback,
        client_factory=flaky_factory,
    )
    ids = enqueue(store, 2)
    w.start()
    wait_until(lambda: any("factory boom" in (s.last_error or "") for s in list(seen)))
    w.wake()
    wait_until(lambda: all(hub.received[i] == 1 for i in ids))
    assert w.is_alive()
    assert w.stop(5)


def test_unenrolled_kiosk_reports_and_waits(tmp_path: Path, hub: FakeHub, rec: Recorder) -> None:
    w = SyncWorker(
        Store(tmp_path), config=FAST, on_state=rec.state, client_factory=factory_for(hub)
    )
    w.start()
    wait_until(lambda: rec.last() is not None)
    state = rec.last()
    assert state is not None and not state.enrolled and state.online is None
    assert sum(hub.calls.values()) == 0
    assert w.stop(5)
