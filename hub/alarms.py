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

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from hub.clock import iso, parse
from hub.db import Connection, Row, write
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


def _state(row: Row) -> AlarmState:
    return AlarmState(
        alarm_id=UUID(row["id"]),
        state=row["state"],
        at=parse(row["state_at"]),
        operator_note=row["operator_note"],
    )


CHANNEL = "hub_alarms"  # notification channel: payload is the alarm id


def _load(conn: Connection, alarm_id: UUID, kiosk_id: str | None, *, lock: bool = False) -> Row:
    row = conn.execute(
        "SELECT * FROM alarms WHERE id = ?" + (conn.for_update if lock else ""), (str(alarm_id),)
    ).fetchone()
    # Another kiosk's alarm is reported as unknown rather than leaking its existence.
    if row is None or (kiosk_id is not None and row["kiosk_id"] != kiosk_id):
        raise AlarmError(404, "not_found", "No such alarm.")
    return row  # type: ignore[no-any-return]


def raise_alarm(
    conn: Connection,
    kiosk_id: str,
    alarm: Alarm,
    now: datetime,
    *,
    person_key: str | None = None,
    age: int | None = None,
) -> AlarmState:
    """Record an alarm once; a retry (here or at another hub process) gets the current state.

    ``person_key`` and ``age`` are what the hub worked out from a resident ID the kiosk sent
    (the ID itself is not kept), so the operator sees the senior's record.
    """
    with write(conn):
        inserted = conn.execute(
            "INSERT INTO alarms (id, kiosk_id, raised_at, drill, masked_id, location, state, "
            "state_at, person_key, age) VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING",
            (
                str(alarm.id),
                kiosk_id,
                iso(alarm.raised_at),
                int(alarm.drill),
                alarm.person.masked_id if alarm.person else None,
                alarm.location,
                iso(now),
                person_key,
                age,
            ),
        )
        if inserted.rowcount == 0:
            row = conn.execute("SELECT * FROM alarms WHERE id = ?", (str(alarm.id),)).fetchone()
            if row["kiosk_id"] != kiosk_id:
                raise AlarmError(409, "conflict", "This alarm id belongs to another kiosk.")
            return _state(row)
        conn.execute(
            "INSERT INTO alarm_events (alarm_id, event, at, note) VALUES (?, 'received', ?, ?)",
            (str(alarm.id), iso(now), "drill" if alarm.drill else None),
        )
        conn.notify(CHANNEL, str(alarm.id))
        return _state(_load(conn, alarm.id, kiosk_id))


def get_alarm(conn: Connection, kiosk_id: str | None, alarm_id: UUID) -> AlarmState:
    return _state(_load(conn, alarm_id, kiosk_id))


def cancel_alarm(conn: Connection, kiosk_id: str, cancel: AlarmCancel, now: datetime) -> AlarmState:
    """The user's follow-up. Always recorded; changes the state only while open."""
    with write(conn):
        row = _load(conn, cancel.alarm_id, kiosk_id, lock=True)
        conn.execute(
            "INSERT INTO alarm_events (alarm_id, event, at, note) VALUES (?, 'cancel', ?, ?)",
            (str(cancel.alarm_id), iso(now), cancel.reason),
        )
        if "cancelled" in TRANSITIONS[row["state"]]:
            conn.execute(
                "UPDATE alarms SET state = 'cancelled', state_at = ? WHERE id = ?",
                (iso(now), str(cancel.alarm_id)),
            )
        conn.notify(CHANNEL, str(cancel.alarm_id))
        return _state(_load(conn, cancel.alarm_id, kiosk_id))


def operator_transition(
    conn: Connection,
    alarm_id: UUID,
    new_state: AlarmStateValue,
    now: datetime,
    note: str | None = None,
) -> AlarmState:
    """Operator action (acknowledge / resolve). Repeating the current state is a
    no-op; an impossible move (e.g. resolved → acknowledged) is a 409. Two operators acting
    at once take turns on the alarm's row: the second sees what the first did."""
    with write(conn):
        row = _load(conn, alarm_id, None, lock=True)
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
        conn.notify(CHANNEL, str(alarm_id))
        return _state(_load(conn, alarm_id, None))


def open_alarms(conn: Connection) -> list[AlarmState]:
    """Alarms an operator still has to handle, oldest first."""
    rows = conn.execute(
        "SELECT * FROM alarms WHERE state IN ('received', 'acknowledged') ORDER BY raised_at"
    ).fetchall()
    return [_state(r) for r in rows]


def acknowledge(conn: Connection, alarm_id: UUID, operator: str, now: datetime) -> AlarmState:
    return operator_transition(conn, alarm_id, "acknowledged", now, operator[:500])


def resolve(conn: Connection, alarm_id: UUID, operator: str, now: datetime) -> AlarmState:
    return operator_transition(conn, alarm_id, "resolved", now, operator[:500])


