"""``POST /v1/people/lookup``: what the hub holds about one senior, for any kiosk.

The ID number arrives in the body (never a URL), is turned into the hub's keyed hash
(``fulfilment.person_key``) and is then forgotten: it is never stored, logged or echoed.
Appointments booked at any kiosk are found by that key (``booked_here`` tells the asking
kiosk which were its own); benefit statuses come from ``benefit_statuses``. Someone the hub
has never seen gets empty lists, not a 404, so a lookup reveals nothing about who is known.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from hub.clock import parse
from hub.db import Connection
from hub.demo_benefits import demo_benefit_statuses, demo_resident_id
from hub.fulfilment import person_key
from services.identity import mask_resident_id
from services.protocol import (
    Alarm,
    AppointmentRecord,
    BenefitPayment,
    BenefitStatus,
    LocalizedText,
    PersonLookup,
    PersonRecord,
)

MAX_APPOINTMENTS = 200  # PersonRecord.appointments limit: the most recent ones are sent
MAX_BENEFITS = 50


def lookup(conn: Connection, kiosk_id: str, body: PersonLookup, now: datetime) -> PersonRecord:
    key = person_key(conn.secret, body.resident_id)
    return PersonRecord(
        masked_id=mask_resident_id(body.resident_id),
        appointments=_appointments(conn, kiosk_id, key),
        benefits=_benefits(conn, key),
        as_of=now,
    )


def _appointments(conn: Connection, kiosk_id: str, key: str) -> list[AppointmentRecord]:
    rows = conn.execute(
        "SELECT a.reference, a.kiosk_id, a.slot_id, a.department_id, a.status,"
        " s.hospital_id, s.starts_at FROM appointments a JOIN slots s ON s.id = a.slot_id"
        " WHERE a.person_key = ? ORDER BY s.starts_at DESC, a.reference LIMIT ?",
        (key, MAX_APPOINTMENTS),
    ).fetchall()
    return [
        AppointmentRecord(
            reference=r["reference"],
            slot_id=r["slot_id"],
            hospital_id=r["hospital_id"],
            department_id=r["department_id"],
            starts_at=parse(r["starts_at"]),
            status=r["status"],
            booked_here=r["kiosk_id"] == kiosk_id,
        )
        for r in reversed(rows)  # soonest first
    ]


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _benefits(conn: Connection, key: str) -> list[BenefitStatus]:
    rows = conn.execute(
        "SELECT * FROM benefit_statuses WHERE person_key = ? ORDER BY kind LIMIT ?",
        (key, MAX_BENEFITS),
    ).fetchall()
    return [
        BenefitStatus.model_validate(
            {
                "kind": r["kind"],
                "name": LocalizedText.model_validate_json(r["name_json"]),
                "status": r["status"],
                "amount_fen": r["amount_fen"],
                "period": r["period"],
                "applied_on": _day(r["applied_on"]),
                "next_payment_on": _day(r["next_payment_on"]),
                "payments": [
                    BenefitPayment.model_validate(p) for p in json.loads(r["payments_json"])
                ],
                "note": None
                if r["note_json"] is None
                else LocalizedText.model_validate_json(r["note_json"]),
            }
        )
        for r in rows
    ]


def put_status(conn: Connection, resident_id: str, status: BenefitStatus) -> bool:
    """Insert a status for a person unless one of that kind exists; True if inserted.

    (How statuses get into a real hub - from the civil-affairs back office - is out of scope;
    the demo loads some, and tests use this.) Call inside a write transaction.
    """
    data: dict[str, Any] = status.model_dump(mode="json")
    cur = conn.execute(
        "INSERT INTO benefit_statuses (person_key, kind, status, name_json, amount_fen,"
        " period, applied_on, next_payment_on, payments_json, note_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (
            person_key(conn.secret, resident_id),
            status.kind,
            status.status,
            json.dumps(data["name"], ensure_ascii=False),
            status.amount_fen,
            status.period,
            data["applied_on"],
            data["next_payment_on"],
            json.dumps(data["payments"]),
            None if status.note is None else json.dumps(data["note"], ensure_ascii=False),
        ),
    )
    return cur.rowcount > 0


def age_on(resident_id: str, today: date) -> int | None:
    """Age in whole years from the birth date inside an 18-digit ID (None if impossible)."""
    try:
        born = date(int(resident_id[6:10]), int(resident_id[10:12]), int(resident_id[12:14]))
    except ValueError:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def alarm_person(secret: str, alarm: Alarm, now: datetime) -> tuple[str | None, int | None]:
    """The hub's key for the senior of an alarm and their age, when the kiosk sent the ID
    (which is then dropped); (None, None) otherwise."""
    resident = alarm.person.resident_id if alarm.person is not None else None
    if resident is None:
        return None, None
    return person_key(secret, resident), age_on(resident, now.date())


def put_resident(
    conn: Connection,
    resident_id: str,
    *,
    phone: str | None = None,
    contact_name: str | None = None,
    contact_phone: str | None = None,
    note: str | None = None,
) -> None:
    """Record (or replace) what the service centre knows to call a senior back and whom to
    tell in an emergency. Call inside a write transaction."""
    conn.execute(
        "INSERT INTO residents (person_key, phone, contact_name, contact_phone, note)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_key) DO UPDATE SET phone = excluded.phone,"
        " contact_name = excluded.contact_name, contact_phone = excluded.contact_phone,"
        " note = excluded.note",
        (person_key(conn.secret, resident_id), phone, contact_name, contact_phone, note),
    )


def load_demo_statuses(conn: Connection, today: date) -> int:
    """The invented demo residents' benefit records (existing rows are kept)."""
    return sum(put_status(conn, rid, status) for rid, status in demo_benefit_statuses(today))


def load_demo_contacts(conn: Connection) -> int:
    """The invented demo residents' phones and emergency contacts (existing rows are kept)."""
    added = 0
    for rid, phone, contact, contact_phone, note in DEMO_CONTACTS:
        known = conn.execute(
            "SELECT 1 FROM residents WHERE person_key = ?", (person_key(conn.secret, rid),)
        ).fetchone()
        if known is None:
            put_resident(
                conn, rid, phone=phone, contact_name=contact, contact_phone=contact_phone, note=note
            )
            added += 1
    return added


# Invented demo residents' contacts: (ID, phone, emergency contact, their phone, note).
DEMO_CONTACTS = (
    (demo_resident_id(1), "13912345601", "李明（儿子）", "13812345611", "高血压，独居"),
    (demo_resident_id(2), "02152345602", "张华（女儿）", "13712345622", None),
)
