"""One sync pass, step by step, over one connection and one hub client (no threads here).

:class:`SyncEngine` is driven by :class:`services.sync.SyncWorker` (background thread) and by
:func:`services.sync.sync_once` (CLI). Steps raise the ``hub_client`` exceptions; the outbox is
always updated first, so an interrupted step loses and duplicates nothing (the hub dedups ids).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from uuid import UUID

from pydantic import ValidationError

from services import catalogue_problems, protocol
from services.benefits import check_rules
from services.catalogue_cache import CatalogueCache
from services.hub_client import (
    CatalogueBody,
    HubProtocolError,
    HubRejected,
    NotModified,
)
from services.outbox import DEAD, Backoff, Delivery, Outbox, OutboxItem, count_dead_letters, dumps
from services.store import (
    KEY_STATUS_CURSOR,
    StoreConnection,
    iso,
    utcnow,
)

log = logging.getLogger(__name__)

KIOSK_VERSION = "0.1.0"
# Whole-batch refusals that mean "something in this body is bad": isolate it, dead-letter it.
ITEM_FAULT_STATUSES = frozenset({400, 413, 422})


class HubApi(Protocol):
    """What the engine needs from a hub client (``HubClient`` or a test fake)."""

    def get_catalogue(self, name: str, etag: str | None = None) -> NotModified | CatalogueBody: ...
    def submit(self, batch: protocol.RequestBatch) -> protocol.BatchResult: ...
    def status(self, cursor: int, limit: int | None = None) -> protocol.StatusFeed: ...
    def heartbeat(self, beat: protocol.Heartbeat) -> protocol.HeartbeatAck: ...


@dataclass(frozen=True, slots=True)
class SyncConfig:
    batch_size: int = 100  # envelopes per POST (capped at protocol.MAX_BATCH)
    status_interval: float = 15.0  # s between status-feed polls when idle
    status_page: int = 500
    catalogue_interval: float = 300.0
    heartbeat_interval: float = 60.0
    idle_interval: float = 60.0  # longest sleep when nothing is scheduled
    backoff_base: float = 1.0
    backoff_cap: float = 300.0
    timeout: tuple[float, float] = (3.05, 10.0)
    deadline: float = 30.0  # s for a whole hub call, however slowly the hub sends its bytes
    catalogues: tuple[str, ...] = protocol.CATALOGUE_NAMES
    kiosk_version: str = KIOSK_VERSION
    voice_model: Callable[[], str] = field(default=lambda: "unknown")
    max_status_pages: int = 20  # per pass, so a long backlog cannot starve the other steps


@dataclass(slots=True)
class PassStats:
    sent: int = 0
    accepted: int = 0
    rejected: int = 0
    dead_lettered: int = 0
    status_updates: int = 0
    catalogues_updated: list[str] = field(default_factory=list)
    catalogues_unchanged: list[str] = field(default_factory=list)
    catalogues_refused: list[str] = field(default_factory=list)  # see catalogue_problems
    heartbeat: bool = False


# Checks beyond the schema, run on a catalogue's items before it replaces the cached one;
# each returns a list of problems (empty: accept).
CATALOGUE_CHECKS: dict[str, Callable[[Sequence[Any]], list[str]]] = {
    "benefit_rules": check_rules,
}


def _content_invalid(exc: HubProtocolError) -> bool:
    """True when the reply was well-formed JSON that broke the schema (not garbled)."""
    cause = exc.__cause__
    return isinstance(cause, ValidationError) and all(
        e["type"] != "json_invalid" for e in cause.errors()
    )


def _describe_refusal(exc: HubProtocolError) -> str:
    cause = exc.__cause__
    if not _content_invalid(exc) or not isinstance(cause, ValidationError):
        return str(exc)
    errors = cause.errors()
    shown = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors[:3]]
    more = f" and {len(errors) - 3} more" if len(errors) > 3 else ""
    return f"it does not match the protocol ({'; '.join(shown)}{more})"


def build_envelope(item: OutboxItem) -> protocol.RequestEnvelope:
    """The wire form of a queued item (raises ``ValidationError`` if it can never be valid)."""
    return protocol.RequestEnvelope.model_validate(
        {
            "id": item.request_id,
            "kind": item.kind,
            "created_at": item.created_at,
            "helper_id": item.helper_id,
            "payload": item.payload,
        }
    )


class SyncEngine:
    def __init__(
        self,
        conn: StoreConnection,
        client: HubApi,
        config: SyncConfig | None = None,
        *,
        backoff: Backoff | None = None,
        clock: Callable[[], float] = time.time,
        on_request_changed: Callable[[UUID], None] | None = None,
    ) -> None:
        self.conn = conn
        self.client = client
        self.config = config or SyncConfig()
        self.clock = clock
        self.outbox = Outbox(
            conn,
            lane="normal",
            backoff=backoff or Backoff(self.config.backoff_base, self.config.backoff_cap),
        )
        self.cache = CatalogueCache(conn)
        self.on_request_changed = on_request_changed
        self.last_error: str | None = None

    def _changed(self, ids: Sequence[UUID]) -> None:
        if self.on_request_changed is not None:
            for rid in ids:
                self.on_request_changed(rid)

    # -- outbox -------------------------------------------------------------------------------
    def drain(
        self,
        stats: PassStats,
        *,
        ignore_backoff: bool = False,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> None:
        """Send due items in batches until none is due. Raises on the first transport failure."""
        size = max(1, min(self.config.batch_size, protocol.MAX_BATCH))
        while not should_stop():
            now = self.clock()
            items = self.outbox.due(float("inf") if ignore_backoff else now, size)
            if not items:
                return
            envelopes: list[protocol.RequestEnvelope] = []
            for item in items:
                try:
                    envelopes.append(build_envelope(item))
                except ValidationError as exc:
                    self.outbox.dead_letter(
                        [item.request_id], f"cannot be encoded: {exc.error_count()} error(s)"
                    )
                    stats.dead_lettered += 1
                    self._changed([item.request_id])
            if envelopes:
                self._send(envelopes, stats)

    def _send(self, envelopes: list[protocol.RequestEnvelope], stats: PassStats) -> None:
        ids = [e.id for e in envelopes]
        batch = protocol.RequestBatch(requests=envelopes)
        if len(envelopes) > 1 and len(batch.model_dump_json()) > protocol.MAX_BODY_BYTES:
            half = len(envelopes) // 2
            self._send(envelopes[:half], stats)
            self._send(envelopes[half:], stats)
            return
        self.outbox.mark_sending(ids)
        try:
            result = self.client.submit(batch)
        except HubRejected as exc:
            if exc.status not in ITEM_FAULT_STATUSES:
                # e.g. 404/403: the hub (or its URL) is wrong, not the items - keep them.
                self.outbox.mark_failed(ids, str(exc), self.clock())
                raise
            # The hub refuses the batch as a whole: find the poisoned item(s) by halving.
            if len(envelopes) == 1:
                self.outbox.dead_letter(ids, str(exc), exc.status)
                stats.dead_lettered += 1
                self._changed(ids)
                return
            half = len(envelopes) // 2
            self._send(envelopes[:half], stats)
            self._send(envelopes[half:], stats)
            return
        except Exception as exc:
            self.outbox.mark_failed(ids, str(exc), self.clock())
            raise
        stats.sent += len(envelopes)
        wanted = set(ids)
        deliveries = [Delivery.from_result(r) for r in result.results if r.id in wanted]
        changed = self.outbox.mark_delivered(deliveries)
        stats.accepted += sum(1 for d in deliveries if d.accepted)
        stats.rejected += sum(1 for d in deliveries if not d.accepted)
        self._changed(changed)
        missing = wanted - {d.request_id for d in deliveries}
        if missing or len(result.results) != len(envelopes):
            self.outbox.mark_failed(
                missing, "the hub's reply did not cover the batch", self.clock()
            )
            raise HubProtocolError(
                f"the hub answered {len(result.results)} results for {len(envelopes)} requests"
            )

    # -- status feed --------------------------------------------------------------------------
    def pull_status(self, stats: PassStats) -> None:
        for _ in range(self.config.max_status_pages):
            cursor = self.conn.get_int(KEY_STATUS_CURSOR)
            feed = self.client.status(cursor, self.config.status_page)
            changed = self.apply_status(feed)
            stats.status_updates += len(feed.updates)
            self._changed(changed)
            if not feed.updates or feed.next_cursor <= cursor:
                return

    def apply_status(self, feed: protocol.StatusFeed) -> list[UUID]:
        """Apply one page and advance the persisted cursor in the same transaction."""
        stamp = iso(utcnow())
        changed: list[UUID] = []
        with self.conn.transaction():
            for up in feed.updates:
                rid = str(up.request_id)
                message = None if up.message is None else dumps(up.message.model_dump())
                # A status proves the hub decided on it: a dead letter (e.g. a 400 that reached
                # us after the hub had processed the batch) was a false alarm.
                revived = self.conn.raw.execute(
                    "DELETE FROM dead_letters WHERE request_id = ?", (rid,)
                ).rowcount
                if revived:
                    self.conn.raw.execute(
                        "UPDATE requests SET reason_code = NULL WHERE id = ? AND state = ?",
                        (rid, DEAD),
                    )
                cur = self.conn.raw.execute(
                    "UPDATE requests SET state = ?, hub_status = ?, status_seq = ?,"
                    " reference = COALESCE(?, reference), reason_code = COALESCE(?, reason_code),"
                    " reason_message = COALESCE(?, reason_message),"
                    " detail = json_patch(COALESCE(detail, '{}'), ?),"
                    " delivered_at = COALESCE(delivered_at, ?), updated_at = ?"
                    " WHERE id = ? AND (status_seq IS NULL OR status_seq < ?)",
                    (
                        up.status,
                        up.status,
                        up.seq,
                        up.reference,
                        up.reason_code,
                        message,
                        json.dumps({"status_at": up.at.isoformat()}),
                        stamp,
                        stamp,
                        rid,
                        up.seq,
                    ),
                )
                # A status for it proves the hub has it: no need to send it again.
                self.conn.raw.execute("DELETE FROM outbox WHERE request_id = ?", (rid,))
                if cur.rowcount:
                    changed.append(up.request_id)
            self.conn.raw.execute(
                "INSERT INTO kv(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key)"
                " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (KEY_STATUS_CURSOR, str(feed.next_cursor), stamp),
            )
        return changed

    # -- catalogues and heartbeat ----------------------------------------------------------------
    def refresh_catalogues(self, stats: PassStats) -> None:
        """Refresh every catalogue (``If-None-Match``); one bad catalogue never stops the rest.

        A version that does not validate - the schema, or a deeper check from
        ``CATALOGUE_CHECKS`` - is kept out: the cached version stays in use and the problem is
        recorded for the admin (``services.catalogue_problems``). A garbled reply (not JSON,
        cut short, too large) is recorded too, and raised once the others are done, so the
        pass still counts as failed and is retried. Transport failures stop the pass at once.
        """
        garbled: HubProtocolError | None = None
        for name in self.config.catalogues:
            try:
                reply = self.client.get_catalogue(name, self.cache.etag(name))
            except HubProtocolError as exc:
                self._refuse(name, _describe_refusal(exc), stats)
                if not _content_invalid(exc):
                    garbled = garbled or exc
                continue
            if isinstance(reply, NotModified):
                self.cache.touch(name)
                stats.catalogues_unchanged.append(name)
            else:
                check = CATALOGUE_CHECKS.get(name)
                found = check(getattr(reply.catalogue, "items", [])) if check else []
                if found:
                    self._refuse(name, "; ".join(found), stats)
                    continue
                self.cache.store(name, reply.catalogue, reply.etag)
                stats.catalogues_updated.append(name)
            catalogue_problems.clear(self.conn, name)
        if garbled is not None:
            raise garbled

    def _refuse(self, name: str, problem: str, stats: PassStats) -> None:
        entry = self.cache.entry(name)
        kept = (
            f"the version fetched {iso(entry.fetched_at)} is still used"
            if entry is not None
            else "there is no earlier version to use"
        )
        text = f"refused a new version: {problem} ({kept})"
        log.warning("catalogue %s: %s", name, text)
        catalogue_problems.record(self.conn, name, text)
        stats.catalogues_refused.append(name)

    def send_heartbeat(self, stats: PassStats, last_error: str | None) -> protocol.HeartbeatAck:
        beat = protocol.Heartbeat(
            kiosk_version=self.config.kiosk_version[:32],
            queue_depth=self.outbox.depth(),
            dead_letters=count_dead_letters(self.conn),
            last_error=None if last_error is None else last_error[:500],
            voice_model=self.config.voice_model()[:64],
            sent_at=utcnow(),
        )
        ack = self.client.heartbeat(beat)
        stats.heartbeat = True
        return ack
