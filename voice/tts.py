"""Speech output: a TTS worker thread that owns pyttsx3, and a playback thread.

pyttsx3 2.99 on Linux cannot be interrupted (``stop()`` does nothing while
``runAndWait`` plays through ``aplay``), loses queued ``say()`` calls and refuses to
run from two threads (docs/domain.md). So:

* one **synthesis thread** owns the pyttsx3 engine (espeak-ng driver) and only ever
  calls ``save_to_file`` + ``runAndWait``, which with the espeak driver synthesises
  synchronously into a WAV file and plays nothing;
* text is normalised (voice/normalise.py) and split into sentences; each sentence is
  handed to playback as soon as it is synthesised, so the first sound does not wait
  for the whole page prompt;
* one **playback thread** writes the audio to an :class:`~voice.playback.AudioSink`
  in 40 ms chunks and checks before every chunk whether a newer utterance has been
  requested. :meth:`TtsWorker.speak` supersedes the current utterance at once, so a
  new page cuts the old speech off within one chunk.

Every utterance id gets exactly one ending callback: ``finished(id, completed)``
(``completed`` is False when it was interrupted) or ``failed(id, reason)``. Callbacks
run on the worker threads; kiosk/bridges re-emits them as Qt signals.

No output device is a status, not an error: ``status`` becomes ``no_speaker``, each
utterance ends with ``failed(id, "no speaker: ...")``, and the device is tried again
on the next utterance (a speaker may be plugged in). The microphone gate
(voice/gate.py) is closed only while audio is really being played.
"""

from __future__ import annotations

import atexit
import contextlib
import enum
import io
import itertools
import logging
import queue
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voice.gate import SpeechGate
from voice.normalise import normalise
from voice.playback import AudioSink, NoSpeakerError, OutputStream, SounddeviceSink
from voice.wav import Pcm, read_wav

log = logging.getLogger("yijiantong.voice.tts")

# espeak-ng voice per screen language. cmn-latn-pinyin, not cmn: plain cmn switches to
# English phonemes for many common characters (docs/domain.md).
VOICES: dict[str, str] = {"zh_CN": "cmn-latn-pinyin", "zh_HK": "yue", "en": "en-us"}
DEFAULT_RATE_WPM = 150
DEFAULT_VOLUME_PERCENT = 80
CHUNK_SECONDS = 0.04

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|(?<=[.])\s+")


class SynthesisError(RuntimeError):
    """espeak-ng produced no audio for a sentence; the message says why."""


class TtsStatus(enum.StrEnum):
    STARTING = "starting"
    READY = "ready"
    NO_SPEAKER = "no_speaker"
    FAILED = "failed"


@dataclass(frozen=True)
class TtsCallbacks:
    """All optional. They run on the TTS threads, so they must only hand work over."""

    started: Callable[[int], None] | None = None
    first_audio: Callable[[int], None] | None = None
    finished: Callable[[int, bool], None] | None = None
    failed: Callable[[int, str], None] | None = None
    status_changed: Callable[[TtsStatus, str], None] | None = None


def split_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text)]
    return [p for p in parts if p]


# pyttsx3.init() caches one engine per driver name for the whole process, so two
# Synthesizers (the kiosk's speech thread and a CLI or test thread) share it. Its
# properties are global state: hold this lock from setProperty to the finished file
# or one caller's rate or voice leaks into the other's sentence.
_SHARED_ENGINE_LOCK = threading.Lock()
# pyttsx3 holds that engine only weakly. A half-collected engine (the speech thread of a
# restarted voice bridge, or of the last kiosk in a test process) can still get espeak's
# callbacks and write into a folder already deleted; keeping the first one alive for the
# life of the process means there is only ever one.
_ENGINE_KEPT: list[Any] = []


# At the fastest rate the kiosk offers, one Chinese character or one English word lasts
# well over 0.1 s; a phrase with letters or characters that yields less was cut short.
_MIN_SECONDS_PER_PHRASE = 0.1


def _too_short(text: str, pcm: Pcm) -> bool:
    return any(ch.isalnum() for ch in text) and pcm.seconds < _MIN_SECONDS_PER_PHRASE


