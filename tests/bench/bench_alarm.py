"""Emergency alarm benchmarks. Run: ``python tests/bench/bench_alarm.py`` (prints ONE JSON object).

* press → persisted (``raise_alarm`` returns: committed, WAL fsynced), p99 (target <= 50 ms),
  measured while the dispatcher thread runs and writes its own states;
* press → received by the hub (the dispatcher's ``on_state(received)``), on loopback with the
  real hub, p50 (target <= 200 ms) and p99 (target <= 1 s);
* press → visible on the operator page in headless Chromium (the page polls every 1 s),
  max (target <= 2 s). Skipped (reported as such) without chromium / chromedriver / selenium.

``--data-dir DIR`` puts the kiosk's SQLite file on a chosen disk (default: a temp dir; the
filesystem type is reported, since fsync on tmpfs costs nothing).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from uuid import UUID

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

import requests  # noqa: E402

from services import alarms  # noqa: E402
from services.alarm_dispatch import AlarmDispatcher, NullAlarmObserver  # noqa: E402
from services.alarms import AlarmPhase  # noqa: E402
from services.store import Store, StoreConnection  # noqa: E402
from tests.helpers.hub_process import HubProcess  # noqa: E402
from tests.helpers.kiosk_side import kiosk_store  # noqa: E402

PERSIST_N = 300
RECEIVE_N = 100
PAGE_N = 10


def quantile(values: list[float], q: int) -> float:
    """The q-th percentile (1..99), in ms, rounded."""
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000, 2)


class Arrivals(NullAlarmObserver):
    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.at: dict[UUID, float] = {}

    def on_state(self, alarm_id: UUID, state: AlarmPhase, detail: str | None) -> None:
        if state == "received":
            with self.cond:
                self.at.setdefault(alarm_id, time.perf_counter())
                self.cond.notify_all()

    def wait(self, alarm_id: UUID, timeout: float = 10.0) -> float:
        with self.cond:
            if not self.cond.wait_for(lambda: alarm_id in self.at, timeout):
                raise RuntimeError(f"alarm {alarm_id} not received in {timeout} s")
            return self.at[alarm_id]


def filesystem(path: Path) -> str:
    done = subprocess.run(
        ["stat", "-f", "-c", "%T", str(path)], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or "unknown"


def press(conn: StoreConnection, drill: bool = True) -> UUID:
    return alarms.raise_alarm(
        conn, kiosk_name="bench", location="bench hall", person=None, helper=None, drill=drill
    )


def bench_persist_and_receive(store: Store) -> dict[str, object]:
    arrivals = Arrivals()
    worker = AlarmDispatcher(store, observers=[arrivals])
    worker.start()
    persist: list[float] = []
    receive: list[float] = []
    try:
        with store.connect() as conn:
            for i in range(PERSIST_N):
                t0 = time.perf_counter()
                alarm_id = press(conn)
                persist.append(time.perf_counter() - t0)
                worker.wake()
                if i < RECEIVE_N:
                    receive.append(arrivals.wait(alarm_id) - t0)
                else:
                    arrivals.wait(alarm_id)
    finally:
        worker.stop(15)
    return {
        "press_to_persisted_ms": {
            "n": len(persist),
            "p50": quantile(persist, 50),
            "p99": quantile(persist, 99),
            "max": round(max(persist) * 1000, 2),
            "target_p99": 50,
        },
        "press_to_hub_received_ms": {
            "n": len(receive),
            "p50": quantile(receive, 50),
            "p99": quantile(receive, 99),
            "max": round(max(receive) * 1000, 2),
            "target_p50": 200,
            "target_p99": 1000,
        },
    }


def bench_operator_page(store: Store, hub: HubProcess) -> dict[str, object]:
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
    except ImportError:
        return {"skipped": "selenium is not installed"}
    if chromium is None or driver_path is None:
        return {"skipped": "chromium / chromedriver not installed"}
    token = hub.cli("operator", "create", "bench").strip()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    worker = AlarmDispatcher(store)
    worker.start()
    visible: list[float] = []
    try:
        driver.get(f"{hub.url}/operator#token={token}")
        deadline = time.monotonic() + 20
        while "bench" not in driver.find_element(By.ID, "who").text:
            if time.monotonic() > deadline:
                raise RuntimeError("operator page did not sign in")
            time.sleep(0.02)
        with store.connect() as conn:
            for _ in range(PAGE_N):
                t0 = time.perf_counter()
                alarm_id = press(conn)
                worker.wake()
                selector = f'li[data-alarm-id="{alarm_id}"]'
                while not driver.find_elements(By.CSS_SELECTOR, selector):
                    if time.perf_counter() - t0 > 10:
                        raise RuntimeError("alarm never appeared on the operator page")
                    time.sleep(0.01)
                visible.append(time.perf_counter() - t0)
                requests.post(
                    f"{hub.url}/v1/operator/alarms/{alarm_id}/resolve",
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=10,
                ).raise_for_status()
                time.sleep(0.37)  # de-phase the next press from the page's 1 s poll
    finally:
        driver.quit()
        worker.stop(15)
    return {
        "n": len(visible),
        "p50": quantile(visible, 50),
        "max": round(max(visible) * 1000, 2),
        "target_max": 2000,
        "page_poll_interval_ms": 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = args.data_dir or tmp
        base.mkdir(parents=True, exist_ok=True)
        with HubProcess(tmp / "hub", demo_data=False) as hub:
            store = kiosk_store(base / "bench-kiosk", hub.url, hub.enrol("bench-kiosk"))
            result: dict[str, object] = {"kiosk_filesystem": filesystem(base)}
            result.update(bench_persist_and_receive(store))
            page_store = kiosk_store(base / "bench-page", hub.url, hub.enrol("bench-page"))
            result["press_to_operator_page_ms"] = bench_operator_page(page_store, hub)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
