"""Logging and crash capture.

Loggers are named by category (``yijiantong.ui``, ``yijiantong.sync``, ...) so a
technician can raise the detail of one subsystem. Everything goes to a rotating file in
the data dir; personal numbers are masked by a redacting filter before any handler
sees them. Hard crashes (segfaults in native code) are written by faulthandler to
``crash.log``; uncaught Python exceptions are logged with their traceback and the kiosk
keeps running, because an exception in one slot must not take the screen away.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

ROOT_LOGGER = "yijiantong"
CATEGORIES = ("init", "config", "ui", "session", "sync", "voice", "emergency", "sql", "i18n")
_LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"


def _redacting_filter() -> logging.Filter | None:
    # services.identity provides the filter that masks resident IDs and phone numbers.
    try:
        from services.identity import RedactingFilter
    except ImportError:  # pragma: no cover - only while the identity module is absent
        return None
    return RedactingFilter()


def setup_logging(log_dir: Path, level: str = "INFO", *, to_stderr: bool = True) -> Path:
    """Configure the ``yijiantong`` logger tree; returns the log file path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "yijiantong.log"
    root = logging.getLogger(ROOT_LOGGER)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    root.propagate = False
    formatter = logging.Formatter(_LOG_FORMAT)
    handlers: list[logging.Handler] = [
        logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    ]
    if to_stderr:
        stderr = logging.StreamHandler(sys.stderr)
        stderr.setLevel(logging.WARNING)
        handlers.append(stderr)
    redactor = _redacting_filter()
    for handler in handlers:
        handler.setFormatter(formatter)
        if redactor is not None:
            handler.addFilter(redactor)
        root.addHandler(handler)
    return log_file


class CrashCapture:
    """faulthandler for native crashes, and an excepthook that logs instead of dying."""

    def __init__(self, crash_log: Path, on_exception: Callable[[str], None] | None = None):
        self._crash_log = crash_log
        self._file: IO[str] | None = None
        self._on_exception = on_exception
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook
        self._log = logging.getLogger(f"{ROOT_LOGGER}.init")

    def install(self) -> None:
        self._crash_log.parent.mkdir(parents=True, exist_ok=True)
        self._file = self._crash_log.open("a", encoding="utf-8")
        faulthandler.enable(file=self._file, all_threads=True)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook = self._old_hook
        threading.excepthook = self._old_thread_hook
        if self._file is not None:
            faulthandler.disable()
            self._file.close()
            self._file = None

    def _record(self, text: str) -> None:
        self._log.error("uncaught exception:\n%s", text)
        if self._file is not None:
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
