"""English recognition with pocketsphinx 5 and the US-English model inside its wheel.

Used for English when no vosk model is installed, and in tests: it needs no download.

Things learnt the hard way, each handled here:

* The grammar is built as a finite-state grammar directly (one word chain per phrase,
  no null transitions). The same phrases given as JSGF decode "go back" for "home" and
  "two" for "help": the JSGF → FSG conversion of multi-word alternatives misbehaves.
* Lattice best-path rescoring is off (``bestpath=False``). With it on, a grammar decode
  can end on a *partial* phrase: "next" came back as "that" (the first word of "that is
  right", through its second pronunciation) although the plain Viterbi path reached
  "next". Measured with the rejection below: intent accuracy 89.2 % → 91.8 % on the
  synthesised command set and 90.1 % → 92.0 % on voices and rates it was not tuned on;
  out-of-grammar sentences accepted 7/32 → 5/32 and 22/96 → 25/96.
* Audio is fed in capture-sized chunks; one ``process_raw(full_utt=True)`` call over a
  whole file both decoded worse and raised IndexError on some buffers.
* A grammar has no garbage model (a word loop of common words made decoding
  30–1000 × slower), so out-of-grammar speech comes back as the nearest phrase with the
  rest of the speech absorbed into ``<sil>``. The rejection signal is therefore
  *voiced coverage*: the share of loud 10 ms frames that fall inside recognised words.
  Below :data:`MIN_COVERAGE` the transcript is empty and the post-filter rejects it.

Tried and not kept, measured the same way, so nobody needs to try them again blind:
a phone loop as a garbage path inside the grammar (it wins over the phrases; at the
penalty where it rejected 28 of 32 strangers it cost 11 points of accuracy);
verifying the phrase against a free phone decode (``allphone``; cutting held-out
strangers from 25 to 19 of 96 cost 3.4 points of accuracy); British and non-rhotic
alternative pronunciations (+9 points on the British voice they were written for, −5 on
New York English); ``topn`` 16 (+1 to +2 points, but up to twice the strangers accepted).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from voice.engine import (
    SAMPLE_RATE,
    EngineState,
    EngineStatus,
    GrammarReport,
    Transcript,
)
from voice.wav import frame_levels

log = logging.getLogger("yijiantong.voice.sphinx")

MIN_COVERAGE = 0.85
_SEARCH = "page"


def _is_filler(word: str) -> bool:
    return word.startswith(("<", "[", "+"))


class SphinxEngine:
    name = "pocketsphinx"

    def __init__(self, min_coverage: float = MIN_COVERAGE, **decoder_options: Any) -> None:
        self.min_coverage = min_coverage
        self._decoder: Any = None
        self._audio = bytearray()
        self._has_grammar = False
        self._phrases: frozenset[str] = frozenset()
        try:
            from pocketsphinx import Decoder

            options: dict[str, Any] = {"bestpath": False, **decoder_options}
            self._decoder = Decoder(samprate=SAMPLE_RATE, loglevel="FATAL", **options)
        except Exception as exc:  # an engine that cannot start is a state, not a crash
            log.warning("pocketsphinx unavailable: %s", exc)
            self._status = EngineStatus(
                self.name, EngineState.UNAVAILABLE, f"pocketsphinx cannot start: {exc}"
            )
        else:
            self._status = EngineStatus(
                self.name, EngineState.READY, "English model bundled with pocketsphinx", "en-us"
            )

    def status(self) -> EngineStatus:
        return self._status

    def set_grammar(self, phrases: Sequence[str]) -> GrammarReport:
        """Restrict recognition to ``phrases``; words missing from the dictionary are reported."""
        if self._decoder is None:
            return GrammarReport()
        accepted: dict[str, str] = {}
        unknown: dict[str, tuple[str, ...]] = {}
        for phrase in phrases:
            if phrase == "[unk]":
                continue
            words = phrase.lower().split()
            missing = tuple(w for w in words if self._decoder.lookup_word(w) is None)
            if missing or not words:
                unknown[phrase] = missing
            else:
                accepted[phrase] = " ".join(words)
        if unknown:
            log.warning("grammar words not in the pocketsphinx dictionary: %s", unknown)
        self._install(sorted(set(accepted.values())))
        return GrammarReport(accepted, unknown)

    def _install(self, engine_phrases: list[str]) -> None:
        transitions: list[tuple[int, int, float, str]] = []
        next_state = 2  # 0 = start, 1 = final
        for phrase in engine_phrases:
            words = phrase.split()
            state = 0
            for index, word in enumerate(words):
                last = index == len(words) - 1
                to = 1 if last else next_state
                if not last:
                    next_state += 1
                probability = 1.0 / len(engine_phrases) if index == 0 else 1.0
                transitions.append((state, to, probability, word))
                state = to
        self._has_grammar = bool(transitions)
        self._phrases = frozenset(engine_phrases)
        if not transitions:
            return
        fsg = self._decoder.create_fsg(_SEARCH, 0, 1, transitions)
        self._decoder.add_fsg(_SEARCH, fsg)
        self._decoder.activate_search(_SEARCH)

    def start_utterance(self) -> None:
        self._audio.clear()
        if self._decoder is not None and self._has_grammar:
            self._decoder.start_utt()

    def accept_audio(self, pcm: bytes) -> None:
        if self._decoder is not None and self._has_grammar and pcm:
            self._audio.extend(pcm)
            self._decoder.process_raw(pcm)

    def end_utterance(self) -> Transcript:
        if self._decoder is None or not self._has_grammar:
            return Transcript("", 0.0, self.name)
        self._decoder.end_utt()
        hypothesis = self._decoder.hyp()
        text = hypothesis.hypstr if hypothesis is not None else ""
        segments = [(s.word, s.start_frame, s.end_frame) for s in self._decoder.seg() or ()]
        coverage = voiced_coverage(bytes(self._audio), segments)
        words = tuple(w.split("(")[0] for w, _, _ in segments if not _is_filler(w))
        # hyp() also returns a best *partial* path ("i need" of "i need help") when no
        # path reached the final state: that is not a phrase, so it is not an answer.
        if text not in self._phrases or coverage < self.min_coverage:
            return Transcript("", coverage, self.name, words)
        return Transcript(text, coverage, self.name, words)

    def close(self) -> None:
        self._decoder = None


def voiced_coverage(pcm: bytes, segments: Sequence[tuple[str, int, int]]) -> float:
    """Share of loud 10 ms frames that lie inside recognised (non-filler) words."""
    levels = frame_levels(pcm)
    if not levels:
        return 0.0
    threshold = max(200.0, 0.15 * max(levels))
    voiced = [i for i, level in enumerate(levels) if level >= threshold]
    if not voiced:
        return 0.0
    in_words = bytearray(len(levels))
    for word, start, end in segments:
        if not _is_filler(word):
            for i in range(max(0, start), min(len(levels), end + 1)):
                in_words[i] = 1
    return sum(in_words[i] for i in voiced) / len(voiced)
