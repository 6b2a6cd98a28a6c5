"""Staff credentials: the admin PIN, helper accounts (PIN and/or badge) and PIN lockout.

Secrets are never stored: each PIN or badge number is hashed with scrypt and its own random
salt (``staff_accounts``). Failed attempts are counted per scope ("admin", "helper") in the
``auth_lockout`` table, so a restart does not reset them: the first :data:`FREE_ATTEMPTS`
failures cost nothing; from then on every further failure locks the scope for a wait that
doubles each time (30 s, 60 s, 120 s ... capped at an hour). A success clears the count.

The clock is passed in (``now`` as epoch seconds, wall time because it must survive a
restart), so tests check the growing delay without sleeping.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from services.store import StoreConnection, iso, utcnow

ADMIN: Final = "admin"
HELPER: Final = "helper"
FREE_ATTEMPTS: Final = 5
BASE_DELAY_S: Final = 30.0
MAX_DELAY_S: Final = 3600.0
PIN_MIN, PIN_MAX = 4, 12
BADGE_MIN, BADGE_MAX = 4, 32
NAME_MAX = 40
# scrypt cost: ~50 ms per check on a kiosk-class CPU; fine on the data thread, slow for guessing.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


class CredentialError(ValueError):
    """A PIN, badge or name that cannot be used; ``reason`` is a stable code for the screen."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class AuthResult:
    ok: bool
    name: str = ""  # the helper's (or "admin") name when ok
    role: str = ""  # ADMIN or HELPER when ok
    wait_s: float = 0.0  # > 0: locked; try again after this many seconds
    failures: int = 0


@dataclass(frozen=True, slots=True)
class HelperAccount:
    id: int
    name: str
    has_pin: bool
    has_badge: bool


def hash_secret(secret: str, salt: bytes | None = None) -> tuple[bytes, bytes]:
    """(salt, scrypt hash) of ``secret``; a fresh 16-byte salt unless one is given."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    return salt, hashlib.scrypt(secret.encode("utf-8"), salt=salt, **_SCRYPT)


def _matches(secret: str, salt: bytes | None, digest: bytes | None) -> bool:
    if salt is None or digest is None:
        return False
    return hmac.compare_digest(hash_secret(secret, bytes(salt))[1], bytes(digest))


def validate_pin(pin: str) -> str:
    pin = pin.strip()
    if not pin.isascii() or not pin.isdigit():
        raise CredentialError("pin_not_digits")
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        raise CredentialError("pin_length")
    return pin


def validate_badge(badge: str) -> str:
    badge = badge.strip()
    if not badge.isascii() or not badge.isalnum() or not BADGE_MIN <= len(badge) <= BADGE_MAX:
        raise CredentialError("badge_invalid")
    return badge


# -- admin PIN ---------------------------------------------------------------------------------


def admin_pin_set(conn: StoreConnection) -> bool:
    return bool(conn.scalar("SELECT COUNT(*) FROM staff_accounts WHERE role = 'admin'"))


def set_admin_pin(conn: StoreConnection, pin: str) -> None:
    """Replace the admin PIN (there is one admin PIN per kiosk) and clear its lockout."""
    salt, digest = hash_secret(validate_pin(pin))
    with conn.transaction():
        conn.execute("DELETE FROM staff_accounts WHERE role = 'admin'")
        conn.execute(
            "INSERT INTO staff_accounts(role, name, pin_salt, pin_hash, created_at)"
            " VALUES ('admin', 'admin', ?, ?, ?)",
            (salt, digest, iso(utcnow())),
        )
        conn.execute("DELETE FROM auth_lockout WHERE scope = ?", (ADMIN,))


def check_admin_pin(conn: StoreConnection, pin: str, now: float) -> AuthResult:
    rows = conn.query("SELECT pin_salt, pin_hash FROM staff_accounts WHERE role = 'admin'")

    def who() -> str | None:
        ok = any(_matches(pin.strip(), r["pin_salt"], r["pin_hash"]) for r in rows)
        return "admin" if ok else None

    return _attempt(conn, ADMIN, now, who)


# -- helpers -----------------------------------------------------------------------------------


def add_helper(
    conn: StoreConnection, name: str, pin: str | None = None, badge: str | None = None
) -> int:
    name = " ".join(name.split())
    if not name or len(name) > NAME_MAX:
        raise CredentialError("name_invalid")
    if not pin and not badge:
        raise CredentialError("pin_or_badge_needed")
    pin_salt = pin_hash = badge_salt = badge_hash = None
    if pin:
        pin_salt, pin_hash = hash_secret(validate_pin(pin))
    if badge:
        badge_salt, badge_hash = hash_secret(validate_badge(badge))
    with conn.transaction():
        if conn.scalar(
            "SELECT COUNT(*) FROM staff_accounts WHERE role = 'helper' AND name = ?", (name,)
        ):
            raise CredentialError("name_taken")
        cur = conn.execute(
            "INSERT INTO staff_accounts(role, name, pin_salt, pin_hash, badge_salt, badge_hash,"
            " created_at) VALUES ('helper', ?, ?, ?, ?, ?, ?)",
            (name, pin_salt, pin_hash, badge_salt, badge_hash, iso(utcnow())),
        )
        return int(cur.lastrowid or 0)


def remove_helper(conn: StoreConnection, helper_id: int) -> bool:
    with conn.transaction():
        cur = conn.execute(
            "DELETE FROM staff_accounts WHERE role = 'helper' AND id = ?", (helper_id,)
        )
        return cur.rowcount > 0


def list_helpers(conn: StoreConnection) -> list[HelperAccount]:
    rows = conn.query(
        "SELECT id, name, pin_hash IS NOT NULL AS p, badge_hash IS NOT NULL AS b"
        " FROM staff_accounts WHERE role = 'helper' ORDER BY name"
    )
    return [HelperAccount(int(r["id"]), r["name"], bool(r["p"]), bool(r["b"])) for r in rows]


def check_helper(conn: StoreConnection, secret: str, now: float) -> AuthResult:
    """A helper's PIN or badge number (a card reader types the badge digits)."""
    return _attempt(conn, HELPER, now, lambda: _helper_named_by(conn, secret))


