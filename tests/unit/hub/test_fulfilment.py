"""Fulfilment rules, run in-process against a demo database at a fixed instant."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from hub import fulfilment
from hub.clock import SHANGHAI, iso
from hub.db import Connection, Row
from tests.helpers.hub_process import envelope, person
from tests.unit.hub.conftest import NOW

KIOSK = "K1"


def run(db: Connection, *items: Any, now: datetime = NOW) -> list[dict[str, Any]]:
    return [json.loads(r) for r in fulfilment.process_batch(db, KIOSK, list(items), now)]


def slot_where(db: Connection, sql: str, *args: Any) -> Row:
    row = db.execute(f"SELECT * FROM slots WHERE {sql} ORDER BY starts_at, id LIMIT 1", args)
    found = row.fetchone()
    assert found is not None
    return found  # type: ignore[no-any-return]


def remaining(db: Connection, slot_id: str) -> int:
    return int(db.execute("SELECT remaining FROM slots WHERE id = ?", (slot_id,)).fetchone()[0])


def book(slot_id: str, serial: int, request_id: str | None = None) -> dict[str, Any]:
    return envelope("appointment.book", {"slot_id": slot_id, "person": person(serial)}, request_id)


def test_booking_decrements_and_gives_reference(db: Connection) -> None:
    slot = slot_where(db, "hospital_id = 'H01' AND day = '2025-06-12' AND remaining > 0")
    [result] = run(db, book(slot["id"], 1))
    assert result["status"] == "accepted"
    assert result["reference"].startswith("YJT-H01-")
    code = result["reference"].rsplit("-", 1)[1]
    assert len(code) == 5 and not set(code) & set("01OI")
    assert remaining(db, slot["id"]) == slot["remaining"] - 1


def test_replay_returns_stored_result_without_second_effect(db: Connection) -> None:
    slot = slot_where(db, "hospital_id = 'H01' AND day = '2025-06-12' AND remaining > 1")
    item = book(slot["id"], 1)
    first = run(db, item)
    again = run(db, item, now=NOW + timedelta(hours=1))
    assert again == first
    assert remaining(db, slot["id"]) == slot["remaining"] - 1


def test_slot_taken_offers_nearest_alternatives(db: Connection) -> None:
    slot = slot_where(db, "hospital_id = 'H01' AND day = '2025-06-12' AND remaining = 0")
    [result] = run(db, book(slot["id"], 1))
    assert result["reason_code"] == "slot_taken"
    alternatives = result["alternatives"]
    assert 1 <= len(alternatives) <= 3
    for alt in alternatives:
        row = db.execute("SELECT * FROM slots WHERE id = ?", (alt,)).fetchone()
        assert row["department_id"] == slot["department_id"] and row["remaining"] > 0


def test_unknown_slot_window_and_cutoff(db: Connection) -> None:
    past = slot_where(db, "hospital_id = 'H01' AND starts_at < ? AND remaining > 0", iso(NOW))
    soon = slot_where(  # H01 closes booking 60 min before the start
        db, "hospital_id = 'H01' AND starts_at = ? AND remaining > 0", "2025-06-11T10:30:00+08:00"
    )
    far = slot_where(db, "hospital_id = 'H02' AND day = '2025-06-19' AND remaining > 0")
    results = run(
        db,
        book("H01-NK-19990101-0830", 1),
        book(past["id"], 2),
        book(soon["id"], 3),
        book(far["id"], 4),
    )
    assert [r["reason_code"] for r in results] == [
        "slot_unknown",
        "past_cutoff",
        "past_cutoff",
        "outside_booking_window",
    ]


def test_duplicate_booking_same_department_same_day(db: Connection) -> None:
    rows = db.execute(
        "SELECT * FROM slots WHERE department_id = 'H01-NK' AND day = '2025-06-12' "
        "AND remaining > 0 ORDER BY starts_at"
    ).fetchall()
    first, second = run(db, book(rows[0]["id"], 7), book(rows[1]["id"], 7))
    assert first["status"] == "accepted"
    assert second["reason_code"] == "duplicate_booking"
    [other_person] = run(db, book(rows[1]["id"], 8))
    assert other_person["status"] == "accepted"


def test_cancel_gives_seat_back_once_and_respects_cutoff(db: Connection) -> None:
    slot = slot_where(db, "hospital_id = 'H01' AND day = '2025-06-13' AND remaining > 0")
    booking = book(slot["id"], 1)
    [booked] = run(db, booking)
    by_ref = envelope("appointment.cancel", {"appointment_reference": booked["reference"]})
    by_id = envelope("appointment.cancel", {"original_request_id": booking["id"]})
    first, second = run(db, by_ref, by_id)
    assert first["status"] == second["status"] == "accepted"
    assert first["reference"] == booked["reference"]
    assert remaining(db, slot["id"]) == slot["remaining"]
    # Too late: H01 needs 24 h; a slot today at 14:00 was bookable at 10:00.
    today = slot_where(
        db, "hospital_id = 'H01' AND starts_at = ? AND remaining > 0", "2025-06-11T14:00:00+08:00"
    )
    late = book(today["id"], 2)
    run(db, late)
    [refused] = run(db, envelope("appointment.cancel", {"original_request_id": late["id"]}))
    assert refused["reason_code"] == "too_late_to_cancel"
    [missing] = run(db, envelope("appointment.cancel", {"appointment_reference": "YJT-H01-ZZZZZ"}))
    assert missing["reason_code"] == "not_found"


def test_another_kiosk_cancels_by_reference_only_for_the_same_person(
    db: Connection,
) -> None:
    slot = slot_where(db, "hospital_id = 'H01' AND day = '2025-06-13' AND remaining > 0")
    [booked] = run(db, book(slot["id"], 1))
    reference = booked["reference"]

    def cancel_from_k2(**extra: Any) -> dict[str, Any]:
        item = envelope("appointment.cancel", {"appointment_reference": reference, **extra})
        [result] = [json.loads(r) for r in fulfilment.process_batch(db, "K2", [item], NOW)]
        return result

    # A reference alone (read off a slip) or someone else's ID: "not found", nothing happens.
    assert cancel_from_k2()["reason_code"] == "not_found"
    assert cancel_from_k2(person=person(2))["reason_code"] == "not_found"
    assert cancel_from_k2(person=person(1, with_id=False))["reason_code"] == "not_found"
    assert remaining(db, slot["id"]) == slot["remaining"] - 1
    done = cancel_from_k2(person=person(1))
    assert done["status"] == "accepted" and done["reference"] == reference
    assert remaining(db, slot["id"]) == slot["remaining"]


def test_working_day_cancel_rule(db: Connection) -> None:
    # H02: cancel by the end of the previous working day. Friday's slot, cancelled
    # on Thursday 23:00 -> fine; Monday's slot cancelled on Saturday -> too late.
    fri = slot_where(db, "hospital_id = 'H02' AND day = '2025-06-13' AND remaining > 0")
    mon = slot_where(db, "hospital_id = 'H02' AND day = '2025-06-16' AND remaining > 0")
    b1, b2 = book(fri["id"], 1), book(mon["id"], 2)
    assert [r["status"] for r in run(db, b1, b2)] == ["accepted", "accepted"]
    thu_late = datetime(2025, 6, 12, 23, 0, tzinfo=SHANGHAI)
    sat = datetime(2025, 6, 14, 9, 0, tzinfo=SHANGHAI)
    [ok] = run(db, envelope("appointment.cancel", {"original_request_id": b1["id"]}), now=thu_late)
    [no] = run(db, envelope("appointment.cancel", {"original_request_id": b2["id"]}), now=sat)
    assert (ok["status"], no["reason_code"]) == ("accepted", "too_late_to_cancel")


def meal(meal_set_id: str, **over: Any) -> dict[str, Any]:
    payload = {
        "meal_set_id": meal_set_id,
        "quantity": 2,
        "fulfilment": "pickup",
        "person": person(1, with_id=False),
        "age_band": "80_plus",
    }
    payload.update(over)
    return envelope("meal.order", payload)


def test_meal_order_price_cutoff_and_cancel(db: Connection) -> None:
    dinner = json.loads(
        db.execute("SELECT json FROM catalogue_items WHERE id = 'C01-20250611-D1'").fetchone()[0]
    )
    order = meal("C01-20250611-D1")
    lunch, ordered, unknown, no_delivery = run(
        db,
        meal("C01-20250611-L1"),
        order,
        meal("C09-20250611-L1"),
        meal("C02-20250612-L1", fulfilment="delivery", address="安馨路1号"),
    )
    assert lunch["reason_code"] == "past_cutoff"
    assert ordered["status"] == "accepted" and ordered["reference"].startswith("YJT-C01-")
    assert ordered["amount_fen"] == round(dinner["price_fen"] * 2 * 0.85)
    assert unknown["reason_code"] == "not_found"
    assert no_delivery["reason_code"] == "validation"
    cancel = envelope("meal.cancel", {"original_request_id": order["id"]})
    after_cutoff = datetime(2025, 6, 11, 14, 0, 1, tzinfo=SHANGHAI)
    [late] = run(db, cancel, now=after_cutoff)
    assert late["reason_code"] == "too_late_to_cancel"
    [ok] = run(db, envelope("meal.cancel", {"original_request_id": order["id"]}))
    assert ok["status"] == "accepted"


def test_bad_items_do_not_block_the_batch(db: Connection) -> None:
    good = envelope("callback.request", {"topic": "benefits", "phone": "13812345678"})
    bad_id = envelope("callback.request", {"topic": "benefits", "phone": "1"})
    results = run(
        db,
        good,
        bad_id,
        {"kind": "callback.request"},
        "not an object",
        envelope("taxi.call", {}),
        dict(good, id=str(uuid.uuid4())),
    )
    assert [r["status"] for r in results] == [
        "accepted",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
        "accepted",
    ]
    assert [r["reason_code"] for r in results[1:5]] == [
        "validation",
        "validation",
        "validation",
        "unknown_kind",
    ]
    assert results[1]["id"] == bad_id["id"]
    assert results[2]["id"] == str(fulfilment.NIL_ID)
    assert "payload.phone" in results[1]["message"]["en"]
    queue = db.execute("SELECT COUNT(*) FROM callbacks WHERE status = 'open'").fetchone()[0]
    assert queue == 2


def test_status_feed_per_kiosk_with_cursor(db: Connection) -> None:
    items = [
        envelope("callback.request", {"topic": "other", "phone": "13812345678"}) for _ in range(5)
    ]
    run(db, *items)
    fulfilment.process_batch(db, "K2", [items[0]], NOW)  # another kiosk, same id
    updates, cursor = fulfilment.status_feed(db, KIOSK, 0, 3)
    assert [json.loads(u)["request_id"] for u in updates] == [i["id"] for i in items[:3]]
    rest, cursor2 = fulfilment.status_feed(db, KIOSK, cursor, 100)
    assert [json.loads(u)["request_id"] for u in rest] == [i["id"] for i in items[3:]]
    assert fulfilment.status_feed(db, KIOSK, cursor2, 100) == ([], cursor2)
    other, _ = fulfilment.status_feed(db, "K2", 0, 100)
    assert len(other) == 1
