"""Meal fulfilment at the hub, in-process against a demo database at fixed instants:
cut-off, capacity (with real threads on one SQLite file), price check, the daily subsidy,
progression by the clock, operator status changes, cancelling, the CLI."""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hub import cli, fulfilment, meal_progress
from hub.clock import SHANGHAI
from hub.db import Connection, Database, Row, connect
from hub.opening import init_db
from services.protocol import MealSet
from tests.helpers.hub_process import envelope, person
from tests.unit.hub.conftest import NOW

KIOSK = "K1"
KEY = "kiosk-key-0001"
TOMORROW_LUNCH = "C01-20250612-L1"
DINNER = "C01-20250611-D1"  # today: cut-off 14:00, served 16:30-18:00


def at(hh: int, mm: int = 0, ss: int = 0, day: int = 11) -> datetime:
    return datetime(2025, 6, day, hh, mm, ss, tzinfo=SHANGHAI)


def run(db: Connection, *items: Any, now: datetime = NOW) -> list[dict[str, Any]]:
    return [json.loads(r) for r in fulfilment.process_batch(db, KIOSK, list(items), now)]


def order(meal_set_id: str, **over: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "meal_set_id": meal_set_id,
        "quantity": 1,
        "fulfilment": "pickup",
        "person": {**person(1, with_id=False), "person_key": KEY},
        "age_band": "80_plus",
    }
    key = over.pop("key", KEY)
    payload["person"]["person_key"] = key
    if key is None:
        del payload["person"]["person_key"]
    payload.update(over)
    return envelope("meal.order", payload)


def cancel(original: dict[str, Any]) -> dict[str, Any]:
    return envelope("meal.cancel", {"original_request_id": original["id"]})


def meal(db: Connection, meal_set_id: str) -> MealSet:
    row = db.execute("SELECT json FROM catalogue_items WHERE id = ?", (meal_set_id,)).fetchone()
    return MealSet.model_validate_json(row[0])


def set_meal(db: Connection, meal_set_id: str, **fields: Any) -> None:
    changed = meal(db, meal_set_id).model_copy(update=fields)
    db.execute(
        "UPDATE catalogue_items SET json = ? WHERE id = ?",
        (changed.model_dump_json(), meal_set_id),
    )


def row(db: Connection, reference: str) -> Row:
    found = db.execute("SELECT * FROM meal_orders WHERE reference = ?", (reference,)).fetchone()
    assert found is not None
    return found  # type: ignore[no-any-return]


def feed(db: Connection, request_id: str) -> list[tuple[str, str]]:
    """(status, at) of the status updates for one request, in feed order."""
    updates, _ = fulfilment.status_feed(db, KIOSK, 0, 1000)
    parsed = [json.loads(u) for u in updates]
    return [(u["status"], u["at"]) for u in parsed if u["request_id"] == request_id]


# -- ordering ------------------------------------------------------------------------------


def test_cutoff_is_exclusive(db: Connection) -> None:
    today_lunch = "C01-20250611-L1"
    [late] = run(db, order(today_lunch))
    assert late["reason_code"] == "past_cutoff"
    [edge] = run(db, order(TOMORROW_LUNCH), now=at(9, 30, day=12))
    [ok] = run(db, order(TOMORROW_LUNCH), now=at(9, 29, 59, day=12))
    assert (edge["reason_code"], ok["status"]) == ("past_cutoff", "accepted")
    [unknown] = run(db, order("C01-20990101-L1"))
    assert unknown["reason_code"] == "not_found"


def test_capacity_counts_quantities_and_frees_on_cancel(db: Connection) -> None:
    set_meal(db, TOMORROW_LUNCH, capacity=5)
    first = order(TOMORROW_LUNCH, quantity=4)
    results = run(db, first, order(TOMORROW_LUNCH, quantity=2), order(TOMORROW_LUNCH))
    assert [r["reason_code"] for r in results] == [None, "sold_out", None]
    assert "sold out" in results[1]["message"]["en"]
    [full] = run(db, order(TOMORROW_LUNCH))
    assert full["reason_code"] == "sold_out"
    run(db, cancel(first))
    [again] = run(db, order(TOMORROW_LUNCH, quantity=4))
    assert again["status"] == "accepted"


