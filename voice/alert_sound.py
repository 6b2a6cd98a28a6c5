"""The local alert for on-site staff: a short two-tone chime, repeated while an alarm is live.

A plain thread (never the GUI thread) writes a tone generated here through the same audio
path the speech uses (``voice.playback.AudioSink``: PortAudio by default; tests pass a
recording sink). It must never get in the way of the alarm: no speaker, a broken device or a
write error is logged once and otherwise ignored, and it tries the device again a little
later (someone may plug a speaker in). ``pause`` silences it while the phone call is
connected, so the senior can hear the service centre.
"""

from __future__ import annotations

import array
import logging
import math
import threading

from voice.playback import AudioSink, OutputStream, SounddeviceSink

log = logging.getLogger("yijiantong.emergency")

RATE = 16_000
TONE_S = 0.25
GAP_S = 1.0  # silence between chimes (waited, not written, so stop() is immediate)
RETRY_DEVICE_S = 30.0
AMPLITUDE = 0.5  # of full scale: loud enough to turn heads, not painful


def chime(rate: int = RATE) -> bytes:
    """Two descending tones (880 Hz then 660 Hz) with short fades against clicks."""
    samples = array.array("h")
    for freq in (880.0, 660.0):
        count = int(rate * TONE_S)
        fade = int(rate * 0.01)
        for n in range(count):
            envelope = min(1.0, n / fade, (count - n) / fade)
            value = AMPLITUDE * envelope * math.sin(2 * math.pi * freq * n / rate)
            samples.append(int(value * 32767))
    return samples.tobytes()


class AlertSound(threading.Thread):
    """``start()`` once; ``play()`` / ``pause()`` any number of times; ``stop()`` at the end."""

    def __init__(self, sink: AudioSink | None = None) -> None:
        super().__init__(name="emergency-alert", daemon=True)
        self._sink = sink or SounddeviceSink()
        self._wanted = threading.Event()
        self._stopping = threading.Event()
        self._wake = threading.Event()
        self._pcm = chime()
        self.chimes = 0  # played so far (diagnostics, tests)
        self.problem: str | None = None

    def play(self) -> None:
        self._wanted.set()
        self._wake.set()

    def pause(self) -> None:
        self._wanted.clear()
        self._wake.set()

    @property
    def playing(self) -> bool:
        return self._wanted.is_set()

    def stop(self, timeout: float | None = 3.0) -> bool:
        self._stopping.set()
        self._wanted.clear()
        self._wake.set()
        if self.is_alive():
            self.join(timeout)
        return not self.is_alive()

    def run(self) -> None:
        stream: OutputStream | None = None
        try:
            while not self._stopping.is_set():
                if not self._wanted.is_set():
                    stream = self._close(stream)
                    self._wake.wait()
                    self._wake.clear()
                    continue
                if stream is None:
                    stream = self._open()
                    if stream is None:
                        self._wait(RETRY_DEVICE_S)
                        continue
                try:
                    stream.write(self._pcm)
                    self.chimes += 1
                except Exception as exc:  # a vanished device: never let it reach the alarm
                    self._report(f"alert sound failed: {exc}")
                    stream = self._close(stream)
                    self._wait(RETRY_DEVICE_S)
                    continue
                self._wait(GAP_S)
        finally:
            self._close(stream)

    def _wait(self, seconds: float) -> None:
        # Woken early by stop() or pause(); play() while already playing keeps the rhythm.
        self._wake.wait(seconds)
        self._wake.clear()

    def _open(self) -> OutputStream | None:
        try:
            stream = self._sink.open(RATE)
        except Exception as exc:
            self._report(f"alert sound unavailable: {exc}")
            return None
        self.problem = None
        return stream

    def _report(self, message: str) -> None:
        if message != self.problem:
            log.warning("%s", message)
            self.problem = message

    @staticmethod
    def _close(stream: OutputStream | None) -> OutputStream | None:
        """Close ``stream`` if open; returns None, the stream's new value."""
        if stream is not None:
            try:
                stream.close()
            except Exception as exc:
                log.info("closing the alert sound: %s", exc)
        return None
