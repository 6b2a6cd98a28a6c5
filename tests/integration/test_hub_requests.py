"""Requests over real HTTP: idempotency, per-item validation, status feed, fulfilment
rules and concurrent bookings. The hub's clock starts at a fixed Wednesday 10:00 so
cut-offs and booking windows are deterministic."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests

from services.protocol import BatchResult, RequestResult, StatusFeed
from tests.helpers.hub_databases import with_demo_data
from tests.helpers.hub_process import HubProcess, envelope, person

BOTH_ENGINES = True  # each test runs on SQLite and on PostgreSQL

NOW = "2025-06-11T10:00:00+08:00"  # Wednesday; lunch cut-off (09:30) has passed
TIMEOUT = 30


@pytest.fixture
def fixed_hub(tmp_path: Path, hub_database: str | None) -> Iterator[HubProcess]:
    folder = tmp_path / "fixed-hub"
    database = with_demo_data(hub_database, folder, date(2025, 6, 11))
    with HubProcess(folder, demo_data=True, now=NOW, database=database) as process:
        yield process


class Kiosk:
    def __init__(self, hub: HubProcess, name: str = "kiosk") -> None:
        self.url = hub.url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {hub.enrol(name)}"

    def send(self, *items: dict[str, Any]) -> list[RequestResult]:
        response = self.session.post(
            f"{self.url}/v1/requests", json={"requests": list(items)}, timeout=TIMEOUT
        )
        assert response.status_code == 200, response.text
        return BatchResult.model_validate_json(response.content).results

    def slots(self) -> list[dict[str, Any]]:
        response = self.session.get(f"{self.url}/v1/catalogue/slots", timeout=TIMEOUT)
        return list(response.json()["items"])

    def slot(self, slot_id: str) -> dict[str, Any]:
        return next(s for s in self.slots() if s["id"] == slot_id)

    def feed(self, cursor: int = 0, limit: int = 200) -> StatusFeed:
        response = self.session.get(
            f"{self.url}/v1/status", params={"cursor": cursor, "limit": limit}, timeout=TIMEOUT
        )
        assert response.status_code == 200, response.text
        return StatusFeed.model_validate_json(response.content)

    def close(self) -> None:
        self.session.close()


@pytest.fixture
def kiosk(fixed_hub: HubProcess) -> Iterator[Kiosk]:
    client = Kiosk(fixed_hub)
    yield client
    client.close()


def book(slot_id: str, serial: int, request_id: str | None = None) -> dict[str, Any]:
    return envelope("appointment.book", {"slot_id": slot_id, "person": person(serial)}, request_id)


def pick(slots: list[dict[str, Any]], hospital: str, day: str, **where: Any) -> dict[str, Any]:
    for slot in slots:
        in_place = slot["hospital_id"] == hospital and slot["starts_at"].startswith(day)
        if in_place and all(check(slot[key]) for key, check in where.items()):
            return slot
    raise AssertionError(f"no slot in {hospital} on {day} matching {where}")


def test_idempotent_replay(kiosk: Kiosk) -> None:
    slot = pick(kiosk.slots(), "H01", "2025-06-12", remaining=lambda r: r >= 2)
    item = book(slot["id"], 1)
    [first] = kiosk.send(item)
    assert first.status == "accepted" and first.reference
    [again] = kiosk.send(item)
    assert again == first
    assert kiosk.slot(slot["id"])["remaining"] == slot["remaining"] - 1
    # The same id twice in one batch is also a single effect.
    other = book(pick(kiosk.slots(), "H01", "2025-06-13", remaining=lambda r: r >= 2)["id"], 2)
    one, two = kiosk.send(other, other)
    assert one == two


def test_one_bad_item_does_not_block_the_batch(kiosk: Kiosk) -> None:
    good = envelope("callback.request", {"topic": "benefits", "phone": "13812345678"})
    bad = book("H01-NK-20250612-0900", 1)
    bad["payload"]["person"]["resident_id"] = "310104194503120000"  # type: ignore[index]
    missing_id = {"kind": "callback.request", "payload": {}}
    unknown = envelope("taxi.call", {"to": "hospital"})
    good2 = envelope("callback.request", {"topic": "meals", "phone": "02162183400"})
    results = kiosk.send(good, bad, missing_id, unknown, good2)
    assert [r.status for r in results] == [
        "accepted",
        "rejected",
        "rejected",
        "rejected",
        "accepted",
    ]
    assert [r.reason_code for r in results] == [
        None,
        "validation",
        "validation",
        "unknown_kind",
        None,
    ]
    assert results[1].id == uuid.UUID(bad["id"])  # type: ignore[arg-type]
    assert results[2].id == uuid.UUID(int=0)
    assert results[0].reference and results[0].reference.startswith("YJT-CB-")


def test_status_feed_with_cursor_is_per_kiosk(fixed_hub: HubProcess, kiosk: Kiosk) -> None:
    items = [
        envelope("callback.request", {"topic": "other", "phone": "13812345678"}) for _ in range(5)
    ]
    kiosk.send(*items)
    page = kiosk.feed(0, limit=3)
    assert [str(u.request_id) for u in page.updates] == [i["id"] for i in items[:3]]
    assert all(u.status == "accepted" and u.kind == "callback.request" for u in page.updates)
    rest = kiosk.feed(page.next_cursor)
    assert [str(u.request_id) for u in rest.updates] == [i["id"] for i in items[3:]]
    empty = kiosk.feed(rest.next_cursor)
    assert empty.updates == [] and empty.next_cursor == rest.next_cursor
    stranger = Kiosk(fixed_hub, "stranger")
    assert stranger.feed(0).updates == []
    stranger.close()


def test_slot_taken_with_alternatives_and_cancel_gives_seat_back(kiosk: Kiosk) -> None:
    slots = kiosk.slots()
    full = pick(slots, "H01", "2025-06-12", remaining=lambda r: r == 0)
    [taken] = kiosk.send(book(full["id"], 1))
    assert taken.reason_code == "slot_taken"
    assert 1 <= len(taken.alternatives) <= 3
    by_id = {s["id"]: s for s in slots}
    for alt in taken.alternatives:
        assert by_id[alt]["department_id"] == full["department_id"]
        assert by_id[alt]["remaining"] > 0
    target = pick(slots, "H01", "2025-06-13", remaining=lambda r: r >= 1)
    booking = book(target["id"], 2)
    [booked] = kiosk.send(booking)
    assert booked.status == "accepted"
    cancel = envelope("appointment.cancel", {"appointment_reference": booked.reference})
    [cancelled] = kiosk.send(cancel)
    assert cancelled.status == "accepted"
    assert kiosk.slot(target["id"])["remaining"] == target["remaining"]
    statuses = [(str(u.request_id), u.status) for u in kiosk.feed().updates]
    assert (booking["id"], "cancelled") in statuses


def test_cutoff_rules(kiosk: Kiosk) -> None:
    slots = kiosk.slots()
    this_morning = pick(slots, "H01", "2025-06-11T08:30", remaining=lambda r: r > 0)
    too_soon = pick(slots, "H01", "2025-06-11T10:30", remaining=lambda r: r > 0)
    next_week = pick(slots, "H02", "2025-06-19", remaining=lambda r: r > 0)  # 7-day window
    fine = pick(slots, "H04", "2025-06-24", remaining=lambda r: r > 0)  # 14-day window
    today_pm = pick(slots, "H01", "2025-06-11T14:00", remaining=lambda r: r > 0)
    results = kiosk.send(
        book(this_morning["id"], 1),
        book(too_soon["id"], 2),
        book(next_week["id"], 3),
        book(fine["id"], 4),
        book(today_pm["id"], 5, request_id=(pm_id := str(uuid.uuid4()))),
    )
    assert [r.reason_code for r in results] == [
        "past_cutoff",
        "past_cutoff",
        "outside_booking_window",
        None,
        None,
    ]
    # H01 needs 24 h notice to cancel: this afternoon's booking can no longer be.
    [late] = kiosk.send(envelope("appointment.cancel", {"original_request_id": pm_id}))
    assert late.reason_code == "too_late_to_cancel"

    def meal(meal_set_id: str) -> dict[str, Any]:
        return envelope(
            "meal.order",
            {
                "meal_set_id": meal_set_id,
                "quantity": 1,
                "fulfilment": "pickup",
                "person": person(9, with_id=False),
                "age_band": "60_79",
            },
        )

    dinner_order = meal("C01-20250611-D1")
    lunch, dinner = kiosk.send(meal("C01-20250611-L1"), dinner_order)
    assert lunch.reason_code == "past_cutoff"
    assert dinner.status == "accepted" and dinner.amount_fen is not None
    [cancelled] = kiosk.send(envelope("meal.cancel", {"original_request_id": dinner_order["id"]}))
    assert cancelled.status == "accepted" and cancelled.reference == dinner.reference


def test_concurrent_bookings_for_the_last_seat(fixed_hub: HubProcess) -> None:
    kiosks = [Kiosk(fixed_hub, f"kiosk-{n}") for n in range(4)]
    slot = pick(kiosks[0].slots(), "H01", "2025-06-16", remaining=lambda r: r >= 1)
    # Bring the slot down to exactly one seat.
    for serial in range(slot["remaining"] - 1):
        assert kiosks[0].send(book(slot["id"], 500 + serial))[0].status == "accepted"
    assert kiosks[0].slot(slot["id"])["remaining"] == 1
    contenders = 40
    barrier = threading.Barrier(contenders)

    def attempt(n: int) -> RequestResult:
        client = kiosks[n % len(kiosks)]
        item = book(slot["id"], n)
        barrier.wait(timeout=TIMEOUT)
        # Each thread needs its own session: requests.Session is not thread-safe.
        with requests.Session() as session:
            session.headers.update(client.session.headers)
            response = session.post(
                f"{client.url}/v1/requests", json={"requests": [item]}, timeout=TIMEOUT
            )
        assert response.status_code == 200, response.text
        return BatchResult.model_validate_json(response.content).results[0]

    with ThreadPoolExecutor(max_workers=contenders) as pool:
        results = list(pool.map(attempt, range(contenders)))
    accepted = [r for r in results if r.status == "accepted"]
    assert len(accepted) == 1
    assert {r.reason_code for r in results if r.status == "rejected"} == {"slot_taken"}
    assert kiosks[0].slot(slot["id"])["remaining"] == 0
    for client in kiosks:
        client.close()


def test_batch_throughput(kiosk: Kiosk) -> None:
    """10 batches of 500 (the kiosk benchmark drains 10,000 at >= 500/s). A loose
    bound here: the machine running the tests may be busy."""
    started = time.perf_counter()
    for _ in range(10):
        batch = [
            envelope("callback.request", {"topic": "other", "phone": "13812345678"})
            for _ in range(500)
        ]
        results = kiosk.send(*batch)
        assert len(results) == 500 and all(r.status == "accepted" for r in results)
    rate = 5000 / (time.perf_counter() - started)
    assert rate > 250, f"{rate:.0f} requests/s"


def test_results_survive_restart(fixed_hub: HubProcess, kiosk: Kiosk) -> None:
    item = envelope("callback.request", {"topic": "care", "phone": "13812345678"})
    [first] = kiosk.send(item)
    fixed_hub.restart()
    [again] = kiosk.send(item)
    assert again == first
