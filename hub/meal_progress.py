"""Meal orders move on by the hub's clock: received → preparing → handed over → delivered.

The schedule is fixed by the meal's service window (the canteen's lunch or dinner window on
the meal's date):

* ``received`` → ``preparing`` at the window start minus ``PREPARE_LEAD`` (60 min);
* ``preparing`` → ``out_for_delivery`` (delivery) or ``ready_for_pickup`` (pickup, dine-in)
  at the window start;
* either → ``delivered`` at the window end.

Each order row keeps ``next_at``, the time of its next automatic change, so finding what is
due is one indexed query. :func:`advance` is called before the status feed is served (and by
the operator tools), so progression needs no background thread: whatever fell due since the
last call is applied then, one status update per step, each stamped with its scheduled time
(never earlier than the previous change). Operators may move an order on early, or cancel it
before it is handed over, with :func:`set_status`; automatic progress continues from there.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Final
from uuid import UUID

from hub.batch import add_status
from hub.clock import SHANGHAI, iso, parse
from hub.db import Connection, Row, write
from services.protocol import LocalizedText, ServiceWindow, StatusUpdate

PREPARE_LEAD: Final = timedelta(minutes=60)
RECEIVED: Final = "received"
PREPARING: Final = "preparing"
OUT_FOR_DELIVERY: Final = "out_for_delivery"
READY_FOR_PICKUP: Final = "ready_for_pickup"
DELIVERED: Final = "delivered"
CANCELLED: Final = "cancelled"
STATUSES: Final = (
    RECEIVED,
    PREPARING,
    OUT_FOR_DELIVERY,
    READY_FOR_PICKUP,
    DELIVERED,
    CANCELLED,
)
# Not yet handed over: the kiosk may cancel (before the cut-off), an operator at any time.
CANCELLABLE: Final = (RECEIVED, PREPARING)

CANCELLED_BY_CANTEEN = LocalizedText(
    zh_CN="食堂取消了这份订餐，请咨询工作人员。",
    zh_HK="食堂取消了這份訂餐，請諮詢工作人員。",
    en="The canteen cancelled this order. Please ask a member of staff.",
)

_DUE = (
    "SELECT * FROM meal_orders WHERE next_at IS NOT NULL AND next_at <= ? "
    "ORDER BY next_at, reference"
)


class MealStatusError(Exception):
    """An operator's status change was refused: ``code`` is ``not_found``,
    ``invalid_status`` or ``not_allowed``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def handover(fulfilment: str) -> str:
    return OUT_FOR_DELIVERY if fulfilment == "delivery" else READY_FOR_PICKUP


def path(fulfilment: str) -> tuple[str, ...]:
    """The statuses an order of this fulfilment goes through, in order."""
    return (RECEIVED, PREPARING, handover(fulfilment), DELIVERED)


def service_times(
    day: date, window: ServiceWindow | None
) -> tuple[datetime | None, datetime | None]:
    """Start and end of the meal's service on ``day`` (None without a window)."""
    if window is None:
        return None, None
    return (
        datetime.combine(day, window.start, tzinfo=SHANGHAI),
        datetime.combine(day, window.end, tzinfo=SHANGHAI),
    )


def next_change(
    status: str, fulfilment: str, start: datetime | None, end: datetime | None
) -> tuple[str, datetime] | None:
    """The next automatic (status, time) after ``status``; None when it is final or there
    is no service window (then only an operator moves it)."""
    if start is None or end is None:
        return None
    if status == RECEIVED:
        return PREPARING, start - PREPARE_LEAD
    if status == PREPARING:
        return handover(fulfilment), start
    if status in (OUT_FOR_DELIVERY, READY_FOR_PICKUP):
        return DELIVERED, end
    return None


def _times(row: Row) -> tuple[datetime | None, datetime | None]:
    start, end = row["service_start"], row["service_end"]
    return (parse(start) if start else None), (parse(end) if end else None)


def _emit(
    conn: Connection,
    row: Row,
    status: str,
    at: datetime,
    message: LocalizedText | None = None,
) -> None:
    update = StatusUpdate.model_validate(
        {
            "seq": 1,  # stored without seq; add_status numbers it
            "request_id": UUID(row["request_id"]),
            "status": status,
            "kind": "meal.order",
            "reference": row["reference"],
            "message": message,
            "at": at,
        }
    )
    add_status(conn, row["kiosk_id"], update)


