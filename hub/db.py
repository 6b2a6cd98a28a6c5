"""The hub's database: SQLite (one file, one process) or PostgreSQL (a city: several hub
processes on one server), behind one small connection interface.

Hub code writes SQL once, with ``?`` placeholders and syntax both engines share (``ON CONFLICT``,
``RETURNING``, text timestamps compared as text); :class:`PgConnection` rewrites placeholders
for psycopg. What differs is how writers are kept apart:

* SQLite: ``BEGIN IMMEDIATE`` takes the file's write lock up front, so writers run one at a
  time and every read inside a write transaction is current. :meth:`Connection.lock` and
  ``for_update`` are no-ops.
* PostgreSQL: ``READ COMMITTED`` transactions run side by side. Writers that must not both
  read "one left" either use conditional updates (``... WHERE remaining > 0``, re-checked by
  the server against the newest row), row locks (``SELECT ... FOR UPDATE`` via ``for_update``)
  or a transaction-scoped advisory lock on a key (:meth:`Connection.lock`, e.g. one person or
  one meal set). Deadlocks and lost races on a unique key roll the whole transaction back and
  :meth:`Database.run` runs it again (``transient``).

Notifications (``notify``) are how live alarm changes reach every hub process: PostgreSQL's
``NOTIFY`` (delivered on commit to every listening process, see ``hub.live``); with SQLite the
one process hands them to its subscribers after ``COMMIT``.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, TypeVar

log = logging.getLogger("hub.db")
T = TypeVar("T")
POSTGRES_PREFIXES: Final = ("postgresql://", "postgres://")
RETRIES: Final = 6
Subscriber = Callable[[str, str], None]


def is_postgres(target: str | Path) -> bool:
    return str(target).startswith(POSTGRES_PREFIXES)


class Row:
    """A result row read by position or by column name (like ``sqlite3.Row``)."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = values
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._index)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values, strict=True))!r})"


