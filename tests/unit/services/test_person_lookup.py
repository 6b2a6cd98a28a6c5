"""The kiosk side of person lookup without a hub: credentials, the cache, fallbacks, purge.

Real SQLite file and a real ``HubClient``; "the hub is down" is a loopback port nobody
listens on. The round trip with a running hub is in tests/integration/test_hub_people.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from services import person_lookup, protocol
from services.hub_client import HubClient
from services.identity import ResidentId, parse_resident_id
from services.person_keys import person_key
from services.store import KEY_HUB_URL, KEY_TOKEN, KEY_TOKEN_REVOKED, Store, StoreConnection, iso
from services.sync import token_fingerprint
from tests.helpers.hub_process import free_port, resident_id

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
ANN = parse_resident_id(resident_id(1), today=date(2026, 3, 2))
BOB = parse_resident_id(resident_id(2), today=date(2026, 3, 2))


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[StoreConnection]:
    with Store(tmp_path).connect() as c:
        yield c


def record_for(person: ResidentId, status: str = "paying") -> protocol.PersonRecord:
    return protocol.PersonRecord(
        masked_id=person.masked,
        benefits=[
            protocol.BenefitStatus(
                kind="old_age_allowance",
                name=protocol.LocalizedText(zh_CN="津贴", zh_HK="津貼", en="Allowance"),
                status=status,
            )
        ],
        as_of=NOW,
    )


def seed(conn: StoreConnection, person: ResidentId, fetched_at: datetime, body: str) -> None:
    conn.execute(
        "INSERT INTO person_lookups(person_key, record, fetched_at) VALUES (?, ?, ?)",
        (person_key(conn, person), body, iso(fetched_at)),
    )


def dead_hub() -> HubClient:
    return HubClient(f"http://127.0.0.1:{free_port()}", "t" * 32, timeout=(2.0, 2.0))


def test_status_codes_known_and_unknown() -> None:
    assert all(person_lookup.status_known(c) for c in protocol.KNOWN_BENEFIT_STATUSES)
    assert not person_lookup.status_known("awaiting_bank_details")


def test_client_only_when_enrolled(conn: StoreConnection) -> None:
    assert person_lookup.client_from_store(conn) is None
    conn.set(KEY_HUB_URL, "http://127.0.0.1:8700")
    assert person_lookup.client_from_store(conn) is None  # no token yet
    conn.set(KEY_TOKEN, "secret-token-0123456789")
    client = person_lookup.client_from_store(conn)
    assert client is not None and client.base_url == "http://127.0.0.1:8700/"
    assert client.token == "secret-token-0123456789" and client.timeout == (3.05, 10.0)
    conn.set(KEY_TOKEN_REVOKED, token_fingerprint("secret-token-0123456789"))
    assert person_lookup.client_from_store(conn) is None


def test_nothing_cached_and_no_hub(conn: StoreConnection) -> None:
    empty = person_lookup.cached(conn, ANN)
    assert empty == person_lookup.LookupResult(None, None, fresh=False, problem=None)
    offline = person_lookup.lookup(conn, None, ANN)
    assert offline.record is None and offline.problem == "offline" and not offline.fresh
    assert person_lookup.lookup(conn, dead_hub(), ANN).problem == "offline"


def test_hub_down_gives_the_cached_answer_with_its_age(conn: StoreConnection) -> None:
    fetched = NOW - timedelta(days=3)
    seed(conn, ANN, fetched, record_for(ANN, "awaiting_bank_details").model_dump_json())
    found = person_lookup.lookup(conn, dead_hub(), ANN)
    assert found.problem == "offline" and not found.fresh and found.fetched_at == fetched
    assert found.record is not None and found.record.benefits[0].status == "awaiting_bank_details"
    assert found.age(NOW) == timedelta(days=3)
    assert person_lookup.cached(conn, BOB).record is None  # keyed per person


def test_cache_is_keyed_without_the_id_number(conn: StoreConnection) -> None:
    seed(conn, ANN, NOW, record_for(ANN).model_dump_json())
    dump = "\n".join(conn.raw.iterdump())
    assert ANN.number not in dump and ANN.number[:17] not in dump


def test_an_unreadable_cache_row_counts_as_never_fetched(conn: StoreConnection) -> None:
    seed(conn, ANN, NOW, '{"masked_id": 5}')
    assert person_lookup.cached(conn, ANN).record is None


def test_purge_drops_old_answers_only(conn: StoreConnection) -> None:
    seed(conn, ANN, NOW - timedelta(days=40), record_for(ANN).model_dump_json())
    seed(conn, BOB, NOW - timedelta(days=2), record_for(BOB).model_dump_json())
    assert person_lookup.purge(conn, timedelta(days=30), now=NOW) == 1
    assert person_lookup.cached(conn, ANN).record is None
    assert person_lookup.cached(conn, BOB).record is not None
    assert person_lookup.purge(conn, timedelta(days=30), now=NOW) == 0
