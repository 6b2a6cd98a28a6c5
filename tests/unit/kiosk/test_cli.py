"""The command-line contract, exercised as a user would, in subprocesses."""

from __future__ import annotations

import argparse
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import build_parser

PAGES = {"home", "appointments", "meals", "benefits", "emergency", "idle_warning"}


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        check=False,
    )


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_every_command_and_option_has_help_text() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert {"run", "demo", "screenshot", "status"} <= set(subparsers.choices)
    helps = {c.dest: c.help for c in subparsers._choices_actions}
    for name, sub in subparsers.choices.items():
        assert helps.get(name), f"command {name} has no help"
        for action in sub._actions:
            if action.option_strings and action.dest != "help":
                assert action.help, f"{name} {action.option_strings} has no help"
        assert any("--data-dir" in a.option_strings for a in sub._actions), name


def test_help_runs_without_a_display() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "screenshot" in result.stdout and "idle_timeout_s" in result.stdout


def test_screenshot_list_names_every_page(tmp_path: Path) -> None:
    result = run_cli("screenshot", "--list", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    from kiosk.preview.admin import PAGES as ADMIN_PAGES
    from kiosk.preview.emergency import WALK_NAMES as EMERGENCY_STATES
    from ui.flows import appointments, benefits, meals

    flows = {*appointments.PAGES, *meals.PAGES, *benefits.PAGES}
    walked = {*EMERGENCY_STATES, *ADMIN_PAGES}
    assert {"emergency.acknowledged", "admin.menu", "admin.settings.kiosk"} <= walked
    assert set(result.stdout.split()) == PAGES | flows | {"identify", "phone"} | walked


def test_screenshot_writes_png_of_requested_size(tmp_path: Path) -> None:
    out = tmp_path / "shots" / "meals.png"
    result = run_cli(
        "screenshot",
        "--page",
        "meals",
        "--locale",
        "en",
        "--theme",
        "dark",
        "--scale",
        "150",
        "--size",
        "1280x1024",
        "--out",
        str(out),
        "--data-dir",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert png_size(out) == (1280, 1024)


@pytest.mark.parametrize("page", ["admin.helpers", "appointments.result", "emergency.sending"])
def test_a_preview_screenshot_never_touches_the_kiosks_own_data(tmp_path: Path, page: str) -> None:
    """Previews walk the real flows: they book, raise alarms, add sample helpers with known
    PINs. Pointed at a real kiosk's folder, none of that may land in its database."""
    import time

    from services import admin_pin
    from services.outbox import list_requests
    from services.store import Store

    with Store(tmp_path).connect() as conn:
        admin_pin.set_admin_pin(conn, "246810")
    (tmp_path / "config.toml").write_text('theme = "dark"\n', encoding="utf-8")
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    out = tmp_path / "shot.png"
    result = run_cli("screenshot", "--page", page, "--out", str(out), "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    with Store(tmp_path).connect() as conn:
        assert admin_pin.check_admin_pin(conn, "246810", time.time()).ok
        assert admin_pin.list_helpers(conn) == []
        assert list_requests(conn) == []
        assert conn.scalar("SELECT COUNT(*) FROM alarms") == 0
    assert (tmp_path / "config.toml").stat().st_mtime_ns == before["config.toml"]
    assert png_size(out) == (1920, 1080)
    from PySide6.QtGui import QColor, QImage

    from ui.theme import THEMES

    # ... but it shows that kiosk's settings: its dark theme.
    assert QImage(str(out)).pixelColor(4, 4) == QColor(THEMES["dark"].window_bg)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--page", "nowhere", "--out", "x.png"], "unknown page 'nowhere'"),
        (["--page", "home", "--out", "x.png", "--size", "big"], "size must look like"),
        (["--page", "home"], "--page and --out are required"),
    ],
)
def test_screenshot_bad_input_is_explained(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli("screenshot", *args, "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert message in result.stderr


def test_status_is_json_and_reports_config_problems(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('theme = "purple"\n', encoding="utf-8")
    result = run_cli("status", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert {"version", "queue_depth", "last_sync", "alarms_pending", "voice_model"} <= set(status)
    assert status["data_dir"] == str(tmp_path.resolve())
    assert status["settings"]["theme"] == "light"
    assert any("theme" in p and "light, dark" in p for p in status["config_problems"])


def test_status_shows_whether_a_secret_is_set_never_the_secret(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('sip_password = "Sip-Pass-7731"\n', encoding="utf-8")
    result = run_cli("status", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Sip-Pass-7731" not in result.stdout
    assert json.loads(result.stdout)["settings"]["sip_password"] == "(set, not shown)"


def test_data_dir_from_environment(tmp_path: Path) -> None:
    result = run_cli("status", env={"YIJIANTONG_DATA_DIR": str(tmp_path)})
    assert json.loads(result.stdout)["data_dir"] == str(tmp_path.resolve())


def test_no_command_prints_help_and_fails() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "usage: yijiantong" in result.stdout
