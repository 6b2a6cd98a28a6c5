"""The sync engine's steps against an in-memory fake hub (no HTTP, no threads)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from services import protocol
from services.hub_client import HubAuthError, HubProtocolError, HubRejected, HubServerError
from services.outbox import ACCEPTED, DEAD, QUEUED, REJECTED, Backoff, Outbox, get_request
from services.store import (
    KEY_HUB_URL,
    KEY_SCHEMA_ERRORS,
    KEY_STATUS_CURSOR,
    KEY_TOKEN,
    Store,
    StoreConnection,
)
from services.sync import credentials, read_state, run_pass, sync_once
from services.sync_engine import PassStats, SyncConfig, SyncEngine
from tests.helpers.sync_fakes import (
    NOW,
    FakeHub,
    callback_payload,
    factory_for,
    hub_error,
    make_slot,
    unavailable,
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path)
    with s.connect() as c:
        c.set(KEY_HUB_URL, "http://hub.invalid")
        c.set(KEY_TOKEN, "t" * 32)
    return s


@pytest.fixture
def conn(store: Store) -> Iterator[StoreConnection]:
    with store.connect() as c:
        yield c


def engine_for(conn: StoreConnection, hub: FakeHub, **cfg: object) -> SyncEngine:
    config = SyncConfig(**cfg)  # type: ignore[arg-type]
    return SyncEngine(conn, hub, config, backoff=Backoff(rng=random.Random(3)), clock=lambda: 0.0)


def enqueue(conn: StoreConnection, n: int) -> list:
    return [Outbox.enqueue(conn, "callback.request", callback_payload(), now=0.0) for _ in range(n)]


def test_drain_sends_in_bounded_batches_and_marks_accepted(conn: StoreConnection) -> None:
    hub = FakeHub()
    ids = enqueue(conn, 25)
    changed: list = []
    eng = engine_for(conn, hub, batch_size=10)
    eng.on_request_changed = changed.append
    stats = PassStats()
    eng.drain(stats)
    assert hub.batch_sizes == [10, 10, 5]
    assert stats.sent == stats.accepted == 25
    assert set(changed) == set(ids)
    assert Outbox(conn).depth() == 0
    assert all(get_request(conn, i).state == ACCEPTED for i in ids)  # type: ignore[union-attr]


def test_rejected_results_stay_visible(conn: StoreConnection) -> None:
    hub = FakeHub()
    hub.reject_kinds.add("callback.request")
    (rid,) = enqueue(conn, 1)
    engine_for(conn, hub).drain(stats := PassStats())
    rec = get_request(conn, rid)
    assert stats.rejected == 1
    assert rec is not None and rec.state == REJECTED and rec.reason_code == "slot_taken"
    assert rec.alternatives == ("slot-2",) and rec.reason_message is not None


def test_transport_failure_keeps_items_queued_and_backs_off(conn: StoreConnection) -> None:
    hub = FakeHub()
    ids = enqueue(conn, 3)
    hub.fail_next("submit", unavailable)
    with pytest.raises(Exception, match="connection refused"):
        engine_for(conn, hub).drain(PassStats())
    assert Outbox(conn).depth() == 3
    rows = conn.query("SELECT attempts, last_error FROM outbox")
    assert all(r["attempts"] == 1 and "refused" in r["last_error"] for r in rows)
    assert all(get_request(conn, i).state == QUEUED for i in ids)  # type: ignore[union-attr]


def test_poisoned_item_is_isolated_and_dead_lettered(conn: StoreConnection) -> None:
    hub = FakeHub()
    ids = enqueue(conn, 8)
    hub.poison.add(ids[5])
    stats = PassStats()
    engine_for(conn, hub).drain(stats)
    assert stats.accepted == 7 and stats.dead_lettered == 1
    (dl,) = Outbox(conn).dead_letters()
    assert dl.request_id == ids[5] and dl.http_status == 422
    assert get_request(conn, ids[5]).state == DEAD  # type: ignore[union-attr]
    assert Outbox(conn).depth() == 0


def test_not_found_batch_is_not_dead_lettered(conn: StoreConnection) -> None:
    hub = FakeHub()
    enqueue(conn, 4)
    hub.fail_next("submit", hub_error(HubRejected, 404, "not_found", "no such path"))
    with pytest.raises(HubRejected):
        engine_for(conn, hub).drain(PassStats())
    assert Outbox(conn).depth() == 4 and Outbox(conn).dead_letters() == []


def test_locally_unencodable_item_is_dead_lettered(conn: StoreConnection) -> None:
    hub = FakeHub()
    bad = Outbox.enqueue(conn, "pizza.order", {"x": 1}, validate=False, now=0.0)
    good = enqueue(conn, 1)[0]
    engine_for(conn, hub).drain(stats := PassStats())
    assert stats.dead_lettered == 1 and stats.accepted == 1
    assert [d.request_id for d in Outbox(conn).dead_letters()] == [bad]
    assert get_request(conn, good).state == ACCEPTED  # type: ignore[union-attr]


def test_resending_after_lost_reply_is_deduplicated(conn: StoreConnection) -> None:
    hub = FakeHub()
    ids = enqueue(conn, 3)
    # The hub processes the batch but the reply is lost (as after a dropped connection).
    hub.submit(protocol.RequestBatch(requests=[_env(conn, i) for i in ids]))
    engine_for(conn, hub).drain(PassStats())
    assert all(hub.received[i] == 2 for i in ids)
    assert len(hub.results) == 3
    assert Outbox(conn).depth() == 0


def _env(conn: StoreConnection, rid: object) -> protocol.RequestEnvelope:
    from services.sync_engine import build_envelope

    (item,) = [i for i in Outbox(conn).due(float("inf"), 100) if i.request_id == rid]
    return build_envelope(item)


def test_status_feed_updates_rows_and_persists_cursor(conn: StoreConnection) -> None:
    hub = FakeHub()
    a, b = enqueue(conn, 2)
    eng = engine_for(conn, hub, status_page=1)
    eng.drain(PassStats())
    hub.push_status(a, "confirmed")
    hub.push_status(b, "cancelled")
    hub.push_status(a, "completed")
    stats = PassStats()
    eng.pull_status(stats)
    assert stats.status_updates == 3
    assert conn.get_int(KEY_STATUS_CURSOR) == 3
    assert get_request(conn, a).state == "completed"  # type: ignore[union-attr]
    assert get_request(conn, b).state == "cancelled"  # type: ignore[union-attr]
    eng.pull_status(stats2 := PassStats())
    assert stats2.status_updates == 0


def test_status_for_an_unsent_item_proves_delivery(conn: StoreConnection) -> None:
    hub = FakeHub()
    (rid,) = enqueue(conn, 1)
    hub.push_status(rid, "accepted")
    engine_for(conn, hub).pull_status(PassStats())
    assert Outbox(conn).depth() == 0
    rec = get_request(conn, rid)
    assert rec is not None and rec.state == "accepted" and rec.delivered_at is not None


def test_catalogues_are_cached_and_304_only_touches(conn: StoreConnection) -> None:
    from services.catalogue_cache import CatalogueCache

    hub = FakeHub()
    slots = [make_slot(i) for i in range(30)] + [make_slot(i, day_offset=1) for i in range(5)]
    hub.catalogues["slots"] = protocol.Catalogue[protocol.Slot](
        items=slots, version="v1", generated_at=NOW
    )
    eng = engine_for(conn, hub, catalogues=("slots", "hospitals"))
    eng.refresh_catalogues(first := PassStats())
    assert first.catalogues_updated == ["slots", "hospitals"]
    eng.refresh_catalogues(second := PassStats())
    assert second.catalogues_unchanged == ["slots", "hospitals"]
    cache = CatalogueCache(conn)
    today = cache.slots("dep-1", date(2026, 3, 2))
    assert len(today) == 30
    assert [s.starts_at for s in today] == sorted(s.starts_at for s in today)
    assert all(s.remaining > 0 for s in cache.slots("dep-1", date(2026, 3, 2), available_only=True))
    assert cache.slot_days("dep-1") == [date(2026, 3, 2), date(2026, 3, 3)]
    assert cache.slot(slots[0].id) == slots[0]
    entry = cache.entry("slots")
    assert entry is not None and entry.etag == '"v1"' and entry.version == "v1"
    assert len(cache.items("slots")) == 35 and cache.items("hospitals") == []


def test_run_pass_counts_schema_errors_and_records_last_error(conn: StoreConnection) -> None:
    hub = FakeHub()
    enqueue(conn, 1)
    hub.fail_next("submit", hub_error(HubProtocolError, "malformed reply from the hub"))
    _, exc = run_pass(conn, engine_for(conn, hub), "t" * 32)
    assert isinstance(exc, HubProtocolError)
    assert conn.get_int(KEY_SCHEMA_ERRORS) == 1
    state = read_state(conn, False)
    assert state.schema_errors == 1 and "malformed" in (state.last_error or "")
    assert state.queue_depth == 1
    _, exc = run_pass(conn, engine_for(conn, hub), "t" * 32)
    assert exc is None  # the item itself is backing off; the rest of the pass worked
    assert read_state(conn, True).queue_depth == 1
    _, exc = run_pass(conn, engine_for(conn, hub), "t" * 32, ignore_backoff=True)
    assert exc is None
    state = read_state(conn, True)
    assert state.last_error is None and state.last_success is not None and state.queue_depth == 0
    assert len(hub.heartbeats) == 2
    assert hub.heartbeats[0].last_error == "malformed reply from the hub"  # told the hub
    assert hub.heartbeats[-1].queue_depth == 0 and hub.heartbeats[-1].last_error is None


def test_revoked_token_marks_kiosk_not_enrolled(conn: StoreConnection) -> None:
    hub = FakeHub()
    enqueue(conn, 2)
    hub.fail_next("submit", hub_error(HubAuthError, "token_revoked", "revoked"))
    _, exc = run_pass(conn, engine_for(conn, hub), "t" * 32)
    assert isinstance(exc, HubAuthError)
    assert credentials(conn)[2] is False
    state = read_state(conn, True)
    assert not state.enrolled and state.queue_depth == 2 and "revoked" in (state.last_error or "")
    conn.set(KEY_TOKEN, "n" * 32)  # an admin re-enrols: new token, enrolled again
    assert credentials(conn)[2] is True


def test_sync_once_reports_and_ignores_backoff(store: Store) -> None:
    hub = FakeHub()
    with store.connect() as c:
        enqueue(c, 3)
        Outbox(c, backoff=Backoff(rng=random.Random(1))).mark_failed(
            [i.request_id for i in Outbox(c).due(1e18, 10)], "earlier failure", now=1e12
        )
    report = sync_once(store, client_factory=factory_for(hub))
    assert report.ok and report.sent == 3 and report.queue_depth == 0 and report.heartbeat
    assert report.catalogues_updated == list(protocol.CATALOGUE_NAMES)
    hub.fail_next("*", hub_error(HubServerError, 503, "hub error 503"))
    report = sync_once(store, client_factory=factory_for(hub))
    assert not report.ok and "503" in (report.error or "")
    assert report.as_dict()["error"] == report.error


def test_sync_once_without_enrolment(tmp_path: Path) -> None:
    report = sync_once(Store(tmp_path))
    assert not report.ok and not report.enrolled and "enrol" in (report.error or "")