class Synthesizer:
    """Uses the process's pyttsx3 espeak engine, one sentence at a time."""

    def __init__(self) -> None:
        import pyttsx3

        with _SHARED_ENGINE_LOCK:
            self._engine: Any = pyttsx3.init("espeak")
            if not _ENGINE_KEPT:
                _ENGINE_KEPT.append(self._engine)
                # Let it go while the interpreter is intact (its __del__ needs its modules).
                atexit.register(_ENGINE_KEPT.clear)
        self._dir = Path(tempfile.mkdtemp(prefix="yijiantong-tts-"))

    def synthesize(
        self, text: str, locale: str, rate_wpm: int, volume_percent: int, voice: str | None = None
    ) -> Pcm:
        """Synthesise one sentence; ``voice`` overrides the locale's espeak-ng voice."""
        voice = voice or VOICES[locale]
        pcm = self._synthesize_once(text, voice, rate_wpm, volume_percent)
        if _too_short(text, pcm):
            # espeak-ng keeps state between messages inside one process, and after some
            # sequences hands back a near-empty file for a whole phrase (seen once in a
            # few thousand phrases). Half a word of a prompt is worse than none: try once
            # more, then say so.
            log.warning("espeak-ng gave %.2f s for %r; synthesising again", pcm.seconds, text)
            pcm = self._synthesize_once(text, voice, rate_wpm, volume_percent)
            if _too_short(text, pcm):
                raise SynthesisError(f"espeak-ng gave {pcm.seconds:.2f} s of audio for {text!r}")
        return pcm

    def _synthesize_once(self, text: str, voice: str, rate_wpm: int, volume_percent: int) -> Pcm:
        with _SHARED_ENGINE_LOCK:
            engine = self._engine
            # Rate before and after the voice: espeak-ng (1.51, through pyttsx3) sometimes
            # keeps the previous rate across a voice switch (Cantonese then Mandarin at
            # three rates gave one length), so set alone the rate can silently not apply.
            engine.setProperty("rate", rate_wpm)
            engine.setProperty("voice", voice)
            engine.setProperty("rate", rate_wpm)
            engine.setProperty("volume", max(0, min(100, volume_percent)) / 100)
            path = self._dir / "utterance.wav"
            path.unlink(missing_ok=True)
            engine.save_to_file(text, str(path))
            # The espeak driver prints "Audio saved to ..." on stdout for every file; keep
            # it out of the CLI's JSON output. Brief: runAndWait returns within the synthesis.
            with contextlib.redirect_stdout(io.StringIO()):
                engine.runAndWait()
            current = str(engine.getProperty("voice") or "")
            if not current.endswith(voice):
                raise SynthesisError(
                    f"espeak-ng voice {voice!r} is not installed (got {current!r})"
                )
            if not path.exists():
                raise SynthesisError(f"espeak-ng wrote no audio for {text!r}")
        return read_wav(path)

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)


@dataclass(frozen=True)
class _Request:
    utterance_id: int
    text: str
    locale: str


@dataclass(frozen=True)
class _Segment:
    utterance_id: int
    pcm: Pcm | None  # None: the utterance has no more audio
    error: str | None = None


