"""Meals end to end with the REAL hub process: the kiosk service orders through the outbox
and sync, the hub accepts at the price shown, and the hub's clock-driven progression (and
an operator's status change) reach ``my_orders`` through the status feed. The hub's clock
is fixed with YIJIANTONG_HUB_NOW; moving it on means restarting the hub on the same file.
Also: concurrent orders over HTTP for the last portion of a set."""

from __future__ import annotations

import contextlib
import json
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from threading import Barrier
from typing import Any

import requests

from hub.clock import SHANGHAI
from services import meals
from services.identity import parse_resident_id
from services.meal_rules import MealFacts
from services.store import Store
from services.sync import sync_once
from services.sync_engine import SyncConfig
from tests.helpers.hub_process import HubProcess, envelope, free_port, person, resident_id
from tests.helpers.kiosk_side import kiosk_store

BOTH_ENGINES = True  # each test runs on SQLite and on PostgreSQL

START = "2025-06-11T09:00:00+08:00"  # Wednesday, 30 min before the lunch cut-off
KIOSK_NOW = datetime(2025, 6, 11, 9, 0, tzinfo=SHANGHAI)
CFG = SyncConfig(timeout=(3.0, 10.0), backoff_base=0.05, backoff_cap=0.2)
ANN = parse_resident_id(resident_id(7, birth="19400312"), today=KIOSK_NOW.date())  # 85
HUKOU = MealFacts(hukou=True, income_status="none")
TIMEOUT = 30


def synced(store: Store) -> None:
    report = sync_once(store, config=CFG)
    assert report.ok, report.error


def statuses(store: Store) -> dict[str, str]:
    with store.connect() as conn:
        return {v.meal.id: v.status for v in meals.my_orders(conn, ANN, KIOSK_NOW)}


def hub_orders(hub: HubProcess) -> dict[str, Any]:
    with contextlib.closing(hub.connect()) as conn:
        return {r["meal_set_id"]: r for r in conn.execute("SELECT * FROM meal_orders")}


def test_orders_progress_from_the_hub_clock_to_my_orders(
    tmp_path: Path, hub_database: str | None
) -> None:
    hub_dir, port = tmp_path / "hub", free_port()
    with HubProcess(hub_dir, port=port, now=START, database=hub_database) as hub:
        store = kiosk_store(tmp_path / "kiosk", hub.url, hub.enrol("meals"))
        synced(store)  # catalogues
        with store.connect() as conn:
            offers = meals.menu(conn, "C01", KIOSK_NOW, age=ANN.age, facts=HUKOU, person=ANN)
            lunch = next(o for o in offers if o.meal.meal == "lunch" and o.open)
            dinner = next(o for o in offers if o.meal.meal == "dinner")
            later = next(o for o in offers if o.meal.date > KIOSK_NOW.date())
            orders = {}
            for chosen, how in ((lunch, "pickup"), (dinner, "delivery"), (later, "dine_in")):
                orders[chosen.id] = meals.order(
                    conn,
                    ANN,
                    chosen.id,
                    quantity=1,
                    fulfilment=how,
                    now=KIOSK_NOW,
                    facts=HUKOU,
                    quoted_total_fen=chosen.quote.total_fen,
                    address="康乐路35弄2号" if how == "delivery" else None,
                )
            meals.cancel(conn, orders[later.id], KIOSK_NOW)
        synced(store)
        assert statuses(store) == {
            lunch.id: meals.RECEIVED,
            dinner.id: meals.RECEIVED,
            later.id: meals.CANCELLED,
        }
        stored = hub_orders(hub)
        with store.connect() as conn:
            for chosen in (lunch, dinner):
                view = meals.get_order(conn, orders[chosen.id])
                assert view is not None and view.reference == stored[chosen.id]["reference"]
                # The hub charged exactly what the kiosk showed (discount and subsidy alike).
                assert view.total_fen == chosen.quote.total_fen == stored[chosen.id]["amount_fen"]
        assert stored[dinner.id]["address"] == "康乐路35弄2号"
        assert ANN.number not in json.dumps([dict(r) for r in stored.values()])

    # 10:31: lunch (service from 10:30) went through preparing to ready for pickup.
    with HubProcess(
        hub_dir, port=port, now="2025-06-11T10:31:00+08:00", database=hub_database
    ) as hub:
        synced(store)
        assert statuses(store)[lunch.id] == meals.READY_FOR_PICKUP
        assert statuses(store)[dinner.id] == meals.RECEIVED
        reference = stored[lunch.id]["reference"]
        hub.cli("meals", "set-status", reference, "delivered")  # handed over at the counter
        synced(store)
        assert statuses(store)[lunch.id] == meals.DELIVERED

    # 18:01: the delivery went out at 16:30 and was delivered at 18:00.
    with HubProcess(
        hub_dir, port=port, now="2025-06-11T18:01:00+08:00", database=hub_database
    ) as hub:
        synced(store)
        assert statuses(store)[dinner.id] == meals.DELIVERED
        listed = json.loads(hub.cli("meals", "list", "--date", "2025-06-11"))
        assert {row["status"] for row in listed} == {"delivered"}


