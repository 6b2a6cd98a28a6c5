"""Text normalisation for speech: turn what is on screen into what should be said.

espeak-ng reads Chinese digits with English phonemes or as one long number, so every
number is spelled out in words before synthesis (docs/domain.md, speech engines). The rules
are applied in a fixed order, most specific first, so that a date is never read as
three numbers and a phone number is never read as "one hundred and thirty-eight
billion ...":

1. masked ID numbers (``3101**********123X``): visible digits one by one, the hidden
   part as a short phrase, never the hidden count;
2. money (``¥12.50``, ``12.50元``): yuan, jiao, fen;
3. dates (``2026年11月22日``, ``2026-11-22``): year digit by digit, month and day as numbers;
4. times (``9:30``, ``15:05``): 12-hour clock with 上午 / 下午 words;
5. long digit runs (7 or more digits: phones, ID and booking numbers): one by one;
6. remaining decimals and integers: as quantities.

Digit reading: Mandarin reads "1" in phone and ID numbers as 幺 (yāo), the telephony
convention that keeps 一 (yī) apart from 七 (qī) over a loudspeaker; pass
``one_as="一"`` to :func:`read_digits` for the plain reading. Cantonese has no such
convention (一 jat1 and 七 cat1 differ in their finals) and uses 一. The ID check
character X is read 叉 in Chinese and "X" in English.

Wording per locale lives in the ``_WORDS`` table; zh_HK uses traditional characters and
Cantonese wording where it differs (兩, 點, 毫 for 角, 上晝/下晝).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

LOCALES = ("zh_CN", "zh_HK", "en")


@dataclass(frozen=True)
class _Words:
    digits: str  # 0..9, in order
    phone_one: str  # how "1" is read in a digit string
    two_lead: str  # "two" before a unit (两百, 兩千)
    units: tuple[str, str, str]  # 十 百 千
    big_units: tuple[str, str, str]  # "", 万, 亿
    point: str
    minus: str
    year_zero: str  # zero inside a year (二〇二六)
    yuan: str
    jiao: str
    fen: str
    zero_joiner: str  # 零 in "十二元零五分"
    hour: str
    half: str
    minute: str
    morning: str
    afternoon: str
    evening: str
    noon: str
    hidden: str
    check_x: str
    year: str
    month: str
    day: str


_ZH_CN = _Words(
    digits="零一二三四五六七八九",
    phone_one="幺",
    two_lead="两",
    units=("十", "百", "千"),
    big_units=("", "万", "亿"),
    point="点",
    minus="负",
    year_zero="〇",
    yuan="元",
    jiao="角",
    fen="分",
    zero_joiner="零",
    hour="点",
    half="半",
    minute="分",
    morning="上午",
    afternoon="下午",
    evening="晚上",
    noon="中午",
    hidden="，中间几位隐藏，",
    check_x="叉",
    year="年",
    month="月",
    day="日",
)

_ZH_HK = _Words(
    digits="零一二三四五六七八九",
    phone_one="一",
    two_lead="兩",
    units=("十", "百", "千"),
    big_units=("", "萬", "億"),
    point="點",
    minus="負",
    year_zero="零",
    yuan="元",
    jiao="毫",
    fen="分",
    zero_joiner="零",
    hour="點",
    half="半",
    minute="分",
    morning="上晝",
    afternoon="下晝",
    evening="夜晚",
    noon="中午",
    hidden="，中間幾位隱藏，",
    check_x="叉",
    year="年",
    month="月",
    day="日",
)

_WORDS: dict[str, _Words] = {"zh_CN": _ZH_CN, "zh_HK": _ZH_HK}

_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_EN_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _words(locale: str) -> _Words | None:
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; expected one of {', '.join(LOCALES)}")
    return _WORDS.get(locale)


# --- numbers -------------------------------------------------------------------------


def _below_10000(n: int, w: _Words, *, lead: bool) -> str:
    """0 < n < 10000 in Chinese words. ``lead``: first group of the whole number."""
    out: list[str] = []
    zero_pending = False
    for power in (3, 2, 1, 0):
        digit = (n // 10**power) % 10
        if digit == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append(w.digits[0])
            zero_pending = False
        if power == 0:
            out.append(w.digits[digit])
        elif power == 1:
            # 十二, not 一十二, when ten leads the whole number; 一百一十 inside it.
            if not (digit == 1 and lead and not out):
                out.append(w.digits[digit])
            out.append(w.units[0])
        else:
            out.append(w.two_lead if digit == 2 and not out and lead else w.digits[digit])
            out.append(w.units[power - 1])
    return "".join(out)


def number_words(n: int, locale: str) -> str:
    """Read an integer as a quantity: 205 → 二百零五 (zh), "205" (en: espeak reads it)."""
    w = _words(locale)
    if w is None:
        return str(n)
    if n < 0:
        return w.minus + number_words(-n, locale)
    if n == 0:
        return w.digits[0]
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > 3:  # beyond 亿亿: read digit by digit rather than invent units
        return read_digits("".join(str(g) for g in reversed(groups)), locale)
    out: list[str] = []
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(out)
            continue
        if out and (zero_pending or group < 1000):
            out.append(w.digits[0])
        zero_pending = False
        if group == 2 and index and not out:
            out.append(w.two_lead)  # 两万, 两亿
        else:
            out.append(_below_10000(group, w, lead=not out))
        out.append(w.big_units[index])
    return "".join(out)


def read_digits(digits: str, locale: str, *, one_as: str | None = None) -> str:
    """Read a digit string one digit at a time (phones, IDs, booking numbers).

    Mandarin uses 幺 for 1 unless ``one_as`` says otherwise (see the module docstring).
    """
    w = _words(locale)
    if w is None:
        return " ".join(_EN_DIGITS[int(c)] if c.isdigit() else c.upper() for c in digits)
    one = one_as if one_as is not None else w.phone_one
    out = []
    for char in digits:
        if char == "1":
            out.append(one)
        elif char.isdigit():
            out.append(w.digits[int(char)])
        elif char in "xX":
            out.append(w.check_x)
        else:
            out.append(char)
    return "".join(out)


def _decimal_words(whole: str, fraction: str, locale: str) -> str:
    w = _words(locale)
    if w is None:
        return f"{whole}.{fraction}"
    return number_words(int(whole), locale) + w.point + read_digits(fraction, locale, one_as="一")


# --- money, dates, times ---------------------------------------------------------------


def money_words(fen: int, locale: str) -> str:
    """Integer fen → spoken amount: 1250 → 十二元五角; 1205 → 十二元零五分."""
    w = _words(locale)
    yuan, rest = divmod(abs(fen), 100)
    jiao, cents = divmod(rest, 10)
    if w is None:
        amount = f"{yuan} yuan" + (f" {rest} fen" if rest else "")
        return ("minus " if fen < 0 else "") + amount
    out = [w.minus] if fen < 0 else []
    if yuan or not rest:
        out.append(_quantity(yuan, w, locale) + w.yuan)
    if jiao:
        out.append(_quantity(jiao, w, locale) + w.jiao)
    if cents:
        if yuan and not jiao:
            out.append(w.zero_joiner)
        out.append(_quantity(cents, w, locale) + w.fen)
    return "".join(out)


def _quantity(n: int, w: _Words, locale: str) -> str:
    """A count before a measure word: 2 is 两 / 兩 (两元, 两点), otherwise as a number."""
    return w.two_lead if n == 2 else number_words(n, locale)


def date_words(year: int, month: int, day: int, locale: str) -> str:
    w = _words(locale)
    if w is None:
        return f"{day} {_EN_MONTHS[month - 1]} {year}"
    year_text = read_digits(str(year), locale, one_as="一").replace(w.digits[0], w.year_zero)
    return (
        f"{year_text}{w.year}{number_words(month, locale)}{w.month}"
        f"{number_words(day, locale)}{w.day}"
    )


def time_words(hour: int, minute: int, locale: str) -> str:
    """24-hour clock → spoken 12-hour time: 15:30 → 下午三点半; 12:05 → 中午十二点零五分."""
    w = _words(locale)
    if w is None:
        suffix = "AM" if hour < 12 else "PM"
        shown = hour % 12 or 12
        return f"{shown} {suffix}" if minute == 0 else f"{shown}:{minute:02d} {suffix}"
    if hour < 12:
        period = w.morning
    elif hour < 13:
        period = w.noon
    elif hour < 18:
        period = w.afternoon
    else:
        period = w.evening
    shown = hour % 12 or 12
    text = period + _quantity(shown, w, locale) + w.hour
    if minute == 30:
        return text + w.half
    if minute:
        lead_zero = w.digits[0] if minute < 10 else ""
        text += lead_zero + number_words(minute, locale) + w.minute
    return text


def masked_id_words(masked: str, locale: str) -> str:
    """``3101**********123X`` → the visible digits one by one around a "hidden" phrase."""
    head, _, tail = masked.partition("*")
    tail = tail.lstrip("*")
    w = _words(locale)
    hidden = w.hidden if w is not None else ", hidden digits, "
    return read_digits(head, locale) + hidden + read_digits(tail, locale)


# --- the pipeline ----------------------------------------------------------------------

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str], str], str]]


def _integer_rule(digits: str, locale: str) -> str:
    # espeak-ng reads English numbers well; "05" must stay "05" inside "12:05 PM".
    return digits if locale == "en" else number_words(int(digits), locale)


def _money_rule(match: re.Match[str], locale: str) -> str:
    yuan = match.group("y1") or match.group("y2")
    frac = (match.group("f1") or match.group("f2") or "").ljust(2, "0")[:2]
    return money_words(int(yuan) * 100 + int(frac or "0"), locale)


def _date_rule(match: re.Match[str], locale: str) -> str:
    year = int(match.group("y"))
    month = int(match.group("m1") or match.group("m2"))
    day = int(match.group("d1") or match.group("d2"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group(0)
    return date_words(year, month, day, locale)


def _time_rule(match: re.Match[str], locale: str) -> str:
    hour, minute = int(match.group("h")), int(match.group("m"))
    if hour > 23 or minute > 59:
        return match.group(0)
    return time_words(hour, minute, locale)


_RULES: tuple[_Rule, ...] = (
    (
        re.compile(r"(?<![\d*])\d{0,6}\*{4,}\d{0,4}[\dXx]?(?![\d*])"),
        lambda m, loc: masked_id_words(m.group(0), loc),
    ),
    (
        re.compile(
            r"[¥￥]\s?(?P<y1>\d+)(?:\.(?P<f1>\d{1,2}))?|(?P<y2>\d+)(?:\.(?P<f2>\d{1,2}))?\s?元"
        ),
        _money_rule,
    ),
    (
        re.compile(
            r"(?P<y>\d{4})\s?(?:年\s?(?P<m1>\d{1,2})\s?月\s?(?P<d1>\d{1,2})\s?[日号]"
            r"|-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})(?!\d))"
        ),
        _date_rule,
    ),
    (re.compile(r"(?<!\d)(?P<h>\d{1,2})[:：](?P<m>\d{2})(?!\d)"), _time_rule),
    (
        re.compile(r"(?<![\d.])\d{7,}[Xx]?(?![\d.])"),
        lambda m, loc: read_digits(m.group(0), loc),
    ),
    (
        re.compile(r"(?<![\d.])(?P<w>\d+)\.(?P<f>\d+)(?![\d.])"),
        lambda m, loc: _decimal_words(m.group("w"), m.group("f"), loc),
    ),
    # Whatever digits the rules above left (a full stop after a number, "1.2.3")
    # are still read out: a digit must never reach the synthesiser raw.
    (re.compile(r"(?<!\d)\d+(?!\d)"), lambda m, loc: _integer_rule(m.group(0), loc)),
)


def normalise(text: str, locale: str) -> str:
    """Spell out masked IDs, money, dates, times, digit strings and numbers for ``locale``."""
    _words(locale)  # validates the locale
    for pattern, render in _RULES:
        text = pattern.sub(lambda match, render=render: render(match, locale), text)  # type: ignore[misc]
    return text
