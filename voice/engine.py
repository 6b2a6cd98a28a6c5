"""The speech-recognition engine interface.

An engine turns 16 kHz mono int16 audio into a :class:`Transcript`, restricted to the
phrases of the current page (:meth:`RecognitionEngine.set_grammar`). It is owned by
one thread (the ASR worker) and never shared; the interface is deliberately streaming
(``start_utterance`` / ``accept_audio`` / ``end_utterance``) so most decoding happens
while the person is still speaking and the end-of-utterance → intent wait stays short.

An engine that cannot run (no model, a corrupt model, a missing library) is still an
object: its :meth:`status` says why in words a member of staff can act on, and its
recognition calls return empty transcripts. Voice input being unavailable is a normal
state of the kiosk, never a crash; touch still works.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

SAMPLE_RATE = 16000


class EngineState(enum.StrEnum):
    READY = "ready"
    NO_MODEL = "no_model"
    CORRUPT_MODEL = "corrupt_model"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class EngineStatus:
    engine: str
    state: EngineState
    detail: str
    model: str | None = None

    @property
    def ready(self) -> bool:
        return self.state is EngineState.READY

    def as_dict(self) -> dict[str, object]:
        return {
            "engine": self.engine,
            "state": str(self.state),
            "detail": self.detail,
            "model": self.model,
        }


@dataclass(frozen=True)
class Transcript:
    text: str
    confidence: float
    engine: str
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class GrammarReport:
    """What ``set_grammar`` did: phrases in engine form, and what it had to leave out."""

    accepted: Mapping[str, str] = field(default_factory=dict)  # phrase → engine form
    unknown_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # phrase → words

    @property
    def ok(self) -> bool:
        return not self.unknown_words


class RecognitionEngine(Protocol):
    name: str

    def status(self) -> EngineStatus: ...

    def set_grammar(self, phrases: Sequence[str]) -> GrammarReport: ...

    def start_utterance(self) -> None: ...

    def accept_audio(self, pcm: bytes) -> None: ...

    def end_utterance(self) -> Transcript: ...

    def close(self) -> None: ...


class UnavailableEngine:
    """Stands in when no engine can run for a locale; says why and hears nothing."""

    name = "none"

    def __init__(self, detail: str, state: EngineState = EngineState.UNAVAILABLE) -> None:
        self._status = EngineStatus(self.name, state, detail)

    def status(self) -> EngineStatus:
        return self._status

    def set_grammar(self, phrases: Sequence[str]) -> GrammarReport:
        return GrammarReport()

    def start_utterance(self) -> None:
        pass

    def accept_audio(self, pcm: bytes) -> None:
        pass

    def end_utterance(self) -> Transcript:
        return Transcript("", 0.0, self.name)

    def close(self) -> None:
        pass


CHUNK_BYTES = 3200  # 100 ms at 16 kHz int16: the size the capture callback delivers


def recognize_pcm(engine: RecognitionEngine, pcm: bytes) -> Transcript:
    """Feed a whole utterance in capture-sized chunks, as the live pipeline does."""
    engine.start_utterance()
    for start in range(0, len(pcm), CHUNK_BYTES):
        engine.accept_audio(pcm[start : start + CHUNK_BYTES])
    return engine.end_utterance()
