"""Microphone capture routing, with a fake input stream (no microphone on this machine).

``FakeInputStream`` stands in for sounddevice's RawInputStream: the test calls its
callback as PortAudio would, with 100 ms blocks. The gate uses a fake clock.
"""

from __future__ import annotations

from collections.abc import Callable

from voice.audio import (
    NO_MICROPHONE_NOTE,
    CaptureCallbacks,
    MicrophoneCapture,
    MicState,
    NoMicrophoneError,
)
from voice.gate import SpeechGate

BLOCK = b"\x01\x00" * 1600


class FakeInputStream:
    def __init__(self, callback: Callable[[bytes], None]) -> None:
        self.callback = callback
        self.running = False

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False

    def close(self) -> None:
        pass


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make_capture() -> tuple[
    MicrophoneCapture, list[tuple[str, object]], list[FakeInputStream], Clock
]:
    events: list[tuple[str, object]] = []
    streams: list[FakeInputStream] = []
    clock = Clock()

    def factory(callback: Callable[[bytes], None]) -> FakeInputStream:
        streams.append(FakeInputStream(callback))
        return streams[-1]

    callbacks = CaptureCallbacks(
        utterance_started=lambda: events.append(("begin", None)),
        audio=lambda pcm: events.append(("audio", len(pcm))),
        utterance_ended=lambda: events.append(("end", None)),
        spotting_audio=lambda pcm: events.append(("spot", len(pcm))),
        state_changed=lambda state, note: events.append(("state", state)),
    )
    capture = MicrophoneCapture(callbacks, SpeechGate(clock=clock), factory)
    return capture, events, streams, clock


def test_push_to_talk_forwards_audio_only_while_held() -> None:
    capture, events, streams, _ = make_capture()
    assert capture.open() is MicState.IDLE and streams[0].running
    streams[0].callback(BLOCK)  # not held, not always-on: ignored
    assert capture.start_push_to_talk()
    assert capture.state is MicState.LISTENING
    streams[0].callback(BLOCK)
    streams[0].callback(BLOCK)
    capture.stop_push_to_talk()
    streams[0].callback(BLOCK)
    assert [e for e in events if e[0] != "state"] == [
        ("begin", None),
        ("audio", 3200),
        ("audio", 3200),
        ("end", None),
    ]
    assert ("state", MicState.LISTENING) in events and capture.state is MicState.IDLE


def test_microphone_is_muted_while_speaking_and_half_a_second_after() -> None:
    capture, events, streams, clock = make_capture()
    capture.open()
    capture.start_push_to_talk()
    capture.gate.speaking_started()
    streams[0].callback(BLOCK)
    capture.gate.speaking_stopped()
    clock.now += 0.4
    streams[0].callback(BLOCK)  # inside the tail
    clock.now += 0.2
    streams[0].callback(BLOCK)  # 0.6 s after: open again
    assert [e for e in events if e[0] == "audio"] == [("audio", 3200)]
    assert capture.dropped_while_speaking == 2


def test_always_on_is_off_by_default_and_feeds_the_spotter() -> None:
    capture, events, streams, _ = make_capture()
    capture.open()
    assert not capture.always_on
    streams[0].callback(BLOCK)
    capture.set_always_on(True)
    streams[0].callback(BLOCK)
    capture.start_push_to_talk()  # an utterance takes precedence over spotting
    streams[0].callback(BLOCK)
    assert [e[0] for e in events if e[0] in ("spot", "audio")] == ["spot", "audio"]


def test_no_microphone_is_a_normal_state_with_a_note() -> None:
    states: list[tuple[MicState, str]] = []

    def factory(callback: Callable[[bytes], None]) -> FakeInputStream:
        raise NoMicrophoneError("Error querying device -1")

    capture = MicrophoneCapture(
        CaptureCallbacks(state_changed=lambda s, n: states.append((s, n))), SpeechGate(), factory
    )
    assert capture.open() is MicState.NO_MICROPHONE
    assert capture.note == NO_MICROPHONE_NOTE
    assert states == [(MicState.NO_MICROPHONE, NO_MICROPHONE_NOTE)]
    assert capture.start_push_to_talk() is False


def test_the_real_default_device_is_absent_here() -> None:
    """On this machine sounddevice finds no input: the real factory must say so, not crash."""
    capture = MicrophoneCapture(CaptureCallbacks(), SpeechGate())
    assert capture.open() in (MicState.NO_MICROPHONE, MicState.IDLE)
    capture.close()
