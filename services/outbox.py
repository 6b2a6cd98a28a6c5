"""The transactional outbox: local business rows plus what still has to reach the hub.

``Outbox.enqueue(conn, kind, payload)`` writes the ``requests`` row (the local record the screens
show) and its ``outbox`` row in ONE transaction, with a client-generated UUID; call it inside
``conn.transaction()`` to make it part of a bigger local write. Delivery is at least once (the
hub deduplicates by id). A failed attempt is retried with exponential backoff and full jitter;
a hub rejection becomes the visible ``rejected`` state with its reason; what can never be
delivered (the hub refuses the item itself, or it cannot even be encoded) moves to the
dead-letter list for the admin screen.

Lanes: each sender works on one lane with its own thread and connection (``Outbox(conn,
lane="emergency")``), so emergency traffic never waits behind the normal queue.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import ValidationError

from services import protocol
from services.store import StoreConnection, iso, parse_iso, utcnow

Lane = Literal["normal", "emergency"]
LANES: tuple[Lane, ...] = ("normal", "emergency")

QUEUED = "queued"
SENDING = "sending"
ACCEPTED = "accepted"
REJECTED = "rejected"
DEAD = "dead"
#: States after which nothing more is sent for the request (the hub may still report progress).
PENDING_STATES = frozenset({QUEUED, SENDING})


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class Backoff:
    """Exponential backoff with full jitter: ``uniform(0, min(cap, base * 2**(n-1)))``."""

    def __init__(
        self, base: float = 1.0, cap: float = 300.0, rng: random.Random | None = None
    ) -> None:
        self.base = base
        self.cap = cap
        self.rng = rng or random.Random()

    def ceiling(self, attempts: int) -> float:
        return min(self.cap, self.base * 2.0 ** min(max(attempts, 1) - 1, 40))

    def delay(self, attempts: int) -> float:
        """Seconds to wait after the ``attempts``-th consecutive failure (``attempts`` >= 1)."""
        return self.rng.uniform(0.0, self.ceiling(attempts))


@dataclass(frozen=True, slots=True)
class OutboxItem:
    request_id: UUID
    kind: str
    lane: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    helper_id: str | None = None


@dataclass(frozen=True, slots=True)
class Delivery:
    """The hub's verdict on one request (built from ``protocol.RequestResult``)."""

    request_id: UUID
    accepted: bool
    reference: str | None = None
    reason_code: str | None = None
    reason_message: dict[str, str] | None = None
    alternatives: tuple[str, ...] = ()
    amount_fen: int | None = None  # what the senior pays (accepted meal orders)

    @classmethod
    def from_result(cls, result: protocol.RequestResult) -> Delivery:
        return cls(
            request_id=result.id,
            accepted=result.status == "accepted",
            reference=result.reference,
            reason_code=result.reason_code,
            reason_message=None if result.message is None else result.message.model_dump(),
            alternatives=tuple(result.alternatives),
            amount_fen=result.amount_fen,
        )


@dataclass(frozen=True, slots=True)
class DeadLetter:
    request_id: UUID
    kind: str
    lane: str
    reason: str
    http_status: int | None
    attempts: int
    failed_at: datetime


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """A local request row as the screens see it."""

    id: UUID
    kind: str
    lane: str
    payload: dict[str, Any]
    state: str
    reference: str | None
    reason_code: str | None
    reason_message: dict[str, str] | None
    alternatives: tuple[str, ...]
    hub_status: str | None
    detail: dict[str, Any]  # extra hub facts: amount_fen, last status time ...
    created_at: datetime
    updated_at: datetime
    delivered_at: datetime | None

    @property
    def pending(self) -> bool:
        return self.state in PENDING_STATES

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> RequestRecord:
        created = parse_iso(row["created_at"])
        updated = parse_iso(row["updated_at"])
        assert created is not None and updated is not None
        return cls(
            id=UUID(row["id"]),
            kind=row["kind"],
            lane=row["lane"],
            payload=json.loads(row["payload"]),
            state=row["state"],
            reference=row["reference"],
            reason_code=row["reason_code"],
            reason_message=None
            if row["reason_message"] is None
            else json.loads(row["reason_message"]),
            alternatives=tuple(json.loads(row["alternatives"] or "[]")),
            hub_status=row["hub_status"],
            detail=json.loads(row["detail"] or "{}"),
            created_at=created,
            updated_at=updated,
            delivered_at=parse_iso(row["delivered_at"]),
        )


