"""The hub's schema as numbered migrations, one script per engine (SQLite, PostgreSQL).

Both engines keep the same tables, columns and value forms: times are canonical ISO-8601 text
(``hub.clock.iso``: Asia/Shanghai offset, whole seconds), so comparing them as text orders them
in time on either engine; flags are integers. Only what the engines spell differently differs
(auto-numbered keys, rebuilding a table in SQLite).

``schema_migrations`` records what was applied. A SQLite file from before migrations existed
has the tables of version 1 (perhaps without the meal columns added later): version 1 is
written with ``IF NOT EXISTS`` and adds missing columns, so it brings such a file up to date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hub.db import Connection

_V1_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    kiosk_id TEXT
);
CREATE TABLE IF NOT EXISTS kiosks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    location TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    last_seen TEXT,
    last_heartbeat TEXT
);
-- Static catalogues (hospitals, departments, canteens, menus, benefit_rules) keep the
-- item's canonical JSON; slots are a real table because fulfilment updates them.
CREATE TABLE IF NOT EXISTS catalogue_items (
    catalogue TEXT NOT NULL,
    id TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    day TEXT,
    json TEXT NOT NULL,
    PRIMARY KEY (catalogue, id)
);
CREATE TABLE IF NOT EXISTS catalogue_revs (
    catalogue TEXT PRIMARY KEY,
    rev INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS slots (
    id TEXT PRIMARY KEY,
    hospital_id TEXT NOT NULL,
    department_id TEXT NOT NULL,
    day TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    remaining INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= capacity),
    senior_reserved INTEGER NOT NULL,
    fee_fen INTEGER NOT NULL,
    doctor_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS slots_by_department ON slots (department_id, starts_at);
-- One row per processed envelope: the idempotency record. result_json is returned
-- verbatim when the same id arrives again from the same kiosk.
CREATE TABLE IF NOT EXISTS requests (
    kiosk_id TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT,
    status TEXT NOT NULL,
    result_json TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    PRIMARY KEY (kiosk_id, id)
);
CREATE TABLE IF NOT EXISTS appointments (
    reference TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    slot_id TEXT NOT NULL,
    department_id TEXT NOT NULL,
    day TEXT NOT NULL,
    person_key TEXT NOT NULL,
    masked_id TEXT NOT NULL,
    status TEXT NOT NULL,
    UNIQUE (kiosk_id, request_id)
);
CREATE INDEX IF NOT EXISTS appointments_by_person
    ON appointments (person_key, department_id, day, status);
CREATE TABLE IF NOT EXISTS meal_orders (
    reference TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    meal_set_id TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    fulfilment TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    masked_id TEXT NOT NULL,
    status TEXT NOT NULL,
    UNIQUE (kiosk_id, request_id)
);
-- The operator queue of callback requests (the operator page is built on it).
CREATE TABLE IF NOT EXISTS callbacks (
    reference TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    request_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    phone TEXT NOT NULL,
    note TEXT,
    masked_id TEXT,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS status_updates (
    seq {serial},
    kiosk_id TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS status_by_kiosk ON status_updates (kiosk_id, seq);
CREATE TABLE IF NOT EXISTS alarms (
    id TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    drill INTEGER NOT NULL,
    masked_id TEXT,
    location TEXT NOT NULL,
    state TEXT NOT NULL,
    state_at TEXT NOT NULL,
    operator_note TEXT
);
-- Service-centre operators (hub/operator.py); like kiosk tokens, only digests are kept.
CREATE TABLE IF NOT EXISTS operators (
    id {serial},
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
-- Every transition and cancel follow-up is appended, never overwritten.
CREATE TABLE IF NOT EXISTS alarm_events (
    id {serial},
    alarm_id TEXT NOT NULL,
    event TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT
);
-- One senior's benefit applications and payments, by person_key (never the ID number).
-- status is open-ended text: a hub may use codes kiosks do not know yet.
CREATE TABLE IF NOT EXISTS benefit_statuses (
    person_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    name_json TEXT NOT NULL,
    amount_fen INTEGER,
    period TEXT,
    applied_on TEXT,
    next_payment_on TEXT,
    payments_json TEXT NOT NULL DEFAULT '[]',
    note_json TEXT,
    PRIMARY KEY (person_key, kind)
);
"""

# Meal-order columns added after the table's first release: a file older than them lacks them.
_MEAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("person_key", "TEXT"),
    ("meal_date", "TEXT"),
    ("meal", "TEXT"),
    ("canteen_id", "TEXT"),
    ("discount_fen", "INTEGER NOT NULL DEFAULT 0"),
    ("subsidy_fen", "INTEGER NOT NULL DEFAULT 0"),
    ("address", "TEXT"),
    ("phone", "TEXT"),
    ("created_at", "TEXT"),
    ("status_at", "TEXT"),
    ("service_start", "TEXT"),
    ("service_end", "TEXT"),
    ("next_at", "TEXT"),
)
_V1_INDEXES = """
CREATE INDEX IF NOT EXISTS meal_orders_by_set ON meal_orders (meal_set_id, status);
CREATE INDEX IF NOT EXISTS meal_orders_by_person ON meal_orders (person_key, meal_date);
CREATE INDEX IF NOT EXISTS meal_orders_due ON meal_orders (next_at);
"""

