"""``yijiantong --self-test`` from the virtualenv (tests/packaging runs it in the bundle).

The command runs for real in a subprocess: offscreen Qt, real SQLite, real espeak-ng and
pocketsphinx. No vosk model is installed here, which the self-test must treat as normal.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import selftest
from kiosk.selftest import FAILED, OK, WARNING, CheckResult, report


def self_test(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--self-test", *args],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )


@pytest.mark.slow
def test_self_test_passes_and_migrates_the_given_data_dir(tmp_path: Path) -> None:
    result = self_test("--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("yijiantong ") and "(python; data dir" in lines[0]
    for check in ("translations", "database", "home screen", "speech output", "speech input"):
        assert any(line.split(":")[0].split() == [OK, *check.split()] for line in lines), check
    assert "vosk model missing (normal" in result.stdout
    assert lines[-1].startswith("self-test passed")
    assert (tmp_path / "yijiantong.sqlite3").is_file()


@pytest.mark.slow
def test_self_test_fails_and_says_why_when_the_data_dir_is_unusable(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("not a folder")
    result = self_test("--data-dir", str(blocked))
    assert result.returncode == 1
    assert f"{FAILED}   database:" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("self-test FAILED: database")


def test_missing_translation_is_a_failure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("ui.i18n.qm_path", lambda locale: tmp_path / f"{locale}.qm")
    with pytest.raises(selftest.CheckError, match="translations missing"):
        selftest.check_translations()


def test_warnings_pass_and_failures_fail() -> None:
    out = io.StringIO()
    results = [CheckResult("a", OK, "fine"), CheckResult("b", WARNING, "no microphone")]
    assert report(results, out) == 0
    assert "1 warning" in out.getvalue()
    out = io.StringIO()
    assert report([*results, CheckResult("c", FAILED, "broken")], out) == 1
    assert out.getvalue().splitlines()[-1] == "self-test FAILED: c"
