"""Medical appointments at the kiosk: what can be booked, booking, my bookings, cancelling.

Plain functions over the calling thread's :class:`~services.store.StoreConnection` (the kiosk
runs them on its data thread, never on the GUI thread). Reads come from the catalogue cache,
so everything works offline with the data's age shown; writes go through the outbox, so a
booking made offline is kept and sent when the hub is back.

A booking's local record is the outbox ``requests`` row of kind ``appointment.book``. At
booking time a snapshot of the slot, hospital and department is stored in its ``detail``, so
"my appointments" and the cancel rule still work when the catalogues later change or drop
the slot. The hub stays the judge: the kiosk checks cut-offs and duplicates only to spare the
senior a request that is bound to be refused.

Times: the hub writes slot times with the Shanghai offset; "today" is the Shanghai date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Final
from uuid import UUID

from services import protocol
from services.catalogue_cache import CatalogueCache
from services.identity import ResidentId
from services.outbox import ACCEPTED, DEAD, QUEUED, REJECTED, SENDING, Outbox, dumps
from services.store import StoreConnection, parse_iso, utcnow

SHANGHAI: Final = timezone(timedelta(hours=8), "Asia/Shanghai")  # no DST since 1991
BOOK: Final = "appointment.book"
CANCEL: Final = "appointment.cancel"

# What the screens show for a booking (derived from the local request states).
WAITING: Final = "waiting"  # not yet confirmed by the hub (queued, sending, or offline)
CONFIRMED: Final = "confirmed"
REJECTED_STATUS: Final = "rejected"  # the hub refused it (slot taken ...) or it was undeliverable
CANCELLING: Final = "cancelling"  # a cancellation is on its way
CANCELLED: Final = "cancelled"

_LIVE_STATES: Final = (QUEUED, SENDING, ACCEPTED, "confirmed")


class BookingRefusedError(Exception):
    """The kiosk already knows the hub would refuse this booking. ``reason`` is a protocol
    reason code (``slot_unknown``, ``past_cutoff``, ``outside_booking_window``,
    ``duplicate_booking``, ``slot_taken``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CancelRefusedError(Exception):
    """Cancelling is not possible: ``too_late_to_cancel`` (the hospital's cut-off has passed;
    ``deadline`` says when it was) or ``not_found`` / ``not_active``."""

    def __init__(self, reason: str, deadline: datetime | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.deadline = deadline


@dataclass(frozen=True, slots=True)
class SlotOffer:
    """A slot as the senior sees it: seats left counts this kiosk's unsent bookings too."""

    slot: protocol.Slot
    remaining: int

    @property
    def id(self) -> str:
        return self.slot.id


@dataclass(frozen=True, slots=True)
class DayOffer:
    day: date
    free: int  # seats left that day in this department
    senior_free: int  # of which in senior-reserved slots


@dataclass(frozen=True, slots=True)
class Booking:
    """One of the senior's bookings, with everything the screens need."""

    id: UUID
    status: str  # WAITING, CONFIRMED, REJECTED_STATUS, CANCELLING, CANCELLED
    reference: str | None
    slot: protocol.Slot
    hospital: protocol.Hospital
    department_name: protocol.LocalizedText
    masked_id: str
    created_at: datetime
    cancel_deadline: datetime
    reason_code: str | None = None
    reason_message: dict[str, str] | None = None
    alternatives: tuple[str, ...] = ()
    seen: bool = False  # the senior has been shown this booking's rejection
    cancel_refused: str | None = None  # reason code when a cancellation was refused
    elsewhere: bool = False  # booked at another kiosk (services.bookings_elsewhere)

    def can_cancel(self, now: datetime) -> bool:
        return self.status in (WAITING, CONFIRMED) and now <= self.cancel_deadline


def shanghai_today(now: datetime) -> date:
    return now.astimezone(SHANGHAI).date()


def catalogue_age(conn: StoreConnection, now: datetime | None = None) -> timedelta | None:
    """How old the cached slot list is (``None``: never fetched, so nothing can be booked)."""
    entry = CatalogueCache(conn).entry("slots")
    return None if entry is None else entry.age(now)


# -- browsing ------------------------------------------------------------------------------


def hospitals(conn: StoreConnection) -> list[protocol.Hospital]:
    items = CatalogueCache(conn).items("hospitals")
    return [h for h in items if isinstance(h, protocol.Hospital)]


def hospital(conn: StoreConnection, hospital_id: str) -> protocol.Hospital | None:
    return next((h for h in hospitals(conn) if h.id == hospital_id), None)


def departments(conn: StoreConnection, hospital_id: str) -> list[protocol.Department]:
    items = CatalogueCache(conn).items("departments")
    return [d for d in items if isinstance(d, protocol.Department) and d.hospital_id == hospital_id]


def department(conn: StoreConnection, department_id: str) -> protocol.Department | None:
    items = CatalogueCache(conn).items("departments")
    return next(
        (d for d in items if isinstance(d, protocol.Department) and d.id == department_id), None
    )


# Bookings with a cancellation queued or accepted: the hub handles requests in order, so their
# seat comes back and they no longer count (for seats left, or as a same-day duplicate).
_NOT_CANCELLED: Final = (
    "id NOT IN (SELECT json_extract(c.payload, '$.original_request_id') FROM requests c"
    f" WHERE c.kind = '{CANCEL}' AND c.state IN ('{QUEUED}', '{SENDING}', '{ACCEPTED}')"
    " AND json_extract(c.payload, '$.original_request_id') IS NOT NULL)"
)


def _unsent_seats(conn: StoreConnection, slot_ids: Iterable[str]) -> dict[str, int]:
    """Seats this kiosk has taken that the cached slot list cannot know about yet: bookings
    still queued, and those accepted after the slot list was fetched."""
    ids = list(slot_ids)
    if not ids:
        return {}
    entry = CatalogueCache(conn).entry("slots")
    fetched = entry.fetched_at.isoformat(timespec="milliseconds") if entry else ""
    rows = conn.query(
        "SELECT json_extract(payload, '$.slot_id') AS slot_id, COUNT(*) AS n FROM requests"
        " WHERE kind = ? AND (state IN (?, ?) OR (state IN (?, 'confirmed') AND delivered_at > ?))"
        f" AND {_NOT_CANCELLED}"
        f" AND json_extract(payload, '$.slot_id') IN ({', '.join('?' * len(ids))})"
        " GROUP BY slot_id",
        [BOOK, QUEUED, SENDING, ACCEPTED, fetched, *ids],
    )
    return {str(r["slot_id"]): int(r["n"]) for r in rows}


def _bookable(slot: protocol.Slot, rules: protocol.Hospital, now: datetime) -> bool:
    closes = slot.starts_at - timedelta(minutes=rules.booking_cutoff_minutes)
    first, last = protocol.booking_window(rules, shanghai_today(now))
    return now < closes and first <= slot.starts_at.astimezone(SHANGHAI).date() <= last


def _offers(conn: StoreConnection, slots: list[protocol.Slot], now: datetime) -> list[SlotOffer]:
    rules: dict[str, protocol.Hospital | None] = {}
    live = []
    for slot in slots:
        if slot.hospital_id not in rules:
            rules[slot.hospital_id] = hospital(conn, slot.hospital_id)
        found = rules[slot.hospital_id]
        if found is not None and _bookable(slot, found, now):
            live.append(slot)
    taken = _unsent_seats(conn, (s.id for s in live))
    return [SlotOffer(s, max(0, s.remaining - taken.get(s.id, 0))) for s in live]


def slots_for_day(
    conn: StoreConnection, department_id: str, day: date, now: datetime
) -> list[SlotOffer]:
    """Bookable slots of a department on one day: senior-reserved first, then by time, and
    full ones last (kept, marked full, so the senior sees the day's whole picture)."""
    offers = _offers(conn, CatalogueCache(conn).slots(department_id, day), now)
    return sorted(
        offers, key=lambda o: (o.remaining == 0, not o.slot.senior_reserved, o.slot.starts_at)
    )


def days(conn: StoreConnection, department_id: str, now: datetime) -> list[DayOffer]:
    """Days with at least one bookable seat, earliest first."""
    result = []
    cache = CatalogueCache(conn)
    for day in cache.slot_days(department_id):
        if day < shanghai_today(now):
            continue
        offers = _offers(conn, cache.slots(department_id, day), now)
        free = sum(o.remaining for o in offers)
        if free:
            senior = sum(o.remaining for o in offers if o.slot.senior_reserved)
            result.append(DayOffer(day, free, senior))
    return result


def first_available(conn: StoreConnection, department_id: str, now: datetime) -> SlotOffer | None:
    """The earliest slot with a free seat (a senior-reserved one wins a tie on time)."""
    cache = CatalogueCache(conn)
    for day in cache.slot_days(department_id):
        if day < shanghai_today(now):
            continue
        offers = [o for o in _offers(conn, cache.slots(department_id, day), now) if o.remaining]
        if offers:
            return min(offers, key=lambda o: (o.slot.starts_at, not o.slot.senior_reserved))
    return None


def offer(conn: StoreConnection, slot_id: str, now: datetime) -> SlotOffer | None:
    """One slot as currently offered, or ``None`` when it is gone or no longer bookable."""
    slot = CatalogueCache(conn).slot(slot_id)
    if slot is None:
        return None
    found = _offers(conn, [slot], now)
    return found[0] if found else None


# -- booking -------------------------------------------------------------------------------


def _person_filter() -> str:
    return "json_extract(payload, '$.person.resident_id') = ?"


def book(
    conn: StoreConnection,
    person: ResidentId,
    slot_id: str,
    now: datetime | None = None,
    *,
    phone: str | None = None,
    helper_id: str | None = None,
) -> UUID:
    """Queue a booking for ``person`` (and record it locally) in one transaction.

    Raises :class:`BookingRefusedError` for what the kiosk can already tell is hopeless: a slot it
    does not know, past the booking cut-off or outside the window, no seat left here, or the
    same person already booked in that department that day.
    """
    moment = now or utcnow()
    cache = CatalogueCache(conn)
    slot = cache.slot(slot_id)
    rules = hospital(conn, slot.hospital_id) if slot is not None else None
    dept = department(conn, slot.department_id) if slot is not None else None
    if slot is None or rules is None:
        raise BookingRefusedError("slot_unknown")
    if moment >= slot.starts_at - timedelta(minutes=rules.booking_cutoff_minutes):
        raise BookingRefusedError("past_cutoff")
    first, last = protocol.booking_window(rules, shanghai_today(moment))
    if not first <= slot.starts_at.astimezone(SHANGHAI).date() <= last:
        raise BookingRefusedError("outside_booking_window")
    payload = protocol.AppointmentBooking(
        slot_id=slot.id,
        person=protocol.PersonRef(masked_id=person.masked, resident_id=person.number),
        phone=phone,
    ).model_dump(mode="json", exclude_none=True)
    snapshot = {
        "slot": slot.model_dump(mode="json"),
        "hospital": rules.model_dump(mode="json"),
        "department_name": (dept.name if dept else rules.name).model_dump(mode="json"),
    }
    with conn.transaction():
        # Checked inside the write transaction so two quick taps cannot both pass; the
        # duplicate rule first, as the hub does ("you already booked" beats "taken").
        same_day = conn.scalar(
            "SELECT COUNT(*) FROM requests WHERE kind = ? AND state IN (?, ?, ?, 'confirmed')"
            f" AND {_person_filter()} AND {_NOT_CANCELLED}"
            " AND json_extract(detail, '$.slot.department_id') = ?"
            " AND substr(json_extract(detail, '$.slot.starts_at'), 1, 10) = ?",
            [
                BOOK,
                *_LIVE_STATES[:3],
                person.number,
                slot.department_id,
                slot.starts_at.astimezone(SHANGHAI).date().isoformat(),
            ],
        )
        if same_day:
            raise BookingRefusedError("duplicate_booking")
        if _unsent_seats(conn, [slot.id]).get(slot.id, 0) >= slot.remaining:
            raise BookingRefusedError("slot_taken")
        request_id = Outbox.enqueue(
            conn, BOOK, payload, now=moment.timestamp(), helper_id=helper_id
        )
        conn.execute(
            "UPDATE requests SET detail = ? WHERE id = ?", (dumps(snapshot), str(request_id))
        )
    return request_id


# -- reading bookings back -----------------------------------------------------------------


def _cancels(conn: StoreConnection, booking_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The newest cancellation request for each booking id."""
    if not booking_ids:
        return {}
    rows = conn.query(
        "SELECT json_extract(payload, '$.original_request_id') AS original, state, reason_code"
        f" FROM requests WHERE kind = ? AND json_extract(payload, '$.original_request_id')"
        f" IN ({', '.join('?' * len(booking_ids))}) ORDER BY created_at",
        [CANCEL, *booking_ids],
    )
    return {str(r["original"]): r for r in rows}


def _status(state: str, cancel: dict[str, Any] | None) -> tuple[str, str | None]:
    if state == CANCELLED:
        return CANCELLED, None
    if state in (REJECTED, DEAD):
        return REJECTED_STATUS, None
    refused = None
    if cancel is not None:
        if cancel["state"] == ACCEPTED:  # the hub's "cancelled" for the booking may lag
            return CANCELLED, None
        if cancel["state"] in (QUEUED, SENDING):
            return CANCELLING, None
        if cancel["state"] in (REJECTED, DEAD):
            refused = str(cancel["reason_code"] or "undeliverable")
    if state in (QUEUED, SENDING):
        return WAITING, refused
    return CONFIRMED, refused


def _booking(row: dict[str, Any], cancel: dict[str, Any] | None) -> Booking | None:
    detail = json.loads(row["detail"] or "{}")
    if "slot" not in detail:  # not made through this module (e.g. an old test row)
        return None
    payload = json.loads(row["payload"])
    slot = protocol.Slot.model_validate(detail["slot"])
    rules = protocol.Hospital.model_validate(detail["hospital"])
    status, refused = _status(str(row["state"]), cancel)
    created = parse_iso(row["created_at"])
    assert created is not None
    return Booking(
        id=UUID(row["id"]),
        status=status,
        reference=row["reference"],
        slot=slot,
        hospital=rules,
        department_name=protocol.LocalizedText.model_validate(detail["department_name"]),
        masked_id=str(payload["person"]["masked_id"]),
        created_at=created,
        cancel_deadline=protocol.cancel_deadline(rules, slot.starts_at),
        reason_code=row["reason_code"],
        reason_message=None if row["reason_message"] is None else json.loads(row["reason_message"]),
        alternatives=tuple(json.loads(row["alternatives"] or "[]")),
        seen=bool(detail.get("seen")),
        cancel_refused=refused,
    )


def _bookings(conn: StoreConnection, where: str, params: list[Any]) -> list[Booking]:
    rows = conn.query(
        f"SELECT * FROM requests WHERE kind = ? AND {where} ORDER BY created_at", [BOOK, *params]
    )
    cancels = _cancels(conn, [str(r["id"]) for r in rows])
    found = (_booking(r, cancels.get(str(r["id"]))) for r in rows)
    return [b for b in found if b is not None]


def get_booking(conn: StoreConnection, booking_id: UUID) -> Booking | None:
    found = _bookings(conn, "id = ?", [str(booking_id)])
    return found[0] if found else None


def my_bookings(
    conn: StoreConnection, person: ResidentId, now: datetime | None = None
) -> list[Booking]:
    """The person's bookings from this kiosk whose appointment has not yet passed, soonest
    first; cancelled and refused ones are listed too (so nothing disappears unexplained)."""
    moment = now or utcnow()
    found = _bookings(conn, _person_filter(), [person.number])
    upcoming = [b for b in found if b.slot.ends_at > moment]
    return sorted(upcoming, key=lambda b: b.slot.starts_at)


def unseen_rejections(conn: StoreConnection, person: ResidentId) -> list[Booking]:
    """Refused bookings the person has not been shown yet (shown after they identify)."""
    found = _bookings(conn, _person_filter(), [person.number])
    return [b for b in found if b.status == REJECTED_STATUS and not b.seen]


def mark_seen(conn: StoreConnection, booking_ids: Iterable[UUID]) -> None:
    with conn.transaction():
        for booking_id in booking_ids:
            conn.execute(
                "UPDATE requests SET detail = json_patch(COALESCE(detail, '{}'), ?) WHERE id = ?",
                ('{"seen":true}', str(booking_id)),
            )


def alternatives(conn: StoreConnection, booking: Booking, now: datetime) -> list[SlotOffer]:
    """The hub's suggested replacements that can still be booked, nearest in time first."""
    offers = [offer(conn, slot_id, now) for slot_id in booking.alternatives]
    live = [o for o in offers if o is not None and o.remaining > 0]
    return sorted(live, key=lambda o: abs(o.slot.starts_at - booking.slot.starts_at))


def pending_for_helpers(conn: StoreConnection) -> list[Booking]:
    """Bookings at this kiosk a helper may need to follow up: still waiting for the hub, or
    refused and not yet seen by the senior. Oldest first; only masked IDs inside."""
    found = _bookings(conn, "state IN (?, ?, ?, ?)", [QUEUED, SENDING, REJECTED, DEAD])
    return [b for b in found if b.status == WAITING or (b.status == REJECTED_STATUS and not b.seen)]


# -- cancelling ----------------------------------------------------------------------------


def cancel(conn: StoreConnection, booking_id: UUID, now: datetime | None = None) -> UUID:
    """Queue the cancellation of a booking, if the hospital's cut-off allows it.

    Works for a booking still waiting to be sent: the hub handles requests in order, so the
    booking is made and then cancelled, and the seat goes back.
    """
    moment = now or utcnow()
    with conn.transaction():
        booking = get_booking(conn, booking_id)
        if booking is None:
            raise CancelRefusedError("not_found")
        if booking.status not in (WAITING, CONFIRMED):
            raise CancelRefusedError("not_active")
        if moment > booking.cancel_deadline:
            raise CancelRefusedError("too_late_to_cancel", booking.cancel_deadline)
        payload: dict[str, Any] = {"original_request_id": str(booking_id)}
        if booking.reference:
            payload["appointment_reference"] = booking.reference
        return Outbox.enqueue(conn, CANCEL, payload, now=moment.timestamp())
