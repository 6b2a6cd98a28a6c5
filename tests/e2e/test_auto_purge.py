"""Personal data of delivered requests leaves the kiosk by itself after ``purge_after_days``,
only while the kiosk stands idle; requests still waiting to be sent are kept."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from kiosk.testing import build_main_window, close_main_window, kiosk_app_of
from services.outbox import Outbox
from services.store import iso, utcnow
from tests.unit.services.test_admin_services import booking
from tests.unit.services.test_purge_export import NAME, db_bytes, plant
from ui.auto_purge import AutoPurge

WAIT_MS = 30_000
WAITING = "王小明"


def test_old_personal_data_is_removed_by_itself_and_queued_requests_stay(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data_dir = tmp_path / "kiosk"
    store = plant(data_dir)
    with store.connect() as conn:
        conn.execute("UPDATE requests SET delivered_at = ?", (iso(utcnow() - timedelta(days=31)),))
        Outbox.enqueue(conn, "appointment.book", booking(WAITING), now=time.time())
    assert NAME.encode() in db_bytes(data_dir)
    window = build_main_window(data_dir, auto_purge_first_ms=50, purge_after_days=30)
    try:
        with qtbot.waitSignal(kiosk_app_of(window).auto_purge.finished, timeout=WAIT_MS) as done:
            pass
        report = done.args[0]
        assert report is not None and report.requests_deleted == 1 and report.still_queued == 1
        raw = db_bytes(data_dir)
        assert NAME.encode() not in raw, "the name must not survive even in free pages"
        assert WAITING.encode() in raw
    finally:
        close_main_window(window)
        window.deleteLater()


class RecordingPort:
    """A data port that counts jobs and completes them at once: only the scheduling is
    under test here (the purge itself ran on a real store in the test above)."""

    def __init__(self) -> None:
        self.jobs = 0

    def run(self, job: Any, on_done: Any, on_error: Any = None) -> None:
        self.jobs += 1
        on_done(None)


def test_it_waits_while_someone_uses_the_kiosk(qtbot: QtBot) -> None:
    port = RecordingPort()
    in_use = [True]
    purge = AutoPurge(port, days=lambda: 30, idle=lambda: not in_use[0], first_run_ms=10)
    qtbot.waitUntil(lambda: purge._timer.interval() != 10, timeout=WAIT_MS)  # looked, waited
    assert port.jobs == 0
    in_use[0] = False
    purge._timer.start(10)
    with qtbot.waitSignal(purge.finished, timeout=WAIT_MS):
        pass
    assert port.jobs == 1
    purge.stop()
