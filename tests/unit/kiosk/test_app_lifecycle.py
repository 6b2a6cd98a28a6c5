"""Start-up order, signal-driven shutdown, crash capture and missing-font warnings,
checked on the real program in a subprocess (offscreen Qt)."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.logs import CrashCapture, setup_logging
from tests.helpers.waiting import wait_until

STEPS = [
    "crash capture",
    "configuration",
    "Qt application",
    "signal bridge",
    "translations",
    "fonts",
    "main window",
    "session",
    "emergency",
    "watchdog",
    # after the first frame:
    "services",
    "voice",
    "admin",
    "sync (after first frame)",
]


def start_kiosk(data_dir: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / "stderr.txt").open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--windowed", "--data-dir", str(data_dir)],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def log_text(data_dir: Path) -> str:
    path = data_dir / "logs" / "yijiantong.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_ordered_start_and_clean_shutdown_on_signal(tmp_path: Path, signum: int) -> None:
    process = start_kiosk(tmp_path)
    try:
        wait_until(lambda: "start-up: sync (after first frame)" in log_text(tmp_path), timeout=60)
        process.send_signal(signum)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    text = log_text(tmp_path)
    positions = [text.index(f"start-up: {step} (") for step in STEPS]
    assert positions == sorted(positions), "subsystems must start in the declared order"
    assert positions[STEPS.index("watchdog")] < text.index("start-up complete")
    assert text.index("start-up complete") < positions[STEPS.index("services")]
    assert "shutting down" in text and "shutdown complete" in text
    assert text.index("stopped: session") < text.index("stopped: main window")
    assert (tmp_path / "logs" / "crash.log").exists()


def test_missing_cjk_fonts_gives_a_clear_warning(tmp_path: Path) -> None:
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        "<dir>/usr/share/fonts/truetype/dejavu</dir>"
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk",
            "screenshot",
            "--page",
            "home",
            "--out",
            str(tmp_path / "home.png"),
            "--data-dir",
            str(tmp_path),
        ],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(conf)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Chinese fonts are missing; install fonts-noto-cjk" in result.stderr
    assert "no Chinese (CJK) fonts found" in log_text(tmp_path)


def test_invalid_config_starts_on_defaults_with_message(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("text_scale = 'huge'\n", encoding="utf-8")
    process = start_kiosk(tmp_path)
    try:
        wait_until(lambda: "start-up: sync (after first frame)" in log_text(tmp_path), timeout=60)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0
    stderr = (tmp_path / "stderr.txt").read_text(encoding="utf-8")
    assert "text_scale = 'huge' is not valid; it must be one of 100, 125, 150, 200" in stderr


def test_uncaught_exception_is_logged_and_written_to_crash_log(tmp_path: Path) -> None:
    setup_logging(tmp_path / "logs", to_stderr=False)
    seen: list[str] = []
    capture = CrashCapture(tmp_path / "logs" / "crash.log", on_exception=seen.append)
    capture.install()
    try:
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        capture.uninstall()
        for handler in logging.getLogger("yijiantong").handlers:
            handler.flush()
    assert "boom in a slot" in (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "boom in a slot" in log_text(tmp_path)
    assert seen and "RuntimeError" in seen[0]
