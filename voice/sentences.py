"""Spoken text as sentences: each part ends with one full stop, so each is a pause."""

from __future__ import annotations

SENTENCE_ENDS = tuple("。！？；：.!?;:")


def as_sentence(text: str, chinese: bool | None = None) -> str:
    """End a spoken part with one full stop (a pause), never a doubled "?." or "..".

    Chinese text gets the Chinese full stop (``chinese``; by default judged from the last
    character): the speech engines pause on either, but the text is also what "repeat"
    shows in logs and tests.
    """
    text = text.strip()
    if not text or text.endswith(SENTENCE_ENDS):
        return text
    if chinese is None:
        chinese = "\u4e00" <= text[-1] <= "\u9fff"
    return text + ("。" if chinese else ".")


def spoken_sentences(parts: list[str]) -> str:
    """Parts of a page's spoken text, each one sentence, empty ones left out."""
    return " ".join(as_sentence(p.replace("\n", ", ")) for p in parts if p.strip())


def join_sentences(parts: list[str], locale: str) -> str:
    """One utterance from several texts (a page and its notice), each ending as a sentence."""
    chinese = locale.startswith("zh")
    return ("" if chinese else " ").join(as_sentence(p, chinese) for p in parts if p.strip())
