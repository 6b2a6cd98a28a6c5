"""Where synthesised speech goes: a sounddevice output stream, or nowhere.

The TTS worker writes audio in short chunks through an :class:`AudioSink` so a new
utterance can cut the old one off within one chunk. ``open`` raises
:class:`NoSpeakerError` when there is no output device; the worker turns that into
its "no speaker" status and keeps synthesising (``voice say --out`` still works).
Tests pass their own sink (a recording double) because this machine has no sound card.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

log = logging.getLogger("yijiantong.voice.playback")


class NoSpeakerError(RuntimeError):
    """No audio output device could be opened; the message says what PortAudio reported."""


class OutputStream(Protocol):
    def write(self, pcm: bytes) -> None:
        """Blocking write of mono int16 audio, paced by the device."""

    def close(self) -> None: ...


class AudioSink(Protocol):
    def open(self, rate: int) -> OutputStream: ...


class _SounddeviceStream:
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, pcm: bytes) -> None:
        self._stream.write(pcm)

    def close(self) -> None:
        try:
            self._stream.stop()
        finally:
            self._stream.close()


class SounddeviceSink:
    """The default output device through PortAudio."""

    def open(self, rate: int) -> OutputStream:
        try:
            import sounddevice

            stream = sounddevice.RawOutputStream(samplerate=rate, channels=1, dtype="int16")
            stream.start()
        except Exception as exc:  # PortAudioError, OSError when PortAudio itself is missing
            raise NoSpeakerError(f"no speaker: {exc}") from exc
        return _SounddeviceStream(stream)


def output_device_problem() -> str | None:
    """None when a default output device exists, else why not (for status screens)."""
    try:
        import sounddevice

        sounddevice.query_devices(kind="output")
    except Exception as exc:
        return f"no speaker: {exc}"
    return None