@dataclass(frozen=True)
class LiveAlarm:
    """An alarm as the operator page shows it: where, who (masked ID only, never the full
    one) and what the service centre recorded about the senior."""

    alarm_id: str
    state: str
    state_at: str
    raised_at: str
    received_at: str
    acknowledged_at: str | None
    escalated_at: str | None
    drill: bool
    masked_id: str | None
    location: str
    kiosk_id: str
    kiosk_name: str
    kiosk_location: str
    operator: str | None
    cancel_note: str | None
    age: int | None
    phone: str | None
    contact_name: str | None
    contact_phone: str | None
    resident_note: str | None


_LIVE = (
    "SELECT a.*, k.name AS kiosk_name, k.location AS kiosk_location,"
    " (SELECT note FROM alarm_events e WHERE e.alarm_id = a.id AND e.event = 'cancel'"
    "  ORDER BY e.id DESC LIMIT 1) AS cancel_note,"
    " (SELECT MIN(at) FROM alarm_events e WHERE e.alarm_id = a.id"
    "  AND e.event = 'received') AS received_at,"
    " (SELECT MIN(at) FROM alarm_events e WHERE e.alarm_id = a.id"
    "  AND e.event = 'acknowledged') AS acknowledged_at,"
    " (SELECT MIN(at) FROM alarm_events e WHERE e.alarm_id = a.id"
    "  AND e.event = 'escalated') AS escalated_at,"
    " r.phone, r.contact_name, r.contact_phone, r.note AS resident_note"
    " FROM alarms a LEFT JOIN kiosks k ON k.id = a.kiosk_id"
    " LEFT JOIN residents r ON r.person_key = a.person_key"
)


def _live(r: Row) -> LiveAlarm:
    return LiveAlarm(
        alarm_id=r["id"],
        state=r["state"],
        state_at=r["state_at"],
        raised_at=r["raised_at"],
        received_at=r["received_at"] or r["state_at"],
        acknowledged_at=r["acknowledged_at"],
        escalated_at=r["escalated_at"],
        drill=bool(r["drill"]),
        masked_id=r["masked_id"],
        location=r["location"],
        kiosk_id=r["kiosk_id"],
        kiosk_name=r["kiosk_name"] or r["kiosk_id"],
        kiosk_location=r["kiosk_location"] or "",
        operator=r["operator_note"],
        cancel_note=r["cancel_note"],
        age=r["age"],
        phone=r["phone"],
        contact_name=r["contact_name"],
        contact_phone=r["contact_phone"],
        resident_note=r["resident_note"],
    )


def live_alarms(conn: Connection, now: datetime, *, recent_closed_s: int = 300) -> list[LiveAlarm]:
    """Open alarms (real ones first, then drills; oldest first), plus alarms closed in the last
    ``recent_closed_s`` seconds so the operator sees a cancel or a colleague's resolve."""
    # Times are canonical text (one offset, whole seconds): text order is time order.
    rows = conn.execute(
        _LIVE + " WHERE a.state IN ('received', 'acknowledged') OR a.state_at >= ?"
        " ORDER BY a.state IN ('resolved', 'cancelled'), a.drill, a.raised_at, a.id",
        (iso(now - timedelta(seconds=recent_closed_s)),),
    ).fetchall()
    return [_live(r) for r in rows]


def live_alarm(conn: Connection, alarm_id: str) -> LiveAlarm | None:
    row = conn.execute(_LIVE + " WHERE a.id = ?", (alarm_id,)).fetchone()
    return None if row is None else _live(row)


def escalate_overdue(conn: Connection, now: datetime, after_s: int) -> int:
    """Record ``escalated`` once for each alarm still not acknowledged ``after_s`` after it
    arrived; returns how many. Any hub process may run it: the alarm's row lock and the
    re-check keep it to one event per alarm."""
    due = conn.execute(
        "SELECT a.id FROM alarms a WHERE a.state = 'received' AND a.state_at <= ? AND NOT EXISTS"
        " (SELECT 1 FROM alarm_events e WHERE e.alarm_id = a.id AND e.event = 'escalated')",
        (iso(now - timedelta(seconds=after_s)),),
    ).fetchall()
    done = 0
    for (alarm_id,) in due:
        with write(conn):
            row = conn.execute(
                "SELECT state FROM alarms WHERE id = ?" + conn.for_update, (alarm_id,)
            ).fetchone()
            seen = conn.execute(
                "SELECT 1 FROM alarm_events WHERE alarm_id = ? AND event = 'escalated'",
                (alarm_id,),
            ).fetchone()
            if row is None or row["state"] != "received" or seen is not None:
                continue
            conn.execute(
                "INSERT INTO alarm_events (alarm_id, event, at, note) "
                "VALUES (?, 'escalated', ?, ?)",
                (alarm_id, iso(now), f"not acknowledged within {after_s} s"),
            )
            conn.notify(CHANNEL, alarm_id)
            done += 1
    return done


def alarm_events(conn: Connection, alarm_id: UUID) -> list[tuple[str, str, str | None]]:
    rows = conn.execute(
        "SELECT event, at, note FROM alarm_events WHERE alarm_id = ? ORDER BY id",
        (str(alarm_id),),
    ).fetchall()
    return [(r["event"], r["at"], r["note"]) for r in rows]
