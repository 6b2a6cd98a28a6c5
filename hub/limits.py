"""Rate limits kept in the database, so every hub process counts the same hits.

A fixed window per bucket (``enrol|127.0.0.1``, ``lookup|K1A2B3``): one upsert per request, on
endpoints that are rare in normal use (enrolment, person lookup), so the cost does not matter
and a city's several hub processes cannot be played against each other.
"""

from __future__ import annotations

import math
from datetime import datetime

from hub.db import Connection, write
from hub.errors import HubError


def hit(conn: Connection, bucket: str, limit: int, window_s: int, now: datetime) -> None:
    """Count one request in ``bucket``; raises 429 (with Retry-After) beyond ``limit``."""
    stamp = now.timestamp()
    start = int(stamp // window_s * window_s)
    with write(conn):
        row = conn.execute(
            "INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1) "
            "ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1 "
            "RETURNING hits",
            (bucket, start),
        ).fetchone()
        hits = int(row[0])
        if hits == 1:  # a new window: forget this bucket's old ones
            conn.execute(
                "DELETE FROM rate_limits WHERE bucket = ? AND window_start < ?", (bucket, start)
            )
    if hits > limit:
        retry_after = max(1, math.ceil(start + window_s - stamp))
        raise HubError(
            429,
            "rate_limited",
            f"Too many requests; try again in {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )
