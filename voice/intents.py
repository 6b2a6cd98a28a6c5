"""Spoken phrases → intents: the phrase catalogue, page grammars and the post-filter.

Phrases are data (``locales/<locale>/voice/*.json``), never code, so wording can be
corrected without a release. Each file holds ``intents`` (intent → phrases) and
optionally ``digits`` (digit → spoken forms).

A page declares what it accepts as a :class:`PageGrammar`: its visible choices (an id,
the label on screen, and optionally the service intent whose paraphrases also select
it), whether the keypad is up (digits), plus the global commands that work everywhere.
:meth:`IntentMatcher.expected` turns that into the phrase table an engine's grammar is
built from, and :meth:`IntentMatcher.match` is the post-filter every transcript goes
through: a vosk grammar is not strict (docs/domain.md), so a transcript is accepted only
when it equals an expected phrase (after normalising spaces and punctuation), contains
one as a whole, or is close to one (difflib ratio ≥ ``threshold``). Anything else is a
:class:`Rejection`; the UI translates its English message and speaks it.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

LOCALES = ("zh_CN", "zh_HK", "en")
GLOBAL_INTENTS = (
    "emergency",
    "home",
    "back",
    "repeat",
    "yes",
    "no",
    "next",
    "confirm",
    "cancel",
    "clear",
)
SERVICE_INTENTS = ("appointments", "meals", "benefits")
REJECTION_MESSAGE = "Sorry, please say it again or touch the screen."
DEFAULT_THRESHOLD = 0.75


class PhraseDataError(ValueError):
    """A phrase file is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class Choice:
    """One visible choice on a page: stable id, on-screen label, optional service intent."""

    id: str
    label: str
    intent: str | None = None
    extra_phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageGrammar:
    """What a page accepts by voice. Globals are always included."""

    choices: tuple[Choice, ...] = ()
    digits: bool = False
    globals: bool = True


@dataclass(frozen=True)
class Target:
    """What an expected phrase means: an intent and, for choices / digits, a value."""

    intent: str  # a global intent, "choice" or "digit"
    value: str | None = None


@dataclass(frozen=True)
class IntentMatch:
    intent: str
    value: str | None
    phrase: str  # the expected phrase that matched
    transcript: str
    score: float
    method: Literal["exact", "contains", "fuzzy"]

    def as_dict(self) -> dict[str, object]:
        return {
            "intent": self.intent,
            "value": self.value,
            "phrase": self.phrase,
            "transcript": self.transcript,
            "score": round(self.score, 3),
            "method": self.method,
        }


@dataclass(frozen=True)
class Rejection:
    """Nothing expected was said. ``message`` is English source text for the UI to translate."""

    transcript: str
    reason: Literal["empty", "no_match", "ambiguous"]
    best_phrase: str | None = None
    best_score: float = 0.0
    message: str = REJECTION_MESSAGE

    intent: None = field(default=None, init=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "intent": None,
            "rejected": self.reason,
            "transcript": self.transcript,
            "best_phrase": self.best_phrase,
            "best_score": round(self.best_score, 3),
            "message": self.message,
        }


MatchOutcome = IntentMatch | Rejection


@dataclass(frozen=True)
class PhraseCatalogue:
    """Every phrase of one locale, as loaded from its JSON files."""

    locale: str
    intents: Mapping[str, tuple[str, ...]]
    digits: Mapping[str, tuple[str, ...]]

    def phrases(self, intent: str) -> tuple[str, ...]:
        return self.intents.get(intent, ())


def voice_data_dir(locale: str) -> Path:
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; expected one of {', '.join(LOCALES)}")
    return Path(str(resources.files("locales"))) / locale / "voice"


def load_catalogue(locale: str, folder: Path | None = None) -> PhraseCatalogue:
    """Load and merge every ``*.json`` phrase file of ``locale``."""
    folder = folder if folder is not None else voice_data_dir(locale)
    files = sorted(folder.glob("*.json"))
    if not files:
        raise PhraseDataError(f"no voice phrase files in {folder}")
    intents: dict[str, tuple[str, ...]] = {}
    digits: dict[str, tuple[str, ...]] = {}
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PhraseDataError(f"{path}: {exc}") from exc
        if data.get("locale") != locale:
            raise PhraseDataError(f"{path}: locale is {data.get('locale')!r}, expected {locale}")
        for section, target in (("intents", intents), ("digits", digits)):
            for key, phrases in dict(data.get(section, {})).items():
                if not isinstance(phrases, list) or not all(
                    isinstance(p, str) and p.strip() for p in phrases
                ):
                    raise PhraseDataError(f"{path}: {section}.{key} must be a list of phrases")
                if key in target:
                    raise PhraseDataError(f"{path}: {section}.{key} is defined twice")
                target[key] = tuple(p.strip() for p in phrases)
    return PhraseCatalogue(locale, intents, digits)


_PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)


