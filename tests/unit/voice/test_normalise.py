"""Chinese / English text normalisation for speech: tables of cases plus properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voice.normalise import money_words, normalise, number_words, read_digits, time_words

CASES = [
    # (locale, on screen, spoken)
    ("zh_CN", "2026年11月22日", "二〇二六年十一月二十二日"),
    ("zh_CN", "2026-01-05", "二〇二六年一月五日"),
    ("zh_CN", "9:30", "上午九点半"),
    ("zh_CN", "15:05", "下午三点零五分"),
    ("zh_CN", "12:00", "中午十二点"),
    ("zh_CN", "20:15", "晚上八点十五分"),
    ("zh_CN", "¥12.50", "十二元五角"),
    ("zh_CN", "12.05元", "十二元零五分"),
    ("zh_CN", "¥2", "两元"),
    ("zh_CN", "¥0.80", "八角"),
    ("zh_CN", "电话13812345678", "电话幺三八幺二三四五六七八"),
    ("zh_CN", "3101**********123X", "三幺零幺，中间几位隐藏，幺二三叉"),
    ("zh_CN", "共205人", "共两百零五人"),
    ("zh_CN", "110", "一百一十"),
    ("zh_CN", "10", "十"),
    ("zh_CN", "20000", "两万"),
    ("zh_CN", "3.14", "三点一四"),
    ("zh_HK", "2026年11月22日", "二零二六年十一月二十二日"),
    ("zh_HK", "15:30", "下晝三點半"),
    ("zh_HK", "¥12.50", "十二元五毫"),
    ("zh_HK", "電話 98765432", "電話 九八七六五四三二"),
    ("zh_HK", "13812345678", "一三八一二三四五六七八"),
    ("zh_HK", "3101**********123X", "三一零一，中間幾位隱藏，一二三叉"),
    ("en", "2026-11-22", "22 November 2026"),
    ("en", "15:30", "3:30 PM"),
    ("en", "12:05", "12:05 PM"),
    ("en", "¥12.50", "12 yuan 50 fen"),
    ("en", "13812345678", "one three eight one two three four five six seven eight"),
    ("en", "Room 12", "Room 12"),
]


@pytest.mark.parametrize(("locale", "text", "spoken"), CASES)
def test_normalise_table(locale: str, text: str, spoken: str) -> None:
    assert normalise(text, locale) == spoken


def test_mixed_sentence_keeps_order_and_rules_do_not_interfere() -> None:
    text = "您预约了2026年11月22日 9:30，挂号费¥12.50，电话13812345678。"
    assert normalise(text, "zh_CN") == (
        "您预约了二〇二六年十一月二十二日 上午九点半，挂号费十二元五角，"
        "电话幺三八幺二三四五六七八。"
    )


def test_digits_can_be_read_with_plain_yi() -> None:
    assert read_digits("110", "zh_CN", one_as="一") == "一一零"


def test_unknown_locale_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown locale"):
        normalise("1", "fr")


_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}


def _parse_chinese(text: str) -> int:
    """Independent reader of Chinese numerals, to check number_words round-trips."""
    total, section, digit = 0, 0, 0
    for char in text:
        if char in _DIGIT:
            digit = _DIGIT[char]
        elif char in _UNIT:
            section += (digit or 1) * _UNIT[char]
            digit = 0
        elif char in _BIG:
            total += (section + digit) * _BIG[char]
            section, digit = 0, 0
        else:
            raise AssertionError(f"unexpected character {char!r} in {text!r}")
    return total + section + digit


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_number_words_round_trip(n: int) -> None:
    words = number_words(n, "zh_CN")
    assert _parse_chinese(words) == n
    assert not re.search(r"零零|零$", words) or n == 0


@given(st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_read_digits_one_word_per_digit(digits: str) -> None:
    for locale in ("zh_CN", "zh_HK"):
        assert len(read_digits(digits, locale)) == len(digits)
    assert len(read_digits(digits, "en").split()) == len(digits)


@given(st.integers(min_value=0, max_value=10**7))
def test_money_words_never_show_digits(fen: int) -> None:
    for locale in ("zh_CN", "zh_HK"):
        spoken = money_words(fen, locale)
        assert not re.search(r"\d", spoken)
        assert spoken.endswith(("元", "角", "毫", "分"))


@given(st.integers(0, 23), st.integers(0, 59))
def test_times_are_spoken_without_digits(hour: int, minute: int) -> None:
    for locale in ("zh_CN", "zh_HK"):
        assert not re.search(r"\d", time_words(hour, minute, locale))
        assert not re.search(r"\d", normalise(f"{hour}:{minute:02d}", locale))


@given(st.text(max_size=40))
def test_normalise_never_crashes_and_leaves_no_digits_in_chinese(text: str) -> None:
    spoken = normalise(text, "zh_CN")
    assert not re.search(r"[0-9]", spoken)
