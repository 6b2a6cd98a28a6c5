"""Community meals over the catalogue cache and the outbox: canteens by area, menus with
prices, local refusals, the order payload, the daily subsidy, sold out, status progression
from the feed, cancelling, my orders. Real SQLite file; every moment is explicit."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from uuid import UUID

import pytest

from hub.demo_benefits import benefit_rules
from services import meals, protocol
from services.catalogue_cache import CatalogueCache
from services.identity import ResidentId, check_character, parse_resident_id
from services.meal_rules import MealFacts
from services.meals import MealCancelRefusedError, MealOrderRefusedError
from services.outbox import Delivery, Outbox, get_request
from services.store import Store, StoreConnection
from services.sync_engine import SyncEngine
from tests.helpers.sync_fakes import FakeHub

SHANGHAI = meals.SHANGHAI
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)  # Monday, before the 09:30 lunch cut-off
TODAY = NOW.date()
FETCHED = NOW - timedelta(hours=2)
HUKOU = MealFacts(hukou=True, income_status="none")


def resident(first17: str) -> ResidentId:
    return parse_resident_id(first17 + check_character(first17), today=TODAY)


ANN = resident("31010519400312002")  # 85
BEN = resident("31011219550623004")  # 70
CAI = resident("31011219660810003")  # 59


def text(s: str) -> protocol.LocalizedText:
    return protocol.LocalizedText(zh_CN=s, zh_HK=s, en=s)


def canteen(cid: str, **over: object) -> protocol.Canteen:
    fields: dict[str, object] = {
        "id": cid,
        "name": text(f"Canteen {cid}"),
        "address": text("1 Road"),
        "phone": "021-5555 0000",
        "delivery": True,
        "pickup": True,
        "dine_in": True,
        "delivery_min_age": 80,
        "order_cutoff": time(9, 30),
        "lunch": {"start": "10:30:00", "end": "12:30:00"},
        "dinner": {"start": "16:30:00", "end": "18:00:00"},
    }
    fields.update(over)
    return protocol.Canteen.model_validate(fields)


CANTEENS = [
    canteen("C1", areas=["area-1"]),
    canteen("C2", delivery=False, dine_in=False, delivery_min_age=None),  # serves everyone
    canteen("C3", areas=["area-2"]),
]


def meal_set(
    mid: str,
    offset: int,
    meal: str = "lunch",
    *,
    price: int = 1500,
    cutoff: time = time(9, 30),
    capacity: int | None = None,
    canteen_id: str = "C1",
) -> protocol.MealSet:
    day = TODAY + timedelta(days=offset)
    return protocol.MealSet.model_validate(
        {
            "id": mid,
            "canteen_id": canteen_id,
            "date": day.isoformat(),
            "meal": meal,
            "name": text(f"Set {mid}"),
            "dishes": [text("Steamed fish"), text("Greens")],
            "tags": ["low_salt"],
            "price_fen": price,
            "order_cutoff": datetime.combine(day, cutoff, tzinfo=SHANGHAI).isoformat(),
            "capacity": capacity,
        }
    )


MENUS = [
    meal_set("T-D1", 0, "dinner", price=1400, cutoff=time(14, 0)),
    meal_set("T-L2", 0, cutoff=time(8, 30)),  # closed already
    meal_set("T-L1", 0, capacity=3),
    meal_set("Y-L1", -1),  # yesterday
    meal_set("M-L1", 1),
    meal_set("M-L2", 1, price=1200),
    meal_set("A-L1", 2),  # the day after tomorrow
    meal_set("X-L1", 1, canteen_id="C2"),
]


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def conn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StoreConnection]:
    clock = Clock(FETCHED)
    for module in ("services.catalogue_cache", "services.outbox", "services.sync_engine"):
        monkeypatch.setattr(f"{module}.utcnow", clock)
    with Store(tmp_path).connect() as c:
        yield c


def load(conn: StoreConnection) -> None:
    cache = CatalogueCache(conn)
    gen = NOW - timedelta(days=1)
    cache.store(
        "canteens",
        protocol.CanteenCatalogue(items=CANTEENS, version="v1", generated_at=gen),
        '"v1"',
    )
    cache.store(
        "menus", protocol.MenuCatalogue(items=MENUS, version="v1", generated_at=gen), '"v1"'
    )
    rules = list(benefit_rules())
    cache.store(
        "benefit_rules",
        protocol.BenefitRuleCatalogue(items=rules, version="v1", generated_at=gen),
        '"v1"',
    )


@pytest.fixture
def loaded(conn: StoreConnection) -> StoreConnection:
    load(conn)
    return conn


def place(
    conn: StoreConnection,
    who: ResidentId,
    meal_id: str,
    *,
    quantity: int = 1,
    fulfilment: str = "pickup",
    facts: MealFacts = HUKOU,
    now: datetime = NOW,
    address: str | None = None,
    total: int | None = None,
) -> UUID:
    """Order at the price the kiosk shows (or ``total`` when given)."""
    if total is None:
        shown = meals.offer(
            conn, meal_id, now, age=who.age, facts=facts, quantity=quantity, person=who
        )
        total = shown.quote.total_fen if shown else 0
    return meals.order(
        conn,
        who,
        meal_id,
        quantity=quantity,
        fulfilment=fulfilment,
        now=now,
        facts=facts,
        quoted_total_fen=total,
        address=address,
    )


def refused(call: Callable[[], object]) -> str:
    with pytest.raises(MealOrderRefusedError) as info:
        call()
    return info.value.reason


def feed(conn: StoreConnection, rid: UUID, status: protocol.StatusValue, seq: int) -> None:
    update = protocol.StatusUpdate(
        seq=seq, request_id=rid, status=status, kind="meal.order", at=NOW
    )
    SyncEngine(conn, FakeHub()).apply_status(protocol.StatusFeed(updates=[update], next_cursor=seq))


def accept(conn: StoreConnection, rid: UUID, amount: int | None = None) -> None:
    Outbox(conn).mark_delivered([Delivery(rid, True, reference="YJT-C1-AAAAA", amount_fen=amount)])


def status(conn: StoreConnection, rid: UUID) -> str:
    view = meals.get_order(conn, rid)
    assert view is not None
    return view.status


# -- browsing ------------------------------------------------------------------------------


def test_catalogue_age_and_canteens_by_area(conn: StoreConnection) -> None:
    assert meals.catalogue_age(conn, NOW) is None and meals.canteens(conn, None) == []
    load(conn)
    assert meals.catalogue_age(conn, NOW) == timedelta(hours=2)
    assert [c.id for c in meals.canteens(conn, None)] == ["C1", "C2", "C3"]
    assert [c.id for c in meals.canteens(conn, "")] == ["C1", "C2", "C3"]
    assert [c.id for c in meals.canteens(conn, "area-1")] == ["C1", "C2"]
    assert [c.id for c in meals.canteens(conn, "area-9")] == ["C2"]
    assert meals.canteen(conn, "C3") == CANTEENS[2] and meals.canteen(conn, "C9") is None


def test_menu_is_today_then_tomorrow_lunch_before_dinner_with_prices(
    loaded: StoreConnection,
) -> None:
    offers = meals.menu(loaded, "C1", NOW, age=ANN.age, facts=HUKOU)
    assert [o.id for o in offers] == ["T-L1", "T-L2", "T-D1", "M-L1", "M-L2"]
    assert [o.open for o in offers] == [True, False, True, True, True]
    # 85 with hukou: 85 % and ¥3 off a ¥15 meal; ¥14 and ¥12 are under the ¥15 threshold.
    assert [o.quote.total_fen for o in offers] == [975, 975, 1190, 975, 1020]
    unknown = meals.menu(loaded, "C1", NOW, age=ANN.age, facts=MealFacts())
    assert unknown[0].quote.total_fen == 1275 and unknown[0].quote.subsidy_possible
    young = meals.menu(loaded, "C1", NOW, age=CAI.age, facts=HUKOU)
    assert young[0].quote.total_fen == 1500
    assert meals.menu(loaded, "C9", NOW, age=70, facts=HUKOU) == []
    # Just before midnight "today" is still the Shanghai date.
    late = datetime(2026, 3, 2, 23, 59, tzinfo=SHANGHAI)
    assert [o.id for o in meals.menu(loaded, "C1", late, age=70, facts=HUKOU)][-1] == "M-L2"


def test_fulfilments_follow_the_canteen_and_delivery_age(loaded: StoreConnection) -> None:
    c1, c2 = CANTEENS[0], CANTEENS[1]
    assert meals.fulfilments(c1, 85) == ["pickup", "delivery", "dine_in"]
    assert meals.fulfilments(c1, 80) == ["pickup", "delivery", "dine_in"]
    assert meals.fulfilments(c1, 79) == ["pickup", "dine_in"]
    assert meals.fulfilments(c2, 90) == ["pickup"]


# -- ordering ------------------------------------------------------------------------------


def test_local_refusals(loaded: StoreConnection) -> None:
    c = loaded
    assert refused(lambda: place(c, ANN, "T-L1", quantity=6, total=1)) == "too_many"
    assert refused(lambda: place(c, ANN, "T-L1", quantity=0, total=1)) == "too_many"
    assert refused(lambda: place(c, ANN, "NOPE", total=1)) == "not_found"
    assert refused(lambda: place(c, ANN, "T-L2")) == "past_cutoff"
    at_cutoff = datetime(2026, 3, 2, 9, 30, tzinfo=SHANGHAI)
    assert refused(lambda: place(c, ANN, "T-L1", now=at_cutoff)) == "past_cutoff"
    assert refused(lambda: place(c, ANN, "X-L1", fulfilment="dine_in")) == "fulfilment_not_offered"
    assert refused(lambda: place(c, ANN, "X-L1", fulfilment="taxi")) == "fulfilment_not_offered"
    assert refused(lambda: place(c, BEN, "T-L1", fulfilment="delivery", address="x")) == (
        "delivery_too_young"
    )
    assert refused(lambda: place(c, ANN, "T-L1", fulfilment="delivery", address=" ")) == (
        "needs_address"
    )
    assert refused(lambda: place(c, ANN, "T-L1", total=1275)) == "price_changed"
    assert Outbox(c).depth() == 0


def test_order_payload_carries_a_key_not_the_id_and_the_quote(loaded: StoreConnection) -> None:
    rid = place(loaded, ANN, "T-L1", fulfilment="delivery", address=" 康乐路1号 ")
    request = get_request(loaded, rid)
    assert request is not None and request.kind == meals.ORDER
    payload = request.payload
    assert ANN.number not in json.dumps(payload) and "resident_id" not in payload["person"]
    assert payload["person"]["masked_id"] == ANN.masked
    assert re.fullmatch(r"[0-9a-f]{64}", payload["person"]["person_key"])
    assert payload["age_band"] == "80_plus" and payload["hukou"] is True
    assert (payload["quoted_amount_fen"], payload["address"]) == (975, "康乐路1号")
    second = place(loaded, ANN, "T-D1")
    again = get_request(loaded, second)
    assert again is not None
    assert again.payload["person"]["person_key"] == payload["person"]["person_key"]
    view = meals.get_order(loaded, rid)
    assert view is not None
    assert (view.status, view.total_fen, view.subsidy_fen, view.quantity) == (
        meals.WAITING,
        975,
        300,
        1,
    )
    assert view.canteen_name == CANTEENS[0].name and view.meal == MENUS[2]
    assert view.cancel_cutoff == MENUS[2].order_cutoff and view.reference is None


def test_the_daily_subsidy_is_used_once(loaded: StoreConnection) -> None:
    first = place(loaded, ANN, "M-L1")
    assert meals.get_order(loaded, first).subsidy_fen == 300  # type: ignore[union-attr]
    second = meals.offer(loaded, "M-L1", NOW, age=ANN.age, facts=HUKOU, person=ANN)
    assert second is not None and second.quote.total_fen == 1275
    # Without the person the screen cannot know, and the order is refused, not overcharged.
    blind = meals.offer(loaded, "M-L1", NOW, age=ANN.age, facts=HUKOU)
    assert blind is not None and blind.quote.total_fen == 975
    assert refused(lambda: place(loaded, ANN, "M-L1", total=975)) == "price_changed"
    assert (
        meals.offer(loaded, "T-L1", NOW, age=ANN.age, facts=HUKOU, person=ANN).quote.subsidy_fen
        == 300
    )  # type: ignore[union-attr]
    other = meals.offer(loaded, "M-L1", NOW, age=BEN.age, facts=HUKOU, person=BEN)
    assert other is not None and other.quote.subsidy_fen == 200
    # Cancelling gives the subsidy back (the hub handles the cancel before the next order).
    meals.cancel(loaded, first, NOW)
    back = meals.offer(loaded, "M-L1", NOW, age=ANN.age, facts=HUKOU, person=ANN)
    assert back is not None and back.quote.subsidy_fen == 300


def test_sold_out_from_own_orders_and_from_the_hub(loaded: StoreConnection) -> None:
    place(loaded, ANN, "T-L1", quantity=2)
    assert refused(lambda: place(loaded, BEN, "T-L1", quantity=2)) == "sold_out"
    place(loaded, BEN, "T-L1")
    shown = meals.offer(loaded, "T-L1", NOW, age=70, facts=HUKOU)
    assert shown is not None and shown.sold_out
    rid = place(loaded, BEN, "M-L2")
    Outbox(loaded).mark_delivered([Delivery(rid, False, reason_code="sold_out")])
    assert meals.offer(loaded, "M-L2", NOW, age=70, facts=HUKOU).sold_out  # type: ignore[union-attr]
    assert refused(lambda: place(loaded, CAI, "M-L2")) == "sold_out"
    [rejected] = meals.unseen_rejections(loaded, BEN)
    assert (rejected.id, rejected.status, rejected.reason) == (rid, meals.REJECTED, "sold_out")
    assert meals.unseen_rejections(loaded, ANN) == []
    meals.mark_seen(loaded, [rid])
    assert meals.unseen_rejections(loaded, BEN) == []


# -- status and my orders ------------------------------------------------------------------


def test_status_follows_the_hub_feed(loaded: StoreConnection) -> None:
    rid = place(loaded, ANN, "T-D1")
    assert status(loaded, rid) == meals.WAITING
    accept(loaded, rid, amount=1190)
    view = meals.get_order(loaded, rid)
    assert view is not None and view.status == meals.RECEIVED and view.total_fen == 1190
    assert view.reference == "YJT-C1-AAAAA" and view.can_cancel(NOW)
    for seq, hub_status, shown in (
        (1, "accepted", meals.RECEIVED),
        (2, "preparing", meals.PREPARING),
        (3, "ready_for_pickup", meals.READY_FOR_PICKUP),
        (4, "delivered", meals.DELIVERED),
    ):
        feed(loaded, rid, hub_status, seq)
        assert status(loaded, rid) == shown
    feed(loaded, rid, "preparing", 2)  # a replayed old update does not move it back
    assert status(loaded, rid) == meals.DELIVERED
    assert not meals.get_order(loaded, rid).can_cancel(NOW)  # type: ignore[union-attr]
    other = place(loaded, ANN, "T-L1", fulfilment="delivery", address="x")
    feed(loaded, other, "out_for_delivery", 5)
    assert status(loaded, other) == meals.OUT_FOR_DELIVERY


def test_cancel_rules(loaded: StoreConnection) -> None:
    rid = place(loaded, ANN, "T-L1")
    late = datetime(2026, 3, 2, 9, 30, tzinfo=SHANGHAI)
    with pytest.raises(MealCancelRefusedError) as info:
        meals.cancel(loaded, rid, late)
    assert info.value.reason == "too_late_to_cancel" and info.value.cutoff == MENUS[2].order_cutoff
    cancel_id = meals.cancel(loaded, rid, NOW)
    assert status(loaded, rid) == meals.CANCELLING
    with pytest.raises(MealCancelRefusedError) as info:
        meals.cancel(loaded, rid, NOW)
    assert info.value.reason == "not_active"
    accept(loaded, cancel_id)
    assert status(loaded, rid) == meals.CANCELLED
    with pytest.raises(MealCancelRefusedError) as info:
        meals.cancel(loaded, UUID(int=7), NOW)
    assert info.value.reason == "not_found"
    # A cancellation the hub refuses leaves the order as it was, with the reason.
    kept = place(loaded, ANN, "T-D1")
    refused_cancel = meals.cancel(loaded, kept, NOW)
    Outbox(loaded).mark_delivered(
        [Delivery(refused_cancel, False, reason_code="too_late_to_cancel")]
    )
    view = meals.get_order(loaded, kept)
    assert view is not None and view.status == meals.WAITING
    assert view.cancel_refused == "too_late_to_cancel"


def test_my_orders_newest_meal_first_for_this_person_only(loaded: StoreConnection) -> None:
    today_lunch = place(loaded, ANN, "T-L1")
    tomorrow = place(loaded, ANN, "M-L1")
    dinner = place(loaded, ANN, "T-D1")
    place(loaded, BEN, "M-L2")
    assert [v.id for v in meals.my_orders(loaded, ANN, NOW)] == [tomorrow, dinner, today_lunch]
    assert len(meals.my_orders(loaded, BEN, NOW)) == 1 and meals.my_orders(loaded, CAI, NOW) == []
    later = NOW + timedelta(days=3)
    assert meals.my_orders(loaded, ANN, later) == []
    assert [v.id for v in meals.my_orders(loaded, ANN, later, days_back=2)] == [tomorrow]
