"""The recognition pipeline: audio → engine → post-filter → intent.

One object, used by the ASR worker in the kiosk, by ``yijiantong voice recognize`` and
by the end-to-end tests, so that what is tested is what runs. It is owned by a single
thread (the engine is not thread-safe).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

from voice.engine import CHUNK_BYTES, GrammarReport, RecognitionEngine, Transcript
from voice.intents import (
    IntentMatch,
    IntentMatcher,
    MatchOutcome,
    PageGrammar,
    Target,
    grammar_phrases,
)


@dataclass(frozen=True)
class PipelineResult:
    transcript: Transcript
    outcome: MatchOutcome
    latency_s: float  # end of utterance → outcome

    @property
    def accepted(self) -> bool:
        return isinstance(self.outcome, IntentMatch)

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of ``yijiantong voice recognize`` (the command-line contract)."""
        out: dict[str, object] = {
            "text": self.transcript.text,
            "intent": self.outcome.intent,
            "confidence": round(self.transcript.confidence, 3),
            "engine": self.transcript.engine,
        }
        out["match"] = self.outcome.as_dict()
        out["latency_ms"] = round(1000 * self.latency_s, 1)
        return out


class VoicePipeline:
    def __init__(self, engine: RecognitionEngine, matcher: IntentMatcher) -> None:
        self.engine = engine
        self.matcher = matcher
        self._expected: dict[str, Target] = {}

    def set_page(self, page: PageGrammar) -> GrammarReport:
        return self.set_expected(self.matcher.expected(page))

    def set_expected(self, expected: Mapping[str, Target]) -> GrammarReport:
        """Set the expected phrases; the engine grammar gets them plus ``[unk]``."""
        self._expected = dict(expected)
        return self.engine.set_grammar([*grammar_phrases(self._expected), "[unk]"])

    @property
    def expected(self) -> Mapping[str, Target]:
        return self._expected

    def start(self) -> None:
        self.engine.start_utterance()

    def feed(self, pcm: bytes) -> None:
        self.engine.accept_audio(pcm)

    def finish(self) -> PipelineResult:
        began = time.perf_counter()
        transcript = self.engine.end_utterance()
        outcome = self.matcher.match(transcript.text, self._expected)
        return PipelineResult(transcript, outcome, time.perf_counter() - began)

    def recognize(self, pcm: bytes) -> PipelineResult:
        """A whole utterance, fed in capture-sized chunks as the microphone would."""
        self.start()
        for start in range(0, len(pcm), CHUNK_BYTES):
            self.feed(pcm[start : start + CHUNK_BYTES])
        return self.finish()
