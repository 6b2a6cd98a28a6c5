"""Kiosk-side helpers for sync integration tests: a store wired to a hub, and hub-DB checks."""

from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter
from pathlib import Path
from uuid import UUID

from services.outbox import Outbox
from services.store import KEY_HUB_URL, KEY_TOKEN, Store

CALLBACK = {"topic": "benefits", "phone": "13800138000", "note": "call me"}


def kiosk_store(data_dir: Path, hub_url: str, token: str) -> Store:
    store = Store(data_dir)
    with store.connect() as conn:
        conn.set(KEY_HUB_URL, hub_url)
        conn.set(KEY_TOKEN, token)
    return store


def enqueue_callbacks(store: Store, n: int) -> list[UUID]:
    with store.connect() as conn:
        return [Outbox.enqueue(conn, "callback.request", CALLBACK) for _ in range(n)]


def hub_effects(hub_db: Path) -> tuple[Counter[str], Counter[str]]:
    """(request ids the hub recorded, request ids of the callbacks it created)."""
    with contextlib.closing(sqlite3.connect(f"file:{hub_db}?mode=ro", uri=True)) as conn:
        conn.execute("PRAGMA busy_timeout = 10000")
        recorded = Counter(str(r[0]) for r in conn.execute("SELECT id FROM requests"))
        effects = Counter(str(r[0]) for r in conn.execute("SELECT request_id FROM callbacks"))
    return recorded, effects


def assert_exactly_once(hub_db: Path, ids: list[UUID]) -> None:
    recorded, effects = hub_effects(hub_db)
    missing = [i for i in ids if recorded[str(i)] == 0]
    doubled = [i for i in ids if recorded[str(i)] > 1 or effects[str(i)] > 1]
    no_effect = [i for i in ids if effects[str(i)] != 1]
    assert not missing, f"{len(missing)} request(s) never reached the hub"
    assert not doubled, f"{len(doubled)} request(s) were applied more than once"
    assert not no_effect, f"{len(no_effect)} request(s) have no single callback row"
