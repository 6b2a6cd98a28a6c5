"""Kiosk identity: one-time enrolment codes, bearer tokens, revocation, heartbeats.

Only SHA-256 digests of codes and tokens are stored: a copy of the hub database
is not enough to impersonate a kiosk.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from hub.clock import iso, parse
from hub.db import Connection, Row, write
from services.protocol import Heartbeat

CODE_LIFETIME = timedelta(hours=24)
HEARTBEAT_INTERVAL_S = 60
SILENT_AFTER_S = 3 * HEARTBEAT_INTERVAL_S  # flagged after three missed heartbeats
# Unambiguous characters for codes people read aloud or type: no 0/O, 1/I/L.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_enrolment_code(conn: Connection, now: datetime) -> str:
    """Create and return a one-time code like ``7K3Q-9MPX`` (valid 24 h)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    with write(conn):
        conn.execute(
            "INSERT INTO enrolment_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)",
            (_digest(raw), iso(now), iso(now + CODE_LIFETIME)),
        )
    return f"{raw[:4]}-{raw[4:]}"


class EnrolmentError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def enrol(
    conn: Connection, code: str, kiosk_name: str, location: str, now: datetime
) -> tuple[str, str]:
    """Spend ``code`` and register a kiosk; returns (kiosk_id, token)."""
    code_hash = _digest(normalise_code(code))
    token = secrets.token_urlsafe(32)
    with write(conn):
        row = conn.execute(
            "SELECT expires_at, used_at FROM enrolment_codes WHERE code_hash = ?"
            + conn.for_update,  # two kiosks racing with one code: the second sees it used
            (code_hash,),
        ).fetchone()
        if row is None:
            raise EnrolmentError("invalid_code", "Unknown enrolment code.")
        if row["used_at"] is not None:
            raise EnrolmentError("code_used", "This enrolment code has already been used.")
        if parse(row["expires_at"]) <= now:
            raise EnrolmentError("code_expired", "This enrolment code has expired.")
        kiosk_id = "K" + secrets.token_hex(6).upper()
        conn.execute(
            "INSERT INTO kiosks (id, name, location, token_hash, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (kiosk_id, kiosk_name, location, _digest(token), iso(now)),
        )
        conn.execute(
            "UPDATE enrolment_codes SET used_at = ?, kiosk_id = ? WHERE code_hash = ?",
            (iso(now), kiosk_id, code_hash),
        )
    return kiosk_id, token


def authenticate(conn: Connection, token: str) -> tuple[str | None, bool]:
    """(kiosk_id, revoked) for a bearer token; (None, False) if unknown."""
    row = conn.execute(
        "SELECT id, revoked_at FROM kiosks WHERE token_hash = ?", (_digest(token),)
    ).fetchone()
    if row is None:
        return None, False
    return str(row["id"]), row["revoked_at"] is not None


def revoke(conn: Connection, kiosk_id: str, now: datetime) -> bool:
    """Revoke a kiosk's token; False if the kiosk is unknown. Idempotent."""
    with write(conn):
        cur = conn.execute(
            "UPDATE kiosks SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
            (iso(now), kiosk_id),
        )
    return cur.rowcount > 0


def record_heartbeat(conn: Connection, kiosk_id: str, beat: Heartbeat, now: datetime) -> None:
    with write(conn):
        conn.execute(
            "UPDATE kiosks SET last_seen = ?, last_heartbeat = ? WHERE id = ?",
            (iso(now), beat.model_dump_json(), kiosk_id),
        )


def silent_kiosks(
    conn: Connection, now: datetime, silent_after_s: int = SILENT_AFTER_S
) -> list[Row]:
    """Unrevoked kiosks not heard from for ``silent_after_s`` (see :func:`kiosk_statuses`),
    found by the database alone: the operator board asks for this often, with thousands of
    kiosks enrolled. Times are canonical text, so text order is time order."""
    cutoff = iso(now - timedelta(seconds=silent_after_s))
    return list(
        conn.execute(
            "SELECT id, name, location, last_seen FROM kiosks WHERE revoked_at IS NULL"
            " AND COALESCE(last_seen, created_at) < ? ORDER BY created_at, id",
            (cutoff,),
        ).fetchall()
    )


@dataclass(frozen=True)
class KioskStatus:
    kiosk_id: str
    name: str
    location: str
    last_seen: datetime | None
    revoked: bool
    silent: bool
    last_heartbeat: Heartbeat | None


def kiosk_statuses(
    conn: Connection, now: datetime, silent_after_s: int = SILENT_AFTER_S
) -> list[KioskStatus]:
    """All kiosks with a ``silent`` flag: not heard from for ``silent_after_s``.

    A kiosk that enrolled but never called in counts as silent once its enrolment
    is that old, so a kiosk that dies right after set-up is still noticed.
    """
    result: list[KioskStatus] = []
    for row in conn.execute("SELECT * FROM kiosks ORDER BY created_at, id"):
        seen = parse(row["last_seen"]) if row["last_seen"] else None
        reference = seen or parse(row["created_at"])
        revoked = row["revoked_at"] is not None
        beat = (
            Heartbeat.model_validate_json(row["last_heartbeat"]) if row["last_heartbeat"] else None
        )
        result.append(
            KioskStatus(
                kiosk_id=row["id"],
                name=row["name"],
                location=row["location"],
                last_seen=seen,
                revoked=revoked,
                silent=not revoked and (now - reference).total_seconds() > silent_after_s,
                last_heartbeat=beat,
            )
        )
    return result
