"""``POST /v1/people/lookup``: what the hub holds about one senior, for any kiosk.

The ID number arrives in the body (never a URL), is turned into the hub's keyed hash
(``fulfilment.person_key``) and is then forgotten: it is never stored, logged or echoed.
Appointments booked at any kiosk are found by that key (``booked_here`` tells the asking
kiosk which were its own); benefit statuses come from ``benefit_statuses``. Someone the hub
has never seen gets empty lists, not a 404, so a lookup reveals nothing about who is known.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from typing import Any

from hub.clock import parse
from hub.db import get_meta
from hub.demo_benefits import demo_benefit_statuses
from hub.fulfilment import person_key
from services.identity import mask_resident_id
from services.protocol import (
    AppointmentRecord,
    BenefitPayment,
    BenefitStatus,
    LocalizedText,
    PersonLookup,
    PersonRecord,
)

MAX_APPOINTMENTS = 200  # PersonRecord.appointments limit: the most recent ones are sent
MAX_BENEFITS = 50


def _secret(conn: sqlite3.Connection) -> str:
    return get_meta(conn, "person_key_secret") or ""


def lookup(
    conn: sqlite3.Connection, kiosk_id: str, body: PersonLookup, now: datetime
) -> PersonRecord:
    key = person_key(_secret(conn), body.resident_id)
    return PersonRecord(
        masked_id=mask_resident_id(body.resident_id),
        appointments=_appointments(conn, kiosk_id, key),
        benefits=_benefits(conn, key),
        as_of=now,
    )


def _appointments(conn: sqlite3.Connection, kiosk_id: str, key: str) -> list[AppointmentRecord]:
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


def _benefits(conn: sqlite3.Connection, key: str) -> list[BenefitStatus]:
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


def put_status(conn: sqlite3.Connection, resident_id: str, status: BenefitStatus) -> bool:
    """Insert a status for a person unless one of that kind exists; True if inserted.

    (How statuses get into a real hub - from the civil-affairs back office - is out of scope;
    the demo loads some, and tests use this.) Call inside a write transaction.
    """
    data: dict[str, Any] = status.model_dump(mode="json")
    cur = conn.execute(
        "INSERT OR IGNORE INTO benefit_statuses (person_key, kind, status, name_json, amount_fen,"
        " period, applied_on, next_payment_on, payments_json, note_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            person_key(_secret(conn), resident_id),
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


def load_demo_statuses(conn: sqlite3.Connection, today: date) -> int:
    """The invented demo residents' benefit records (existing rows are kept)."""
    return sum(put_status(conn, rid, status) for rid, status in demo_benefit_statuses(today))
