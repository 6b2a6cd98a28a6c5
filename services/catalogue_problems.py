"""Catalogues the kiosk refused, for the admin screen and ``yijiantong status``.

When a catalogue arrives that does not validate (the schema, or a deeper check such as
:func:`services.benefits.check_rules`), the sync engine keeps it out - the previously cached
version stays in use - and records one line here per catalogue: what was wrong and when.
The line goes away as soon as a good version of that catalogue is stored or confirmed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from services.store import StoreConnection, iso, parse_iso, utcnow

MAX_PROBLEM_CHARS = 1000


@dataclass(frozen=True, slots=True)
class CatalogueProblem:
    catalogue: str
    problem: str
    at: datetime

    def as_dict(self) -> dict[str, Any]:
        return {"catalogue": self.catalogue, "problem": self.problem, "at": iso(self.at)}


def record(
    conn: StoreConnection, catalogue: str, problem: str, now: datetime | None = None
) -> None:
    """Remember the latest problem with ``catalogue`` (replacing an older one)."""
    with conn.transaction():
        conn.raw.execute(
            "INSERT INTO catalogue_problems(catalogue, problem, at) VALUES (?, ?, ?)"
            " ON CONFLICT(catalogue) DO UPDATE SET problem = excluded.problem, at = excluded.at",
            (catalogue, problem[:MAX_PROBLEM_CHARS], iso(now or utcnow())),
        )


def clear(conn: StoreConnection, catalogue: str) -> None:
    """A good version of ``catalogue`` is in use again."""
    with conn.transaction():
        conn.raw.execute("DELETE FROM catalogue_problems WHERE catalogue = ?", (catalogue,))


def problems(conn: StoreConnection) -> list[CatalogueProblem]:
    """Every open problem, oldest first."""
    rows = conn.query("SELECT catalogue, problem, at FROM catalogue_problems ORDER BY at")
    found = []
    for row in rows:
        at = parse_iso(row["at"])
        assert at is not None
        found.append(CatalogueProblem(row["catalogue"], row["problem"], at))
    return found


def as_json(conn: StoreConnection) -> list[dict[str, Any]]:
    """The ``catalogue_problems`` list of ``yijiantong status``."""
    return [p.as_dict() for p in problems(conn)]
