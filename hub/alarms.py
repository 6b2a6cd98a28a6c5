"""Emergency alarms: received → acknowledged → resolved, or cancelled by the user.

A cancel is a follow-up event; the alarm row and its history are never deleted.
Raising the same alarm id again (the kiosk retries until it hears back) returns
the current state and has no second effect.

Operators act through :func:`acknowledge` / :func:`resolve` (hub/operator.py): the
operator's name is stored as the alarm's ``operator_note`` and in its event row, so
the kiosk (which follows ``GET /v1/alarms/{id}``) can say who has seen the alarm.
Drill alarms go through the same machine; they are only marked (``drill``) so the
operator page shows "drill - do not dispatch".
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from hub.clock import iso, parse
from hub.db import write
from services.protocol import Alarm, AlarmCancel, AlarmState, AlarmStateValue

# Which transitions an operator (or the user, for "cancelled") may make.
TRANSITIONS: dict[AlarmStateValue, frozenset[AlarmStateValue]] = {
    "received": frozenset({"acknowledged", "resolved", "cancelled"}),
    "acknowledged": frozenset({"resolved", "cancelled"}),
    "resolved": frozenset(),
    "cancelled": frozenset(),
}


class AlarmError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _state(row: sqlite3.Row) -> AlarmState:
    return AlarmState(
        alarm_id=UUID(row["id"]),
        state=row["state"],
        at=parse(row["state_at"]),
        operator_note=row["operator_note"],
    )


def _load(conn: sqlite3.Connection, alarm_id: UUID, kiosk_id: str | None) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM alarms WHERE id = ?", (str(alarm_id),)).fetchone()
    # Another kiosk's alarm is reported as unknown rather than leaking its existence.
    if row is None or (kiosk_id is not None and row["kiosk_id"] != kiosk_id):
        raise AlarmError(404, "not_found", "No such alarm.")
    return row  # type: ignore[no-any-return]


def raise_alarm(conn: sqlite3.Connection, kiosk_id: str, alarm: Alarm, now: datetime) -> AlarmState:
    with write(conn):
        row = conn.execute("SELECT * FROM alarms WHERE id = ?", (str(alarm.id),)).fetchone()
        if row is not None:
            if row["kiosk_id"] != kiosk_id:
                raise AlarmError(409, "conflict", "This alarm id belongs to another kiosk.")
            return _state(row)
        conn.execute(
            "INSERT INTO alarms (id, kiosk_id, raised_at, drill, masked_id, location, state, "
            "state_at) VALUES (?, ?, ?, ?, ?, ?, 'received', ?)",
            (
                str(alarm.id),
                kiosk_id,
                iso(alarm.raised_at),
                int(alarm.drill),
                alarm.person.masked_id if alarm.person else None,
                alarm.location,
                iso(now),
            ),
        )
        conn.execute(
            "INSERT INTO alarm_events (alarm_id, event, at, note) VALUES (?, 'received', ?, ?)",
            (str(alarm.id), iso(now), "drill" if alarm.drill else None),
        )
        return _state(_load(conn, alarm.id, kiosk_id))


def get_alarm(conn: sqlite3.Connection, kiosk_id: str | None, alarm_id: UUID) -> AlarmState:
    return _state(_load(conn, alarm_id, kiosk_id))


def cancel_alarm(
    conn: sqlite3.Connection, kiosk_id: str, cancel: AlarmCancel, now: datetime
) -> AlarmState:
    """The user's follow-up. Always recorded; changes the state only while open."""
    with write(conn):
        row = _load(conn, cancel.alarm_id, kiosk_id)
        conn.execute(
            "INSERT INTO alarm_events (alarm_id, event, at, note) VALUES (?, 'cancel', ?, ?)",
            (str(cancel.alarm_id), iso(now), cancel.reason),
        )
        if "cancelled" in TRANSITIONS[row["state"]]:
            conn.execute(
                "UPDATE alarms SET state = 'cancelled', state_at = ? WHERE id = ?",
                (iso(now), str(cancel.alarm_id)),
            )
        return _state(_load(conn, cancel.alarm_id, kiosk_id))


