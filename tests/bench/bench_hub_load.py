"""Hub load benchmark on loopback. Run: ``python tests/bench/bench_hub_load.py`` (prints ONE
JSON object; ``--out FILE`` also writes it).

Load model ("2,000 kiosks"): every simulated kiosk has its own bearer token and behaves as a
real one does, on a schedule compressed by ``--compression`` (default 3: three times the real
pace) so that a run of ``--duration`` seconds carries the traffic of a longer stretch:

* a heartbeat every 60 s and a status-feed poll every 60 s (with its own cursor),
* the slot catalogue with ``If-None-Match`` every 15 min,
* a booking every 10 min, for one of a few popular slots (so kiosks compete for the last
  seats) - each booking also asks for a callback, a second request in the same batch,
* and, across all kiosks, ``--alarms-per-min`` (default 60) alarms, not compressed.

Kiosks are spread evenly over the hub processes. The kiosks are simulated by a pool of threads
sharing keep-alive connections (the hub cannot tell); a request that fails is sent again, with
the same ids, until it succeeds. Operator consoles: one event stream (SSE) per hub process;
"press → console" is the time from sending an alarm until EVERY stream has pushed a board
holding it, so it includes fan-out between processes (PostgreSQL LISTEN/NOTIFY).

Runs: 2 hub processes on PostgreSQL (a durable throw-away cluster: fsync on), then 1 hub process
on SQLite (synchronous=FULL), the same load. Checks after each run, from the database: 0 lost
and 0 duplicated requests (the requests table holds exactly the ids sent), 0 oversold slots,
every alarm recorded once.
"""

from __future__ import annotations

import argparse
import contextlib
import heapq
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

import requests  # noqa: E402
from requests.adapters import HTTPAdapter  # noqa: E402

from tests.helpers import postgres  # noqa: E402
from tests.helpers.hub_databases import today, with_demo_data  # noqa: E402
from tests.helpers.hub_process import HubProcess, envelope, person  # noqa: E402

HOT_SLOTS = 12
TIMEOUT = 30


def pct(values: list[float], q: int) -> float | None:
    if len(values) < 2:
        return round(values[0] * 1000, 1) if values else None
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000, 1)


class Kiosk:
    def __init__(self, index: int, token: str, url: str) -> None:
        self.index = index
        self.headers = {"Authorization": f"Bearer {token}"}
        self.url = url
        self.cursor = 0
        self.etag: str | None = None


class Load:
    def __init__(self, kiosks: list[Kiosk], hot: list[dict[str, Any]], args: Any) -> None:
        self.kiosks = kiosks
        self.hot = hot
        self.args = args
        self.local = threading.local()
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.sent_ids: list[str] = []
        self.retries = 0
        self.alarms: dict[str, float] = {}
        self.bookings_accepted = 0

    def session(self) -> requests.Session:
        found: requests.Session | None = getattr(self.local, "session", None)
        if found is None:
            found = requests.Session()
            found.mount("http://", HTTPAdapter(pool_connections=4, pool_maxsize=4))
            self.local.session = found
        return found

    def call(self, kind: str, kiosk: Kiosk, method: str, path: str, **kw: Any) -> Any:
        while True:
            start = time.perf_counter()
            try:
                reply = self.session().request(
                    method,
                    kiosk.url + path,
                    headers={**kiosk.headers, **kw.pop("headers", {})},
                    timeout=TIMEOUT,
                    **kw,
                )
            except requests.RequestException:
                reply = None
            if reply is not None and reply.status_code < 500:
                with self.lock:
                    self.latency[kind].append(time.perf_counter() - start)
                assert reply.status_code in (200, 304), (kind, reply.status_code, reply.text[:200])
                return reply
            with self.lock:
                self.retries += 1

    def heartbeat(self, kiosk: Kiosk) -> None:
        beat = {
            "kiosk_version": "bench",
            "queue_depth": 0,
            "dead_letters": 0,
            "voice_model": "none",
            "sent_at": datetime.now(UTC).isoformat(),
        }
        self.call("heartbeat", kiosk, "POST", "/v1/heartbeat", json=beat)

    def status(self, kiosk: Kiosk) -> None:
        reply = self.call("status", kiosk, "GET", f"/v1/status?cursor={kiosk.cursor}")
        kiosk.cursor = reply.json()["next_cursor"]

    def catalogue(self, kiosk: Kiosk) -> None:
        headers = {"If-None-Match": kiosk.etag} if kiosk.etag else {}
        reply = self.call("catalogue", kiosk, "GET", "/v1/catalogue/slots", headers=headers)
        kiosk.etag = reply.headers.get("etag", kiosk.etag)

    def book(self, kiosk: Kiosk) -> None:
        slot = random.choice(self.hot)
        serial = random.randrange(1, 999)
        items = [
            envelope("appointment.book", {"slot_id": slot["id"], "person": person(serial)}),
            envelope("callback.request", {"topic": "appointments", "phone": "13800138000"}),
        ]
        with self.lock:
            self.sent_ids += [str(i["id"]) for i in items]
        reply = self.call("batch", kiosk, "POST", "/v1/requests", json={"requests": items})
        if reply.json()["results"][0]["status"] == "accepted":
            with self.lock:
                self.bookings_accepted += 1

    def alarm(self, kiosk: Kiosk) -> None:
        alarm_id = str(uuid.uuid4())
        body = {
            "id": alarm_id,
            "raised_at": datetime.now(UTC).isoformat(),
            "drill": True,
            "person": None,
            "location": f"bench {kiosk.index}",
        }
        with self.lock:
            self.alarms[alarm_id] = time.perf_counter()
        self.call("alarm", kiosk, "POST", "/v1/alarms", json=body)


