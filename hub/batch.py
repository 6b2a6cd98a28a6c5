"""Per-batch state shared by the request handlers (appointments, meals, callbacks)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from hub import catalogue_store, messages
from hub.db import Connection
from services.protocol import (
    BenefitRule,
    Hospital,
    LocalizedText,
    ReasonCode,
    StatusUpdate,
)

# No 0/O or 1/I: references are read aloud and copied by hand.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass
class Outcome:
    reason: ReasonCode | None = None
    reference: str | None = None
    alternatives: list[str] = field(default_factory=list)
    amount_fen: int | None = None
    message: LocalizedText | None = None


@dataclass
class Batch:
    """Per-batch state: the transaction's connection, caches and pending effects."""

    conn: Connection
    kiosk_id: str
    now: datetime
    secret: str
    hospitals: dict[str, Hospital | None] = field(default_factory=dict)
    meal_discounts: list[BenefitRule] | None = None
    slots_changed: bool = False

    def hospital(self, hospital_id: str) -> Hospital | None:
        if hospital_id not in self.hospitals:
            self.hospitals[hospital_id] = catalogue_store.get_hospital(self.conn, hospital_id)
        return self.hospitals[hospital_id]

    def status(self, kiosk_id: str, update: StatusUpdate) -> None:
        add_status(self.conn, kiosk_id, update)


def add_status(conn: Connection, kiosk_id: str, update: StatusUpdate) -> int:
    """Append to ``kiosk_id``'s status feed; returns the update's number.

    The number comes from the kiosk's own counter row, which stays locked until this
    transaction ends: a later writer for the same kiosk waits and takes the next number, so
    numbers become visible in order and a kiosk reading ``seq > cursor`` never skips one.
    """
    row = conn.execute(
        "INSERT INTO status_seqs (kiosk_id, seq) VALUES (?, 1) ON CONFLICT (kiosk_id) "
        "DO UPDATE SET seq = status_seqs.seq + 1 RETURNING seq",
        (kiosk_id,),
    ).fetchone()
    seq = int(row[0])
    # Stored without seq; the feed splices it in on read.
    conn.execute(
        "INSERT INTO status_updates (kiosk_id, seq, json) VALUES (?, ?, ?)",
        (kiosk_id, seq, update.model_dump_json(exclude={"seq"})),
    )
    return seq


def new_reference(conn: Connection, table: str, prefix: str) -> str:
    while True:  # 31**5 ≈ 29 million per prefix: a clash is rare, so just draw again
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(5))
        reference = f"{prefix}-{code}"
        hit = conn.execute(f"SELECT 1 FROM {table} WHERE reference = ?", (reference,))
        if hit.fetchone() is None:
            return reference


def original_cancelled(
    batch: Batch, kiosk_id: str, request_id: str, kind: str, reference: str
) -> None:
    batch.status(
        kiosk_id,
        StatusUpdate.model_validate(
            {
                "seq": 1,
                "request_id": request_id,
                "status": "cancelled",
                "kind": kind,
                "reference": reference,
                "message": messages.CANCELLED_BY_FOLLOW_UP,
                "at": batch.now,
            },
        ),
    )
