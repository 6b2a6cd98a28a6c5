"""Crash safety: a kiosk-side sync process SIGKILLed at random moments, 200+ times, while it
drains the outbox to the REAL hub. Afterwards every request reached the hub exactly once."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from services.outbox import Outbox, list_requests
from services.store import Store
from services.sync import sync_once
from tests.helpers.hub_process import REPO_ROOT, HubProcess
from tests.helpers.kiosk_side import assert_exactly_once, enqueue_callbacks, kiosk_store

pytestmark = pytest.mark.slow

RUNS = 300
PER_RUN = 3
SEED = 20_260_301


def test_sigkill_while_draining_never_loses_or_duplicates(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    with HubProcess(tmp_path / "hub", demo_data=True) as hub:
        data_dir = tmp_path / "kiosk"
        store = kiosk_store(data_dir, hub.url, hub.enrol("crash-kiosk"))
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
        driver = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.crash_driver"],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert driver.stdin is not None and driver.stdout is not None
        outcomes: Counter[str] = Counter()
        ids = []
        try:
            assert driver.stdout.readline().strip() == "ready"
            for _ in range(RUNS):
                ids += enqueue_callbacks(store, PER_RUN)
                delay = rng.uniform(0.0, 0.06)
                driver.stdin.write(f"run {data_dir} {delay:.4f}\n")
                driver.stdin.flush()
                reply = driver.stdout.readline().split()
                assert reply, "crash driver died"
                outcomes[reply[0] if reply[0] == "killed" else f"exit {reply[2]}"] += 1
            driver.stdin.write("quit\n")
            driver.stdin.flush()
        finally:
            driver.stdin.close()
            driver.wait(30)
            driver.stdout.close()
        print(f"crash runs: {dict(outcomes)}")
        assert sum(outcomes.values()) == RUNS
        assert outcomes["killed"] >= RUNS // 4, outcomes  # most runs really were cut short
        # A last, uninterrupted pass delivers whatever the killed runs left behind.
        final = sync_once(Store(data_dir))
        assert final.ok and final.queue_depth == 0, final.error
        assert_exactly_once(hub.db_path, ids)
        reopened = Store(data_dir)
        assert reopened.integrity_ok()
        with reopened.connect() as conn:
            assert Outbox(conn, lane=None).depth() == 0
            states = Counter(r.state for r in list_requests(conn, limit=len(ids) + 10))
        assert sum(states.values()) == len(ids)
        assert set(states) <= {"accepted", "confirmed", "in_progress", "completed"}, states
