"""The hub credentials read without writing: a real SQLite file opened read-only, and the
0600 copy beside it for a database that cannot be read at all."""

from __future__ import annotations

import stat
from pathlib import Path

from services import hub_credentials
from services.store import DB_FILENAME, KEY_HUB_URL, KEY_TOKEN, Store

URL, TOKEN = "http://127.0.0.1:9/", "tok-123"


def enrolled(data_dir: Path) -> Store:
    store = Store(data_dir)
    with store.connect() as conn:
        conn.set(KEY_HUB_URL, URL)
        conn.set(KEY_TOKEN, TOKEN)
    return store


def test_the_database_is_read_without_a_copy(tmp_path: Path) -> None:
    enrolled(tmp_path)
    assert hub_credentials.read_without_writing(tmp_path) == (URL, TOKEN)
    assert not (tmp_path / hub_credentials.FILE_NAME).exists()


def test_the_copy_is_private_and_written_only_when_it_changes(tmp_path: Path) -> None:
    assert hub_credentials.remember(tmp_path, URL, TOKEN)
    copy = tmp_path / hub_credentials.FILE_NAME
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert not hub_credentials.remember(tmp_path, URL, TOKEN)  # unchanged: no write
    assert hub_credentials.remember(tmp_path, URL, "tok-456")
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_damaged_database_falls_back_to_the_copy(tmp_path: Path) -> None:
    enrolled(tmp_path)
    hub_credentials.remember(tmp_path, URL, TOKEN)
    (tmp_path / DB_FILENAME).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"{DB_FILENAME}{suffix}").unlink(missing_ok=True)
    assert hub_credentials.read_without_writing(tmp_path) == (URL, TOKEN)


def test_a_zero_byte_database_is_not_opened_and_the_copy_answers(tmp_path: Path) -> None:
    hub_credentials.remember(tmp_path, URL, TOKEN)
    (tmp_path / DB_FILENAME).write_bytes(b"")
    assert hub_credentials.read_without_writing(tmp_path) == (URL, TOKEN)
    assert (tmp_path / DB_FILENAME).stat().st_size == 0  # left as found


def test_nothing_usable_gives_nones(tmp_path: Path) -> None:
    assert hub_credentials.read_without_writing(tmp_path) == (None, None)
    (tmp_path / hub_credentials.FILE_NAME).write_text("[1, 2", encoding="utf-8")
    assert hub_credentials.read_without_writing(tmp_path) == (None, None)
    (tmp_path / hub_credentials.FILE_NAME).write_text('{"hub_url": 3}', encoding="utf-8")
    assert hub_credentials.read_without_writing(tmp_path) == (None, None)


def test_an_unwritable_folder_is_not_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "a-file-not-a-folder"
    missing.write_text("x", encoding="utf-8")
    assert not hub_credentials.remember(missing, URL, TOKEN)
