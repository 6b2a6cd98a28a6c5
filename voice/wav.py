"""WAV files and raw PCM helpers, in plain Python (the kiosk does not ship numpy).

Recognisers want 16 kHz mono int16; espeak-ng writes 22,050 Hz. :func:`to_mono_16k`
converts with linear interpolation, which is enough for speech: the energy above
8 kHz that it folds back is tiny in synthetic and microphone speech alike.
"""

from __future__ import annotations

import array
import math
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

from voice.engine import SAMPLE_RATE


class WavError(ValueError):
    """The file is not a PCM WAV file we can read; the message says what is wrong."""


@dataclass(frozen=True)
class Pcm:
    """Mono or multi-channel int16 little-endian audio with its rate."""

    data: bytes
    rate: int
    channels: int = 1

    @property
    def seconds(self) -> float:
        return len(self.data) / (2 * self.channels * self.rate) if self.rate else 0.0


def read_wav(path: Path) -> Pcm:
    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getsampwidth() != 2:
                raise WavError(f"{path}: {8 * wav.getsampwidth()}-bit audio; expected 16-bit PCM")
            return Pcm(wav.readframes(wav.getnframes()), wav.getframerate(), wav.getnchannels())
    except (wave.Error, EOFError) as exc:
        raise WavError(f"{path}: not a PCM WAV file ({exc})") from exc


def write_wav(path: Path, pcm: Pcm) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(pcm.channels)
        wav.setsampwidth(2)
        wav.setframerate(pcm.rate)
        wav.writeframes(pcm.data)


def _samples(data: bytes) -> array.array[int]:
    samples = array.array("h")
    samples.frombytes(data)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _bytes(samples: array.array[int]) -> bytes:
    if sys.byteorder == "big":
        samples = array.array("h", samples)
        samples.byteswap()
    return samples.tobytes()


def to_mono(pcm: Pcm) -> Pcm:
    if pcm.channels == 1:
        return pcm
    samples = _samples(pcm.data)
    n = pcm.channels
    mono = array.array("h", (sum(samples[i : i + n]) // n for i in range(0, len(samples), n)))
    return Pcm(_bytes(mono), pcm.rate, 1)


def resample(pcm: Pcm, rate: int) -> Pcm:
    """Linear-interpolation resampling of mono audio."""
    if pcm.rate == rate:
        return pcm
    src = _samples(pcm.data)
    if not src:
        return Pcm(b"", rate)
    count = len(src) * rate // pcm.rate
    step = pcm.rate / rate
    last = len(src) - 1
    out = array.array("h", bytes(2 * count))
    for i in range(count):
        x = i * step
        j = int(x)
        k = j + 1 if j < last else last
        out[i] = int(src[j] + (src[k] - src[j]) * (x - j))
    return Pcm(_bytes(out), rate)


def to_mono_16k(pcm: Pcm) -> bytes:
    return resample(to_mono(pcm), SAMPLE_RATE).data


def scale_volume(data: bytes, factor: float) -> bytes:
    """Multiply int16 samples by ``factor`` with clipping (volume applied at playback)."""
    if factor == 1.0:
        return data
    samples = _samples(data)
    out = array.array("h", (max(-32768, min(32767, int(s * factor))) for s in samples))
    return _bytes(out)


def frame_levels(data: bytes, rate: int = SAMPLE_RATE, frame_ms: int = 10) -> list[float]:
    """RMS level of each ``frame_ms`` frame: cheap voice-activity evidence."""
    samples = _samples(data)
    size = max(1, rate * frame_ms // 1000)
    levels = []
    for start in range(0, len(samples) - size + 1, size):
        frame = samples[start : start + size]
        levels.append(math.sqrt(sum(s * s for s in frame) / size))
    return levels


def with_room(pcm: bytes, lead_s: float = 0.3, noise_rms: float = 30.0, seed: int = 1) -> bytes:
    """Pad 16 kHz speech with silence and add a noise floor, as a microphone hears it.

    Synthetic speech has digital silence and starts at sample 0; a push-to-talk
    recording starts before the voice and is never perfectly quiet. Recognisers adapt
    their normalisation on those first frames, so tests and benchmarks feed this.
    """
    import random

    rng = random.Random(seed)
    pad = bytes(2 * int(SAMPLE_RATE * lead_s))
    samples = _samples(pad + pcm + pad)
    for i in range(len(samples)):
        samples[i] = max(-32768, min(32767, samples[i] + int(rng.gauss(0.0, noise_rms))))
    return _bytes(samples)
