"""``yijiantong voice ...`` end to end through kiosk.cli.main, real espeak-ng and pocketsphinx."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_intent_prints_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, data = run(capsys, "--data-dir", str(tmp_path), "voice", "intent", "帮我挂个号")
    assert code == 0 and (data["intent"], data["value"]) == ("choice", "appointments")
    code, data = run(capsys, "voice", "intent", "今天天气怎么样", "--data-dir", str(tmp_path))
    assert data["intent"] is None and data["rejected"] == "no_match"
    code, data = run(capsys, "voice", "intent", "seven", "--locale", "en", "--page", "keypad")
    assert (data["intent"], data["value"]) == ("digit", "7")


def test_say_to_wav_then_recognize(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    wav = tmp_path / "back.wav"
    code, data = run(
        capsys, "--data-dir", str(tmp_path), "voice", "say", "go back", "--locale", "en",
        "--out", str(wav),
    )  # fmt: skip
    assert code == 0 and wav.stat().st_size > 10_000 and "Audio saved" not in json.dumps(data)
    code, data = run(
        capsys, "--data-dir", str(tmp_path), "voice", "recognize", str(wav), "--locale", "en"
    )
    assert code == 0 and data["engine"] == "pocketsphinx"
    assert set(data) >= {"text", "intent", "confidence", "engine"}


def test_recognize_without_a_chinese_model_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wav = tmp_path / "x.wav"
    run(capsys, "--data-dir", str(tmp_path), "voice", "say", "救命", "--out", str(wav))
    code, data = run(capsys, "--data-dir", str(tmp_path), "voice", "recognize", str(wav))
    assert code == 1 and data["state"] == "no_model" and "voice models list" in str(data["detail"])


def test_models_list_and_status(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, data = run(capsys, "--data-dir", str(tmp_path), "voice", "models", "list")
    names = [m["name"] for m in data["available"]]  # type: ignore[union-attr, index]
    assert code == 0 and "vosk-model-small-cn-0.22" in names
    assert "unverified" in json.dumps(data)
    code, status = run(capsys, "--data-dir", str(tmp_path), "status")
    assert status["voice_model"]["en"]["fallback"] == "pocketsphinx (bundled English)"  # type: ignore[index]
