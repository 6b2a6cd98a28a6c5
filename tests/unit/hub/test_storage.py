"""The hub's storage layer: migrations of an old SQLite file (the person-key secret moved out,
status cursors kept), the secret rules, and status numbering in commit order on PostgreSQL."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hub import person_secret, schema
from hub.batch import add_status
from hub.db import Connection, Database, write
from hub.fulfilment import person_key, status_feed
from hub.opening import open_database
from services.protocol import StatusUpdate
from tests.helpers import postgres
from tests.helpers.waiting import wait_until
from tests.unit.hub.conftest import NOW

LEGACY_SECRET = "ab12" * 16


def update(n: int) -> StatusUpdate:
    return StatusUpdate.model_validate(
        {
            "seq": 1,
            "request_id": f"00000000-0000-0000-0000-{n:012d}",
            "status": "accepted",
            "kind": "callback.request",
            "at": NOW,
        }
    )


def legacy_file(path: Path) -> None:
    """A database as the hub wrote it before migrations: version-1 tables, the secret in meta,
    status updates numbered by one shared counter."""
    conn = sqlite3.connect(path)
    for statement in schema.split(
        schema._V1_TABLES.replace("{serial}", "INTEGER PRIMARY KEY AUTOINCREMENT")
    ):
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('person_key_secret', ?)", (LEGACY_SECRET,))
    for n, kiosk in enumerate(["KA", "KB", "KA", "KA", "KB"], start=1):
        conn.execute(
            "INSERT INTO status_updates (kiosk_id, json) VALUES (?, ?)",
            (kiosk, update(n).model_dump_json(exclude={"seq"})),
        )
    conn.commit()
    conn.close()


def test_an_old_sqlite_file_is_migrated_and_its_secret_moved_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(person_secret.SECRET_ENV, raising=False)
    monkeypatch.delenv(person_secret.FILE_ENV, raising=False)
    path = tmp_path / "hub.sqlite3"
    legacy_file(path)
    database = open_database(path)
    try:
        assert database.person_key_secret == LEGACY_SECRET  # old keys still match
        key_file = Path(f"{path}.person-key")
        assert key_file.read_text().strip() == LEGACY_SECRET
        assert key_file.stat().st_mode & 0o077 == 0
        with database.connection() as conn:
            assert (
                conn.execute("SELECT value FROM meta WHERE key = 'person_key_secret'").fetchone()
                is None
            )
            versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
            assert versions == [m.version for m in schema.MIGRATIONS]
            # A kiosk's cursor into the old numbers stays valid; new numbers continue after.
            old, cursor = status_feed(conn, "KA", 0, 100)
            assert [u.split(",")[0] for u in old] == ['{"seq":1', '{"seq":3', '{"seq":4']
            with write(conn):
                assert add_status(conn, "KA", update(9)) == 5
                assert add_status(conn, "KB", update(10)) == 6
            assert [u.split(",")[0] for u in status_feed(conn, "KA", cursor, 100)[0]] == [
                '{"seq":5'
            ]
    finally:
        database.close()
    assert LEGACY_SECRET.encode() not in path.read_bytes()
    assert (
        not Path(f"{path}-wal").exists()
        or LEGACY_SECRET.encode() not in Path(f"{path}-wal").read_bytes()
    )
    again = open_database(path)  # a second start changes nothing
    assert again.person_key_secret == LEGACY_SECRET
    again.close()


def test_a_configured_secret_must_match_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "hub.sqlite3"
    monkeypatch.setenv(person_secret.SECRET_ENV, "cd" * 32)
    open_database(path).close()
    monkeypatch.setenv(person_secret.SECRET_ENV, "ef" * 32)
    with pytest.raises(person_secret.SecretError, match="not the one"):
        open_database(path)
    monkeypatch.setenv(person_secret.SECRET_ENV, "not hex")
    with pytest.raises(person_secret.SecretError, match="hex digits"):
        open_database(path)


def test_keys_use_the_secret(database: Database) -> None:
    assert person_key(database.person_key_secret, "x") != person_key("", "x")


def test_postgresql_needs_a_configured_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    if postgres.opted_out():
        pytest.skip(f"PostgreSQL tests skipped on request ({postgres.OPT_OUT_ENV}=skip)")
    monkeypatch.delenv(person_secret.SECRET_ENV, raising=False)
    monkeypatch.delenv(person_secret.FILE_ENV, raising=False)
    cluster = postgres.cluster()
    url = cluster.create_database(template=cluster.template())
    try:
        with pytest.raises(person_secret.SecretError, match="needs its person-key secret"):
            open_database(url)
    finally:
        cluster.drop_database(url)


def _backend_waiting_on_a_lock(conn: Connection, pid: int) -> bool:
    row = conn.execute(
        "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?", (pid,)
    ).fetchone()
    return row is not None and row[0] == "Lock"


@pytest.fixture
def pg_database(monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """PostgreSQL only: SQLite writers are serialised by the file lock, nothing races."""
    if postgres.opted_out():
        pytest.skip(f"PostgreSQL tests skipped on request ({postgres.OPT_OUT_ENV}=skip)")
    cluster = postgres.cluster()
    url = cluster.create_database(template=cluster.template())
    monkeypatch.setenv(person_secret.SECRET_ENV, postgres.TEST_SECRET)
    database = open_database(url)
    yield database
    database.close()
    cluster.drop_database(url)


def test_status_numbers_become_visible_in_order(pg_database: Database) -> None:
    """While one transaction holds number 1 uncommitted, a second writer for the same kiosk
    must wait, so a reader never sees 2 before 1 (and never moves its cursor past 1)."""
    database = pg_database
    first, second, reader = database.connect(), database.connect(), database.connect()
    done: list[int] = []
    try:
        first.begin_write()
        assert add_status(first, "KX", update(1)) == 1
        pid = second.execute("SELECT pg_backend_pid()").fetchone()[0]

        def write_second() -> None:
            with write(second):
                done.append(add_status(second, "KX", update(2)))

        writer = threading.Thread(target=write_second)
        writer.start()
        wait_until(lambda: _backend_waiting_on_a_lock(reader, pid), timeout=10)
        assert status_feed(reader, "KX", 0, 10) == ([], 0)
        first.commit()
        writer.join(timeout=10)
        updates, cursor = status_feed(reader, "KX", 0, 10)
        assert [u.split(",")[0] for u in updates] == ['{"seq":1', '{"seq":2'] and cursor == 2
    finally:
        for conn in (first, second, reader):
            with contextlib.suppress(Exception):
                conn.close()
