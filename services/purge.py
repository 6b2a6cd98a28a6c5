"""Purge personal data: delivered requests and cached hub answers older than N days, then
VACUUM so that nothing of them is left in the file, not even in free pages.

Deleting rows only marks their pages free; the bytes (an ID number, a name) stay in the file
and in the WAL until overwritten. So the purge runs with ``secure_delete`` on (deleted content
is zeroed), then ``VACUUM`` rebuilds the file without free pages, then a ``TRUNCATE``
checkpoint copies the result into the main file and empties the WAL, whose old frames held
the deleted rows too.

What stays: requests still waiting to be delivered (they hold the senior's ID until the hub
has them), the alarm history (masked IDs only, never deleted) and the helper audit log
(masked IDs only). Usage counts are taken before the rows go, so the chart keeps its history.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from services import person_lookup, usage
from services.store import StoreConnection, purge_personal_data, utcnow

log = logging.getLogger(__name__)

MAX_DAYS = 3650


@dataclass(frozen=True, slots=True)
class PurgeReport:
    requests_deleted: int
    lookups_deleted: int
    still_queued: int  # personal requests kept because they are not delivered yet
    file_bytes: int
    wal_clean: bool  # False: another connection kept the WAL busy; its old frames remain


def purge(
    conn: StoreConnection,
    older_than_days: float,
    now: datetime | None = None,
    *,
    vacuum_if_none: bool = True,
) -> PurgeReport:
    """Delete personal rows older than ``older_than_days`` (0: all of them now) and VACUUM.
    ``vacuum_if_none=False`` skips the VACUUM (it rewrites the whole file) when nothing was
    deleted: the automatic purge runs every hour and usually finds nothing new."""
    if not 0 <= older_than_days <= MAX_DAYS:
        raise ValueError(f"days must be from 0 to {MAX_DAYS}")
    moment = now or utcnow()
    usage.count_new_requests(conn)
    conn.execute("PRAGMA secure_delete = ON")
    try:
        requests = purge_personal_data(conn, older_than_days, moment)
        lookups = person_lookup.purge(conn, timedelta(days=older_than_days), moment)
        if older_than_days == 0:
            # "at once" includes answers fetched this very millisecond.
            with conn.transaction():
                lookups += conn.execute("DELETE FROM person_lookups").rowcount
        busy = 0
        if requests or lookups or vacuum_if_none:
            conn.execute("VACUUM")
            busy = conn.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        conn.execute("PRAGMA secure_delete = OFF")
    queued = int(conn.scalar("SELECT COUNT(*) FROM outbox"))
    size = int(conn.scalar("PRAGMA page_count")) * int(conn.scalar("PRAGMA page_size"))
    log.info(
        "purged %d requests and %d cached answers older than %s days (%d still queued)",
        requests,
        lookups,
        older_than_days,
        queued,
    )
    return PurgeReport(requests, lookups, queued, size, wal_clean=busy == 0)


def purge_due(
    conn: StoreConnection, after_days: int, now: datetime | None = None
) -> PurgeReport | None:
    """The automatic purge: personal data of requests delivered more than ``after_days`` ago.
    None when it is off (0 days) or the store cannot be written (read-only data folder)."""
    if after_days <= 0 or conn.read_only:
        return None
    return purge(conn, after_days, now, vacuum_if_none=False)
