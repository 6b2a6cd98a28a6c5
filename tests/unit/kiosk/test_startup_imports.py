"""The modules on the kiosk's start-up path leave rarely needed imports until they are needed.

Every import before the first frame is paid on each start (tests/bench/bench_startup.py).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

NOT_AT_START_UP = (
    "services.identity",  # loaded by the log filter on the first record that may need it
    "tomllib",  # only when a settings file exists
    "platformdirs",  # only without an explicit data dir
    "json",  # only for `status`
    "importlib.resources",
)

SCRIPT = """
import logging, sys
from pathlib import Path
from kiosk import cli, diagnostics
from kiosk.config import load_config
from kiosk.logs import CrashCapture, setup_logging
from kiosk.paths import resolve_paths
from ui import fonts, i18n, icons, theme

cli.build_parser().parse_args(["run", "--windowed", "--data-dir", sys.argv[1]])
paths = resolve_paths(sys.argv[1])
paths.ensure()
setup_logging(paths.log_dir, to_stderr=False)
logging.getLogger("yijiantong.init").info("Yijiantong starting; data dir %s", paths.data_dir)
CrashCapture(paths.crash_log).install()
load_config(paths.config_file)
i18n.qm_path("zh_CN")
icons._svg_source("home")
loaded = set(sys.modules)
sys.stdout.write(repr(sorted(loaded)))
"""


def test_start_up_path_does_not_import_what_it_does_not_need(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout
    loaded = set(ast.literal_eval(out))

    assert "kiosk.logs" in loaded
    assert sorted(m for m in NOT_AT_START_UP if m in loaded) == []


# Loaded after the home screen's first paint, never before: the network and data stack,
# speech engines and audio libraries.
NOT_BEFORE_FIRST_FRAME = (
    "requests",
    "urllib3",
    "pydantic",
    "sqlite_utils",
    "sqlite3",
    "services.store",
    "services.sync",
    "services.protocol",
    "pocketsphinx",
    "vosk",
    "pyttsx3",
    "sounddevice",
    "faster_whisper",
    "ctranslate2",
    "onnxruntime",
    "psycopg",
)


def test_nothing_heavy_is_loaded_before_the_first_frame(tmp_path: Path) -> None:
    """The real ``kiosk run`` until its first painted frame, then the loaded modules."""
    modules_file = tmp_path / "modules.txt"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "YIJIANTONG_EXIT_AFTER_FIRST_FRAME": "1",
        "YIJIANTONG_FIRST_FRAME_MODULES": str(modules_file),
    }
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "--data-dir", str(tmp_path / "k")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"first_frame"' in done.stdout
    loaded = set(modules_file.read_text(encoding="utf-8").split())
    assert "ui.main_window" in loaded  # the list is the real one
    early = sorted(
        m for m in loaded if any(m == h or m.startswith(h + ".") for h in NOT_BEFORE_FIRST_FRAME)
    )
    assert early == [], f"loaded before the first frame: {early}"


def test_the_settings_file_is_still_read_when_present(tmp_path: Path) -> None:
    from kiosk.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('theme = "dark"\n', encoding="utf-8")

    assert load_config(path, environ={}).config.theme == "dark"
