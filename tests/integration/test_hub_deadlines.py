"""A hub that drips its replies one byte every two seconds (through the fault proxy, in front of
the REAL hub on loopback) never holds a kiosk call past its overall deadline: not a plain hub
call, not ``sync --once``, not the emergency lane - where a new press is never queued behind a
follow-up poll, the "call these numbers" screen comes on time, and the dispatcher stops fast."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from unittest.mock import patch

import pytest

from kiosk.cli import sync as sync_cli
from services.alarm_dispatch import DispatchConfig
from services.hub_client import HubClient, HubUnavailable
from services.sync import sync_once
from services.sync_engine import SyncConfig
from tests.helpers.fault_proxy import FaultProxy
from tests.helpers.hub_databases import today, with_demo_data
from tests.helpers.hub_process import HubProcess
from tests.helpers.kiosk_side import kiosk_store
from tests.helpers.waiting import wait_until
from tests.integration.test_alarm_dispatch import dispatcher, press


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubProcess]:
    """One hub for the module: every test enrols its own kiosk and sees only its own alarms."""
    folder = tmp_path_factory.mktemp("deadline-hub")
    with_demo_data(None, folder, today())
    with HubProcess(folder, demo_data=True) as process:
        yield process


@pytest.fixture
def dripping(hub: HubProcess) -> Iterator[FaultProxy]:
    with FaultProxy("127.0.0.1", hub.port, drip_seconds=2.0, lifetime=120) as proxy:
        yield proxy


def test_a_dripping_reply_ends_at_the_overall_deadline(dripping: FaultProxy) -> None:
    dripping.set_fault("drip")
    client = HubClient(dripping.url, timeout=(2.0, 5.0), deadline=3.0)
    started = time.monotonic()
    with pytest.raises(HubUnavailable, match="within 3 s"):
        client.health()
    elapsed = time.monotonic() - started
    assert 2.9 <= elapsed < 4.5, f"the call took {elapsed:.1f} s against a 3 s deadline"
    dripping.set_fault(None)
    assert client.health()["status"] == "ok"  # the session is usable again afterwards


def test_sync_once_against_a_dripping_hub_ends_with_the_hub_exit_code(
    tmp_path: Path, dripping: FaultProxy, hub_token: str
) -> None:
    """``yijiantong sync --once`` as the CLI runs it, with a 3 s deadline instead of 30 s."""
    store = kiosk_store(tmp_path / "kiosk", dripping.url, hub_token)
    dripping.set_fault("drip")
    out = io.StringIO()
    code: list[int] = []
    config = SyncConfig(deadline=3.0, timeout=(2.0, 5.0))
    with patch.object(sync_cli, "_sync_once", partial(sync_once, config=config)):
        worker = threading.Thread(
            target=lambda: code.append(sync_cli.sync_once(store.data_dir, out=out))
        )
        started = time.monotonic()
        worker.start()
        worker.join(60)
    elapsed = time.monotonic() - started
    assert not worker.is_alive(), "sync --once still running after 60 s"
    assert code == [3], out.getvalue()
    report = json.loads(out.getvalue())
    assert report["ok"] is False
    assert "within 3 s" in report["error"]
    assert elapsed < 4.5, f"sync --once took {elapsed:.1f} s against a 3 s deadline"


def test_the_numbers_to_call_come_on_time_while_a_send_drips(
    tmp_path: Path, dripping: FaultProxy, hub_token: str
) -> None:
    """The deadline here is longer than the wait for the numbers: only a timer of its own
    can show them on time."""
    store = kiosk_store(tmp_path / "kiosk", dripping.url, hub_token)
    dripping.set_fault("drip", path="/v1/alarms")
    config = DispatchConfig(retry_interval=0.3, unreachable_after=3.0, deadline=30.0)
    with dispatcher(store, config) as (worker, seen):
        started = time.monotonic()
        alarm_id = press(worker, store)
        wait_until(lambda: seen.of("unreachable", alarm_id), timeout=10)
        waited = time.monotonic() - started
        stop_started = time.monotonic()
    stopped_in = time.monotonic() - stop_started
    assert 2.8 <= waited <= 4.0, f"numbers shown after {waited:.1f} s, wanted 3 s"
    assert stopped_in <= 2.0, f"the dispatcher took {stopped_in:.1f} s to stop mid-call"


def test_a_new_press_is_not_queued_behind_a_slow_follow_up(
    tmp_path: Path, dripping: FaultProxy, hub_token: str
) -> None:
    store = kiosk_store(tmp_path / "kiosk", dripping.url, hub_token)
    config = DispatchConfig(follow_interval=0.2, unreachable_after=30.0, deadline=30.0)
    with dispatcher(store, config) as (worker, seen):
        first = press(worker, store)
        wait_until(lambda: "received" in seen.states(first), timeout=10)
        # Only GETs of alarm states drip: the next follow-up of ``first`` hangs.
        dripping.set_fault("drip", path=f"/v1/alarms/{first}")
        wait_until(lambda: dripping.faults_applied["drip"] >= 1, timeout=10)
        started = time.monotonic()
        second = press(worker, store)
        wait_until(lambda: "received" in seen.states(second), timeout=30)
        waited = time.monotonic() - started
    assert waited < 2.0, f"the second alarm reached the hub {waited:.1f} s after its press"
