"""The senior's appointments booked at other kiosks (or by the service centre by phone).

This kiosk's own bookings live in its outbox (:mod:`services.appointments`). The hub's
person record (:mod:`services.person_lookup`) also lists bookings made anywhere else; a
senior who booked at the centre across town must see them here too, and be able to cancel
them. They become :class:`~services.appointments.Booking` values so the screens treat both
alike, with ``elsewhere`` set.

Cancelling one queues an ``appointment.cancel`` by reference (the hub accepts that from any
kiosk). Its progress is read back from that request, because the cached person record keeps
saying "booked" until the next lookup.

Runs on a worker thread, with the catalogue cache for hospital and slot details: a record
whose hospital or slot this kiosk has never synced cannot be described, so it is counted in
``unknown`` for the screen to mention rather than shown half-empty.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final
from uuid import NAMESPACE_URL, UUID, uuid5

from services import protocol
from services.appointments import (
    CANCEL,
    CANCELLED,
    CANCELLING,
    CONFIRMED,
    Booking,
    CancelRefusedError,
    department,
    hospital,
)
from services.catalogue_cache import CatalogueCache
from services.identity import ResidentId
from services.outbox import ACCEPTED, DEAD, QUEUED, REJECTED, SENDING, Outbox
from services.store import StoreConnection, utcnow

log = logging.getLogger(__name__)

# Stable ids for the screens (a choice id must survive a re-read), derived from the hub's
# reference, which is unique across the hub. Not an outbox id: nothing was queued here.
_ID_SPACE: Final = uuid5(NAMESPACE_URL, "yijiantong:booking-elsewhere")


@dataclass(frozen=True)
class BookingsElsewhere:
    bookings: list[Booking]
    unknown: int  # live bookings whose hospital or slot is not in this kiosk's catalogue


def booking_id(reference: str) -> UUID:
    return uuid5(_ID_SPACE, reference)


def _cancel_requests(conn: StoreConnection, references: list[str]) -> dict[str, dict[str, Any]]:
    """The newest cancellation queued at this kiosk for each reference."""
    if not references:
        return {}
    rows = conn.query(
        "SELECT json_extract(payload, '$.appointment_reference') AS reference, state,"
        " reason_code FROM requests WHERE kind = ?"
        " AND json_extract(payload, '$.appointment_reference')"
        f" IN ({', '.join('?' * len(references))}) ORDER BY created_at",
        [CANCEL, *references],
    )
    return {str(r["reference"]): r for r in rows}


def _with_cancel_state(booking: Booking, request: dict[str, Any] | None) -> Booking:
    if request is None:
        return booking
    state = request["state"]
    if state == ACCEPTED:
        return replace(booking, status=CANCELLED)
    if state in (QUEUED, SENDING):
        return replace(booking, status=CANCELLING)
    if state in (REJECTED, DEAD):
        return replace(booking, cancel_refused=str(request["reason_code"] or "undeliverable"))
    return booking


def _booking(
    conn: StoreConnection, record: protocol.AppointmentRecord, masked_id: str
) -> Booking | None:
    slot = CatalogueCache(conn).slot(record.slot_id)
    rules = hospital(conn, record.hospital_id)
    if slot is None or rules is None:
        return None
    dept = department(conn, record.department_id)
    return Booking(
        id=booking_id(record.reference),
        status=CONFIRMED,
        reference=record.reference,
        slot=slot,
        hospital=rules,
        department_name=dept.name if dept else rules.name,
        masked_id=masked_id,
        created_at=record.starts_at,  # the hub does not say when it was made
        cancel_deadline=protocol.cancel_deadline(rules, slot.starts_at),
        elsewhere=True,
    )


def bookings_elsewhere(
    conn: StoreConnection, record: protocol.PersonRecord | None, now: datetime | None = None
) -> BookingsElsewhere:
    """Live bookings from ``record`` made at other kiosks whose time has not passed,
    soonest first, with any cancellation queued here applied."""
    if record is None:
        return BookingsElsewhere([], 0)
    moment = now or utcnow()
    live = [
        r
        for r in record.appointments
        if not r.booked_here and r.status == "booked" and r.starts_at > moment
    ]
    found: list[Booking] = []
    unknown = 0
    for item in live:
        booking = _booking(conn, item, record.masked_id)
        if booking is None:
            unknown += 1
            log.info("booking %s elsewhere: hospital or slot not in the catalogue", item.reference)
        else:
            found.append(booking)
    cancels = _cancel_requests(conn, [b.reference for b in found if b.reference])
    found = [_with_cancel_state(b, cancels.get(b.reference or "")) for b in found]
    return BookingsElsewhere(sorted(found, key=lambda b: b.slot.starts_at), unknown)


def refreshed(conn: StoreConnection, booking: Booking) -> Booking:
    """``booking`` with the state of any cancellation queued for it since it was read."""
    reference = booking.reference or ""
    request = _cancel_requests(conn, [reference]).get(reference)
    return _with_cancel_state(replace(booking, status=CONFIRMED, cancel_refused=None), request)


def cancel_elsewhere(
    conn: StoreConnection, booking: Booking, person: ResidentId, now: datetime | None = None
) -> UUID:
    """Queue the cancellation of a booking made at another kiosk, by its reference.

    The person's ID goes with it: the hub cancels another kiosk's booking only for the
    person it was booked for (the request is purged with the other personal data).
    """
    moment = now or utcnow()
    if not booking.elsewhere or not booking.reference:
        raise CancelRefusedError("not_found")
    with conn.transaction():
        current = refreshed(conn, booking)
        if current.status != CONFIRMED:
            raise CancelRefusedError("not_active")
        if moment > booking.cancel_deadline:
            raise CancelRefusedError("too_late_to_cancel", booking.cancel_deadline)
        payload = protocol.AppointmentCancellation(
            appointment_reference=booking.reference,
            person=protocol.PersonRef(masked_id=person.masked, resident_id=person.number),
        ).model_dump(mode="json", exclude_none=True)
        return Outbox.enqueue(conn, CANCEL, payload, now=moment.timestamp())