class TtsWorker:
    """Speak text interruptibly. Thread-safe; callbacks arrive on the worker threads."""

    def __init__(
        self,
        callbacks: TtsCallbacks | None = None,
        *,
        sink: AudioSink | None = None,
        gate: SpeechGate | None = None,
        rate_wpm: int = DEFAULT_RATE_WPM,
        volume_percent: int = DEFAULT_VOLUME_PERCENT,
        synthesizer_factory: Callable[[], Synthesizer] = Synthesizer,
    ) -> None:
        self.callbacks = callbacks or TtsCallbacks()
        self.gate = gate or SpeechGate()
        self._sink: AudioSink = sink or SounddeviceSink()
        self._factory = synthesizer_factory
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._current = 0
        self._rate = rate_wpm
        self._volume = volume_percent
        self._requests: queue.Queue[_Request | None] = queue.Queue()
        self._segments: queue.Queue[_Segment | None] = queue.Queue()
        self._status = TtsStatus.STARTING
        self._status_detail = ""
        self._last: _Request | None = None
        self._synth_thread = threading.Thread(
            target=self._synth_loop, name="tts-synth", daemon=True
        )
        self._play_thread = threading.Thread(target=self._play_loop, name="tts-play", daemon=True)

    # --- public API, any thread -------------------------------------------------------

    def start(self) -> None:
        self._synth_thread.start()
        self._play_thread.start()

    def shutdown(self, timeout: float = 5.0) -> None:
        with self._lock:
            self._current = -1
        self._requests.put(None)
        for thread in (self._synth_thread, self._play_thread):
            if thread.is_alive():
                thread.join(timeout)

    def speak(self, text: str, locale: str) -> int:
        """Say ``text`` in ``locale``'s voice, cutting off anything still being said."""
        if locale not in VOICES:
            raise ValueError(f"no voice for locale {locale!r}")
        with self._lock:
            utterance_id = next(self._ids)
            self._current = utterance_id
            request = _Request(utterance_id, text, locale)
            self._last = request
        self._requests.put(request)
        return utterance_id

    def repeat(self) -> int | None:
        """Say the last utterance again (the "repeat" command); None if nothing was said."""
        with self._lock:
            last = self._last
        return None if last is None else self.speak(last.text, last.locale)

    def stop(self) -> None:
        """Silence now; nothing new starts."""
        with self._lock:
            self._current = next(self._ids)

    def set_rate(self, wpm: int) -> None:
        with self._lock:
            self._rate = wpm

    def set_volume(self, percent: int) -> None:
        with self._lock:
            self._volume = percent

    @property
    def status(self) -> TtsStatus:
        return self._status

    @property
    def status_detail(self) -> str:
        return self._status_detail

    @property
    def is_speaking(self) -> bool:
        return self.gate.speaking

    # --- internals ---------------------------------------------------------------------

    def _notify(self, callback: Callable[..., None] | None, *args: object) -> None:
        """Run a callback; a failing listener must never stop speech for everyone else."""
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:
            log.exception("speech callback %s failed", getattr(callback, "__name__", callback))

    def _is_current(self, utterance_id: int) -> bool:
        with self._lock:
            return self._current == utterance_id

    def _set_status(self, status: TtsStatus, detail: str) -> None:
        if (status, detail) == (self._status, self._status_detail):
            return
        self._status, self._status_detail = status, detail
        log.info("speech output: %s %s", status, detail)
        self._notify(self.callbacks.status_changed, status, detail)

    def _synth_loop(self) -> None:
        try:
            synthesizer = self._factory()
        except Exception as exc:
            self._set_status(TtsStatus.FAILED, f"speech engine cannot start: {exc}")
            self._drain_failed(str(exc))
            return
        self._set_status(TtsStatus.READY, "")
        try:
            while (request := self._requests.get()) is not None:
                self._synthesize(synthesizer, request)
        finally:
            synthesizer.close()
            self._segments.put(None)

    def _drain_failed(self, reason: str) -> None:
        self._segments.put(None)
        while (request := self._requests.get()) is not None:
            self._notify(self.callbacks.failed, request.utterance_id, reason)

    def _synthesize(self, synthesizer: Synthesizer, request: _Request) -> None:
        uid = request.utterance_id
        if not self._is_current(uid):
            self._segments.put(_Segment(uid, None))  # superseded before it started
            return
        self._notify(self.callbacks.started, uid)
        with self._lock:
            rate, volume = self._rate, self._volume
        for sentence in split_sentences(normalise(request.text, request.locale)):
            if not self._is_current(uid):
                break
            try:
                pcm = synthesizer.synthesize(sentence, request.locale, rate, volume)
            except Exception as exc:
                log.warning("speech synthesis failed: %s", exc)
                self._segments.put(_Segment(uid, None, f"synthesis failed: {exc}"))
                return
            self._segments.put(_Segment(uid, pcm))
        self._segments.put(_Segment(uid, None))

    def _play_loop(self) -> None:
        stream: OutputStream | None = None
        rate = 0
        playing: int | None = None  # utterance whose audio has reached the sink
        problem: str | None = None  # why the current utterance could not be played
        while (segment := self._segments.get()) is not None:
            uid = segment.utterance_id
            if segment.pcm is None:
                self.gate.speaking_stopped()
                self._end(uid, segment.error or problem, completed=self._is_current(uid))
                playing, problem = None, None
                continue
            if not self._is_current(uid) or problem is not None:
                continue
            if stream is None or rate != segment.pcm.rate:
                if stream is not None:
                    stream.close()
                    stream = None
                try:
                    stream = self._sink.open(segment.pcm.rate)
                    rate = segment.pcm.rate
                    self._set_status(TtsStatus.READY, "")
                except NoSpeakerError as exc:
                    self._set_status(TtsStatus.NO_SPEAKER, str(exc))
                    problem = str(exc)
                    continue
            if playing != uid:
                playing = uid
                self.gate.speaking_started()
                self._notify(self.callbacks.first_audio, uid)
            self._write_chunks(stream, segment)
        if stream is not None:
            stream.close()
        self.gate.speaking_stopped()

    def _write_chunks(self, stream: OutputStream, segment: _Segment) -> None:
        assert segment.pcm is not None
        step = 2 * int(segment.pcm.rate * CHUNK_SECONDS)
        data = segment.pcm.data
        for start in range(0, len(data), step):
            if not self._is_current(segment.utterance_id):
                self.gate.speaking_stopped()
                return
            stream.write(data[start : start + step])

    def _end(self, uid: int, error: str | None, *, completed: bool) -> None:
        if error is not None:
            self._notify(self.callbacks.failed, uid, error)
        else:
            self._notify(self.callbacks.finished, uid, completed)
