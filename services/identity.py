"""Identify the senior: resident ID, social-security card, callback phone; masking; redaction.

Qt-free, no I/O, no clock (callers pass ``today``), thread-safe. The only mutation is
:class:`RedactingFilter` editing the log records handed to it.

Resident ID (居民身份证号码, GB 11643-1999)
    ``RRRRRR YYYYMMDD SSS C``: 6-digit region code, birth date, 3-digit sequence (odd = male,
    even = female) and an ISO 7064 MOD 11-2 check character (``0``-``9`` or ``X``).
    Legacy 15-digit numbers (``RRRRRR YYMMDD SSS``, 19xx births, no check character) are
    accepted and upgraded to the 18-digit form.

Validation order (the first failing rule is the reason reported, so the UI can say one
plain thing): length → characters → region → birth date (impossible → future → too old) →
check character. Birth date before check character follows python-stdnum and tells a
senior *where* a typo is when it lands in the date.

Region rule, deliberately light so nobody real is turned away: the first digit must not be
``0`` and the six digits must not all be the same (``000000``, ``111111``, … ``999999``; none
is a real region). First digit ``9`` is accepted: the 2023 foreigner's permanent residence
ID card uses it with the same layout and check character.

Input normalisation (:func:`normalise`): whitespace (including the ideographic space) and
hyphens are removed, full-width digits and Latin letters become ASCII, and for IDs a
lower-case ``x`` becomes ``X``. Only ASCII ``0``-``9`` count as digits (``str.isdigit`` would
also accept e.g. Arabic-Indic digits).

PII: exceptions carry a reason enum, never the input; the ``repr`` of every value object
shows only the masked number.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from typing import ClassVar, Final

__all__ = [
    "CardNumberReason",
    "IdentityError",
    "InvalidCardNumber",
    "InvalidPhone",
    "InvalidResidentId",
    "Phone",
    "PhoneKind",
    "PhoneReason",
    "RedactingFilter",
    "ResidentId",
    "ResidentIdReason",
    "Sex",
    "SocialSecurity",
    "SocialSecurityKind",
    "check_character",
    "mask_card",
    "mask_partial_id",
    "mask_phone",
    "mask_resident_id",
    "normalise",
    "parse_phone",
    "parse_resident_id",
    "parse_social_security",
    "redact",
    "resident_id_check_ok",
    "spell_for_speech",
    "spell_masked_for_speech",
    "upgrade_legacy_id",
]

RESIDENT_ID_LENGTH: Final = 18
LEGACY_ID_LENGTH: Final = 15
CARD_NUMBER_LENGTH: Final = 9
MASK_CHAR: Final = "*"

_ASCII_DIGITS: Final = frozenset("0123456789")
_CHECK_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS: Final = "10X98765432"
_EARLIEST_BIRTH_YEAR: Final = 1880
_MAX_AGE: Final = 130

# Full-width digits and Latin letters (U+FF10.., U+FF21.., U+FF41..) to ASCII.
_FULL_WIDTH: Final[dict[int, str]] = {
    **{0xFF10 + i: chr(0x30 + i) for i in range(10)},
    **{0xFF21 + i: chr(0x41 + i) for i in range(26)},
    **{0xFF41 + i: chr(0x61 + i) for i in range(26)},
    0xFF0D: "-",  # full-width hyphen-minus
    0xFF0B: "+",  # full-width plus
    0xFF08: "(",
    0xFF09: ")",
    0xFF0A: MASK_CHAR,  # full-width asterisk
}
_SEPARATORS: Final = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")


# --------------------------------------------------------------------------- errors


class ResidentIdReason(StrEnum):
    """Why a resident ID was rejected; the UI turns each member into plain words."""

    WRONG_LENGTH = "wrong_length"
    NOT_DIGITS = "not_digits"
    BAD_CHECK_DIGIT = "bad_check_digit"
    IMPOSSIBLE_BIRTH_DATE = "impossible_birth_date"
    FUTURE_BIRTH_DATE = "future_birth_date"
    TOO_OLD = "too_old"
    BAD_REGION = "bad_region"


class CardNumberReason(StrEnum):
    """Why a social-security card number was rejected."""

    WRONG_LENGTH = "wrong_length"
    NOT_ALPHANUMERIC = "not_alphanumeric"
    NO_DIGIT = "no_digit"


class PhoneReason(StrEnum):
    """Why a callback phone number was rejected."""

    WRONG_LENGTH = "wrong_length"
    NOT_DIGITS = "not_digits"
    SHORT_NUMBER = "short_number"
    """3 to 6 digits: emergency (110/119/120/122) and service (12345, 95xxx, 96xxxx) numbers
    cannot take a callback."""
    NOT_SHANGHAI = "not_shanghai"
    """A landline outside Shanghai (another area code) or a number outside mainland China."""
    UNRECOGNISED = "unrecognised"
    """The right length but neither a mobile (1[3-9]…) nor a landline (starts 2-9)."""


class IdentityError(ValueError):
    """Base class; ``reason`` is an enum member. The message never contains the input."""

    reason: ResidentIdReason | CardNumberReason | PhoneReason
    _what: ClassVar[str] = "identity rejected"

    def __init__(self, reason: ResidentIdReason | CardNumberReason | PhoneReason) -> None:
        super().__init__(f"{self._what}: {reason.value}")
        self.reason = reason

    def __reduce__(self) -> tuple[type[IdentityError], tuple[StrEnum]]:
        return (type(self), (self.reason,))


class InvalidResidentId(IdentityError):  # noqa: N818 (agreed public name)
    reason: ResidentIdReason
    _what = "resident ID rejected"

    def __init__(self, reason: ResidentIdReason) -> None:
        super().__init__(reason)


class InvalidCardNumber(IdentityError):  # noqa: N818 (agreed public name)
    reason: CardNumberReason
    _what = "social-security card number rejected"

    def __init__(self, reason: CardNumberReason) -> None:
        super().__init__(reason)


class InvalidPhone(IdentityError):  # noqa: N818 (agreed public name)
    reason: PhoneReason
    _what = "phone number rejected"

    def __init__(self, reason: PhoneReason) -> None:
        super().__init__(reason)


# --------------------------------------------------------------------------- normalisation


def normalise(text: str) -> str:
    """Full-width → ASCII, drop whitespace and hyphens. Letters keep their case."""
    return _SEPARATORS.sub("", text.translate(_FULL_WIDTH))


def _normalise_id(text: str) -> str:
    return normalise(text).replace("x", "X")


def _is_ascii_digits(text: str) -> bool:
    return all(c in _ASCII_DIGITS for c in text)


# --------------------------------------------------------------------------- resident ID


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True, repr=False)
class ResidentId:
    """A checked 18-digit resident ID. ``age`` is in whole years on the ``today`` given."""

    number: str
    birth_date: date
    sex: Sex
    age: int
    region_code: str

    @property
    def masked(self) -> str:
        return mask_resident_id(self.number)

    def __repr__(self) -> str:
        return f"ResidentId(number={self.masked!r})"


def check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID."""
    if len(first17) != RESIDENT_ID_LENGTH - 1:
        raise InvalidResidentId(ResidentIdReason.WRONG_LENGTH)
    if not _is_ascii_digits(first17):
        raise InvalidResidentId(ResidentIdReason.NOT_DIGITS)
    total = sum(int(c) * w for c, w in zip(first17, _CHECK_WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def resident_id_check_ok(number: str) -> bool:
    """True when ``number`` is 17 ASCII digits and its right check character, as sent on the
    wire (already normalised; no date or region rules: the kiosk applied those)."""
    body, check = number[:-1], number[-1:]
    return (
        len(number) == RESIDENT_ID_LENGTH
        and _is_ascii_digits(body)
        and check in _CHECK_CHARS
        and check_character(body) == check
    )


def upgrade_legacy_id(text: str) -> str:
    """15-digit legacy ID → 18 digits: insert ``19`` before the year, append the check.

    Only the shape is checked (15 ASCII digits); :func:`parse_resident_id` checks the rest.
    """
    number = _normalise_id(text)
    if len(number) != LEGACY_ID_LENGTH:
        raise InvalidResidentId(ResidentIdReason.WRONG_LENGTH)
    if not _is_ascii_digits(number):
        raise InvalidResidentId(ResidentIdReason.NOT_DIGITS)
    first17 = f"{number[:6]}19{number[6:]}"
    return first17 + check_character(first17)


def _age_on(birth: date, today: date) -> int:
    # A 29 February birthday counts as reached on 1 March in common years.
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def parse_resident_id(text: str, *, today: date) -> ResidentId:
    """Check an 18-digit (or legacy 15-digit) resident ID; derive birth date, sex and age.

    Raises :class:`InvalidResidentId`; see the module docstring for the rule order.
    """
    number = _normalise_id(text)
    if len(number) not in (RESIDENT_ID_LENGTH, LEGACY_ID_LENGTH):
        raise InvalidResidentId(ResidentIdReason.WRONG_LENGTH)
    is_legacy = len(number) == LEGACY_ID_LENGTH
    body = number if is_legacy else number[:-1]
    if not _is_ascii_digits(body) or not (is_legacy or number[-1] in _CHECK_CHARS):
        raise InvalidResidentId(ResidentIdReason.NOT_DIGITS)
    if is_legacy:
        number = upgrade_legacy_id(number)

    region = number[:6]
    if region[0] == "0" or len(set(region)) == 1:
        raise InvalidResidentId(ResidentIdReason.BAD_REGION)

    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidResidentId(ResidentIdReason.IMPOSSIBLE_BIRTH_DATE) from None
    if birth > today:
        raise InvalidResidentId(ResidentIdReason.FUTURE_BIRTH_DATE)
    age = _age_on(birth, today)
    if birth.year < _EARLIEST_BIRTH_YEAR or age > _MAX_AGE:
        raise InvalidResidentId(ResidentIdReason.TOO_OLD)

    # Deliberately no hint of the expected character: it would let anyone forge a number.
    if check_character(number[:17]) != number[17]:
        raise InvalidResidentId(ResidentIdReason.BAD_CHECK_DIGIT)

    sex = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
    return ResidentId(number=number, birth_date=birth, sex=sex, age=age, region_code=region)


# --------------------------------------------------------------------------- social security


class SocialSecurityKind(StrEnum):
    RESIDENT_ID = "resident_id"
    CARD_NUMBER = "card_number"


@dataclass(frozen=True, repr=False)
class SocialSecurity:
    """What the senior typed or the card reader sent.

    In Shanghai the social-security number *is* the resident ID (``kind`` "resident_id",
    ``resident_id`` set). The card also carries a 9-character card number (社会保障卡卡号,
    ``kind`` "card_number", ``resident_id`` None).
    """

    number: str
    kind: SocialSecurityKind
    resident_id: ResidentId | None = field(default=None, compare=False)

    @property
    def masked(self) -> str:
        if self.kind is SocialSecurityKind.RESIDENT_ID:
            return mask_resident_id(self.number)
        return mask_card(self.number)

    def __repr__(self) -> str:
        return f"SocialSecurity(number={self.masked!r}, kind={self.kind.value!r})"


_CARD_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _normalise_card(text: str) -> str:
    return "".join(c.upper() if "a" <= c <= "z" else c for c in normalise(text))


def parse_social_security(text: str, *, today: date) -> SocialSecurity:
    """A resident ID (15 or 18 characters) or a card number (9 characters).

    Card number, an assumption (no public spec found): exactly 9 characters from
    ``A``-``Z`` / ``0``-``9`` with at least one digit (usually one letter + 8 digits, e.g.
    ``A12345678``); lower case is accepted and upper-cased.

    Raises :class:`InvalidResidentId` for 15/18-character input (so the UI can name the exact
    problem) and :class:`InvalidCardNumber` otherwise; both are :class:`IdentityError`.
    """
    compact = _normalise_card(text)
    if len(compact) in (RESIDENT_ID_LENGTH, LEGACY_ID_LENGTH):
        rid = parse_resident_id(compact, today=today)
        return SocialSecurity(rid.number, SocialSecurityKind.RESIDENT_ID, rid)
    if len(compact) != CARD_NUMBER_LENGTH:
        raise InvalidCardNumber(CardNumberReason.WRONG_LENGTH)
    if not all(c in _CARD_CHARS for c in compact):
        raise InvalidCardNumber(CardNumberReason.NOT_ALPHANUMERIC)
    if not any(c in _ASCII_DIGITS for c in compact):
        raise InvalidCardNumber(CardNumberReason.NO_DIGIT)
    return SocialSecurity(compact, SocialSecurityKind.CARD_NUMBER)


# --------------------------------------------------------------------------- phone


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"


@dataclass(frozen=True, repr=False)
class Phone:
    """A number the service centre can call back.

    ``number`` is national digits only: 11-digit mobile (``13812345678``) or Shanghai landline
    with its area code (``02164321234``).
    """

    number: str
    kind: PhoneKind

    @property
    def e164(self) -> str:
        return "+86" + (self.number[1:] if self.kind is PhoneKind.LANDLINE else self.number)

    @property
    def masked(self) -> str:
        return mask_phone(self.number)

    def __repr__(self) -> str:
        return f"Phone(number={self.masked!r}, kind={self.kind.value!r})"


_PHONE_STRIP: Final = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014()]+")
_SHANGHAI_AREA: Final = "021"
_MOBILE_LENGTH: Final = 11
_LANDLINE_LENGTH: Final = 8
_SHORT_LENGTHS: Final = range(3, 7)
_OTHER_AREA_LENGTHS: Final = (11, 12)  # 0 + 2-3 digit area code + 7-8 digits


def _local_landline(local: str) -> Phone:
    if len(local) == _LANDLINE_LENGTH:
        if local[0] in "23456789":
            return Phone(_SHANGHAI_AREA + local, PhoneKind.LANDLINE)
        raise InvalidPhone(PhoneReason.UNRECOGNISED)
    if len(local) in _SHORT_LENGTHS:
        raise InvalidPhone(PhoneReason.SHORT_NUMBER)
    raise InvalidPhone(PhoneReason.WRONG_LENGTH)


def _national(digits: str) -> Phone:
    if digits.startswith("0"):
        if digits.startswith(_SHANGHAI_AREA):
            return _local_landline(digits[len(_SHANGHAI_AREA) :])
        if len(digits) in _OTHER_AREA_LENGTHS:
            raise InvalidPhone(PhoneReason.NOT_SHANGHAI)
        raise InvalidPhone(PhoneReason.WRONG_LENGTH)
    if digits.startswith("1") and len(digits) == _MOBILE_LENGTH:
        if digits[1] in "3456789":
            return Phone(digits, PhoneKind.MOBILE)
        raise InvalidPhone(PhoneReason.UNRECOGNISED)
    return _local_landline(digits)


def parse_phone(text: str) -> Phone:
    """A mainland mobile (``1[3-9]`` + 9 digits) or a Shanghai landline for callbacks.

    Accepted: spaces, hyphens and brackets anywhere; a ``+86``, ``0086`` or ``86`` country
    prefix (``86`` only when 12+ digits follow, so an 8-digit landline starting ``86`` is
    not mangled); landlines as ``021`` + 8 digits or just the 8 digits (first digit 2-9),
    and after a country prefix as ``21`` + 8 digits (a stray trunk ``0`` is tolerated).
    Rejected: emergency / service short numbers, other area codes, other countries.
    """
    compact = _PHONE_STRIP.sub("", text.translate(_FULL_WIDTH))
    if not compact:
        raise InvalidPhone(PhoneReason.WRONG_LENGTH)
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not digits or not _is_ascii_digits(digits):
        raise InvalidPhone(PhoneReason.NOT_DIGITS)

    if plus:
        if not digits.startswith("86"):
            raise InvalidPhone(PhoneReason.NOT_SHANGHAI)
        nsn = digits[2:]
    elif digits.startswith("0086"):
        nsn = digits[4:]
    elif digits.startswith("86") and len(digits) >= 12:  # no national number is 12+ digits
        nsn = digits[2:]
    else:
        return _national(digits)

    # After a country code there is no trunk 0; put it back so one classifier serves.
    # Beijing's 10 is the only area code that starts with 1 like a mobile does.
    if nsn.startswith("1") and len(nsn) in _SHORT_LENGTHS:
        raise InvalidPhone(PhoneReason.SHORT_NUMBER)
    if nsn.startswith("1") and not nsn.startswith("10"):
        if len(nsn) == _MOBILE_LENGTH:
            return _national(nsn)
        raise InvalidPhone(PhoneReason.WRONG_LENGTH)
    return _national(nsn if nsn.startswith("0") else "0" + nsn)


# --------------------------------------------------------------------------- masking


def _mask_keep(text: str, head: int, tail: int) -> str:
    return text[:head] + MASK_CHAR * (len(text) - head - tail) + text[len(text) - tail :]


def mask_resident_id(text: str) -> str:
    """``3101**********123X``: first 4 and last 4 kept, always 18 characters out.

    Works on any 18-character input (a mistyped ID can still be shown back masked); a
    15-digit legacy ID is upgraded first. Other lengths raise ``InvalidResidentId``.
    """
    number = _normalise_id(text)
    if len(number) == LEGACY_ID_LENGTH:
        number = upgrade_legacy_id(number)
    if len(number) != RESIDENT_ID_LENGTH:
        raise InvalidResidentId(ResidentIdReason.WRONG_LENGTH)
    return _mask_keep(number, 4, 4)


def mask_partial_id(typed: str) -> str:
    """Live keypad echo: the first 4 shown, the rest starred; the last 4 appear only once all
    18 are in (``3101**********123X``). Same length as the (normalised) input."""
    number = _normalise_id(typed)
    if len(number) == RESIDENT_ID_LENGTH:
        return _mask_keep(number, 4, 4)
    return _mask_keep(number, min(4, len(number)), 0)


def mask_phone(number: str) -> str:
    """``138****5678`` / ``021****1234``: with 11+ digits the first 3 and last 4 are kept; a
    bare 8-digit landline keeps only its last 4 (``****1234``); shorter input is all stars."""
    compact = _PHONE_STRIP.sub("", number.translate(_FULL_WIDTH))
    if len(compact) >= _MOBILE_LENGTH:
        return _mask_keep(compact, 3, 4)
    if len(compact) >= _LANDLINE_LENGTH:
        return _mask_keep(compact, 0, 4)
    return MASK_CHAR * len(compact)


def mask_card(number: str) -> str:
    """``A12345678`` → ``A1*****78``: first 2 and last 2 of the 9 kept.

    Other lengths raise ``InvalidCardNumber``; input is not otherwise validated.
    """
    compact = _normalise_card(number)
    if len(compact) != CARD_NUMBER_LENGTH:
        raise InvalidCardNumber(CardNumberReason.WRONG_LENGTH)
    return _mask_keep(compact, 2, 2)


# --------------------------------------------------------------------------- speech

_DIGIT_WORDS: Final[dict[str, tuple[str, ...]]] = {
    # Cantonese reads the same characters (jat1 ji6 saam1 …); the TTS voice does the rest.
    "zh_CN": ("零", "一", "二", "三", "四", "五", "六", "七", "八", "九"),
    "zh_HK": ("零", "一", "二", "三", "四", "五", "六", "七", "八", "九"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
}
_X_WORD: Final = {"zh_CN": "叉", "zh_HK": "叉", "en": "X"}
_STAR_WORD: Final = {"zh_CN": "星号", "zh_HK": "星號", "en": "star"}
_THEN: Final = {"zh_CN": "，然后是", "zh_HK": "，跟住係", "en": ", then "}
_EN_TEENS: Final = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS: Final = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty")
_EN_TENS_9: Final = "ninety"
_MASK_RUN: Final = re.compile(rf"\{MASK_CHAR}+")


def _speech_locale(locale: str) -> str:
    key = locale.replace("-", "_")
    if key in _DIGIT_WORDS:
        return key
    if key.startswith("en_"):
        return "en"
    raise ValueError(f"no speech words for locale {locale!r}")


def spell_for_speech(text: str, locale: str) -> str:
    """Digit by digit for TTS: ``3101X`` → ``三 一 零 一 叉`` / ``three one zero one X``.

    Full-width input is accepted; whitespace, hyphens and other punctuation are skipped;
    letters are passed through upper-cased (``X`` is 叉 in Chinese); ``*`` is read as a star.
    ``locale`` is ``zh_CN``, ``zh_HK`` or ``en`` (``ValueError`` otherwise).
    """
    loc = _speech_locale(locale)
    words: list[str] = []
    for char in normalise(text):
        if char in _ASCII_DIGITS:
            words.append(_DIGIT_WORDS[loc][int(char)])
        elif char in "Xx":
            words.append(_X_WORD[loc])
        elif char == MASK_CHAR:
            words.append(_STAR_WORD[loc])
        elif char.isascii() and char.isalpha():
            words.append(char.upper())
    return " ".join(words)


def _count_words_en(count: int) -> str:
    if count < 10:
        return _DIGIT_WORDS["en"][count]
    if count < 20:
        return _EN_TEENS[count - 10]
    if count >= 100:
        return str(count)
    tens, ones = divmod(count, 10)
    word = _EN_TENS_9 if tens == 9 else _EN_TENS[tens]
    return word if ones == 0 else f"{word}-{_DIGIT_WORDS['en'][ones]}"


def _count_words(count: int, loc: str) -> str:
    if loc == "en":
        return _count_words_en(count)
    digits = _DIGIT_WORDS[loc]
    if count == 2:  # 两位, not 二位
        return "两" if loc == "zh_CN" else "兩"
    if count < 10:
        return digits[count]
    if count >= 100:
        return str(count)
    tens, ones = divmod(count, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + ("" if ones == 0 else digits[ones])


def _hidden_phrase(count: int, loc: str) -> str:
    number = _count_words(count, loc)
    if loc == "en":
        return f"{number} hidden digit{'' if count == 1 else 's'}"
    return f"{number}位{'隐藏数字' if loc == 'zh_CN' else '隱藏數字'}"


def spell_masked_for_speech(masked: str, locale: str) -> str:
    """Read a masked number aloud without the hidden digits, which it never sees anyway.

    ``3101**********123X`` → "three one zero one, then ten hidden digits, then one two three
    X" / "三 一 零 一，然后是十位隐藏数字，然后是一 二 三 叉" / "…，跟住係十位隱藏數字，…".
    Pass the output of a ``mask_*`` helper, never a clear number.
    """
    loc = _speech_locale(locale)
    text = normalise(masked)
    parts: list[str] = []
    pos = 0
    for run in _MASK_RUN.finditer(text):
        if run.start() > pos:
            parts.append(spell_for_speech(text[pos : run.start()], loc))
        parts.append(_hidden_phrase(run.end() - run.start(), loc))
        pos = run.end()
    if pos < len(text):
        parts.append(spell_for_speech(text[pos:], loc))
    return _THEN[loc].join(p for p in parts if p)


# --------------------------------------------------------------------------- redaction

# ``\d`` is Unicode-aware on purpose: full-width and other script digits are caught too.
_X_CHARS: Final = "Xxｘ\uff38"  # X x ｘ Ｘ
_REDACT_PATTERN: Final = rf"""
    (?<!\d)(?:
        (?P<run>\d{{14,}}[\d{_X_CHARS}])            # 15+ digits: 18/15-digit IDs, bank cards
      | (?P<spaced>\d{{6}}[ -]\d{{8}}[ -]\d{{3}}[\d{_X_CHARS}])   # 310101 19450220 123X
      | (?P<mcc>(?:\+|00)?86[ -]?)?(?P<mobile>1[3-9]\d[ -]?\d{{4}}[ -]?\d{{4}})
      | (?P<landline>\(?0?21\)?[ -]?[2-9]\d{{3}}[ -]?\d{{4}})  # (021) 6432-1234
    )(?!\d)
    """


@cache
def _redact_regex() -> re.Pattern[str]:
    # Compiled on first use, not at import: importing this module stays cheap for callers
    # (the kiosk while it starts up) that may never redact anything.
    return re.compile(_REDACT_PATTERN, re.VERBOSE)


def _redact_match(match: re.Match[str]) -> str:
    if (run := match["run"]) is not None:
        return _mask_keep(run, 4, 4)
    if (spaced := match["spaced"]) is not None:
        return _mask_keep(spaced.replace(" ", "").replace("-", ""), 4, 4)
    if (mobile := match["mobile"]) is not None:
        return (match["mcc"] or "") + _mask_keep(re.sub(r"[ -]", "", mobile), 3, 4)
    return mask_phone(match["landline"])


def redact(text: str) -> str:
    """Mask anything in free text that looks like personal numbers.

    Caught (with the same masks as on screen): every run of 15 or more digits, optionally
    ending in X (18-digit and legacy 15-digit IDs, whether or not the check character is
    right, and bank card numbers), IDs grouped ``6 8 4`` with spaces or hyphens, mainland
    mobiles (also grouped ``3 4 4`` and with ``+86`` / ``0086`` / ``86``), and Shanghai
    landlines written with ``021`` / ``(021)`` / ``21``. Not caught: card numbers
    (``A12345678``) and bare 8-digit landlines, which cannot be told apart from ordinary
    numbers; never log those.
    Idempotent: masked text has no digit runs left to match.
    """
    return _redact_regex().sub(_redact_match, text)


_WITHHELD: Final = "[log message withheld: it could not be redacted]"


class RedactingFilter(logging.Filter):
    """A handler filter that takes personal numbers out of every record it passes.

    Approach: the message is rendered first (``record.getMessage()``, i.e. ``msg % args``),
    redacted, and stored back as ``record.msg`` with ``record.args = None`` so no formatter
    can re-insert the raw arguments. A message whose arguments do not fit its format string
    is kept as redacted text plus the redacted ``repr`` of the arguments, so logging's own
    error report (which prints the raw arguments to stderr) never fires.

    Exceptions: the traceback is formatted here, once, with the standard
    ``logging.Formatter.formatException`` and stored redacted in ``record.exc_text``, which
    ``logging.Formatter.format`` uses instead of formatting ``exc_info`` again. A text already
    cached by an earlier handler is redacted too, as is ``record.stack_info``. Limits: a
    formatter that renders ``exc_info`` itself, or that reads ``extra=`` attributes, bypasses
    this; install the filter on handlers and keep such formatters away from PII.

    The record is edited in place, so every later handler sees the redacted form; running
    the filter again is harmless.
    """

    _exc_formatter: Final = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        # Logging does not guard filters: anything raised here would reach the caller.
        try:
            self._redact_record(record)
        except Exception:
            record.msg, record.args = _WITHHELD, None
            record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True

    def _redact_record(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not leak the raw arguments
            message = f"{record.msg} (unformattable arguments: {record.args!r})"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._exc_formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
