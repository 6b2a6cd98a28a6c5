"""The ASR worker thread: owns the recognition pipeline, fed by a queue.

Capture callbacks (PortAudio thread) and the GUI (page changes) only put commands on
the queue; the worker runs the engine and reports through :class:`AsrCallbacks`,
which kiosk/bridges re-emits as queued Qt signals. The GUI thread never waits on it.

Always-on listening: blocks from :meth:`AsrWorker.spotting_audio` are cut into
utterances by a simple energy endpointer (speech starts above ``speech_level`` RMS,
ends after ``hangover_ms`` below it, or at ``max_utterance_ms``); each one is decoded
against the emergency phrases only, and only an emergency match is reported.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from voice.engine import CHUNK_BYTES, EngineStatus, GrammarReport, RecognitionEngine
from voice.intents import IntentMatch, IntentMatcher, PageGrammar
from voice.pipeline import PipelineResult, VoicePipeline
from voice.wav import frame_levels

log = logging.getLogger("yijiantong.voice.asr")


@dataclass(frozen=True)
class AsrCallbacks:
    result: Callable[[PipelineResult], None] | None = None
    emergency: Callable[[PipelineResult], None] | None = None
    grammar: Callable[[GrammarReport], None] | None = None
    status: Callable[[EngineStatus], None] | None = None


class AsrWorker:
    def __init__(
        self,
        engine_factory: Callable[[], RecognitionEngine],
        matcher: IntentMatcher,
        callbacks: AsrCallbacks,
        *,
        speech_level: float = 500.0,
        hangover_ms: int = 600,
        max_utterance_ms: int = 5000,
    ) -> None:
        self.callbacks = callbacks
        self._engine_factory = engine_factory
        self._matcher = matcher
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="asr", daemon=True)
        self.speech_level = speech_level
        self.hangover_ms = hangover_ms
        self.max_utterance_ms = max_utterance_ms

    # --- any thread --------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def shutdown(self, timeout: float = 5.0) -> None:
        self._queue.put(("stop", None))
        if self._thread.is_alive():
            self._thread.join(timeout)

    def set_page(self, page: PageGrammar) -> None:
        self._queue.put(("page", page))

    def set_locale(
        self, engine_factory: Callable[[], RecognitionEngine], matcher: IntentMatcher
    ) -> None:
        self._queue.put(("locale", (engine_factory, matcher)))

    def utterance_started(self) -> None:
        self._queue.put(("begin", None))

    def audio(self, pcm: bytes) -> None:
        self._queue.put(("audio", pcm))

    def utterance_ended(self) -> None:
        self._queue.put(("end", None))

    def spotting_audio(self, pcm: bytes) -> None:
        self._queue.put(("spot", pcm))

    # --- worker thread -----------------------------------------------------------------
    def _run(self) -> None:
        pipeline = self._open(self._engine_factory, self._matcher)
        page = PageGrammar()
        in_utterance = False
        spot = _Spotter(self)
        while True:
            command, payload = self._queue.get()
            if command == "stop":
                break
            if command == "locale":
                pipeline.engine.close()
                pipeline = self._open(*payload)
                self._report_grammar(pipeline.set_page(page))
            elif command == "page":
                page = payload
                spot.reset()
                self._report_grammar(pipeline.set_page(page))
            elif command == "begin":
                spot.reset()
                pipeline.set_page(page)
                pipeline.start()
                in_utterance = True
            elif command == "audio" and in_utterance:
                pipeline.feed(payload)
            elif command == "end" and in_utterance:
                in_utterance = False
                result = pipeline.finish()
                log.info("heard %r → %s", result.transcript.text, result.outcome.intent)
                if self.callbacks.result:
                    self.callbacks.result(result)
            elif command == "spot" and not in_utterance:
                spot.feed(pipeline, payload)
        pipeline.engine.close()

    def _open(
        self, factory: Callable[[], RecognitionEngine], matcher: IntentMatcher
    ) -> VoicePipeline:
        engine = factory()
        if self.callbacks.status:
            self.callbacks.status(engine.status())
        return VoicePipeline(engine, matcher)

    def _report_grammar(self, report: GrammarReport) -> None:
        if self.callbacks.grammar:
            self.callbacks.grammar(report)


class _Spotter:
    """Energy endpointer + emergency-only decoding for always-on listening."""

    def __init__(self, worker: AsrWorker) -> None:
        self.worker = worker
        self.active = False
        self.silent_ms = 0
        self.length_ms = 0

    def reset(self) -> None:
        self.active = False

    def feed(self, pipeline: VoicePipeline, pcm: bytes) -> None:
        worker = self.worker
        levels = frame_levels(pcm)
        loud = bool(levels) and max(levels) >= worker.speech_level
        block_ms = 1000 * len(pcm) // (2 * 16000) if pcm else CHUNK_BYTES // 32
        if not self.active:
            if not loud:
                return
            pipeline.set_expected(pipeline.matcher.emergency_only())
            pipeline.start()
            self.active, self.silent_ms, self.length_ms = True, 0, 0
        pipeline.feed(pcm)
        self.length_ms += block_ms
        self.silent_ms = 0 if loud else self.silent_ms + block_ms
        if self.silent_ms >= worker.hangover_ms or self.length_ms >= worker.max_utterance_ms:
            self.active = False
            result = pipeline.finish()
            if isinstance(result.outcome, IntentMatch) and result.outcome.intent == "emergency":
                log.info("always-on listening heard the emergency phrase")
                if worker.callbacks.emergency:
                    worker.callbacks.emergency(result)
