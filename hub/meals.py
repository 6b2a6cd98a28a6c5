"""Meal orders, meal cancellations and callback requests."""

from __future__ import annotations

from hub import catalogue_store, messages
from hub.batch import Batch, Outcome, new_reference, original_cancelled
from hub.clock import iso
from services.protocol import (
    AgeBand,
    BenefitRule,
    CallbackRequest,
    MealCancellation,
    MealOrder,
    RequestEnvelope,
)

_AGE_FOR_BAND: dict[AgeBand, int] = {"under_60": 0, "60_79": 70, "80_plus": 85}


def pay_percent(batch: Batch, band: AgeBand) -> int:
    if batch.meal_discounts is None:
        rows = batch.conn.execute(
            "SELECT json FROM catalogue_items WHERE catalogue = 'benefit_rules'"
        ).fetchall()
        rules = [BenefitRule.model_validate_json(r["json"]) for r in rows]
        batch.meal_discounts = [r for r in rules if r.kind == "meal_discount"]
    age = _AGE_FOR_BAND[band]
    for rule in batch.meal_discounts:
        c = rule.conditions
        if (c.min_age is None or age >= c.min_age) and (c.max_age is None or age <= c.max_age):
            return rule.pay_percent if rule.pay_percent is not None else 100
    return 100


def order_meal(batch: Batch, env: RequestEnvelope) -> Outcome:
    p = env.payload
    assert isinstance(p, MealOrder)
    meal = catalogue_store.get_meal_set(batch.conn, p.meal_set_id)
    if meal is None:
        return Outcome(reason="not_found")
    if batch.now >= meal.order_cutoff:
        return Outcome(reason="past_cutoff")
    canteen = catalogue_store.get_canteen(batch.conn, meal.canteen_id)
    offered = {
        "delivery": canteen is not None and canteen.delivery,
        "pickup": canteen is not None and canteen.pickup,
        "dine_in": canteen is not None and canteen.dine_in,
    }
    if not offered[p.fulfilment]:
        return Outcome(
            reason="validation",
            message=messages.validation(f"This canteen does not offer {p.fulfilment}."),
        )
    amount = (meal.price_fen * p.quantity * pay_percent(batch, p.age_band) + 50) // 100
    reference = new_reference(batch.conn, "meal_orders", f"YJT-{meal.canteen_id}")
    batch.conn.execute(
        "INSERT INTO meal_orders (reference, kiosk_id, request_id, meal_set_id, quantity, "
        "fulfilment, amount_fen, masked_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ordered')",
        (
            reference,
            batch.kiosk_id,
            str(env.id),
            meal.id,
            p.quantity,
            p.fulfilment,
            amount,
            p.person.masked_id,
        ),
    )
    return Outcome(reference=reference, amount_fen=amount)


def cancel_meal(batch: Batch, env: RequestEnvelope) -> Outcome:
    p = env.payload
    assert isinstance(p, MealCancellation)
    row = batch.conn.execute(
        "SELECT * FROM meal_orders WHERE kiosk_id = ? AND request_id = ?",
        (batch.kiosk_id, str(p.original_request_id)),
    ).fetchone()
    if row is None:
        return Outcome(reason="not_found")
    if row["status"] == "cancelled":
        return Outcome(reference=row["reference"])
    meal = catalogue_store.get_meal_set(batch.conn, row["meal_set_id"])
    if meal is None or batch.now >= meal.order_cutoff:
        return Outcome(reason="too_late_to_cancel", reference=row["reference"])
    batch.conn.execute(
        "UPDATE meal_orders SET status = 'cancelled' WHERE reference = ?", (row["reference"],)
    )
    original_cancelled(batch, row["kiosk_id"], row["request_id"], "meal.order", row["reference"])
    return Outcome(reference=row["reference"])


def callback(batch: Batch, env: RequestEnvelope) -> Outcome:
    p = env.payload
    assert isinstance(p, CallbackRequest)
    reference = new_reference(batch.conn, "callbacks", "YJT-CB")
    batch.conn.execute(
        "INSERT INTO callbacks (reference, kiosk_id, request_id, topic, phone, note, masked_id, "
        "created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open')",
        (
            reference,
            batch.kiosk_id,
            str(env.id),
            p.topic,
            p.phone,
            p.note,
            p.person.masked_id if p.person else None,
            iso(batch.now),
        ),
    )
    return Outcome(reference=reference)
