"""The background sync worker (a plain thread, no Qt) and the one-shot ``sync_once``.

``SyncWorker(store, on_state=..., on_request_changed=...)`` owns its ``requests.Session``, its
SQLite connection and its :class:`~services.hub_client.HubClient`. Each cycle it drains the
normal outbox lane, pulls the status feed from the persisted cursor, refreshes catalogues on a
schedule (``If-None-Match``) and sends a heartbeat. Any failure - hub down, slow, 5xx,
malformed or oversized replies, bad TLS certificate, a full disk - is recorded and retried with
backoff; nothing is dropped and the thread never dies. A revoked token turns the kiosk
"not enrolled": the worker stops calling the hub (the queue is kept) until new credentials are
stored (see ``kiosk.sync_cli.enrol``), which it notices on its next wake-up.

Callbacks run on the worker thread and must be cheap and thread-safe (e.g. emit a queued Qt
signal). ``on_state`` is called only when the :class:`SyncState` changes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

import requests

from services.hub_client import HubAuthError, HubClient, HubError, HubProtocolError
from services.outbox import Backoff, Outbox, count_dead_letters
from services.store import (
    KEY_HUB_URL,
    KEY_LAST_ERROR,
    KEY_LAST_SUCCESS,
    KEY_SCHEMA_ERRORS,
    KEY_TOKEN,
    KEY_TOKEN_REVOKED,
    StorageError,
    Store,
    StoreConnection,
    iso,
    parse_iso,
    utcnow,
)
from services.sync_engine import HubApi, PassStats, SyncConfig, SyncEngine

log = logging.getLogger(__name__)

ClientFactory = Callable[[str, str, requests.Session, SyncConfig], HubApi]


@dataclass(frozen=True, slots=True)
class SyncState:
    online: bool | None  # None: not known yet (or no hub configured)
    enrolled: bool
    last_success: datetime | None
    queue_depth: int
    dead_letters: int
    last_error: str | None
    schema_errors: int


@dataclass(frozen=True, slots=True)
class SyncReport:
    ok: bool
    enrolled: bool
    sent: int = 0
    accepted: int = 0
    rejected: int = 0
    dead_lettered: int = 0
    status_updates: int = 0
    catalogues_updated: list[str] = field(default_factory=list)
    catalogues_unchanged: list[str] = field(default_factory=list)
    heartbeat: bool = False
    queue_depth: int = 0
    dead_letters: int = 0
    schema_errors: int = 0
    error: str | None = None
    # Catalogues whose new version was refused as invalid (the cached one stays in use):
    # the pass did not fully work, so ``ok`` is false.
    catalogues_refused: list[str] = field(default_factory=list)
    # What failed: "storage" (this kiosk's disk), "hub" (unreachable, refused, garbled) or
    # "catalogue" (a refused catalogue only); None when ok.
    failure: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def token_fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:32]


def credentials(conn: StoreConnection) -> tuple[str | None, str | None, bool]:
    """``(hub_url, token, enrolled)`` as stored; enrolled means a token not known revoked."""
    url, token = conn.get(KEY_HUB_URL), conn.get(KEY_TOKEN)
    enrolled = bool(token) and conn.get(KEY_TOKEN_REVOKED) != token_fingerprint(token or "")
    return url, token, enrolled


def read_state(conn: StoreConnection, online: bool | None) -> SyncState:
    _, _, enrolled = credentials(conn)
    return SyncState(
        online=online,
        enrolled=enrolled,
        last_success=parse_iso(conn.get(KEY_LAST_SUCCESS)),
        queue_depth=Outbox(conn, lane=None).depth(),
        dead_letters=count_dead_letters(conn),
        last_error=conn.get(KEY_LAST_ERROR),
        schema_errors=conn.get_int(KEY_SCHEMA_ERRORS),
    )


def default_client(url: str, token: str, session: requests.Session, config: SyncConfig) -> HubApi:
    return HubClient(url, token, session, config.timeout, deadline=config.deadline)


def run_pass(
    conn: StoreConnection,
    engine: SyncEngine,
    token: str,
    *,
    status: bool = True,
    catalogues: bool = True,
    heartbeat: bool = True,
    ignore_backoff: bool = False,
    should_stop: Callable[[], bool] = lambda: False,
) -> tuple[PassStats, Exception | None]:
    """One pass; records success/failure in the store. Returns the stats and the failure."""
    stats = PassStats()
    previous_error = conn.get(KEY_LAST_ERROR)
    try:
        engine.drain(stats, ignore_backoff=ignore_backoff, should_stop=should_stop)
        if (status or stats.sent) and not should_stop():
            engine.pull_status(stats)
        if catalogues and not should_stop():
            engine.refresh_catalogues(stats)
        if heartbeat and not should_stop():
            engine.send_heartbeat(stats, previous_error)
    except Exception as exc:
        if isinstance(exc, HubAuthError):
            message = (
                "this kiosk's hub token was revoked; enrol it again from the admin screen"
                if exc.revoked
                else "the hub does not accept this kiosk's token; enrol it again"
            )
            with contextlib.suppress(Exception):
                conn.set(KEY_TOKEN_REVOKED, token_fingerprint(token))
        elif isinstance(exc, HubError):
            message = str(exc)
        elif isinstance(exc, StorageError):
            # The kiosk's own disk (full, read-only, file-size limit): said plainly, as the
            # admin screen and `sync --once` show it; not a programming error.
            log.error("sync pass stopped: %s", exc)
            message = f"storage: {exc}"
        else:
            log.exception("sync pass failed")
            message = f"internal error: {type(exc).__name__}: {exc}"
        with contextlib.suppress(Exception):
            if isinstance(exc, HubProtocolError):
                conn.increment(KEY_SCHEMA_ERRORS)
            conn.set(KEY_LAST_ERROR, message[:500])
        return stats, exc
    conn.set(KEY_LAST_SUCCESS, iso(utcnow()))
    conn.set(KEY_LAST_ERROR, None)
    return stats, None


def sync_once(
    store: Store,
    hub_url: str | None = None,
    *,
    session: requests.Session | None = None,
    config: SyncConfig | None = None,
    client_factory: ClientFactory = default_client,
) -> SyncReport:
    """One full synchronous pass (CLI / tests): everything queued is tried, backoff or not."""
    cfg = config or SyncConfig()
    with store.connect() as conn:
        stored_url, token, enrolled = credentials(conn)
        url = hub_url or stored_url
        error = None
        if not url:
            error = "no hub configured; enrol this kiosk first"
        elif not token or not enrolled:
            error = "this kiosk is not enrolled with a hub (or its token was revoked)"
        if error is not None or url is None or token is None:
            state = read_state(conn, None)
            return SyncReport(
                ok=False,
                enrolled=state.enrolled,
                queue_depth=state.queue_depth,
                dead_letters=state.dead_letters,
                schema_errors=state.schema_errors,
                error=error,
            )
        own = session is None
        sess = session or requests.Session()
        try:
            engine = SyncEngine(conn, client_factory(url, token, sess, cfg), cfg)
            stats, exc = run_pass(conn, engine, token, ignore_backoff=True)
        finally:
            if own:
                sess.close()
        state = read_state(conn, exc is None)
        refused = list(stats.catalogues_refused)
        failure = None
        if exc is not None:
            failure = "storage" if isinstance(exc, StorageError) else "hub"
        elif refused:
            failure = "catalogue"
        return SyncReport(
            ok=failure is None,
            failure=failure,
            catalogues_refused=refused,
            enrolled=state.enrolled,
            sent=stats.sent,
            accepted=stats.accepted,
            rejected=stats.rejected,
            dead_lettered=stats.dead_lettered,
            status_updates=stats.status_updates,
            catalogues_updated=stats.catalogues_updated,
            catalogues_unchanged=stats.catalogues_unchanged,
            heartbeat=stats.heartbeat,
            queue_depth=state.queue_depth,
            dead_letters=state.dead_letters,
            schema_errors=state.schema_errors,
            error=state.last_error if exc is not None else _refusals(conn, refused),
        )


def _refusals(conn: StoreConnection, names: list[str]) -> str | None:
    if not names:
        return None
    from services import catalogue_problems

    found = {p.catalogue: p.problem for p in catalogue_problems.problems(conn)}
    return "; ".join(f"catalogue {name}: {found.get(name, 'refused')}" for name in names)


class SyncWorker(threading.Thread):
    """Background sync. ``start()``, then ``wake()`` after queuing; ``stop()`` at shutdown."""

    def __init__(
        self,
        store: Store,
        *,
        config: SyncConfig | None = None,
        on_state: Callable[[SyncState], None] | None = None,
        on_request_changed: Callable[[UUID], None] | None = None,
        session_factory: Callable[[], requests.Session] = requests.Session,
        client_factory: ClientFactory = default_client,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(name="sync-worker", daemon=True)
        self.store = store
        self.config = config or SyncConfig()
        self._on_state = on_state
        self._on_request_changed = on_request_changed
        self._session_factory = session_factory
        self._client_factory = client_factory
        self._clock = clock
        self._backoff = Backoff(self.config.backoff_base, self.config.backoff_cap, rng)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._state: SyncState | None = None
        self.passes = 0  # cycles that talked to the hub (for tests and diagnostics)
        self.cycles = 0  # all cycles, including those that did not
        # Worker-thread-only schedule state.
        self._key: tuple[str, str] | None = None
        self._engine: SyncEngine | None = None
        self._online: bool | None = None
        self._failures = 0
        self._retry_at = self._next_status = self._next_catalogue = self._next_heartbeat = 0.0

    # -- public, any thread ------------------------------------------------------------------
    def wake(self) -> None:
        """Run a cycle now (call after queuing something). Cheap, non-blocking."""
        self._wake.set()

    def stop(self, timeout: float | None = 10.0) -> bool:
        """Ask the worker to finish and wait up to ``timeout`` s; True if it has ended.

        An HTTP call already in flight is allowed to finish (bounded by the client timeout).
        """
        self._stopping.set()
        self._wake.set()
        if self.is_alive():
            self.join(timeout)
        return not self.is_alive()

    @property
    def state(self) -> SyncState | None:
        with self._lock:
            return self._state

    # -- worker thread ----------------------------------------------------------------------
    def _notify_changed(self, request_id: UUID) -> None:
        if self._on_request_changed is not None:
            try:
                self._on_request_changed(request_id)
            except Exception:
                log.exception("on_request_changed callback failed")

    def _publish(self, state: SyncState) -> None:
        with self._lock:
            if state == self._state:
                return
            self._state = state
        if self._on_state is not None:
            try:
                self._on_state(state)
            except Exception:
                log.exception("on_state callback failed")

    def _sleep(self, seconds: float) -> bool:
        """Wait for a wake-up or ``seconds``; True if woken explicitly."""
        woken = self._wake.wait(max(0.0, seconds))
        self._wake.clear()
        return woken

    def run(self) -> None:
        conn: StoreConnection | None = None
        failures = 0
        while conn is None and not self._stopping.is_set():
            try:
                conn = self.store.connect()
            except Exception as exc:
                failures += 1
                log.warning("sync worker cannot open the store: %s", exc)
                self._publish(SyncState(None, False, None, 0, 0, str(exc)[:500], 0))
                self._sleep(self._backoff.delay(failures) + 1.0)
        if conn is None:
            return
        session = self._session_factory()
        try:
            self._loop(conn, session)
        finally:
            session.close()
            conn.close()

    def _loop(self, conn: StoreConnection, session: requests.Session) -> None:
        woken = True
        while not self._stopping.is_set():
            try:
                wait_until = self._cycle(conn, session, woken)
                self._publish(read_state(conn, self._online))
            except Exception as exc:  # the store itself failed (disk full, ...): keep going
                self._failures += 1
                log.warning("sync cycle failed: %s", exc)
                self._retry_at = wait_until = self._clock() + self._backoff.delay(self._failures)
                last = self.state or SyncState(self._online, False, None, 0, 0, None, 0)
                self._publish(dataclasses.replace(last, last_error=str(exc)[:500]))
            self.cycles += 1
            woken = self._sleep(wait_until - self._clock())

    def _cycle(self, conn: StoreConnection, session: requests.Session, woken: bool) -> float:
        """One cycle; returns the epoch time at which the next one is wanted."""
        cfg = self.config
        now = self._clock()
        url, token, enrolled = credentials(conn)
        if not (url and token and enrolled):
            self._online = None if not url else self._online
            self._key, self._engine = None, None
            return now + cfg.idle_interval
        if self._key != (url, token) or self._engine is None:
            self._engine = SyncEngine(
                conn,
                self._client_factory(url, token, session, cfg),
                cfg,
                backoff=Backoff(cfg.backoff_base, cfg.backoff_cap, self._backoff.rng),
                clock=self._clock,
                on_request_changed=self._notify_changed,
            )
            self._key, self._failures, self._retry_at = (url, token), 0, 0.0
            self._next_status = self._next_catalogue = self._next_heartbeat = now
        if woken:
            self._retry_at = 0.0  # a fresh user action deserves a prompt attempt
        if now >= self._retry_at:
            self._attempt(conn, self._engine, token, now)
        if self._failures:
            return min(now + cfg.idle_interval, self._retry_at)
        due = self._engine.outbox.next_due()
        return min(
            now + cfg.idle_interval,
            self._next_status,
            self._next_catalogue,
            self._next_heartbeat,
            due if due is not None else now + cfg.idle_interval,
        )

    def _attempt(self, conn: StoreConnection, engine: SyncEngine, token: str, now: float) -> None:
        cfg = self.config
        do_status, do_cat = now >= self._next_status, now >= self._next_catalogue
        do_hb = now >= self._next_heartbeat
        _, exc = run_pass(
            conn,
            engine,
            token,
            status=do_status,
            catalogues=do_cat,
            heartbeat=do_hb,
            should_stop=self._stopping.is_set,
        )
        self.passes += 1
        done = self._clock()
        if exc is None or isinstance(exc, HubAuthError):
            self._online, self._failures = True, 0
            if do_status:
                self._next_status = done + cfg.status_interval
            if do_cat:
                self._next_catalogue = done + cfg.catalogue_interval
            if do_hb:
                self._next_heartbeat = done + cfg.heartbeat_interval
        else:
            self._online, self._failures = False, self._failures + 1
            self._retry_at = done + self._backoff.delay(self._failures)