def schedule(load: Load, duration: float, compression: float, alarms_per_min: float) -> list[Any]:
    """(due, seq, action, kiosk) for the whole run, random phases, real periods / compression."""
    events: list[Any] = []
    periods = {load.heartbeat: 60, load.status: 60, load.catalogue: 900, load.book: 600}
    seq = 0
    for kiosk in load.kiosks:
        for action, period in periods.items():
            every = period / compression
            at = random.uniform(0, every)
            while at < duration:
                events.append((at, seq, action, kiosk))
                seq += 1
                at += every
    gap = 60 / alarms_per_min
    at = gap / 2
    while at < duration:
        events.append((at, seq, load.alarm, random.choice(load.kiosks)))
        seq += 1
        at += gap
    heapq.heapify(events)
    return events


def watch(url: str, token: str, seen: dict[str, float], stop: threading.Event) -> None:
    with contextlib.suppress(requests.RequestException):  # the hub stopping ends the stream
        _watch(url, token, seen, stop)


def _watch(url: str, token: str, seen: dict[str, float], stop: threading.Event) -> None:
    with requests.get(
        f"{url}/v1/operator/events",
        headers={"Authorization": f"Bearer {token}"},
        stream=True,
        timeout=(5, 60),
    ) as stream:
        for line in stream.iter_lines(decode_unicode=True):
            if line.startswith("data:"):
                now = time.perf_counter()
                for alarm in json.loads(line[5:])["alarms"]:
                    seen.setdefault(alarm["alarm_id"], now)
            if stop.is_set():
                return


