"""Bookings made at other kiosks, from the hub's person record: which are listed, which
cannot be described, and cancelling one by its reference. Real SQLite file; explicit
moments (the catalogue fixtures are those of test_appointments)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from services import bookings_elsewhere as elsewhere
from services import protocol
from services.appointments import CANCELLED, CANCELLING, CONFIRMED, CancelRefusedError
from services.outbox import Delivery, Outbox, list_requests
from services.store import Store, StoreConnection
from tests.unit.services.test_appointments import ANN, NOW, Clock, at, load, slot

SLOT = slot("S1", at(3, 9))


@pytest.fixture
def conn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StoreConnection]:
    for module in ("services.catalogue_cache", "services.outbox"):
        monkeypatch.setattr(f"{module}.utcnow", Clock(NOW - timedelta(hours=1)))
    with Store(tmp_path).connect() as c:
        load(c, [SLOT])
        yield c


def record(*items: protocol.AppointmentRecord) -> protocol.PersonRecord:
    return protocol.PersonRecord(masked_id=ANN.masked, appointments=list(items), as_of=NOW)


def appointment(
    reference: str = "YJT-H1-0042",
    *,
    slot_id: str = "S1",
    hospital_id: str = "H1",
    starts_in: timedelta = timedelta(days=3),
    status: str = "booked",
    booked_here: bool = False,
) -> protocol.AppointmentRecord:
    return protocol.AppointmentRecord(
        reference=reference,
        slot_id=slot_id,
        hospital_id=hospital_id,
        department_id="H1-GEN",
        starts_at=NOW + starts_in,
        status=status,  # type: ignore[arg-type]
        booked_here=booked_here,
    )


def test_only_live_future_bookings_made_elsewhere_are_listed(conn: StoreConnection) -> None:
    found = elsewhere.bookings_elsewhere(
        conn,
        record(
            appointment("YJT-H1-0001"),
            appointment("YJT-H1-0002", booked_here=True),  # listed from this kiosk's outbox
            appointment("YJT-H1-0003", status="cancelled"),
            appointment("YJT-H1-0004", starts_in=timedelta(hours=-2)),
        ),
        NOW,
    )
    assert [b.reference for b in found.bookings] == ["YJT-H1-0001"]
    [booking] = found.bookings
    assert booking.elsewhere and booking.status == CONFIRMED
    assert booking.hospital.id == "H1" and booking.slot == SLOT
    assert booking.masked_id == ANN.masked and found.unknown == 0
    # The id is stable, so the screen's choice survives a re-read.
    assert booking.id == elsewhere.booking_id("YJT-H1-0001")


def test_a_booking_whose_hospital_or_slot_is_unknown_here_is_counted_not_shown(
    conn: StoreConnection,
) -> None:
    found = elsewhere.bookings_elsewhere(
        conn,
        record(appointment("YJT-X-1", hospital_id="NOPE"), appointment("YJT-X-2", slot_id="S9")),
        NOW,
    )
    assert found.bookings == [] and found.unknown == 2


def test_nothing_known_gives_nothing(conn: StoreConnection) -> None:
    assert elsewhere.bookings_elsewhere(conn, None, NOW) == elsewhere.BookingsElsewhere([], 0)


def test_cancel_queues_by_reference_and_the_state_follows_the_request(
    conn: StoreConnection,
) -> None:
    [booking] = elsewhere.bookings_elsewhere(conn, record(appointment()), NOW).bookings
    request_id = elsewhere.cancel_elsewhere(conn, booking, ANN, NOW)
    [queued] = [r for r in list_requests(conn) if r.id == request_id]
    assert queued.kind == "appointment.cancel"
    assert queued.payload == {  # the hub checks the person before cancelling
        "appointment_reference": "YJT-H1-0042",
        "person": {"masked_id": ANN.masked, "resident_id": ANN.number},
    }
    # The cached record still says "booked"; the queued request says otherwise.
    [again] = elsewhere.bookings_elsewhere(conn, record(appointment()), NOW).bookings
    assert again.status == CANCELLING
    with pytest.raises(CancelRefusedError) as twice:
        elsewhere.cancel_elsewhere(conn, again, ANN, NOW)
    assert twice.value.reason == "not_active"

    Outbox(conn).mark_delivered([Delivery(request_id, True, reference="YJT-H1-0042")])
    assert elsewhere.refreshed(conn, booking).status == CANCELLED


def test_a_refused_cancel_is_shown_and_may_be_tried_again(conn: StoreConnection) -> None:
    [booking] = elsewhere.bookings_elsewhere(conn, record(appointment()), NOW).bookings
    request_id = elsewhere.cancel_elsewhere(conn, booking, ANN, NOW)
    Outbox(conn).mark_delivered([Delivery(request_id, False, reason_code="too_late_to_cancel")])
    after = elsewhere.refreshed(conn, booking)
    assert after.status == CONFIRMED and after.cancel_refused == "too_late_to_cancel"
    elsewhere.cancel_elsewhere(conn, after, ANN, NOW)  # allowed: the hub decides


def test_cancel_after_the_hospital_cut_off_is_refused_with_the_deadline(
    conn: StoreConnection,
) -> None:
    [booking] = elsewhere.bookings_elsewhere(conn, record(appointment()), NOW).bookings
    late = booking.cancel_deadline + timedelta(minutes=1)
    with pytest.raises(CancelRefusedError) as refused:
        elsewhere.cancel_elsewhere(conn, booking, ANN, late)
    assert refused.value.reason == "too_late_to_cancel"
    assert refused.value.deadline == booking.cancel_deadline
    assert not [r for r in list_requests(conn) if r.kind == "appointment.cancel"]
