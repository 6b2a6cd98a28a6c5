"""Purge leaves no trace of a person in the database file; the export bundle holds no IDs."""

from __future__ import annotations

import os
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from services import person_lookup  # noqa: F401  (the purge uses its table)
from services.diagnostics_export import ExportError, database_summary, export_bundle
from services.outbox import Delivery, Outbox
from services.purge import purge, purge_due
from services.store import Store, open_read_only, utcnow
from tests.unit.services.test_admin_services import RESIDENT_ID, booking

NAME = "欧阳娜娜"


def db_bytes(folder: Path) -> bytes:
    """The database file and its WAL, as raw bytes (free pages included)."""
    return b"".join(
        p.read_bytes() for p in folder.glob("yijiantong.sqlite3*") if not p.name.endswith("-shm")
    )


def plant(folder: Path) -> Store:
    store = Store(folder)
    with store.connect() as conn:
        rid = Outbox.enqueue(conn, "appointment.book", booking(NAME), now=1.0)
        Outbox(conn, lane=None).mark_delivered([Delivery(rid, accepted=True, reference="R1")])
        conn.execute(
            "INSERT INTO person_lookups(person_key, record, fetched_at) VALUES (?, ?, ?)",
            ("k1", f'{{"name": "{NAME}", "resident_id": "{RESIDENT_ID}"}}', "2020-01-01T00:00:00"),
        )
    return store


def test_purge_at_once_leaves_no_id_or_name_in_the_file_or_free_pages(tmp_path: Path) -> None:
    store = plant(tmp_path)
    assert RESIDENT_ID.encode() in db_bytes(tmp_path)
    assert NAME.encode() in db_bytes(tmp_path)
    with store.connect() as conn:
        report = purge(conn, 0)
        assert report.requests_deleted == 1 and report.lookups_deleted == 1
        assert report.wal_clean
        assert conn.scalar("PRAGMA freelist_count") == 0
    raw = db_bytes(tmp_path)
    assert RESIDENT_ID.encode() not in raw
    assert NAME.encode() not in raw
    assert RESIDENT_ID[:17].encode() not in raw


def test_the_automatic_purge_is_off_at_0_days_and_on_a_read_only_store(tmp_path: Path) -> None:
    plant(tmp_path)
    with open_read_only(tmp_path) as conn:
        assert purge_due(conn, 30, utcnow() + timedelta(days=31)) is None
    with Store(tmp_path).connect() as conn:
        assert purge_due(conn, 0, utcnow() + timedelta(days=31)) is None
        assert purge_due(conn, 30) is not None
        assert conn.scalar("SELECT COUNT(*) FROM requests") == 1  # not old enough yet
        report = purge_due(conn, 30, utcnow() + timedelta(days=31))
        assert report is not None and report.requests_deleted == 1


def test_purge_keeps_undelivered_and_recent_rows(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.connect() as conn:
        Outbox.enqueue(conn, "appointment.book", booking(), now=1.0)  # still queued
        report = purge(conn, 30)
        assert report.requests_deleted == 0 and report.still_queued == 1
        assert conn.scalar("SELECT COUNT(*) FROM requests") == 1
        with pytest.raises(ValueError):
            purge(conn, -1)


def test_export_bundle_is_readable_and_holds_no_id_numbers(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "yijiantong.log").write_text(
        f"booking for {RESIDENT_ID} phone 13800138000\n", encoding="utf-8"
    )
    plant(tmp_path / "data")
    out = tmp_path / "usb"
    out.mkdir()
    target = export_bundle(
        out,
        log_files=[logs / "yijiantong.log"],
        reports={
            "database.json": database_summary(tmp_path / "data"),
            "x.json": {"id": RESIDENT_ID},
        },
        kiosk_name="Centre 1",
    )
    with zipfile.ZipFile(target) as bundle:
        assert bundle.testzip() is None
        names = set(bundle.namelist())
        assert {"logs/yijiantong.log", "database.json", "x.json"} <= names
        text = "".join(bundle.read(n).decode("utf-8") for n in names)
    assert RESIDENT_ID not in text and "13800138000" not in text
    assert "3101**********" in text and '"requests": 1' in text
    assert [p.name for p in out.iterdir()] == [target.name]  # no partial file left


def read_only_folder(tmp_path: Path) -> Path:
    """A folder this process cannot write to: a 0500 folder, or /sys when running as root
    (root ignores permission bits; sysfs refuses new files to everyone)."""
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    return Path("/sys")


def test_export_to_a_read_only_folder_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    out = read_only_folder(tmp_path)
    before = sorted(p.name for p in out.iterdir())
    try:
        with pytest.raises(ExportError) as failure:
            export_bundle(out, log_files=[])
        assert failure.value.reason == "read_only"
        assert sorted(p.name for p in out.iterdir()) == before
    finally:
        if out != Path("/sys"):
            out.chmod(0o700)
    with pytest.raises(ExportError) as missing:
        export_bundle(tmp_path / "nope", log_files=[])
    assert missing.value.reason == "missing"


def test_export_to_a_full_disk_says_full(tmp_path: Path) -> None:
    """/dev/full is a real device that always reports ENOSPC; a folder that holds it is not
    available, so the writing is pointed at it through a symlink named like the partial."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    out = tmp_path / "full"
    out.mkdir()
    from datetime import UTC, datetime

    now = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    name = ".yijiantong-diagnostics-kiosk-20250102-030405.zip.partial"
    (out / name).symlink_to("/dev/full")
    with pytest.raises(ExportError) as failure:
        export_bundle(out, log_files=[], reports={"a.json": {"x": "y" * 100_000}}, now=now)
    assert failure.value.reason == "full"