def test_concurrent_orders_for_the_last_portion(tmp_path: Path, hub_database: str | None) -> None:
    with HubProcess(tmp_path / "hub", now=START, database=hub_database) as hub:
        sessions = []
        for n in range(3):
            session = requests.Session()
            session.headers["Authorization"] = f"Bearer {hub.enrol(f'kiosk-{n}')}"
            sessions.append(session)
        menus = sessions[0].get(f"{hub.url}/v1/catalogue/menus", timeout=TIMEOUT).json()
        target = next(m for m in menus["items"] if m["id"] == "C03-20250612-L2")
        capacity = int(target["capacity"])

        def order(serial: int, quantity: int = 1) -> dict[str, Any]:
            return envelope(
                "meal.order",
                {
                    "meal_set_id": target["id"],
                    "quantity": quantity,
                    "fulfilment": "pickup",
                    "person": {**person(serial, with_id=False), "person_key": f"key-{serial:06d}"},
                    "age_band": "60_79",
                },
            )

        # Fill it to one portion short, five at a time.
        fill = [order(1000 + n, 5) for n in range((capacity - 1) // 5)]
        fill += [order(2000 + n) for n in range((capacity - 1) % 5)]
        response = sessions[0].post(
            f"{hub.url}/v1/requests", json={"requests": fill}, timeout=TIMEOUT
        )
        assert {r["status"] for r in response.json()["results"]} == {"accepted"}
        contenders = 24
        barrier = Barrier(contenders)

        def attempt(n: int) -> str:
            item = order(n)
            barrier.wait(timeout=TIMEOUT)
            with requests.Session() as session:  # a Session is not thread-safe
                session.headers.update(sessions[n % 3].headers)
                reply = session.post(
                    f"{hub.url}/v1/requests", json={"requests": [item]}, timeout=TIMEOUT
                )
            assert reply.status_code == 200, reply.text
            result = reply.json()["results"][0]
            return str(result["reason_code"] or result["status"])

        with ThreadPoolExecutor(max_workers=contenders) as pool:
            outcomes = sorted(pool.map(attempt, range(contenders)))
        assert outcomes == ["accepted"] + ["sold_out"] * (contenders - 1)
        taken = sum(quantity for (quantity,) in _quantities(hub, target["id"]))
        assert taken == capacity
        for session in sessions:
            session.close()


def _quantities(hub: HubProcess, meal_set_id: str) -> list[tuple[int]]:
    with contextlib.closing(hub.connect()) as conn:
        return conn.execute(
            "SELECT quantity FROM meal_orders WHERE meal_set_id = ?", (meal_set_id,)
        ).fetchall()