class Connection:
    """What hub code needs from a connection; see the engine subclasses."""

    engine: str
    for_update: str  # appended to a SELECT that must lock the rows it reads

    def __init__(self, database: Database) -> None:
        self.database = database

    @property
    def secret(self) -> str:
        """The person-key secret (kept outside the database, see ``hub.person_secret``)."""
        return self.database.person_key_secret

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def begin_write(self) -> None:
        raise NotImplementedError

    def begin_snapshot(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def lock(self, *key: str) -> None:
        """Serialise writers on ``key`` until this transaction ends."""

    def notify(self, channel: str, payload: str) -> None:
        """Tell every hub process's subscribers, once this transaction commits."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class SqliteConnection(Connection):
    engine = "sqlite"
    for_update = ""

    def __init__(self, raw: sqlite3.Connection, database: Database) -> None:
        super().__init__(database)
        self.raw = raw
        self._pending: list[tuple[str, str]] = []

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(sql, params)

    def begin_write(self) -> None:
        self._pending.clear()
        self.raw.execute("BEGIN IMMEDIATE")

    def begin_snapshot(self) -> None:
        self.raw.execute("BEGIN")

    def commit(self) -> None:
        self.raw.execute("COMMIT")
        pending, self._pending = self._pending, []
        for channel, payload in pending:
            self.database.deliver(channel, payload)

    def rollback(self) -> None:
        self._pending.clear()
        self.raw.execute("ROLLBACK")

    def notify(self, channel: str, payload: str) -> None:
        self._pending.append((channel, payload))

    def close(self) -> None:
        # A connection made in another thread refuses close(); it goes with its thread.
        with suppress(sqlite3.ProgrammingError):
            self.raw.close()


@lru_cache(maxsize=1024)
def _pg_sql(sql: str) -> str:
    # Hub SQL has no "?" or "%" inside literals, so a plain rewrite is exact.
    return sql.replace("%", "%%").replace("?", "%s")


class PgConnection(Connection):
    engine = "postgresql"
    for_update = " FOR UPDATE"

    def __init__(self, raw: Any, database: Database) -> None:
        super().__init__(database)
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.raw.execute(_pg_sql(sql), tuple(params))

    def begin_write(self) -> None:
        self.raw.execute("BEGIN")

    def begin_snapshot(self) -> None:
        self.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def lock(self, *key: str) -> None:
        self.raw.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", ("|".join(key),))

    def notify(self, channel: str, payload: str) -> None:
        self.raw.execute("SELECT pg_notify(%s, %s)", (channel, payload))

    def close(self) -> None:
        self.raw.close()


@contextmanager
def write(conn: Connection) -> Iterator[Connection]:
    """A write transaction: ``COMMIT`` at the end, ``ROLLBACK`` on any error."""
    conn.begin_write()
    try:
        yield conn
    except BaseException:
        with suppress(Exception):  # a broken connection cannot roll back; it is discarded
            conn.rollback()
        raise
    conn.commit()


@contextmanager
def snapshot(conn: Connection) -> Iterator[Connection]:
    """A read-only transaction in which every statement sees the same committed state."""
    conn.begin_snapshot()
    try:
        yield conn
    finally:
        with suppress(Exception):
            conn.commit()


@contextmanager
def savepoint(conn: Connection, name: str = "item") -> Iterator[Connection]:
    """Undo only this block on error (the surrounding transaction goes on)."""
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield conn
    except BaseException:
        conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
        conn.execute(f"RELEASE SAVEPOINT {name}")
        raise
    conn.execute(f"RELEASE SAVEPOINT {name}")


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    description = cursor.description or ()
    index = {column.name: i for i, column in enumerate(description)}
    return lambda values: Row(values, index)


class Database:
    """Connections to one hub database, for any number of threads.

    SQLite: one connection per thread (a sqlite3 connection never leaves its thread).
    PostgreSQL: a psycopg_pool pool; a connection is borrowed for one unit of work.
    """

    def __init__(self, target: str | Path, *, pool_size: int = 20) -> None:
        self.target = str(target)
        self.engine = "postgresql" if is_postgres(target) else "sqlite"
        self.person_key_secret = ""
        self._subscribers: list[Subscriber] = []
        self._subscribers_lock = threading.Lock()
        self._local = threading.local()
        self._sqlite_all: list[SqliteConnection] = []
        self._lock = threading.Lock()
        self._pool: Any = None
        self._pool_size = pool_size
        self._closed = False

    def sibling(self, *, pool_size: int) -> Database:
        """Another set of connections to the same database, with the same secret and the same
        notification subscribers (for work that must not wait for this one's pool)."""
        other = Database(self.target, pool_size=pool_size)
        other.person_key_secret = self.person_key_secret
        other._subscribers = self._subscribers
        other._subscribers_lock = self._subscribers_lock
        return other

    # -- connections -----------------------------------------------------------------------

    def connect(self) -> Connection:
        """A new connection of its own (the caller closes it)."""
        if self.engine == "sqlite":
            return SqliteConnection(sqlite_connect(Path(self.target)), self)
        import psycopg

        return PgConnection(psycopg.connect(self.target, **pg_connect_kwargs()), self)

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A connection for this thread's unit of work."""
        if self.engine == "sqlite":
            conn: SqliteConnection | None = getattr(self._local, "conn", None)
            if conn is None:
                conn = SqliteConnection(sqlite_connect(Path(self.target)), self)
                self._local.conn = conn
                with self._lock:
                    self._sqlite_all.append(conn)
            yield conn
            return
        with self._pg_pool().connection() as raw:
            yield PgConnection(raw, self)

    def _pg_pool(self) -> Any:
        with self._lock:
            if self._closed:
                raise RuntimeError("the database is closed")
            if self._pool is None:
                from psycopg_pool import ConnectionPool

                self._pool = ConnectionPool(
                    self.target,
                    min_size=1,
                    max_size=self._pool_size,
                    kwargs=pg_connect_kwargs(),
                    # No check on every borrow (a round trip each): a connection that died
                    # with a failed-over server fails its work, which ``run`` retries on a
                    # fresh one, and the pool drops the broken one when it comes back.
                    timeout=30.0,
                    open=True,
                    name="hub",
                )
            return self._pool

    def run(self, work: Callable[[Connection], T]) -> T:
        """``work(conn)`` on a borrowed connection, run again (a few times, after a short random
        pause) when it failed for a reason that a fresh attempt can cure: a deadlock, a lost
        race on a unique key, a connection lost (a restarted or failed-over server)."""
        for attempt in range(RETRIES):
            try:
                with self.connection() as conn:
                    return work(conn)
            except Exception as exc:
                if attempt == RETRIES - 1 or not self.transient(exc):
                    raise
                log.info("retrying after a transient database error: %s", exc)
                self._drop_dead_connections(exc)
                time.sleep(random.uniform(0.005, 0.02) * (2**attempt))
        raise AssertionError("unreachable")

    def _drop_dead_connections(self, exc: BaseException) -> None:
        from psycopg import OperationalError

        if isinstance(exc, OperationalError) and self._pool is not None:
            # The server went away (restart, fail-over): test the idle connections now, so the
            # retry does not borrow another dead one.
            with suppress(Exception):
                self._pool.check()

    def transient(self, exc: BaseException) -> bool:
        if self.engine == "sqlite":
            return False
        from psycopg import OperationalError, errors

        return isinstance(
            exc,
            errors.DeadlockDetected
            | errors.SerializationFailure
            | errors.UniqueViolation
            | OperationalError,
        )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
            conns, self._sqlite_all = self._sqlite_all, []
        if pool is not None:
            pool.close()
        for conn in conns:
            conn.close()

    # -- notifications ------------------------------------------------------------------------

    def subscribe(self, subscriber: Subscriber) -> None:
        with self._subscribers_lock:
            self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._subscribers_lock:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

    def deliver(self, channel: str, payload: str) -> None:
        with self._subscribers_lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(channel, payload)
            except Exception:  # one broken subscriber must not starve the others
                log.exception("notification subscriber failed")


def pg_connect_kwargs() -> dict[str, Any]:
    return {
        "autocommit": True,  # transactions are explicit (write / snapshot)
        "row_factory": _row_factory,
        "connect_timeout": 10,
        # No statement may hold locks for ever (a stuck client, a lost network).
        "options": "-c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000",
    }


def sqlite_connect(db_path: Path) -> sqlite3.Connection:
    """A new connection in autocommit mode; transactions are explicit (see ``write``)."""
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=30.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: an accepted booking or alarm must survive a power cut; one fsync per batch.
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def connect(target: str | Path) -> Connection:
    """A standalone connection to the hub database at ``target`` (tools and tests; the
    caller closes it). It knows no person-key secret."""
    return Database(target).connect()


def get_meta(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row["value"])


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
