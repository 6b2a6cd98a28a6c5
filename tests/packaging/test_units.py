"""systemd units, shell scripts, log rotation and the .desktop file, checked by the real
tools: systemd-analyze verify, shellcheck, logrotate -d and desktop-file-validate
(packaging/test.sh installs them with apt). No bundle needed.

systemd-analyze verify also checks that each ExecStart binary exists, so the units are
verified with /opt/yijiantong pointing at a folder holding stand-in executables: the
same substitution install.sh --root makes. Nothing else in the units is changed.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import REPO_ROOT

pytestmark = pytest.mark.packaging

PACKAGING = REPO_ROOT / "packaging"
UNITS = ("yijiantong.service", "yijiantong-hub.service")
SCRIPTS = sorted(PACKAGING.glob("*.sh"))


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed; run bash packaging/test.sh (it installs it)"
    return path


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / "systemd" / name, encoding="utf-8")
    return parser


def test_units_verify_clean(tmp_path: Path) -> None:
    prefix = tmp_path / "opt-yijiantong"
    prefix.mkdir()
    for exe in ("yijiantong", "yijiantong-hub"):
        (prefix / exe).write_text("#!/bin/sh\n")
        (prefix / exe).chmod(0o755)
    for name in UNITS:
        text = (PACKAGING / "systemd" / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("/opt/yijiantong", str(prefix)))
    result = subprocess.run(
        [tool("systemd-analyze"), "verify", *(str(tmp_path / n) for n in UNITS)],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout + result.stderr == ""


def test_kiosk_unit_is_a_watched_cage_session_on_tty1() -> None:
    kiosk = unit("yijiantong.service")
    service, section = kiosk["Service"], kiosk["Unit"]
    assert service["Type"] == "notify"
    assert service["NotifyAccess"] == "all"  # the app is cage's child, not the main PID
    assert 10 <= int(service["WatchdogSec"]) <= 60
    assert service["Restart"] == "always"
    assert section["StartLimitAction"] == "reboot"
    assert int(section["StartLimitBurst"]) >= 3
    assert service["User"] == "yijiantong"
    assert service["PAMName"] == "login"
    assert service["TTYPath"] == "/dev/tty1"
    assert service["UtmpIdentifier"] == "tty1"
    exec_start = service["ExecStart"].split()
    assert exec_start[0] == "/usr/bin/cage"
    assert exec_start[-4:] == ["-u", "WATCHDOG_PID", "/opt/yijiantong/yijiantong", "run"]


def test_hub_unit_runs_the_bundled_hub_unprivileged() -> None:
    service = unit("yijiantong-hub.service")["Service"]
    assert service["ExecStart"].startswith("/opt/yijiantong/yijiantong-hub ")
    assert service["User"] == "yijiantong-hub"
    assert service["ProtectSystem"] == "strict"
    assert service["Restart"] == "always"


def test_scripts_are_shellcheck_clean() -> None:
    assert len(SCRIPTS) >= 4
    result = subprocess.run(
        [tool("shellcheck"), "--severity=style", *map(str, SCRIPTS)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_fail_fast(script: Path) -> None:
    head = script.read_text(encoding="utf-8")[:2000]
    assert "set -euo pipefail" in head or "set -eu" in head


def test_logrotate_config_parses(tmp_path: Path) -> None:
    # The `su yijiantong` line needs the kiosk user, which exists only once installed.
    text = (PACKAGING / "logrotate" / "yijiantong").read_text(encoding="utf-8")
    assert "su yijiantong yijiantong" in text
    (tmp_path / "conf").write_text(text.replace("su yijiantong yijiantong", "su root root"))
    result = subprocess.run(
        [tool("logrotate"), "-d", "-s", str(tmp_path / "state"), str(tmp_path / "conf")],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "error" not in (result.stdout + result.stderr).lower()


def test_desktop_file_is_valid() -> None:
    desktop = PACKAGING / "yijiantong.desktop"
    result = subprocess.run(
        [tool("desktop-file-validate"), str(desktop)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Exec=/opt/yijiantong/yijiantong run --windowed" in desktop.read_text(encoding="utf-8")
