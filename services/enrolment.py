"""Enrolment: exchange a hub's one-time code for this kiosk's token, and keep it.

Used by ``yijiantong enrol`` and the admin screen alike. Nothing is changed unless the hub
accepted the code; every usual failure comes back as an outcome with plain words, never
an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import requests
from pydantic import ValidationError

from services import hub_credentials, protocol
from services.hub_client import (
    HubAuthError,
    HubClient,
    HubError,
    HubRejected,
    HubServerError,
    HubUnavailable,
)
from services.store import (
    KEY_HUB_URL,
    KEY_KIOSK_ID,
    KEY_KIOSK_NAME,
    KEY_LAST_ERROR,
    KEY_STATUS_CURSOR,
    KEY_TOKEN,
    KEY_TOKEN_REVOKED,
    StorageError,
    Store,
)

EXIT_OK = 0
EXIT_REFUSED = 2  # wrong / used / expired code, not enrolled
EXIT_UNREACHABLE = 3  # hub down or answering nonsense
EXIT_STORAGE = 4  # the data dir cannot be used
KEY_HUB_NAME = "hub_name"


@dataclass(frozen=True)
class EnrolOutcome:
    code: int  # one of the EXIT_* values (also the CLI's exit code)
    message: str
    retry_after_s: float | None = None  # the hub limits attempts: wait this long (429)

    @property
    def wait_minutes(self) -> int | None:
        """Whole minutes to wait before the next attempt (at least 1), if the hub said."""
        return None if self.retry_after_s is None else _whole_minutes(self.retry_after_s)

    @property
    def ok(self) -> bool:
        return self.code == EXIT_OK


def enrol(
    data_dir: Path,
    hub_url: str,
    code: str,
    kiosk_name: str = "Yijiantong kiosk",
    location: str = "",
    *,
    session: requests.Session | None = None,
) -> EnrolOutcome:
    """Exchange a one-time code for this kiosk's token and store hub URL, id and token."""
    try:
        request = protocol.EnrolmentRequest(
            code=code.strip(), kiosk_name=kiosk_name, location=location
        )
    except ValidationError:
        return EnrolOutcome(
            EXIT_REFUSED, "That enrolment code is not valid: check it and try again."
        )
    try:
        store = Store(data_dir)
        response = HubClient(hub_url, None, session).enrol(request)
    except (StorageError, HubError) as exc:
        return _failure(exc)
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
        return EnrolOutcome(EXIT_STORAGE, f"Enrolled, but the token could not be saved: {exc}")
    hub_credentials.remember(Path(data_dir), hub_url.rstrip("/"), response.token)
    return EnrolOutcome(EXIT_OK, f"Enrolled with {response.hub_name} as kiosk {response.kiosk_id}.")


def _whole_minutes(seconds: float) -> int:
    return max(1, round(seconds / 60))


def _failure(exc: Exception) -> EnrolOutcome:
    if isinstance(exc, StorageError):
        return EnrolOutcome(EXIT_STORAGE, f"Cannot use the data folder: {exc}")
    if isinstance(exc, HubRejected | HubAuthError):
        return EnrolOutcome(
            EXIT_REFUSED,
            "The hub did not accept that enrolment code (it may be wrong, used or expired). "
            "Ask for a new code and try again.",
        )
    if isinstance(exc, HubServerError) and exc.status == 429:
        wait = exc.retry_after or 60.0
        minutes = _whole_minutes(wait)
        return EnrolOutcome(
            EXIT_UNREACHABLE,
            "The hub has had too many enrolment attempts from here. "
            f"Try again in {minutes} minute{'s' if minutes != 1 else ''}.",
            retry_after_s=wait,
        )
    if isinstance(exc, HubUnavailable):
        text = str(exc)
        return EnrolOutcome(EXIT_UNREACHABLE, f"Cannot enrol: {text[:1].upper()}{text[1:]}.")
    return EnrolOutcome(EXIT_UNREACHABLE, f"Cannot enrol: the hub answered with an error: {exc}")
