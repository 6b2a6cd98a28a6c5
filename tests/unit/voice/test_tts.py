"""TTS worker: real espeak-ng synthesis through pyttsx3, played into a sink double.

This machine has no sound card, so playback goes to ``RecordingSink`` (a test double
that records chunks and can hold a write to simulate a busy speaker) or to a sink that
reports no speaker. Synthesis is always the real espeak-ng.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.waiting import wait_until
from voice.playback import NoSpeakerError, OutputStream
from voice.tts import (
    SynthesisError,
    Synthesizer,
    TtsCallbacks,
    TtsStatus,
    TtsWorker,
    split_sentences,
)
from voice.wav import Pcm, write_wav


class _Stream:
    def __init__(self, sink: RecordingSink) -> None:
        self.sink = sink

    def write(self, pcm: bytes) -> None:
        self.sink.chunks.append(pcm)
        self.sink.wrote.set()
        self.sink.release.wait(10)

    def close(self) -> None:
        pass


class RecordingSink:
    """Output double: records what would be played; ``hold()`` blocks writes."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.rates: list[int] = []
        self.release = threading.Event()
        self.release.set()
        self.wrote = threading.Event()

    def open(self, rate: int) -> OutputStream:
        self.rates.append(rate)
        return _Stream(self)


class NoSpeakerSink:
    def open(self, rate: int) -> OutputStream:
        raise NoSpeakerError("no speaker: Error querying device -1")


class Events:
    def __init__(self) -> None:
        self.log: list[tuple[str, int, object]] = []
        self.lock = threading.Lock()

    def add(self, kind: str, uid: int, extra: object = None) -> None:
        with self.lock:
            self.log.append((kind, uid, extra))

    def kinds(self, uid: int) -> list[str]:
        with self.lock:
            return [k for k, u, _ in self.log if u == uid]

    def callbacks(self) -> TtsCallbacks:
        return TtsCallbacks(
            started=lambda u: self.add("started", u),
            first_audio=lambda u: self.add("first_audio", u),
            finished=lambda u, done: self.add("finished", u, done),
            failed=lambda u, why: self.add("failed", u, why),
        )


@pytest.fixture
def synthesizer() -> Iterator[Synthesizer]:
    synth = Synthesizer()
    yield synth
    synth.close()


def test_each_locale_has_its_own_voice(synthesizer: Synthesizer, tmp_path: Path) -> None:
    audio = {
        locale: synthesizer.synthesize(text, locale, 150, 80)
        for locale, text in (("zh_CN", "紧急呼叫"), ("zh_HK", "緊急呼叫"), ("en", "emergency call"))
    }
    lengths = {locale: (round(pcm.seconds, 2), pcm.rate) for locale, pcm in audio.items()}
    assert all(seconds > 0.3 and rate == 22050 for seconds, rate in lengths.values()), lengths
    assert audio["zh_CN"].data != audio["zh_HK"].data
    write_wav(tmp_path / "check.wav", audio["zh_CN"])  # a real WAV that can be listened to


