"""A helper checks benefits for a senior: the check and the status look-up are written to
the audit log (helper, action, masked person) and counted for the usage chart. Real kiosk,
real hub on loopback, real SQLite file.

Helper mode is started through the controller here; signing in by badge and PIN is
tested in test_admin.py.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from tests.e2e.test_benefits import answer_all, to_benefits
from tests.helpers.hub_process import HubProcess, resident_id
from tests.helpers.kiosk_driver import WAIT_MS


def test_benefit_check_and_status_by_a_helper_are_audited_and_counted(
    make_kiosk: Any, hub: HubProcess
) -> None:
    kiosk = make_kiosk()
    kiosk.app.admin.start_helper_mode("Zhang Min")
    database = kiosk.app.paths.data_dir / "yijiantong.sqlite3"

    def audited() -> list[tuple[str, str, str | None]]:
        with sqlite3.connect(database) as raw:
            return raw.execute(
                "SELECT helper, action, masked_person FROM audit_log ORDER BY seq"
            ).fetchall()

    def counted(kind: str) -> int:
        with sqlite3.connect(database) as raw:
            row = raw.execute(
                "SELECT COALESCE(SUM(count), 0) FROM usage_daily WHERE kind = ?", (kind,)
            ).fetchone()
            return int(row[0])

    number = resident_id(21)
    masked = number[:4] + "*" * 10 + number[-4:]
    to_benefits(kiosk, serial=21)
    kiosk.choose("screen", "benefits.question")
    answer_all(kiosk, {"hukou": "yes"})
    kiosk.wait_page("benefits.result")
    kiosk.qtbot.waitUntil(
        lambda: ("Zhang Min", "benefit_check", masked) in audited(), timeout=WAIT_MS
    )
    kiosk.window.go_back()
    kiosk.qtbot.waitUntil(lambda: kiosk.window.current_page() == "benefits", timeout=WAIT_MS)
    kiosk.choose("status", "benefits.status")
    kiosk.qtbot.waitUntil(
        lambda: ("Zhang Min", "benefit_status", masked) in audited(), timeout=WAIT_MS
    )
    assert counted("benefit_checks") >= 1
    assert all(number not in str(row) for row in audited())  # never the full ID
