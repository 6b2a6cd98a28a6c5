"""services.identity.redact and RedactingFilter: personal numbers never reach a log line."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.identity import RedactingFilter, redact

PROPERTY = settings(deadline=None, max_examples=300)

# Generated: the check characters are right, the people do not exist.
ID = "310101194502201236"
ID_X = "31010119450220105X"
LEGACY = "310101450220123"
MOBILE = "13812345678"


def oracle_check(first17: str) -> str:
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    region = draw(st.from_regex(r"[1-9][0-9]{5}", fullmatch=True))
    birth = draw(st.dates(date(1900, 1, 1), date(2025, 6, 1)))
    first17 = (
        f"{region}{birth.year:04d}{birth.month:02d}{birth.day:02d}{draw(st.integers(0, 999)):03d}"
    )
    number = first17 + oracle_check(first17)
    return number.lower() if draw(st.booleans()) else number


# --------------------------------------------------------------------------- redact


@PROPERTY
@given(st.text(), resident_ids(), st.text())
def test_no_generated_id_survives_in_any_text(before: str, number: str, after: str) -> None:
    redacted = redact(before + number + after)

    assert number not in redacted
    assert number.upper() not in redacted.upper()


@PROPERTY
@given(st.lists(st.one_of(st.text(max_size=8), resident_ids()), max_size=6))
def test_several_ids_in_one_line(pieces: list[str]) -> None:
    redacted = redact(" ".join(pieces))
    for piece in pieces:
        if len(piece) == 18 and piece[:17].isascii() and piece[:17].isdigit():
            assert piece not in redacted


@PROPERTY
@given(st.text(), st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), st.text())
def test_no_mobile_survives_between_non_digits(before: str, mobile: str, after: str) -> None:
    text = f"{before} {mobile} {after}"

    assert mobile not in redact(text)


@PROPERTY
@given(st.one_of(st.text(), st.text(alphabet="0123456789 -+()Xx*", max_size=60)))
def test_redact_is_idempotent(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


@PROPERTY
@given(st.text(alphabet=st.characters(exclude_categories=["Nd"])))
def test_text_without_digits_is_untouched(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"booking for {ID}", "booking for 3101**********1236"),
        (f"id={ID_X},", "id=3101**********105X,"),
        (f"ID{ID_X.lower()}ok", "ID3101**********105xok"),
        ("身份证３１０１０１１９４５０２２０１２３６号", "身份证３１０１**********１２３６号"),
        (f"legacy {LEGACY}", "legacy 3101*******0123"),
        ("310101194502201237 (wrong check char)", "3101**********1237 (wrong check char)"),
        ("310101 19450220 105X", "3101**********105X"),
        ("310101-19450220-1236", "3101**********1236"),
        (f"{ID}{ID}", "3101****************************1236"),  # one 36-digit run
        ("card 6222021234567890123", "card 6222***********0123"),  # bank card
        (f"call {MOBILE} now", "call 138****5678 now"),
        (f"tel:{MOBILE}", "tel:138****5678"),
        ("138 1234 5678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("+8613812345678", "+86138****5678"),
        ("+86 138 1234 5678", "+86 138****5678"),
        ("008613812345678", "0086*******5678"),
        ("021-6432 1234", "021****1234"),
        ("(021)64321234", "021****1234"),
        ("(021) 6432-1234", "021****1234"),
        ("02164321234", "021****1234"),
    ],
)
def test_redact_examples(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2025-06-01 12:00:00,123",
        "20250601",
        "epoch 1748736000",
        "took 12345678 µs",
        "queue depth 120, retry in 110 s",
        "uuid 0b6f3c2e-9d1a-4e7b-8c55-123456789012",
        "12345678901234",  # 14 digits: not an ID
        "12812345678",  # 12x is not a mobile
        "A12345678",  # card numbers cannot be told from other codes
    ],
)
def test_ordinary_numbers_are_left_alone(text: str) -> None:
    assert redact(text) == text


# --------------------------------------------------------------------------- RedactingFilter


@pytest.fixture
def logged() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(RedactingFilter())
    log = logging.getLogger(f"test.redaction.{id(stream)}")
    log.setLevel(logging.DEBUG)
    log.propagate = False
    log.addHandler(handler)
    yield log, stream
    log.removeHandler(handler)
    handler.close()


def test_arguments_are_rendered_then_redacted(logged: tuple[logging.Logger, io.StringIO]) -> None:
    log, stream = logged

    log.info("booking for %s, callback %s", ID, MOBILE)

    assert stream.getvalue() == "INFO booking for 3101**********1236, callback 138****5678\n"


def test_personal_numbers_in_the_format_string_itself(
    logged: tuple[logging.Logger, io.StringIO],
) -> None:
    log, stream = logged

    log.warning(f"rejected {ID_X}")  # already formatted: the filter must still catch it
    log.info({"id": ID, "phone": MOBILE})  # a non-string message

    out = stream.getvalue()
    assert ID_X not in out
    assert ID not in out
    assert MOBILE not in out
    assert "3101**********105X" in out


def test_exception_text_is_redacted(logged: tuple[logging.Logger, io.StringIO]) -> None:
    log, stream = logged

    def lookup() -> None:
        try:
            raise KeyError(MOBILE)
        except KeyError as missing:
            raise ValueError(f"no booking for {ID}") from missing

    try:
        lookup()
    except ValueError:
        log.exception("lookup failed for %s", ID)

    out = stream.getvalue()
    assert ID not in out
    assert MOBILE not in out
    assert "Traceback (most recent call last)" in out
    assert "ValueError: no booking for 3101**********1236" in out
    assert "KeyError: '138****5678'" in out


def test_a_cached_exception_text_is_redacted_too(
    logged: tuple[logging.Logger, io.StringIO],
) -> None:
    log, stream = logged
    unfiltered = logging.StreamHandler(io.StringIO())  # formats first, caching exc_text
    log.handlers.insert(0, unfiltered)
    try:
        try:
            raise ValueError(ID)
        except ValueError:
            log.exception("failed")
    finally:
        log.removeHandler(unfiltered)

    out = stream.getvalue()
    assert ID not in out
    assert "ValueError: 3101**********1236" in out


def test_arguments_that_do_not_fit_the_format_leak_nothing(
    logged: tuple[logging.Logger, io.StringIO], capsys: pytest.CaptureFixture[str]
) -> None:
    log, stream = logged

    log.info("age %d", ID_X)  # TypeError inside logging: would print the raw args to stderr

    out = stream.getvalue()
    assert ID_X not in out
    assert "3101**********105X" in out
    assert ID_X not in capsys.readouterr().err


def test_a_message_that_cannot_even_be_printed_is_withheld(
    logged: tuple[logging.Logger, io.StringIO],
) -> None:
    log, stream = logged

    class Unprintable:
        def __str__(self) -> str:
            raise RuntimeError(ID)

        __repr__ = __str__

    log.error(Unprintable())  # must neither raise into the caller nor leak

    assert stream.getvalue() == "ERROR [log message withheld: it could not be redacted]\n"


def test_every_handler_sees_the_redacted_record_and_refiltering_is_harmless() -> None:
    streams = [io.StringIO(), io.StringIO()]
    log = logging.getLogger("test.redaction.two_handlers")
    log.propagate = False
    handlers = [logging.StreamHandler(s) for s in streams]
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        log.addHandler(handler)
    try:
        log.warning("id %s", ID)
    finally:
        for handler in handlers:
            log.removeHandler(handler)

    assert [s.getvalue() for s in streams] == ["id 3101**********1236\n"] * 2


def test_stack_info_is_redacted() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "msg", None, None)
    record.stack_info = f'Stack (most recent call last):\n  lookup("{ID}")'

    assert RedactingFilter().filter(record) is True

    assert record.stack_info is not None
    assert ID not in record.stack_info


def test_filter_passes_every_record() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "plain %s", ("text",), None)

    assert RedactingFilter().filter(record) is True
    assert record.getMessage() == "plain text"


def test_exc_info_formatting_matches_the_standard_formatter() -> None:
    try:
        raise RuntimeError("no personal data here")
    except RuntimeError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", None, exc_info)
    expected = logging.Formatter().formatException(exc_info)

    RedactingFilter().filter(record)

    assert record.exc_text == expected
