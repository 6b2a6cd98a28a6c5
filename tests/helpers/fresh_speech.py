"""Test speech made by espeak-ng in a fresh process, so it is the same every run.

espeak-ng's output depends on what the process synthesised before (the same phrase, voice
and rate came out as different samples after some Chinese prompts), so commands synthesised
inside a test process that has already run kiosks speaking other pages differ from run to
run, and a recogniser on the edge hears them differently. A child process that only
synthesises the requested phrases, in a fixed order, gives the same bytes every time.

``synthesise([(phrase, voice, rate), ...])`` returns 16 kHz mono int16 PCM for each.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def synthesise(requests: list[tuple[str, str, int]], timeout: float = 300.0) -> list[bytes]:
    with tempfile.TemporaryDirectory(prefix="yijiantong-test-speech-") as folder:
        subprocess.run(
            [sys.executable, "-m", "tests.helpers.fresh_speech", folder],
            input=json.dumps(requests),
            text=True,
            cwd=ROOT,
            check=True,
            timeout=timeout,
            capture_output=True,  # the espeak driver prints a line per file
        )
        return [(Path(folder) / f"{n}.pcm").read_bytes() for n in range(len(requests))]


def _main(folder: str) -> None:
    from voice.tts import Synthesizer
    from voice.wav import to_mono_16k

    requests = json.loads(sys.stdin.read())
    synth = Synthesizer()
    try:
        for n, (phrase, voice, rate) in enumerate(requests):
            pcm = to_mono_16k(synth.synthesize(phrase, "en", int(rate), 80, voice))
            (Path(folder) / f"{n}.pcm").write_bytes(pcm)
    finally:
        synth.close()


if __name__ == "__main__":
    _main(sys.argv[1])
