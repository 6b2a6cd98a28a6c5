"""kiosk.logs: the redacting filter is loaded lazily but masks exactly what it always did."""

from __future__ import annotations

import io
import logging
import re
import sys
from pathlib import Path
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.logs import (
    MIN_REDACTED_DIGITS,
    NUMBER_PUNCTUATION,
    CrashCapture,
    LazyRedactingFilter,
    may_hold_personal_number,
    setup_logging,
)
from services import identity
from services.identity import RedactingFilter, redact

ID = "310101194502201236"
MOBILE = "13812345678"

# --------------------------------------------------------------------------- the pre-check

# What the pre-check relies on, read off services.identity's pattern itself: every match
# holds at least MIN_REDACTED_DIGITS digits and nothing but digits and NUMBER_PUNCTUATION.


def _is_digit_item(op: Any, av: Any) -> bool:
    if op is sre.LITERAL:
        return chr(av).isdecimal()
    if op is sre.RANGE:
        return all(chr(c).isdecimal() for c in range(av[0], av[1] + 1))
    return op is sre.CATEGORY and av is sre.CATEGORY_DIGIT


def _allowed_item(op: Any, av: Any) -> bool:
    if op is sre.LITERAL:
        return chr(av) in NUMBER_PUNCTUATION or chr(av).isdecimal()
    if op is sre.RANGE:
        return all(_allowed_item(sre.LITERAL, c) for c in range(av[0], av[1] + 1))
    return op is sre.CATEGORY and av is sre.CATEGORY_DIGIT


def _walk(pattern: Any) -> tuple[int, bool]:
    """(fewest digits any match holds, whether every character it can hold is allowed)."""
    digits, allowed = 0, True
    for op, av in pattern:
        if op is sre.LITERAL:
            digits += _is_digit_item(op, av)
            allowed &= _allowed_item(op, av)
        elif op is sre.IN:
            digits += all(_is_digit_item(o, a) for o, a in av)
            allowed &= all(_allowed_item(o, a) for o, a in av)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _high, sub = av
            sub_digits, sub_allowed = _walk(sub)
            digits += low * sub_digits
            allowed &= sub_allowed
        elif op is sre.SUBPATTERN:
            sub_digits, sub_allowed = _walk(av[-1])
            digits += sub_digits
            allowed &= sub_allowed
        elif op is sre.BRANCH:
            branches = [_walk(branch) for branch in av[1]]
            digits += min(d for d, _ in branches)
            allowed &= all(a for _, a in branches)
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # look-arounds and anchors consume nothing
        else:
            allowed = False  # anything else (., [^...]) could consume any character
    return digits, allowed


def test_every_redacted_number_has_enough_digits_and_only_number_characters() -> None:
    regex = identity._redact_regex()
    digits, allowed = _walk(sre_parse.parse(regex.pattern, regex.flags))

    assert digits >= MIN_REDACTED_DIGITS
    assert allowed


@pytest.mark.parametrize(
    "text",
    [
        f"id {ID}",
        f"callback {MOBILE}",
        "+86 138 1234 5678",
        "(021) 6432-1234",
        "21 6432 1234",
        "３１０１０１１９４５０２２０１２３６",  # full-width digits
        "31010119450220105ｘ",
    ],
)
def test_texts_with_personal_numbers_are_flagged(text: str) -> None:
    assert redact(text) != text
    assert may_hold_personal_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Yijiantong 0.1.0 starting; data dir /tmp/tmpa1b2c3d4e5; log /tmp/tmpa1b2c3d4e5/x.log",
        "start-up: main window (19 ms)",
        "123456789 is nine digits",
    ],
)
def test_texts_without_them_are_not(text: str) -> None:
    assert not may_hold_personal_number(text)


_NUMBERISH = st.text(alphabet=st.sampled_from("0123456789８ -()+Xxｘ/a:.٣"), max_size=40)


@settings(deadline=None, max_examples=500)
@given(st.one_of(st.text(), _NUMBERISH))
def test_unflagged_text_is_never_changed_by_redact(text: str) -> None:
    if not may_hold_personal_number(text):
        assert redact(text) == text


# --------------------------------------------------------------------------- the filter


def _record(msg: object, args: Any = None, exc_info: Any = None) -> logging.LogRecord:
    return logging.LogRecord("yijiantong.test", logging.INFO, __file__, 1, msg, args, exc_info)


def _same_as_real_filter(make: Any) -> logging.LogRecord:
    lazy, real = make(), make()
    assert LazyRedactingFilter().filter(lazy) is True
    assert RedactingFilter().filter(real) is True
    for attribute in ("msg", "args", "exc_info", "exc_text", "stack_info"):
        assert getattr(lazy, attribute) == getattr(real, attribute), attribute
    return lazy


