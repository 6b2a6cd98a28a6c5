"""The helper audit log: who acted, when, what, and for which (masked) person.

Helpers act for seniors through the ordinary screens, so the flows need not know about
helper mode. Instead every request the screens queue gets a row in ``requests`` (the outbox
writes it), and helper mode keeps a *watermark*: the highest ``requests`` rowid when the
helper signed in. :func:`audit_new_requests` then records every request above the watermark
under the helper's name (and stamps ``requests.helper_id`` so the hub sees it too). Actions
that queue nothing (a benefit check) are recorded with :func:`record`.

Only masked IDs are ever written here (``3101**********123X``); the audit log is not personal
data in the sense of the purge, so it outlives it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from services.identity import IdentityError, mask_resident_id
from services.store import StoreConnection, iso, parse_iso, utcnow

# Request kinds (services/appointments, meals, benefits) to the audit's action names.
ACTIONS: Final = {
    "appointment.book": "booking",
    "appointment.cancel": "booking_cancel",
    "meal.order": "meal_order",
    "meal.cancel": "meal_cancel",
    "callback.request": "callback",
}
BENEFIT_CHECK: Final = "benefit_check"
BENEFIT_STATUS: Final = "benefit_status"
HELPER_SIGN_IN: Final = "helper_sign_in"
HELPER_SIGN_OUT: Final = "helper_sign_out"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: datetime
    helper: str
    action: str
    masked_person: str | None
    request_id: str | None


def safe_mask(person: str | None) -> str | None:
    """Mask ``person`` unless it already is; anything unrecognisable is dropped, never kept."""
    if not person:
        return None
    if "*" in person:
        return person
    try:
        return mask_resident_id(person)
    except IdentityError:
        return None


def record(
    conn: StoreConnection,
    helper: str,
    action: str,
    *,
    masked_person: str | None = None,
    request_id: str | None = None,
    at: datetime | None = None,
) -> None:
    with conn.transaction():
        conn.execute(
            "INSERT INTO audit_log(at, helper, action, masked_person, request_id)"
            " VALUES (?, ?, ?, ?, ?)",
            (iso(at or utcnow()), helper, action, safe_mask(masked_person), request_id),
        )


def request_watermark(conn: StoreConnection) -> int:
    return int(conn.scalar("SELECT COALESCE(MAX(rowid), 0) FROM requests"))


def _masked_from_payload(payload: str) -> str | None:
    try:
        body = json.loads(payload)
    except ValueError:
        return None
    person = body.get("person") if isinstance(body, dict) else None
    if isinstance(person, dict):
        return safe_mask(person.get("masked_id") or person.get("resident_id"))
    return None


def audit_new_requests(conn: StoreConnection, helper: str, after_rowid: int) -> int:
    """Record every request queued since ``after_rowid`` as ``helper``'s; the new watermark."""
    rows = conn.query(
        "SELECT rowid AS rid, id, kind, payload, created_at FROM requests WHERE rowid > ?"
        " ORDER BY rowid",
        (after_rowid,),
    )
    if not rows:
        return after_rowid
    with conn.transaction():
        for row in rows:
            conn.execute(
                "INSERT INTO audit_log(at, helper, action, masked_person, request_id)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    row["created_at"],
                    helper,
                    ACTIONS.get(row["kind"], row["kind"]),
                    _masked_from_payload(row["payload"]),
                    row["id"],
                ),
            )
            conn.execute(
                "UPDATE requests SET helper_id = ? WHERE id = ? AND helper_id IS NULL",
                (helper, row["id"]),
            )
    return int(rows[-1]["rid"])


def entries(conn: StoreConnection, limit: int = 200) -> list[AuditEntry]:
    rows = conn.query("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?", (limit,))
    out = []
    for r in rows:
        at = parse_iso(r["at"])
        assert at is not None
        out.append(
            AuditEntry(
                int(r["seq"]), at, r["helper"], r["action"], r["masked_person"], r["request_id"]
            )
        )
    return out
