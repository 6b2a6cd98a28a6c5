"""Versioned schema migrations for the kiosk's SQLite file.

Each migration is a plain function registered with :func:`migration` under a version number.
:func:`migrate` applies, in order, every migration newer than ``PRAGMA user_version``; each one
runs in its own ``BEGIN IMMEDIATE`` transaction together with the ``user_version`` bump, so a
crash or an error leaves the file at the previous version, never half-way.

Rules for adding a migration: never edit a released one; add a new function with the next
number; keep it idempotent-free (it runs exactly once per file) and data-preserving.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

MigrationFn = Callable[[sqlite3.Connection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: MigrationFn


_REGISTRY: dict[int, Migration] = {}


def migration(version: int) -> Callable[[MigrationFn], MigrationFn]:
    """Register ``fn`` as the migration that brings the schema to ``version``."""

    def register(fn: MigrationFn) -> MigrationFn:
        if version in _REGISTRY:
            raise ValueError(f"migration {version} is already registered")
        _REGISTRY[version] = Migration(version, fn.__name__, fn)
        return fn

    return register


def migrations() -> list[Migration]:
    """All registered migrations, oldest first."""
    return [_REGISTRY[v] for v in sorted(_REGISTRY)]


def latest_version() -> int:
    return max(_REGISTRY)


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the schema up to ``target`` (default: latest). Returns the resulting version.

    ``conn`` must be in autocommit mode (``isolation_level=None``), as every :class:`Store`
    connection is. A file newer than this code is refused rather than silently misread.
    """
    goal = latest_version() if target is None else target
    have = current_version(conn)
    if have > latest_version():
        raise RuntimeError(
            f"database schema version {have} is newer than this program ({latest_version()})"
        )
    for mig in migrations():
        if mig.version <= have or mig.version > goal:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-check under the write lock: another process may have migrated meanwhile.
            if current_version(conn) >= mig.version:
                conn.execute("ROLLBACK")
                continue
            mig.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(mig.version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return current_version(conn)


def _run(conn: sqlite3.Connection, *statements: str) -> None:
    for sql in statements:
        conn.execute(sql)


# --------------------------------------------------------------------------------------------
# The migrations. Times are ISO-8601 UTC text unless the column name ends in ``_ts`` (epoch s).
# --------------------------------------------------------------------------------------------


@migration(1)
def core_tables(conn: sqlite3.Connection) -> None:
    """Settings, local business rows for hub requests, and the outbox."""
    _run(
        conn,
        """CREATE TABLE kv (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE requests (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            lane TEXT NOT NULL DEFAULT 'normal',
            payload TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued',
            reference TEXT,
            reason_code TEXT,
            reason_message TEXT,
            alternatives TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            delivered_at TEXT
        )""",
        "CREATE INDEX requests_state ON requests(state)",
        """CREATE TABLE outbox (
            request_id TEXT PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
            lane TEXT NOT NULL CHECK (lane IN ('normal', 'emergency')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_ts REAL NOT NULL,
            enqueued_ts REAL NOT NULL,
            last_error TEXT
        )""",
        "CREATE INDEX outbox_due ON outbox(lane, next_attempt_ts)",
    )


@migration(2)
def catalogue_cache(conn: sqlite3.Connection) -> None:
    """Catalogue bodies with their ETags, and an indexed slot table for fast queries."""
    _run(
        conn,
        """CREATE TABLE catalogues (
            name TEXT PRIMARY KEY,
            etag TEXT,
            body TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            checked_at TEXT NOT NULL
        )""",
        """CREATE TABLE catalogue_slots (
            id TEXT PRIMARY KEY,
            hospital_id TEXT NOT NULL,
            department_id TEXT NOT NULL,
            day TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            remaining INTEGER NOT NULL,
            senior_reserved INTEGER NOT NULL,
            body TEXT NOT NULL
        )""",
        "CREATE INDEX catalogue_slots_by_department"
        " ON catalogue_slots(department_id, day, starts_at)",
        "CREATE INDEX catalogue_slots_by_hospital ON catalogue_slots(hospital_id, day)",
    )


@migration(3)
def dead_letters_and_status(conn: sqlite3.Connection) -> None:
    """Dead letters, hub-side status detail, and an index for the PII purge."""
    _run(
        conn,
        """CREATE TABLE dead_letters (
            request_id TEXT PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            lane TEXT NOT NULL,
            reason TEXT NOT NULL,
            http_status INTEGER,
            attempts INTEGER NOT NULL,
            failed_at TEXT NOT NULL
        )""",
        "ALTER TABLE requests ADD COLUMN helper_id TEXT",
        "ALTER TABLE requests ADD COLUMN hub_status TEXT",
        "ALTER TABLE requests ADD COLUMN status_seq INTEGER",
        "ALTER TABLE requests ADD COLUMN detail TEXT",
        "CREATE INDEX requests_delivered ON requests(delivered_at)",
    )


@migration(4)
def person_lookups_and_catalogue_problems(conn: sqlite3.Connection) -> None:
    """Cached hub answers about one senior (keyed by an opaque key, never the ID number),
    and the latest refused version of each catalogue, for the admin."""
    _run(
        conn,
        """CREATE TABLE person_lookups (
            person_key TEXT PRIMARY KEY,
            record TEXT NOT NULL,
            fetched_at TEXT NOT NULL
        )""",
        "CREATE INDEX person_lookups_fetched ON person_lookups(fetched_at)",
        """CREATE TABLE catalogue_problems (
            catalogue TEXT PRIMARY KEY,
            problem TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
    )


@migration(5)
def emergency_alarms(conn: sqlite3.Connection) -> None:
    """Emergency alarms and their history (services/alarms.py). Never deleted: triggers refuse."""
    _run(
        conn,
        """CREATE TABLE alarms (
            id TEXT PRIMARY KEY,
            raised_at TEXT NOT NULL,
            drill INTEGER NOT NULL,
            kiosk_name TEXT NOT NULL,
            location TEXT NOT NULL,
            masked_id TEXT,
            helper TEXT,
            state TEXT NOT NULL,
            state_at TEXT NOT NULL,
            operator TEXT,
            hub_received_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            cancel_reason TEXT,
            cancel_requested_at TEXT,
            cancel_sent_at TEXT
        )""",
        "CREATE INDEX alarms_by_state ON alarms(state, raised_at)",
        """CREATE TABLE alarm_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            alarm_id TEXT NOT NULL REFERENCES alarms(id),
            event TEXT NOT NULL,
            at TEXT NOT NULL,
            detail TEXT
        )""",
        "CREATE INDEX alarm_events_by_alarm ON alarm_events(alarm_id, seq)",
        "CREATE TRIGGER alarms_never_deleted BEFORE DELETE ON alarms"
        " BEGIN SELECT RAISE(ABORT, 'alarms are never deleted'); END",
        "CREATE TRIGGER alarm_events_never_deleted BEFORE DELETE ON alarm_events"
        " BEGIN SELECT RAISE(ABORT, 'alarm history is never deleted'); END",
    )


@migration(6)
def admin_and_audit(conn: sqlite3.Connection) -> None:
    """Admin PIN and helper accounts (scrypt hashes only), PIN lockout that survives a restart,
    the helper audit log (masked people only) and per-day usage counts (no personal data)."""
    _run(
        conn,
        """CREATE TABLE staff_accounts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            role TEXT NOT NULL CHECK (role IN ('admin', 'helper')),
            name TEXT NOT NULL,
            pin_salt BLOB,
            pin_hash BLOB,
            badge_salt BLOB,
            badge_hash BLOB,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE auth_lockout (
            scope TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until_ts REAL NOT NULL
        )""",
        """CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            helper TEXT NOT NULL,
            action TEXT NOT NULL,
            masked_person TEXT,
            request_id TEXT
        )""",
        """CREATE TABLE usage_daily (
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (day, kind)
        )""",
    )