def test_a_phrase_cut_short_is_synthesised_again_then_refused(
    synthesizer: Synthesizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # espeak-ng's rare near-empty file cannot be provoked on demand, so the one-phrase
    # synthesis is replaced by one that first returns 20 ms of silence, then real audio.
    real = synthesizer._synthesize_once
    calls: list[str] = []

    def glitching(text: str, voice: str, rate: int, volume: int) -> Pcm:
        calls.append(text)
        if len(calls) == 1:
            return Pcm(b"\0\0" * 441, 22050, 1)
        return real(text, voice, rate, volume)

    monkeypatch.setattr(synthesizer, "_synthesize_once", glitching)
    assert synthesizer.synthesize("紧急呼叫", "zh_CN", 150, 80).seconds > 0.3
    assert calls == ["紧急呼叫", "紧急呼叫"]

    monkeypatch.setattr(synthesizer, "_synthesize_once", lambda *a: Pcm(b"", 22050, 1))
    with pytest.raises(SynthesisError, match=r"0\.00 s"):
        synthesizer.synthesize("紧急呼叫", "zh_CN", 150, 80)
    # Punctuation alone is allowed to be silent.
    assert synthesizer.synthesize("……", "zh_CN", 150, 80).seconds == 0


def test_slower_rate_gives_longer_speech(synthesizer: Synthesizer) -> None:
    slow = synthesizer.synthesize("please choose a service", "en", 120, 80)
    fast = synthesizer.synthesize("please choose a service", "en", 200, 80)
    assert slow.seconds > fast.seconds * 1.3


def test_rate_applies_in_every_voice_whatever_was_spoken_before(
    synthesizer: Synthesizer,
) -> None:
    """espeak-ng could keep the last rate across a voice switch (found after Cantonese)."""
    texts = {
        "zh_HK": "請選擇服務，謝謝你。",
        "en": "please choose a service",
        "zh_CN": "请选择服务",
    }
    for locale in ("zh_HK", "en", "zh_CN", "en", "zh_HK"):
        slow = synthesizer.synthesize(texts[locale], locale, 120, 80)
        fast = synthesizer.synthesize(texts[locale], locale, 200, 80)
        assert slow.seconds > fast.seconds * 1.3, locale


def test_sentences_split_on_chinese_and_english_stops() -> None:
    assert split_sentences("请选择。就医预约！Meals. Done") == [
        "请选择。",
        "就医预约！",
        "Meals.",
        "Done",
    ]


def test_speak_plays_and_reports_in_order() -> None:
    sink, events = RecordingSink(), Events()
    worker = TtsWorker(events.callbacks(), sink=sink)
    worker.start()
    try:
        uid = worker.speak("您好。请选择服务。", "zh_CN")
        wait_until(lambda: "finished" in events.kinds(uid))
        assert events.kinds(uid) == ["started", "first_audio", "finished"]
        assert ("finished", uid, True) in events.log
        assert sink.chunks and sink.rates[0] == 22050
        assert worker.status is TtsStatus.READY
        # the gate stays closed for the tail after speech ends
        assert not worker.is_speaking and worker.gate.is_closed()
    finally:
        worker.shutdown()


def test_new_utterance_interrupts_the_old_one() -> None:
    sink, events = RecordingSink(), Events()
    worker = TtsWorker(events.callbacks(), sink=sink)
    worker.start()
    try:
        sink.release.clear()  # the speaker is busy with the first chunk
        first = worker.speak("This is a long page prompt. It has several sentences.", "en")
        assert sink.wrote.wait(10)
        assert worker.is_speaking and worker.gate.is_closed()
        second = worker.speak("Home", "en")
        sink.release.set()
        wait_until(lambda: "finished" in events.kinds(second))
        assert ("finished", first, False) in events.log
        assert events.kinds(second) == ["started", "first_audio", "finished"]
        assert events.kinds(first) == ["started", "first_audio", "finished"]  # one ending
        # The first utterance (about 3 s = 75 chunks) was cut after the chunk in flight.
        played_seconds = sum(len(c) for c in sink.chunks) / (2 * 22050)
        assert played_seconds < 1.5
    finally:
        worker.shutdown()


def test_stop_silences_and_repeat_says_it_again() -> None:
    sink, events = RecordingSink(), Events()
    worker = TtsWorker(events.callbacks(), sink=sink)
    worker.start()
    try:
        assert worker.repeat() is None
        uid = worker.speak("Yes", "en")
        wait_until(lambda: "finished" in events.kinds(uid))
        again = worker.repeat()
        assert again is not None and again != uid
        wait_until(lambda: "finished" in events.kinds(again))
        sink.release.clear()
        third = worker.speak("A longer sentence to be stopped part way.", "en")
        assert sink.wrote.wait(10)
        worker.stop()
        sink.release.set()
        wait_until(lambda: "finished" in events.kinds(third))
        assert ("finished", third, False) in events.log
    finally:
        worker.shutdown()


def test_no_speaker_is_a_status_and_each_utterance_fails_clearly() -> None:
    events = Events()
    statuses: list[tuple[TtsStatus, str]] = []
    callbacks = TtsCallbacks(
        failed=lambda u, why: events.add("failed", u, why),
        status_changed=lambda s, d: statuses.append((s, d)),
    )
    worker = TtsWorker(callbacks, sink=NoSpeakerSink())
    worker.start()
    try:
        uid = worker.speak("救命", "zh_CN")
        wait_until(lambda: events.kinds(uid) == ["failed"])
        assert "no speaker" in str(events.log[0][2])
        assert worker.status is TtsStatus.NO_SPEAKER
        assert (TtsStatus.NO_SPEAKER, "no speaker: Error querying device -1") in statuses
        assert not worker.gate.is_closed()  # nothing was played, the microphone stays open
    finally:
        worker.shutdown()


def test_unknown_locale_is_refused_at_once() -> None:
    worker = TtsWorker(sink=RecordingSink())
    with pytest.raises(ValueError, match="no voice"):
        worker.speak("bonjour", "fr")
