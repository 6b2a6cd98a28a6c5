"""``yijiantong voice ...`` commands. kiosk/cli/ parses, this module acts.

Every command prints JSON on stdout (``models install`` prints its progress bar on
stderr) and returns an exit code: 0 done, 1 could not do it (no speaker, bad model),
2 bad input.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from voice.intents import Choice, IntentMatcher, PageGrammar, PhraseDataError, load_catalogue

# Pages the CLI knows without Qt: the home page's service tiles and the keypad.
CLI_PAGES: dict[str, PageGrammar] = {
    "home": PageGrammar(
        choices=(
            Choice("appointments", "appointments", "appointments"),
            Choice("meals", "meals", "meals"),
            Choice("benefits", "benefits", "benefits"),
            Choice("emergency", "emergency", "emergency"),
        )
    ),
    "keypad": PageGrammar(digits=True),
}


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _page(name: str | None) -> PageGrammar:
    if name is None:
        return CLI_PAGES["home"]
    if name not in CLI_PAGES:
        raise KeyError(f"unknown page {name!r}; the CLI knows: {', '.join(CLI_PAGES)}")
    return CLI_PAGES[name]


def intent(text: str, locale: str, page: str | None) -> int:
    try:
        matcher = IntentMatcher(load_catalogue(locale))
        outcome = matcher.match(text, matcher.expected(_page(page)))
    except (KeyError, PhraseDataError) as exc:
        print(f"yijiantong voice intent: {exc}", file=sys.stderr)
        return 2
    _print({"text": text, "locale": locale, **outcome.as_dict()})
    return 0


def say(text: str, locale: str, out: Path | None, rate_wpm: int, volume_percent: int) -> int:
    from voice.normalise import normalise
    from voice.tts import Synthesizer, split_sentences

    spoken = normalise(text, locale)
    if out is not None:
        from voice.wav import Pcm, write_wav

        synthesizer = Synthesizer()
        try:
            parts = [
                synthesizer.synthesize(s, locale, rate_wpm, volume_percent)
                for s in split_sentences(spoken)
            ]
        finally:
            synthesizer.close()
        rate = parts[0].rate if parts else 22050
        pcm = Pcm(b"".join(p.data for p in parts), rate)
        write_wav(out, pcm)
        _print({"spoken": spoken, "out": str(out), "seconds": round(pcm.seconds, 2)})
        return 0
    return _say_aloud(text, spoken, locale, rate_wpm, volume_percent)


def _say_aloud(text: str, spoken: str, locale: str, rate_wpm: int, volume_percent: int) -> int:
    import threading

    from voice.tts import TtsCallbacks, TtsWorker

    done = threading.Event()
    outcome: dict[str, Any] = {}

    def finished(uid: int, completed: bool) -> None:
        outcome["finished"] = completed
        done.set()

    def failed(uid: int, reason: str) -> None:
        outcome["failed"] = reason
        done.set()

    worker = TtsWorker(
        TtsCallbacks(finished=finished, failed=failed),
        rate_wpm=rate_wpm,
        volume_percent=volume_percent,
    )
    worker.start()
    worker.speak(text, locale)
    done.wait(timeout=120)
    worker.shutdown()
    _print({"spoken": spoken, "status": str(worker.status), **outcome})
    return 0 if outcome.get("finished") else 1


def recognize(wav: Path, locale: str, page: str | None, models_dir: Path) -> int:
    from voice.engine_choice import create_engine
    from voice.pipeline import VoicePipeline
    from voice.wav import WavError, read_wav, to_mono_16k

    try:
        pcm = to_mono_16k(read_wav(wav))
        grammar = _page(page)
        matcher = IntentMatcher(load_catalogue(locale))
    except (OSError, WavError, KeyError, PhraseDataError) as exc:
        print(f"yijiantong voice recognize: {exc}", file=sys.stderr)
        return 2
    engine = create_engine(locale, models_dir)
    status = engine.status()
    if not status.ready:
        _print({"text": "", "intent": None, "confidence": 0.0, **status.as_dict()})
        return 1
    pipeline = VoicePipeline(engine, matcher)
    report = pipeline.set_page(grammar)
    result = pipeline.recognize(pcm)
    engine.close()
    _print({**result.as_dict(), "unknown_grammar_words": dict(report.unknown_words)})
    return 0


def models_list(models_dir: Path) -> int:
    from voice.models import list_models, model_status

    _print(
        {
            "models_dir": str(models_dir),
            "available": list_models(models_dir),
            "zh_HK": "alphacephei publishes no Cantonese vosk model; install one with "
            "--from-zip PATH --locale zh_HK, otherwise zh_HK voice input is touch only",
            "installed": model_status(models_dir),
        }
    )
    return 0


class _ProgressBar:
    def __init__(self) -> None:
        self._last = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self._last < 0.2 and (total is None or done < total):
            return
        self._last = now
        if total:
            filled = int(30 * done / total)
            bar = "#" * filled + "-" * (30 - filled)
            line = f"\r[{bar}] {100 * done / total:5.1f}% {done / 1e6:.1f}/{total / 1e6:.1f} MB"
        else:
            line = f"\r{done / 1e6:.1f} MB"
        print(line, end="", file=sys.stderr, flush=True)


def models_install(
    name: str, models_dir: Path, from_zip: Path | None, locale: str | None, url: str | None
) -> int:
    from voice.models import ModelInstallError, install

    try:
        folder, note = install(
            name, models_dir, from_zip=from_zip, locale=locale, url=url, progress=_ProgressBar()
        )
    except ModelInstallError as exc:
        print(f"\nyijiantong voice models install: {exc}", file=sys.stderr)
        return 1
    print(file=sys.stderr)
    _print({"installed": name, "folder": str(folder), "verification": note})
    return 0
