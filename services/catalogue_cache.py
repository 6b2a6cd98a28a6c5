"""Local cache of the hub's catalogues, with ETags and their age for offline display.

Each catalogue body is kept as validated JSON with its ETag. Slots, the one catalogue that is
large and queried interactively, also go into the indexed ``catalogue_slots`` table so the
booking screen can list a department's slots for a day in well under a millisecond.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import BaseModel

from services import protocol
from services.store import StoreConnection, iso, parse_iso, utcnow

# Catalogues whose items live in a typed table instead of the catalogue body.
_TABLED = {"slots"}


@dataclass(frozen=True, slots=True)
class CacheEntry:
    name: str
    etag: str | None
    version: str
    fetched_at: datetime  # when this content arrived
    checked_at: datetime  # when the hub last confirmed it (200 or 304)

    def age(self, now: datetime | None = None) -> timedelta:
        """How old the information is: time since the hub last confirmed it."""
        return (now or utcnow()) - self.checked_at


class CatalogueCache:
    """Read/write access to cached catalogues over the calling thread's connection."""

    def __init__(self, conn: StoreConnection) -> None:
        self.conn = conn

    def entry(self, name: str) -> CacheEntry | None:
        rows = self.conn.query(
            "SELECT name, etag, body, fetched_at, checked_at FROM catalogues WHERE name = ?",
            (name,),
        )
        if not rows:
            return None
        row = rows[0]
        fetched, checked = parse_iso(row["fetched_at"]), parse_iso(row["checked_at"])
        assert fetched is not None and checked is not None
        version = json.loads(row["body"]).get("version", "")
        return CacheEntry(row["name"], row["etag"], str(version), fetched, checked)

    def etag(self, name: str) -> str | None:
        value = self.conn.scalar("SELECT etag FROM catalogues WHERE name = ?", (name,))
        return None if value is None else str(value)

    def entries(self) -> list[CacheEntry]:
        found = [self.entry(n) for n in protocol.CATALOGUE_NAMES]
        return [e for e in found if e is not None]

    # -- writes (sync thread) -----------------------------------------------------------------
    def store(self, name: str, catalogue: BaseModel, etag: str | None) -> None:
        """Replace ``name`` with a freshly fetched, already validated catalogue."""
        stamp = iso(utcnow())
        data: dict[str, Any] = catalogue.model_dump(mode="json")
        if name in _TABLED:
            data["items"] = None  # kept in the typed table below
        with self.conn.transaction():
            if name == "slots":
                self._replace_slots(catalogue)
            self.conn.raw.execute(
                "INSERT INTO catalogues(name, etag, body, fetched_at, checked_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET etag = excluded.etag,"
                " body = excluded.body, fetched_at = excluded.fetched_at,"
                " checked_at = excluded.checked_at",
                (name, etag, json.dumps(data, ensure_ascii=False), stamp, stamp),
            )

    def touch(self, name: str) -> None:
        """The hub confirmed (304) that the cached copy is current."""
        with self.conn.transaction():
            self.conn.raw.execute(
                "UPDATE catalogues SET checked_at = ? WHERE name = ?", (iso(utcnow()), name)
            )

    def _replace_slots(self, catalogue: BaseModel) -> None:
        slots: Sequence[protocol.Slot] = getattr(catalogue, "items", [])
        self.conn.raw.execute("DELETE FROM catalogue_slots")
        self.conn.raw.executemany(
            "INSERT INTO catalogue_slots(id, hospital_id, department_id, day, starts_at,"
            " remaining, senior_reserved, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    s.id,
                    s.hospital_id,
                    s.department_id,
                    s.starts_at.date().isoformat(),
                    s.starts_at.isoformat(),
                    s.remaining,
                    int(s.senior_reserved),
                    s.model_dump_json(),
                )
                for s in slots
            ),
        )

    # -- reads (any thread, its own connection) -------------------------------------------------
    def items(self, name: str) -> list[BaseModel]:
        """All cached items of ``name`` as protocol models (empty if never fetched)."""
        if name == "slots":
            rows = self.conn.query("SELECT body FROM catalogue_slots ORDER BY starts_at")
            return [protocol.Slot.model_validate_json(r["body"]) for r in rows]
        raw = self.conn.scalar("SELECT body FROM catalogues WHERE name = ?", (name,))
        if raw is None:
            return []
        model = protocol.CATALOGUE_ITEM_MODELS[name]
        return [model.model_validate(item) for item in json.loads(raw)["items"]]

    def slots(
        self,
        department_id: str,
        day: date,
        *,
        hospital_id: str | None = None,
        available_only: bool = False,
    ) -> list[protocol.Slot]:
        """A department's slots on ``day`` (the hospital's local date), by start time."""
        sql = "SELECT body FROM catalogue_slots WHERE department_id = ? AND day = ?"
        params: list[Any] = [department_id, day.isoformat()]
        if hospital_id is not None:
            sql += " AND hospital_id = ?"
            params.append(hospital_id)
        if available_only:
            sql += " AND remaining > 0"
        rows = self.conn.query(sql + " ORDER BY starts_at", params)
        return [protocol.Slot.model_validate_json(r["body"]) for r in rows]

    def slot_days(self, department_id: str) -> list[date]:
        rows = self.conn.query(
            "SELECT DISTINCT day FROM catalogue_slots WHERE department_id = ? ORDER BY day",
            (department_id,),
        )
        return [date.fromisoformat(r["day"]) for r in rows]

    def slot(self, slot_id: str) -> protocol.Slot | None:
        raw = self.conn.scalar("SELECT body FROM catalogue_slots WHERE id = ?", (slot_id,))
        return None if raw is None else protocol.Slot.model_validate_json(raw)