def advance(conn: Connection, now: datetime) -> int:
    """Apply every automatic change due at ``now``; returns how many status updates were
    written. Cheap when nothing is due (one indexed read, no write lock)."""
    if conn.execute(_DUE + " LIMIT 1", (iso(now),)).fetchone() is None:
        return 0
    with write(conn):
        return advance_locked(conn, now)


def advance_locked(conn: Connection, now: datetime) -> int:
    """:func:`advance` inside the caller's write transaction.

    Several hub processes may advance at once: one at a time takes the lock, and each order's
    row is moved on only from the state it was read in, so no step is ever written twice.
    """
    conn.lock("meal_progress")
    changes = 0
    for row in conn.execute(_DUE, (iso(now),)).fetchall():
        start, end = _times(row)
        status = row["status"]
        floor = parse(row["status_at"]) if row["status_at"] else None
        step = next_change(status, row["fulfilment"], start, end)
        steps: list[tuple[str, datetime]] = []
        while step is not None and step[1] <= now:
            status = step[0]
            at = step[1] if floor is None else max(step[1], floor)
            steps.append((status, at))
            floor = at
            step = next_change(status, row["fulfilment"], start, end)
        moved = conn.execute(
            "UPDATE meal_orders SET status = ?, status_at = ?, next_at = ? "
            "WHERE reference = ? AND status = ? AND next_at = ?",
            (
                status,
                iso(floor) if floor is not None else row["status_at"],
                None if step is None else iso(step[1]),
                row["reference"],
                row["status"],
                row["next_at"],
            ),
        )
        if moved.rowcount != 1:
            continue  # changed meanwhile (an operator, a cancel): its new state stands
        for step_status, at in steps:
            _emit(conn, row, step_status, at)
            changes += 1
    return changes


def allowed(current: str, target: str, fulfilment: str) -> bool:
    """Operators move an order forward along its own path (skipping steps is fine), or
    cancel it while it has not been handed over; never backwards."""
    if target == CANCELLED:
        return current in CANCELLABLE
    steps = path(fulfilment)
    return current in steps and target in steps and steps.index(target) > steps.index(current)


def set_status(conn: Connection, reference: str, status: str, now: datetime) -> str:
    """Operator action: set an order's status (see :func:`allowed`); returns the status.

    Setting the status it already has changes nothing. Raises :class:`MealStatusError`.
    """
    if status not in STATUSES:
        raise MealStatusError("invalid_status", f"Unknown status {status!r}.")
    with write(conn):
        advance_locked(conn, now)
        row = conn.execute(
            "SELECT * FROM meal_orders WHERE reference = ?" + conn.for_update, (reference,)
        ).fetchone()
        if row is None:
            raise MealStatusError("not_found", f"No meal order {reference!r}.")
        current = row["status"]
        if status == current:
            return str(current)
        if not allowed(current, status, row["fulfilment"]):
            raise MealStatusError(
                "not_allowed", f"An order that is {current} cannot become {status}."
            )
        _emit(conn, row, status, now, CANCELLED_BY_CANTEEN if status == CANCELLED else None)
        start, end = _times(row)
        step = None if status == CANCELLED else next_change(status, row["fulfilment"], start, end)
        conn.execute(
            "UPDATE meal_orders SET status = ?, status_at = ?, next_at = ? WHERE reference = ?",
            (status, iso(now), None if step is None else iso(step[1]), reference),
        )
    return status


def list_orders(conn: Connection, since: date, day: date | None = None) -> list[dict[str, Any]]:
    """Orders for meals on ``day`` (or on ``since`` and later), for operators: by meal day,
    canteen, meal and reference. Call :func:`advance` first for current statuses."""
    if day is not None:
        where, params = "meal_date = ?", [day.isoformat()]
    else:
        where, params = "meal_date >= ?", [since.isoformat()]
    rows = conn.execute(
        "SELECT reference, kiosk_id, meal_set_id, canteen_id, meal_date, meal, quantity, "
        "fulfilment, amount_fen, discount_fen, subsidy_fen, masked_id, address, phone, status, "
        f"status_at, next_at FROM meal_orders WHERE {where} "
        "ORDER BY meal_date, canteen_id, meal, reference",
        params,
    ).fetchall()
    return [dict(r) for r in rows]
