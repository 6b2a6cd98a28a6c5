"""The kiosk's single SQLite file: opening, connections per thread, settings, PII purge.

``Store(data_dir)`` creates/migrates ``<data_dir>/yijiantong.sqlite3`` (mode 0600: it holds the
hub token). Each thread that needs the database calls :meth:`Store.connect` for itself and keeps
that :class:`StoreConnection`; connections are never shared across threads (sqlite3 enforces it).

Environment failures are raised as :class:`StorageFullError`, :class:`StorageReadOnlyError` or
:class:`StorageCorruptError` (all :class:`StorageError`) with a plain message naming the file;
programming errors (bad SQL, constraint violations) keep their ``sqlite3`` types.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import secrets
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from services import migrations

log = logging.getLogger(__name__)

DB_FILENAME = "yijiantong.sqlite3"
DEFAULT_BUSY_TIMEOUT_MS = 10_000

# Keys of the kv table used by the sync engine (other modules may add their own keys).
KEY_HUB_URL = "hub_url"
KEY_KIOSK_ID = "kiosk_id"
KEY_KIOSK_NAME = "kiosk_name"
KEY_TOKEN = "hub_token"
KEY_TOKEN_REVOKED = "hub_token_revoked"
KEY_STATUS_CURSOR = "status_cursor"
KEY_SCHEMA_ERRORS = "sync_schema_errors"
KEY_LAST_ERROR = "sync_last_error"
KEY_LAST_SUCCESS = "sync_last_success"
KEY_LAST_ATTEMPT = "sync_last_attempt"

SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_CANTOPEN = 14
SQLITE_FULL = 13
SQLITE_NOTADB = 26


class StorageError(Exception):
    """The data file cannot be used because of its environment (disk, permissions, damage)."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class StorageFullError(StorageError):
    """The disk (or the database's size limit) is full."""


class StorageReadOnlyError(StorageError):
    """The data file or its directory cannot be written."""


