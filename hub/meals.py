"""Meal orders, meal cancellations and callback requests.

A meal order is checked in this order: the meal set exists, its cut-off has not passed,
the canteen offers the chosen fulfilment (and delivery to the person's age band), a
portion is left (capacity counts every non-cancelled order's quantity; orders for one meal
set take turns on its lock, so two kiosks can never both take the last portion), and the
price the kiosk showed is still right. The price comes from
``services.meal_rules`` over the hub's own ``benefit_rules`` catalogue, exactly as the
kiosk computes it; the daily subsidy is granted once per ``person_key`` per meal day.

The hub is told the age band, not the age (``meal_rules.BAND_AGE``), so a canteen whose
delivery age limit falls inside a band (85+ inside 80+) relies on the kiosk's check.

Accepted orders start as ``received``; ``hub.meal_progress`` moves them on by the clock.
"""

from __future__ import annotations

from datetime import datetime

from hub import catalogue_store, meal_progress, messages
from hub.batch import Batch, Outcome, new_reference, original_cancelled
from hub.clock import iso
from services.meal_rules import BAND_AGE, BAND_MAX_AGE, MealFacts, meal_quote
from services.protocol import (
    AgeBand,
    BenefitRule,
    CallbackRequest,
    Canteen,
    LocalizedText,
    MealCancellation,
    MealOrder,
    MealSet,
    RequestEnvelope,
)

SOLD_OUT = LocalizedText(
    zh_CN="这个套餐已经订完了，请选择其他套餐。",
    zh_HK="這個套餐已經訂完了，請選擇其他套餐。",
    en="This meal is sold out. Please choose another one.",
)
PRICE_CHANGED = LocalizedText(
    zh_CN="价格有变化，请重新确认后再订。",
    zh_HK="價格有變化，請重新確認後再訂。",
    en="The price has changed. Please check it and order again.",
)


def meal_rules(batch: Batch) -> list[BenefitRule]:
    """The meal discount and subsidy rules, read once per batch.

    Cached in ``Batch.meal_discounts``, which holds both kinds of meal pricing rule.
    """
    if batch.meal_discounts is None:
        rows = batch.conn.execute(
            "SELECT json FROM catalogue_items WHERE catalogue = 'benefit_rules'"
        ).fetchall()
        rules = [BenefitRule.model_validate_json(r["json"]) for r in rows]
        batch.meal_discounts = [r for r in rules if r.kind in ("meal_discount", "meal_subsidy")]
    return batch.meal_discounts


def pay_percent(batch: Batch, band: AgeBand) -> int:
    """The share of the price a person in ``band`` pays (100 without a discount)."""
    return meal_quote(0, 1, BAND_AGE[band], MealFacts(), meal_rules(batch)).pay_percent


def _subsidy_used(batch: Batch, person_key: str | None, meal_date: str) -> bool:
    if person_key is None:
        return True  # no way to keep it to once a day, so not granted here
    row = batch.conn.execute(
        "SELECT 1 FROM meal_orders WHERE person_key = ? AND meal_date = ? AND subsidy_fen > 0 "
        "AND status != 'cancelled' LIMIT 1",
        (person_key, meal_date),
    ).fetchone()
    return row is not None


def _portions_taken(batch: Batch, meal_set_id: str) -> int:
    row = batch.conn.execute(
        "SELECT COALESCE(SUM(quantity), 0) FROM meal_orders "
        "WHERE meal_set_id = ? AND status != 'cancelled'",
        (meal_set_id,),
    ).fetchone()
    return int(row[0])


def _refused(batch: Batch, p: MealOrder, meal: MealSet, canteen: Canteen) -> Outcome | None:
    """Fulfilment, delivery age and capacity checks (None: the order may go ahead)."""
    offered = {"delivery": canteen.delivery, "pickup": canteen.pickup, "dine_in": canteen.dine_in}
    if not offered[p.fulfilment]:
        return Outcome(
            reason="validation",
            message=messages.validation(f"This canteen does not offer {p.fulfilment}."),
        )
    min_age = canteen.delivery_min_age
    if p.fulfilment == "delivery" and min_age is not None and BAND_MAX_AGE[p.age_band] < min_age:
        return Outcome(
            reason="validation",
            message=messages.validation(f"Home delivery is for residents aged {min_age}+."),
        )
    if meal.capacity is not None and _portions_taken(batch, meal.id) + p.quantity > meal.capacity:
        return Outcome(reason="sold_out", message=SOLD_OUT)
    return None