@pytest.mark.parametrize(
    "make",
    [
        lambda: _record("plain %s", ("text",)),
        lambda: _record("nothing to format"),
        lambda: _record({"key": "value"}),
        lambda: _record("booking for %s, callback %s", (ID, MOBILE)),
        lambda: _record(f"rejected {ID}"),
        lambda: _record("age %d", (ID,)),  # arguments that do not fit the format
    ],
)
def test_records_come_out_as_the_real_filter_leaves_them(make: Any) -> None:
    record = _same_as_real_filter(make)
    assert ID not in str(record.msg)
    assert MOBILE not in str(record.msg)


def test_exceptions_and_stacks_go_through_the_real_filter() -> None:
    try:
        raise ValueError(f"no booking for {ID}")
    except ValueError:
        exc_info = sys.exc_info()
    record = _same_as_real_filter(lambda: _record("lookup failed", None, exc_info))
    assert record.exc_text is not None
    assert "ValueError: no booking for 3101**********1236" in record.exc_text

    def with_stack() -> logging.LogRecord:
        record = _record("msg")
        record.stack_info = f'Stack (most recent call last):\n  lookup("{ID}")'
        return record

    assert ID not in str(_same_as_real_filter(with_stack).stack_info)


def test_an_unprintable_message_is_withheld() -> None:
    class Unprintable:
        def __str__(self) -> str:
            raise RuntimeError(ID)

        __repr__ = __str__

    record = _same_as_real_filter(lambda: _record(Unprintable()))
    assert record.msg == "[log message withheld: it could not be redacted]"


def test_the_real_filter_is_loaded_only_when_needed_then_kept() -> None:
    lazy = LazyRedactingFilter()
    lazy.filter(_record("start-up: %s (%.0f ms)", ("fonts", 4.0)))
    assert lazy._real is None

    lazy.filter(_record("callback %s", (MOBILE,)))
    real = lazy._real
    assert isinstance(real, RedactingFilter)

    lazy.filter(_record("plain"))
    assert lazy._real is real


def test_setup_logging_masks_personal_numbers_in_the_file(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "logs", to_stderr=False).file
    assert log_file is not None
    root = logging.getLogger("yijiantong")
    try:
        assert all(
            any(isinstance(f, LazyRedactingFilter) for f in handler.filters)
            for handler in root.handlers
        )
        log = logging.getLogger("yijiantong.test")
        log.info("starting on %s", "/srv/kiosk")
        log.info("booking for %s, callback %s", ID, MOBILE)
        for handler in root.handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()

    assert "starting on /srv/kiosk" in text
    assert "booking for 3101**********1236, callback 138****5678" in text
    assert ID not in text
    assert MOBILE not in text


def test_stderr_handler_sees_the_masked_record(tmp_path: Path) -> None:
    setup_logging(tmp_path / "logs", to_stderr=True)
    root = logging.getLogger("yijiantong")
    stream = io.StringIO()
    stderr_handler = next(
        h
        for h in root.handlers
        if isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
    )
    stderr_handler.setStream(stream)
    try:
        logging.getLogger("yijiantong.test").warning("callback %s", MOBILE)
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()

    assert re.fullmatch(r".*WARNING .*callback 138\*\*\*\*5678\n", stream.getvalue())


def test_a_log_folder_that_cannot_be_written_falls_back_to_stderr(tmp_path: Path) -> None:
    """A read-only or full data folder must not stop the kiosk (its emergency button): the
    log goes to stderr (systemd's journal), at the full level, and the reason is returned."""
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    stream = io.StringIO()
    old_stderr, sys.stderr = sys.stderr, stream
    root = logging.getLogger("yijiantong")
    try:
        set_up = setup_logging(blocker / "logs", to_stderr=False)
        logging.getLogger("yijiantong.test").info("still heard, callback %s", MOBILE)
    finally:
        sys.stderr = old_stderr
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
    assert set_up.file is None
    assert set_up.problem is not None and str(blocker / "logs" / "yijiantong.log") in set_up.problem
    printed = stream.getvalue()
    assert "logging to stderr only" in printed
    assert "INFO" in printed and "still heard, callback 138****5678" in printed


def test_crash_capture_without_a_crash_log_still_installs(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("")
    capture = CrashCapture(blocker / "logs" / "crash.log")
    problem = capture.install()
    try:
        assert problem is not None and "crash log" in problem
        assert sys.excepthook == capture._excepthook
    finally:
        capture.uninstall()
    assert sys.excepthook != capture._excepthook


def test_paths_that_cannot_be_created_are_reported_not_raised(tmp_path: Path) -> None:
    from kiosk.paths import KioskPaths

    blocker = tmp_path / "data"
    blocker.write_text("")
    problems = KioskPaths(blocker, blocker).ensure()
    assert problems and all(str(blocker) in p for p in problems)
