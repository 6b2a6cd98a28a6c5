"""Sync and cache benchmarks. Run: ``python tests/bench/bench_sync.py`` (prints ONE JSON object).

* drain 10,000 queued requests to a local reference hub (target >= 500 req/s)
* slot query over 100,000 cached slots, p95 (target <= 5 ms)
* unchanged catalogue refresh answered 304, p95 per catalogue (target <= 50 ms)
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

import requests  # noqa: E402

from services import protocol  # noqa: E402
from services.catalogue_cache import CatalogueCache  # noqa: E402
from services.hub_client import HubClient, NotModified  # noqa: E402
from services.outbox import Outbox  # noqa: E402
from services.store import Store  # noqa: E402
from services.sync import sync_once  # noqa: E402
from services.sync_engine import SyncConfig  # noqa: E402
from tests.helpers.hub_process import HubProcess  # noqa: E402
from tests.helpers.kiosk_side import CALLBACK, kiosk_store  # noqa: E402

DRAIN_N = 10_000
SLOTS_N = 100_000
DEPARTMENTS = 50
DAYS = 20


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def bench_drain(tmp: Path, hub: HubProcess) -> dict[str, object]:
    store = kiosk_store(tmp / "drain", hub.url, hub.enrol("bench-drain"))
    with store.connect() as conn, conn.transaction():
        for _ in range(DRAIN_N):
            Outbox.enqueue(conn, "callback.request", CALLBACK)
    cfg = SyncConfig(batch_size=protocol.MAX_BATCH, catalogues=(), timeout=(3.05, 60.0))
    start = time.perf_counter()
    report = sync_once(store, config=cfg)
    elapsed = time.perf_counter() - start
    assert report.ok and report.queue_depth == 0 and report.sent == DRAIN_N, report
    rate = DRAIN_N / elapsed
    return {
        "requests": DRAIN_N,
        "seconds": round(elapsed, 3),
        "req_per_s": round(rate, 1),
        "target_req_per_s": 500,
        "pass": rate >= 500,
    }


def bench_slot_query(tmp: Path) -> dict[str, object]:
    base = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    doctor = protocol.LocalizedText(zh_CN="王医生", zh_HK="王醫生", en="Dr Wang")
    per = SLOTS_N // (DEPARTMENTS * DAYS)
    slots = []
    for d in range(DEPARTMENTS):
        for day in range(DAYS):
            for i in range(per):
                start = base + timedelta(days=day, minutes=5 * i)
                slots.append(
                    protocol.Slot.model_construct(
                        id=f"s-{d}-{day}-{i}",
                        hospital_id=f"h-{d % 5}",
                        department_id=f"dep-{d}",
                        doctor=doctor,
                        starts_at=start,
                        ends_at=start + timedelta(minutes=5),
                        capacity=10,
                        remaining=i % 4,
                        senior_reserved=i % 3 == 0,
                        fee_fen=2500,
                    )
                )
    catalogue = protocol.Catalogue[protocol.Slot].model_construct(
        items=slots, version="bench", generated_at=base
    )
    store = Store(tmp / "slots")
    rng = random.Random(1)
    with store.connect() as conn:
        cache = CatalogueCache(conn)
        t0 = time.perf_counter()
        cache.store("slots", catalogue, '"bench"')
        load_s = time.perf_counter() - t0
        times = []
        found = 0
        for _ in range(2000):
            dep = f"dep-{rng.randrange(DEPARTMENTS)}"
            day = date(2026, 3, 2) + timedelta(days=rng.randrange(DAYS))
            t = time.perf_counter()
            found += len(cache.slots(dep, day, available_only=True))
            times.append((time.perf_counter() - t) * 1000)
        count = conn.scalar("SELECT COUNT(*) FROM catalogue_slots")
    value = p95(times)
    return {
        "cached_slots": count,
        "cache_load_s": round(load_s, 2),
        "queries": len(times),
        "avg_rows": round(found / len(times), 1),
        "p95_ms": round(value, 3),
        "target_p95_ms": 5,
        "pass": value <= 5 and count == SLOTS_N,
    }


def bench_not_modified(hub: HubProcess) -> dict[str, object]:
    token = hub.enrol("bench-etag")
    with requests.Session() as session:
        client = HubClient(hub.url, token, session)
        tags = {}
        for name in protocol.CATALOGUE_NAMES:
            first = client.get_catalogue(name)
            assert not isinstance(first, NotModified)
            tags[name] = first.etag
        per: list[float] = []
        rounds: list[float] = []
        for _ in range(30):
            r0 = time.perf_counter()
            for name in protocol.CATALOGUE_NAMES:
                t = time.perf_counter()
                assert isinstance(client.get_catalogue(name, tags[name]), NotModified)
                per.append((time.perf_counter() - t) * 1000)
            rounds.append((time.perf_counter() - r0) * 1000)
    value = p95(per)
    return {
        "requests": len(per),
        "p95_ms_per_catalogue": round(value, 2),
        "median_ms_all_six": round(statistics.median(rounds), 2),
        "target_ms": 50,
        "pass": value <= 50,
    }


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmpdir:
        tmp = Path(tmpdir)
        with HubProcess(tmp / "hub", demo_data=True) as hub:
            result = {
                "drain": bench_drain(tmp, hub),
                "catalogue_304": bench_not_modified(hub),
                "slot_query": bench_slot_query(tmp),
            }
    result["pass"] = all(bool(v["pass"]) for v in result.values() if isinstance(v, dict))
    print(json.dumps(result))
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
