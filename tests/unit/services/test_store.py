"""The SQLite store: pragmas, permissions, migrations, environment errors, settings, purge."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import subprocess
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from services import migrations
from services.outbox import Delivery, Outbox
from services.store import (
    DB_FILENAME,
    StorageCorruptError,
    StorageError,
    StorageFullError,
    StorageReadOnlyError,
    Store,
    purge_personal_data,
    utcnow,
)
from tests.helpers.sync_fakes import callback_payload


def schema(path: Path) -> list[tuple[str, str]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    return [(n, s) for n, s in rows]


def test_new_store_is_wal_full_sync_private_and_latest(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    assert store.path == tmp_path / "data" / DB_FILENAME
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    with store.connect() as conn:
        assert conn.scalar("PRAGMA journal_mode") == "wal"
        assert conn.scalar("PRAGMA synchronous") == 2  # FULL
        assert conn.scalar("PRAGMA foreign_keys") == 1
        assert conn.scalar("PRAGMA busy_timeout") == store.busy_timeout_ms
        assert conn.scalar("PRAGMA user_version") == migrations.latest_version()
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{store.path}{suffix}")
        if extra.exists():
            assert stat.S_IMODE(extra.stat().st_mode) & 0o077 == 0


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    first = Store(tmp_path)
    with first.connect() as conn:
        Outbox.enqueue(conn, "callback.request", callback_payload())
    second = Store(tmp_path)
    with second.connect() as conn:
        assert Outbox(conn).depth() == 1
    assert second.schema_version() == migrations.latest_version()
    assert second.integrity_ok()


@pytest.mark.parametrize("start", range(migrations.latest_version()))
def test_migrating_from_each_older_version_reaches_latest(tmp_path: Path, start: int) -> None:
    fresh = Store(tmp_path / "fresh")
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    path = old_dir / DB_FILENAME
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        assert migrations.migrate(raw, target=start) == start
        if start >= 1:  # some data written by the older version must survive
            raw.execute(
                "INSERT INTO requests(id, kind, lane, payload, state, created_at, updated_at)"
                " VALUES ('r1', 'callback.request', 'normal', '{}', 'queued', 't', 't')"
            )
            raw.execute("INSERT INTO kv(key, value, updated_at) VALUES ('hub_url', 'u', 't')")
    if start == 0:  # version 0 is "no database yet": SQLite left an empty file, a damaged one
        path.unlink()
    upgraded = Store(old_dir)
    assert upgraded.schema_version() == migrations.latest_version()
    assert schema(upgraded.path) == schema(fresh.path)
    if start >= 1:
        with upgraded.connect() as conn:
            assert conn.get("hub_url") == "u"
            assert conn.scalar("SELECT state FROM requests WHERE id = 'r1'") == "queued"


def test_failed_migration_rolls_back_whole_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(tmp_path)
    nxt = migrations.latest_version() + 1

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    monkeypatch.setitem(migrations._REGISTRY, nxt, migrations.Migration(nxt, "broken", broken))
    with pytest.raises(RuntimeError, match="boom"):
        Store(tmp_path)
    monkeypatch.delitem(migrations._REGISTRY, nxt)
    names = [n for n, _ in schema(tmp_path / DB_FILENAME)]
    assert "half_done" not in names
    assert Store(tmp_path).schema_version() == nxt - 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with contextlib.closing(sqlite3.connect(store.path)) as raw:
        raw.execute(f"PRAGMA user_version = {migrations.latest_version() + 5}")
    with pytest.raises(RuntimeError, match="newer than this program"):
        Store(tmp_path)


def test_corrupt_file_is_reported_with_its_path(tmp_path: Path) -> None:
    (tmp_path / DB_FILENAME).write_bytes(b"this is not a database " * 400)
    with pytest.raises(StorageCorruptError) as info:
        Store(tmp_path)
    assert str(tmp_path / DB_FILENAME) in str(info.value)
    assert info.value.path == tmp_path / DB_FILENAME


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make ``path`` unwritable, also for root (immutable attribute) where possible."""
    if os.geteuid() != 0:
        old = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(old)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], check=False).returncode:
        pytest.skip("running as root without chattr: cannot make a read-only directory")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


def test_read_only_directory_raises_read_only_error(tmp_path: Path) -> None:
    data = tmp_path / "ro"
    data.mkdir()
    with read_only(data), pytest.raises(StorageReadOnlyError) as info:
        Store(data)
    assert str(data) in str(info.value)


