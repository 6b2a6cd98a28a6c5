"""Sync through a fault-injecting proxy in front of the REAL hub: nothing lost, nothing doubled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from services.outbox import count_dead_letters, get_request
from services.store import KEY_HUB_URL, Store
from services.sync import SyncState, SyncWorker, read_state, sync_once
from services.sync_engine import SyncConfig
from tests.helpers.fault_proxy import MODES, FaultProxy, make_self_signed
from tests.helpers.hub_process import HubProcess
from tests.helpers.kiosk_side import assert_exactly_once, enqueue_callbacks, kiosk_store
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.slow

CFG = SyncConfig(timeout=(2.0, 1.0), deadline=3.0, backoff_base=0.02, backoff_cap=0.1)

EXPECTED = {
    "drop_mid_body": ("broke mid-reply", False),
    "status_500": ("hub error 500", False),
    "stall": ("did not answer in time", False),
    "truncated_json": ("malformed reply", True),
    "malformed_json": ("malformed reply", True),
    "huge_body": ("byte limit", True),
    "drip": ("did not", False),  # the 1 s read timeout trips before the 3 s deadline
    "reset": ("cannot reach the hub", False),
    "garbage": ("cannot reach the hub", False),
}


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    with HubProcess(tmp_path_factory.mktemp("hub"), demo_data=True) as process:
        yield process


@pytest.fixture(scope="module")
def token(hub: HubProcess) -> str:
    return hub.enrol("fault-kiosk")


@pytest.fixture
def proxy(hub: HubProcess) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", hub.port, stall_seconds=3.0, lifetime=120) as p:
        yield p


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_fault_on_submit_loses_and_duplicates_nothing(
    mode: str, hub: HubProcess, token: str, proxy: FaultProxy, tmp_path: Path
) -> None:
    store = kiosk_store(tmp_path, proxy.url, token)
    ids = enqueue_callbacks(store, 5)
    proxy.set_fault(mode, path="/v1/requests", times=1)
    first = sync_once(store, config=CFG)
    assert proxy.faults_applied[mode] == 1
    text, schema = EXPECTED[mode]
    assert not first.ok and text in (first.error or ""), first.error
    assert first.queue_depth == 5
    assert first.schema_errors == (1 if schema else 0)
    with store.connect() as conn:
        state = read_state(conn, online=False)
        assert text in (state.last_error or "") and state.queue_depth == 5
    second = sync_once(store, config=CFG)
    assert second.ok, second.error
    assert second.queue_depth == 0 and second.dead_letters == 0
    assert_exactly_once(hub.db_path, ids)
    with store.connect() as conn:
        for rid in ids:
            rec = get_request(conn, rid)
            assert rec is not None and rec.reference and rec.state != "queued"


def test_a_refusal_after_the_hub_accepted_is_not_left_as_a_dead_letter(
    hub: HubProcess, token: str, proxy: FaultProxy, tmp_path: Path
) -> None:
    """The hub processes the request but a 400 comes back: the kiosk has to park it as
    undeliverable; the hub's status feed then proves otherwise and the dead letter goes."""
    store = kiosk_store(tmp_path, proxy.url, token)
    [rid] = enqueue_callbacks(store, 1)
    proxy.set_fault("status_400", path="/v1/requests", times=1)
    first = sync_once(store, config=CFG)
    assert proxy.faults_applied["status_400"] == 1
    assert first.dead_lettered == 1, first  # parked at first: the kiosk cannot know better
    second = sync_once(store, config=CFG)
    assert second.ok, second.error
    assert second.dead_letters == 0, second
    with store.connect() as conn:
        rec = get_request(conn, rid)
        assert rec is not None and rec.state == "accepted" and rec.reason_code is None, rec
        assert count_dead_letters(conn) == 0
    assert_exactly_once(hub.db_path, [rid])


OTHER = [
    (mode, path)
    for path in ("/v1/status", "/v1/catalogue/slots", "/v1/heartbeat")
    for mode in ("drop_mid_body", "malformed_json", "huge_body")
]


@pytest.mark.parametrize(("mode", "path"), OTHER)
def test_fault_on_other_endpoints_is_survived(
    mode: str, path: str, hub: HubProcess, proxy: FaultProxy, tmp_path: Path
) -> None:
    store = kiosk_store(tmp_path, proxy.url, hub.enrol("other-endpoints"))
    ids = enqueue_callbacks(store, 3)
    proxy.set_fault(mode, path=path, times=1)
    first = sync_once(store, config=CFG)
    assert not first.ok and first.error
    assert sync_once(store, config=CFG).ok
    assert_exactly_once(hub.db_path, ids)


def test_worker_rides_out_every_fault_and_reports_it(
    hub: HubProcess, token: str, proxy: FaultProxy, tmp_path: Path
) -> None:
    store = kiosk_store(tmp_path, proxy.url, token)
    states: list[SyncState] = []
    worker = SyncWorker(store, config=CFG, on_state=states.append)
    worker.start()
    try:
        wait_until(lambda: states and states[-1].online, timeout=30)
        all_ids = []
        for mode in MODES:
            proxy.set_fault(mode)  # every endpoint, until switched off
            all_ids += enqueue_callbacks(store, 4)
            seen = len(states)
            worker.wake()
            wait_until(
                lambda: any(s.online is False and s.last_error for s in states[seen:]),  # noqa: B023
                timeout=30,
            )
            assert worker.is_alive()
            proxy.set_fault(None)
            worker.wake()
            wait_until(lambda: states[-1].online and states[-1].queue_depth == 0, timeout=30)
        assert states[-1].schema_errors >= 3  # truncated, malformed, huge
        assert states[-1].last_error is None
    finally:
        assert worker.stop(15)
    assert_exactly_once(hub.db_path, all_ids)


def test_bad_tls_certificate_is_reported_and_queue_kept(
    hub: HubProcess, token: str, tmp_path: Path
) -> None:
    files = make_self_signed(tmp_path)
    if files is None:
        pytest.skip("openssl is not installed")
    with FaultProxy("127.0.0.1", hub.port, tls_files=files, lifetime=60) as tls_proxy:
        store = kiosk_store(tmp_path / "kiosk", tls_proxy.url, token)
        ids = enqueue_callbacks(store, 3)
        report = sync_once(store, config=CFG)
        assert not report.ok and "certificate" in (report.error or "")
        assert report.queue_depth == 3
    with Store(tmp_path / "kiosk").connect() as conn:
        conn.set(KEY_HUB_URL, hub.url)
    assert sync_once(store, config=CFG).ok
    assert_exactly_once(hub.db_path, ids)
