"""The header tells the senior, in words, whether the kiosk reaches the service centre.
Real reference hub (subprocess on loopback), real SQLite store, real sync worker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.cli.sync import enrol
from kiosk.testing import build_main_window, close_main_window, kiosk_app_of
from tests.helpers.hub_process import HubProcess
from tests.helpers.kiosk_driver import fast_sync


def test_online_then_offline_then_online(qtbot: QtBot, tmp_path: Path) -> None:
    with HubProcess(tmp_path / "hub") as hub:
        data_dir = tmp_path / "kiosk"
        assert enrol(data_dir, hub.url, hub.enrolment_code(), "e2e kiosk") == 0
        window = build_main_window(data_dir, sync_config=fast_sync())
        try:
            label = window.header.connection
            qtbot.waitUntil(
                lambda: label.isVisible() and label.plain_text() == "已连接服务中心",
                timeout=20_000,
            )
            hub.stop()
            worker = kiosk_app_of(window).sync_worker
            assert worker is not None
            worker.wake()
            qtbot.waitUntil(lambda: label.plain_text().startswith("暂时离线"), timeout=30_000)
            window.set_locale("en")
            assert label.accessibleName() == "Offline: your requests are kept and sent later"
            hub.restart()
            worker.wake()
            qtbot.waitUntil(
                lambda: label.plain_text() == "Connected to the service centre", timeout=30_000
            )
        finally:
            close_main_window(window)
            window.deleteLater()


def log_text(data_dir: Path) -> str:
    for handler in __import__("logging").getLogger("yijiantong").handlers:
        handler.flush()
    path = data_dir / "logs" / "yijiantong.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_no_hub_configured_shows_no_indicator(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_main_window(tmp_path)
    try:
        assert not window.header.connection.isVisible()
        qtbot.waitUntil(lambda: "sync (after first frame)" in log_text(tmp_path))
        assert kiosk_app_of(window).sync_worker is None
    finally:
        close_main_window(window)
        window.deleteLater()


def test_demo_command_starts_hub_enrols_and_shows_the_kiosk(tmp_path: Path) -> None:
    """`yijiantong demo` end to end: hub up, kiosk enrolled, first frame painted, all stopped."""
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "demo"],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "YIJIANTONG_EXIT_AFTER_FIRST_FRAME": "1",
            "TMPDIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Enrolled with" in result.stdout
    assert '"first_frame"' in result.stdout
    assert not list(tmp_path.glob("yijiantong-demo-*")), "demo folder must be removed"
