"""The data thread: ordered jobs off the caller's thread, errors handed back, a store that
cannot be opened, stopping. Waiting is done with events and timeouts only."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from services import appointments as appt
from services import protocol
from services.catalogue_cache import CatalogueCache
from services.identity import check_character, parse_resident_id
from services.outbox import Outbox, list_requests
from services.store import StorageError, Store, StoreConnection
from services.tasks import TaskResult, TaskRunner
from tests.helpers.sync_fakes import callback_payload

WAIT = 10.0  # seconds: generous upper bound, never reached when things work


class Results:
    """Collects ``done`` callbacks; ``wait(n)`` blocks until n have arrived."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: list[tuple[str, TaskResult, int]] = []  # (label, result, callback thread)
        self._changed = threading.Condition(self.lock)

    def done(self, label: str) -> Callable[[TaskResult], None]:
        def callback(result: TaskResult) -> None:
            with self.lock:
                self.items.append((label, result, threading.get_ident()))
                self._changed.notify_all()

        return callback

    def wait(self, n: int) -> list[tuple[str, TaskResult, int]]:
        with self.lock:
            assert self._changed.wait_for(lambda: len(self.items) >= n, WAIT), self.items
            return list(self.items)

    def by_label(self, n: int) -> dict[str, TaskResult]:
        return {label: result for label, result, _ in self.wait(n)}


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[TaskRunner]:
    r = TaskRunner(tmp_path / "data")
    r.start()
    yield r
    assert r.stop(WAIT)


def test_jobs_run_in_order_on_the_runner_thread(runner: TaskRunner) -> None:
    results = Results()
    seen: list[tuple[int, int]] = []
    gate = threading.Event()

    def job(n: int) -> object:
        def run(conn: StoreConnection) -> int:
            if n == 0:  # hold the thread so the rest queue up behind the first job
                assert gate.wait(WAIT)
            seen.append((n, threading.get_ident()))
            return n * n

        return run

    for n in range(20):
        runner.submit(job(n), results.done(f"job-{n}"))
    gate.set()
    items = results.wait(20)
    assert [label for label, _, _ in items] == [f"job-{n}" for n in range(20)]
    assert [r.value for _, r, _ in items] == [n * n for n in range(20)]
    assert all(r.ok and r.error is None for _, r, _ in items)
    assert [n for n, _ in seen] == list(range(20))
    threads = {t for _, t in seen} | {t for _, _, t in items}
    assert threads == {runner.ident} and threading.get_ident() not in threads


def test_a_read_queued_after_a_write_sees_it(runner: TaskRunner) -> None:
    results = Results()
    runner.submit(
        lambda c: Outbox.enqueue(c, "callback.request", callback_payload("hello")),
        results.done("write"),
    )
    runner.submit(list_requests, results.done("read"))
    got = results.by_label(2)
    (rec,) = got["read"].value
    assert rec.id == got["write"].value and rec.payload["note"] == "hello"


def test_a_failing_job_is_reported_and_the_runner_keeps_working(runner: TaskRunner) -> None:
    results = Results()

    def boom(conn: StoreConnection) -> None:
        raise ValueError("bad input")

    runner.submit(boom, results.done("boom"))
    runner.submit(lambda c: c.scalar("SELECT 41 + 1"), results.done("after"))
    got = results.by_label(2)
    assert not got["boom"].ok and isinstance(got["boom"].error, ValueError)
    assert str(got["boom"].error) == "bad input" and got["boom"].value is None
    assert got["after"].ok and got["after"].value == 42


def test_an_sql_error_is_reported_not_raised(runner: TaskRunner) -> None:
    results = Results()
    runner.submit(lambda c: c.query("SELECT * FROM no_such_table"), results.done("bad"))
    (_, result, _) = results.wait(1)[0]
    assert isinstance(result.error, sqlite3.OperationalError)


def test_a_failed_transaction_is_rolled_back(runner: TaskRunner) -> None:
    results = Results()

    def half_done_by_hand(conn: StoreConnection) -> None:
        conn.raw.execute("BEGIN IMMEDIATE")
        conn.raw.execute("INSERT INTO kv(key, value, updated_at) VALUES ('k1', 'v', 't')")
        raise RuntimeError("failed mid-transaction")

    def half_done_in_context(conn: StoreConnection) -> None:
        with conn.transaction():
            conn.raw.execute("INSERT INTO kv(key, value, updated_at) VALUES ('k2', 'v', 't')")
            raise RuntimeError("failed inside transaction()")

    def check(conn: StoreConnection) -> tuple[bool, int]:
        count = conn.scalar("SELECT COUNT(*) FROM kv WHERE key IN ('k1', 'k2')")
        return conn.in_transaction(), count

    runner.submit(half_done_by_hand, results.done("by-hand"))
    runner.submit(half_done_in_context, results.done("context"))
    runner.submit(check, results.done("check"))
    runner.submit(lambda c: c.set("k3", "v") or c.get("k3"), results.done("write"))
    got = results.by_label(4)
    assert isinstance(got["by-hand"].error, RuntimeError)
    assert isinstance(got["context"].error, RuntimeError)
    assert got["check"].value == (False, 0)
    assert got["write"].value == "v"  # the connection is usable (not stuck in a transaction)
    # Nothing half-written reached the file either.
    with Store(runner.data_dir).connect() as other:
        assert other.scalar("SELECT COUNT(*) FROM kv WHERE key IN ('k1', 'k2')") == 0


