"""The kiosk's own disk failing under a sync, named for what it is: a real full tmpfs, a real
file-size limit (``RLIMIT_FSIZE``, as ``ulimit -f`` or systemd's ``LimitFSIZE=`` set it)
around ``yijiantong sync --once`` against the REAL hub, and a read-only folder."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from services.outbox import Outbox
from services.store import (
    DB_FILENAME,
    StorageFullError,
    StorageReadOnlyError,
    Store,
    connect_for_reading,
)
from tests.helpers.disks import fill, make_read_only, tiny_disk
from tests.helpers.hub_process import HubProcess
from tests.helpers.kiosk_side import CALLBACK, kiosk_store

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Linux mounts and rlimits")


def test_a_full_disk_is_reported_as_full_not_as_an_io_error(tmp_path: Path) -> None:
    """SQLite reports some writes on a full disk as SQLITE_IOERR; the kiosk must still say
    "the disk is full" (what staff can fix) and never a vague "disk I/O error"."""
    with tiny_disk(tmp_path / "disk") as disk:
        store = Store(disk)
        fill(disk)
        with pytest.raises(StorageFullError) as full, store.connect() as conn:
            for _ in range(50):
                Outbox.enqueue(conn, "callback.request", {**CALLBACK, "note": "x" * 20_000})
        assert str(full.value).startswith("The disk is full")


def test_sync_once_under_a_file_size_limit_exits_4_and_says_so(
    hub: HubProcess, hub_token: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "kiosk"
    kiosk_store(data_dir, hub.url, hub_token)
    limit = (data_dir / DB_FILENAME).stat().st_size + 4096  # the catalogues will not fit

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--data-dir", str(data_dir), "sync", "--once"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit_file_size,  # only setrlimit runs in the child before exec
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=False,
    )
    assert done.returncode == 4, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] is False and report["failure"] == "storage"
    assert "largest file size" in report["error"]


def test_a_read_only_folder_is_still_readable(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        with Store(disk).connect() as conn:
            Outbox.enqueue(conn, "callback.request", CALLBACK)
            conn.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        make_read_only(disk)
        with pytest.raises(StorageReadOnlyError):
            Store(disk)
        with connect_for_reading(disk) as conn:
            assert conn.read_only
            assert Outbox(conn, lane=None).depth() == 1
            with pytest.raises(StorageReadOnlyError):
                Outbox.enqueue(conn, "callback.request", CALLBACK)
