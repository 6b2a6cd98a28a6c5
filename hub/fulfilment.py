"""Deterministic fulfilment of kiosk requests, a whole batch in one transaction.

Each envelope is validated on its own, so one bad item is rejected with
``validation`` and never blocks the rest. The (kiosk, envelope id) pair is the
idempotency key: a repeat returns the stored result text verbatim and has no
second effect. The whole batch is one transaction (one fsync); each envelope runs in a
savepoint of its own. Bookings never oversell: a seat is taken by a conditional update
(``remaining > 0``), checked by the database against the newest row even while other hub
processes book the same slot, and one person's bookings take turns on a lock.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any, Literal
from uuid import UUID

from pydantic import ValidationError

from hub import catalogue_store, meals, messages
from hub.batch import Batch, Outcome, new_reference, original_cancelled
from hub.batch_body import hostile_reason
from hub.clock import iso, parse
from hub.db import Connection, Row, savepoint, write
from services.protocol import (
    REQUEST_KINDS,
    AppointmentBooking,
    AppointmentCancellation,
    Hospital,
    LocalizedText,
    RequestEnvelope,
    RequestResult,
    StatusUpdate,
    cancel_deadline,
)

NIL_ID = UUID(int=0)  # result id for an item whose own id could not be read
MAX_ALTERNATIVES = 3


def process_batch(conn: Connection, kiosk_id: str, items: list[Any], now: datetime) -> list[str]:
    """Process raw JSON items; returns one RequestResult JSON text per item, in order."""
    with write(conn):
        batch = Batch(conn=conn, kiosk_id=kiosk_id, now=now, secret=conn.secret)
        results = [_process_one(batch, item) for item in items]
        if batch.slots_changed:
            catalogue_store.bump_rev(conn, "slots", now)
    return results


def _read_id(item: Any) -> UUID | None:
    raw = item.get("id") if isinstance(item, dict) else None
    if not isinstance(raw, str):
        return None
    try:
        return UUID(raw)
    except ValueError:
        return None


def _claim(batch: Batch, rid: UUID) -> str | None:
    """Take the idempotency record for ``rid``; None if taken, else the stored result.

    On PostgreSQL a second hub process handling the same id (a kiosk retrying elsewhere)
    waits here until the first commits, then gets the first one's result.
    """
    claimed = batch.conn.execute(
        "INSERT INTO requests (kiosk_id, id, kind, status, result_json, processed_at) "
        "VALUES (?, ?, NULL, 'pending', '', ?) ON CONFLICT (kiosk_id, id) DO NOTHING",
        (batch.kiosk_id, str(rid), iso(batch.now)),
    )
    if claimed.rowcount == 1:
        return None
    row = batch.conn.execute(
        "SELECT result_json FROM requests WHERE kiosk_id = ? AND id = ?",
        (batch.kiosk_id, str(rid)),
    ).fetchone()
    return str(row["result_json"])


def _outcome(batch: Batch, item: Any) -> tuple[Outcome, RequestEnvelope | None]:
    kind = item.get("kind") if isinstance(item, dict) else None
    hostile = hostile_reason(item)
    if hostile is not None:
        return Outcome(reason="validation", message=messages.validation(hostile)), None
    if isinstance(kind, str) and kind not in REQUEST_KINDS:
        return Outcome(reason="unknown_kind"), None
    try:
        envelope = RequestEnvelope.model_validate(item)
    except ValidationError as exc:
        return Outcome(reason="validation", message=_first_error(exc)), None
    except (TypeError, ValueError, RecursionError) as exc:
        # Validation itself tripped over the input: still this item's problem alone.
        return Outcome(reason="validation", message=messages.validation(type(exc).__name__)), None
    handler = _HANDLERS[envelope.kind]
    for attempt in range(3):
        try:
            with savepoint(batch.conn):
                return handler(batch, envelope), envelope
        except Exception as exc:
            # A concurrent writer won a race on a unique key (two processes booking for one
            # person); only this item is undone, and run again it sees the winner's row.
            if attempt == 2 or not _lost_race(batch, exc):
                raise
    raise AssertionError("unreachable")


def _lost_race(batch: Batch, exc: Exception) -> bool:
    if batch.conn.engine != "postgresql":
        return False
    from psycopg import errors

    return isinstance(exc, errors.UniqueViolation)


def _process_one(batch: Batch, item: Any) -> str:
    rid = _read_id(item)
    if rid is not None:
        stored = _claim(batch, rid)
        if stored is not None:
            return stored
    outcome, envelope = _outcome(batch, item)
    status: Literal["accepted", "rejected"] = "accepted" if outcome.reason is None else "rejected"
    if outcome.message is not None:
        message = outcome.message
    elif outcome.reason is not None:
        message = messages.REJECTED[outcome.reason]
    else:
        assert envelope is not None  # accepted implies a parsed envelope
        message = messages.ACCEPTED[envelope.kind]
    result = RequestResult(
        id=rid or NIL_ID,
        status=status,
        reference=outcome.reference,
        reason_code=outcome.reason,
        message=message,
        alternatives=outcome.alternatives,
        processed_at=batch.now,
        amount_fen=outcome.amount_fen,
    )
    text = result.model_dump_json()
    if rid is not None:
        batch.conn.execute(
            "UPDATE requests SET kind = ?, status = ?, result_json = ? "
            "WHERE kiosk_id = ? AND id = ?",
            (envelope.kind if envelope else None, status, text, batch.kiosk_id, str(rid)),
        )
        batch.status(
            batch.kiosk_id,
            StatusUpdate(
                seq=1,
                request_id=rid,
                status=status,
                kind=envelope.kind if envelope else None,
                reference=outcome.reference,
                reason_code=outcome.reason,
                message=message,
                at=batch.now,
            ),
        )
    return text


def _first_error(exc: ValidationError) -> LocalizedText:
    err = exc.errors()[0]
    where = ".".join(str(part) for part in err["loc"]) or "body"
    return messages.validation(f"{where}: {err['msg']}")


def person_key(secret: str, resident_id: str) -> str:
    """Keyed hash of the ID number: lets the hub spot double bookings without
    keeping the number itself."""
    return hashlib.sha256(f"{secret}|{resident_id}".encode()).hexdigest()


def _book(batch: Batch, env: RequestEnvelope) -> Outcome:
    p = env.payload
    assert isinstance(p, AppointmentBooking)
    conn, now = batch.conn, batch.now
    slot = conn.execute("SELECT * FROM slots WHERE id = ?", (p.slot_id,)).fetchone()
    hospital = batch.hospital(slot["hospital_id"]) if slot is not None else None
    if slot is None or hospital is None:
        return Outcome(reason="slot_unknown")
    starts = parse(slot["starts_at"])
    booking_closes = starts - timedelta(minutes=hospital.booking_cutoff_minutes)
    if now >= booking_closes:
        return Outcome(reason="past_cutoff")
    if (starts.date() - now.date()).days > hospital.booking_window_days:
        return Outcome(reason="outside_booking_window")
    assert p.person.resident_id is not None  # AppointmentBooking guarantees it
    key = person_key(batch.secret, p.person.resident_id)
    conn.lock("person", key)  # two kiosks booking for one person take turns
    duplicate = conn.execute(
        "SELECT 1 FROM appointments WHERE person_key = ? AND department_id = ? AND day = ? "
        "AND status = 'booked'",
        (key, slot["department_id"], slot["day"]),
    ).fetchone()
    if duplicate is not None:
        return Outcome(reason="duplicate_booking")
    taken = conn.execute(
        "UPDATE slots SET remaining = remaining - 1 WHERE id = ? AND remaining > 0", (p.slot_id,)
    )
    if taken.rowcount == 0:
        return Outcome(reason="slot_taken", alternatives=_alternatives(batch, slot, hospital))
    batch.slots_changed = True
    reference = new_reference(conn, "appointments", f"YJT-{slot['hospital_id']}")
    conn.execute(
        "INSERT INTO appointments (reference, kiosk_id, request_id, slot_id, department_id, day, "
        "person_key, masked_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked')",
        (
            reference,
            batch.kiosk_id,
            str(env.id),
            p.slot_id,
            slot["department_id"],
            slot["day"],
            key,
            p.person.masked_id,
        ),
    )
    return Outcome(reference=reference)


def _alternatives(batch: Batch, slot: Row, hospital: Hospital) -> list[str]:
    """Nearest bookable slots in the same department, by distance in time."""
    earliest = batch.now + timedelta(minutes=hospital.booking_cutoff_minutes)
    last_day = batch.now.date() + timedelta(days=hospital.booking_window_days)
    # Times are canonical text (one offset, whole seconds): text order is time order.
    rows = batch.conn.execute(
        "SELECT id, starts_at FROM slots WHERE department_id = ? AND id != ? AND remaining > 0 "
        "AND starts_at > ? AND day <= ?",
        (slot["department_id"], slot["id"], iso(earliest), last_day.isoformat()),
    ).fetchall()
    wanted = parse(slot["starts_at"])
    rows.sort(key=lambda r: (abs(parse(r["starts_at"]) - wanted), r["starts_at"], r["id"]))
    return [str(r["id"]) for r in rows[:MAX_ALTERNATIVES]]


def _may_cancel(batch: Batch, p: AppointmentCancellation, row: Any) -> bool:
    """The kiosk that booked may cancel; another kiosk only for the same person."""
    if row["kiosk_id"] == batch.kiosk_id:
        return True
    resident = p.person.resident_id if p.person is not None else None
    return resident is not None and person_key(batch.secret, resident) == row["person_key"]


def _cancel_appointment(batch: Batch, env: RequestEnvelope) -> Outcome:
    p = env.payload
    assert isinstance(p, AppointmentCancellation)
    conn = batch.conn
    if p.appointment_reference is not None:
        # By reference from any kiosk: a senior may cancel at another centre.
        row = conn.execute(
            "SELECT * FROM appointments WHERE reference = ?" + conn.for_update,
            (p.appointment_reference,),
        ).fetchone()
    else:
        row = conn.execute(
            "SELECT * FROM appointments WHERE kiosk_id = ? AND request_id = ?" + conn.for_update,
            (batch.kiosk_id, str(p.original_request_id)),
        ).fetchone()
    if row is None or not _may_cancel(batch, p, row):
        return Outcome(reason="not_found")
    if row["status"] == "cancelled":
        return Outcome(reference=row["reference"])  # already done: no second effect
    slot = conn.execute("SELECT * FROM slots WHERE id = ?", (row["slot_id"],)).fetchone()
    hospital = batch.hospital(slot["hospital_id"]) if slot is not None else None
    if slot is None or hospital is None:
        return Outcome(reason="not_found")
    if batch.now > cancel_deadline(hospital, parse(slot["starts_at"])):
        return Outcome(reason="too_late_to_cancel", reference=row["reference"])
    done = conn.execute(
        "UPDATE appointments SET status = 'cancelled' WHERE reference = ? AND status = 'booked'",
        (row["reference"],),
    )
    if done.rowcount != 1:
        return Outcome(reference=row["reference"])  # cancelled meanwhile: the seat went back once
    conn.execute(
        "UPDATE slots SET remaining = remaining + 1 WHERE id = ? AND remaining < capacity",
        (row["slot_id"],),
    )
    batch.slots_changed = True
    original_cancelled(
        batch, row["kiosk_id"], row["request_id"], "appointment.book", row["reference"]
    )
    return Outcome(reference=row["reference"])


_HANDLERS = {
    "appointment.book": _book,
    "appointment.cancel": _cancel_appointment,
    "meal.order": meals.order_meal,
    "meal.cancel": meals.cancel_meal,
    "callback.request": meals.callback,
}


def status_feed(conn: Connection, kiosk_id: str, cursor: int, limit: int) -> tuple[list[str], int]:
    """StatusUpdate JSON texts with seq > cursor for this kiosk, and the next cursor."""
    rows = conn.execute(
        "SELECT seq, json FROM status_updates WHERE kiosk_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        (kiosk_id, cursor, limit),
    ).fetchall()
    updates = [f'{{"seq":{r["seq"]},{r["json"][1:]}' for r in rows]
    return updates, (rows[-1]["seq"] if rows else cursor)