def test_read_only_file_raises_read_only_error_on_write(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.connect() as conn:
        conn.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{store.path}{suffix}").unlink(missing_ok=True)
    with read_only(store.path), pytest.raises(StorageReadOnlyError) as info:
        reopened = Store(tmp_path)
        with reopened.connect() as conn:
            Outbox.enqueue(conn, "callback.request", callback_payload())
    assert str(store.path) in str(info.value)


def test_full_disk_raises_full_error_and_keeps_nothing_half_written(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.connect() as conn:
        pages = conn.scalar("PRAGMA page_count")
        conn.raw.execute(f"PRAGMA max_page_count = {pages + 2}")
        big = callback_payload("x" * 150)
        with pytest.raises(StorageFullError) as info:
            for _ in range(10_000):
                Outbox.enqueue(conn, "callback.request", big)
        assert str(store.path) in str(info.value)
        assert isinstance(info.value, StorageError)
        requests_n = conn.scalar("SELECT COUNT(*) FROM requests")
        assert requests_n > 0
        assert conn.scalar("SELECT COUNT(*) FROM outbox") == requests_n
        assert not conn.in_transaction()


def test_programming_errors_are_not_storage_errors(tmp_path: Path) -> None:
    with Store(tmp_path).connect() as conn:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("SELECT * FROM no_such_table")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO outbox(request_id, lane) VALUES ('x', 'sideways')")


def test_connection_belongs_to_its_thread(tmp_path: Path) -> None:
    store = Store(tmp_path)
    conn = store.connect()
    errors: list[BaseException] = []

    def use() -> None:
        try:
            conn.get("x")
        except BaseException as exc:
            errors.append(exc)

    t = threading.Thread(target=use)
    t.start()
    t.join(5)
    conn.close()
    assert len(errors) == 1 and isinstance(errors[0], sqlite3.ProgrammingError)


def test_settings_roundtrip_and_counters(tmp_path: Path) -> None:
    with Store(tmp_path).connect() as conn:
        assert conn.get("hub_url") is None
        conn.set("hub_url", "http://127.0.0.1:8700")
        conn.set_json("thing", {"a": [1, 2]})
        assert conn.get("hub_url") == "http://127.0.0.1:8700"
        assert conn.get_json("thing") == {"a": [1, 2]}
        assert conn.increment("n") == 1
        assert conn.increment("n", 2) == 3
        conn.set("hub_url", None)
        assert conn.get("hub_url") is None


def test_nested_transaction_rolls_back_inner_only(tmp_path: Path) -> None:
    with Store(tmp_path).connect() as conn:
        with conn.transaction():
            conn.raw.execute("INSERT INTO kv VALUES ('a', '1', 't')")
            with pytest.raises(ValueError), conn.transaction():
                conn.raw.execute("INSERT INTO kv VALUES ('b', '1', 't')")
                raise ValueError
        assert conn.get("a") == "1"
        assert conn.get("b") is None


def test_purge_deletes_only_old_delivered_personal_rows(tmp_path: Path) -> None:
    with Store(tmp_path).connect() as conn:
        outbox = Outbox(conn)
        old = Outbox.enqueue(conn, "callback.request", callback_payload("old"))
        fresh = Outbox.enqueue(conn, "callback.request", callback_payload("fresh"))
        queued = Outbox.enqueue(conn, "callback.request", callback_payload("queued"))
        dead = Outbox.enqueue(conn, "callback.request", callback_payload("dead"))
        outbox.mark_delivered([Delivery(old, True, "R1"), Delivery(fresh, True, "R2")])
        outbox.dead_letter([dead], "refused")
        past = (utcnow() - timedelta(days=40)).isoformat()
        conn.execute("UPDATE requests SET delivered_at = ? WHERE id = ?", (past, str(old)))
        conn.execute("UPDATE dead_letters SET failed_at = ?", (past,))
        assert purge_personal_data(conn, older_than_days=30) == 2
        left = {r["id"] for r in conn.query("SELECT id FROM requests")}
        assert left == {str(fresh), str(queued)}
        assert purge_personal_data(conn, older_than_days=0) == 1  # everything delivered
        assert {r["id"] for r in conn.query("SELECT id FROM requests")} == {str(queued)}


def test_an_emptied_database_is_damaged_and_kept_as_found(tmp_path: Path) -> None:
    Store(tmp_path)
    (tmp_path / DB_FILENAME).write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
    with pytest.raises(StorageCorruptError, match="0 bytes"):
        Store(tmp_path)
    assert (tmp_path / DB_FILENAME).stat().st_size == 0  # nothing migrated over it
