"""Community meals (助餐) at the kiosk: canteens, menus with prices, ordering, my orders,
cancelling.

Plain functions over the calling thread's :class:`~services.store.StoreConnection` (the kiosk
runs them on its data thread, never on the GUI thread). Menus, canteens and the pricing rules
come from the catalogue cache, so the screens work offline with the data's age shown; orders
and cancellations go through the outbox, so an order made offline is kept and sent later.

An order's local record is the outbox ``requests`` row of kind ``meal.order``. At order time
a snapshot of the meal set, the canteen and the quote is stored in its ``detail``, so "my
orders" still shows the right meal and cut-off when the menus later change or drop the set.
Its state follows the hub: the result of the POST (``accepted`` / ``rejected``) and then the
status feed (``preparing``, ``out_for_delivery`` | ``ready_for_pickup``, ``delivered``, or
``cancelled``), which ``SyncEngine.apply_status`` writes into ``requests.state``.

Who ordered: the payload carries the masked ID and ``person_key`` (an HMAC of the ID under a
per-kiosk secret, :mod:`services.person_keys`), never the ID number itself; "my orders" finds
the person's orders by that key.

Prices: :func:`services.meal_rules.meal_quote` over the cached ``benefit_rules`` — the same
code the hub charges with. The daily subsidy counts as used when the person has a live
subsidised order for that meal day at this kiosk (pass ``person`` to :func:`menu` /
:func:`offer` so the shown price knows it). The total the senior confirmed travels as
``quoted_amount_fen``; the hub refuses with ``price_changed`` rather than charge another.

The hub stays the judge; the kiosk refuses only what is bound to fail: past the cut-off, an
unknown set, a fulfilment not offered, delivery below the canteen's age, delivery without an
address, a set this kiosk has itself filled (or the hub reported sold out), a price that
differs from the one shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Final
from uuid import UUID

from services import protocol
from services.catalogue_cache import CatalogueCache
from services.identity import ResidentId
from services.meal_rules import MealFacts, MealQuote, meal_quote
from services.outbox import ACCEPTED, DEAD, QUEUED, SENDING, Outbox, dumps
from services.outbox import REJECTED as REJECTED_STATE
from services.person_keys import person_key
from services.store import StoreConnection, parse_iso, utcnow

SHANGHAI: Final = timezone(timedelta(hours=8), "Asia/Shanghai")  # no DST since 1991
ORDER: Final = "meal.order"
CANCEL: Final = "meal.cancel"
MAX_PORTIONS: Final = 5  # protocol.MealOrder.quantity allows 1-5

# What the screens show for an order (derived from the local request states).
WAITING: Final = "waiting"  # not yet confirmed by the hub (queued, sending, or offline)
RECEIVED: Final = "received"  # the hub accepted it
PREPARING: Final = "preparing"
OUT_FOR_DELIVERY: Final = "out_for_delivery"
READY_FOR_PICKUP: Final = "ready_for_pickup"
DELIVERED: Final = "delivered"  # handed over, at the door or the counter
CANCELLING: Final = "cancelling"  # a cancellation is on its way
CANCELLED: Final = "cancelled"
REJECTED: Final = "rejected"  # refused by the hub (sold out ...) or undeliverable

_STATE_STATUS: Final = {
    QUEUED: WAITING,
    SENDING: WAITING,
    ACCEPTED: RECEIVED,
    "received": RECEIVED,
    "confirmed": RECEIVED,
    "preparing": PREPARING,
    "out_for_delivery": OUT_FOR_DELIVERY,
    "ready_for_pickup": READY_FOR_PICKUP,
    "delivered": DELIVERED,
    "completed": DELIVERED,
    "cancelled": CANCELLED,
    REJECTED_STATE: REJECTED,
    DEAD: REJECTED,
}
CANCELLABLE: Final = (WAITING, RECEIVED, PREPARING)  # not yet handed over
_NOT_LIVE: Final = (CANCELLING, CANCELLED, REJECTED)  # no longer holds a portion or subsidy
_MEAL_ORDER: Final = {"lunch": 0, "dinner": 1}


class MealOrderRefusedError(Exception):
    """The kiosk already knows the hub would refuse this order. ``reason``: ``past_cutoff``,
    ``not_found``, ``price_changed``, ``fulfilment_not_offered``, ``delivery_too_young``,
    ``needs_address``, ``sold_out`` or ``too_many`` (quantity outside 1-5)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class MealCancelRefusedError(Exception):
    """Cancelling is not possible: ``too_late_to_cancel`` (``cutoff`` says when it was),
    ``not_found`` or ``not_active`` (already cancelled, refused, or handed over)."""

    def __init__(self, reason: str, cutoff: datetime | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.cutoff = cutoff


@dataclass(frozen=True)
class MealOffer:
    """A set meal as this senior sees it: open for orders or not, and their price."""

    meal: protocol.MealSet
    canteen: protocol.Canteen
    open: bool  # now < the set's order cut-off
    quote: MealQuote
    # This kiosk's own live orders fill it, or the hub refused an order as sold out.
    sold_out: bool = False

    @property
    def id(self) -> str:
        return self.meal.id


@dataclass(frozen=True)
class MealOrderView:
    """One of the senior's orders made at this kiosk, with everything the screens need."""

    id: UUID
    reference: str | None
    meal: protocol.MealSet
    canteen_name: protocol.LocalizedText
    quantity: int
    fulfilment: str
    total_fen: int  # the hub's amount once accepted, else the quote shown
    status: str
    reason: str | None  # why it was refused (REJECTED), else None
    cancel_cutoff: datetime
    canteen: protocol.Canteen | None = None
    discount_fen: int = 0
    subsidy_fen: int = 0
    address: str | None = None
    masked_id: str = ""
    created_at: datetime | None = None
    reason_message: dict[str, str] | None = None  # the hub's words for a refusal / cancel
    seen: bool = False  # the senior has been shown this order's refusal
    cancel_refused: str | None = None  # reason code when a cancellation was refused

    def can_cancel(self, now: datetime) -> bool:
        return self.status in CANCELLABLE and now < self.cancel_cutoff


def shanghai_today(now: datetime) -> date:
    return now.astimezone(SHANGHAI).date()


def catalogue_age(conn: StoreConnection, now: datetime | None = None) -> timedelta | None:
    """Age of the older of the cached canteens and menus (``None``: one was never fetched)."""
    cache = CatalogueCache(conn)
    entries = [cache.entry("canteens"), cache.entry("menus")]
    ages = [e.age(now) for e in entries if e is not None]
    return max(ages) if len(ages) == len(entries) else None


# -- browsing ------------------------------------------------------------------------------


def canteens(conn: StoreConnection, area: str | None = None) -> list[protocol.Canteen]:
    """Canteens serving ``area`` (those listing it, and those serving everyone); all when
    ``area`` is None or empty."""
    items = [c for c in CatalogueCache(conn).items("canteens") if isinstance(c, protocol.Canteen)]
    if not area:
        return items
    return [c for c in items if not c.areas or area in c.areas]


def canteen(conn: StoreConnection, canteen_id: str) -> protocol.Canteen | None:
    return next((c for c in canteens(conn) if c.id == canteen_id), None)


def _meal_sets(conn: StoreConnection) -> list[protocol.MealSet]:
    return [m for m in CatalogueCache(conn).items("menus") if isinstance(m, protocol.MealSet)]


def _rules(conn: StoreConnection) -> list[protocol.BenefitRule]:
    items = CatalogueCache(conn).items("benefit_rules")
    return [
        r
        for r in items
        if isinstance(r, protocol.BenefitRule) and r.kind in ("meal_discount", "meal_subsidy")
    ]


def fulfilments(canteen: protocol.Canteen, age: int) -> list[str]:
    """What this senior may choose at ``canteen``, in this order: pickup, delivery (if the
    canteen delivers and they are old enough), dine-in."""
    found = []
    if canteen.pickup:
        found.append("pickup")
    min_age = canteen.delivery_min_age
    if canteen.delivery and (min_age is None or age >= min_age):
        found.append("delivery")
    if canteen.dine_in:
        found.append("dine_in")
    return found


@dataclass(frozen=True)
class _Context:
    """What pricing and availability need beyond the meal set, read once per call."""

    rules: list[protocol.BenefitRule]
    subsidy_days: frozenset[date]  # meal days on which the person's subsidy is already used
    own_portions: dict[str, int]  # meal set id -> portions in this kiosk's live orders
    hub_sold_out: frozenset[str]  # meal set ids the hub refused as sold out


def _context(conn: StoreConnection, person: ResidentId | None, since: date) -> _Context:
    """Only orders for meals on ``since`` or later matter (and are read)."""
    current = _orders(conn, "json_extract(detail, '$.meal.date') >= ?", [since.isoformat()])
    live = [v for v in current if v.status not in _NOT_LIVE]
    portions: dict[str, int] = {}
    for view in live:
        portions[view.meal.id] = portions.get(view.meal.id, 0) + view.quantity
    days: frozenset[date] = frozenset()
    if person is not None:
        key = person_key(conn, person)
        mine = {v.id for v in _orders(conn, _person_filter(), [key])}
        days = frozenset(v.meal.date for v in live if v.id in mine and v.subsidy_fen > 0)
    rows = conn.query(
        "SELECT DISTINCT json_extract(payload, '$.meal_set_id') AS meal_set_id FROM requests"
        " WHERE kind = ? AND state = ? AND reason_code = 'sold_out'",
        [ORDER, REJECTED_STATE],
    )
    sold = frozenset(str(r["meal_set_id"]) for r in rows)
    return _Context(_rules(conn), days, portions, sold)


def _offer(
    ctx: _Context,
    meal: protocol.MealSet,
    place: protocol.Canteen,
    now: datetime,
    *,
    age: int,
    facts: MealFacts,
    quantity: int,
) -> MealOffer:
    quote = meal_quote(
        meal.price_fen,
        quantity,
        age,
        facts,
        ctx.rules,
        subsidy_used_today=meal.date in ctx.subsidy_days,
    )
    full = meal.capacity is not None and (
        ctx.own_portions.get(meal.id, 0) + quantity > meal.capacity
    )
    return MealOffer(
        meal=meal,
        canteen=place,
        open=now < meal.order_cutoff,
        quote=quote,
        sold_out=full or meal.id in ctx.hub_sold_out,
    )


def menu(
    conn: StoreConnection,
    canteen_id: str,
    now: datetime,
    *,
    age: int,
    facts: MealFacts,
    person: ResidentId | None = None,
) -> list[MealOffer]:
    """Today's and tomorrow's sets (Shanghai dates) at a canteen, by date, then lunch before
    dinner; closed ones are included with ``open=False``. Priced for one portion."""
    place = canteen(conn, canteen_id)
    if place is None:
        return []
    today = shanghai_today(now)
    days = (today, today + timedelta(days=1))
    sets = [m for m in _meal_sets(conn) if m.canteen_id == canteen_id and m.date in days]
    sets.sort(key=lambda m: (m.date, _MEAL_ORDER.get(m.meal, 9), m.id))
    ctx = _context(conn, person, today)
    return [_offer(ctx, m, place, now, age=age, facts=facts, quantity=1) for m in sets]


def offer(
    conn: StoreConnection,
    meal_set_id: str,
    now: datetime,
    *,
    age: int,
    facts: MealFacts,
    quantity: int = 1,
    person: ResidentId | None = None,
) -> MealOffer | None:
    """One set as currently offered, priced for ``quantity`` (re-read it at confirmation:
    the menu may have changed). ``None`` when the set or its canteen is no longer known."""
    meal = next((m for m in _meal_sets(conn) if m.id == meal_set_id), None)
    place = canteen(conn, meal.canteen_id) if meal is not None else None
    if meal is None or place is None:
        return None
    ctx = _context(conn, person, min(meal.date, shanghai_today(now)))
    return _offer(ctx, meal, place, now, age=age, facts=facts, quantity=quantity)


# -- ordering ------------------------------------------------------------------------------


def _person_filter() -> str:
    return "json_extract(payload, '$.person.person_key') = ?"


def _quote_snapshot(quote: MealQuote) -> dict[str, Any]:
    return {
        "unit_price_fen": quote.unit_price_fen,
        "quantity": quote.quantity,
        "pay_percent": quote.pay_percent,
        "discount_fen": quote.discount_fen,
        "subsidy_fen": quote.subsidy_fen,
        "total_fen": quote.total_fen,
        "discount_rule": None if quote.discount_rule is None else quote.discount_rule.id,
        "subsidy_rule": None if quote.subsidy_rule is None else quote.subsidy_rule.id,
        "subsidy_possible": quote.subsidy_possible,
    }


def _check(
    found: MealOffer | None, person: ResidentId, fulfilment: str, address: str | None
) -> MealOffer:
    """The local refusals, in the order the hub applies its own."""
    if found is None:
        raise MealOrderRefusedError("not_found")
    if not found.open:
        raise MealOrderRefusedError("past_cutoff")
    if fulfilment not in fulfilments(found.canteen, person.age):
        too_young = fulfilment == "delivery" and found.canteen.delivery
        raise MealOrderRefusedError("delivery_too_young" if too_young else "fulfilment_not_offered")
    if fulfilment == "delivery" and not (address and address.strip()):
        raise MealOrderRefusedError("needs_address")
    if found.sold_out:
        raise MealOrderRefusedError("sold_out")
    return found


def order(
    conn: StoreConnection,
    person: ResidentId,
    meal_set_id: str,
    *,
    quantity: int,
    fulfilment: str,
    now: datetime,
    facts: MealFacts,
    quoted_total_fen: int,
    address: str | None = None,
    phone: str | None = None,
    helper_id: str | None = None,
) -> UUID:
    """Queue an order for ``person`` (and record it locally) in one transaction.

    ``quoted_total_fen`` is the total the senior saw and confirmed; if the price is now
    different (menu or rules changed, subsidy already used) the order is refused with
    ``price_changed`` so the screen can show the new price. Raises
    :class:`MealOrderRefusedError`; a malformed phone or address raises ``ValueError``.
    """
    if not 1 <= quantity <= MAX_PORTIONS:
        raise MealOrderRefusedError("too_many")
    with conn.transaction():
        # Priced inside the write transaction, so two quick taps cannot both take the
        # day's subsidy or the last portion.
        found = _check(
            offer(
                conn,
                meal_set_id,
                now,
                age=person.age,
                facts=facts,
                quantity=quantity,
                person=person,
            ),
            person,
            fulfilment,
            address,
        )
        if found.quote.total_fen != quoted_total_fen:
            raise MealOrderRefusedError("price_changed")
        payload = protocol.MealOrder.model_validate(
            {
                "meal_set_id": found.meal.id,
                "quantity": quantity,
                "fulfilment": fulfilment,
                "address": address.strip() if fulfilment == "delivery" and address else None,
                "person": {"masked_id": person.masked, "person_key": person_key(conn, person)},
                "age_band": protocol.age_band(person.age),
                "phone": phone,
                "hukou": facts.hukou,
                "income_status": facts.income_status,
                "quoted_amount_fen": found.quote.total_fen,
            }
        ).model_dump(mode="json", exclude_none=True)
        snapshot = {
            "meal": found.meal.model_dump(mode="json"),
            "canteen": found.canteen.model_dump(mode="json"),
            "quote": _quote_snapshot(found.quote),
        }
        request_id = Outbox.enqueue(conn, ORDER, payload, now=now.timestamp(), helper_id=helper_id)
        conn.execute(
            "UPDATE requests SET detail = ? WHERE id = ?", (dumps(snapshot), str(request_id))
        )
    return request_id


# -- reading orders back -------------------------------------------------------------------


def _cancels(conn: StoreConnection, order_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The newest cancellation request for each order id."""
    if not order_ids:
        return {}
    rows = conn.query(
        "SELECT json_extract(payload, '$.original_request_id') AS original, state, reason_code"
        " FROM requests WHERE kind = ? AND json_extract(payload, '$.original_request_id')"
        f" IN ({', '.join('?' * len(order_ids))}) ORDER BY created_at",
        [CANCEL, *order_ids],
    )
    return {str(r["original"]): r for r in rows}


def _status(state: str, cancel: dict[str, Any] | None) -> tuple[str, str | None]:
    """(status shown, reason code of a refused cancellation)."""
    status = _STATE_STATUS.get(state, RECEIVED)  # an unknown hub status: the hub has it
    if cancel is None or status not in CANCELLABLE:
        return status, None
    if cancel["state"] == ACCEPTED:  # the hub's "cancelled" for the order may lag
        return CANCELLED, None
    if cancel["state"] in (QUEUED, SENDING):
        return CANCELLING, None
    if cancel["state"] in (REJECTED_STATE, DEAD):
        return status, str(cancel["reason_code"] or "undeliverable")
    return status, None


def _view(row: dict[str, Any], cancel: dict[str, Any] | None) -> MealOrderView | None:
    detail = json.loads(row["detail"] or "{}")
    if "meal" not in detail:  # not made through this module
        return None
    payload = json.loads(row["payload"])
    meal = protocol.MealSet.model_validate(detail["meal"])
    place = protocol.Canteen.model_validate(detail["canteen"])
    quote = detail.get("quote", {})
    status, refused = _status(str(row["state"]), cancel)
    amount = detail.get("amount_fen")
    return MealOrderView(
        id=UUID(row["id"]),
        reference=row["reference"],
        meal=meal,
        canteen_name=place.name,
        quantity=int(payload["quantity"]),
        fulfilment=str(payload["fulfilment"]),
        total_fen=int(amount if amount is not None else quote.get("total_fen", 0)),
        status=status,
        reason=str(row["reason_code"] or "undeliverable") if status == REJECTED else None,
        cancel_cutoff=meal.order_cutoff,
        canteen=place,
        discount_fen=int(quote.get("discount_fen", 0)),
        subsidy_fen=int(quote.get("subsidy_fen", 0)),
        address=payload.get("address"),
        masked_id=str(payload["person"]["masked_id"]),
        created_at=parse_iso(row["created_at"]),
        reason_message=None if row["reason_message"] is None else json.loads(row["reason_message"]),
        seen=bool(detail.get("seen")),
        cancel_refused=refused,
    )


def _orders(conn: StoreConnection, where: str, params: list[Any]) -> list[MealOrderView]:
    rows = conn.query(
        f"SELECT * FROM requests WHERE kind = ? AND {where} ORDER BY created_at", [ORDER, *params]
    )
    cancels = _cancels(conn, [str(r["id"]) for r in rows])
    found = (_view(r, cancels.get(str(r["id"]))) for r in rows)
    return [v for v in found if v is not None]


def get_order(conn: StoreConnection, order_id: UUID) -> MealOrderView | None:
    found = _orders(conn, "id = ?", [str(order_id)])
    return found[0] if found else None


def my_orders(
    conn: StoreConnection,
    person: ResidentId,
    now: datetime | None = None,
    *,
    days_back: int = 1,
) -> list[MealOrderView]:
    """The person's orders from this kiosk for meals from ``days_back`` days ago (Shanghai
    date) onwards, newest meal first; cancelled and refused ones are listed too, so nothing
    disappears unexplained."""
    since = shanghai_today(now or utcnow()) - timedelta(days=days_back)
    found = [
        v
        for v in _orders(conn, _person_filter(), [person_key(conn, person)])
        if v.meal.date >= since
    ]
    return sorted(
        found,
        key=lambda v: (
            v.meal.date,
            _MEAL_ORDER.get(v.meal.meal, 9),
            v.created_at.timestamp() if v.created_at else 0.0,
        ),
        reverse=True,
    )


def unseen_rejections(conn: StoreConnection, person: ResidentId) -> list[MealOrderView]:
    """Orders the hub refused (sold out, past the cut-off, price changed ...) after an offline
    order, that the person has not been shown yet; oldest first."""
    found = _orders(conn, _person_filter(), [person_key(conn, person)])
    return [v for v in found if v.status == REJECTED and not v.seen]


def mark_seen(conn: StoreConnection, order_ids: Iterable[UUID]) -> None:
    with conn.transaction():
        for order_id in order_ids:
            conn.execute(
                "UPDATE requests SET detail = json_patch(COALESCE(detail, '{}'), ?) WHERE id = ?",
                ('{"seen":true}', str(order_id)),
            )


# -- cancelling ----------------------------------------------------------------------------


def cancel(conn: StoreConnection, order_id: UUID, now: datetime | None = None) -> UUID:
    """Queue the cancellation of an order, if its cut-off allows it.

    Works for an order still waiting to be sent: the hub handles requests in order, so the
    order is made and then cancelled, and the portion (and subsidy) goes back.
    """
    moment = now or utcnow()
    with conn.transaction():
        view = get_order(conn, order_id)
        if view is None:
            raise MealCancelRefusedError("not_found")
        if view.status not in CANCELLABLE:
            raise MealCancelRefusedError("not_active")
        if moment >= view.cancel_cutoff:
            raise MealCancelRefusedError("too_late_to_cancel", view.cancel_cutoff)
        payload = {"original_request_id": str(order_id)}
        return Outbox.enqueue(conn, CANCEL, payload, now=moment.timestamp())