def test_last_portions_go_to_exactly_capacity_concurrent_orders(
    db: Connection, database: Database
) -> None:
    set_meal(db, TOMORROW_LUNCH, capacity=5)
    contenders = 16
    barrier = threading.Barrier(contenders)
    results: list[dict[str, Any]] = []
    lock = threading.Lock()

    def attempt(n: int) -> None:
        item = order(TOMORROW_LUNCH, key=f"kiosk-key-{n:04d}")
        barrier.wait(timeout=30)
        [result] = database.run(
            lambda conn: fulfilment.process_batch(conn, f"K{n % 3}", [item], NOW)
        )
        with lock:
            results.append(json.loads(result))

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(contenders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(results) == contenders
    statuses = sorted(r["reason_code"] or "accepted" for r in results)
    assert statuses == ["accepted"] * 5 + ["sold_out"] * (contenders - 5)
    taken = db.execute(
        "SELECT SUM(quantity) FROM meal_orders WHERE meal_set_id = ?", (TOMORROW_LUNCH,)
    ).fetchone()[0]
    assert taken == 5


def test_price_changed_when_the_quote_differs(db: Connection) -> None:
    set_meal(db, TOMORROW_LUNCH, price_fen=1400)
    wrong, right, unquoted = run(
        db,
        order(TOMORROW_LUNCH, quoted_amount_fen=1400),
        order(TOMORROW_LUNCH, quoted_amount_fen=1190),  # 85 % of ¥14
        order(TOMORROW_LUNCH, age_band="60_79"),
    )
    assert wrong["reason_code"] == "price_changed" and "price" in wrong["message"]["en"]
    assert (right["status"], right["amount_fen"]) == ("accepted", 1190)
    assert unquoted["amount_fen"] == 1260  # 90 %, no quote to check against


def test_subsidy_once_per_person_per_meal_day(db: Connection) -> None:
    for meal_id in (TOMORROW_LUNCH, "C01-20250612-L2", "C01-20250613-L1"):
        set_meal(db, meal_id, price_fen=1500)
    facts = {"hukou": True, "income_status": "none"}
    first = order(TOMORROW_LUNCH, **facts, quoted_amount_fen=975)  # 1275 - ¥3
    a, b_wrong, b, other, no_key, next_day = run(
        db,
        first,
        order("C01-20250612-L2", **facts, quoted_amount_fen=975),
        order("C01-20250612-L2", **facts, quoted_amount_fen=1275),
        order(TOMORROW_LUNCH, key="kiosk-key-0002", **facts),
        order(TOMORROW_LUNCH, key=None, **facts),
        order("C01-20250613-L1", **facts),
    )
    assert a["amount_fen"] == 975 and row(db, a["reference"])["subsidy_fen"] == 300
    assert b_wrong["reason_code"] == "price_changed"
    assert b["amount_fen"] == 1275 and row(db, b["reference"])["subsidy_fen"] == 0
    assert other["amount_fen"] == 975  # another person
    assert no_key["amount_fen"] == 1275  # no key: once a day cannot be kept, so none
    assert next_day["amount_fen"] == 975
    # Cancelling the subsidised order gives the day's subsidy back.
    run(db, cancel(first))
    [again] = run(db, order(TOMORROW_LUNCH, **facts, quoted_amount_fen=975))
    assert again["status"] == "accepted"


def test_fulfilment_and_delivery_age_band(db: Connection) -> None:
    address = {"address": "康乐路1号"}
    young, old, pointless = run(
        db,
        order(TOMORROW_LUNCH, fulfilment="delivery", age_band="60_79", **address),
        order(TOMORROW_LUNCH, fulfilment="delivery", **address, phone="13800138000"),
        order("C02-20250612-L1", fulfilment="delivery", **address),  # C02 does not deliver
    )
    assert young["reason_code"] == "validation" and "80+" in young["message"]["en"]
    assert old["status"] == "accepted"
    stored = row(db, old["reference"])
    assert (stored["address"], stored["phone"], stored["person_key"]) == (
        "康乐路1号",
        "13800138000",
        KEY,
    )
    assert pointless["reason_code"] == "validation"


# -- progression ---------------------------------------------------------------------------


def test_progression_by_the_clock_at_its_boundaries(db: Connection) -> None:
    pickup, delivery = order(DINNER), order(DINNER, fulfilment="delivery", address="福寿路2号")
    run(db, pickup, delivery)
    steps = [
        (at(15, 29, 59), 0, "received"),
        (at(15, 30), 2, "preparing"),  # 60 min before the 16:30 service
        (at(16, 29, 59), 0, "preparing"),
        (at(16, 30), 2, None),
        (at(17, 59, 59), 0, None),
        (at(18, 0), 2, "delivered"),
        (at(23, 0), 0, "delivered"),
    ]
    for moment, changed, status in steps:
        assert meal_progress.advance(db, moment) == changed, moment
        if status is not None:
            assert {row(db, r["reference"])["status"] for r in _refs(db)} == {status}
    assert feed(db, pickup["id"]) == [
        ("accepted", "2025-06-11T10:00:00+08:00"),
        ("preparing", "2025-06-11T15:30:00+08:00"),
        ("ready_for_pickup", "2025-06-11T16:30:00+08:00"),
        ("delivered", "2025-06-11T18:00:00+08:00"),
    ]
    assert [s for s, _ in feed(db, delivery["id"])][2] == "out_for_delivery"


def _refs(db: Connection) -> list[Row]:
    return db.execute("SELECT reference FROM meal_orders").fetchall()


def test_a_late_poll_applies_every_missed_step_in_order(db: Connection) -> None:
    item = order(DINNER)
    run(db, item)
    assert meal_progress.advance(db, at(20, 0)) == 3
    assert [s for s, _ in feed(db, item["id"])] == [
        "accepted",
        "preparing",
        "ready_for_pickup",
        "delivered",
    ]
    assert row(db, _refs(db)[0]["reference"])["next_at"] is None


# -- operators -----------------------------------------------------------------------------


def test_operator_transitions(db: Connection) -> None:
    pickup, delivery = order(TOMORROW_LUNCH), order(DINNER, fulfilment="delivery", address="x")
    first, second = run(db, pickup, delivery)
    ref, dref = first["reference"], second["reference"]
    set_status = meal_progress.set_status

    def refused(reference: str, status: str) -> str:
        with pytest.raises(meal_progress.MealStatusError) as info:
            set_status(db, reference, status, NOW)
        return info.value.code

    assert refused(ref, "out_for_delivery") == "not_allowed"  # a pickup order
    assert refused(ref, "eaten") == "invalid_status"
    assert refused("YJT-C01-NOPE1", "preparing") == "not_found"
    assert set_status(db, ref, "ready_for_pickup", NOW) == "ready_for_pickup"  # may skip ahead
    assert set_status(db, ref, "ready_for_pickup", NOW) == "ready_for_pickup"  # no-op
    assert refused(ref, "preparing") == "not_allowed"  # never backwards
    assert refused(ref, "cancelled") == "not_allowed"  # already handed over
    assert set_status(db, ref, "delivered", NOW) == "delivered"
    assert set_status(db, dref, "preparing", NOW) == "preparing"
    assert set_status(db, dref, "cancelled", NOW) == "cancelled"
    assert [s for s, _ in feed(db, pickup["id"])] == ["accepted", "ready_for_pickup", "delivered"]
    updates = [json.loads(u) for u in fulfilment.status_feed(db, KIOSK, 0, 100)[0]]
    cancelled = [u for u in updates if u["request_id"] == delivery["id"]][-1]
    assert cancelled["status"] == "cancelled" and cancelled["kind"] == "meal.order"
    assert "canteen cancelled" in cancelled["message"]["en"]
    # Clock progression does not touch finished orders.
    assert meal_progress.advance(db, at(20, 0)) == 0


def test_cancel_before_and_after_cutoff_and_after_handover(db: Connection) -> None:
    early, late, handed = order(TOMORROW_LUNCH), order(DINNER), order("C01-20250612-L2")
    run(db, early, late, handed)
    [ok] = run(db, cancel(early))
    [again] = run(db, cancel(early))
    [too_late] = run(db, cancel(late), now=at(14, 0))
    meal_progress.set_status(db, run(db, handed)[0]["reference"], "ready_for_pickup", NOW)
    [picked] = run(db, cancel(handed))
    assert ok["status"] == "accepted" and again["status"] == "accepted"
    assert too_late["reason_code"] == "too_late_to_cancel"
    assert picked["reason_code"] == "too_late_to_cancel"
    assert [s for s, _ in feed(db, early["id"])] == ["accepted", "cancelled"]
    assert row(db, ok["reference"])["next_at"] is None


# -- database and CLI ----------------------------------------------------------------------


def test_an_older_database_gains_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE meal_orders (reference TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, "
        "request_id TEXT NOT NULL, meal_set_id TEXT NOT NULL, quantity INTEGER NOT NULL, "
        "fulfilment TEXT NOT NULL, amount_fen INTEGER NOT NULL, masked_id TEXT NOT NULL, "
        "status TEXT NOT NULL, UNIQUE (kiosk_id, request_id))"
    )
    old.execute(
        "INSERT INTO meal_orders VALUES ('YJT-C01-AAAAA', 'K', 'r', 'm', 1, 'pickup', 1, "
        "'3101**********1234', 'ordered')"
    )
    old.commit()
    old.close()
    init_db(path)
    init_db(path)  # and again: nothing to add
    conn = connect(path)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(meal_orders)")}
    assert {"person_key", "subsidy_fen", "next_at", "service_start"} <= columns
    assert conn.execute("SELECT subsidy_fen FROM meal_orders").fetchone()[0] == 0
    conn.close()


def test_cli_lists_and_sets_status(
    db: Connection,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    [placed] = run(db, order(TOMORROW_LUNCH, quantity=2))
    path = database.target
    monkeypatch.setenv("YIJIANTONG_HUB_NOW", (NOW + timedelta(days=1)).isoformat())
    assert cli.main(["meals", "list", "--db", path]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    # The list applies the clock first: 10:00 the next day is after 09:30, so preparing.
    assert (listed["reference"], listed["quantity"], listed["status"]) == (
        placed["reference"],
        2,
        "preparing",
    )
    assert listed["masked_id"].count("*") == 10
    assert cli.main(["meals", "set-status", placed["reference"], "delivered", "--db", path]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "delivered"
    assert cli.main(["meals", "set-status", placed["reference"], "preparing", "--db", path]) == 1
    assert "cannot become preparing" in capsys.readouterr().err
    assert cli.main(["meals", "list", "--date", "2025-06-13", "--db", path]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert uuid.UUID(placed["id"])
