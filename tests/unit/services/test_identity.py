"""services.identity: resident IDs, social-security cards, callback phones, masks, speech.

Every ID here is generated (an independent MOD 11-2 oracle below); none belongs to anyone.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from services.identity import (
    CardNumberReason,
    IdentityError,
    InvalidCardNumber,
    InvalidPhone,
    InvalidResidentId,
    Phone,
    PhoneKind,
    PhoneReason,
    ResidentIdReason,
    Sex,
    SocialSecurityKind,
    check_character,
    mask_card,
    mask_partial_id,
    mask_phone,
    mask_resident_id,
    parse_phone,
    parse_resident_id,
    parse_social_security,
    spell_for_speech,
    spell_masked_for_speech,
    upgrade_legacy_id,
)

TODAY = date(2025, 6, 1)
PROPERTY = settings(deadline=None, max_examples=200)
R = ResidentIdReason

# --------------------------------------------------------------------------- oracle
# Written from the ISO 7064 definition (weights 2^(17-i) mod 11; the whole 18 characters,
# X = 10, must sum to 1 mod 11), not from the module's table, so the two check each other.


def oracle_check(first17: str) -> str:
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def oracle_valid(number: str) -> bool:
    total = sum((10 if c == "X" else int(c)) * pow(2, 17 - i, 11) for i, c in enumerate(number))
    return total % 11 == 1


def oracle_age(birth: date, today: date) -> int:
    """Birthdays reached so far; a 29 February birthday falls on 1 March in common years."""

    def birthday_in(year: int) -> date:
        try:
            return birth.replace(year=year)
        except ValueError:
            return date(year, 3, 1)

    years = today.year - birth.year
    return years if birthday_in(today.year) <= today else years - 1


def ymd(d: date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def make_id(region: str, birth: str, seq: int) -> str:
    first17 = f"{region}{birth}{seq:03d}"
    return first17 + oracle_check(first17)


@dataclass(frozen=True)
class Parts:
    region: str
    birth: date
    seq: int
    today: date

    @property
    def number(self) -> str:
        return make_id(self.region, ymd(self.birth), self.seq)


regions = st.from_regex(r"[1-9][0-9]{5}", fullmatch=True).filter(lambda r: len(set(r)) > 1)


@st.composite
def id_parts(draw: st.DrawFn, *, last_birth_year: int | None = None) -> Parts:
    today = draw(st.dates(date(2000, 1, 1), date(2029, 12, 31)))
    latest = today if last_birth_year is None else min(today, date(last_birth_year, 12, 31))
    birth = draw(st.dates(date(1900, 1, 1), latest))
    return Parts(draw(regions), birth, draw(st.integers(0, 999)), today)


def reason_of(text: str, today: date = TODAY) -> ResidentIdReason:
    with pytest.raises(InvalidResidentId) as caught:
        parse_resident_id(text, today=today)
    return caught.value.reason


# --------------------------------------------------------------------------- properties


@PROPERTY
@given(id_parts())
def test_any_generated_id_parses_and_derives_its_fields(parts: Parts) -> None:
    rid = parse_resident_id(parts.number, today=parts.today)

    assert oracle_valid(rid.number)
    assert rid.number == parts.number
    assert rid.birth_date == parts.birth
    assert rid.age == oracle_age(parts.birth, parts.today)
    assert rid.sex is (Sex.MALE if parts.seq % 2 else Sex.FEMALE)
    assert rid.region_code == parts.region


def expected_reason_after_edit(number: str, today: date) -> ResidentIdReason:
    """The rule order documented in services.identity, applied to an edited number."""
    region = number[:6]
    if region[0] == "0" or len(set(region)) == 1:
        return R.BAD_REGION
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return R.IMPOSSIBLE_BIRTH_DATE
    if birth > today:
        return R.FUTURE_BIRTH_DATE
    if birth.year < 1880 or oracle_age(birth, today) > 130:
        return R.TOO_OLD
    return R.BAD_CHECK_DIGIT


@PROPERTY
@given(id_parts(), st.integers(0, 17), st.data())
def test_changing_any_single_character_is_rejected(
    parts: Parts, index: int, data: st.DataObject
) -> None:
    number = parts.number
    alphabet = "0123456789X" if index == 17 else "0123456789"
    new = data.draw(st.sampled_from([c for c in alphabet if c != number[index]]))
    edited = number[:index] + new + number[index + 1 :]

    assert not oracle_valid(edited)  # MOD 11-2 catches every single substitution
    reason = reason_of(edited, parts.today)
    assert reason is expected_reason_after_edit(edited, parts.today)
    if index >= 14:  # sequence or check character: nothing else can be wrong
        assert reason is R.BAD_CHECK_DIGIT


@PROPERTY
@given(id_parts(), st.integers(0, 16))
def test_swapping_two_neighbouring_characters_is_rejected(parts: Parts, index: int) -> None:
    number = parts.number
    assume(number[index] != number[index + 1])
    swapped = number[:index] + number[index + 1] + number[index] + number[index + 2 :]

    with pytest.raises(InvalidResidentId):
        parse_resident_id(swapped, today=parts.today)


@PROPERTY
@given(id_parts(last_birth_year=1999))
def test_legacy_15_digit_ids_upgrade_and_round_trip(parts: Parts) -> None:
    legacy = f"{parts.region}{ymd(parts.birth)[2:]}{parts.seq:03d}"

    upgraded = upgrade_legacy_id(legacy)

    assert upgraded == parts.number
    assert upgraded[:6] + upgraded[8:17] == legacy  # and back again
    rid = parse_resident_id(legacy, today=parts.today)
    assert rid.number == upgraded
    assert rid.birth_date == parts.birth


@PROPERTY
@given(st.text(alphabet="0123456789X", min_size=18, max_size=18))
def test_mask_keeps_exactly_the_first_four_and_last_four(number: str) -> None:
    masked = mask_resident_id(number)

    assert len(masked) == 18
    assert masked[:4] == number[:4]
    assert masked[-4:] == number[-4:]
    assert masked[4:14] == "*" * 10  # no other original position survives


@PROPERTY
@given(id_parts(), st.integers(0, 18))
def test_partial_mask_while_typing(parts: Parts, typed: int) -> None:
    so_far = parts.number[:typed]

    shown = mask_partial_id(so_far)

    assert len(shown) == typed
    assert shown[:4] == so_far[:4]
    if typed < 18:
        assert set(shown[4:]) <= {"*"}
    else:
        assert shown == mask_resident_id(parts.number)


EN_DIGITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}


@PROPERTY
@given(id_parts())
def test_masked_speech_speaks_only_the_visible_characters(parts: Parts) -> None:
    masked = mask_resident_id(parts.number)
    visible = parts.number[:4] + parts.number[-4:]

    spoken = spell_masked_for_speech(masked, "en").replace(",", "").split()

    spoken_chars = [w for w in spoken if w in EN_DIGITS or w == "X"]
    assert spoken_chars == spell_for_speech(visible, "en").split()
    assert "ten hidden digits" in " ".join(spoken)


# --------------------------------------------------------------------------- resident ID examples

# Generated with the oracle above; the birth dates and sequences are made up.
KNOWN = [
    # number, birth date, sex, age on TODAY
    ("310101194502201236", date(1945, 2, 20), Sex.MALE, 80),
    ("31010119450220105X", date(1945, 2, 20), Sex.MALE, 80),
    ("310115195202290022", date(1952, 2, 29), Sex.FEMALE, 73),
    ("310104200002290030", date(2000, 2, 29), Sex.MALE, 25),
    ("31010619800101001X", date(1980, 1, 1), Sex.MALE, 45),
]


@pytest.mark.parametrize(("number", "birth", "sex", "age"), KNOWN)
def test_known_ids(number: str, birth: date, sex: Sex, age: int) -> None:
    assert oracle_valid(number)
    rid = parse_resident_id(number, today=TODAY)
    assert (rid.number, rid.birth_date, rid.sex, rid.age) == (number, birth, sex, age)
    assert rid.region_code == number[:6]
    assert check_character(number[:17]) == number[17]


def test_check_character_matches_the_oracle_on_the_standard_weights() -> None:
    # Each position alone set to 1 exposes its weight: check = (12 - w) % 11.
    for position, weight in enumerate((7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)):
        first17 = "0" * position + "1" + "0" * (16 - position)
        assert check_character(first17) == oracle_check(first17) == "10X98765432"[weight % 11]


@pytest.mark.parametrize(
    "typed",
    [
        "３１０１０１１９４５０２２０１０５Ｘ",  # full-width digits and X
        "３１０１０１１９４５０２２０１０５ｘ",  # full-width lower-case x
        "31010119450220105x",  # lower-case x
        "310101 19450220 105X",  # grouped as printed on the card
        "310101-19450220-105X",
        "\u3000310101194502 20105X\n",  # ideographic space; card reader's Enter
    ],
)
def test_input_is_normalised(typed: str) -> None:
    assert parse_resident_id(typed, today=TODAY).number == "31010119450220105X"


def test_age_and_sex_are_derived() -> None:
    rid = parse_resident_id("310115195202290022", today=date(2024, 2, 28))
    assert rid.age == 71
    assert rid.sex is Sex.FEMALE


@pytest.mark.parametrize(
    ("today", "age"),
    [
        (date(2024, 2, 28), 71),
        (date(2024, 2, 29), 72),  # leap year: the birthday itself
        (date(2025, 2, 28), 72),  # common year: not yet
        (date(2025, 3, 1), 73),  # common year: counted from 1 March
    ],
)
def test_age_of_someone_born_on_29_february(today: date, age: int) -> None:
    assert parse_resident_id("310115195202290022", today=today).age == age


@pytest.mark.parametrize(
    ("birth", "reason"),
    [
        ("19520229", None),  # leap year
        ("20000229", None),  # divisible by 400: leap
        ("19000229", R.IMPOSSIBLE_BIRTH_DATE),  # divisible by 100 only: not leap
        ("19490229", R.IMPOSSIBLE_BIRTH_DATE),
        ("19450230", R.IMPOSSIBLE_BIRTH_DATE),
        ("19450431", R.IMPOSSIBLE_BIRTH_DATE),
        ("19451301", R.IMPOSSIBLE_BIRTH_DATE),
        ("19450001", R.IMPOSSIBLE_BIRTH_DATE),
        ("19450100", R.IMPOSSIBLE_BIRTH_DATE),
        ("00000101", R.IMPOSSIBLE_BIRTH_DATE),
        ("20250602", R.FUTURE_BIRTH_DATE),  # tomorrow
        ("20991231", R.FUTURE_BIRTH_DATE),
        ("20250601", None),  # born today: age 0
        ("18791231", R.TOO_OLD),
        ("18940601", R.TOO_OLD),  # 131 today
        ("18940602", None),  # 130 today
        ("10000101", R.TOO_OLD),
    ],
)
def test_birth_dates(birth: str, reason: ResidentIdReason | None) -> None:
    number = make_id("310101", birth, 123)  # correct check character: the date is the issue
    if reason is None:
        assert parse_resident_id(number, today=TODAY).birth_date == date(
            int(birth[:4]), int(birth[4:6]), int(birth[6:])
        )
    else:
        assert reason_of(number) is reason


def test_born_before_1880_is_too_old_even_when_today_is_long_ago() -> None:
    assert reason_of(make_id("310101", "18790101", 1), today=date(1990, 1, 1)) is R.TOO_OLD


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", R.WRONG_LENGTH),
        ("   ", R.WRONG_LENGTH),
        ("3101011945022012", R.WRONG_LENGTH),  # 16
        ("31010119450220123", R.WRONG_LENGTH),  # 17
        ("3101011945022012361", R.WRONG_LENGTH),  # 19
        ("Dear sir, my number is on the card!!!!!", R.WRONG_LENGTH),  # 40-character paste
        ("310101194502201236" * 3, R.WRONG_LENGTH),
        ("310101194502201236" * 10_000, R.WRONG_LENGTH),
        ("3101011945O2201236", R.NOT_DIGITS),  # letter O in the middle
        ("31010119450X201236", R.NOT_DIGITS),  # X only allowed last
        ("31010119450220123Y", R.NOT_DIGITS),
        ("31010119450220123*", R.NOT_DIGITS),
        ("31010145022012X", R.NOT_DIGITS),  # legacy IDs have no check character
        ("٣١٠١٠١١٩٤٥٠٢٢٠١٢٣٦", R.NOT_DIGITS),  # Arabic-Indic digits: str.isdigit() is True
        ("310101194502201237", R.BAD_CHECK_DIGIT),
        ("310101194502201230", R.BAD_CHECK_DIGIT),
        ("31010119450220123X", R.BAD_CHECK_DIGIT),
        ("31010119450220105 0", R.BAD_CHECK_DIGIT),
    ],
)
def test_rejections(typed: str, reason: ResidentIdReason) -> None:
    assert reason_of(typed) is reason


@pytest.mark.parametrize(
    ("region", "ok"),
    [
        ("310101", True),
        ("110105", True),
        ("810000", True),  # Hong Kong residence permit
        ("931000", True),  # 2023 foreigner's permanent residence ID
        ("000000", False),
        ("012345", False),
        ("111111", False),
        ("999999", False),
    ],
)
def test_region_rule_is_light(region: str, ok: bool) -> None:
    number = make_id(region, "19450220", 123)
    if ok:
        assert parse_resident_id(number, today=TODAY).region_code == region
    else:
        assert reason_of(number) is R.BAD_REGION


def test_every_reason_is_distinct() -> None:
    assert len({r.value for r in ResidentIdReason}) == len(ResidentIdReason) == 7


def test_errors_never_carry_the_number_or_the_expected_check_character() -> None:
    with pytest.raises(InvalidResidentId) as caught:
        parse_resident_id("310101194502201237", today=TODAY)
    error = caught.value
    assert isinstance(error, IdentityError)
    assert isinstance(error, ValueError)
    assert not any(c.isdigit() for c in str(error) + repr(error))
    assert error.reason is R.BAD_CHECK_DIGIT


def test_errors_survive_pickling() -> None:
    error = pickle.loads(pickle.dumps(InvalidResidentId(R.TOO_OLD)))
    assert isinstance(error, InvalidResidentId)
    assert error.reason is R.TOO_OLD


def test_repr_shows_only_the_masked_number() -> None:
    rid = parse_resident_id("310101194502201236", today=TODAY)
    assert "310101194502201236" not in repr(rid)
    assert "3101**********1236" in repr(rid)
    assert rid.masked == "3101**********1236"


def test_resident_id_is_frozen() -> None:
    rid = parse_resident_id("310101194502201236", today=TODAY)
    with pytest.raises(AttributeError):
        rid.age = 1  # type: ignore[misc]


# --------------------------------------------------------------------------- legacy IDs


def test_legacy_id_is_upgraded() -> None:
    assert upgrade_legacy_id("310101450220123") == "310101194502201236"
    assert upgrade_legacy_id("３１０１０１ ４５０２２０ １２３") == "310101194502201236"
    rid = parse_resident_id("310101450220123", today=TODAY)
    assert rid.number == "310101194502201236"
    assert rid.birth_date == date(1945, 2, 20)
    assert rid.sex is Sex.MALE


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31010145022012", R.WRONG_LENGTH),
        ("310101194502201236", R.WRONG_LENGTH),
        ("3101014502201A3", R.NOT_DIGITS),
    ],
)
def test_upgrade_rejects_non_legacy_input(typed: str, reason: ResidentIdReason) -> None:
    with pytest.raises(InvalidResidentId) as caught:
        upgrade_legacy_id(typed)
    assert caught.value.reason is reason


def test_legacy_ids_are_checked_like_new_ones() -> None:
    assert reason_of("310101450230123") is R.IMPOSSIBLE_BIRTH_DATE  # 30 Feb 1945
    assert reason_of("000000450220123") is R.BAD_REGION


@pytest.mark.parametrize(
    ("typed", "reason"), [("1234", R.WRONG_LENGTH), ("1" * 16 + "X", R.NOT_DIGITS)]
)
def test_check_character_input(typed: str, reason: ResidentIdReason) -> None:
    with pytest.raises(InvalidResidentId) as caught:
        check_character(typed)
    assert caught.value.reason is reason


# --------------------------------------------------------------------------- social security


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("A12345678", "A12345678"),
        ("a12345678", "A12345678"),
        ("Ａ１２３４５６７８", "A12345678"),
        (" A1234 5678 ", "A12345678"),
        ("AB1234567", "AB1234567"),
        ("123456789", "123456789"),
    ],
)
def test_card_numbers(typed: str, number: str) -> None:
    card = parse_social_security(typed, today=TODAY)
    assert card.number == number
    assert card.kind is SocialSecurityKind.CARD_NUMBER
    assert card.kind.value == "card_number"
    assert card.resident_id is None
    assert number not in repr(card)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", CardNumberReason.WRONG_LENGTH),
        ("A1234567", CardNumberReason.WRONG_LENGTH),
        ("A123456789", CardNumberReason.WRONG_LENGTH),
        ("A1234567!", CardNumberReason.NOT_ALPHANUMERIC),
        ("A1234567é", CardNumberReason.NOT_ALPHANUMERIC),
        ("ABCDEFGHI", CardNumberReason.NO_DIGIT),
    ],
)
def test_card_number_rejections(typed: str, reason: CardNumberReason) -> None:
    with pytest.raises(InvalidCardNumber) as caught:
        parse_social_security(typed, today=TODAY)
    assert caught.value.reason is reason


@PROPERTY
@given(st.from_regex(r"[A-Z0-9]{9}", fullmatch=True).filter(lambda s: any(c.isdigit() for c in s)))
def test_any_nine_alphanumerics_with_a_digit_is_a_card_number(number: str) -> None:
    assert parse_social_security(number.lower(), today=TODAY).number == number


def test_social_security_number_is_the_resident_id() -> None:
    ss = parse_social_security("31010119450220105x", today=TODAY)
    assert ss.kind is SocialSecurityKind.RESIDENT_ID
    assert ss.kind.value == "resident_id"
    assert ss.number == "31010119450220105X"
    assert ss.resident_id is not None
    assert ss.resident_id.age == 80
    assert ss.masked == "3101**********105X"

    legacy = parse_social_security("310101450220123", today=TODAY)
    assert legacy.number == "310101194502201236"


def test_social_security_reports_the_exact_id_problem() -> None:
    with pytest.raises(InvalidResidentId) as caught:
        parse_social_security("310101194502201237", today=TODAY)
    assert caught.value.reason is R.BAD_CHECK_DIGIT


# --------------------------------------------------------------------------- phone


@pytest.mark.parametrize(
    ("typed", "number", "kind"),
    [
        ("13812345678", "13812345678", PhoneKind.MOBILE),
        ("199 1234 5678", "19912345678", PhoneKind.MOBILE),
        ("138-1234-5678", "13812345678", PhoneKind.MOBILE),
        ("+86 138 1234 5678", "13812345678", PhoneKind.MOBILE),
        ("+8613812345678", "13812345678", PhoneKind.MOBILE),
        ("0086 13812345678", "13812345678", PhoneKind.MOBILE),
        ("86 13812345678", "13812345678", PhoneKind.MOBILE),
        ("１３８１２３４５６７８", "13812345678", PhoneKind.MOBILE),
        ("021-64321234", "02164321234", PhoneKind.LANDLINE),
        ("021 6432 1234", "02164321234", PhoneKind.LANDLINE),
        ("(021) 6432-1234", "02164321234", PhoneKind.LANDLINE),
        ("（０２１）６４３２１２３４", "02164321234", PhoneKind.LANDLINE),
        ("64321234", "02164321234", PhoneKind.LANDLINE),
        ("98765432", "02198765432", PhoneKind.LANDLINE),
        ("86123456", "02186123456", PhoneKind.LANDLINE),  # 8 digits starting 86: not a prefix
        ("+86 21 6432 1234", "02164321234", PhoneKind.LANDLINE),
        ("+86 (0)21 6432 1234", "02164321234", PhoneKind.LANDLINE),
        ("0086 21 64321234", "02164321234", PhoneKind.LANDLINE),
        ("862164321234", "02164321234", PhoneKind.LANDLINE),
    ],
)
def test_callback_numbers(typed: str, number: str, kind: PhoneKind) -> None:
    phone = parse_phone(typed)
    assert phone == Phone(number, kind)
    assert phone.kind == kind.value


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", PhoneReason.WRONG_LENGTH),
        (" - ", PhoneReason.WRONG_LENGTH),
        ("12", PhoneReason.WRONG_LENGTH),
        ("6432123", PhoneReason.WRONG_LENGTH),  # old 7-digit number
        ("1381234567", PhoneReason.WRONG_LENGTH),  # one digit short
        ("138123456789", PhoneReason.WRONG_LENGTH),  # one too many
        ("021-6432123", PhoneReason.WRONG_LENGTH),
        ("+86", PhoneReason.WRONG_LENGTH),
        ("138abcd5678", PhoneReason.NOT_DIGITS),
        ("+", PhoneReason.NOT_DIGITS),
        ("138 1234 5678 ext 2", PhoneReason.NOT_DIGITS),
        ("110", PhoneReason.SHORT_NUMBER),
        ("119", PhoneReason.SHORT_NUMBER),
        ("120", PhoneReason.SHORT_NUMBER),
        ("122", PhoneReason.SHORT_NUMBER),
        ("12345", PhoneReason.SHORT_NUMBER),
        ("95588", PhoneReason.SHORT_NUMBER),
        ("962222", PhoneReason.SHORT_NUMBER),
        ("021-120", PhoneReason.SHORT_NUMBER),
        ("+86 120", PhoneReason.SHORT_NUMBER),
        ("+86 10086", PhoneReason.SHORT_NUMBER),
        ("+86 138 1234 567", PhoneReason.WRONG_LENGTH),
        ("010-12345678", PhoneReason.NOT_SHANGHAI),
        ("0571-87654321", PhoneReason.NOT_SHANGHAI),
        ("+86 10 1234 5678", PhoneReason.NOT_SHANGHAI),
        ("+1 415 555 1234", PhoneReason.NOT_SHANGHAI),
        ("+852 2123 4567", PhoneReason.NOT_SHANGHAI),
        ("12345678901", PhoneReason.UNRECOGNISED),  # 12x is not a mobile prefix
        ("10012345678", PhoneReason.UNRECOGNISED),
        ("12345678", PhoneReason.UNRECOGNISED),  # landlines start 2-9
        ("021-12345678", PhoneReason.UNRECOGNISED),
    ],
)
def test_phone_rejections(typed: str, reason: PhoneReason) -> None:
    with pytest.raises(InvalidPhone) as caught:
        parse_phone(typed)
    assert caught.value.reason is reason
    assert not any(c.isdigit() for c in str(caught.value))


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
landlines = st.from_regex(r"[2-9][0-9]{7}", fullmatch=True)


@PROPERTY
@given(mobiles, st.sampled_from(["{}", "+86{}", "+86 {}", "0086{}", "86{}"]))
def test_any_mobile_in_any_accepted_form(mobile: str, form: str) -> None:
    grouped = f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    for shape in (mobile, grouped, grouped.replace(" ", "-")):
        assert parse_phone(form.format(shape)) == Phone(mobile, PhoneKind.MOBILE)


@PROPERTY
@given(landlines, st.sampled_from(["{}", "021{}", "021-{}", "(021) {}", "+86 21 {}", "0086 21{}"]))
def test_any_shanghai_landline_in_any_accepted_form(local: str, form: str) -> None:
    phone = parse_phone(form.format(local))
    assert phone == Phone("021" + local, PhoneKind.LANDLINE)
    assert phone.e164 == "+8621" + local


def test_phone_repr_and_e164() -> None:
    phone = parse_phone("13812345678")
    assert phone.e164 == "+8613812345678"
    assert phone.masked == "138****5678"
    assert "13812345678" not in repr(phone)


# --------------------------------------------------------------------------- masking


def test_mask_examples() -> None:
    assert mask_resident_id("31010119450220123X") == "3101**********123X"
    assert mask_resident_id("31010119450220123x") == "3101**********123X"
    assert mask_resident_id("310101450220123") == "3101**********1236"  # legacy upgraded
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("02164321234") == "021****1234"
    assert mask_phone("021-6432-1234") == "021****1234"
    assert mask_phone("64321234") == "****1234"
    assert mask_phone("120") == "***"
    assert mask_card("A12345678") == "A1*****78"
    assert mask_card("a1234 5678") == "A1*****78"


@pytest.mark.parametrize("typed", ["", "3101", "31010119450220123", "3101011945022012345"])
def test_mask_resident_id_needs_a_whole_number(typed: str) -> None:
    with pytest.raises(InvalidResidentId):
        mask_resident_id(typed)


def test_mask_card_needs_nine_characters() -> None:
    with pytest.raises(InvalidCardNumber):
        mask_card("A1234567")


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("", ""),
        ("3", "3"),
        ("3101", "3101"),
        ("31010", "3101*"),
        ("31010119450220123", "3101*************"),
        ("31010119450220123x", "3101**********123X"),
        ("３１０１０１", "3101**"),
    ],
)
def test_partial_mask(typed: str, shown: str) -> None:
    assert mask_partial_id(typed) == shown


# --------------------------------------------------------------------------- speech


@pytest.mark.parametrize(
    ("locale", "spoken"),
    [
        ("zh_CN", "三 一 零 一 叉"),
        ("zh_HK", "三 一 零 一 叉"),
        ("en", "three one zero one X"),
        ("zh-CN", "三 一 零 一 叉"),
        ("en_GB", "three one zero one X"),
    ],
)
def test_spell_for_speech(locale: str, spoken: str) -> None:
    assert spell_for_speech("3101X", locale) == spoken
    assert spell_for_speech("３１０１ｘ", locale) == spoken
    assert spell_for_speech("31-01 x", locale) == spoken


def test_spell_for_speech_reads_every_digit_and_card_letters() -> None:
    assert spell_for_speech("0123456789", "zh_CN") == "零 一 二 三 四 五 六 七 八 九"
    assert spell_for_speech("a12", "en") == "A one two"
    assert spell_for_speech("1*2", "en") == "one star two"
    assert spell_for_speech("1*2", "zh_HK") == "一 星號 二"


def test_unknown_speech_locale_is_an_error() -> None:
    with pytest.raises(ValueError, match="fr"):
        spell_for_speech("1", "fr")


@pytest.mark.parametrize(
    ("locale", "spoken"),
    [
        ("en", "three one zero one, then ten hidden digits, then one two three X"),
        ("zh_CN", "三 一 零 一，然后是十位隐藏数字，然后是一 二 三 叉"),
        ("zh_HK", "三 一 零 一，跟住係十位隱藏數字，跟住係一 二 三 叉"),
    ],
)
def test_spell_masked_id(locale: str, spoken: str) -> None:
    assert spell_masked_for_speech("3101**********123X", locale) == spoken


@pytest.mark.parametrize(
    ("masked", "locale", "spoken"),
    [
        (
            "138****5678",
            "en",
            "one three eight, then four hidden digits, then five six seven eight",
        ),
        ("138****5678", "zh_CN", "一 三 八，然后是四位隐藏数字，然后是五 六 七 八"),
        ("****1234", "en", "four hidden digits, then one two three four"),
        ("A1*****78", "en", "A one, then five hidden digits, then seven eight"),
        ("3101*", "en", "three one zero one, then one hidden digit"),
        ("12**", "zh_CN", "一 二，然后是两位隐藏数字"),
        ("12**", "zh_HK", "一 二，跟住係兩位隱藏數字"),
        ("*" * 21, "en", "twenty-one hidden digits"),
        ("*" * 21, "zh_CN", "二十一位隐藏数字"),
        ("*" * 13, "zh_CN", "十三位隐藏数字"),
        ("", "en", ""),
    ],
)
def test_spell_masked_other_shapes(masked: str, locale: str, spoken: str) -> None:
    assert spell_masked_for_speech(masked, locale) == spoken


def test_dates_cover_today_boundaries() -> None:
    born_today = make_id("310101", ymd(TODAY), 2)
    assert parse_resident_id(born_today, today=TODAY).age == 0
    tomorrow = make_id("310101", ymd(TODAY + timedelta(days=1)), 2)
    assert reason_of(tomorrow) is R.FUTURE_BIRTH_DATE
