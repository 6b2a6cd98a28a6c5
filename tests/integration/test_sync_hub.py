"""The kiosk's sync engine against the REAL hub subprocess (no mocked HTTP)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from kiosk.cli import sync as sync_cli
from kiosk.status import sync_status
from services import protocol
from services.catalogue_cache import CatalogueCache
from services.hub_client import CatalogueBody, HubAuthError, HubClient, NotModified
from services.outbox import get_request
from services.store import KEY_STATUS_CURSOR, Store
from services.sync import SyncState, SyncWorker, sync_once
from services.sync_engine import SyncConfig
from tests.helpers.hub_process import HubProcess
from tests.helpers.kiosk_side import assert_exactly_once, enqueue_callbacks, kiosk_store
from tests.helpers.waiting import wait_until

CFG = SyncConfig(timeout=(3.0, 5.0), status_interval=0.05, backoff_base=0.05, backoff_cap=0.2)


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    with HubProcess(tmp_path_factory.mktemp("hub"), demo_data=True) as process:
        yield process


def test_cli_enrol_sync_and_status(hub: HubProcess, tmp_path: Path) -> None:
    out = io.StringIO()
    assert sync_cli.enrol(tmp_path, hub.url, "not-a-real-code", out=out) == sync_cli.EXIT_REFUSED
    assert "did not accept" in out.getvalue()
    assert sync_cli.enrol(tmp_path, "http://127.0.0.1:9", "abcdef12", out=out) == 3
    assert "connection refused" in out.getvalue()
    assert sync_cli.enrol(tmp_path, hub.url, hub.enrolment_code(), "cli-kiosk", out=out) == 0
    status = sync_status(tmp_path)
    assert status["enrolled"] and status["hub_url"] == hub.url and status["queue_depth"] == 0
    ids = enqueue_callbacks(Store(tmp_path), 2)
    report_out = io.StringIO()
    assert sync_cli.sync_once(tmp_path, out=report_out) == 0
    assert '"sent": 2' in report_out.getvalue()
    status = sync_status(tmp_path)
    assert status["last_sync"] and status["last_error"] is None and status["alarms_pending"] == 0
    assert_exactly_once(hub.db_path, ids)


def test_idempotent_replay_returns_the_original_result(hub: HubProcess, tmp_path: Path) -> None:
    store = kiosk_store(tmp_path, hub.url, hub.enrol("replay"))
    ids = enqueue_callbacks(store, 5)
    assert sync_once(store, config=CFG).ok
    with store.connect() as conn:
        refs = {i: get_request(conn, i).reference for i in ids}  # type: ignore[union-attr]
        # Pretend every reply was lost: all five go back into the outbox, mid-send.
        for rid in ids:
            conn.execute("UPDATE requests SET state = 'sending' WHERE id = ?", (str(rid),))
            conn.execute(
                "INSERT INTO outbox(request_id, lane, attempts, next_attempt_ts, enqueued_ts)"
                " VALUES (?, 'normal', 1, 0, 0)",
                (str(rid),),
            )
        conn.set(KEY_STATUS_CURSOR, "999999")  # and no status feed to short-cut it
    report = sync_once(store, config=CFG)
    assert report.ok and report.sent == 5 and report.accepted == 5
    with store.connect() as conn:
        assert {i: get_request(conn, i).reference for i in ids} == refs  # type: ignore[union-attr]
    assert_exactly_once(hub.db_path, ids)


def test_direct_replay_of_a_batch_is_deduplicated(hub: HubProcess) -> None:
    import uuid

    env = protocol.RequestEnvelope.model_validate(
        {
            "id": uuid.uuid4(),
            "kind": "callback.request",
            "created_at": datetime.now(UTC),
            "payload": {"topic": "meals", "phone": "13900139000"},
        }
    )
    with requests.Session() as session:
        client = HubClient(hub.url, hub.enrol("direct"), session)
        first = client.submit(protocol.RequestBatch(requests=[env]))
        again = client.submit(protocol.RequestBatch(requests=[env]))
    assert first == again and first.results[0].status == "accepted"
    assert_exactly_once(hub.db_path, [env.id])


def test_unchanged_catalogues_answer_304(hub: HubProcess, tmp_path: Path) -> None:
    token = hub.enrol("etag")
    with requests.Session() as session:
        client = HubClient(hub.url, token, session)
        for name in protocol.CATALOGUE_NAMES:
            full = client.get_catalogue(name)
            assert isinstance(full, CatalogueBody) and full.etag
            again = client.get_catalogue(name, full.etag)
            assert isinstance(again, NotModified)
    store = kiosk_store(tmp_path, hub.url, token)
    first = sync_once(store, config=CFG)
    assert first.catalogues_updated == list(protocol.CATALOGUE_NAMES)
    second = sync_once(store, config=CFG)
    assert second.catalogues_unchanged == list(protocol.CATALOGUE_NAMES)
    with store.connect() as conn:
        cache = CatalogueCache(conn)
        assert len(cache.entries()) == len(protocol.CATALOGUE_NAMES)
        slots = cache.items("slots")
        assert slots, "demo data has slots"
        one = slots[0]
        assert isinstance(one, protocol.Slot)
        day = one.starts_at.date()
        assert one in cache.slots(one.department_id, day)


def test_status_cursor_survives_a_kiosk_restart(hub: HubProcess, tmp_path: Path) -> None:
    store = kiosk_store(tmp_path, hub.url, hub.enrol("restart"))
    states: list[SyncState] = []
    worker = SyncWorker(store, config=CFG, on_state=states.append)
    worker.start()
    try:
        first_ids = enqueue_callbacks(store, 4)
        worker.wake()

        def cursor() -> int:
            with store.connect() as conn:
                return conn.get_int(KEY_STATUS_CURSOR)

        wait_until(lambda: cursor() >= 4, timeout=30)
    finally:
        assert worker.stop(15)
    before = cursor()
    # "Restart": a brand-new Store and worker on the same file.
    reopened = Store(tmp_path)
    with reopened.connect() as conn:
        assert conn.get_int(KEY_STATUS_CURSOR) == before
    more = enqueue_callbacks(reopened, 2)
    report = sync_once(reopened, config=CFG)
    assert report.ok and report.sent == 2
    assert report.status_updates == 2  # only the new ones: the feed resumed at the cursor
    with reopened.connect() as conn:
        assert conn.get_int(KEY_STATUS_CURSOR) > before
        for rid in first_ids + more:
            rec = get_request(conn, rid)
            assert rec is not None and rec.hub_status is not None
    assert_exactly_once(hub.db_path, first_ids + more)


def test_revoked_token_makes_kiosk_not_enrolled_and_keeps_queue(
    hub: HubProcess, tmp_path: Path
) -> None:
    store = kiosk_store(tmp_path, hub.url, hub.enrol("revoked"))
    kiosk_id = hub.last_kiosk_id
    states: list[SyncState] = []
    worker = SyncWorker(store, config=CFG, on_state=states.append)
    worker.start()
    try:
        wait_until(lambda: states and states[-1].online, timeout=30)
        hub.revoke(kiosk_id)
        ids = enqueue_callbacks(store, 3)
        worker.wake()
        wait_until(lambda: not states[-1].enrolled and states[-1].queue_depth == 3, timeout=30)
        assert "revoked" in (states[-1].last_error or "")
        with pytest.raises(HubAuthError) as info, requests.Session() as s:
            HubClient(hub.url, None, s).status(0)
        assert info.value.code == "unauthorized"
        # An admin re-enrols the kiosk; the worker notices and delivers the kept queue.
        assert sync_cli.enrol(tmp_path, hub.url, hub.enrolment_code(), out=io.StringIO()) == 0
        worker.wake()
        wait_until(lambda: states[-1].enrolled and states[-1].queue_depth == 0, timeout=30)
    finally:
        assert worker.stop(15)
    assert_exactly_once(hub.db_path, ids)
