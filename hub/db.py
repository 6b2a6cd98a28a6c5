"""The hub's SQLite file: connections, schema and write transactions.

stdlib sqlite3 is used directly: the hub's hot path (a batch of 500 writes in one
transaction) wants plain prepared statements. Every thread gets its own
connection (uvicorn runs sync endpoints on a thread pool); WAL lets readers run
while one writer holds ``BEGIN IMMEDIATE``, which serialises writers up front so
two bookings can never both read "one seat left".
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

SCHEMA_VERSION = 1

_SCHEMA = """
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
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
-- Every transition and cancel follow-up is appended, never overwritten.
CREATE TABLE IF NOT EXISTS alarm_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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

# Columns added after a table's first release, as (table, column, declaration): init_db adds
# those an older file lacks (CREATE TABLE IF NOT EXISTS leaves an existing table alone), and
# then runs _LATE_SCHEMA, whose indexes use them.
_ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    # Meal orders: who (kiosk-chosen opaque key), for which day and window, price parts,
    # delivery details, and the progression clock (next_at: next automatic status change).
    ("meal_orders", "person_key", "TEXT"),
    ("meal_orders", "meal_date", "TEXT"),
    ("meal_orders", "meal", "TEXT"),
    ("meal_orders", "canteen_id", "TEXT"),
    ("meal_orders", "discount_fen", "INTEGER NOT NULL DEFAULT 0"),
    ("meal_orders", "subsidy_fen", "INTEGER NOT NULL DEFAULT 0"),
    ("meal_orders", "address", "TEXT"),
    ("meal_orders", "phone", "TEXT"),
    ("meal_orders", "created_at", "TEXT"),
    ("meal_orders", "status_at", "TEXT"),
    ("meal_orders", "service_start", "TEXT"),
    ("meal_orders", "service_end", "TEXT"),
    ("meal_orders", "next_at", "TEXT"),
)
_LATE_SCHEMA = """
CREATE INDEX IF NOT EXISTS meal_orders_by_set ON meal_orders (meal_set_id, status);
CREATE INDEX IF NOT EXISTS meal_orders_by_person ON meal_orders (person_key, meal_date);
CREATE INDEX IF NOT EXISTS meal_orders_due ON meal_orders (next_at);
"""


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    for table, column, declaration in _ADDED_COLUMNS:
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


def connect(db_path: Path) -> sqlite3.Connection:
    """A new connection in autocommit mode; transactions are explicit (see ``write``)."""
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=30.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: an accepted booking or alarm must survive a power cut; one fsync per batch.
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def init_db(db_path: Path) -> None:
    """Create the file and schema if needed (safe to call from several processes)."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = connect(db_path)
    try:
        with write(conn):
            for statement in _split(_SCHEMA):
                conn.execute(statement)
            _add_missing_columns(conn)
            for statement in _split(_LATE_SCHEMA):
                conn.execute(statement)
            defaults = {
                "schema_version": str(SCHEMA_VERSION),
                "hub_name": "Yijiantong reference hub",
                # Keys the hash of resident IDs (see fulfilment.person_key); never leaves the db.
                "person_key_secret": secrets.token_hex(32),
            }
            for key, value in defaults.items():
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, value))
    finally:
        conn.close()


def _split(script: str) -> list[str]:
    # executescript() would COMMIT our BEGIN IMMEDIATE; run statement by statement.
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (or ``ROLLBACK`` on error)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class ConnectionPool:
    """One connection per thread, created on first use, all closed by ``close``."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[sqlite3.Connection] = []

    def get(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            # check_same_thread stays on: a connection never leaves its thread.
            conn = connect(self.db_path)
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            # A connection made in another thread refuses close(); it goes with its thread.
            with suppress(sqlite3.ProgrammingError):
                conn.close()


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row["value"])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
