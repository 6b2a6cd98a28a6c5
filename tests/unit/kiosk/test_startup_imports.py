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


def test_the_settings_file_is_still_read_when_present(tmp_path: Path) -> None:
    from kiosk.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('theme = "dark"\n', encoding="utf-8")

    assert load_config(path, environ={}).config.theme == "dark"
