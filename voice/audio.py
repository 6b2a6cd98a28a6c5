"""Microphone capture: 16 kHz mono int16 through sounddevice, push-to-talk, always-on.

PortAudio calls :meth:`MicrophoneCapture._on_audio` on its own thread with 100 ms
blocks; the method only routes bytes (to the ASR worker's queue via callbacks) and
never blocks. Routing:

* the :class:`~voice.gate.SpeechGate` is closed (the kiosk is speaking, or stopped
  less than 0.5 s ago) → the block is dropped, so the kiosk never hears itself;
* push-to-talk is held → ``callbacks.audio`` (an utterance for the page grammar);
* always-on listening is enabled (off by default) → ``callbacks.spotting_audio``, which
  the ASR worker checks for the emergency phrase only.

No input device is a normal state (:attr:`MicState.NO_MICROPHONE`) with a note for
the screen: voice input is off and touch still works.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from voice.engine import CHUNK_BYTES, SAMPLE_RATE
from voice.gate import SpeechGate

log = logging.getLogger("yijiantong.voice.audio")

NO_MICROPHONE_NOTE = "No microphone found. Voice input is off; the touch screen still works."


class NoMicrophoneError(RuntimeError):
    pass


class MicState(enum.StrEnum):
    CLOSED = "closed"
    NO_MICROPHONE = "no_microphone"
    IDLE = "idle"
    LISTENING = "listening"  # push-to-talk held: the listening indicator is on


class InputStream(Protocol):
    def start(self) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


InputStreamFactory = Callable[[Callable[[bytes], None]], InputStream]


def sounddevice_input(on_audio: Callable[[bytes], None], device: str = "") -> InputStream:
    """An input device (by name; the default one when empty) at 16 kHz mono int16 in
    100 ms blocks. A failing ``start()`` later (device busy, unplugged) is "no microphone"
    too, never a crash."""
    try:
        import sounddevice

        sounddevice.query_devices(device or None, kind="input")

        def callback(indata: Any, frames: int, time_info: Any, status: Any) -> None:
            on_audio(bytes(indata))

        stream: InputStream = sounddevice.RawInputStream(
            device=device or None,
            samplerate=SAMPLE_RATE,
            channels=1,
            dtype="int16",
            blocksize=CHUNK_BYTES // 2,
            callback=callback,
        )
    except Exception as exc:  # PortAudioError, unknown device, or PortAudio missing
        raise NoMicrophoneError(f"{device}: {exc}" if device else str(exc)) from exc
    return _GuardedStream(stream)


def microphone_input(device: str) -> InputStreamFactory:
    """The ``microphone`` setting as a stream factory: that device, or the default one."""

    def open_stream(on_audio: Callable[[bytes], None]) -> InputStream:
        return sounddevice_input(on_audio, device)

    return open_stream


class _GuardedStream:
    """A failing ``start()`` (device busy, unplugged) is "no microphone", not a crash."""

    def __init__(self, stream: InputStream) -> None:
        self._stream = stream

    def start(self) -> None:
        try:
            self._stream.start()
        except Exception as exc:
            raise NoMicrophoneError(str(exc)) from exc

    def stop(self) -> None:
        self._stream.stop()

    def close(self) -> None:
        self._stream.close()


@dataclass(frozen=True)
class CaptureCallbacks:
    """All optional; called on the PortAudio thread or the caller's, so hand work over."""

    utterance_started: Callable[[], None] | None = None
    audio: Callable[[bytes], None] | None = None
    utterance_ended: Callable[[], None] | None = None
    spotting_audio: Callable[[bytes], None] | None = None
    state_changed: Callable[[MicState, str], None] | None = None


class MicrophoneCapture:
    def __init__(
        self,
        callbacks: CaptureCallbacks,
        gate: SpeechGate,
        stream_factory: InputStreamFactory = sounddevice_input,
    ) -> None:
        self.callbacks = callbacks
        self.gate = gate
        self._factory = stream_factory
        self._lock = threading.Lock()
        self._stream: InputStream | None = None
        self._state = MicState.CLOSED
        self._note = ""
        self._listening = False
        self._always_on = False
        self.dropped_while_speaking = 0  # blocks dropped by the gate (diagnostics)

    @property
    def state(self) -> MicState:
        return self._state

    @property
    def note(self) -> str:
        return self._note

    @property
    def always_on(self) -> bool:
        return self._always_on

    def open(self) -> MicState:
        """Open the device; "no microphone" becomes a state with a note, not an error."""
        try:
            stream = self._factory(self._on_audio)
            stream.start()
        except NoMicrophoneError as exc:
            log.info("no microphone: %s", exc)
            self._set_state(MicState.NO_MICROPHONE, NO_MICROPHONE_NOTE)
            return self._state
        with self._lock:
            self._stream = stream
        self._set_state(MicState.IDLE, "")
        return self._state

    def close(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
            self._listening = False
        if stream is not None:
            stream.stop()
            stream.close()
        self._set_state(MicState.CLOSED, "")

    def start_push_to_talk(self) -> bool:
        """Start an utterance (speak button pressed). False when there is no microphone."""
        with self._lock:
            if self._stream is None or self._listening:
                return False
            self._listening = True
        if self.callbacks.utterance_started:
            self.callbacks.utterance_started()
        self._set_state(MicState.LISTENING, "")
        return True

    def stop_push_to_talk(self) -> None:
        with self._lock:
            if not self._listening:
                return
            self._listening = False
        if self.callbacks.utterance_ended:
            self.callbacks.utterance_ended()
        self._set_state(MicState.IDLE, "")

    def set_always_on(self, enabled: bool) -> None:
        """Listen for the emergency phrase between utterances (off by default)."""
        with self._lock:
            self._always_on = enabled

    def _on_audio(self, pcm: bytes) -> None:
        # PortAudio thread: route and return; never block here.
        if self.gate.is_closed():
            self.dropped_while_speaking += 1
            return
        with self._lock:
            listening, always_on = self._listening, self._always_on
        if listening:
            if self.callbacks.audio:
                self.callbacks.audio(pcm)
        elif always_on and self.callbacks.spotting_audio:
            self.callbacks.spotting_audio(pcm)

    def _set_state(self, state: MicState, note: str) -> None:
        if (state, note) == (self._state, self._note):
            return
        self._state, self._note = state, note
        if self.callbacks.state_changed:
            self.callbacks.state_changed(state, note)
