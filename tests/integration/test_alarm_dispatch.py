"""The alarm dispatcher against the REAL hub on loopback: the full state path with an operator,
drills, cancels, hub faults (500, garbage, cut replies, stalls) through the fault proxy, a disk
that fills up during the emergency (a real, tiny tmpfs), and the operator API itself."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest
import requests

from services import alarms
from services.alarm_dispatch import AlarmDispatcher, DispatchConfig, NullAlarmObserver
from services.alarms import AlarmPhase
from services.identity import parse_resident_id
from services.store import DB_FILENAME, KEY_HUB_URL, KEY_TOKEN, StorageFullError, Store
from tests.helpers.disks import fill, tiny_disk
from tests.helpers.fault_proxy import FaultProxy
from tests.helpers.hub_process import HubProcess, resident_id
from tests.helpers.kiosk_side import kiosk_store
from tests.helpers.waiting import wait_until

FAST = DispatchConfig(retry_interval=0.3, follow_interval=0.2, unreachable_after=1.0)
SENIOR = parse_resident_id(resident_id(42), today=date(2025, 6, 11))


@dataclass
class Recorder(NullAlarmObserver):
    """Collects every callback (they arrive on the dispatcher thread)."""

    events: list[tuple[str, UUID | None, object, object]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on_state(self, alarm_id: UUID, state: AlarmPhase, detail: str | None) -> None:
        with self.lock:
            self.events.append(("state", alarm_id, state, detail))

    def unreachable(self, alarm_id: UUID, seconds: float) -> None:
        with self.lock:
            self.events.append(("unreachable", alarm_id, seconds, None))

    def problem(self, alarm_id: UUID | None, message: str) -> None:
        with self.lock:
            self.events.append(("problem", alarm_id, message, None))

    def of(self, kind: str, alarm_id: UUID | None = None) -> list[tuple[object, object]]:
        with self.lock:
            return [
                (a, b)
                for k, i, a, b in self.events
                if k == kind and (alarm_id is None or i == alarm_id)
            ]

    def states(self, alarm_id: UUID) -> list[object]:
        return [state for state, _ in self.of("state", alarm_id)]


@contextlib.contextmanager
def dispatcher(
    store: Store, config: DispatchConfig = FAST, **kw: object
) -> Iterator[tuple[AlarmDispatcher, Recorder]]:
    recorder = Recorder()
    worker = AlarmDispatcher(store, observers=[recorder], config=config, **kw)  # type: ignore[arg-type]
    worker.start()
    try:
        yield worker, recorder
    finally:
        assert worker.stop(15), "dispatcher did not stop"


def press(worker: AlarmDispatcher, store: Store, *, drill: bool = False) -> UUID:
    with store.connect() as conn:
        return worker.raise_alarm(
            conn,
            kiosk_name="康乐1号机",
            location="长寿路100号 一楼大厅",
            person=SENIOR,
            helper="李护工",
            drill=drill,
        )


def hub_rows(hub: HubProcess, sql: str, *args: object) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)) as conn:
        conn.execute("PRAGMA busy_timeout = 10000")
        return [tuple(r) for r in conn.execute(sql, args)]


def operator_call(hub: HubProcess, token: str, method: str, path: str) -> requests.Response:
    return requests.request(
        method, f"{hub.url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )


def act(hub: HubProcess, token: str, alarm_id: UUID, action: str) -> requests.Response:
    return operator_call(hub, token, "POST", f"/v1/operator/alarms/{alarm_id}/{action}")


@pytest.fixture
def operator_token(hub: HubProcess) -> str:
    return hub.cli("operator", "create", "王芳").strip()


def test_alarm_goes_through_received_acknowledged_resolved(
    tmp_path: Path, hub: HubProcess, hub_token: str, operator_token: str
) -> None:
    store = kiosk_store(tmp_path / "kiosk", hub.url, hub_token)
    with dispatcher(store) as (worker, seen):
        alarm_id = press(worker, store)
        wait_until(lambda: "received" in seen.states(alarm_id), timeout=10)
        board = operator_call(hub, operator_token, "GET", "/v1/operator/board").json()
        [live] = [a for a in board["alarms"] if a["alarm_id"] == str(alarm_id)]
        assert live["masked_id"] == SENIOR.masked and live["drill"] is False
        assert (
            live["location"] == "长寿路100号 一楼大厅" and live["kiosk_name"] == "integration-kiosk"
        )
        assert SENIOR.number not in str(board)
        ack = act(hub, operator_token, alarm_id, "acknowledge")
        assert ack.status_code == 200, ack.text
        wait_until(lambda: worker.state_of(alarm_id) == ("acknowledged", "王芳"), timeout=10)
        act(hub, operator_token, alarm_id, "resolve")
        wait_until(lambda: "resolved" in seen.states(alarm_id), timeout=10)
    assert seen.states(alarm_id) == ["sending", "received", "acknowledged", "resolved"]
    assert seen.of("unreachable") == []
    with store.connect() as conn:
        view = alarms.alarm_view(conn, alarm_id)
    assert (view.state, view.operator, view.at_hub) == ("resolved", "王芳", True)
    assert [e.event for e in view.events] == ["raised", "received", "acknowledged", "resolved"]
    assert hub_rows(hub, "SELECT event FROM alarm_events WHERE alarm_id = ?", str(alarm_id)) == [
        ("received",),
        ("acknowledged",),
        ("resolved",),
    ]


def test_drill_runs_the_whole_path_marked_as_a_drill(
    tmp_path: Path, hub: HubProcess, hub_token: str, operator_token: str
) -> None:
    store = kiosk_store(tmp_path / "kiosk", hub.url, hub_token)
    with dispatcher(store) as (worker, seen):
        real = press(worker, store)
        drill = press(worker, store, drill=True)
        wait_until(lambda: "received" in seen.states(drill), timeout=10)
        board = operator_call(hub, operator_token, "GET", "/v1/operator/board").json()
        marks = {a["alarm_id"]: a["drill"] for a in board["alarms"]}
        assert marks == {str(real): False, str(drill): True}
        assert board["alarms"][0]["alarm_id"] == str(real)  # real alarms are listed first
        act(hub, operator_token, drill, "acknowledge")
        wait_until(lambda: "acknowledged" in seen.states(drill), timeout=10)
        act(hub, operator_token, drill, "resolve")
        wait_until(lambda: "resolved" in seen.states(drill), timeout=10)
    assert hub_rows(hub, "SELECT drill FROM alarms WHERE id = ?", str(drill)) == [(1,)]
    assert seen.states(drill) == ["sending", "received", "acknowledged", "resolved"]


def test_cancel_is_sent_as_a_follow_up_even_before_the_hub_was_reachable(
    tmp_path: Path, hub: HubProcess, hub_token: str
) -> None:
    store = kiosk_store(tmp_path / "kiosk", hub.url, hub_token)
    hub.stop()
    with dispatcher(store) as (worker, seen):
        alarm_id = press(worker, store)
        with store.connect() as conn:
            worker.cancel(conn, alarm_id, "误触 pressed by mistake")
        wait_until(lambda: seen.of("unreachable", alarm_id), timeout=10)
        hub.start()
        wait_until(lambda: worker.state_of(alarm_id) == ("cancelled", "误触 pressed by mistake"))
    events = hub_rows(hub, "SELECT event, note FROM alarm_events WHERE alarm_id = ?", str(alarm_id))
    assert events == [("received", None), ("cancel", "误触 pressed by mistake")]
    with store.connect() as conn:
        view = alarms.alarm_view(conn, alarm_id)
    assert view.state == "cancelled" and view.cancel_sent_at is not None
    names = [e.event for e in view.events]
    assert names[0] == "raised" and names[-2:] == ["received", "cancelled"]
    assert set(names[1:-2]) == {"cancel_requested", "send_error"}


@pytest.mark.parametrize(
    "mode",
    ["status_500", "malformed_json", "truncated_json", "drop_mid_body", "huge_body", "stall"],
)
def test_hub_faults_are_reported_and_retried_until_the_hub_has_it_once(
    tmp_path: Path, hub: HubProcess, hub_token: str, mode: str
) -> None:
    """The proxy forwards each POST to the real hub first, then spoils the reply: the hub has
    the alarm, the kiosk does not know it, and must retry without a second effect."""
    with FaultProxy("127.0.0.1", hub.port, stall_seconds=2.0) as proxy:
        proxy.set_fault(mode, path="/v1/alarms", times=3)
        store = kiosk_store(tmp_path / "kiosk", proxy.url, hub_token)
        config = DispatchConfig(
            retry_interval=0.2, follow_interval=0.2, unreachable_after=30, timeout=(1.0, 1.0)
        )
        with dispatcher(store, config) as (worker, seen):
            alarm_id = press(worker, store)
            wait_until(lambda: "received" in seen.states(alarm_id), timeout=30)
        assert proxy.faults_applied[mode] == 3
    assert seen.of("problem", alarm_id), "faults must be reported"
    assert seen.states(alarm_id) == ["sending", "received"]
    received = "SELECT COUNT(*) FROM alarm_events WHERE alarm_id = ? AND event = 'received'"
    assert hub_rows(hub, received, str(alarm_id)) == [(1,)]
    with store.connect() as conn:
        assert alarms.alarm_view(conn, alarm_id).attempts >= 1


def test_a_full_disk_never_drops_the_alarm(
    tmp_path: Path, hub: HubProcess, hub_token: str, operator_token: str
) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        store = kiosk_store(disk / "kiosk", hub.url, hub_token)
        with dispatcher(store) as (worker, seen), store.connect() as gui_conn:
            wait_until(lambda: worker.cycles > 0)  # it holds its own connection by now
            filler = fill(disk)
            with pytest.raises(StorageFullError):
                alarms.raise_alarm(
                    gui_conn, kiosk_name="k", location="l", person=None, helper=None, drill=False
                )
            alarm_id = press(worker, store)  # cannot be written: kept in memory, sent anyway
            wait_until(lambda: "received" in seen.states(alarm_id), timeout=10)
            act(hub, operator_token, alarm_id, "acknowledge")
            wait_until(lambda: worker.state_of(alarm_id) == ("acknowledged", "王芳"), timeout=10)
            problems = [str(m) for m, _ in seen.of("problem")]
            assert any("not saved" in m for m in problems), problems
            filler.unlink()  # staff free some space: the history catches up
            wait_until(lambda: _stored_state(store, alarm_id) == "acknowledged", timeout=10)
    assert seen.states(alarm_id) == ["sending", "received", "acknowledged"]


def _stored_state(store: Store, alarm_id: UUID) -> str | None:
    with store.connect() as conn:
        try:
            return alarms.alarm_view(conn, alarm_id).state
        except alarms.AlarmNotFoundError:
            return None


def test_not_enrolled_keeps_retrying_and_says_unreachable(tmp_path: Path, hub: HubProcess) -> None:
    store = Store(tmp_path / "kiosk")
    with dispatcher(store) as (worker, seen):
        alarm_id = press(worker, store)
        wait_until(lambda: seen.of("unreachable", alarm_id), timeout=10)
        assert any("not enrolled" in str(m) for m, _ in seen.of("problem", alarm_id))
        with store.connect() as conn:  # enrolment arrives: the alarm goes out
            conn.set(KEY_HUB_URL, hub.url)
            conn.set(KEY_TOKEN, hub.enrol("late-kiosk"))
        worker.wake()
        wait_until(lambda: "received" in seen.states(alarm_id), timeout=10)
    [(seconds, _)] = seen.of("unreachable", alarm_id)
    assert 1.0 <= float(seconds) < 10  # type: ignore[arg-type]


def test_operator_api_needs_an_operator_token(
    hub: HubProcess, hub_token: str, operator_token: str
) -> None:
    assert operator_call(hub, hub_token, "GET", "/v1/operator/board").status_code == 401
    assert operator_call(hub, "nonsense", "GET", "/v1/operator/me").status_code == 401
    me = operator_call(hub, operator_token, "GET", "/v1/operator/me")
    assert me.json() == {"name": "王芳"}
    kiosk_view = requests.get(
        f"{hub.url}/v1/alarms/00000000-0000-4000-8000-000000000000",
        headers={"Authorization": f"Bearer {operator_token}"},
        timeout=10,
    )
    assert kiosk_view.status_code == 401
    unknown = "/v1/operator/alarms/00000000-0000-4000-8000-000000000000/acknowledge"
    assert operator_call(hub, operator_token, "POST", unknown).status_code == 404
    hub.cli("operator", "revoke", "王芳")
    assert operator_call(hub, operator_token, "GET", "/v1/operator/me").status_code == 401
    page = requests.get(f"{hub.url}/operator", timeout=10)
    assert page.status_code == 200 and "operator.js" in page.text
    assert requests.get(f"{hub.url}/operator/static/db.py", timeout=10).status_code == 404


def test_resolve_after_cancel_is_refused_and_history_is_kept(
    tmp_path: Path, hub: HubProcess, hub_token: str, operator_token: str
) -> None:
    store = kiosk_store(tmp_path / "kiosk", hub.url, hub_token)
    with dispatcher(store) as (worker, seen):
        alarm_id = press(worker, store)
        wait_until(lambda: "received" in seen.states(alarm_id), timeout=10)
        with store.connect() as conn:
            worker.cancel(conn, alarm_id, "已有人帮忙")
        wait_until(lambda: "cancelled" in seen.states(alarm_id), timeout=10)
    resolve = act(hub, operator_token, alarm_id, "resolve")
    assert resolve.status_code == 409
    assert hub_rows(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", str(alarm_id)) == [(1,)]


def _dispatcher_without_store(data_dir: Path) -> Iterator[tuple[AlarmDispatcher, Recorder]]:
    """What the kiosk starts when its store cannot be opened: connections are still tried
    (the disk may come back), and the hub is found read-only."""
    return dispatcher(
        None,  # type: ignore[arg-type]
        connect=lambda: Store(data_dir).connect(),
        data_dir=data_dir,
    )


def _remembered(store: Store) -> None:
    """Run a dispatcher once, as every kiosk start does: it keeps the credentials copy."""
    with dispatcher(store):
        wait_until((store.data_dir / "hub-credentials.json").exists, timeout=10)


def test_a_damaged_database_at_start_up_still_sends_the_alarm(
    tmp_path: Path, hub: HubProcess, hub_token: str
) -> None:
    data_dir = tmp_path / "kiosk"
    store = kiosk_store(data_dir, hub.url, hub_token)
    _remembered(store)
    (data_dir / DB_FILENAME).write_bytes(b"\x00garbage, not SQLite\xff" * 400)
    for suffix in ("-wal", "-shm"):
        (data_dir / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
    with _dispatcher_without_store(data_dir) as (worker, seen):
        alarm_id = worker.raise_alarm(
            None, kiosk_name="k", location="l", person=None, helper=None, drill=False
        )
        wait_until(lambda: "received" in seen.states(alarm_id), timeout=10)
        problems = [str(m) for m, _ in seen.of("problem")]
        assert any("cannot open the kiosk's data file" in m for m in problems), problems
    assert hub_rows(hub, "SELECT COUNT(*) FROM alarms WHERE id = ?", str(alarm_id)) == [(1,)]


def test_a_full_disk_at_start_up_still_sends_the_alarm(
    tmp_path: Path, hub: HubProcess, hub_token: str
) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        data_dir = disk / "kiosk"
        store = kiosk_store(data_dir, hub.url, hub_token)
        _remembered(store)
        (data_dir / "hub-credentials.json").unlink()  # the database alone must be enough
        filler = fill(disk)
        with _dispatcher_without_store(data_dir) as (worker, seen):
            alarm_id = worker.raise_alarm(
                None, kiosk_name="k", location="l", person=None, helper=None, drill=False
            )
            wait_until(lambda: "received" in seen.states(alarm_id), timeout=10)
            filler.unlink()  # space again: the alarm is written to the history
            wait_until(lambda: _stored_state(Store(data_dir), alarm_id) == "received", timeout=10)
