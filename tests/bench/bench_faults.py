"""The emergency lane under a misbehaving network. Run: ``python tests/bench/bench_faults.py``
(prints ONE JSON object; about 80 s).

With the production dispatcher settings (numbers to call after 30 s, 8 s deadline per hub
call) and the REAL hub on loopback behind the fault proxy, per scenario:

* ``drip``: every reply dripped one byte every 2 s (never trips a read timeout);
* ``chaos``: every reply spoiled at random (drip, stall, reset, garbage, 500, cut or broken
  JSON, a 10 MB body).

Three alarms are pressed one second apart; the faults stay on until 33 s after the first press,
then clear. Reported: press → numbers to call shown (target <= 32 s), fault cleared → alarm
received (the kiosk knows the hub has it), press → received, and alarms lost (target 0) or
received twice at the hub (target 0); and how long ``stop()`` takes mid-call (target <= 2 s).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path
from uuid import UUID

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from services.alarm_dispatch import AlarmDispatcher, DispatchConfig, NullAlarmObserver  # noqa: E402
from services.alarms import AlarmPhase  # noqa: E402
from services.store import Store  # noqa: E402
from tests.helpers.fault_proxy import MODES, FaultProxy  # noqa: E402
from tests.helpers.hub_process import HubProcess  # noqa: E402
from tests.helpers.kiosk_side import kiosk_store  # noqa: E402

PRESSES = 3
FAULT_FOR = 33.0  # s after the first press


class Clock(NullAlarmObserver):
    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.unreachable_at: dict[UUID, float] = {}
        self.received_at: dict[UUID, float] = {}

    def unreachable(self, alarm_id: UUID, seconds: float) -> None:
        with self.lock:
            self.unreachable_at.setdefault(alarm_id, time.monotonic())
            self.lock.notify_all()

    def on_state(self, alarm_id: UUID, state: AlarmPhase, detail: str | None) -> None:
        if state == "received":
            with self.lock:
                self.received_at.setdefault(alarm_id, time.monotonic())
                self.lock.notify_all()


def hub_counts(hub: HubProcess, ids: list[UUID]) -> dict[UUID, int]:
    with contextlib.closing(sqlite3.connect(f"file:{hub.db_path}?mode=ro", uri=True)) as conn:
        conn.execute("PRAGMA busy_timeout = 10000")
        rows = conn.execute(
            "SELECT alarm_id, COUNT(*) FROM alarm_events WHERE event = 'received' GROUP BY 1"
        )
        found = {str(a): int(n) for a, n in rows}
    return {i: found.get(str(i), 0) for i in ids}


def press(worker: AlarmDispatcher, store: Store) -> UUID:
    with store.connect() as conn:
        return worker.raise_alarm(
            conn, kiosk_name="bench", location="bench", person=None, helper=None, drill=True
        )


def scenario(hub: HubProcess, token: str, folder: Path, name: str) -> dict[str, object]:
    with FaultProxy("127.0.0.1", hub.port, stall_seconds=5.0, drip_seconds=2.0) as proxy:
        store = kiosk_store(folder / name, proxy.url, token)
        if name == "drip":
            proxy.set_fault("drip")
        else:
            proxy.set_chaos(MODES, seed=3)
        clock = Clock()
        worker = AlarmDispatcher(store, observers=[clock], config=DispatchConfig())
        worker.start()
        pressed: dict[UUID, float] = {}
        first = time.monotonic()
        for n in range(PRESSES):
            time.sleep(max(0.0, first + n - time.monotonic()))
            pressed[press(worker, store)] = time.monotonic()
        time.sleep(max(0.0, first + FAULT_FOR - time.monotonic()))
        proxy.set_fault(None)
        cleared = time.monotonic()
        with clock.lock:
            clock.lock.wait_for(lambda: len(clock.received_at) == PRESSES, timeout=60)
        # Stop mid-call: a fresh alarm into a stalled hub, stopped while its send hangs.
        proxy.set_fault("stall")
        press(worker, store)
        with clock.lock:
            clock.lock.wait_for(lambda: proxy.faults_applied["stall"] > 0, timeout=10)
        stop_started = time.monotonic()
        worker.stop(10)
        stop_s = time.monotonic() - stop_started
    counts = hub_counts(hub, list(pressed))
    shown = [clock.unreachable_at[i] - t for i, t in pressed.items() if i in clock.unreachable_at]
    delivered = [clock.received_at[i] - cleared for i in pressed if i in clock.received_at]
    total = [clock.received_at[i] - t for i, t in pressed.items() if i in clock.received_at]
    return {
        "press_to_numbers_s_max": round(max(shown), 2) if shown else None,
        "press_to_numbers_s_min": round(min(shown), 2) if shown else None,
        "numbers_shown": len(shown),
        "cleared_to_received_s_max": round(max(delivered), 2) if delivered else None,
        "press_to_received_s_max": round(max(total), 2) if total else None,
        "alarms": PRESSES,
        "lost": sum(1 for n in counts.values() if n == 0),
        "duplicated_at_hub": sum(1 for n in counts.values() if n > 1),
        "stop_mid_call_s": round(stop_s, 2),
        "faults_applied": dict(proxy.faults_applied),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, HubProcess(Path(tmp) / "hub") as hub:
        token = hub.enrol("bench-faults")
        results = {name: scenario(hub, token, Path(tmp), name) for name in ("drip", "chaos")}
    print(
        json.dumps(
            {
                "bench": "faults",
                "targets": {
                    "press_to_numbers_s_max": 32,
                    "lost": 0,
                    "duplicated_at_hub": 0,
                    "stop_mid_call_s": 2,
                },
                **results,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
