"""Opaque per-kiosk keys for a senior: group one person's rows without keeping the ID number.

``person_key(conn, person)`` is an HMAC-SHA256 of the resident ID under a random secret that
is created on first use and never leaves this kiosk's database. The same senior always gets
the same key here (so a cached hub answer can be found again), the key cannot be reversed
to the ID, and two kiosks give different keys (so a leaked cache links nothing across sites).
It is also what ``PersonRef.person_key`` carries where the hub does not need the real ID.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

from services.identity import ResidentId
from services.store import StoreConnection, iso, utcnow

KEY_PERSON_SECRET: Final = "person_key_secret"


def _secret(conn: StoreConnection) -> str:
    found = conn.get(KEY_PERSON_SECRET)
    if found is not None:
        return found
    with conn.transaction():
        # INSERT OR IGNORE: two threads racing here both end up with the first secret.
        conn.raw.execute(
            "INSERT OR IGNORE INTO kv(key, value, updated_at) VALUES (?, ?, ?)",
            (KEY_PERSON_SECRET, secrets.token_hex(32), iso(utcnow())),
        )
    value = conn.get(KEY_PERSON_SECRET)
    assert value is not None
    return value


def person_key(conn: StoreConnection, person: ResidentId) -> str:
    """The opaque key of ``person`` on this kiosk (64 hex characters)."""
    secret = _secret(conn).encode()
    return hmac.new(secret, person.number.encode(), hashlib.sha256).hexdigest()
