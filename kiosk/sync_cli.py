"""Plain-Python (no Qt) back ends for ``yijiantong enrol``, ``sync --once`` and ``status``.

The lead wires these into ``kiosk.cli``; each returns an exit code (or a dict for ``status``)
and prints short plain messages, never a traceback, for the usual failures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

import requests
from pydantic import ValidationError

from services import catalogue_problems, protocol
from services.hub_client import (
    HubAuthError,
    HubClient,
    HubError,
    HubRejected,
    HubUnavailable,
)
from services.outbox import Outbox, count_dead_letters
from services.store import (
    KEY_HUB_URL,
    KEY_KIOSK_ID,
    KEY_KIOSK_NAME,
    KEY_LAST_ERROR,
    KEY_LAST_SUCCESS,
    KEY_SCHEMA_ERRORS,
    KEY_STATUS_CURSOR,
    KEY_TOKEN,
    KEY_TOKEN_REVOKED,
    StorageError,
    Store,
)
from services.sync import credentials
from services.sync import sync_once as _sync_once

EXIT_OK = 0
EXIT_REFUSED = 2  # wrong / used / expired code, not enrolled
EXIT_UNREACHABLE = 3  # hub down or answering nonsense
EXIT_STORAGE = 4  # the data dir cannot be used
KEY_HUB_NAME = "hub_name"


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
    """Exchange a one-time code for this kiosk's token and store hub URL, id and token."""
    stream = out or sys.stdout
    try:
        request = protocol.EnrolmentRequest(
            code=code.strip(), kiosk_name=kiosk_name, location=location
        )
    except ValidationError:
        print("That enrolment code is not valid: check it and try again.", file=stream)
        return EXIT_REFUSED
    try:
        store = Store(data_dir)
        response = HubClient(hub_url, None, session).enrol(request)
    except (StorageError, HubError) as exc:
        code, message = _enrol_failure(exc)
        print(message, file=stream)
        return code
    try:
        with store.connect() as conn, conn.transaction():
            if conn.get(KEY_KIOSK_ID) != response.kiosk_id:
                conn.set(KEY_STATUS_CURSOR, "0")  # a new kiosk identity has its own feed
            conn.set(KEY_HUB_URL, hub_url.rstrip("/"))
            conn.set(KEY_KIOSK_ID, response.kiosk_id)
            conn.set(KEY_KIOSK_NAME, kiosk_name)
            conn.set(KEY_HUB_NAME, response.hub_name)
            conn.set(KEY_TOKEN, response.token)
            conn.set(KEY_TOKEN_REVOKED, None)
            conn.set(KEY_LAST_ERROR, None)
    except StorageError as exc:
        print(f"Enrolled, but the token could not be saved: {exc}", file=stream)
        return EXIT_STORAGE
    print(f"Enrolled with {response.hub_name} as kiosk {response.kiosk_id}.", file=stream)
    return EXIT_OK


def _enrol_failure(exc: Exception) -> tuple[int, str]:
    if isinstance(exc, StorageError):
        return EXIT_STORAGE, f"Cannot use the data folder: {exc}"
    if isinstance(exc, HubRejected | HubAuthError):
        return EXIT_REFUSED, (
            "The hub did not accept that enrolment code (it may be wrong, used or expired). "
            "Ask for a new code and try again."
        )
    if isinstance(exc, HubUnavailable):
        text = str(exc)
        return EXIT_UNREACHABLE, f"Cannot enrol: {text[:1].upper()}{text[1:]}."
    return EXIT_UNREACHABLE, f"Cannot enrol: the hub answered with an error: {exc}"


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
    return EXIT_REFUSED if not report.enrolled else EXIT_UNREACHABLE


def sync_status(data_dir: Path) -> dict[str, Any]:
    """The sync part of ``yijiantong status`` (JSON-ready)."""
    with Store(data_dir).connect() as conn:
        url, _, enrolled = credentials(conn)
        alarms = conn.scalar("SELECT COUNT(*) FROM outbox WHERE lane = 'emergency'")
        return {
            "enrolled": enrolled,
            "hub_url": url,
            "kiosk_id": conn.get(KEY_KIOSK_ID),
            "queue_depth": Outbox(conn, lane=None).depth(),
            "dead_letters": count_dead_letters(conn),
            "last_sync": conn.get(KEY_LAST_SUCCESS),
            "last_error": conn.get(KEY_LAST_ERROR),
            "schema_errors": conn.get_int(KEY_SCHEMA_ERRORS),
            "alarms_pending": int(alarms),
            # Catalogue versions refused as invalid (the previous one stays in use).
            "catalogue_problems": catalogue_problems.as_json(conn),
        }
