"""The kiosk's alarm record (services/alarms.py) on a real SQLite file: durable write first,
masked IDs only, append-only history, forward-only states, cancel as a follow-up."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services import alarms
from services.identity import parse_resident_id
from services.protocol import AlarmState
from services.store import Store, StoreConnection
from tests.helpers.hub_process import resident_id

NOW = datetime(2025, 6, 11, 2, 0, tzinfo=UTC)
FULL_ID = resident_id(7)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[StoreConnection]:
    with Store(tmp_path).connect() as c:
        yield c


def press(conn: StoreConnection, *, drill: bool = False, when: datetime = NOW) -> UUID:
    return alarms.raise_alarm(
        conn,
        kiosk_name="康乐社区中心 1号机",
        location="长寿路 100 号 一楼大厅",
        person=parse_resident_id(FULL_ID, today=date(2025, 6, 11)),
        helper="李护工",
        drill=drill,
        now=when,
    )


def hub_state(alarm_id: UUID, state: str, operator: str | None = None) -> AlarmState:
    return AlarmState.model_validate(
        {
            "alarm_id": str(alarm_id),
            "state": state,
            "at": NOW.isoformat(),
            "operator_note": operator,
        }
    )


def test_alarm_is_committed_durably_with_masked_id_only(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.connect() as conn:
        alarm_id = press(conn)
        assert conn.scalar("PRAGMA synchronous") == 2  # FULL: the commit fsyncs the WAL
        assert not conn.in_transaction()
    # A different connection (as after a restart) sees it at once.
    with store.connect() as other:
        view = alarms.alarm_view(other, alarm_id)
    assert view.state == "sending" and not view.at_hub and not view.drill
    assert view.masked_id == FULL_ID[:4] + "*" * 10 + FULL_ID[-4:]
    assert view.helper == "李护工" and view.kiosk_name.startswith("康乐")
    assert [e.event for e in view.events] == ["raised"]
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("yijiantong"))
    assert FULL_ID.encode() not in raw
    assert view.wire().person is not None and view.wire().person.resident_id is None


def test_alarm_must_be_its_own_transaction(conn: StoreConnection) -> None:
    with conn.transaction(), pytest.raises(alarms.AlarmInTransactionError):
        press(conn)
    assert conn.scalar("SELECT COUNT(*) FROM alarms") == 0


def test_naive_time_is_refused(conn: StoreConnection) -> None:
    with pytest.raises(ValueError):
        press(conn, when=datetime(2025, 6, 11, 10, 0))


def test_cancel_is_a_follow_up_and_nothing_can_be_deleted(conn: StoreConnection) -> None:
    alarm_id = press(conn)
    view = alarms.cancel_alarm(conn, alarm_id, "误触 pressed by mistake")
    assert view.cancel_pending and view.state == "sending"
    again = alarms.cancel_alarm(conn, alarm_id, "second")
    assert again.cancel_reason == "误触 pressed by mistake"
    assert [e.event for e in again.events] == ["raised", "cancel_requested"]
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        conn.execute("DELETE FROM alarms")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        conn.execute("DELETE FROM alarm_events")
    with pytest.raises(alarms.AlarmNotFoundError):
        alarms.cancel_alarm(conn, uuid4(), "x")


def test_hub_states_move_forward_with_the_operator_name(conn: StoreConnection) -> None:
    alarm_id = press(conn)
    assert alarms.record_hub_state(conn, alarm_id, hub_state(alarm_id, "received"))
    ack = hub_state(alarm_id, "acknowledged", "王芳")
    assert alarms.record_hub_state(conn, alarm_id, ack)
    assert not alarms.record_hub_state(conn, alarm_id, hub_state(alarm_id, "received"))
    view = alarms.alarm_view(conn, alarm_id)
    assert (view.state, view.operator, view.at_hub) == ("acknowledged", "王芳", True)
    assert [e.event for e in view.events] == ["raised", "received", "acknowledged"]
    assert view.events[-1].detail is not None and "王芳" in view.events[-1].detail


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["received", "acknowledged", "resolved", "cancelled"])))
def test_state_is_the_furthest_reported_and_final_states_stick(
    tmp_path: Path, reports: list[str]
) -> None:
    with Store(tmp_path / str(uuid4())).connect() as conn:
        alarm_id = press(conn)
        for state in reports:
            alarms.record_hub_state(conn, alarm_id, hub_state(alarm_id, state))
        view = alarms.alarm_view(conn, alarm_id)
    expected = "sending"
    for state in reports:
        if alarms.RANK[state] > alarms.RANK[expected]:
            expected = state
    assert view.state == expected
    assert view.at_hub == bool(reports)


def test_send_errors_count_but_only_the_first_of_a_run_is_history(conn: StoreConnection) -> None:
    alarm_id = press(conn)
    for n in range(5):
        alarms.record_send_error(conn, alarm_id, f"cannot reach the hub ({n})")
    view = alarms.alarm_view(conn, alarm_id)
    assert view.attempts == 5 and view.last_error == "cannot reach the hub (4)"
    assert [e.event for e in view.events] == ["raised", "send_error"]
    alarms.record_hub_state(conn, alarm_id, hub_state(alarm_id, "received"))
    assert alarms.alarm_view(conn, alarm_id).last_error is None


def test_pending_history_and_unsent_count(conn: StoreConnection) -> None:
    first = press(conn, when=NOW)
    second = press(conn, when=NOW + timedelta(minutes=1), drill=True)
    third = press(conn, when=NOW + timedelta(minutes=2))
    assert alarms.count_unsent(conn) == 3
    alarms.record_hub_state(conn, first, hub_state(first, "resolved"))
    alarms.record_hub_state(conn, second, hub_state(second, "acknowledged", "王芳"))
    assert [v.id for v in alarms.pending_alarms(conn)] == [second, third]
    alarms.cancel_alarm(conn, first, "late cancel")
    assert [v.id for v in alarms.pending_alarms(conn)] == [first, second, third]
    history = alarms.alarm_history(conn, limit=10)
    assert [v.id for v in history] == [third, second, first]
    assert history[1].drill and history[1].events[0].detail == "drill"
    assert alarms.count_unsent(conn) == 1


def test_restore_keeps_the_original_id_time_and_mask(conn: StoreConnection) -> None:
    alarm_id = press(conn)
    view = alarms.alarm_view(conn, alarm_id)
    alarms.restore_alarm(conn, view)  # already stored: nothing happens
    assert conn.scalar("SELECT COUNT(*) FROM alarm_events") == 1
    moved = alarms.AlarmView(**{**_fields(view), "id": uuid4()})
    alarms.restore_alarm(conn, moved)
    back = alarms.alarm_view(conn, moved.id)
    assert (back.raised_at, back.masked_id, back.helper) == (
        view.raised_at,
        view.masked_id,
        "李护工",
    )
    assert back.events[0].detail == "saved late"


def _fields(view: alarms.AlarmView) -> dict[str, object]:
    return {name: getattr(view, name) for name in alarms.AlarmView.__slots__}
