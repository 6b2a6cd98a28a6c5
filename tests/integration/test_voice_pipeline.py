"""End to end: espeak-ng speaks each English command, pocketsphinx hears it.

Each phrase of the home page (service choices + globals) and the keypad page (digits +
globals) is synthesised by the real espeak-ng through the TTS Synthesizer with two
voices and two rates, converted to 16 kHz, given the pause and noise floor a
push-to-talk recording has (``with_room``), and sent through the same VoicePipeline
(audio → engine → post-filter → intent) and ASR worker the kiosk uses. Out-of-grammar
sentences must be rejected. Only the microphone is replaced (by the synthesised audio).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.helpers.fresh_speech import synthesise
from tests.helpers.waiting import wait_until
from voice.asr_worker import AsrCallbacks, AsrWorker
from voice.engine import CHUNK_BYTES
from voice.intents import Choice, IntentMatch, IntentMatcher, PageGrammar, Target, load_catalogue
from voice.pipeline import PipelineResult, VoicePipeline
from voice.sphinx_engine import SphinxEngine
from voice.wav import with_room

VOICES = ("en-us", "en-gb-x-rp")
RATES = (130, 170)
PAGES = {
    "home": PageGrammar(
        choices=(
            Choice("appointments", "appointments", "appointments"),
            Choice("meals", "meals", "meals"),
            Choice("benefits", "benefits", "benefits"),
        )
    ),
    "keypad": PageGrammar(digits=True),
}
OUT_OF_GRAMMAR = (
    "what is the weather today",
    "play some music please",
    "my name is john",
    "turn on the television",
)


# One worker synthesises and decodes the samples once for the whole module.
pytestmark = pytest.mark.xdist_group("voice_pipeline")


@dataclass(frozen=True)
class Sample:
    page: str
    phrase: str
    voice: str
    rate: int
    pcm: bytes
    target: Target | None  # None: out of grammar, must be rejected


def synthesised_commands(
    voices: tuple[str, ...] = VOICES,
    rates: tuple[int, ...] = RATES,
    strangers: tuple[str, ...] = OUT_OF_GRAMMAR,
) -> list[Sample]:
    matcher = IntentMatcher(load_catalogue("en"))
    plan = []
    for page_name, page in PAGES.items():
        expected = matcher.expected(page)
        phrases = [*sorted(expected), *strangers]
        for voice in voices:
            for rate in rates:
                for n, phrase in enumerate(phrases):
                    plan.append((page_name, phrase, voice, rate, n, expected.get(phrase)))
    # In a fresh process: espeak-ng's output depends on what it said before.
    audio = synthesise([(phrase, voice, rate) for _p, phrase, voice, rate, _n, _e in plan])
    return [
        Sample(page_name, phrase, voice, rate, with_room(pcm, seed=n), target)
        for (page_name, phrase, voice, rate, n, target), pcm in zip(plan, audio, strict=True)
    ]


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    return synthesised_commands()


@pytest.fixture(scope="module")
def pipelines() -> Iterator[dict[str, VoicePipeline]]:
    matcher = IntentMatcher(load_catalogue("en"))
    out = {}
    for name, page in PAGES.items():
        pipeline = VoicePipeline(SphinxEngine(), matcher)
        report = pipeline.set_page(page)
        assert report.ok, f"words missing from the pocketsphinx dictionary: {report.unknown_words}"
        out[name] = pipeline
    yield out


@pytest.fixture(scope="module")
def decoded(
    samples: list[Sample], pipelines: dict[str, VoicePipeline]
) -> list[tuple[Sample, PipelineResult]]:
    """Every sample through its page's pipeline, once, in a fixed order.

    The recogniser adapts to the speech it has heard (live cepstral mean normalisation),
    as it does through a day at a kiosk, so what one sample decodes to depends on those
    before it. One pass in one order makes every test below see the same results, whatever
    order or worker the tests run in.
    """
    return [(s, pipelines[s.page].recognize(s.pcm)) for s in samples]


def _correct(result: PipelineResult, target: Target) -> bool:
    outcome = result.outcome
    return isinstance(outcome, IntentMatch) and (outcome.intent, outcome.value) == (
        target.intent,
        target.value,
    )


def test_commands_are_recognised_and_out_of_grammar_is_rejected(
    decoded: list[tuple[Sample, PipelineResult]],
) -> None:
    commands = [(s, r) for s, r in decoded if s.target is not None]
    strangers = [(s, r) for s, r in decoded if s.target is None]
    assert len({s.voice for s, _ in commands}) == 2 and len({s.rate for s, _ in commands}) == 2
    right, wrong, misses = 0, [], []
    for sample, result in commands:
        assert sample.target is not None
        if _correct(result, sample.target):
            right += 1
        elif result.accepted:
            wrong.append((sample.phrase, sample.voice, sample.rate, result.transcript.text))
        else:
            misses.append((sample.phrase, sample.voice, sample.rate))
    accepted_strangers = [(s.phrase, r.transcript.text) for s, r in strangers if r.accepted]
    accuracy = right / len(commands)
    # Floors below the current measurement (tests/bench/bench_voice.py reports the exact
    # figures against the 95 % target): a regression in any stage fails this test.
    assert accuracy >= 0.89, (accuracy, wrong, misses)
    assert len(wrong) <= 0.06 * len(commands), wrong  # a wrong action is worse than "say again"
    assert len(accepted_strangers) <= len(strangers) // 3, accepted_strangers


def test_a_short_command_is_not_lost_to_a_partial_phrase(
    decoded: list[tuple[Sample, PipelineResult]],
) -> None:
    """With pocketsphinx's lattice best-path on, "next" decoded as "that" (the start of
    "that is right") in 3 of 4 American-voice samples and was rejected; Viterbi hears it."""
    heard = [r.transcript.text for s, r in decoded if s.phrase == "next" and s.voice == "en-us"]
    assert heard == ["next"] * 4, heard


def test_every_emergency_phrase_triggers_the_emergency_intent(
    decoded: list[tuple[Sample, PipelineResult]],
) -> None:
    emergency = [
        (s, r) for s, r in decoded if s.target is not None and s.target.intent == "emergency"
    ]
    phrases_heard = {s.phrase for s, r in emergency if s.target and _correct(r, s.target)}
    assert "help" in phrases_heard and "emergency" in phrases_heard, phrases_heard


def test_asr_worker_push_to_talk_and_always_on_emergency(samples: list[Sample]) -> None:
    """The worker thread as the kiosk runs it: PTT utterances, then always-on spotting."""
    results: list[PipelineResult] = []
    alarms: list[PipelineResult] = []
    got = threading.Event()
    worker = AsrWorker(
        SphinxEngine,
        IntentMatcher(load_catalogue("en")),
        AsrCallbacks(
            result=lambda r: (results.append(r), got.set()),
            emergency=alarms.append,
        ),
    )
    worker.start()
    try:
        worker.set_page(PAGES["home"])
        home = next(s for s in samples if (s.phrase, s.voice, s.rate) == ("go home", "en-us", 130))
        worker.utterance_started()
        for start in range(0, len(home.pcm), CHUNK_BYTES):
            worker.audio(home.pcm[start : start + CHUNK_BYTES])
        worker.utterance_ended()
        wait_until(lambda: results)
        assert results[0].outcome.intent == "home", results[0]
        # Always-on: continuous audio, with a stranger sentence before the cry for help.
        stranger = next(s for s in samples if s.phrase == "play some music please")
        help_ = next(s for s in samples if (s.phrase, s.voice, s.rate) == ("help", "en-us", 130))
        stream = stranger.pcm + help_.pcm + bytes(2 * 16000)  # trailing second of silence
        for start in range(0, len(stream), CHUNK_BYTES):
            worker.spotting_audio(stream[start : start + CHUNK_BYTES])
        wait_until(lambda: alarms, timeout=20)
        assert [a.outcome.intent for a in alarms] == ["emergency"]
    finally:
        worker.shutdown()
