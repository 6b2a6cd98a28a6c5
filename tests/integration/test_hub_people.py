"""Person lookup against the REAL hub: online fetch, hub stopped, garbled replies, bad input."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import requests

from services import person_lookup
from services.identity import ResidentId, parse_resident_id
from services.store import StoreConnection
from tests.helpers.fault_proxy import FaultProxy
from tests.helpers.hub_process import HubProcess, envelope, person, resident_id
from tests.helpers.kiosk_side import kiosk_store

BOTH_ENGINES = True  # each test runs on SQLite and on PostgreSQL

TODAY = date.today()


def senior(serial: int) -> ResidentId:
    return parse_resident_id(resident_id(serial), today=TODAY)


@pytest.fixture
def kiosk(hub: HubProcess, hub_token: str, tmp_path: Path) -> Iterator[StoreConnection]:
    with kiosk_store(tmp_path / "kiosk", hub.url, hub_token).connect() as conn:
        yield conn


def session(helper: str | None = None) -> dict[str, object]:
    """A kiosk session in which the ID was just keyed in (what the kiosk sends)."""
    return {
        "session_id": str(uuid.uuid4()),
        "identified_at": datetime.now(UTC).isoformat(),
        "entry": "keypad",
        "helper_id": helper,
    }


def post(hub: HubProcess, token: str | None, body: object) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.post(f"{hub.url}/v1/people/lookup", json=body, headers=headers, timeout=10)


def book_somewhere(hub: HubProcess, token: str, serial: int, offset: int) -> str:
    slots = requests.get(
        f"{hub.url}/v1/catalogue/slots", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()["items"]
    days = sorted({s["starts_at"][:10] for s in slots})
    slot = next(s for s in slots if s["remaining"] > 0 and s["starts_at"][:10] == days[offset])
    item = envelope("appointment.book", {"slot_id": slot["id"], "person": person(serial)})
    result = requests.post(
        f"{hub.url}/v1/requests",
        json={"requests": [item]},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    ).json()["results"][0]
    assert result["status"] == "accepted", result
    return str(slot["id"])


def test_online_lookup_is_fresh_and_cached(hub: HubProcess, kiosk: StoreConnection) -> None:
    client = person_lookup.client_from_store(kiosk)
    found = person_lookup.lookup(kiosk, client, senior(1))
    assert found.fresh and found.problem is None and found.record is not None
    allowance = {b.kind: b for b in found.record.benefits}["old_age_allowance"]
    assert allowance.status == "paying" and len(allowance.payments) == 4
    assert allowance.next_payment_on is not None and allowance.next_payment_on > TODAY
    assert person_lookup.cached(kiosk, senior(1)).record == found.record


def test_appointments_from_any_kiosk(
    hub: HubProcess, hub_token: str, kiosk: StoreConnection
) -> None:
    mine = book_somewhere(hub, hub_token, 2, offset=1)
    theirs = book_somewhere(hub, hub.enrol("other-centre"), 2, offset=2)
    found = person_lookup.lookup(kiosk, person_lookup.client_from_store(kiosk), senior(2))
    assert found.record is not None
    assert [(a.slot_id, a.booked_here) for a in found.record.appointments] == [
        (mine, True),
        (theirs, False),
    ]


def test_unknown_status_code_passes_through(kiosk: StoreConnection) -> None:
    found = person_lookup.lookup(kiosk, person_lookup.client_from_store(kiosk), senior(3))
    assert found.record is not None
    [status] = found.record.benefits
    assert status.status == "awaiting_bank_details"
    assert not person_lookup.status_known(status.status) and status.note is not None


def test_hub_stopped_gives_the_cached_answer_with_its_age(
    hub: HubProcess, kiosk: StoreConnection
) -> None:
    client = person_lookup.client_from_store(kiosk)
    first = person_lookup.lookup(kiosk, client, senior(1))
    hub.stop()
    later = person_lookup.lookup(kiosk, client, senior(1))
    assert not later.fresh and later.problem == "offline"
    assert later.record == first.record and later.fetched_at == first.fetched_at
    age = later.age()
    assert age is not None and age.total_seconds() >= 0
    never = person_lookup.lookup(kiosk, client, senior(4))
    assert never.record is None and never.problem == "offline"


@pytest.mark.parametrize(
    ("mode", "problem"), [("malformed_json", "malformed"), ("status_500", "hub_error")]
)
def test_bad_replies_fall_back_to_the_cache(
    hub: HubProcess, hub_token: str, tmp_path: Path, mode: str, problem: str
) -> None:
    with FaultProxy("127.0.0.1", hub.port, lifetime=60) as proxy:
        store = kiosk_store(tmp_path / "via-proxy", proxy.url, hub_token)
        with store.connect() as conn:
            client = person_lookup.client_from_store(conn)
            first = person_lookup.lookup(conn, client, senior(2))
            assert first.fresh
            proxy.set_fault(mode, path="/v1/people/lookup", times=1)
            bad = person_lookup.lookup(conn, client, senior(2))
            assert proxy.faults_applied[mode] == 1
            assert bad.problem == problem and not bad.fresh
            assert bad.record == first.record and bad.fetched_at == first.fetched_at
            assert person_lookup.lookup(conn, client, senior(2)).fresh  # and recovers


def test_hub_validates_and_never_logs_the_id(hub: HubProcess, hub_token: str) -> None:
    good = resident_id(5)
    wrong_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    for body in ({"resident_id": wrong_check}, {"resident_id": "123"}, {}, {"id": good}):
        reply = post(hub, hub_token, body)
        assert reply.status_code == 422, body
        error = reply.json()
        assert error["code"] == "validation" and wrong_check not in reply.text
    assert post(hub, None, {"resident_id": good}).status_code == 401
    unknown = post(hub, hub_token, {"resident_id": resident_id(901), "session": session()})
    assert unknown.status_code == 200
    assert unknown.json()["appointments"] == [] and unknown.json()["benefits"] == []
    assert post(hub, hub_token, {"resident_id": good, "session": session()}).json()["benefits"]
    log = hub.log_text()
    assert good not in log and wrong_check not in log and resident_id(901) not in log
