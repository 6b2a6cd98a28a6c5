"""Who may look a senior up, and the log of every lookup.

A kiosk's token says which kiosk asks, not that a senior stands in front of it. A lookup
therefore carries the kiosk session in which the ID was entered (``KioskSession``), and the
hub holds each session to what one person at a kiosk does:

* a session is live for ``lookup_session_max_age_s`` from the hub's first lookup in it, and
  belongs to the kiosk that first used it;
* it concerns one senior (``lookup_people_per_session``), or a few when a helper acts for
  seniors (``lookup_people_per_helper_session``);
* one kiosk looks up at most ``lookup_people_per_hour`` different people an hour, and makes at
  most ``lookup_rate`` lookups per ``lookup_window_s`` (429 with Retry-After beyond either).

A stolen kiosk token can thus read a few records, slowly and on the record, not the city's.
Every lookup, allowed or refused, is written to ``lookup_log`` with the kiosk, the session, the
helper and the person's key (never the ID): ``yijiantong-hub lookups`` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from hub import limits
from hub.clock import iso
from hub.db import Connection, write
from hub.errors import HubError
from hub.settings import HubSettings
from services.protocol import KioskSession

ALLOWED = "allowed"


@dataclass(frozen=True)
class Refusal:
    status: int
    code: str
    message: str
    retry_after: int | None = None


def admit(
    conn: Connection,
    kiosk_id: str,
    *,
    session: KioskSession | None,
    key: str,
    settings: HubSettings,
    now: datetime,
) -> None:
    """Log the lookup; raise ``HubError`` (403 / 429) when it is refused."""
    limits.hit(conn, f"lookup|{kiosk_id}", settings.lookup_rate, settings.lookup_window_s, now)
    with write(conn):
        conn.lock("lookup", kiosk_id)
        refusal = _judge(conn, kiosk_id, session=session, key=key, settings=settings, now=now)
        conn.execute(
            "INSERT INTO lookup_log (at, kiosk_id, session_id, helper_id, person_key, outcome) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                iso(now),
                kiosk_id,
                str(session.session_id) if session else "-",
                session.helper_id if session else None,
                key,
                ALLOWED if refusal is None else refusal.code,
            ),
        )
    if refusal is not None:
        headers = None if refusal.retry_after is None else {"Retry-After": str(refusal.retry_after)}
        raise HubError(refusal.status, refusal.code, refusal.message, headers=headers)


def _judge(
    conn: Connection,
    kiosk_id: str,
    *,
    session: KioskSession | None,
    key: str,
    settings: HubSettings,
    now: datetime,
) -> Refusal | None:
    if session is None:
        return Refusal(
            403,
            "session_required",
            "A lookup needs the kiosk session in which the ID was entered.",
        )
    refused = _session_refusal(conn, kiosk_id, str(session.session_id), settings, now)
    if refused is not None:
        return refused
    sid = str(session.session_id)
    known = conn.execute(
        "SELECT 1 FROM lookup_log WHERE session_id = ? AND person_key = ? AND outcome = ? LIMIT 1",
        (sid, key, ALLOWED),
    ).fetchone()
    if known is not None:
        return None  # the same senior again (another page, a refresh)
    people = conn.execute(
        "SELECT COUNT(DISTINCT person_key) FROM lookup_log WHERE session_id = ? AND outcome = ?",
        (sid, ALLOWED),
    ).fetchone()[0]
    cap = (
        settings.lookup_people_per_helper_session
        if session.helper_id
        else settings.lookup_people_per_session
    )
    if people >= cap:
        return Refusal(
            403,
            "session_person_limit",
            "This session has already looked up someone else; start a new session.",
        )
    return _kiosk_refusal(conn, kiosk_id, settings, now)


def _session_refusal(
    conn: Connection, kiosk_id: str, sid: str, settings: HubSettings, now: datetime
) -> Refusal | None:
    other = conn.execute(
        "SELECT 1 FROM lookup_log WHERE session_id = ? AND kiosk_id != ? LIMIT 1", (sid, kiosk_id)
    ).fetchone()
    if other is not None:
        return Refusal(403, "session_mismatch", "This session belongs to another kiosk.")
    first = conn.execute(
        "SELECT MIN(at) FROM lookup_log WHERE session_id = ? AND kiosk_id = ?", (sid, kiosk_id)
    ).fetchone()[0]
    oldest_live = iso(now - timedelta(seconds=settings.lookup_session_max_age_s))
    if first is not None and first < oldest_live:
        return Refusal(403, "session_expired", "This kiosk session has ended; identify again.")
    return None


def _kiosk_refusal(
    conn: Connection, kiosk_id: str, settings: HubSettings, now: datetime
) -> Refusal | None:
    recent = conn.execute(
        "SELECT COUNT(DISTINCT person_key), MIN(at) FROM lookup_log "
        "WHERE kiosk_id = ? AND outcome = ? AND at >= ?",
        (kiosk_id, ALLOWED, iso(now - timedelta(hours=1))),
    ).fetchone()
    if recent[0] < settings.lookup_people_per_hour:
        return None
    oldest = datetime.fromisoformat(recent[1])
    wait = max(1, int((oldest + timedelta(hours=1) - now).total_seconds()) + 1)
    return Refusal(429, "rate_limited", "This kiosk has looked up many people; try later.", wait)


def log_rows(
    conn: Connection, kiosk_id: str | None = None, limit: int = 200
) -> list[dict[str, str]]:
    """The newest lookups (for ``yijiantong-hub lookups``)."""
    where, params = ("WHERE kiosk_id = ?", [kiosk_id]) if kiosk_id else ("", [])
    rows = conn.execute(
        "SELECT at, kiosk_id, session_id, helper_id, person_key, outcome FROM lookup_log "
        f"{where} ORDER BY id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [
        {
            "at": r["at"],
            "kiosk_id": r["kiosk_id"],
            "session_id": r["session_id"],
            "helper_id": r["helper_id"],
            "person": r["person_key"][:12],  # enough to follow one person, not the whole key
            "outcome": r["outcome"],
        }
        for r in rows
    ]