class StorageCorruptError(StorageError):
    """The data file is damaged or is not a Yijiantong database."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def parse_iso(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _emptied(path: Path) -> bool:
    """A database file of 0 bytes with no write-ahead log to rebuild it from."""
    if path.stat().st_size != 0:
        return False
    wal = Path(f"{path}-wal")
    return not (wal.exists() and wal.stat().st_size > 0)


#: Less free space than this (for the kiosk's user) is taken as a full disk: SQLite needs
#: room for a journal page or two on top of what it writes.
LOW_SPACE_BYTES = 256 * 1024


def _no_space_left(directory: Path) -> bool:
    try:
        found = os.statvfs(directory)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < LOW_SPACE_BYTES


def _at_file_size_limit(path: Path) -> bool:
    """A file-size limit (``ulimit -f``, a systemd ``LimitFSIZE=``) that the database or its
    write-ahead log has reached: SQLite reports the refused write (EFBIG) as an I/O error."""
    import resource  # POSIX only; imported where a failure needs explaining

    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if limit == resource.RLIM_INFINITY:
        return False
    sizes = []
    for suffix in ("", "-wal", "-journal"):
        with contextlib.suppress(OSError):
            sizes.append(Path(f"{path}{suffix}").stat().st_size)
    return bool(sizes) and max(sizes) + 2 * 65536 >= limit


def folder_writable(directory: Path) -> bool:
    """Whether this process may create files in ``directory``, without writing anything:
    os.access answers for read-only mounts and immutable folders too."""
    return directory.is_dir() and os.access(directory, os.W_OK | os.X_OK)


def _dir_writable(directory: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=directory):
            return True
    except OSError:
        return False


_SQLITE_KINDS: dict[int, tuple[type[StorageError], str]] = {
    SQLITE_FULL: (StorageFullError, "The disk is full; cannot write {path} ({exc})."),
    SQLITE_READONLY: (StorageReadOnlyError, "{path} is read-only; cannot write to it ({exc})."),
    SQLITE_CORRUPT: (StorageCorruptError, "{path} is damaged ({exc})."),
    SQLITE_NOTADB: (StorageCorruptError, "{path} is not a Yijiantong database ({exc})."),
    SQLITE_IOERR: (StorageError, "Disk I/O error on {path} ({exc})."),
    SQLITE_CANTOPEN: (StorageError, "Cannot open {path} ({exc})."),
}
_OS_KINDS: dict[int, tuple[type[StorageError], str]] = {
    errno.ENOSPC: (StorageFullError, "The disk is full; cannot write {path} ({exc})."),
    errno.EDQUOT: (StorageFullError, "The disk quota is used up; cannot write {path} ({exc})."),
    errno.EFBIG: (
        StorageFullError,
        "{path} has reached the largest file size allowed here; cannot write to it ({exc}).",
    ),
    errno.EROFS: (StorageReadOnlyError, "{path} is read-only; cannot write to it ({exc})."),
    errno.EACCES: (StorageReadOnlyError, "{path} is read-only; cannot write to it ({exc})."),
    errno.EPERM: (StorageReadOnlyError, "{path} is read-only; cannot write to it ({exc})."),
}


def translate_error(exc: BaseException, path: Path) -> StorageError | None:
    """Map an environment failure to a :class:`StorageError`; ``None`` for anything else."""
    kind: tuple[type[StorageError], str] | None = None
    if isinstance(exc, OSError) and exc.errno is not None:
        kind = _OS_KINDS.get(exc.errno)
    elif isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        primary = None if code is None else code & 0xFF
        if primary == SQLITE_CANTOPEN and not _dir_writable(path.parent):
            kind = (StorageReadOnlyError, "{path} cannot be opened: its folder is read-only.")
        elif primary in (SQLITE_IOERR, SQLITE_FULL) and _no_space_left(path.parent):
            # SQLite reports a write that ran out of room as a plain I/O error.
            kind = (StorageFullError, "The disk is full; cannot write {path} ({exc}).")
        elif primary == SQLITE_IOERR and _at_file_size_limit(path):
            kind = _OS_KINDS[errno.EFBIG]
        elif primary is not None:
            kind = _SQLITE_KINDS.get(primary)
    if kind is None:
        return None
    cls, template = kind
    return cls(path, template.format(path=path, exc=exc))


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Re-raise environment failures inside the block as :class:`StorageError`."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        mapped = translate_error(exc, path)
        if mapped is None:
            raise
        raise mapped from exc


class StoreConnection:
    """One thread's connection: a raw autocommit ``sqlite3`` connection.

    Plain ``sqlite3`` with explicit SQL throughout: the writes that matter (outbox rows in
    the same transaction as their record, bulk catalogue replacement with ``executemany``)
    are short hand-written statements, and migrations are numbered functions on
    ``PRAGMA user_version``. A table library added nothing but start-up time.
    """

    def __init__(self, raw: sqlite3.Connection, path: Path, *, read_only: bool = False) -> None:
        self.raw = raw
        self.path = path
        self.owner = threading.get_ident()
        # True for :func:`open_read_only`: every write raises StorageReadOnlyError.
        self.read_only = read_only

    @contextlib.contextmanager
    def transaction(self) -> Iterator[StoreConnection]:
        """A write transaction (``BEGIN IMMEDIATE``); nested use becomes a savepoint."""
        with storage_errors(self.path):
            if self.raw.in_transaction:
                name = f"sp_{secrets.token_hex(6)}"
                self.raw.execute(f"SAVEPOINT {name}")
                try:
                    yield self
                except BaseException:
                    if self.raw.in_transaction:
                        self.raw.execute(f"ROLLBACK TO {name}")
                        self.raw.execute(f"RELEASE {name}")
                    raise
                self.raw.execute(f"RELEASE {name}")
                return
            self.raw.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.raw.execute("COMMIT")
            except BaseException:
                if self.in_transaction():
                    self.raw.execute("ROLLBACK")
                raise

    def in_transaction(self) -> bool:
        return self.raw.in_transaction

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> sqlite3.Cursor:
        with storage_errors(self.path):
            return self.raw.execute(sql, params)

    def query(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[dict[str, Any]]:
        with storage_errors(self.path):
            cur = self.raw.execute(sql, params)
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        with storage_errors(self.path):
            row = self.raw.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # -- settings (kv) ------------------------------------------------------------------------
    def get(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM kv WHERE key = ?", (key,))
        return default if value is None else str(value)

    def set(self, key: str, value: str | None) -> None:
        """Store ``value`` under ``key``; ``None`` deletes the key."""
        with self.transaction():
            if value is None:
                self.raw.execute("DELETE FROM kv WHERE key = ?", (key,))
            else:
                self.raw.execute(
                    "INSERT INTO kv(key, value, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                    "updated_at = excluded.updated_at",
                    (key, value, iso(utcnow())),
                )

    def get_int(self, key: str, default: int = 0) -> int:
        value = self.get(key)
        return default if value is None else int(value)

    def increment(self, key: str, by: int = 1) -> int:
        with self.transaction():
            self.raw.execute(
                "INSERT INTO kv(key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + ?, "
                "updated_at = excluded.updated_at",
                (key, str(by), iso(utcnow()), by),
            )
        return self.get_int(key)

    def get_json(self, key: str) -> Any:
        value = self.get(key)
        return None if value is None else json.loads(value)

    def set_json(self, key: str, value: Any) -> None:
        self.set(key, None if value is None else json.dumps(value, ensure_ascii=False))

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> StoreConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Store:
    """The kiosk's data file. Cheap to share between threads; connections are not."""

    def __init__(
        self,
        data_dir: Path | str,
        *,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        migrate: bool = True,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_FILENAME
        self.busy_timeout_ms = busy_timeout_ms
        with storage_errors(self.path):
            self.data_dir.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():
                # Create it 0600 before SQLite does (its -wal/-shm files copy these bits).
                os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
            elif _emptied(self.path):
                # SQLite would take an empty file for a new database and the migrations would
                # write a blank one over whatever was lost (queue, hub token): keep it as found.
                raise StorageCorruptError(
                    self.path,
                    f"{self.path} is empty (0 bytes): its data was lost, for example by a "
                    "power cut or a copy that did not finish. It was left as it is.",
                )
        with self.connect() as conn, storage_errors(self.path):
            mode = conn.raw.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StorageReadOnlyError(self.path, f"{self.path} cannot use WAL ({mode}).")
            if migrate:
                migrations.migrate(conn.raw)
        self._restrict_permissions()

    def _restrict_permissions(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            candidate = Path(f"{self.path}{suffix}")
            with contextlib.suppress(OSError):
                if candidate.exists() and candidate.stat().st_mode & 0o077:
                    candidate.chmod(0o600)

    def connect(self) -> StoreConnection:
        """A new connection for the calling thread (close it when the thread ends)."""
        with storage_errors(self.path):
            raw = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout_ms / 1000,
                isolation_level=None,
                check_same_thread=True,
            )
            try:
                raw.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
                raw.execute("PRAGMA synchronous = FULL")
                raw.execute("PRAGMA foreign_keys = ON")
                raw.execute("PRAGMA schema_version").fetchone()  # fails fast on a damaged file
            except BaseException:
                raw.close()
                raise
        return StoreConnection(raw, self.path)

    def schema_version(self) -> int:
        with self.connect() as conn:
            return migrations.current_version(conn.raw)

    def integrity_ok(self) -> bool:
        """``PRAGMA quick_check`` (for the admin screen; reads the whole file)."""
        with self.connect() as conn:
            return bool(conn.scalar("PRAGMA quick_check") == "ok")


def open_read_only(data_dir: Path | str) -> StoreConnection:
    """A connection that only reads, for a data folder that cannot be written (read-only, or
    a disk so full that opening for writing fails): the admin PIN, the queue and the
    catalogue stay readable, and every write raises :class:`StorageReadOnlyError`.

    ``mode=ro`` first; ``immutable=1`` where not even the ``-shm`` file can be created (it
    then trusts that nobody else writes, which holds: this process could not either).
    """
    path = Path(data_dir) / DB_FILENAME
    if not path.is_file():
        raise StorageError(path, f"{path} does not exist.")
    if _emptied(path):
        raise StorageCorruptError(path, f"{path} is empty (0 bytes): its data was lost.")
    last: BaseException | None = None
    for query in ("mode=ro", "mode=ro&immutable=1"):
        try:
            raw = sqlite3.connect(f"file:{path}?{query}", uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            raw.execute("PRAGMA query_only = ON")
            raw.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raw.close()
            last = exc
            continue
        return StoreConnection(raw, path, read_only=True)
    assert last is not None
    with storage_errors(path):
        raise last
    raise AssertionError("storage_errors re-raises")  # pragma: no cover


def connect_for_reading(data_dir: Path | str) -> StoreConnection:
    """A normal connection, or a read-only one when the store cannot be opened for writing."""
    try:
        return Store(data_dir).connect()
    except (StorageReadOnlyError, StorageFullError) as exc:
        log.info("opening the store read-only: %s", exc)
        return open_read_only(data_dir)


def purge_personal_data(
    conn: StoreConnection, older_than_days: float, now: datetime | None = None
) -> int:
    """Delete personal rows delivered (or dead-lettered) more than ``older_than_days`` ago.

    Requests still in the outbox are never touched. Returns the number of requests deleted.
    """
    moment = now or utcnow()
    cutoff = iso(moment - timedelta(days=older_than_days))
    with conn.transaction():
        cur = conn.raw.execute(
            "DELETE FROM requests WHERE id NOT IN (SELECT request_id FROM outbox) AND ("
            " (delivered_at IS NOT NULL AND delivered_at <= ?)"
            " OR id IN (SELECT request_id FROM dead_letters WHERE failed_at <= ?))",
            (cutoff, cutoff),
        )
        return cur.rowcount