def test_a_failing_callback_does_not_stop_the_runner(
    runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    results = Results()

    def bad_callback(result: TaskResult) -> None:
        raise RuntimeError("the screen went away")

    with caplog.at_level(logging.ERROR, logger="services.tasks"):
        runner.submit(lambda c: 1, bad_callback)
        runner.submit(lambda c: 2, results.done("next"))
        assert results.by_label(1)["next"].value == 2
    assert any("completion callback failed" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("make_bad", ["file", "below_a_file", "database_is_a_folder"])
def test_a_store_that_cannot_be_opened_fails_every_job(
    tmp_path: Path, make_bad: str, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "data"
    if make_bad == "database_is_a_folder":
        (blocker / "yijiantong.sqlite3").mkdir(parents=True)
        data_dir = blocker
    else:
        blocker.write_text("not a folder")
        data_dir = blocker if make_bad == "file" else blocker / "inner"
    runner = TaskRunner(data_dir, name="broken-data")
    results = Results()
    ran = threading.Event()
    with caplog.at_level(logging.ERROR, logger="services.tasks"):
        runner.start()
        for n in range(3):
            runner.submit(lambda c: ran.set(), results.done(f"job-{n}"))
        items = results.wait(3)
        assert runner.stop(WAIT)
    errors = [r.error for _, r, _ in items]
    assert all(isinstance(e, StorageError) for e in errors), errors
    assert errors[0] is errors[1] is errors[2]  # the same failure, reported to each job
    assert str(data_dir) in str(errors[0])
    assert not ran.is_set()
    assert any("cannot open the store" in r.getMessage() for r in caplog.records)


def test_stop_finishes_queued_jobs_then_ends_the_thread(tmp_path: Path) -> None:
    runner = TaskRunner(tmp_path)
    results = Results()
    gate = threading.Event()
    runner.start()
    runner.submit(lambda c: gate.wait(WAIT), results.done("slow"))
    runner.submit(lambda c: "queued", results.done("queued"))
    stopper = threading.Thread(target=lambda: runner.stop(WAIT))
    stopper.start()
    gate.set()
    stopper.join(WAIT)
    assert not stopper.is_alive() and not runner.is_alive()
    got = results.by_label(2)
    assert got["slow"].value is True and got["queued"].value == "queued"
    # Submitting to a stopped runner answers at once, on the caller's thread.
    late = Results()
    runner.submit(lambda c: "never", late.done("late"))
    ((_, result, thread),) = late.wait(1)
    assert isinstance(result.error, RuntimeError) and thread == threading.get_ident()
    assert runner.stop(WAIT)  # stopping twice is harmless


def test_stop_without_start_returns_at_once(tmp_path: Path) -> None:
    runner = TaskRunner(tmp_path)
    assert runner.stop(WAIT)
    assert not runner.is_alive()


def test_appointments_run_through_the_runner(runner: TaskRunner) -> None:
    now = datetime(2026, 3, 2, 9, 0, tzinfo=appt.SHANGHAI)
    first17 = "31010519450312002"
    person = parse_resident_id(first17 + check_character(first17), today=now.date())
    text = protocol.LocalizedText(zh_CN="内科", zh_HK="內科", en="Medicine")
    starts = now + timedelta(days=1)

    def fill(conn: StoreConnection) -> None:
        cache = CatalogueCache(conn)
        hosp = protocol.Hospital(
            id="H1",
            name=text,
            district=text,
            address=text,
            phone="021-5555 0000",
            cancel_cutoff_hours=24,
            booking_window_days=7,
            rules_note=text,
        )
        dept = protocol.Department(id="H1-NK", hospital_id="H1", name=text)
        one = protocol.Slot(
            id="H1-NK-1",
            hospital_id="H1",
            department_id="H1-NK",
            doctor=text,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=30),
            capacity=1,
            remaining=1,
            senior_reserved=True,
            fee_fen=2500,
        )
        for name, item in (("hospitals", hosp), ("departments", dept), ("slots", one)):
            model = protocol.CATALOGUE_MODELS[name]
            cache.store(name, model(items=[item], version="v1", generated_at=now), '"v1"')

    results = Results()
    runner.submit(fill, results.done("fill"))
    runner.submit(lambda c: appt.book(c, person, "H1-NK-1", now), results.done("book"))
    runner.submit(lambda c: appt.book(c, person, "H1-NK-1", now), results.done("again"))
    runner.submit(lambda c: appt.my_bookings(c, person, now), results.done("mine"))
    got = results.by_label(4)
    assert got["fill"].ok and got["book"].ok
    error = got["again"].error
    assert isinstance(error, appt.BookingRefusedError) and error.reason == "duplicate_booking"
    (booking,) = got["mine"].value
    assert booking.id == got["book"].value and booking.status == appt.WAITING