def _helper_named_by(conn: StoreConnection, secret: str) -> str | None:
    secret = secret.strip()
    rows = conn.query(
        "SELECT name, pin_salt, pin_hash, badge_salt, badge_hash FROM staff_accounts"
        " WHERE role = 'helper' ORDER BY id"
    )
    for r in rows:
        if _matches(secret, r["pin_salt"], r["pin_hash"]) or _matches(
            secret, r["badge_salt"], r["badge_hash"]
        ):
            return str(r["name"])
    return None


def check_staff(conn: StoreConnection, secret: str, now: float) -> AuthResult:
    """The hidden entry's keypad: the admin PIN opens the admin screen, a helper's PIN or badge
    starts helper mode. One lockout counter for both, so neither gives extra guesses."""
    rows = conn.query("SELECT pin_salt, pin_hash FROM staff_accounts WHERE role = 'admin'")
    found: list[str] = []

    def who() -> str | None:
        if any(_matches(secret.strip(), r["pin_salt"], r["pin_hash"]) for r in rows):
            found.append(ADMIN)
            return "admin"
        name = _helper_named_by(conn, secret)
        if name is not None:
            found.append(HELPER)
        return name

    result = _attempt(conn, ADMIN, now, who)
    if result.ok and found == [HELPER]:
        return AuthResult(True, name=result.name, role=HELPER)
    return result


# -- lockout -----------------------------------------------------------------------------------


def delay_after(failures: int) -> float:
    """Seconds locked after the ``failures``-th failure in a row (0 for the free attempts)."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY_S, BASE_DELAY_S * float(2 ** (failures - FREE_ATTEMPTS)))


def lockout(conn: StoreConnection, scope: str, now: float) -> tuple[int, float]:
    """(failures so far, seconds still to wait) for ``scope``."""
    rows = conn.query(
        "SELECT failures, locked_until_ts FROM auth_lockout WHERE scope = ?", (scope,)
    )
    if not rows:
        return 0, 0.0
    return int(rows[0]["failures"]), max(0.0, float(rows[0]["locked_until_ts"]) - now)


#: Failures counted while the store is read-only (a read-only or full data folder): they
#: cannot be written, and a wrong PIN must still lock. Keyed by database file and scope.
_unwritten_lockouts: dict[tuple[str, str], tuple[int, float]] = {}


def _attempt(
    conn: StoreConnection, scope: str, now: float, check: Callable[[], str | None]
) -> AuthResult:
    failures, wait = lockout(conn, scope, now)
    if conn.read_only:
        return _attempt_unwritten(conn, scope, now, check, (failures, wait))
    if wait > 0:
        # Locked: the secret is not even checked, so guessing during the wait gains nothing.
        return AuthResult(False, wait_s=wait, failures=failures)
    name = check()
    with conn.transaction():
        if name is not None:
            conn.execute("DELETE FROM auth_lockout WHERE scope = ?", (scope,))
            return AuthResult(True, name=name, role=ADMIN if scope == ADMIN else HELPER)
        failures += 1
        wait = delay_after(failures)
        conn.execute(
            "INSERT INTO auth_lockout(scope, failures, locked_until_ts) VALUES (?, ?, ?)"
            " ON CONFLICT(scope) DO UPDATE SET failures = excluded.failures,"
            " locked_until_ts = excluded.locked_until_ts",
            (scope, failures, now + wait),
        )
    return AuthResult(False, wait_s=wait, failures=failures)


def _attempt_unwritten(
    conn: StoreConnection,
    scope: str,
    now: float,
    check: Callable[[], str | None],
    stored: tuple[int, float],
) -> AuthResult:
    key = (str(conn.path), scope)
    failures, locked_until = _unwritten_lockouts.get(key, (stored[0], now + stored[1]))
    if locked_until > now:
        return AuthResult(False, wait_s=locked_until - now, failures=failures)
    name = check()
    if name is not None:
        _unwritten_lockouts.pop(key, None)
        return AuthResult(True, name=name, role=ADMIN if scope == ADMIN else HELPER)
    failures += 1
    wait = delay_after(failures)
    _unwritten_lockouts[key] = (failures, now + wait)
    return AuthResult(False, wait_s=wait, failures=failures)
