"""The microphone gate: closed while the kiosk speaks and for a short tail after.

Without echo cancellation the microphone hears the kiosk's own voice (docs/domain.md),
so capture drops audio while :meth:`SpeechGate.is_closed` is true. The TTS playback
thread opens and closes speaking spans; the capture callback asks. Both sides run on
different threads, hence the lock; the clock is injectable so tests need no sleeps.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

TAIL_SECONDS = 0.5


class SpeechGate:
    def __init__(
        self, tail_seconds: float = TAIL_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.tail_seconds = tail_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._speaking = False
        self._ended_at: float | None = None

    def speaking_started(self) -> None:
        with self._lock:
            self._speaking = True

    def speaking_stopped(self) -> None:
        with self._lock:
            if self._speaking:
                self._speaking = False
                self._ended_at = self._clock()

    @property
    def speaking(self) -> bool:
        with self._lock:
            return self._speaking

    def is_closed(self) -> bool:
        """True while speaking and for ``tail_seconds`` after speech ended."""
        with self._lock:
            if self._speaking:
                return True
            return self._ended_at is not None and self._clock() - self._ended_at < self.tail_seconds
