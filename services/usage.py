"""Per-day usage counts for the admin's chart: bookings, meal orders, benefit checks, alarms.

Counts live in ``usage_daily`` (day, kind, count) and hold nothing personal, so the purge of
personal data never empties the chart. Bookings and orders are counted from ``requests``
with a watermark (``kv`` key :data:`KEY_WATERMARK`) so each row is counted once, whoever
queued it and whether or not anybody was watching; call :func:`count_new_requests` before
the purge deletes rows. Alarms are read from the alarm table, which is never deleted; drills
are not usage. Days are Shanghai calendar days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from services.store import StoreConnection, parse_iso, utcnow

SHANGHAI: Final = ZoneInfo("Asia/Shanghai")
BOOKINGS: Final = "bookings"
ORDERS: Final = "orders"
BENEFIT_CHECKS: Final = "benefit_checks"
ALARMS: Final = "alarms"
KINDS: Final = (BOOKINGS, ORDERS, BENEFIT_CHECKS, ALARMS)
KEY_WATERMARK: Final = "usage_requests_rowid"
_REQUEST_KINDS: Final = {"appointment.book": BOOKINGS, "meal.order": ORDERS}


@dataclass(frozen=True, slots=True)
class DayUsage:
    day: date
    counts: dict[str, int]

    def total(self) -> int:
        return sum(self.counts.values())


def day_of(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


def record(conn: StoreConnection, kind: str, at: datetime | None = None, count: int = 1) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown usage kind {kind!r}")
    with conn.transaction():
        conn.execute(
            "INSERT INTO usage_daily(day, kind, count) VALUES (?, ?, ?)"
            " ON CONFLICT(day, kind) DO UPDATE SET count = count + excluded.count",
            (day_of(at or utcnow()).isoformat(), kind, count),
        )


def count_new_requests(conn: StoreConnection) -> int:
    """Add requests queued since the last call to the daily counts; how many were counted."""
    with conn.transaction():
        mark = conn.get_int(KEY_WATERMARK, 0)
        rows = conn.query(
            "SELECT rowid AS rid, kind, created_at FROM requests WHERE rowid > ? ORDER BY rowid",
            (mark,),
        )
        counted = 0
        for row in rows:
            kind = _REQUEST_KINDS.get(row["kind"])
            created = parse_iso(row["created_at"])
            if kind is not None and created is not None:
                record(conn, kind, created)
                counted += 1
        if rows:
            conn.set(KEY_WATERMARK, str(rows[-1]["rid"]))
    return counted


def daily_usage(
    conn: StoreConnection, days: int = 30, now: datetime | None = None
) -> list[DayUsage]:
    """The last ``days`` days, oldest first, every kind present (zero when nothing happened)."""
    today = day_of(now or utcnow())
    first = today - timedelta(days=days - 1)
    table = {first + timedelta(days=i): dict.fromkeys(KINDS, 0) for i in range(days)}
    for row in conn.query(
        "SELECT day, kind, count FROM usage_daily WHERE day >= ? AND day <= ?",
        (first.isoformat(), today.isoformat()),
    ):
        day = date.fromisoformat(row["day"])
        if row["kind"] in table[day]:
            table[day][row["kind"]] = int(row["count"])
    for row in conn.query("SELECT raised_at FROM alarms WHERE drill = 0"):
        raised = parse_iso(row["raised_at"])
        if raised is not None and day_of(raised) in table:
            table[day_of(raised)][ALARMS] += 1
    return [DayUsage(day, counts) for day, counts in sorted(table.items())]
