"""When a push-to-talk utterance is over, from the audio alone (capture thread)."""

from __future__ import annotations

from voice.engine import SAMPLE_RATE
from voice.wav import frame_levels


class SpeechEndDetector:
    """Over once ``hangover_ms`` of quiet follow speech, at ``max_ms`` in any case, or after
    ``no_speech_ms`` when nobody said anything (the person changed their mind).
    """

    def __init__(
        self,
        speech_level: float = 500.0,
        hangover_ms: int = 800,
        no_speech_ms: int = 6000,
        max_ms: int = 10000,
    ) -> None:
        self.speech_level = speech_level
        self.hangover_ms = hangover_ms
        self.no_speech_ms = no_speech_ms
        self.max_ms = max_ms
        self.reset()

    def reset(self) -> None:
        self.heard_speech = False
        self.quiet_ms = 0
        self.total_ms = 0

    def feed(self, pcm: bytes) -> bool:
        """Account for one block; True when the utterance is over."""
        levels = frame_levels(pcm)
        block_ms = 1000 * len(pcm) // (2 * SAMPLE_RATE)
        self.total_ms += block_ms
        if levels and max(levels) >= self.speech_level:
            self.heard_speech, self.quiet_ms = True, 0
        elif self.heard_speech:
            self.quiet_ms += block_ms
        if self.total_ms >= self.max_ms:
            return True
        if self.heard_speech:
            return self.quiet_ms >= self.hangover_ms
        return self.total_ms >= self.no_speech_ms
