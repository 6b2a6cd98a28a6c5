"""Logging and crash capture.

Loggers are named by category (``yijiantong.ui``, ``yijiantong.sync``, ...) so a
technician can raise the detail of one subsystem. Everything goes to a rotating file in
the data dir; personal numbers are masked by a redacting filter before any handler
sees them. Hard crashes (segfaults in native code) are written by faulthandler to
``crash.log``; uncaught Python exceptions are logged with their traceback and the kiosk
keeps running, because an exception in one slot must not take the screen away.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import logging.handlers
import re
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, NamedTuple

ROOT_LOGGER = "yijiantong"
CATEGORIES = ("init", "config", "ui", "session", "sync", "voice", "emergency", "sql", "i18n")
_LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"


#: What every personal number ``services.identity.redact`` masks is made of: at least
#: ``MIN_REDACTED_DIGITS`` decimal digits (a Shanghai landline, ``21`` + 8 digits, is the
#: shortest) and nothing but digits and ``NUMBER_PUNCTUATION``. Text without such a run
#: cannot hold one. tests/unit/kiosk/test_logs.py checks both against the pattern.
MIN_REDACTED_DIGITS = 10
NUMBER_PUNCTUATION = " -()+Xx\uff58\uff38"  # ASCII and full-width x X (check character)
_CANDIDATE_RUN = re.compile(rf"[\d{re.escape(NUMBER_PUNCTUATION)}]{{{MIN_REDACTED_DIGITS},}}")


def may_hold_personal_number(text: str) -> bool:
    """False when ``services.identity.redact`` would certainly leave ``text`` unchanged."""
    # str.isdecimal is exactly what the redaction pattern's Unicode ``\d`` matches.
    return any(
        sum(map(str.isdecimal, run.group())) >= MIN_REDACTED_DIGITS
        for run in _CANDIDATE_RUN.finditer(text)
    )


class LazyRedactingFilter(logging.Filter):
    """``services.identity.RedactingFilter``, imported on the first record that needs it.

    Importing services.identity (and compiling it) is a noticeable part of start-up, and
    the start-up messages hold nothing to mask. Until a record could hold a personal
    number this does exactly what RedactingFilter does to a record with nothing to mask:
    it renders ``msg % args`` into ``msg`` and clears ``args``. A record with an exception
    or a stack, a message that cannot be rendered, or text that
    :func:`may_hold_personal_number` goes to the real filter, which then handles every
    later record too.
    """

    def __init__(self) -> None:
        super().__init__()
        self._real: logging.Filter | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        real = self._real
        if real is None:
            if not (record.exc_info or record.exc_text or record.stack_info):
                try:
                    message = record.getMessage()
                except Exception:  # the real filter handles unformattable messages
                    message = None
                if message is not None and not may_hold_personal_number(message):
                    record.msg, record.args = message, None
                    return True
            real = self._real = _redacting_filter()
        return real.filter(record)


def _redacting_filter() -> logging.Filter:
    # services.identity provides the filter that masks resident IDs and phone numbers.
    from services.identity import RedactingFilter

    return RedactingFilter()


class LogSetup(NamedTuple):
    """Where the log goes: ``file`` is None when it could not be opened (``problem`` says
    why) and everything goes to stderr instead."""

    file: Path | None
    problem: str | None = None


def setup_logging(log_dir: Path, level: str = "INFO", *, to_stderr: bool = True) -> LogSetup:
    """Configure the ``yijiantong`` logger tree. Never raises for the log file: a kiosk
    whose data folder is read-only or full must still start (the emergency button), so
    it logs to stderr, where systemd's journal keeps it, and says why."""
    log_file = log_dir / "yijiantong.log"
    root = logging.getLogger(ROOT_LOGGER)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    root.propagate = False
    formatter = logging.Formatter(_LOG_FORMAT)
    handlers: list[logging.Handler] = []
    problem: str | None = None
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        )
    except OSError as exc:
        problem = f"cannot write the log file {log_file}: {exc.strerror or exc}"
    if to_stderr or problem is not None:
        stderr = logging.StreamHandler(sys.stderr)
        # With no file, stderr is the only record: keep the full level there.
        stderr.setLevel(logging.WARNING if problem is None else logging.NOTSET)
        handlers.append(stderr)
    redactor = LazyRedactingFilter()
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.addFilter(redactor)
        root.addHandler(handler)
    if problem is not None:
        root.getChild("init").warning("%s; logging to stderr only", problem)
        return LogSetup(None, problem)
    return LogSetup(log_file)


class CrashCapture:
    """faulthandler for native crashes, and an excepthook that logs instead of dying."""

    def __init__(self, crash_log: Path, on_exception: Callable[[str], None] | None = None):
        self._crash_log = crash_log
        self._file: IO[str] | None = None
        self._on_exception = on_exception
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        self._log = logging.getLogger(f"{ROOT_LOGGER}.init")

    def install(self) -> str | None:
        """Start capturing; returns why the crash log could not be opened (native crashes
        then go to stderr), or None."""
        problem: str | None = None
        try:
            self._crash_log.parent.mkdir(parents=True, exist_ok=True)
            self._file = self._crash_log.open("a", encoding="utf-8")
        except OSError as exc:
            problem = f"cannot write the crash log {self._crash_log}: {exc.strerror or exc}"
            self._log.warning("%s; native crashes go to stderr", problem)
        faulthandler.enable(file=self._file or sys.stderr, all_threads=True)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        return problem

    def uninstall(self) -> None:
        sys.excepthook = self._old_hook
        threading.excepthook = self._old_thread_hook
        faulthandler.disable()
        if self._file is not None:
            self._file.close()
            self._file = None

    def _record(self, text: str) -> None:
        self._log.error("uncaught exception:\n%s", text)
        if self._file is not None:
            with contextlib.suppress(OSError):  # a full disk must not turn one error into two
                self._file.write(text + "\n")
                self._file.flush()
        if self._on_exception is not None:
            self._on_exception(text)

    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._old_hook(exc_type, exc, tb)
            return
        self._record("".join(traceback.format_exception(exc_type, exc, tb)))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        text = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        self._record(f"in thread {args.thread.name if args.thread else '?'}:\n{text}")