def normalise_transcript(text: str) -> str:
    """Case-fold, drop spaces and punctuation: "我 要 看病。" and "我要看病" compare equal.

    English keeps single spaces between words so that "no" is not found inside "know".
    """
    text = unicodedata.normalize("NFKC", text).casefold().replace("[unk]", " ")
    if any("\u3400" <= ch <= "\u9fff" for ch in text):
        return _PUNCTUATION.sub("", text)
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def _contains(haystack: str, needle: str) -> bool:
    if " " in haystack or needle.isascii():
        return f" {needle} " in f" {haystack} "
    return len(needle) >= 2 and needle in haystack


class IntentMatcher:
    """The post-filter: transcript + page grammar → :class:`IntentMatch` or :class:`Rejection`.

    Stateless after construction and safe to share between threads.
    """

    def __init__(self, catalogue: PhraseCatalogue, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.catalogue = catalogue
        self.threshold = threshold

    @property
    def locale(self) -> str:
        return self.catalogue.locale

    def expected(self, page: PageGrammar) -> dict[str, Target]:
        """Expected phrase → meaning. Page choices win over globals on the same words."""
        table: dict[str, Target] = {}
        if page.globals:
            for intent in GLOBAL_INTENTS:
                for phrase in self.catalogue.phrases(intent):
                    table[phrase] = Target(intent)
        if page.digits:
            for digit, spoken_digits in self.catalogue.digits.items():
                for phrase in spoken_digits:
                    table[phrase] = Target("digit", digit)
        for choice in page.choices:
            phrases: Iterable[str] = (choice.label, *choice.extra_phrases)
            if choice.intent:
                phrases = (*phrases, *self.catalogue.phrases(choice.intent))
            for phrase in phrases:
                table[phrase] = Target("choice", choice.id)
        return table

    def emergency_only(self) -> dict[str, Target]:
        """The phrases always-on listening reacts to: the emergency intent, nothing else."""
        return {p: Target("emergency") for p in self.catalogue.phrases("emergency")}

    def match(self, transcript: str, expected: Mapping[str, Target]) -> MatchOutcome:
        heard = normalise_transcript(transcript)
        if not heard:
            return Rejection(transcript, "empty")
        normalised = {normalise_transcript(p): (p, t) for p, t in expected.items()}
        if heard in normalised:
            phrase, target = normalised[heard]
            return self._accept(target, phrase, transcript, 1.0, "exact")
        # Longest contained phrase: "请帮我挂个号吧" → "帮我挂个号".
        contained = sorted((k for k in normalised if _contains(heard, k)), key=len, reverse=True)
        if contained and len(contained[0]) >= len(heard) / 2:
            phrase, target = normalised[contained[0]]
            score = 0.9
            return self._accept(target, phrase, transcript, score, "contains")
        return self._closest(heard, transcript, normalised)

    def _closest(
        self, heard: str, transcript: str, normalised: Mapping[str, tuple[str, Target]]
    ) -> MatchOutcome:
        """Fuzzy step: the most similar expected phrase, if similar enough and unambiguous."""
        scored = sorted(
            ((difflib.SequenceMatcher(None, heard, key).ratio(), key) for key in normalised),
            reverse=True,
        )
        if not scored:
            return Rejection(transcript, "no_match")
        best_score, best_key = scored[0]
        best_phrase, best_target = normalised[best_key]
        if best_score < self.threshold:
            return Rejection(transcript, "no_match", best_phrase, best_score)
        for score, key in scored[1:]:
            if score < best_score:
                break
            if normalised[key][1] != best_target:
                return Rejection(transcript, "ambiguous", best_phrase, best_score)
        return self._accept(best_target, best_phrase, transcript, best_score, "fuzzy")

    @staticmethod
    def _accept(
        target: Target,
        phrase: str,
        transcript: str,
        score: float,
        method: Literal["exact", "contains", "fuzzy"],
    ) -> IntentMatch:
        return IntentMatch(target.intent, target.value, phrase, transcript, score, method)


def grammar_phrases(expected: Mapping[str, Target]) -> list[str]:
    """The phrases an engine grammar is built from, in a stable order."""
    return sorted(expected)


def missing_intents(catalogues: Sequence[PhraseCatalogue]) -> dict[str, list[str]]:
    """Intent → locales lacking phrases for it (empty when every locale is complete)."""
    wanted = set(GLOBAL_INTENTS) | set(SERVICE_INTENTS)
    for catalogue in catalogues:
        wanted |= set(catalogue.intents)
    missing: dict[str, list[str]] = {}
    for intent in sorted(wanted):
        lacking = [c.locale for c in catalogues if not c.phrases(intent)]
        if lacking:
            missing[intent] = lacking
    for catalogue in catalogues:
        absent = [d for d in "0123456789" if not catalogue.digits.get(d)]
        if absent:
            missing.setdefault("digits", []).append(catalogue.locale)
    return missing
