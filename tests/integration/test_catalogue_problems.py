"""A catalogue that does not validate is kept out, the others still refresh, the admin is told.

Against the REAL hub: the test edits the hub's own catalogue rows (as a hub operator
publishing a broken rule file would) and bumps the revision so the hub serves them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests

from hub import catalogue_store
from hub.clock import SHANGHAI
from hub.db import connect, write
from kiosk.status import collect_status
from services import benefits, catalogue_problems
from services.catalogue_cache import CatalogueCache
from services.store import Store
from services.sync import sync_once
from services.sync_engine import SyncConfig
from tests.helpers.fault_proxy import FaultProxy
from tests.helpers.hub_process import HubProcess, envelope, person
from tests.helpers.kiosk_side import kiosk_store

CFG = SyncConfig(timeout=(2.0, 5.0))


@pytest.fixture
def hub_db(hub: HubProcess) -> Iterator[sqlite3.Connection]:
    conn = connect(hub.db_path)
    yield conn
    conn.close()


def publish(hub_db: sqlite3.Connection, catalogue: str, item: dict[str, object]) -> None:
    with write(hub_db):
        hub_db.execute(
            "INSERT OR REPLACE INTO catalogue_items (catalogue, id, sort_key, day, json) "
            "VALUES (?, ?, ?, NULL, ?)",
            (catalogue, item["id"], item["id"], json.dumps(item, ensure_ascii=False)),
        )
        catalogue_store.bump_rev(hub_db, catalogue, datetime.now().astimezone())


def withdraw(hub_db: sqlite3.Connection, catalogue: str, item_id: str) -> None:
    with write(hub_db):
        hub_db.execute(
            "DELETE FROM catalogue_items WHERE catalogue = ? AND id = ?", (catalogue, item_id)
        )
        catalogue_store.bump_rev(hub_db, catalogue, datetime.now().astimezone())


def existing(hub_db: sqlite3.Connection, catalogue: str) -> dict[str, object]:
    row = hub_db.execute(
        "SELECT json FROM catalogue_items WHERE catalogue = ? ORDER BY sort_key LIMIT 1",
        (catalogue,),
    ).fetchone()
    return dict(json.loads(row["json"]))


def book_a_seat(hub: HubProcess, token: str) -> None:
    """A valid change to another catalogue (slots) in the same pass."""
    headers = {"Authorization": f"Bearer {token}"}
    slots = requests.get(f"{hub.url}/v1/catalogue/slots", headers=headers, timeout=10).json()
    tomorrow = (datetime.now(SHANGHAI) + timedelta(days=1)).date().isoformat()
    slot = next(s for s in slots["items"] if s["remaining"] > 0 and s["starts_at"] > tomorrow)
    item = envelope("appointment.book", {"slot_id": slot["id"], "person": person(11)})
    reply = requests.post(
        f"{hub.url}/v1/requests", json={"requests": [item]}, headers=headers, timeout=10
    )
    result = reply.json()["results"][0]
    assert result["status"] == "accepted", result


def test_schema_invalid_catalogue_is_kept_out_and_the_rest_refresh(
    hub: HubProcess, hub_token: str, hub_db: sqlite3.Connection, tmp_path: Path
) -> None:
    store = kiosk_store(tmp_path / "kiosk", hub.url, hub_token)
    assert sync_once(store, config=CFG).ok
    with store.connect() as conn:
        hospitals_before = CatalogueCache(conn).items("hospitals")
    # "hospitals" comes first: its failure must not stop slots (or anything after it).
    publish(hub_db, "hospitals", {**existing(hub_db, "hospitals"), "id": "H99", "phone": 5})
    book_a_seat(hub, hub_token)
    report = sync_once(store, config=CFG)
    # Everything else worked (heartbeat, slots), but the pass is not reported as all right.
    assert not report.ok and report.failure == "catalogue" and report.heartbeat
    assert report.catalogues_refused == ["hospitals"]
    assert report.error is not None and report.error.startswith("catalogue hospitals: refused")
    assert "hospitals" not in report.catalogues_updated
    assert "slots" in report.catalogues_updated
    assert set(report.catalogues_unchanged) == {"departments", "canteens", "menus", "benefit_rules"}
    with store.connect() as conn:
        assert CatalogueCache(conn).items("hospitals") == hospitals_before
        [problem] = catalogue_problems.problems(conn)
    assert problem.catalogue == "hospitals"
    assert "does not match the protocol" in problem.problem and "phone" in problem.problem
    assert "is still used" in problem.problem
    # The admin sees it in `yijiantong status`.
    status = collect_status(str(tmp_path / "kiosk"))
    assert [p["catalogue"] for p in status["catalogue_problems"]] == ["hospitals"]
    assert status["catalogue_problems"][0]["at"].startswith(str(problem.at.year))
    # The hub takes the bad row back: the same version as ours, a 304, the problem is gone.
    withdraw(hub_db, "hospitals", "H99")
    again = sync_once(store, config=CFG)
    assert again.ok and "hospitals" in again.catalogues_unchanged
    assert collect_status(str(tmp_path / "kiosk"))["catalogue_problems"] == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "moon_pension"}, "items.0.kind"),
        ({"kind": "meal_discount", "pay_percent": None}, "(meal_discount) has no pay_percent"),
        ({"amount_fen": "75"}, "amount_fen"),
    ],
)
def test_bad_benefit_rules_keep_the_previous_rules(
    hub: HubProcess,
    *,
    hub_token: str,
    hub_db: sqlite3.Connection,
    tmp_path: Path,
    change: dict[str, object],
    message: str,
) -> None:
    store = kiosk_store(tmp_path / "kiosk", hub.url, hub_token)
    assert sync_once(store, config=CFG).ok
    with store.connect() as conn:
        rules_before = benefits.load_rules(conn)
    assert rules_before
    publish(hub_db, "benefit_rules", {**existing(hub_db, "benefit_rules"), "id": "0bad", **change})
    report = sync_once(store, config=CFG)
    assert not report.ok and report.failure == "catalogue", report
    assert report.catalogues_refused == ["benefit_rules"] and message in (report.error or "")
    assert "benefit_rules" not in report.catalogues_updated
    with store.connect() as conn:
        assert benefits.load_rules(conn) == rules_before
        [problem] = catalogue_problems.as_json(conn)
    assert problem["catalogue"] == "benefit_rules" and message in problem["problem"]


def test_garbled_catalogue_is_recorded_others_refresh_and_the_pass_is_retried(
    hub: HubProcess, hub_token: str, hub_db: sqlite3.Connection, tmp_path: Path
) -> None:
    with FaultProxy("127.0.0.1", hub.port, lifetime=60) as proxy:
        store = kiosk_store(tmp_path / "kiosk", proxy.url, hub_token)
        assert sync_once(store, config=CFG).ok
        # A new rule that agrees with the others (same amount as the band it overlaps).
        rule = json.loads(
            hub_db.execute(
                "SELECT json FROM catalogue_items WHERE catalogue = 'benefit_rules' AND id = ?",
                ("oaa-100",),
            ).fetchone()["json"]
        )
        publish(hub_db, "benefit_rules", {**rule, "id": "zz-new"})
        proxy.set_fault("malformed_json", path="/v1/catalogue/hospitals", times=1)
        report = sync_once(store, config=CFG)
        assert not report.ok and "malformed reply" in (report.error or "")
        assert "benefit_rules" in report.catalogues_updated  # after hospitals, still refreshed
        with store.connect() as conn:
            assert any(r.id == "zz-new" for r in benefits.load_rules(conn))
            assert [p.catalogue for p in catalogue_problems.problems(conn)] == ["hospitals"]
        assert sync_once(store, config=CFG).ok
        with Store(tmp_path / "kiosk").connect() as conn:
            assert catalogue_problems.problems(conn) == []
