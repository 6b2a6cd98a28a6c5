"""Emergency alarms on the kiosk: the durable local record and its history (no threads here).

The one rule: **an alarm is on disk before anything else happens.** :func:`raise_alarm` writes the
alarm row and its first history event in ONE transaction of its own on a ``synchronous=FULL``
connection (WAL: the commit fsyncs the log), so when it returns the alarm survives a power cut
or a SIGKILL. Only then may the caller sound the alert, place the call or update the screen;
:class:`services.alarm_dispatch.AlarmDispatcher` picks the row up and sends it to the hub.

History is append-only: every state the hub reports (with the operator's name), every send
error and every cancel follow-up becomes an ``alarm_events`` row, and SQLite triggers refuse
any ``DELETE`` on either table. A cancel is a follow-up (:func:`cancel_alarm`), never a deletion.

Only the masked resident ID is stored or sent; the full number never leaves the caller.
Local states only move forward: sending → received → acknowledged → resolved | cancelled.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast
from uuid import UUID

from services import protocol
from services.identity import ResidentId
from services.store import StoreConnection, iso, parse_iso, utcnow

AlarmPhase = Literal["sending", "received", "acknowledged", "resolved", "cancelled"]
PHASES: tuple[AlarmPhase, ...] = ("sending", "received", "acknowledged", "resolved", "cancelled")
# Progress order; resolved and cancelled are both final.
RANK: dict[str, int] = {
    "sending": 0,
    "received": 1,
    "acknowledged": 2,
    "resolved": 3,
    "cancelled": 3,
}
FINAL: frozenset[str] = frozenset({"resolved", "cancelled"})
MAX_TEXT = 200  # location, kiosk name, helper, reasons (the wire limit for notes / location)


class AlarmNotFoundError(LookupError):
    pass


class AlarmInTransactionError(RuntimeError):
    """raise_alarm was called inside another transaction: its commit would not be its own."""


@dataclass(frozen=True, slots=True)
class AlarmEvent:
    seq: int
    event: str  # raised, received, acknowledged, resolved, cancel_requested, cancelled, send_error
    at: datetime
    detail: str | None


@dataclass(frozen=True, slots=True)
class AlarmView:
    """One alarm as the screens and the admin history see it."""

    id: UUID
    raised_at: datetime
    drill: bool
    kiosk_name: str
    location: str
    masked_id: str | None
    helper: str | None
    state: AlarmPhase
    state_at: datetime
    operator: str | None
    hub_received_at: datetime | None
    attempts: int
    last_error: str | None
    cancel_reason: str | None
    cancel_requested_at: datetime | None
    cancel_sent_at: datetime | None
    events: tuple[AlarmEvent, ...] = ()

    @property
    def at_hub(self) -> bool:
        return self.hub_received_at is not None

    @property
    def cancel_pending(self) -> bool:
        return self.cancel_requested_at is not None and self.cancel_sent_at is None

    @property
    def final(self) -> bool:
        return self.state in FINAL

    def wire(self) -> protocol.Alarm:
        """The ``POST /v1/alarms`` body."""
        person = None if self.masked_id is None else protocol.PersonRef(masked_id=self.masked_id)
        return protocol.Alarm(
            id=self.id,
            raised_at=self.raised_at,
            drill=self.drill,
            person=person,
            location=self.location[:MAX_TEXT],
        )


def _clip(text: str | None) -> str | None:
    return None if text is None else text.strip()[:MAX_TEXT] or None


def _event(conn: StoreConnection, alarm_id: UUID, event: str, at: str, detail: str | None) -> None:
    conn.raw.execute(
        "INSERT INTO alarm_events (alarm_id, event, at, detail) VALUES (?, ?, ?, ?)",
        (str(alarm_id), event, at, detail),
    )


def raise_alarm(
    conn: StoreConnection,
    *,
    kiosk_name: str,
    location: str,
    person: ResidentId | None,
    helper: str | None,
    drill: bool,
    now: datetime | None = None,
    alarm_id: UUID | None = None,
) -> UUID:
    """Write a new alarm durably and return its id (a client UUID, the hub dedups by it).

    Raises :class:`services.store.StorageError` if the disk refuses (the caller must then keep
    the alarm in memory and send it anyway: see ``AlarmDispatcher.raise_alarm``).
    """
    if conn.in_transaction():
        raise AlarmInTransactionError("an alarm must be committed in a transaction of its own")
    moment = now or utcnow()
    if moment.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    new_id = alarm_id or uuid.uuid4()
    stamp = iso(moment)
    masked = None if person is None else person.masked
    # Cheap, and makes the guarantee independent of how the connection was opened.
    conn.execute("PRAGMA synchronous = FULL")
    with conn.transaction():
        conn.raw.execute(
            "INSERT INTO alarms (id, raised_at, drill, kiosk_name, location, masked_id, helper,"
            " state, state_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'sending', ?)",
            (
                str(new_id),
                stamp,
                int(drill),
                _clip(kiosk_name) or "",
                _clip(location) or "",
                masked,
                _clip(helper),
                stamp,
            ),
        )
        _event(conn, new_id, "raised", stamp, "drill" if drill else None)
    return new_id


def cancel_alarm(
    conn: StoreConnection, alarm_id: UUID, reason: str, now: datetime | None = None
) -> AlarmView:
    """Record the user's cancel as a follow-up for the dispatcher to send. Never deletes.

    A second cancel of the same alarm is a no-op; a cancel of an alarm the operator already
    resolved is still recorded (and sent), the state stays ``resolved``.
    """
    stamp = iso(now or utcnow())
    with conn.transaction():
        row = conn.raw.execute(
            "SELECT cancel_requested_at FROM alarms WHERE id = ?", (str(alarm_id),)
        ).fetchone()
        if row is None:
            raise AlarmNotFoundError(str(alarm_id))
        if row[0] is None:
            conn.raw.execute(
                "UPDATE alarms SET cancel_reason = ?, cancel_requested_at = ? WHERE id = ?",
                (_clip(reason) or "cancelled", stamp, str(alarm_id)),
            )
            _event(conn, alarm_id, "cancel_requested", stamp, _clip(reason))
    return alarm_view(conn, alarm_id)


def _from_row(row: dict[str, Any], events: tuple[AlarmEvent, ...]) -> AlarmView:
    raised, state_at = parse_iso(row["raised_at"]), parse_iso(row["state_at"])
    assert raised is not None and state_at is not None
    return AlarmView(
        id=UUID(row["id"]),
        raised_at=raised,
        drill=bool(row["drill"]),
        kiosk_name=row["kiosk_name"],
        location=row["location"],
        masked_id=row["masked_id"],
        helper=row["helper"],
        state=cast(AlarmPhase, row["state"]),
        state_at=state_at,
        operator=row["operator"],
        hub_received_at=parse_iso(row["hub_received_at"]),
        attempts=int(row["attempts"]),
        last_error=row["last_error"],
        cancel_reason=row["cancel_reason"],
        cancel_requested_at=parse_iso(row["cancel_requested_at"]),
        cancel_sent_at=parse_iso(row["cancel_sent_at"]),
        events=events,
    )


def _events(conn: StoreConnection, alarm_id: str) -> tuple[AlarmEvent, ...]:
    rows = conn.query(
        "SELECT seq, event, at, detail FROM alarm_events WHERE alarm_id = ? ORDER BY seq",
        (alarm_id,),
    )
    out = []
    for r in rows:
        at = parse_iso(r["at"])
        assert at is not None
        out.append(AlarmEvent(int(r["seq"]), r["event"], at, r["detail"]))
    return tuple(out)


def alarm_view(conn: StoreConnection, alarm_id: UUID) -> AlarmView:
    rows = conn.query("SELECT * FROM alarms WHERE id = ?", (str(alarm_id),))
    if not rows:
        raise AlarmNotFoundError(str(alarm_id))
    return _from_row(rows[0], _events(conn, rows[0]["id"]))


def alarm_history(conn: StoreConnection, limit: int = 50) -> list[AlarmView]:
    """Newest first, each with its full event history (for the admin screen)."""
    rows = conn.query("SELECT * FROM alarms ORDER BY raised_at DESC, id LIMIT ?", (limit,))
    return [_from_row(r, _events(conn, r["id"])) for r in rows]


def pending_alarms(conn: StoreConnection) -> list[AlarmView]:
    """Alarms the dispatcher still has work for, oldest first: not yet at the hub, a cancel
    not yet sent, or open at the hub (its state is followed)."""
    rows = conn.query(
        "SELECT * FROM alarms WHERE hub_received_at IS NULL"
        " OR (cancel_requested_at IS NOT NULL AND cancel_sent_at IS NULL)"
        " OR state NOT IN ('resolved', 'cancelled') ORDER BY raised_at, id"
    )
    return [_from_row(r, ()) for r in rows]


def count_unsent(conn: StoreConnection) -> int:
    """Alarms the hub has not confirmed yet (``yijiantong status``: alarms_pending)."""
    return int(conn.scalar("SELECT COUNT(*) FROM alarms WHERE hub_received_at IS NULL") or 0)


def record_hub_state(
    conn: StoreConnection,
    alarm_id: UUID,
    state: protocol.AlarmState,
    *,
    cancel_sent: bool = False,
    now: datetime | None = None,
) -> bool:
    """Store what the hub said (it has the alarm). True if the local state moved forward.

    The operator's name travels in ``operator_note`` (the reference hub puts it there when
    an operator acknowledges or resolves); it is kept with the state in the history.
    """
    stamp = iso(now or utcnow())
    new = state.state
    with conn.transaction():
        row = conn.raw.execute(
            "SELECT state, hub_received_at, cancel_sent_at FROM alarms WHERE id = ?",
            (str(alarm_id),),
        ).fetchone()
        if row is None:
            raise AlarmNotFoundError(str(alarm_id))
        current, received_at, cancel_sent_at = row
        if received_at is None:
            conn.raw.execute(
                "UPDATE alarms SET hub_received_at = ?, last_error = NULL WHERE id = ?",
                (stamp, str(alarm_id)),
            )
        if cancel_sent and cancel_sent_at is None:
            conn.raw.execute(
                "UPDATE alarms SET cancel_sent_at = ? WHERE id = ?", (stamp, str(alarm_id))
            )
        moved = RANK[new] > RANK[current]
        if moved:
            conn.raw.execute(
                "UPDATE alarms SET state = ?, state_at = ?,"
                " operator = COALESCE(?, operator) WHERE id = ?",
                (new, iso(state.at), state.operator_note, str(alarm_id)),
            )
            detail = json.dumps({"operator": state.operator_note}, ensure_ascii=False)
            _event(conn, alarm_id, new, iso(state.at), detail if state.operator_note else None)
        return moved


def record_send_error(
    conn: StoreConnection, alarm_id: UUID, error: str, now: datetime | None = None
) -> None:
    """Count a failed attempt. Only the first error of a run goes to the history, so an
    hour of retries every 2 s does not write 1,800 events."""
    stamp = iso(now or utcnow())
    with conn.transaction():
        row = conn.raw.execute(
            "SELECT last_error FROM alarms WHERE id = ?", (str(alarm_id),)
        ).fetchone()
        if row is None:
            raise AlarmNotFoundError(str(alarm_id))
        conn.raw.execute(
            "UPDATE alarms SET attempts = attempts + 1, last_error = ? WHERE id = ?",
            (error[:500], str(alarm_id)),
        )
        if row[0] is None:
            _event(conn, alarm_id, "send_error", stamp, error[:500])


def restore_alarm(conn: StoreConnection, view: AlarmView) -> None:
    """Write an alarm that was kept in memory because the disk refused it at the press, with
    its original id, time and masked ID. A no-op if it is already stored."""
    with conn.transaction():
        exists = conn.raw.execute("SELECT 1 FROM alarms WHERE id = ?", (str(view.id),)).fetchone()
        if exists is not None:
            return
        stamp = iso(view.raised_at)
        conn.raw.execute(
            "INSERT INTO alarms (id, raised_at, drill, kiosk_name, location, masked_id, helper,"
            " state, state_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'sending', ?)",
            (
                str(view.id),
                stamp,
                int(view.drill),
                view.kiosk_name,
                view.location,
                view.masked_id,
                view.helper,
                stamp,
            ),
        )
        _event(conn, view.id, "raised", stamp, "drill; saved late" if view.drill else "saved late")
