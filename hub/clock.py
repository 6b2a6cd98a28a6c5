"""Time for the hub: always aware, always Asia/Shanghai.

Fulfilment rules (cut-offs, booking windows) depend on "now", so the app takes a
clock callable. ``YIJIANTONG_HUB_NOW`` (ISO-8601) starts a clock at that instant
which then advances in real time: tests and demos get a fixed calendar (no
dependence on weekends or the hour of the run) while time still moves forward.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW_ENV = "YIJIANTONG_HUB_NOW"

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(SHANGHAI)


def shifted_clock(start: datetime) -> Clock:
    """A clock that reads ``start`` now and advances with the monotonic clock."""
    if start.tzinfo is None:
        start = start.replace(tzinfo=SHANGHAI)
    start = start.astimezone(SHANGHAI)
    t0 = time.monotonic()

    def now() -> datetime:
        return start + timedelta(seconds=time.monotonic() - t0)

    return now


def clock_from_env() -> Clock:
    value = os.environ.get(NOW_ENV, "").strip()
    return shifted_clock(datetime.fromisoformat(value)) if value else system_clock


def iso(moment: datetime) -> str:
    """Canonical text form for the database: Shanghai offset, microseconds dropped."""
    return moment.astimezone(SHANGHAI).replace(microsecond=0).isoformat()


def parse(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(SHANGHAI)
