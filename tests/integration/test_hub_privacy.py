"""Hub privacy and abuse over real HTTP: a copied database reveals no ID, enrolment and person
lookups are rate limited (429 with Retry-After), a lookup needs the kiosk session in which the
ID was entered and is logged, and oversized or too many headers are refused."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from services import enrolment
from services.protocol import ErrorBody
from tests.helpers.hub_process import HubProcess, envelope, person, resident_id

BOTH_ENGINES = True  # each test runs on SQLite and on PostgreSQL

TIMEOUT = 30


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def error_of(response: requests.Response) -> ErrorBody:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    return ErrorBody.model_validate(response.json())


def session(helper: str | None = None) -> dict[str, Any]:
    return {
        "session_id": str(uuid.uuid4()),
        "identified_at": datetime.now(UTC).isoformat(),
        "entry": "card_reader",
        "helper_id": helper,
    }


def lookup(hub: HubProcess, token: str, serial: int, proof: dict[str, Any] | None) -> Any:
    body: dict[str, Any] = {"resident_id": resident_id(serial)}
    if proof is not None:
        body["session"] = proof
    return requests.post(
        f"{hub.url}/v1/people/lookup", json=body, headers=auth(token), timeout=TIMEOUT
    )


def book(hub: HubProcess, token: str, serials: list[int]) -> None:
    slots = requests.get(
        f"{hub.url}/v1/catalogue/slots", headers=auth(token), timeout=TIMEOUT
    ).json()["items"]
    # Slots from tomorrow on: today's early slots may be past their booking cut-off,
    # depending on when the suite runs.
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    free = [s for s in slots if s["remaining"] > 0 and s["starts_at"][:10] > tomorrow]
    items = [
        envelope("appointment.book", {"slot_id": free[n * 40]["id"], "person": person(serial)})
        for n, serial in enumerate(serials)
    ]
    results = requests.post(
        f"{hub.url}/v1/requests", json={"requests": items}, headers=auth(token), timeout=TIMEOUT
    ).json()["results"]
    assert [r["status"] for r in results] == ["accepted"] * len(serials), results


def test_a_copied_database_reveals_no_id(tmp_path: Path) -> None:
    """The attack that recovered every ID from a copy of the SQLite file: try each candidate
    ID under every text value stored in the database, looking for the stored person keys.
    (A PostgreSQL hub is never given a secret it could store: it must be configured.)"""
    with HubProcess(tmp_path / "hub") as hub:
        book(hub, hub.enrol(), [11, 12, 13])
    serials = [11, 12, 13]
    copy = tmp_path / "stolen.sqlite3"
    with contextlib.closing(sqlite3.connect(hub.db_path)) as live:
        live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(hub.db_path, copy)
    with contextlib.closing(sqlite3.connect(copy)) as conn:
        keys = {r[0] for r in conn.execute("SELECT person_key FROM appointments")}
        texts = {
            str(value)
            for table in [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            if not table.startswith("sqlite_")
            for row in conn.execute(f"SELECT * FROM {table}")
            for value in row
            if isinstance(value, str) and 16 <= len(value) <= 256
        }
    assert len(keys) == len(serials)
    candidates = [resident_id(n) for n in range(1, 40)]
    recovered = {
        rid
        for secret in texts
        for rid in candidates
        if hashlib.sha256(f"{secret}|{rid}".encode()).hexdigest() in keys
    }
    assert recovered == set()
    secret_file = Path(f"{hub.db_path}.person-key")
    assert secret_file.exists() and secret_file.stat().st_mode & 0o077 == 0
    secret = secret_file.read_text().strip()
    assert secret not in copy.read_bytes().decode("latin-1")


def test_a_hub_with_another_secret_refuses_to_start(tmp_path: Path, hub: HubProcess) -> None:
    hub.stop()
    other = HubProcess(
        hub.tmp_path,
        demo_data=False,
        database=hub.database,
        env={"YIJIANTONG_HUB_PERSON_KEY_SECRET": "ab" * 32},
    )
    with pytest.raises(RuntimeError, match="not the one this database was made with"):
        other.start()


def test_enrolment_attempts_are_rate_limited(tmp_path: Path, hub_database: str | None) -> None:
    with HubProcess(
        tmp_path / "hub", demo_data=False, database=hub_database, args=["--enrol-attempts", "3"]
    ) as hub:
        body = {"code": "ZZZZ-ZZZZ", "kiosk_name": "guess", "location": ""}
        codes = [
            requests.post(f"{hub.url}/v1/enrol", json=body, timeout=TIMEOUT).status_code
            for _ in range(4)
        ]
        assert codes == [403, 403, 403, 429]
        refused = requests.post(f"{hub.url}/v1/enrol", json=body, timeout=TIMEOUT)
        assert error_of(refused).code == "rate_limited"
        assert 1 <= int(refused.headers["retry-after"]) <= 600
        # The kiosk's own enrolment says so plainly and tells staff how long to wait.
        outcome = enrolment.enrol(tmp_path / "kiosk", hub.url, "ZZZZ-ZZZZ")
        assert not outcome.ok
        assert "too many enrolment attempts" in outcome.message, outcome.message
        assert outcome.retry_after_s is not None and 1 <= outcome.retry_after_s <= 600


def test_a_lookup_needs_a_live_kiosk_session_and_is_logged(
    tmp_path: Path, hub_database: str | None
) -> None:
    with HubProcess(
        tmp_path / "hub",
        demo_data=True,
        database=hub_database,
        args=["--lookup-rate", "8", "--lookup-people-per-hour", "4"],
    ) as hub:
        token, other = hub.enrol("kiosk A"), hub.enrol("kiosk B")
        assert error_of(lookup(hub, token, 1, None)).code == "session_required"
        mine = session()
        assert lookup(hub, token, 1, mine).status_code == 200
        assert lookup(hub, token, 1, mine).status_code == 200  # the same senior again
        assert error_of(lookup(hub, token, 2, mine)).code == "session_person_limit"
        assert error_of(lookup(hub, other, 1, mine)).code == "session_mismatch"
        helper = session(helper="H007")
        assert lookup(hub, token, 2, helper).status_code == 200
        assert lookup(hub, token, 3, helper).status_code == 200
        assert lookup(hub, token, 4, helper).status_code == 200
        # Four different people this hour is this kiosk's limit.
        crowded = lookup(hub, token, 5, helper)
        assert error_of(crowded).code == "rate_limited" and int(crowded.headers["retry-after"]) > 0
        # Eight lookups per window, whatever they are.
        flood = lookup(hub, token, 1, mine)
        assert flood.status_code == 429 and int(flood.headers["retry-after"]) >= 1
        log = hub.cli("lookups")
        for outcome in ("allowed", "session_required", "session_person_limit", "session_mismatch"):
            assert f'"outcome": "{outcome}"' in log, outcome
        assert '"helper_id": "H007"' in log
        assert resident_id(1) not in log and resident_id(1) not in hub.log_text()


def test_too_many_or_too_large_headers_are_refused(hub: HubProcess, hub_token: str) -> None:
    many = {f"X-Filler-{n}": "x" for n in range(80)}
    response = requests.get(
        f"{hub.url}/v1/catalogue/hospitals", headers={**auth(hub_token), **many}, timeout=30
    )
    assert response.status_code == 431 and error_of(response).code == "headers_too_large"
    large = {"X-Filler": "x" * 9000}
    response = requests.get(
        f"{hub.url}/v1/catalogue/hospitals", headers={**auth(hub_token), **large}, timeout=30
    )
    assert response.status_code == 431
    huge = {"X-Filler": "x" * 70_000}  # beyond the HTTP server's own buffer
    with contextlib.suppress(requests.ConnectionError):
        refused = requests.get(f"{hub.url}/v1/health", headers=huge, timeout=30)
        assert 400 <= refused.status_code < 500
    assert requests.get(f"{hub.url}/v1/health", timeout=30).status_code == 200