def run(engine: str, hubs: list[HubProcess], args: Any) -> dict[str, Any]:
    from hub import kiosks as hub_kiosks
    from hub.clock import system_clock

    conn = hubs[0].connect()
    tokens = []
    for n in range(args.kiosks):  # enrolled straight in the database: 2,000 codes by HTTP
        code = hub_kiosks.new_enrolment_code(conn, system_clock())  # would only test limits
        tokens.append(hub_kiosks.enrol(conn, code, f"kiosk {n}", "bench", system_clock())[1])
    kiosks = [Kiosk(n, t, hubs[n % len(hubs)].url) for n, t in enumerate(tokens)]
    slots = requests.get(
        f"{hubs[0].url}/v1/catalogue/slots", headers=kiosks[0].headers, timeout=TIMEOUT
    ).json()["items"]
    hot = [s for s in slots if s["remaining"] > 0][:HOT_SLOTS]
    before = {s["id"]: s["remaining"] for s in hot}
    load = Load(kiosks, hot, args)
    operator = hubs[0].cli("operator", "create", "bench").strip()
    stop = threading.Event()
    seen: list[dict[str, float]] = [{} for _ in hubs]
    watchers = [
        threading.Thread(target=watch, args=(h.url, operator, seen[i], stop), daemon=True)
        for i, h in enumerate(hubs)
    ]
    for w in watchers:
        w.start()
    events = schedule(load, args.duration, args.compression, args.alarms_per_min)
    queue_lock = threading.Lock()
    started = time.perf_counter()
    lateness: list[float] = []

    def worker() -> None:
        while True:
            with queue_lock:
                if not events:
                    return
                due, _, action, kiosk = heapq.heappop(events)
            wait = started + due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)  # the load's own schedule (a benchmark, not a test)
            else:
                lateness.append(-wait)
            action(kiosk)

    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not all(set(load.alarms) <= set(s) for s in seen):
        time.sleep(0.05)
    stop.set()
    console = [
        max(s.get(a, float("inf")) for s in seen) - pressed for a, pressed in load.alarms.items()
    ]
    stored = [r[0] for r in conn.execute("SELECT id FROM requests")]
    oversold = 0
    for slot in hot:
        row = conn.execute("SELECT remaining FROM slots WHERE id = ?", (slot["id"],)).fetchone()
        taken = conn.execute(
            "SELECT COUNT(*) FROM appointments WHERE slot_id = ? AND status = 'booked'",
            (slot["id"],),
        ).fetchone()[0]
        oversold += int(row["remaining"] < 0 or before[slot["id"]] - row["remaining"] != taken)
    alarm_rows = conn.execute(
        "SELECT alarm_id, COUNT(*) FROM alarm_events WHERE event = 'received' GROUP BY alarm_id"
    ).fetchall()
    conn.close()
    total = sum(len(v) for v in load.latency.values())
    load_average = [round(x, 2) for x in os.getloadavg()]
    everything = [x for v in load.latency.values() for x in v]
    return {
        "engine": engine,
        "hub_processes": len(hubs),
        # The machine's load average at the end (2 cores; other work on it shows here).
        "load_average_1_5_15": load_average,
        "kiosks": args.kiosks,
        "duration_s": round(elapsed, 1),
        "requests": total,
        "throughput_rps": round(total / elapsed, 1),
        "p50_ms": pct(everything, 50),
        "p99_ms": pct(everything, 99),
        "by_kind": {
            kind: {"n": len(v), "p50_ms": pct(v, 50), "p99_ms": pct(v, 99)}
            for kind, v in sorted(load.latency.items())
        },
        "retried_requests": load.retries,
        "schedule_late_p99_ms": pct(lateness, 99) if lateness else 0.0,
        "lost_requests": len(set(load.sent_ids) - set(stored)),
        "duplicated_requests": len(stored)
        - len(set(stored))
        + len(set(stored) - set(load.sent_ids)),
        "bookings_accepted": load.bookings_accepted,
        "oversold_slots": oversold,
        "alarms_sent": len(load.alarms),
        "alarms_recorded_once": sum(1 for r in alarm_rows if r[1] == 1 and r[0] in load.alarms),
        "alarm_to_console_p50_ms": pct([c for c in console if c != float("inf")], 50),
        "alarm_to_console_p99_ms": pct(console, 99)
        if all(c != float("inf") for c in console)
        else None,
        "alarms_missing_on_a_console": sum(1 for c in console if c == float("inf")),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load per run")
    parser.add_argument("--kiosks", type=int, default=2000, help="simulated kiosks")
    parser.add_argument("--compression", type=float, default=3.0, help="times the real pace")
    parser.add_argument("--alarms-per-min", type=float, default=60.0, help="alarms a minute")
    parser.add_argument("--threads", type=int, default=48, help="client threads")
    parser.add_argument("--engines", default="postgresql,sqlite", help="which runs, in order")
    parser.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args()
    random.seed(20)
    results = []
    work = Path(tempfile.mkdtemp(prefix="yjt-bench-hub-"))
    for engine in args.engines.split(","):
        if engine == "postgresql":
            cluster = postgres.PostgresCluster(durable=True).start()
            try:
                url = cluster.create_database(template=cluster.template(today().isoformat()))
                hubs = [HubProcess(work / f"pg{n}", database=url) for n in range(2)]
                for hub in hubs:
                    hub.start()
                try:
                    results.append(run(engine, hubs, args))
                finally:
                    for hub in hubs:
                        hub.stop()
            finally:
                cluster.stop()
        else:
            with_demo_data(None, work / "sqlite", today())
            with HubProcess(work / "sqlite") as hub:
                results.append(run(engine, [hub], args))
    report = {
        "benchmark": "hub_load",
        "load_model": {
            "kiosks": args.kiosks,
            "compression": args.compression,
            "per_kiosk_real_periods_s": {
                "heartbeat": 60,
                "status": 60,
                "catalogue": 900,
                "booking": 600,
            },
            "alarms_per_min": args.alarms_per_min,
            "client_threads": args.threads,
        },
        "targets": {"lost": 0, "duplicated": 0, "oversold": 0, "alarm_to_console_p99_ms": 1000},
        "runs": results,
    }
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