# Version 2: what several hub processes on one database need, and the privacy work.
# * status_seqs: each kiosk's feed is numbered by its own counter, taken under that row's lock,
#   so numbers are handed out in commit order (a shared sequence is not: a transaction that
#   drew 10 may commit after one that drew 11, and a kiosk that read 11 would skip 10).
# * rate_limits: counters every process shares.
# * lookup_log: every person lookup, by whom, in which kiosk session (never the ID).
# * residents: what the service centre recorded about a senior (phone for callback,
#   emergency contact), by person_key; alarms keep the key and the age when the kiosk
#   identified the senior, so the operator sees the record.
_V2_COMMON = """
CREATE TABLE IF NOT EXISTS status_seqs (kiosk_id TEXT PRIMARY KEY, seq BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS lookup_log (
    id {serial},
    at TEXT NOT NULL,
    kiosk_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    helper_id TEXT,
    person_key TEXT NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS lookup_log_by_kiosk ON lookup_log (kiosk_id, at);
CREATE INDEX IF NOT EXISTS lookup_log_by_session ON lookup_log (session_id);
-- Fixed-window request counters shared by every hub process (enrolment, person lookup).
CREATE TABLE IF NOT EXISTS rate_limits (
    bucket TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE TABLE IF NOT EXISTS residents (
    person_key TEXT PRIMARY KEY,
    phone TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    note TEXT
);
ALTER TABLE alarms ADD COLUMN person_key TEXT;
ALTER TABLE alarms ADD COLUMN age INTEGER;
CREATE INDEX IF NOT EXISTS alarms_open ON alarms (state, raised_at);
CREATE INDEX IF NOT EXISTS alarm_events_by_alarm ON alarm_events (alarm_id, id);
INSERT INTO status_seqs (kiosk_id, seq)
    SELECT kiosk_id, MAX(seq) FROM status_updates GROUP BY kiosk_id;
-- The backstop for concurrent bookings of one person (the writers also lock the person).
CREATE UNIQUE INDEX IF NOT EXISTS appointments_one_per_day
    ON appointments (person_key, department_id, day) WHERE status = 'booked';
"""
# SQLite cannot change a primary key in place: rebuild status_updates keyed (kiosk_id, seq),
# keeping every row's number (kiosks hold cursors into them).
_V2_SQLITE = """
CREATE TABLE status_updates_v2 (
    kiosk_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (kiosk_id, seq)
);
INSERT INTO status_updates_v2 (kiosk_id, seq, json) SELECT kiosk_id, seq, json FROM status_updates;
DROP TABLE status_updates;
ALTER TABLE status_updates_v2 RENAME TO status_updates;
"""
_V2_POSTGRESQL = """
ALTER TABLE status_updates DROP CONSTRAINT status_updates_pkey;
ALTER TABLE status_updates ALTER COLUMN seq DROP IDENTITY;
ALTER TABLE status_updates ADD PRIMARY KEY (kiosk_id, seq);
DROP INDEX IF EXISTS status_by_kiosk;
"""

_SERIAL = {
    "sqlite": "INTEGER PRIMARY KEY AUTOINCREMENT",
    "postgresql": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
}


def split(script: str) -> list[str]:
    """Statements of a script (``executescript`` would commit the caller's transaction)."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _run(conn: Connection, script: str) -> None:
    for statement in split(script.replace("{serial}", _SERIAL[conn.engine])):
        conn.execute(statement)


def _columns(conn: Connection, table: str) -> set[str]:
    if conn.engine == "sqlite":
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ?",
        (table,),
    )
    return {row[0] for row in rows}


def _v1(conn: Connection) -> None:
    _run(conn, _V1_TABLES)
    have = _columns(conn, "meal_orders")
    for column, declaration in _MEAL_COLUMNS:
        if column not in have:
            conn.execute(f"ALTER TABLE meal_orders ADD COLUMN {column} {declaration}")
    _run(conn, _V1_INDEXES)


def _v2(conn: Connection) -> None:
    _run(conn, _V2_COMMON)
    _run(conn, _V2_SQLITE if conn.engine == "sqlite" else _V2_POSTGRESQL)


@dataclass(frozen=True)
class Migration:
    version: int
    summary: str
    apply: Callable[[Connection], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tables of the first release", _v1),
    Migration(2, "per-kiosk status numbering, lookup log, resident records", _v2),
)
LATEST = MIGRATIONS[-1].version


def migrate(conn: Connection, applied_at: str) -> list[int]:
    """Apply every migration not yet recorded; returns the versions applied. The caller holds
    a write transaction and the schema lock (``hub.opening.init_db``)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "summary TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {int(row[0]) for row in conn.execute("SELECT version FROM schema_migrations")}
    newer = [v for v in done if v > LATEST]
    if newer:
        raise RuntimeError(
            f"this database has schema version {max(newer)}; this hub knows up to {LATEST}"
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        migration.apply(conn)
        conn.execute(
            "INSERT INTO schema_migrations (version, summary, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.summary, applied_at),
        )
        applied.append(migration.version)
    return applied
