"""The emergency dispatcher: one thread that gets every alarm to the hub and follows it there.

``AlarmDispatcher(store, observers=[...])`` is a plain thread (no Qt) with its OWN SQLite
connection, its own ``requests.Session`` and its own hub client, so an alarm never waits behind
the ordinary sync lane (the sync worker may be busy with 10,000 requests; this thread does not
care). Each cycle it:

1. picks up alarms from the store that still need work (new presses, and after a restart
   everything not yet at the hub or not yet finished - see ``services.alarms.pending_alarms``),
   plus alarms kept only in memory because the disk refused them;
2. sends unsent alarms to ``POST /v1/alarms`` (the hub dedups by id, so a retry after a lost
   reply is harmless), retrying every ``retry_interval`` s ± ``retry_jitter`` until the hub
   has it - there is no give-up and no dead letter for an alarm;
3. sends cancel follow-ups (``POST /v1/alarms/{id}/cancel``) once the hub has the alarm;
4. follows open alarms (``GET /v1/alarms/{id}``) every ``follow_interval`` s until resolved or
   cancelled.

Observers (:class:`AlarmObserver`) are called on this thread and must be cheap and thread-safe
(the Qt bridge re-emits them as queued signals):

* ``on_state(alarm_id, state, detail)`` whenever an alarm's phase changes: ``sending`` →
  ``received`` → ``acknowledged`` (detail: operator name) → ``resolved`` | ``cancelled``
  (detail: the reason); also once for every alarm picked up at start-up;
* ``unreachable(alarm_id, seconds)`` once per alarm when ``unreachable_after`` (30 s) pass
  from the press without the hub having it - the screen then shows the numbers to call while
  retries go on. A timer of its own fires it, so a hub call in flight cannot delay it;
* ``problem(alarm_id, message)`` for failures worth showing staff (hub errors, garbage replies,
  a full disk); reported when the message changes, not on every retry.

Every hub call has an overall deadline (``DispatchConfig.deadline``), so a hub that drips its
replies cannot hold the lane; a new press or ``stop()`` ends a follow-up poll in flight at once
(the new alarm is sent first; the poll is simply repeated later).

A full disk never drops an alarm: :meth:`AlarmDispatcher.raise_alarm` keeps an alarm it could
not write in memory and sends it anyway, and hub states that cannot be written are kept and
written again later.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

import requests

from services import alarms, hub_credentials, protocol
from services.alarms import AlarmPhase, AlarmView
from services.hub_client import HubCallAborted, HubClient, HubError, HubUnavailable
from services.identity import ResidentId
from services.store import Store, StoreConnection, utcnow
from services.sync import credentials

log = logging.getLogger(__name__)


class AlarmObserver(Protocol):
    def on_state(self, alarm_id: uuid.UUID, state: AlarmPhase, detail: str | None) -> None: ...
    def unreachable(self, alarm_id: uuid.UUID, seconds: float) -> None: ...
    def problem(self, alarm_id: uuid.UUID | None, message: str) -> None: ...


class NullAlarmObserver:
    """Base class with no-op methods: override only what you need."""

    def on_state(self, alarm_id: uuid.UUID, state: AlarmPhase, detail: str | None) -> None:
        pass

    def unreachable(self, alarm_id: uuid.UUID, seconds: float) -> None:
        pass

    def problem(self, alarm_id: uuid.UUID | None, message: str) -> None:
        pass


@dataclass(frozen=True, slots=True)
class DispatchConfig:
    retry_interval: float = 2.0  # s between attempts while the hub does not have the alarm
    retry_jitter: float = 0.3  # ± fraction, so many kiosks do not retry in lock-step
    follow_interval: float = 1.0  # s between state polls of an open alarm
    unreachable_after: float = 30.0  # s from the press to the "call 120" screen
    idle_interval: float = 5.0  # s between store checks when nothing is open
    timeout: tuple[float, float] = (2.0, 5.0)  # connect, read
    deadline: float = 8.0  # s for a whole call, however slowly the hub sends its bytes


class AlarmClient(HubClient):
    """The three alarm endpoints on top of the validated transport of :class:`HubClient`."""

    def raise_alarm(self, alarm: protocol.Alarm) -> protocol.AlarmState:
        status, _, raw = self._request("POST", "/v1/alarms", body=alarm)
        self._check(status, raw)
        return self._parse(protocol.AlarmState, raw)

    def cancel_alarm(self, cancel: protocol.AlarmCancel) -> protocol.AlarmState:
        status, _, raw = self._request("POST", f"/v1/alarms/{cancel.alarm_id}/cancel", body=cancel)
        self._check(status, raw)
        return self._parse(protocol.AlarmState, raw)

    def alarm_state(self, alarm_id: uuid.UUID) -> protocol.AlarmState:
        status, _, raw = self._request("GET", f"/v1/alarms/{alarm_id}")
        self._check(status, raw)
        return self._parse(protocol.AlarmState, raw)


@dataclass(slots=True)
class _Track:
    """Worker-thread-only bookkeeping for one alarm."""

    view: AlarmView  # identity and wire fields; state fields below are the live ones
    state: AlarmPhase
    detail: str | None
    at_hub: bool
    cancel_reason: str | None = None
    cancel_sent: bool = False
    cancel_in_store: bool = True
    in_store: bool = True  # False: the disk refused it; kept in memory, inserted later
    unsaved: list[tuple[protocol.AlarmState, bool]] = field(default_factory=list)
    next_try: float = 0.0
    failures: int = 0
    last_problem: str | None = None

    @property
    def done(self) -> bool:
        cancel_open = self.cancel_reason is not None and not self.cancel_sent
        return (
            self.at_hub
            and self.state in alarms.FINAL
            and not cancel_open
            and self.in_store
            and not self.unsaved
        )


def _detail(state: protocol.AlarmState, track: _Track) -> str | None:
    if state.state == "cancelled":
        return track.cancel_reason or state.operator_note
    return state.operator_note


class AlarmDispatcher(threading.Thread):
    """``start()``; ``raise_alarm(...)`` on a press; ``cancel(...)``; ``stop()`` at shutdown."""

    def __init__(
        self,
        store: Store | None,
        *,
        observers: Iterable[AlarmObserver] = (),
        config: DispatchConfig | None = None,
        connect: Callable[[], StoreConnection] | None = None,
        session_factory: Callable[[], requests.Session] = requests.Session,
        rng: random.Random | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(name="alarm-dispatcher", daemon=True)
        if store is None and (connect is None or data_dir is None):
            raise ValueError("without a store, pass connect and data_dir")
        self.store = store
        self.config = config or DispatchConfig()
        self._connect = connect or store.connect  # type: ignore[union-attr]
        # Where the read-only copy of the hub credentials lives (services.hub_credentials).
        self.data_dir = data_dir if data_dir is not None else store.data_dir  # type: ignore[union-attr]
        self._session_factory = session_factory
        self._rng = rng or random.Random()
        self._observers: list[AlarmObserver] = list(observers)
        self._observers_lock = threading.Lock()
        self._inbox: queue.SimpleQueue[tuple[str, AlarmView | uuid.UUID, str | None]] = (
            queue.SimpleQueue()
        )
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._states_lock = threading.Lock()
        self._states: dict[uuid.UUID, tuple[AlarmPhase, str | None]] = {}
        # Under _states_lock: which alarms the hub has, which were reported unreachable, and
        # the timers that report them (they run on their own threads).
        self._at_hub: set[uuid.UUID] = set()
        self._unreachable_done: set[uuid.UUID] = set()
        self._unreachable_timers: dict[uuid.UUID, threading.Timer] = {}
        self._follow_lock = threading.Lock()  # orders a press against the start of a poll
        self._following = False  # the call in flight is a follow-up that a press may end
        # Worker-thread-only.
        self._tracks: dict[uuid.UUID, _Track] = {}
        self._conn: StoreConnection | None = None
        self._client: AlarmClient | None = None
        self._client_key: tuple[str, str] | None = None
        self._session: requests.Session | None = None
        self._store_problem: str | None = None
        self.cycles = 0  # for tests and diagnostics

    # -- public, any thread ------------------------------------------------------------------
    def add_observer(self, observer: AlarmObserver) -> None:
        with self._observers_lock:
            self._observers.append(observer)

    def remove_observer(self, observer: AlarmObserver) -> None:
        with self._observers_lock:
            if observer in self._observers:
                self._observers.remove(observer)

    def raise_alarm(
        self,
        conn: StoreConnection | None,
        *,
        kiosk_name: str,
        location: str,
        person: ResidentId | None,
        helper: str | None,
        drill: bool,
        now: datetime | None = None,
    ) -> uuid.UUID:
        """Persist an alarm on the caller's connection, then hand it to this thread.

        Never raises for a storage failure: if the disk refuses (or ``conn`` is None) the
        alarm is kept in memory, sent anyway, and written to the store when it can be.
        """
        moment = now or utcnow()
        alarm_id = uuid.uuid4()
        if conn is not None:
            try:
                alarms.raise_alarm(
                    conn,
                    kiosk_name=kiosk_name,
                    location=location,
                    person=person,
                    helper=helper,
                    drill=drill,
                    now=moment,
                    alarm_id=alarm_id,
                )
            except Exception as exc:  # the emergency path must go on whatever the disk says
                log.warning("alarm %s could not be saved, sending from memory: %s", alarm_id, exc)
                conn = None
                self._inbox.put(("problem", alarm_id, f"alarm not saved to disk: {exc}"))
        if conn is None:
            view = AlarmView(
                id=alarm_id,
                raised_at=moment,
                drill=drill,
                kiosk_name=(kiosk_name or "")[: alarms.MAX_TEXT],
                location=(location or "")[: alarms.MAX_TEXT],
                masked_id=None if person is None else person.masked,
                helper=helper,
                state="sending",
                state_at=moment,
                operator=None,
                hub_received_at=None,
                attempts=0,
                last_error=None,
                cancel_reason=None,
                cancel_requested_at=None,
                cancel_sent_at=None,
            )
            self._inbox.put(("memory", view, None))
        else:
            self._inbox.put(("new", alarm_id, None))
        self._arm_unreachable(alarm_id, moment)
        self.wake()
        with self._follow_lock:
            client = self._client
            if self._following and client is not None:
                client.abort()  # a follow-up poll must not keep the new alarm waiting
        return alarm_id

    def cancel(self, conn: StoreConnection | None, alarm_id: uuid.UUID, reason: str) -> None:
        """Record the user's cancel (a follow-up, never a deletion) and send it."""
        if conn is not None:
            try:
                alarms.cancel_alarm(conn, alarm_id, reason)
            except alarms.AlarmNotFoundError:
                pass  # a memory-only alarm: the worker knows it
            except Exception as exc:
                log.warning("cancel of alarm %s not saved, sending from memory: %s", alarm_id, exc)
        self._inbox.put(("cancel", alarm_id, reason))
        self.wake()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float | None = 10.0) -> bool:
        """End the current HTTP call at once and the thread with it."""
        self._stopping.set()
        self._wake.set()
        with self._follow_lock:
            client = self._client
        if client is not None:
            client.close()
        with self._states_lock:
            timers = list(self._unreachable_timers.values())
            self._unreachable_timers.clear()
        for timer in timers:
            timer.cancel()
        if self.is_alive():
            self.join(timeout)
        return not self.is_alive()

    def state_of(self, alarm_id: uuid.UUID) -> tuple[AlarmPhase, str | None] | None:
        """The last phase reported for ``alarm_id`` (and its detail), if any."""
        with self._states_lock:
            return self._states.get(alarm_id)

    # -- notifications (worker thread) -------------------------------------------------------
    def _each_observer(self, call: Callable[[AlarmObserver], None]) -> None:
        with self._observers_lock:
            observers = list(self._observers)
        for observer in observers:
            try:
                call(observer)
            except Exception:
                log.exception("alarm observer failed")

    def _report_state(self, track: _Track) -> None:
        with self._states_lock:
            if self._states.get(track.view.id) == (track.state, track.detail):
                return
            self._states[track.view.id] = (track.state, track.detail)
        self._each_observer(lambda o: o.on_state(track.view.id, track.state, track.detail))

    def _report_problem(self, track: _Track | None, message: str) -> None:
        if track is not None:
            if track.last_problem == message:
                return
            track.last_problem = message
        alarm_id = None if track is None else track.view.id
        self._each_observer(lambda o: o.problem(alarm_id, message))

    # -- worker thread -----------------------------------------------------------------------
    def run(self) -> None:
        try:
            while not self._stopping.is_set():
                try:
                    wait = self._cycle()
                except Exception as exc:  # never let the emergency thread die
                    log.exception("alarm dispatcher cycle failed")
                    self._report_problem(None, f"internal error: {type(exc).__name__}: {exc}")
                    wait = self.config.retry_interval
                self.cycles += 1
                self._wake.wait(max(0.0, wait))
                self._wake.clear()
        finally:
            if self._session is not None:
                self._session.close()
            if self._conn is not None:
                self._conn.close()

    def _cycle(self) -> float:
        """One pass over every alarm; returns seconds until the next one is wanted."""
        self._drain_inbox()
        conn = self._store_conn()
        if conn is not None:
            self._load_pending(conn)
            self._save_unsaved(conn)
        client = self._hub_client(conn)
        # Alarms the hub does not have yet go first, oldest first.
        order = sorted(self._tracks.values(), key=lambda t: (t.at_hub, t.view.raised_at))
        for track in order:
            # A new press (wake) ends a long follow-up pass: the next cycle sends it first.
            if self._stopping.is_set() or (self._wake.is_set() and track.at_hub):
                break
            self._drain_inbox()  # a cancel pressed meanwhile is sent in this same pass
            if time.monotonic() >= track.next_try:
                self._step(track, client, conn)
        for alarm_id in [i for i, t in self._tracks.items() if t.done]:
            del self._tracks[alarm_id]
        return self._next_wait()

    def _next_wait(self) -> float:
        now = time.monotonic()
        wanted = now + self.config.idle_interval
        for track in self._tracks.values():
            if not track.done:
                wanted = min(wanted, track.next_try)
        return wanted - now

    def _drain_inbox(self) -> None:
        while True:
            try:
                kind, item, reason = self._inbox.get_nowait()
            except queue.Empty:
                return
            if kind == "memory" and isinstance(item, AlarmView):
                track = _Track(item, "sending", None, at_hub=False, in_store=False)
                self._tracks[item.id] = track
                self._report_state(track)
            elif kind == "cancel" and isinstance(item, uuid.UUID):
                cancelled = self._tracks.get(item)
                if cancelled is not None and cancelled.cancel_reason is None:
                    cancelled.cancel_reason = reason or "cancelled"
                    cancelled.cancel_in_store = False  # the caller's write may have failed
                    cancelled.next_try = 0.0
            elif kind == "problem" and isinstance(item, uuid.UUID):
                self._report_problem(None, reason or "problem")
            # "new": nothing to do, _load_pending reads it from the store.

    def _store_conn(self) -> StoreConnection | None:
        if self._conn is None:
            try:
                self._conn = self._connect()
                self._store_problem = None
            except Exception as exc:
                message = f"cannot open the kiosk's data file: {exc}"
                if message != self._store_problem:
                    self._store_problem = message
                    self._report_problem(None, message)
        return self._conn

    def _load_pending(self, conn: StoreConnection) -> None:
        try:
            pending = alarms.pending_alarms(conn)
        except Exception as exc:
            self._report_problem(None, f"cannot read alarms: {exc}")
            return
        for view in pending:
            track = self._tracks.get(view.id)
            if track is None:
                track = _Track(
                    view,
                    view.state,
                    view.operator if view.state != "cancelled" else view.cancel_reason,
                    at_hub=view.at_hub,
                    cancel_reason=view.cancel_reason if view.cancel_requested_at else None,
                    cancel_sent=view.cancel_sent_at is not None,
                )
                self._tracks[view.id] = track
                if view.at_hub:
                    self._mark_at_hub(view.id)
                else:
                    self._arm_unreachable(view.id, view.raised_at)
                self._report_state(track)
            elif track.cancel_reason is None and view.cancel_requested_at is not None:
                track.cancel_reason = view.cancel_reason or "cancelled"
                track.next_try = 0.0

    def _save_unsaved(self, conn: StoreConnection) -> None:
        for track in self._tracks.values():
            try:
                if not track.in_store:
                    alarms.restore_alarm(conn, track.view)
                    track.in_store = True
                if track.cancel_reason is not None and not track.cancel_in_store:
                    alarms.cancel_alarm(conn, track.view.id, track.cancel_reason)
                    track.cancel_in_store = True
                while track.unsaved:
                    state, cancel_sent = track.unsaved[0]
                    alarms.record_hub_state(conn, track.view.id, state, cancel_sent=cancel_sent)
                    track.unsaved.pop(0)
            except Exception as exc:
                self._report_problem(track, f"alarm state not saved to disk yet: {exc}")

    def _hub_client(self, conn: StoreConnection | None) -> AlarmClient | None:
        if conn is not None:
            try:
                url, token, _ = credentials(conn)
            except Exception:
                return self._client or self._client_without_store()
            if not (url and token):
                self._client, self._client_key = None, None
            elif self._client_key != (url, token):
                hub_credentials.remember(self.data_dir, url, token)
                self._use_hub(url, token)
            return self._client
        return self._client or self._client_without_store()

    def _client_without_store(self) -> AlarmClient | None:
        """The store cannot be opened (full disk, read-only folder, damaged file): find the
        hub by reading only, so the alarm still goes out."""
        url, token = hub_credentials.read_without_writing(self.data_dir)
        if url and token:
            self._use_hub(url, token)
        return self._client

    def _use_hub(self, url: str, token: str) -> None:
        if self._session is None:
            self._session = self._session_factory()
        client = AlarmClient(
            url, token, self._session, self.config.timeout, deadline=self.config.deadline
        )
        with self._follow_lock:
            self._client, self._client_key = client, (url, token)
        if self._stopping.is_set():
            client.close()  # stop() ran while this client was being made

    def _arm_unreachable(self, alarm_id: uuid.UUID, raised_at: datetime) -> None:
        """Start the timer that says "call these numbers" if the hub has not got the alarm."""
        left = self.config.unreachable_after - (utcnow() - raised_at).total_seconds()
        timer = threading.Timer(max(0.0, left), self._unreachable_due, args=(alarm_id, raised_at))
        timer.daemon = True
        with self._states_lock:
            if alarm_id in self._unreachable_timers or alarm_id in self._unreachable_done:
                return
            if alarm_id in self._at_hub or self._stopping.is_set():
                return
            self._unreachable_timers[alarm_id] = timer
        timer.start()

    def _unreachable_due(self, alarm_id: uuid.UUID, raised_at: datetime) -> None:
        with self._states_lock:
            self._unreachable_timers.pop(alarm_id, None)
            if alarm_id in self._at_hub or alarm_id in self._unreachable_done:
                return
            if self._stopping.is_set():
                return
            self._unreachable_done.add(alarm_id)
        age = (utcnow() - raised_at).total_seconds()
        self._each_observer(lambda o: o.unreachable(alarm_id, age))

    def _mark_at_hub(self, alarm_id: uuid.UUID) -> None:
        with self._states_lock:
            self._at_hub.add(alarm_id)
            timer = self._unreachable_timers.pop(alarm_id, None)
        if timer is not None:
            timer.cancel()

    def _step(
        self, track: _Track, client: AlarmClient | None, conn: StoreConnection | None
    ) -> None:
        try:
            if client is None:
                raise HubUnavailable("this kiosk is not enrolled with a hub")
            if not track.at_hub:
                self._apply(track, client.raise_alarm(track.view.wire()), conn)
            if track.cancel_reason is not None and not track.cancel_sent:
                cancel = protocol.AlarmCancel(
                    alarm_id=track.view.id, reason=track.cancel_reason[:200]
                )
                self._apply(track, client.cancel_alarm(cancel), conn, cancel_sent=True)
            elif track.state not in alarms.FINAL:
                with self._follow_lock:
                    if self._wake.is_set():  # a press arrived just now: it goes first
                        raise HubCallAborted("follow-up deferred")
                    self._following = True
                try:
                    self._apply(track, client.alarm_state(track.view.id), conn)
                finally:
                    with self._follow_lock:
                        self._following = False
                        client.forget_abort()  # a press that came after the poll ended
        except HubCallAborted:
            track.next_try = 0.0  # ended on purpose (a new press, or stopping): poll again soon
            return
        except HubError as exc:
            self._failed(track, str(exc), conn)
            return
        track.failures = 0
        track.next_try = time.monotonic() + self.config.follow_interval

    def _apply(
        self,
        track: _Track,
        state: protocol.AlarmState,
        conn: StoreConnection | None,
        *,
        cancel_sent: bool = False,
    ) -> None:
        if state.alarm_id != track.view.id:
            raise HubUnavailable("the hub answered about another alarm")  # retried
        if not track.at_hub:
            track.at_hub = True
            self._mark_at_hub(track.view.id)
        track.last_problem = None
        if cancel_sent:
            track.cancel_sent = True
        moved = alarms.RANK[state.state] > alarms.RANK[track.state]
        if moved:
            track.state = state.state
            track.detail = _detail(state, track)
        track.unsaved.append((state, cancel_sent))
        if conn is not None and track.in_store:
            self._save_unsaved(conn)
        self._report_state(track)

    def _failed(self, track: _Track, message: str, conn: StoreConnection | None) -> None:
        track.failures += 1
        jitter = self._rng.uniform(-self.config.retry_jitter, self.config.retry_jitter)
        delay = self.config.retry_interval * (1.0 + jitter)
        if track.at_hub:
            delay = max(delay, self.config.follow_interval)
        track.next_try = time.monotonic() + delay
        self._report_problem(track, message)
        if conn is not None and track.in_store and not track.at_hub:
            try:
                alarms.record_send_error(conn, track.view.id, message)
            except Exception as exc:
                self._report_problem(track, f"alarm state not saved to disk yet: {exc}")
