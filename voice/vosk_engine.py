"""vosk (Kaldi) recognition, loaded from a model folder by path.

Known traps (docs/domain.md), each handled here:

* ``vosk.Model(lang=...)`` downloads and may ``sys.exit``: only ``Model(path)`` is used.
* A grammar only keeps words the model knows and drops the others with nothing but a
  log line. Chinese phrases have no spaces, so each phrase is segmented into model
  words first (longest match against the model's vocabulary), and every phrase with a
  word the model lacks is reported in the :class:`~voice.engine.GrammarReport` at
  start-up instead of silently turning into a different phrase.
* A grammar is not strict: out-of-grammar speech comes back as grammar words.
  ``[unk]`` is always in the grammar and the post-filter (voice/intents.py) decides.
* A missing or corrupt model folder is a state (:class:`~voice.engine.EngineState`),
  checked before vosk sees it, and vosk's own failure to load is caught too.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from voice.engine import (
    SAMPLE_RATE,
    EngineState,
    EngineStatus,
    GrammarReport,
    Transcript,
)

log = logging.getLogger("yijiantong.voice.vosk")

# Files every vosk model layout we install has (v2 layout: am/ conf/ graph/).
REQUIRED_FILES = ("am/final.mdl", "conf/model.conf")
GRAPH_FILES = ("graph/HCLG.fst", "graph/HCLr.fst")
MAX_WORD_CHARS = 6
MAX_CACHED_GRAMMARS = 8


def model_problem(folder: Path) -> tuple[EngineState, str] | None:
    """Why ``folder`` is not a usable vosk model, or None. Cheap: looks at files only."""
    if not folder.is_dir():
        return EngineState.NO_MODEL, f"no speech model at {folder}"
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if not any((folder / name).is_file() for name in GRAPH_FILES):
        missing.append(" or ".join(GRAPH_FILES))
    if missing:
        return EngineState.CORRUPT_MODEL, (
            f"the speech model at {folder} is incomplete (missing {', '.join(missing)}); "
            "install it again with `yijiantong voice models install`"
        )
    return None


def is_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def segment(phrase: str, has_word: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    """Split a phrase into model words; returns (words, words the model does not know).

    Space-separated text (English) is split on spaces. Chinese is segmented by longest
    match against the vocabulary; a character that starts no known word is unknown.
    """
    words: list[str] = []
    unknown: list[str] = []
    for chunk in phrase.split():
        if not is_cjk(chunk):
            word = chunk.lower()
            words.append(word)
            if not has_word(word):
                unknown.append(word)
            continue
        position = 0
        while position < len(chunk):
            for size in range(min(MAX_WORD_CHARS, len(chunk) - position), 0, -1):
                candidate = chunk[position : position + size]
                if has_word(candidate):
                    break
            else:
                candidate = chunk[position]
                unknown.append(candidate)
            words.append(candidate)
            position += len(candidate)
    return words, unknown


class VoskEngine:
    name = "vosk"

    def __init__(self, model_dir: Path) -> None:
        self.model_dir = model_dir
        self._model: Any = None
        self._recognizer: Any = None
        self._grammar_key: tuple[str, ...] | None = None
        self._recognizers: dict[tuple[str, ...], Any] = {}
        self._status = self._load()

    def _load(self) -> EngineStatus:
        problem = model_problem(self.model_dir)
        if problem is not None:
            state, detail = problem
            return EngineStatus(self.name, state, detail, self.model_dir.name)
        try:
            import vosk

            vosk.SetLogLevel(-1)
            self._model = vosk.Model(str(self.model_dir))  # by path: never lang= (network)
        except Exception as exc:
            log.warning("vosk model %s failed to load: %s", self.model_dir, exc)
            return EngineStatus(
                self.name,
                EngineState.CORRUPT_MODEL,
                f"the speech model at {self.model_dir} could not be loaded ({exc}); "
                "install it again with `yijiantong voice models install`",
                self.model_dir.name,
            )
        return EngineStatus(self.name, EngineState.READY, "model loaded", self.model_dir.name)

    def status(self) -> EngineStatus:
        return self._status

    def has_word(self, word: str) -> bool:
        return self._model is not None and self._model.vosk_model_find_word(word) >= 0

    def set_grammar(self, phrases: Sequence[str]) -> GrammarReport:
        accepted: dict[str, str] = {}
        unknown: dict[str, tuple[str, ...]] = {}
        if self._model is None:
            return GrammarReport(accepted, unknown)
        for phrase in phrases:
            if phrase == "[unk]":
                continue
            words, missing = segment(phrase, self.has_word)
            if missing:
                unknown[phrase] = tuple(missing)
            else:
                accepted[phrase] = " ".join(words)
        if unknown:
            log.warning("grammar phrases with words the vosk model lacks: %s", unknown)
        key = (*sorted(set(accepted.values())), "[unk]")
        self._grammar_key = key
        if key not in self._recognizers:  # switching page ↔ emergency-only is common
            import vosk

            if len(self._recognizers) >= MAX_CACHED_GRAMMARS:
                self._recognizers.pop(next(iter(self._recognizers)))
            recognizer = vosk.KaldiRecognizer(
                self._model, SAMPLE_RATE, json.dumps(list(key), ensure_ascii=False)
            )
            recognizer.SetWords(True)  # per-word confidences in the result
            self._recognizers[key] = recognizer
        self._recognizer = self._recognizers[key]
        return GrammarReport(accepted, unknown)

    def start_utterance(self) -> None:
        if self._recognizer is not None:
            self._recognizer.Reset()

    def accept_audio(self, pcm: bytes) -> None:
        if self._recognizer is not None and pcm:
            self._recognizer.AcceptWaveform(pcm)

    def end_utterance(self) -> Transcript:
        if self._recognizer is None:
            return Transcript("", 0.0, self.name)
        result = json.loads(self._recognizer.FinalResult() or "{}")
        text = str(result.get("text", "")).replace("[unk]", "").strip()
        words = tuple(str(w.get("word", "")) for w in result.get("result", []))
        confidences = [float(w.get("conf", 0.0)) for w in result.get("result", [])]
        confidence = min(confidences) if confidences else (1.0 if text else 0.0)
        return Transcript(" ".join(text.split()), confidence, self.name, words)

    def close(self) -> None:
        self._recognizers.clear()
        self._recognizer = None
        self._model = None