def order_meal(batch: Batch, env: RequestEnvelope) -> Outcome:
    p = env.payload
    assert isinstance(p, MealOrder)
    meal = catalogue_store.get_meal_set(batch.conn, p.meal_set_id)
    if meal is None:
        return Outcome(reason="not_found")
    if batch.now >= meal.order_cutoff:
        return Outcome(reason="past_cutoff")
    canteen = catalogue_store.get_canteen(batch.conn, meal.canteen_id)
    if canteen is None:
        return Outcome(reason="not_found")
    # Concurrent orders for one meal set (capacity) or one person (the once-a-day subsidy)
    # take turns; other orders go on side by side.
    batch.conn.lock("meal_set", meal.id)
    if p.person.person_key is not None:
        batch.conn.lock("meal_person", p.person.person_key, meal.date.isoformat())
    refused = _refused(batch, p, meal, canteen)
    if refused is not None:
        return refused
    key = p.person.person_key
    quote = meal_quote(
        meal.price_fen,
        p.quantity,
        BAND_AGE[p.age_band],
        MealFacts(hukou=p.hukou, income_status=p.income_status),
        meal_rules(batch),
        subsidy_used_today=_subsidy_used(batch, key, meal.date.isoformat()),
    )
    if p.quoted_amount_fen is not None and p.quoted_amount_fen != quote.total_fen:
        return Outcome(reason="price_changed", message=PRICE_CHANGED)
    window = canteen.lunch if meal.meal == "lunch" else canteen.dinner
    start, end = meal_progress.service_times(meal.date, window)
    next_at = meal_progress.next_change(meal_progress.RECEIVED, p.fulfilment, start, end)
    reference = new_reference(batch.conn, "meal_orders", f"YJT-{meal.canteen_id}")
    batch.conn.execute(
        "INSERT INTO meal_orders (reference, kiosk_id, request_id, meal_set_id, quantity, "
        "fulfilment, amount_fen, masked_id, status, person_key, meal_date, meal, canteen_id, "
        "discount_fen, subsidy_fen, address, phone, created_at, status_at, service_start, "
        "service_end, next_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            reference,
            batch.kiosk_id,
            str(env.id),
            meal.id,
            p.quantity,
            p.fulfilment,
            quote.total_fen,
            p.person.masked_id,
            key,
            meal.date.isoformat(),
            meal.meal,
            meal.canteen_id,
            quote.discount_fen,
            quote.subsidy_fen,
            p.address if p.fulfilment == "delivery" else None,
            p.phone,
            iso(batch.now),
            iso(batch.now),
            _iso_or_none(start),
            _iso_or_none(end),
            None if next_at is None else iso(next_at[1]),
        ),
    )
    return Outcome(reference=reference, amount_fen=quote.total_fen)


def _iso_or_none(moment: datetime | None) -> str | None:
    return None if moment is None else iso(moment)


def cancel_meal(batch: Batch, env: RequestEnvelope) -> Outcome:
    p = env.payload
    assert isinstance(p, MealCancellation)
    row = batch.conn.execute(
        "SELECT * FROM meal_orders WHERE kiosk_id = ? AND request_id = ?" + batch.conn.for_update,
        (batch.kiosk_id, str(p.original_request_id)),
    ).fetchone()
    if row is None:
        return Outcome(reason="not_found")
    if row["status"] == "cancelled":
        return Outcome(reference=row["reference"])
    meal = catalogue_store.get_meal_set(batch.conn, row["meal_set_id"])
    if (
        meal is None
        or batch.now >= meal.order_cutoff
        or row["status"] not in meal_progress.CANCELLABLE
    ):
        return Outcome(reason="too_late_to_cancel", reference=row["reference"])
    done = batch.conn.execute(
        "UPDATE meal_orders SET status = 'cancelled', status_at = ?, next_at = NULL "
        "WHERE reference = ? AND status = ?",
        (iso(batch.now), row["reference"], row["status"]),
    )
    if done.rowcount != 1:  # moved on meanwhile (another process): judge the new state
        return Outcome(reason="too_late_to_cancel", reference=row["reference"])
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
