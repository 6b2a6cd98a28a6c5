"""Where speech goes and where commands come from.

There is no sound card on test machines: tests replace :data:`DEVICES` (or pass their
own :class:`VoiceDevices`) with a recording speaker and a microphone that plays
synthesised audio.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from voice.audio import InputStreamFactory, microphone_input
from voice.playback import AudioSink, SounddeviceSink


@dataclass(frozen=True)
class VoiceDevices:
    speaker: Callable[[], AudioSink] = SounddeviceSink
    microphone: Callable[[str], InputStreamFactory] = microphone_input


DEVICES = VoiceDevices()
