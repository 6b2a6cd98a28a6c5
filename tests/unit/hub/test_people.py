"""Person lookup on the hub, in-process against a demo database at a fixed instant."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hub import fulfilment, people
from hub.db import Connection
from hub.demo_benefits import demo_benefit_statuses, demo_resident_id
from services.protocol import KNOWN_BENEFIT_STATUSES, BenefitStatus, PersonLookup, PersonRecord
from tests.helpers.hub_databases import dump_text
from tests.helpers.hub_process import envelope, person, resident_id
from tests.unit.hub.conftest import NOW

KIOSK, OTHER_KIOSK = "K1", "K2"


def look(db: Connection, serial: int, kiosk: str = KIOSK) -> PersonRecord:
    return people.lookup(db, kiosk, PersonLookup(resident_id=resident_id(serial)), NOW)


def by_kind(record: PersonRecord) -> dict[str, BenefitStatus]:
    return {b.kind: b for b in record.benefits}


def test_demo_ids_are_the_tests_ids() -> None:
    assert [demo_resident_id(n) for n in range(1, 6)] == [resident_id(n) for n in range(1, 6)]


def test_demo_residents_have_varied_records(db: Connection) -> None:
    first = look(db, 1)
    assert first.masked_id == person(1)["masked_id"] and first.as_of == NOW
    allowance = by_kind(first)["old_age_allowance"]
    assert allowance.status == "paying" and allowance.amount_fen == 18000
    assert [p.paid_on for p in allowance.payments] == [
        date(2025, 4, 15),
        date(2025, 1, 15),
        date(2024, 10, 15),
        date(2024, 7, 15),
    ]
    assert all(p.amount_fen == 54000 for p in allowance.payments)  # a quarter at ¥180
    assert allowance.next_payment_on == date(2025, 7, 15)
    assert by_kind(look(db, 2))["care_subsidy"].status == "under_review"
    unknown = by_kind(look(db, 3))["old_age_allowance"]
    assert unknown.status == "awaiting_bank_details"
    assert unknown.status not in KNOWN_BENEFIT_STATUSES and unknown.note is not None
    assert {b.status for b in look(db, 4).benefits} == {"rejected", "suspended"}
    assert by_kind(look(db, 5))["care_subsidy"].applied_on == NOW.date() - timedelta(days=3)


def test_unknown_person_gets_empty_lists(db: Connection) -> None:
    record = look(db, 777)
    assert record.appointments == [] and record.benefits == []
    assert record.masked_id.startswith("3101") and "*" in record.masked_id


def test_appointments_from_any_kiosk_flagged_booked_here(db: Connection) -> None:
    slots = [  # on two different days, so their order is clear
        db.execute(
            "SELECT id FROM slots WHERE remaining > 0 AND day = ? ORDER BY starts_at LIMIT 1",
            ((NOW.date() + timedelta(days=offset)).isoformat(),),
        ).fetchone()
        for offset in (1, 2)
    ]
    here, there = (
        envelope("appointment.book", {"slot_id": s["id"], "person": person(1)}) for s in slots
    )
    for kiosk, item in ((KIOSK, here), (OTHER_KIOSK, there)):
        [result] = fulfilment.process_batch(db, kiosk, [item], NOW)
        assert json.loads(result)["status"] == "accepted"
    record = look(db, 1)
    assert [a.slot_id for a in record.appointments] == [s["id"] for s in slots]
    assert [a.booked_here for a in record.appointments] == [True, False]
    assert all(a.status == "booked" for a in record.appointments)
    assert [a.booked_here for a in look(db, 1, OTHER_KIOSK).appointments] == [False, True]
    assert look(db, 2).appointments == []  # someone else's bookings stay theirs


def test_the_id_number_is_never_stored(db: Connection) -> None:
    look(db, 1)
    dump = dump_text(db)
    assert all(resident_id(n) not in dump for n in range(1, 6))


def test_demo_statuses_load_once(db: Connection) -> None:
    count = db.execute("SELECT COUNT(*) FROM benefit_statuses").fetchone()[0]
    assert count == len(demo_benefit_statuses(NOW.date()))
    assert people.load_demo_statuses(db, NOW.date() + timedelta(days=1)) == 0
