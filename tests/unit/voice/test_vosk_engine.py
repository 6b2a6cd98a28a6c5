"""vosk engine: segmentation, vocabulary validation, missing / corrupt models.

No vosk model can be downloaded here, so the missing / corrupt cases use small model
folders made in tmp_path (real vosk is asked to load the corrupt one), and the
vocabulary checks use a set-backed ``has_word`` double. The real-model test runs when
a model is installed (YIJIANTONG_VOSK_MODEL_CN, or vosk-model-small-cn-0.22 under
$YIJIANTONG_DATA_DIR/voice-models) and otherwise skips, saying why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from voice.engine import EngineState
from voice.engine_choice import create_engine
from voice.intents import IntentMatcher, PageGrammar, load_catalogue
from voice.vosk_engine import VoskEngine, model_problem, segment

VOCABULARY = {
    "我",
    "要",
    "看病",
    "帮",
    "我们",
    "挂",
    "个",
    "号",
    "挂号",
    "救命",
    "返回",
    "go",
    "back",
}


def has_word(word: str) -> bool:
    return word in VOCABULARY


@pytest.mark.parametrize(
    ("phrase", "words", "unknown"),
    [
        ("我要看病", ["我", "要", "看病"], []),
        ("帮我挂个号", ["帮", "我", "挂", "个", "号"], []),
        ("我要挂号", ["我", "要", "挂号"], []),  # longest match wins over 挂 + 号
        ("救命啊", ["救命", "啊"], ["啊"]),
        ("Go back", ["go", "back"], []),
        ("go home", ["go", "home"], ["home"]),
    ],
)
def test_segment_into_model_words(phrase: str, words: list[str], unknown: list[str]) -> None:
    assert segment(phrase, has_word) == (words, unknown)


def _fake_model(folder: Path, *, complete: bool) -> Path:
    (folder / "am").mkdir(parents=True)
    (folder / "conf").mkdir()
    (folder / "am" / "final.mdl").write_bytes(b"not a kaldi model")
    (folder / "conf" / "model.conf").write_text("--sample-frequency=16000\n")
    if complete:
        (folder / "graph").mkdir()
        (folder / "graph" / "HCLr.fst").write_bytes(b"not an fst")
    return folder


def test_missing_model_is_a_state(tmp_path: Path) -> None:
    engine = VoskEngine(tmp_path / "nowhere")
    status = engine.status()
    assert status.state is EngineState.NO_MODEL
    assert "no speech model" in status.detail
    assert engine.set_grammar(["救命"]).accepted == {}
    assert engine.end_utterance().text == ""


def test_incomplete_model_is_reported_before_vosk_sees_it(tmp_path: Path) -> None:
    folder = _fake_model(tmp_path / "m", complete=False)
    problem = model_problem(folder)
    assert problem is not None and problem[0] is EngineState.CORRUPT_MODEL
    assert "graph/HCLG.fst or graph/HCLr.fst" in problem[1]
    assert VoskEngine(folder).status().state is EngineState.CORRUPT_MODEL


def test_corrupt_model_files_do_not_crash(tmp_path: Path) -> None:
    """Real vosk is asked to load garbage files: it must fail into a state."""
    folder = _fake_model(tmp_path / "m", complete=True)
    engine = VoskEngine(folder)
    status = engine.status()
    assert status.state is EngineState.CORRUPT_MODEL
    assert "could not be loaded" in status.detail
    engine.start_utterance()
    engine.accept_audio(b"\0" * 3200)
    assert engine.end_utterance().text == ""


def test_factory_reports_missing_chinese_model_and_uses_sphinx_for_english(
    tmp_path: Path,
) -> None:
    zh = create_engine("zh_CN", tmp_path)
    assert zh.status().state is EngineState.NO_MODEL
    assert "voice models list" in zh.status().detail
    assert create_engine("en", tmp_path).name == "pocketsphinx"
    off = create_engine("en", tmp_path, {"en": "none"})
    assert off.status().state is EngineState.UNAVAILABLE
    assert create_engine("en", tmp_path, {"en": "vosk"}).status().state is EngineState.NO_MODEL


def _installed_cn_model() -> Path | None:
    explicit = os.environ.get("YIJIANTONG_VOSK_MODEL_CN")
    if explicit:
        return Path(explicit)
    data = os.environ.get("YIJIANTONG_DATA_DIR")
    candidate = Path(data) / "voice-models" / "vosk-model-small-cn-0.22" if data else None
    return candidate if candidate is not None and candidate.is_dir() else None


def test_real_chinese_model_validates_every_grammar_word() -> None:
    model = _installed_cn_model()
    if model is None:
        pytest.skip(
            "no vosk Chinese model installed (set YIJIANTONG_VOSK_MODEL_CN or run "
            "`yijiantong voice models install vosk-model-small-cn-0.22`); it is a 42 MB "
            "download this offline machine cannot make"
        )
    engine = VoskEngine(model)
    assert engine.status().ready, engine.status().detail
    matcher = IntentMatcher(load_catalogue("zh_CN"))
    report = engine.set_grammar(list(matcher.expected(PageGrammar(digits=True))))
    assert report.accepted
    assert "救命" in report.accepted
    engine.start_utterance()
    engine.accept_audio(b"\0" * 32000)
    assert engine.end_utterance().text == ""
