"""``yijiantong enrol`` and ``sync --once`` (no Qt).

Each returns an exit code and prints short plain messages, never a traceback, for the
usual failures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

import requests

from services import enrolment
from services.enrolment import EXIT_OK, EXIT_REFUSED, EXIT_STORAGE, EXIT_UNREACHABLE
from services.store import StorageError, Store
from services.sync import sync_once as _sync_once


def enrol(
    data_dir: Path,
    hub_url: str,
    code: str,
    kiosk_name: str = "Yijiantong kiosk",
    location: str = "",
    *,
    session: requests.Session | None = None,
    out: TextIO | None = None,
) -> int:
    """``yijiantong enrol``: prints what happened; the exit code says how it went."""
    outcome = enrolment.enrol(data_dir, hub_url, code, kiosk_name, location, session=session)
    print(outcome.message, file=out or sys.stdout)
    return outcome.code


def sync_once(data_dir: Path, hub_url: str | None = None, *, out: TextIO | None = None) -> int:
    """One full sync pass; prints a JSON report; 0 when everything worked."""
    stream = out or sys.stdout
    try:
        report = _sync_once(Store(data_dir), hub_url)
    except StorageError as exc:
        print(json.dumps({"ok": False, "error": str(exc)}, ensure_ascii=False), file=stream)
        return EXIT_STORAGE
    print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2), file=stream)
    if report.ok:
        return EXIT_OK
    if report.failure == "storage":
        return EXIT_STORAGE
    return EXIT_REFUSED if not report.enrolled else EXIT_UNREACHABLE
