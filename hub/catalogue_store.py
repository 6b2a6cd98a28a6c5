"""Catalogue rows: writing demo/imported items, serving them with a strong ETag.

Static catalogues are stored as the item's canonical JSON (``model_dump_json``);
slots live in their own table because bookings change ``remaining``. Each
catalogue has a revision counter bumped in the same transaction as any change,
so the serialised body (and its hash) is cached per revision instead of being
rebuilt for every kiosk poll.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel

from hub.clock import iso
from hub.db import Connection, Row, snapshot
from services.protocol import (
    CATALOGUE_NAMES,
    Canteen,
    Hospital,
    LocalizedText,
    MealSet,
    Slot,
)

_DAY_SCOPED = {"menus"}  # catalogue_items rows with a day: only today onwards are served


def _sort_key(name: str, item: BaseModel) -> tuple[str, str | None]:
    if isinstance(item, MealSet):
        return f"{item.date.isoformat()}|{item.canteen_id}|{item.id}", item.date.isoformat()
    return str(getattr(item, "id", "")), None


def bump_rev(conn: Connection, name: str, now: datetime) -> None:
    conn.execute(
        "INSERT INTO catalogue_revs (catalogue, rev, changed_at) VALUES (?, 1, ?) "
        "ON CONFLICT (catalogue) DO UPDATE SET rev = catalogue_revs.rev + 1, "
        "changed_at = excluded.changed_at",
        (name, iso(now)),
    )


def insert_items(conn: Connection, name: str, items: Sequence[BaseModel], now: datetime) -> int:
    """Insert static catalogue items not yet present; returns how many were new."""
    if name not in CATALOGUE_NAMES or name == "slots":
        raise ValueError(f"not a static catalogue: {name}")
    added = 0
    for item in items:
        key, day = _sort_key(name, item)
        cur = conn.execute(
            "INSERT INTO catalogue_items (catalogue, id, sort_key, day, json) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (name, getattr(item, "id", key), key, day, item.model_dump_json()),
        )
        added += cur.rowcount
    if added:
        bump_rev(conn, name, now)
    return added


def insert_slots(conn: Connection, slots: Sequence[Slot], now: datetime) -> int:
    added = 0
    for s in slots:
        cur = conn.execute(
            "INSERT INTO slots (id, hospital_id, department_id, day, starts_at, "
            "ends_at, capacity, remaining, senior_reserved, fee_fen, doctor_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (
                s.id,
                s.hospital_id,
                s.department_id,
                s.starts_at.date().isoformat(),
                iso(s.starts_at),
                iso(s.ends_at),
                s.capacity,
                s.remaining,
                int(s.senior_reserved),
                s.fee_fen,
                s.doctor.model_dump_json(),
            ),
        )
        added += cur.rowcount
    if added:
        bump_rev(conn, "slots", now)
    return added


def slot_from_row(row: Row) -> Slot:
    return Slot(
        id=row["id"],
        hospital_id=row["hospital_id"],
        department_id=row["department_id"],
        doctor=LocalizedText.model_validate_json(row["doctor_json"]),
        starts_at=datetime.fromisoformat(row["starts_at"]),
        ends_at=datetime.fromisoformat(row["ends_at"]),
        capacity=row["capacity"],
        remaining=row["remaining"],
        senior_reserved=bool(row["senior_reserved"]),
        fee_fen=row["fee_fen"],
    )


def _slot_json(row: Row) -> str:
    # Same shape and field order as Slot.model_dump_json(), built without a model
    # per row: the slot catalogue has thousands of rows and is re-served after
    # every booking.
    return (
        f'{{"id":{json.dumps(row["id"])},"hospital_id":{json.dumps(row["hospital_id"])},'
        f'"department_id":{json.dumps(row["department_id"])},"doctor":{row["doctor_json"]},'
        f'"starts_at":"{row["starts_at"]}","ends_at":"{row["ends_at"]}",'
        f'"capacity":{row["capacity"]},"remaining":{row["remaining"]},'
        f'"senior_reserved":{"true" if row["senior_reserved"] else "false"},'
        f'"fee_fen":{row["fee_fen"]}}}'
    )


@dataclass(frozen=True)
class CatalogueBody:
    body: bytes
    etag: str  # quoted strong ETag, e.g. '"3f2a…"'


class CatalogueCache:
    """Serialised catalogue bodies keyed by (name, revision, today)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple[int, str], CatalogueBody]] = {}

    def get(self, conn: Connection, name: str, today: date) -> CatalogueBody:
        row = conn.execute(
            "SELECT rev, changed_at FROM catalogue_revs WHERE catalogue = ?", (name,)
        ).fetchone()
        rev = 0 if row is None else int(row[0])
        key = (rev, today.isoformat())
        with self._lock:
            hit = self._cache.get(name)
        if hit is not None and hit[0] == key:
            return hit[1]
        built_rev, built = _build(conn, name, today)
        with self._lock:
            self._cache[name] = ((built_rev, today.isoformat()), built)
        return built


def _build(conn: Connection, name: str, today: date) -> tuple[int, CatalogueBody]:
    # Read the revision and the rows in one snapshot so the body matches its revision (the
    # cache is per process; the revision in the database is what all processes agree on).
    with snapshot(conn):
        found = conn.execute(
            "SELECT rev, changed_at FROM catalogue_revs WHERE catalogue = ?", (name,)
        ).fetchone()
        rev, changed_at = (0, "1970-01-01T08:00:00+08:00") if found is None else tuple(found)
        if name == "slots":
            rows = conn.execute(
                "SELECT * FROM slots WHERE day >= ? ORDER BY starts_at, id", (today.isoformat(),)
            ).fetchall()
            parts = [_slot_json(r) for r in rows]
        elif name in _DAY_SCOPED:
            rows = conn.execute(
                "SELECT json FROM catalogue_items WHERE catalogue = ? AND day >= ? "
                "ORDER BY sort_key",
                (name, today.isoformat()),
            ).fetchall()
            parts = [r["json"] for r in rows]
        else:
            rows = conn.execute(
                "SELECT json FROM catalogue_items WHERE catalogue = ? ORDER BY sort_key", (name,)
            ).fetchall()
            parts = [r["json"] for r in rows]
    items = "[" + ",".join(parts) + "]"
    version = hashlib.sha256(items.encode()).hexdigest()[:32]
    body = f'{{"items":{items},"version":"{version}","generated_at":"{changed_at}"}}'
    return int(rev), CatalogueBody(body=body.encode(), etag=f'"{version}"')


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 If-None-Match: weak comparison, list of tags or ``*``."""
    if not if_none_match:
        return False
    for candidate in if_none_match.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def get_hospital(conn: Connection, hospital_id: str) -> Hospital | None:
    row = conn.execute(
        "SELECT json FROM catalogue_items WHERE catalogue = 'hospitals' AND id = ?",
        (hospital_id,),
    ).fetchone()
    return None if row is None else Hospital.model_validate_json(row["json"])


def get_meal_set(conn: Connection, meal_set_id: str) -> MealSet | None:
    row = conn.execute(
        "SELECT json FROM catalogue_items WHERE catalogue = 'menus' AND id = ?", (meal_set_id,)
    ).fetchone()
    return None if row is None else MealSet.model_validate_json(row["json"])


def get_canteen(conn: Connection, canteen_id: str) -> Canteen | None:
    row = conn.execute(
        "SELECT json FROM catalogue_items WHERE catalogue = 'canteens' AND id = ?", (canteen_id,)
    ).fetchone()
    return None if row is None else Canteen.model_validate_json(row["json"])


def has_data(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM catalogue_items LIMIT 1").fetchone() is not None
