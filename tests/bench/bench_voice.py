"""Voice benchmarks (JSON on stdout): intent accuracy, end-of-utterance → intent latency,
and TTS request → first audio sample.

Run: ``python tests/bench/bench_voice.py [--models-dir DIR]``. Targets: accuracy ≥ 95 %,
p95 end-of-utterance → intent ≤ 300 ms, p95 request → first audio ≤ 200 ms.

* Accuracy / latency: every English command of the home and keypad pages, spoken by
  real espeak-ng (two voices × two rates) with a push-to-talk pause and noise floor,
  streamed in 100 ms blocks through the kiosk's VoicePipeline with pocketsphinx. The
  latency clock starts after the last block (the end of the utterance) and stops when
  the post-filter has returned an intent or a rejection.
* The same on a held-out set: voices, rates and out-of-grammar sentences the engine's
  settings were never tuned on (British and New York English at 120 and 150 wpm;
  greetings and questions a person might say to a kiosk), so an improvement that only
  fits the tuning set shows up as a gap between the two.
* First audio: ``TtsWorker.speak`` of typical page prompts (zh_CN, zh_HK, en) until the
  first chunk reaches the output sink. There is no sound card here, so the sink is a
  double that accepts chunks at once: the figure covers normalisation, synthesis of the
  first sentence and the hand-over to playback, not the device's own buffer.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.paths import resolve_paths
from tests.integration.test_voice_pipeline import PAGES, Sample, synthesised_commands
from voice.engine import CHUNK_BYTES, RecognitionEngine
from voice.intents import IntentMatch, IntentMatcher, load_catalogue
from voice.models import installed_model_for
from voice.pipeline import VoicePipeline
from voice.playback import OutputStream
from voice.sphinx_engine import SphinxEngine
from voice.tts import TtsCallbacks, TtsWorker
from voice.vosk_engine import VoskEngine

PROMPTS = (
    ("zh_CN", "请选择服务。就医预约，助餐，补贴查询，紧急呼叫。"),
    ("zh_CN", "您预约了2026年11月22日 9:30，挂号费¥12.50。请确认。"),
    ("zh_HK", "請選擇服務。就醫預約，助餐，補貼查詢，緊急呼叫。"),
    ("en", "Please choose a service. Appointments, meals, benefits, emergency."),
)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


HELD_OUT_VOICES = ("en", "en-us-nyc")  # espeak-ng's "en" is its British English voice
HELD_OUT_RATES = (120, 150)
HELD_OUT_STRANGERS = (
    "hello",
    "thank you very much",
    "where is the toilet",
    "i am tired",
    "good morning",
    "what time is it",
    "my daughter is coming",
    "is it raining",
    "how much is this",
    "water",
    "open the door",
    "i cannot see",
)


def bench_recognition(
    samples: list[Sample], engine: Callable[[], RecognitionEngine] = SphinxEngine
) -> dict[str, object]:
    matcher = IntentMatcher(load_catalogue("en"))
    pipelines = {}
    for name, page in PAGES.items():
        pipelines[name] = VoicePipeline(engine(), matcher)
        pipelines[name].set_page(page)
    right = wrong = strangers = strangers_accepted = 0
    by_voice: collections.Counter[tuple[str, bool]] = collections.Counter()
    latencies: list[float] = []
    commands = 0
    for sample in samples:
        pipeline = pipelines[sample.page]
        pipeline.start()
        for start in range(0, len(sample.pcm), CHUNK_BYTES):
            pipeline.feed(sample.pcm[start : start + CHUNK_BYTES])
        began = time.perf_counter()
        result = pipeline.finish()
        latencies.append(time.perf_counter() - began)
        if sample.target is None:
            strangers += 1
            strangers_accepted += result.accepted
            continue
        commands += 1
        outcome = result.outcome
        if isinstance(outcome, IntentMatch) and (outcome.intent, outcome.value) == (
            sample.target.intent,
            sample.target.value,
        ):
            right += 1
            by_voice[(sample.voice, True)] += 1
        elif result.accepted:
            wrong += 1
        by_voice[(sample.voice, False)] += 1
    return {
        "commands": commands,
        "voices": sorted({s.voice for s in samples}),
        "rates_wpm": sorted({s.rate for s in samples}),
        "intent_accuracy": round(right / commands, 4),
        "wrong_intent_rate": round(wrong / commands, 4),
        "rejected_rate": round((commands - right - wrong) / commands, 4),
        "intent_accuracy_by_voice": {
            voice: round(by_voice[(voice, True)] / by_voice[(voice, False)], 4)
            for voice in sorted({s.voice for s in samples})
        },
        "out_of_grammar_accepted": f"{strangers_accepted}/{strangers}",
        "eou_to_intent_ms_p50": round(1000 * statistics.median(latencies), 2),
        "eou_to_intent_ms_p95": round(1000 * _p95(latencies), 2),
        "eou_to_intent_ms_max": round(1000 * max(latencies), 2),
        "targets": {"intent_accuracy": 0.95, "eou_to_intent_ms_p95": 300},
    }


class _InstantStream:
    def write(self, pcm: bytes) -> None:
        pass

    def close(self) -> None:
        pass


class _InstantSink:
    def open(self, rate: int) -> OutputStream:
        return _InstantStream()


def bench_first_audio(repeats: int = 5) -> dict[str, object]:
    first: dict[int, float] = {}
    done: collections.defaultdict[int, threading.Event] = collections.defaultdict(threading.Event)
    worker = TtsWorker(
        TtsCallbacks(
            first_audio=lambda uid: first.setdefault(uid, time.perf_counter()),
            finished=lambda uid, ok: done[uid].set(),
            failed=lambda uid, why: done[uid].set(),
        ),
        sink=_InstantSink(),
    )
    worker.start()
    latencies: list[float] = []
    try:
        done[worker.speak("预热", "zh_CN")].wait(30)  # engine start-up is not a page change
        for _ in range(repeats):
            for locale, text in PROMPTS:
                requested = time.perf_counter()
                uid = worker.speak(text, locale)
                done[uid].wait(30)
                latencies.append(first[uid] - requested)
    finally:
        worker.shutdown()
    return {
        "utterances": len(latencies),
        "sink": "instant double (no sound card on this machine)",
        "request_to_first_audio_ms_p50": round(1000 * statistics.median(latencies), 2),
        "request_to_first_audio_ms_p95": round(1000 * _p95(latencies), 2),
        "request_to_first_audio_ms_max": round(1000 * max(latencies), 2),
        "target_ms_p95": 200,
    }


def bench_vosk(models_dir: Path, samples: list[Sample]) -> dict[str, object]:
    """The same command set through vosk, when an English vosk model is installed (the
    kiosk's primary engine; none can be downloaded on the development machine)."""
    model = installed_model_for(models_dir, "en")
    if model is None:
        return {
            "skipped": f"no English vosk model in {models_dir}; install one with "
            "`yijiantong voice models install vosk-model-small-en-us-0.15` and run again"
        }
    status = VoskEngine(model).status()
    if not status.ready:
        return {"skipped": f"the vosk model in {model} does not load: {status.detail}"}
    return {"model": model.name, **bench_recognition(samples, lambda: VoskEngine(model))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--models-dir",
        type=Path,
        default=resolve_paths().voice_models_dir,
        help="where installed vosk models are looked for (default: the kiosk's)",
    )
    args = parser.parse_args()
    commands = synthesised_commands()
    print(
        json.dumps(
            {
                "recognition": bench_recognition(commands),
                "recognition_held_out": bench_recognition(
                    synthesised_commands(HELD_OUT_VOICES, HELD_OUT_RATES, HELD_OUT_STRANGERS)
                ),
                "recognition_vosk": bench_vosk(args.models_dir, commands),
                "speech_output": bench_first_audio(),
            },
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
