"""What the hub knows about the identified senior: appointments and benefit statuses.

``lookup`` asks the hub (``POST /v1/people/lookup``) and caches the answer; when the hub
cannot be used it returns the cached answer with the time it was fetched, so the screen can
say "as of 3 days ago". The cache row is keyed by this kiosk's opaque key for the person
(:mod:`services.person_keys`), never by the ID number, and holds only what the hub sent
(masked ID, references, statuses); :func:`purge` drops old rows.

Runs on a worker thread (never the GUI thread). It cannot hang: every call goes through the
hub client's connect / read timeouts. Benefit status codes are open-ended - a hub may add one
before kiosks learn it - so an unknown code is passed through for the screen to show as
"ask staff" (:func:`status_known`), never treated as an error.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal

from pydantic import ValidationError

from services import protocol
from services.hub_client import (
    DEFAULT_TIMEOUT,
    HubClient,
    HubError,
    HubProtocolError,
    HubUnavailable,
)
from services.identity import ResidentId
from services.person_keys import person_key
from services.store import StoreConnection, iso, parse_iso, utcnow
from services.sync import credentials

log = logging.getLogger(__name__)

Problem = Literal["offline", "hub_error", "malformed"]
_KNOWN: Final = frozenset(protocol.KNOWN_BENEFIT_STATUSES)


@dataclass(frozen=True)
class LookupResult:
    """``record`` is None when nothing is known (never fetched and the hub unreachable).
    ``fresh`` means it came from the hub just now; otherwise ``problem`` says why not and
    ``fetched_at`` how old the cached answer is."""

    record: protocol.PersonRecord | None
    fetched_at: datetime | None
    fresh: bool
    problem: Problem | None

    def age(self, now: datetime | None = None) -> timedelta | None:
        return None if self.fetched_at is None else (now or utcnow()) - self.fetched_at


def status_known(code: str) -> bool:
    """True for the benefit status codes this kiosk has words for."""
    return code in _KNOWN


def client_from_store(
    conn: StoreConnection, timeout: tuple[float, float] = DEFAULT_TIMEOUT
) -> HubClient | None:
    """A client for the enrolled hub, as the sync worker builds it; None when not enrolled.

    It has its own ``requests.Session``: keep the client on the thread that made it.
    """
    url, token, enrolled = credentials(conn)
    if not (url and token and enrolled):
        return None
    return HubClient(url, token, timeout=timeout)


def cached(conn: StoreConnection, person: ResidentId) -> LookupResult:
    """The last answer fetched for ``person`` (not fresh; ``problem`` left None)."""
    rows = conn.query(
        "SELECT record, fetched_at FROM person_lookups WHERE person_key = ?",
        (person_key(conn, person),),
    )
    if not rows:
        return LookupResult(None, None, fresh=False, problem=None)
    try:
        record = protocol.PersonRecord.model_validate_json(rows[0]["record"])
    except ValidationError:
        # Written by an older version with another protocol: treat as never fetched.
        return LookupResult(None, None, fresh=False, problem=None)
    return LookupResult(record, parse_iso(rows[0]["fetched_at"]), fresh=False, problem=None)


def _fallback(conn: StoreConnection, person: ResidentId, problem: Problem) -> LookupResult:
    found = cached(conn, person)
    return LookupResult(found.record, found.fetched_at, fresh=False, problem=problem)


def _problem(exc: HubError) -> Problem:
    if isinstance(exc, HubUnavailable):
        return "offline"
    if isinstance(exc, HubProtocolError):
        return "malformed"
    return "hub_error"  # 5xx, refused token, refused request


def lookup(
    conn: StoreConnection,
    client: HubClient | None,
    person: ResidentId,
    now: datetime | None = None,
    *,
    session: protocol.KioskSession | None = None,
) -> LookupResult:
    """Fetch ``person``'s record from the hub and cache it; on any hub failure (or with no
    client: not enrolled) return the cached record with its age and the problem.

    ``session`` tells the hub the ID was entered in this kiosk's live session (the hub
    refuses lookups without it). Without one, the lookup is described as keyed in just now in
    a session of its own.
    """
    if client is None:
        return _fallback(conn, person, "offline")
    proof = session or protocol.KioskSession(
        session_id=uuid.uuid4(), identified_at=utcnow(), entry="keypad"
    )
    try:
        record = client.lookup_person(
            protocol.PersonLookup(resident_id=person.number, session=proof)
        )
    except HubError as exc:
        # The message names the hub, never the person.
        log.info("person lookup failed, using the cache: %s", exc)
        return _fallback(conn, person, _problem(exc))
    if record.masked_id != person.masked:
        log.warning("person lookup answered for someone else; ignored")
        return _fallback(conn, person, "malformed")
    stamp = iso(now or utcnow())  # stored to the millisecond: report what a re-read gives
    key = person_key(conn, person)
    with conn.transaction():
        conn.raw.execute(
            "INSERT INTO person_lookups(person_key, record, fetched_at) VALUES (?, ?, ?)"
            " ON CONFLICT(person_key) DO UPDATE SET record = excluded.record,"
            " fetched_at = excluded.fetched_at",
            (key, record.model_dump_json(), stamp),
        )
    return LookupResult(record, parse_iso(stamp), fresh=True, problem=None)


def purge(conn: StoreConnection, older_than: timedelta, now: datetime | None = None) -> int:
    """Delete cached answers fetched more than ``older_than`` ago; returns how many."""
    cutoff = iso((now or utcnow()) - older_than)
    with conn.transaction():
        return conn.raw.execute(
            "DELETE FROM person_lookups WHERE fetched_at < ?", (cutoff,)
        ).rowcount