def validate_payload(kind: str, payload: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` unless ``payload`` is a valid wire payload for ``kind``."""
    model = protocol.PAYLOAD_MODELS.get(kind)
    if model is None:
        raise ValueError(f"unknown request kind {kind!r}")
    try:
        model.model_validate(dict(payload))
    except ValidationError as exc:
        raise ValueError(f"invalid {kind} payload: {exc.error_count()} error(s)") from exc


def get_request(conn: StoreConnection, request_id: UUID) -> RequestRecord | None:
    rows = conn.query("SELECT * FROM requests WHERE id = ?", (str(request_id),))
    return RequestRecord.from_row(rows[0]) if rows else None


def list_requests(
    conn: StoreConnection,
    *,
    kinds: Sequence[str] | None = None,
    states: Sequence[str] | None = None,
    limit: int = 100,
) -> list[RequestRecord]:
    """Newest first, optionally filtered by kind and state."""
    sql = "SELECT * FROM requests WHERE 1 = 1"
    params: list[str] = []
    for column, values in (("kind", kinds), ("state", states)):
        if values is not None:
            sql += f" AND {column} IN ({', '.join('?' * len(values))})"
            params.extend(values)
    sql += " ORDER BY created_at DESC LIMIT ?"
    params.append(str(limit))
    return [RequestRecord.from_row(r) for r in conn.query(sql, params)]


class Outbox:
    """One lane's view of the outbox over the calling thread's connection."""

    def __init__(
        self, conn: StoreConnection, *, lane: Lane | None = "normal", backoff: Backoff | None = None
    ) -> None:
        self.conn = conn
        self.lane = lane
        self.backoff = backoff or Backoff()

    @staticmethod
    def enqueue(
        conn: StoreConnection,
        kind: str,
        payload: Mapping[str, Any],
        lane: Lane = "normal",
        *,
        request_id: UUID | None = None,
        now: float | None = None,
        validate: bool = True,
        helper_id: str | None = None,
    ) -> UUID:
        """Record a request locally and queue it for the hub, atomically. Returns its UUID.

        Normal-lane payloads are checked against the wire protocol first (``ValueError``).
        """
        if lane not in LANES:
            raise ValueError(f"unknown lane {lane!r}")
        if validate and lane == "normal":
            validate_payload(kind, payload)
        rid = request_id or uuid.uuid4()
        moment = utcnow() if now is None else datetime.fromtimestamp(now, UTC)
        stamp, ts = iso(moment), moment.timestamp()
        body = dumps(dict(payload))
        with conn.transaction():
            conn.raw.execute(
                "INSERT INTO requests(id, kind, lane, payload, state, helper_id, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (str(rid), kind, lane, body, QUEUED, helper_id, stamp, stamp),
            )
            conn.raw.execute(
                "INSERT INTO outbox(request_id, lane, attempts, next_attempt_ts, enqueued_ts)"
                " VALUES (?, ?, 0, ?, ?)",
                (str(rid), lane, ts, ts),
            )
        return rid

    def _lane_filter(self) -> tuple[str, list[Any]]:
        return ("", []) if self.lane is None else (" AND o.lane = ?", [self.lane])

    def due(self, now: float, limit: int) -> list[OutboxItem]:
        """Items whose next attempt is due at ``now`` (epoch s), oldest first."""
        where, params = self._lane_filter()
        rows = self.conn.query(
            "SELECT r.id, r.kind, r.lane, r.payload, r.created_at, o.attempts, r.helper_id"
            " FROM outbox o JOIN requests r ON r.id = o.request_id"
            f" WHERE o.next_attempt_ts <= ?{where}"
            " ORDER BY o.next_attempt_ts, o.enqueued_ts LIMIT ?",
            [now, *params, limit],
        )
        items = []
        for row in rows:
            created = parse_iso(row["created_at"])
            assert created is not None
            items.append(
                OutboxItem(
                    UUID(row["id"]),
                    row["kind"],
                    row["lane"],
                    json.loads(row["payload"]),
                    created,
                    int(row["attempts"]),
                    row["helper_id"],
                )
            )
        return items

    def next_due(self) -> float | None:
        """Epoch time of the earliest pending attempt, or ``None`` if the lane is empty."""
        where, params = self._lane_filter()
        value = self.conn.scalar(
            f"SELECT MIN(o.next_attempt_ts) FROM outbox o WHERE 1=1{where}", params
        )
        return None if value is None else float(value)

    def depth(self) -> int:
        where, params = self._lane_filter()
        return int(self.conn.scalar(f"SELECT COUNT(*) FROM outbox o WHERE 1=1{where}", params))

    def mark_sending(self, ids: Iterable[UUID]) -> None:
        stamp = iso(utcnow())
        with self.conn.transaction():
            self.conn.raw.executemany(
                "UPDATE requests SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
                [(SENDING, stamp, str(i), QUEUED) for i in ids],
            )

    def mark_delivered(self, results: Iterable[Delivery]) -> list[UUID]:
        """Apply the hub's verdicts; returns the ids whose local row changed.

        A rejection keeps its reason code, message and alternatives (state ``rejected``).
        A state the status feed already advanced (e.g. ``confirmed``) is not moved back.
        """
        stamp = iso(utcnow())
        changed: list[UUID] = []
        with self.conn.transaction():
            for res in results:
                cur = self.conn.raw.execute(
                    "UPDATE requests SET"
                    " state = CASE WHEN status_seq IS NULL THEN ? ELSE state END,"
                    " reference = COALESCE(?, reference), reason_code = ?, reason_message = ?,"
                    " alternatives = ?, updated_at = ?, delivered_at = COALESCE(delivered_at, ?),"
                    " detail = json_patch(COALESCE(detail, '{}'), ?) WHERE id = ?",
                    (
                        ACCEPTED if res.accepted else REJECTED,
                        res.reference,
                        res.reason_code,
                        None if res.reason_message is None else dumps(res.reason_message),
                        dumps(list(res.alternatives)),
                        stamp,
                        stamp,
                        dumps({} if res.amount_fen is None else {"amount_fen": res.amount_fen}),
                        str(res.request_id),
                    ),
                )
                self.conn.raw.execute(
                    "DELETE FROM outbox WHERE request_id = ?", (str(res.request_id),)
                )
                if cur.rowcount:
                    changed.append(res.request_id)
        return changed

    def mark_failed(self, ids: Iterable[UUID], error: str, now: float) -> None:
        """A transient failure: back each item off (more attempts, longer waits)."""
        stamp = iso(utcnow())
        with self.conn.transaction():
            for rid in ids:
                row = self.conn.raw.execute(
                    "SELECT attempts FROM outbox WHERE request_id = ?", (str(rid),)
                ).fetchone()
                if row is None:
                    continue
                attempts = int(row[0]) + 1
                self.conn.raw.execute(
                    "UPDATE outbox SET attempts = ?, next_attempt_ts = ?, last_error = ?"
                    " WHERE request_id = ?",
                    (attempts, now + self.backoff.delay(attempts), error[:500], str(rid)),
                )
                self.conn.raw.execute(
                    "UPDATE requests SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
                    (QUEUED, stamp, str(rid), SENDING),
                )

    def dead_letter(self, ids: Iterable[UUID], reason: str, http_status: int | None = None) -> None:
        """Park items that can never be delivered; they stay visible (state ``dead``)."""
        stamp = iso(utcnow())
        with self.conn.transaction():
            for rid in ids:
                row = self.conn.raw.execute(
                    "SELECT r.kind, r.lane, o.attempts FROM outbox o"
                    " JOIN requests r ON r.id = o.request_id WHERE o.request_id = ?",
                    (str(rid),),
                ).fetchone()
                if row is None:
                    continue
                self.conn.raw.execute(
                    "INSERT OR REPLACE INTO dead_letters"
                    "(request_id, kind, lane, reason, http_status, attempts, failed_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (str(rid), row[0], row[1], reason[:500], http_status, int(row[2]) + 1, stamp),
                )
                self.conn.raw.execute("DELETE FROM outbox WHERE request_id = ?", (str(rid),))
                self.conn.raw.execute(
                    "UPDATE requests SET state = ?, reason_code = 'undeliverable', updated_at = ?"
                    " WHERE id = ?",
                    (DEAD, stamp, str(rid)),
                )

    def dead_letters(self) -> list[DeadLetter]:
        where = "" if self.lane is None else " WHERE lane = ?"
        params = [] if self.lane is None else [self.lane]
        rows = self.conn.query(f"SELECT * FROM dead_letters{where} ORDER BY failed_at", params)
        out = []
        for r in rows:
            failed = parse_iso(r["failed_at"])
            assert failed is not None
            out.append(
                DeadLetter(
                    UUID(r["request_id"]),
                    r["kind"],
                    r["lane"],
                    r["reason"],
                    r["http_status"],
                    int(r["attempts"]),
                    failed,
                )
            )
        return out

    def retry_dead_letter(self, request_id: UUID, now: float) -> bool:
        """Admin action: put a dead letter back in the queue (same id, so still idempotent)."""
        with self.conn.transaction():
            row = self.conn.raw.execute(
                "SELECT lane FROM dead_letters WHERE request_id = ?", (str(request_id),)
            ).fetchone()
            if row is None:
                return False
            self.conn.raw.execute(
                "DELETE FROM dead_letters WHERE request_id = ?", (str(request_id),)
            )
            self.conn.raw.execute(
                "INSERT INTO outbox(request_id, lane, attempts, next_attempt_ts, enqueued_ts)"
                " VALUES (?, ?, 0, ?, ?)",
                (str(request_id), row[0], now, now),
            )
            self.conn.raw.execute(
                "UPDATE requests SET state = ?, reason_code = NULL, updated_at = ? WHERE id = ?",
                (QUEUED, iso(utcnow()), str(request_id)),
            )
        return True


def count_dead_letters(conn: StoreConnection) -> int:
    return int(conn.scalar("SELECT COUNT(*) FROM dead_letters"))
