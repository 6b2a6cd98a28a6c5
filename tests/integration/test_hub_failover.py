"""Two hub processes on one PostgreSQL database, one killed (SIGKILL) in the middle of the run:
a client that retries on the other hub delivers every request and every alarm exactly once,
no slot is oversold, and an operator stream on the surviving hub sees every alarm, including
those raised at the hub that died.

PostgreSQL only (a SQLite hub is one process by design). Skipped only on an explicit
``YIJIANTONG_TEST_POSTGRES=skip``.
"""

from __future__ import annotations

import contextlib
import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.helpers import postgres
from tests.helpers.hub_databases import today, with_demo_data
from tests.helpers.hub_process import HubProcess, envelope, person
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.skipif(
    postgres.opted_out(), reason=f"PostgreSQL tests skipped on request ({postgres.OPT_OUT_ENV})"
)
BATCHES = 30
ALARMS = 12
TIMEOUT = 10


class FailoverClient:
    """Sends each request to the current hub; on a refused connection, a reset or a 5xx it
    moves to the next hub at once and sends the very same request (same ids) again."""

    def __init__(self, urls: list[str], token: str) -> None:
        self.urls = urls
        self.current = 0
        self.switches = 0
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def post(self, path: str, body: Any) -> Any:
        for _ in range(len(self.urls) * 5):
            url = self.urls[self.current]
            try:
                reply = self.session.post(f"{url}{path}", json=body, timeout=TIMEOUT)
                if reply.status_code < 500:
                    assert reply.status_code == 200, reply.text
                    return reply.json()
            except requests.RequestException:
                pass
            self.current = (self.current + 1) % len(self.urls)
            self.switches += 1
        raise AssertionError(f"no hub answered {path}")


def board_events(hub: HubProcess, token: str, seen: set[str], stop: threading.Event) -> None:
    """Collect the alarm ids of every board pushed on ``hub``'s operator stream."""
    with requests.get(
        f"{hub.url}/v1/operator/events",
        headers={"Authorization": f"Bearer {token}"},
        stream=True,
        timeout=(5, 30),
    ) as stream:
        for line in stream.iter_lines(decode_unicode=True):
            if line.startswith("data:"):
                seen.update(a["alarm_id"] for a in json.loads(line[5:])["alarms"])
            if stop.is_set():
                return
    # (the hub pushes a board at least every 10 s, so the loop sees ``stop`` soon)


@pytest.fixture
def two_hubs(tmp_path: Path) -> Iterator[tuple[HubProcess, HubProcess]]:
    cluster = postgres.cluster()
    url = cluster.create_database(template=cluster.template())
    url = with_demo_data(url, tmp_path / "a", today()) or url
    with (
        HubProcess(tmp_path / "a", database=url) as first,
        HubProcess(tmp_path / "b", database=url, args=["--board-refresh-s", "1"]) as second,
    ):
        yield first, second
    cluster.drop_database(url)


def test_a_hub_killed_mid_run_loses_and_doubles_nothing(
    two_hubs: tuple[HubProcess, HubProcess],
) -> None:
    first, second = two_hubs
    operator = first.cli("operator", "create", "值班员").strip()
    client = FailoverClient([first.url, second.url], first.enrol("康乐1号机"))
    slots = client.session.get(f"{first.url}/v1/catalogue/slots", timeout=TIMEOUT).json()
    # A few nearly full slots, so that bookings compete for the last seats.
    contested = [s for s in slots["items"] if s["remaining"] > 0][:6]
    seen: set[str] = set()
    stop = threading.Event()
    watcher = threading.Thread(target=board_events, args=(second, operator, seen, stop))
    watcher.start()
    sent_requests: list[str] = []
    sent_alarms: list[str] = []
    accepted_bookings = 0
    for n in range(BATCHES):
        if n == BATCHES // 3:
            first.kill()  # mid-run, with the client still pointed at it
        items = [
            envelope("callback.request", {"topic": "benefits", "phone": "13800138000"}),
            envelope(
                "appointment.book",
                {"slot_id": contested[n % len(contested)]["id"], "person": person(100 + n)},
            ),
        ]
        sent_requests += [str(i["id"]) for i in items]
        results = client.post("/v1/requests", {"requests": items})["results"]
        assert [r["id"] for r in results] == sent_requests[-2:]
        accepted_bookings += results[1]["status"] == "accepted"
        if n % (BATCHES // ALARMS) == 0 and len(sent_alarms) < ALARMS:
            alarm_id = str(uuid.uuid4())
            alarm = {
                "id": alarm_id,
                "raised_at": datetime.now(UTC).isoformat(),
                "drill": True,
                "person": None,
                "location": f"{n}号楼",
            }
            assert client.post("/v1/alarms", alarm)["state"] == "received"
            sent_alarms.append(alarm_id)
    assert client.switches >= 1 and not first.running
    wait_until(lambda: set(sent_alarms) <= seen, timeout=15)
    stop.set()
    with contextlib.closing(second.connect()) as conn:
        stored = [r[0] for r in conn.execute("SELECT id FROM requests")]
        assert sorted(stored) == sorted(sent_requests)  # every request once, none twice
        assert conn.execute("SELECT COUNT(*) FROM callbacks").fetchone()[0] == BATCHES
        booked = conn.execute(
            "SELECT COUNT(*) FROM appointments WHERE status = 'booked'"
        ).fetchone()[0]
        assert booked == accepted_bookings
        for slot in contested:
            row = conn.execute(
                "SELECT capacity, remaining FROM slots WHERE id = ?", (slot["id"],)
            ).fetchone()
            taken = conn.execute(
                "SELECT COUNT(*) FROM appointments WHERE slot_id = ? AND status = 'booked'",
                (slot["id"],),
            ).fetchone()[0]
            assert row["remaining"] >= 0
            assert slot["remaining"] - row["remaining"] == taken  # never oversold
        received = conn.execute(
            "SELECT alarm_id, COUNT(*) FROM alarm_events WHERE event = 'received' GROUP BY alarm_id"
        ).fetchall()
        assert sorted((r[0], r[1]) for r in received) == sorted((a, 1) for a in sent_alarms)
    watcher.join(timeout=35)
