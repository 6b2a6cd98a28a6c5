"""The transactional outbox: atomic enqueue, lanes, backoff, rejections, dead letters."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.outbox import (
    ACCEPTED,
    DEAD,
    QUEUED,
    REJECTED,
    SENDING,
    Backoff,
    Delivery,
    Outbox,
    get_request,
    list_requests,
)
from services.store import Store, StoreConnection
from tests.helpers.sync_fakes import callback_payload


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[StoreConnection]:
    with Store(tmp_path).connect() as c:
        yield c


def counts(conn: StoreConnection) -> tuple[int, int]:
    return (
        conn.scalar("SELECT COUNT(*) FROM requests"),
        conn.scalar("SELECT COUNT(*) FROM outbox"),
    )


def test_enqueue_writes_business_row_and_outbox_row(conn: StoreConnection) -> None:
    rid = Outbox.enqueue(conn, "callback.request", callback_payload("hi"), helper_id="h-7")
    assert isinstance(rid, UUID) and rid.version == 4
    rec = get_request(conn, rid)
    assert rec is not None
    assert (rec.kind, rec.state, rec.lane, rec.pending) == (
        "callback.request",
        QUEUED,
        "normal",
        True,
    )
    assert rec.payload["note"] == "hi"
    assert counts(conn) == (1, 1)
    (item,) = Outbox(conn).due(now=float("inf"), limit=10)
    assert (item.request_id, item.helper_id, item.attempts) == (rid, "h-7", 0)


def test_enqueue_is_all_or_nothing_when_outbox_insert_fails(conn: StoreConnection) -> None:
    conn.raw.execute(
        "CREATE TEMP TRIGGER no_outbox BEFORE INSERT ON outbox"
        " BEGIN SELECT RAISE(ABORT, 'outbox refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="outbox refused"):
        Outbox.enqueue(conn, "callback.request", callback_payload())
    assert counts(conn) == (0, 0)
    assert not conn.in_transaction()


def test_enqueue_joins_a_callers_transaction(conn: StoreConnection) -> None:
    with pytest.raises(RuntimeError), conn.transaction():
        Outbox.enqueue(conn, "callback.request", callback_payload())
        raise RuntimeError("the caller's own local write failed")
    assert counts(conn) == (0, 0)
    with conn.transaction():
        Outbox.enqueue(conn, "callback.request", callback_payload())
        Outbox.enqueue(conn, "callback.request", callback_payload())
    assert counts(conn) == (2, 2)


@settings(max_examples=30, deadline=None)
@given(fail_at=st.integers(min_value=0, max_value=6), n=st.integers(min_value=1, max_value=6))
def test_enqueue_never_leaves_an_orphan(
    tmp_path_factory: pytest.TempPathFactory, fail_at: int, n: int
) -> None:
    with Store(tmp_path_factory.mktemp("s")).connect() as c:
        c.raw.execute("CREATE TEMP TABLE tick(n INTEGER)")
        c.raw.execute("INSERT INTO tick VALUES (0)")
        c.raw.execute(
            "CREATE TEMP TRIGGER flaky BEFORE INSERT ON outbox BEGIN"
            " UPDATE tick SET n = n + 1;"
            f" SELECT RAISE(ABORT, 'flaky') WHERE (SELECT n FROM tick) = {fail_at + 1};"
            " END"
        )
        ok = 0
        for _ in range(n):
            try:
                Outbox.enqueue(c, "callback.request", callback_payload())
                ok += 1
            except sqlite3.IntegrityError:
                pass
        assert counts(c) == (ok, ok)
        orphans = c.scalar(
            "SELECT COUNT(*) FROM requests WHERE id NOT IN (SELECT request_id FROM outbox)"
        )
        assert orphans == 0


def test_enqueue_rejects_unknown_kind_and_bad_payload(conn: StoreConnection) -> None:
    with pytest.raises(ValueError, match="unknown request kind"):
        Outbox.enqueue(conn, "pizza.order", {})
    with pytest.raises(ValueError, match=r"invalid callback\.request"):
        Outbox.enqueue(conn, "callback.request", {"topic": "benefits", "phone": "nope"})
    with pytest.raises(ValueError, match="unknown lane"):
        Outbox.enqueue(conn, "callback.request", callback_payload(), lane="slow")  # type: ignore[arg-type]
    assert counts(conn) == (0, 0)


def test_lanes_are_separate(conn: StoreConnection) -> None:
    normal = Outbox.enqueue(conn, "callback.request", callback_payload())
    alarm = Outbox.enqueue(conn, "alarm.raise", {"drill": True}, lane="emergency")
    assert [i.request_id for i in Outbox(conn).due(1e18, 10)] == [normal]
    assert [i.request_id for i in Outbox(conn, lane="emergency").due(1e18, 10)] == [alarm]
    assert Outbox(conn, lane=None).depth() == 2


def test_due_respects_next_attempt_and_order(conn: StoreConnection) -> None:
    a = Outbox.enqueue(conn, "callback.request", callback_payload(), now=100.0)
    b = Outbox.enqueue(conn, "callback.request", callback_payload(), now=101.0)
    box = Outbox(conn, backoff=Backoff(rng=random.Random(1)))
    assert [i.request_id for i in box.due(101.0, 10)] == [a, b]
    assert [i.request_id for i in box.due(101.0, 1)] == [a]
    box.mark_failed([a], "refused", now=200.0)
    assert box.due(200.0, 10)[0].request_id == b
    assert a not in [i.request_id for i in box.due(199.0, 10)]
    assert box.next_due() == 101.0


def test_backoff_is_exponential_capped_full_jitter() -> None:
    back = Backoff(base=1.0, cap=300.0, rng=random.Random(42))
    twin = random.Random(42)
    expected_ceilings = [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]
    for attempts, ceiling in enumerate(expected_ceilings, start=1):
        assert back.ceiling(attempts) == ceiling
        delay = back.delay(attempts)
        assert delay == twin.uniform(0.0, ceiling)
        assert 0.0 <= delay <= ceiling
    assert Backoff().ceiling(10_000) == 300.0


def test_mark_failed_backs_off_with_seeded_jitter(conn: StoreConnection) -> None:
    rid = Outbox.enqueue(conn, "callback.request", callback_payload(), now=0.0)
    box = Outbox(conn, backoff=Backoff(rng=random.Random(7)))
    twin = Backoff(rng=random.Random(7))
    box.mark_sending([rid])
    assert get_request(conn, rid).state == SENDING  # type: ignore[union-attr]
    now = 1000.0
    for attempt in range(1, 6):
        box.mark_failed([rid], f"refused #{attempt}", now=now)
        row = conn.query("SELECT * FROM outbox WHERE request_id = ?", (str(rid),))[0]
        assert row["attempts"] == attempt
        assert row["next_attempt_ts"] == pytest.approx(now + twin.delay(attempt))
        assert row["last_error"] == f"refused #{attempt}"
    assert get_request(conn, rid).state == QUEUED  # type: ignore[union-attr]


def test_rejection_is_a_visible_state_with_its_reason(conn: StoreConnection) -> None:
    ok = Outbox.enqueue(conn, "callback.request", callback_payload())
    no = Outbox.enqueue(conn, "callback.request", callback_payload())
    box = Outbox(conn)
    changed = box.mark_delivered(
        [
            Delivery(ok, True, reference="CB-1", amount_fen=1350),
            Delivery(
                no,
                False,
                reason_code="slot_taken",
                reason_message={"zh_CN": "已满", "zh_HK": "已滿", "en": "Taken"},
                alternatives=("slot-2", "slot-3"),
            ),
        ]
    )
    assert set(changed) == {ok, no}
    assert box.depth() == 0
    good, bad = get_request(conn, ok), get_request(conn, no)
    assert good is not None and bad is not None
    assert (good.state, good.reference, good.delivered_at is not None) == (ACCEPTED, "CB-1", True)
    assert good.detail == {"amount_fen": 1350} and bad.detail == {}
    assert bad.state == REJECTED and bad.reason_code == "slot_taken"
    assert bad.reason_message == {"zh_CN": "已满", "zh_HK": "已滿", "en": "Taken"}
    assert bad.alternatives == ("slot-2", "slot-3")
    assert {r.id for r in list_requests(conn, states=[REJECTED])} == {no}


def test_delivery_does_not_undo_a_newer_feed_state(conn: StoreConnection) -> None:
    rid = Outbox.enqueue(conn, "callback.request", callback_payload())
    conn.execute(
        "UPDATE requests SET state = 'confirmed', status_seq = 3 WHERE id = ?", (str(rid),)
    )
    Outbox(conn).mark_delivered([Delivery(rid, True, "CB-9")])
    rec = get_request(conn, rid)
    assert rec is not None and rec.state == "confirmed" and rec.reference == "CB-9"


def test_dead_letters_are_listed_kept_and_retryable(conn: StoreConnection) -> None:
    rid = Outbox.enqueue(conn, "callback.request", callback_payload())
    box = Outbox(conn)
    box.mark_failed([rid], "timeout", now=0.0)
    box.dead_letter([rid], "hub refused the request 422 (validation)", http_status=422)
    box.dead_letter([uuid4()], "not queued: ignored")
    (dl,) = box.dead_letters()
    assert (dl.request_id, dl.http_status, dl.attempts, dl.kind) == (
        rid,
        422,
        2,
        "callback.request",
    )
    assert "422" in dl.reason
    assert box.depth() == 0
    rec = get_request(conn, rid)
    assert rec is not None and rec.state == DEAD and not rec.pending
    assert box.retry_dead_letter(rid, now=5.0)
    assert not box.retry_dead_letter(rid, now=5.0)
    assert box.dead_letters() == [] and box.depth() == 1
    assert get_request(conn, rid).state == QUEUED  # type: ignore[union-attr]
