"""An in-memory stand-in for the hub API, for unit tests of the sync engine and worker.

It deduplicates by envelope id like the real hub, keeps a status feed, serves catalogues with
ETags, and can be told to fail the next calls in chosen ways.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID

import requests

from services import protocol
from services.hub_client import (
    CatalogueBody,
    HubError,
    HubRejected,
    HubUnavailable,
    NotModified,
)
from services.sync_engine import HubApi, SyncConfig

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def callback_payload(note: str = "") -> dict[str, object]:
    return {"topic": "benefits", "phone": "13800138000", "note": note or None}


def make_slot(i: int, department: str = "dep-1", day_offset: int = 0) -> protocol.Slot:
    start = NOW + timedelta(days=day_offset, minutes=15 * (i % 40))
    return protocol.Slot(
        id=f"slot-{department}-{day_offset}-{i}",
        hospital_id="hosp-1",
        department_id=department,
        doctor=protocol.LocalizedText(zh_CN="王医生", zh_HK="王醫生", en="Dr Wang"),
        starts_at=start,
        ends_at=start + timedelta(minutes=15),
        capacity=10,
        remaining=i % 3,
        senior_reserved=i % 2 == 0,
        fee_fen=2500,
    )


class FakeHub(HubApi):
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.results: dict[UUID, protocol.RequestResult] = {}
        self.received: Counter[UUID] = Counter()  # envelope ids per POST, duplicates included
        self.feed: list[protocol.StatusUpdate] = []
        self.catalogues: dict[str, protocol.Catalogue[protocol.Slot]] = {}
        self.calls: Counter[str] = Counter()
        self.failures: list[tuple[str, Callable[[], Exception]]] = []  # (method or "*", maker)
        self.reject_kinds: set[str] = set()
        self.poison: set[UUID] = set()  # a batch containing one of these gets HubRejected(422)
        self.heartbeats: list[protocol.Heartbeat] = []
        self.batch_sizes: list[int] = []

    def fail_next(self, method: str, maker: Callable[[], Exception], times: int = 1) -> None:
        with self.lock:
            self.failures.extend([(method, maker)] * times)

    def _maybe_fail(self, method: str) -> None:
        with self.lock:
            self.calls[method] += 1
            for i, (name, maker) in enumerate(self.failures):
                if name in (method, "*"):
                    del self.failures[i]
                    raise maker()

    # -- HubApi --------------------------------------------------------------------------------
    def submit(self, batch: protocol.RequestBatch) -> protocol.BatchResult:
        self._maybe_fail("submit")
        if any(e.id in self.poison for e in batch.requests):
            raise HubRejected(422, "validation", "bad item in batch")
        out = []
        with self.lock:
            self.batch_sizes.append(len(batch.requests))
            for env in batch.requests:
                self.received[env.id] += 1
                if env.id not in self.results:
                    rejected = env.kind in self.reject_kinds
                    self.results[env.id] = protocol.RequestResult(
                        id=env.id,
                        status="rejected" if rejected else "accepted",
                        reference=None if rejected else f"REF-{len(self.results) + 1}",
                        reason_code="slot_taken" if rejected else None,
                        message=protocol.LocalizedText(zh_CN="已满", zh_HK="已滿", en="Taken")
                        if rejected
                        else None,
                        alternatives=["slot-2"] if rejected else [],
                        processed_at=NOW,
                    )
                out.append(self.results[env.id])
        return protocol.BatchResult(results=out)

    def push_status(self, request_id: UUID, status: protocol.StatusValue) -> None:
        with self.lock:
            self.feed.append(
                protocol.StatusUpdate(
                    seq=len(self.feed) + 1, request_id=request_id, status=status, at=NOW
                )
            )

    def status(self, cursor: int, limit: int | None = None) -> protocol.StatusFeed:
        self._maybe_fail("status")
        with self.lock:
            page = [u for u in self.feed if u.seq > cursor][: limit or 1000]
            nxt = page[-1].seq if page else cursor
            return protocol.StatusFeed(updates=page, next_cursor=nxt)

    def get_catalogue(self, name: str, etag: str | None = None) -> NotModified | CatalogueBody:
        self._maybe_fail("get_catalogue")
        with self.lock:
            cat = self.catalogues.get(name)
            if cat is None:
                cat = protocol.Catalogue[protocol.Slot](items=[], version="v0", generated_at=NOW)
            tag = f'"{cat.version}"'
            if etag == tag:
                return NotModified(name, tag)
            model = protocol.CATALOGUE_MODELS[name]
            return CatalogueBody(name, tag, model.model_validate(cat.model_dump()))

    def heartbeat(self, beat: protocol.Heartbeat) -> protocol.HeartbeatAck:
        self._maybe_fail("heartbeat")
        with self.lock:
            self.heartbeats.append(beat)
        return protocol.HeartbeatAck(server_time=NOW, silent_after_s=180)


def factory_for(hub: FakeHub) -> Callable[[str, str, requests.Session, SyncConfig], HubApi]:
    def make(url: str, token: str, session: requests.Session, config: SyncConfig) -> HubApi:
        return hub

    return make


def unavailable() -> Exception:
    return HubUnavailable("cannot reach the hub: connection refused")


def hub_error(kind: type[HubError], *args: object) -> Callable[[], Exception]:
    return lambda: kind(*args)