def operator_transition(
    conn: sqlite3.Connection,
    alarm_id: UUID,
    new_state: AlarmStateValue,
    now: datetime,
    note: str | None = None,
) -> AlarmState:
    """Operator action (acknowledge / resolve). Repeating the current state is a
    no-op; an impossible move (e.g. resolved → acknowledged) is a 409."""
    with write(conn):
        row = _load(conn, alarm_id, None)
        current: AlarmStateValue = row["state"]
        if current == new_state:
            return _state(row)
        if new_state not in TRANSITIONS[current] or new_state == "cancelled":
            raise AlarmError(409, "invalid_transition", f"Cannot go from {current} to {new_state}.")
        conn.execute(
            "UPDATE alarms SET state = ?, state_at = ?, operator_note = COALESCE(?, operator_note) "
            "WHERE id = ?",
            (new_state, iso(now), note, str(alarm_id)),
        )
        conn.execute(
            "INSERT INTO alarm_events (alarm_id, event, at, note) VALUES (?, ?, ?, ?)",
            (str(alarm_id), new_state, iso(now), note),
        )
        return _state(_load(conn, alarm_id, None))


def open_alarms(conn: sqlite3.Connection) -> list[AlarmState]:
    """Alarms an operator still has to handle, oldest first."""
    rows = conn.execute(
        "SELECT * FROM alarms WHERE state IN ('received', 'acknowledged') ORDER BY raised_at"
    ).fetchall()
    return [_state(r) for r in rows]


def acknowledge(
    conn: sqlite3.Connection, alarm_id: UUID, operator: str, now: datetime
) -> AlarmState:
    return operator_transition(conn, alarm_id, "acknowledged", now, operator[:500])


def resolve(conn: sqlite3.Connection, alarm_id: UUID, operator: str, now: datetime) -> AlarmState:
    return operator_transition(conn, alarm_id, "resolved", now, operator[:500])


@dataclass(frozen=True)
class LiveAlarm:
    """An open alarm as the operator page shows it (only the masked ID, never the full one)."""

    alarm_id: str
    state: str
    state_at: str
    raised_at: str
    drill: bool
    masked_id: str | None
    location: str
    kiosk_id: str
    kiosk_name: str
    kiosk_location: str
    operator: str | None
    cancel_note: str | None


def live_alarms(
    conn: sqlite3.Connection, now: datetime, *, recent_closed_s: int = 300
) -> list[LiveAlarm]:
    """Open alarms (real ones first, then drills; oldest first), plus alarms closed in the last
    ``recent_closed_s`` seconds so the operator sees a cancel or a colleague's resolve."""
    rows = conn.execute(
        "SELECT a.*, k.name AS kiosk_name, k.location AS kiosk_location,"
        " (SELECT note FROM alarm_events e WHERE e.alarm_id = a.id AND e.event = 'cancel'"
        "  ORDER BY e.id DESC LIMIT 1) AS cancel_note"
        " FROM alarms a LEFT JOIN kiosks k ON k.id = a.kiosk_id"
        " WHERE a.state IN ('received', 'acknowledged')"
        " OR julianday(a.state_at) >= julianday(?)"
        " ORDER BY a.state IN ('resolved', 'cancelled'), a.drill, a.raised_at",
        (iso(now - timedelta(seconds=recent_closed_s)),),
    ).fetchall()
    return [
        LiveAlarm(
            alarm_id=r["id"],
            state=r["state"],
            state_at=r["state_at"],
            raised_at=r["raised_at"],
            drill=bool(r["drill"]),
            masked_id=r["masked_id"],
            location=r["location"],
            kiosk_id=r["kiosk_id"],
            kiosk_name=r["kiosk_name"] or r["kiosk_id"],
            kiosk_location=r["kiosk_location"] or "",
            operator=r["operator_note"],
            cancel_note=r["cancel_note"],
        )
        for r in rows
    ]


def alarm_events(conn: sqlite3.Connection, alarm_id: UUID) -> list[tuple[str, str, str | None]]:
    rows = conn.execute(
        "SELECT event, at, note FROM alarm_events WHERE alarm_id = ? ORDER BY id",
        (str(alarm_id),),
    ).fetchall()
    return [(r["event"], r["at"], r["note"]) for r in rows]
