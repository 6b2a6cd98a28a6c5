"""Phrase data, page grammars and the transcript post-filter (text only, no audio)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from voice.intents import (
    GLOBAL_INTENTS,
    LOCALES,
    REJECTION_MESSAGE,
    SERVICE_INTENTS,
    Choice,
    IntentMatch,
    IntentMatcher,
    PageGrammar,
    PhraseDataError,
    Rejection,
    load_catalogue,
    missing_intents,
)

HOME = PageGrammar(
    choices=(
        Choice("appointments", "就医预约", "appointments"),
        Choice("meals", "助餐", "meals"),
        Choice("benefits", "补贴查询", "benefits"),
    )
)
HOME_HK = PageGrammar(
    choices=(
        Choice("appointments", "就醫預約", "appointments"),
        Choice("meals", "助餐", "meals"),
        Choice("benefits", "補貼查詢", "benefits"),
    )
)


def test_every_intent_has_phrases_in_every_locale() -> None:
    catalogues = [load_catalogue(locale) for locale in LOCALES]
    assert missing_intents(catalogues) == {}
    for catalogue in catalogues:
        for intent in (*GLOBAL_INTENTS, *SERVICE_INTENTS):
            assert catalogue.phrases(intent), (catalogue.locale, intent)


def test_missing_intent_is_reported(tmp_path: Path) -> None:
    (tmp_path / "global.json").write_text(
        json.dumps({"locale": "en", "intents": {"home": ["home"]}}), encoding="utf-8"
    )
    partial = load_catalogue("en", tmp_path)
    missing = missing_intents([load_catalogue("zh_CN"), partial])
    assert missing["emergency"] == ["en"]
    assert missing["digits"] == ["en"]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("{not json", "global.json"),
        ('{"locale": "zh_CN", "intents": {}}', "locale is 'zh_CN'"),
        ('{"locale": "en", "intents": {"home": "home"}}', "must be a list"),
    ],
)
def test_bad_phrase_files_are_named(tmp_path: Path, content: str, error: str) -> None:
    (tmp_path / "global.json").write_text(content, encoding="utf-8")
    with pytest.raises(PhraseDataError, match=error):
        load_catalogue("en", tmp_path)


ZH_CN = [
    ("我要看病", "choice", "appointments"),
    ("帮我挂个号", "choice", "appointments"),
    ("请帮我挂个号吧", "choice", "appointments"),
    ("我想订饭", "choice", "meals"),
    ("查补贴", "choice", "benefits"),
    ("救命", "emergency", None),
    ("救命啊", "emergency", None),
    ("帮 帮 我", "emergency", None),  # vosk returns space-separated words
    ("返回", "back", None),
    ("回到首页", "home", None),
    ("再说一遍", "repeat", None),
    ("再说一遍吧", "repeat", None),
    ("是的", "yes", None),
    ("不要了", "cancel", None),
    ("确认。", "confirm", None),
]

ZH_HK = [
    ("我要睇醫生", "choice", "appointments"),
    ("幫我掛個號", "choice", "appointments"),
    ("我要看病", "choice", "appointments"),
    ("我想訂飯", "choice", "meals"),
    ("救命", "emergency", None),
    ("幫幫我", "emergency", None),
    ("返回", "back", None),
    ("返首頁", "home", None),
    ("再講一次", "repeat", None),
    ("再說一遍", "repeat", None),
    ("係呀", "yes", None),
    ("唔係", "no", None),
]


@pytest.mark.parametrize(("text", "intent", "value"), ZH_CN)
def test_zh_cn_paraphrases(text: str, intent: str, value: str | None) -> None:
    matcher = IntentMatcher(load_catalogue("zh_CN"))
    outcome = matcher.match(text, matcher.expected(HOME))
    assert isinstance(outcome, IntentMatch), outcome
    assert (outcome.intent, outcome.value) == (intent, value)


@pytest.mark.parametrize(("text", "intent", "value"), ZH_HK)
def test_zh_hk_paraphrases(text: str, intent: str, value: str | None) -> None:
    matcher = IntentMatcher(load_catalogue("zh_HK"))
    outcome = matcher.match(text, matcher.expected(HOME_HK))
    assert isinstance(outcome, IntentMatch), outcome
    assert (outcome.intent, outcome.value) == (intent, value)


@pytest.mark.parametrize("text", ["今天天气怎么样", "播放音乐", "", "   ", "[unk]", "我"])
def test_out_of_grammar_is_rejected_with_the_message(text: str) -> None:
    matcher = IntentMatcher(load_catalogue("zh_CN"))
    outcome = matcher.match(text, matcher.expected(HOME))
    assert isinstance(outcome, Rejection)
    assert outcome.intent is None
    assert outcome.message == REJECTION_MESSAGE


def test_fuzzy_match_accepts_one_wrong_character_but_not_two() -> None:
    matcher = IntentMatcher(load_catalogue("zh_CN"))
    expected = matcher.expected(HOME)
    close = matcher.match("帮我挂各号", expected)  # 各 for 个: a typical recogniser slip
    assert isinstance(close, IntentMatch) and close.method == "fuzzy"
    assert close.value == "appointments"
    assert isinstance(matcher.match("帮他换个书", expected), Rejection)


def test_english_words_are_matched_whole() -> None:
    matcher = IntentMatcher(load_catalogue("en"))
    expected = matcher.expected(PageGrammar())
    assert isinstance(matcher.match("know", expected), Rejection)
    outcome = matcher.match("Go back, please", expected)
    assert isinstance(outcome, IntentMatch) and outcome.intent == "back"


def test_digits_only_when_the_keypad_is_up() -> None:
    matcher = IntentMatcher(load_catalogue("zh_CN"))
    assert isinstance(matcher.match("七", matcher.expected(PageGrammar())), Rejection)
    outcome = matcher.match("拐", matcher.expected(PageGrammar(digits=True)))
    assert isinstance(outcome, IntentMatch) and (outcome.intent, outcome.value) == ("digit", "7")


def test_grammar_is_visible_choices_plus_globals() -> None:
    matcher = IntentMatcher(load_catalogue("en"))
    page = PageGrammar(choices=(Choice("slot.0930", "nine thirty"), Choice("slot.1000", "ten")))
    expected = matcher.expected(page)
    assert expected["nine thirty"].value == "slot.0930"
    assert expected["help"].intent == "emergency"
    assert "meals" not in expected  # service phrases only where a choice asks for them
    assert set(matcher.emergency_only()) == set(load_catalogue("en").phrases("emergency"))
