"""Sample canteens, menus and benefit rules, and walks to every meal and benefit page, for
``yijiantong screenshot`` (see :mod:`kiosk.preview`). Every canteen, dish and person here
is invented; the benefit amounts follow the published Shanghai figures (hub/demo_benefits.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from kiosk.preview.driving import click, identify_for, step, then, wait_for
from services import protocol
from services.appointments import SHANGHAI
from services.store import utcnow

_T = protocol.LocalizedText


def _text(zh_cn: str, zh_hk: str, en: str) -> protocol.LocalizedText:
    return _T(zh_CN=zh_cn, zh_HK=zh_hk, en=en)


CANTEENS = [
    protocol.Canteen(
        id="demo-c1",
        name=_text(
            "示例长者食堂（长风）", "示例長者食堂（長風）", "Sample Seniors' Canteen (Changfeng)"
        ),
        address=_text("示例路 12 号", "示例路 12 號", "12 Sample Road"),
        phone="021-5555 0101",
        delivery=True,
        pickup=True,
        delivery_min_age=80,
        order_cutoff=time(9, 30),
        lunch=protocol.ServiceWindow(start=time(10, 30), end=time(12, 30)),
        dinner=protocol.ServiceWindow(start=time(16, 30), end=time(18, 0)),
        dinner_order_cutoff=time(14, 0),
    ),
    protocol.Canteen(
        id="demo-c2",
        name=_text("示例助餐点（甘泉）", "示例助餐點（甘泉）", "Sample Meal Point (Ganquan)"),
        address=_text("样板街 8 号", "樣板街 8 號", "8 Model Street"),
        phone="021-5555 0202",
        delivery=False,
        pickup=True,
        order_cutoff=time(9, 0),
        lunch=protocol.ServiceWindow(start=time(11, 0), end=time(12, 30)),
    ),
]

_SETS = [
    (
        _text("低盐套餐", "低鹽套餐", "Low-salt set"),
        [
            _text("清蒸鱼", "清蒸魚", "Steamed fish"),
            _text("炒青菜", "炒青菜", "Greens"),
            _text("米饭", "米飯", "Rice"),
        ],
        ["low_salt", "soft"],
        1500,
    ),
    (
        _text("控糖套餐", "控糖套餐", "Low-sugar set"),
        [
            _text("白切鸡", "白切雞", "Poached chicken"),
            _text("西兰花", "西蘭花", "Broccoli"),
            _text("杂粮饭", "雜糧飯", "Mixed-grain rice"),
        ],
        ["low_sugar"],
        1400,
    ),
    (
        _text("素食套餐", "素食套餐", "Vegetarian set"),
        [
            _text("麻婆豆腐", "麻婆豆腐", "Mapo tofu"),
            _text("番茄蛋汤", "番茄蛋湯", "Tomato soup"),
            _text("米饭", "米飯", "Rice"),
        ],
        ["vegetarian", "soft"],
        1200,
    ),
]


def _menus(today: date) -> list[protocol.MealSet]:
    result = []
    for canteen in CANTEENS:
        for offset in (0, 1):
            day = today + timedelta(days=offset)
            meals: list[tuple[protocol.Meal, time]] = [("lunch", canteen.order_cutoff)]
            if canteen.dinner is not None and canteen.dinner_order_cutoff is not None:
                meals.append(("dinner", canteen.dinner_order_cutoff))
            for meal, cutoff in meals:
                for n, (name, dishes, tags, price) in enumerate(_SETS):
                    result.append(
                        protocol.MealSet(
                            id=f"{canteen.id}-{day.isoformat()}-{meal}-{n}",
                            canteen_id=canteen.id,
                            date=day,
                            meal=meal,
                            name=name,
                            dishes=dishes,
                            tags=tags,  # type: ignore[arg-type]
                            price_fen=price,
                            order_cutoff=datetime.combine(day, cutoff, tzinfo=SHANGHAI),
                            capacity=80,
                        )
                    )
    return result


_OFFICE = _text(
    "到街道社区事务受理服务中心申请",
    "到街道社區事務受理服務中心申請",
    "Apply at the street's community affairs service centre",
)
_AUTO = _text("自动发放，无需申请", "自動發放，無需申請", "Paid automatically; no need to apply")
_ID_CARD = _text("身份证", "身份證", "ID card")
_HUKOU_BOOK = _text("户口簿", "戶口簿", "Household register")


def _rule(**fields: Any) -> protocol.BenefitRule:
    return protocol.BenefitRule.model_validate(fields)


_ALLOWANCE_BANDS = ((65, 69, 75), (70, 79, 150), (80, 89, 180), (90, 99, 350), (100, None, 600))
_AT_COUNTER = _text(
    "在食堂刷卡自动优惠", "在食堂刷卡自動優惠", "Applied at the canteen when you show your card"
)


def benefit_rules() -> list[protocol.BenefitRule]:
    allowance = _text("老年综合津贴", "老年綜合津貼", "Seniors' comprehensive allowance")
    rules = [
        _rule(
            id=f"oaa-{lo}",
            kind="old_age_allowance",
            name=allowance,
            description=_text(
                f"{lo}岁起 每月{yuan}元", f"{lo}歲起 每月{yuan}元", f"From {lo}: ¥{yuan} a month"
            ),
            conditions={"min_age": lo, "max_age": hi, "hukou_required": True},
            amount_fen=yuan * 100,
            period="month",
            how_to_apply=_AUTO,
            documents=[],
            verified=True,
            source="sample",
        )
        for lo, hi, yuan in (
            (65, 69, 75),
            (70, 79, 150),
            (80, 89, 180),
            (90, 99, 350),
            (100, None, 600),
        )
    ]
    meal = _text("助餐优惠", "助餐優惠", "Meal discount")
    rules += [
        _rule(
            id=f"meal-{lo}",
            kind="meal_discount",
            name=meal,
            description=_text(f"按{pay}%付费", f"按{pay}%付費", f"Pay {pay}% of the price"),
            conditions={"min_age": lo, "max_age": hi},
            pay_percent=pay,
            how_to_apply=_text(
                "在食堂刷卡自动优惠",
                "在食堂刷卡自動優惠",
                "Applied at the canteen when you show your card",
            ),
            documents=[_ID_CARD],
            verified=True,
            source="sample",
        )
        for lo, hi, pay in ((60, 79, 90), (80, None, 85))
    ]
    subsidy = _text("助餐补贴", "助餐補貼", "Daily meal subsidy")
    rules += [
        _rule(
            id=f"meal-subsidy-{lo}",
            kind="meal_subsidy",
            name=subsidy,
            description=_text(f"每天{fen // 100}元", f"每天{fen // 100}元", f"¥{fen // 100} a day"),
            conditions={
                "min_age": lo,
                "max_age": hi,
                "hukou_required": True,
                "min_spend_fen": 1500,
            },
            amount_fen=fen,
            period="day",
            how_to_apply=_text("结账时自动扣减", "結賬時自動扣減", "Taken off at the counter"),
            documents=[_ID_CARD],
            verified=True,
            source="sample",
        )
        for lo, hi, fen in ((60, 79, 200), (80, None, 300))
    ]
    rules.append(
        _rule(
            id="ltc",
            kind="ltc_insurance",
            name=_text("长期护理保险", "長期護理保險", "Long-term care insurance"),
            description=_text(
                "居家护理，保险支付90%", "居家護理，保險支付90%", "Home care; insurance pays 90%"
            ),
            conditions={"min_age": 60, "medical_insurance": "resident", "min_care_grade": 2},
            cover_percent=90,
            visits_per_week=3,
            how_to_apply=_OFFICE,
            documents=[_ID_CARD, _text("医保卡", "醫保卡", "Medical insurance card")],
            verified=True,
            source="sample",
        )
    )
    return rules


def sample_catalogues(now: datetime) -> dict[str, protocol.Catalogue[Any]]:
    today = now.astimezone(SHANGHAI).date()
    stamp = utcnow()
    return {
        "canteens": protocol.CanteenCatalogue(items=CANTEENS, version="demo", generated_at=stamp),
        "menus": protocol.MenuCatalogue(items=_menus(today), version="demo", generated_at=stamp),
        "benefit_rules": protocol.BenefitRuleCatalogue(
            items=benefit_rules(), version="demo", generated_at=stamp
        ),
    }


def sample_record(masked_id: str, today: date) -> protocol.PersonRecord:
    """What a hub might hold for the sample senior: one allowance being paid, one
    application being checked, and a status code this kiosk does not know yet."""
    allowance = _text("老年综合津贴", "老年綜合津貼", "Seniors' comprehensive allowance")
    quarter = date(today.year, ((today.month - 1) // 3) * 3 + 1, 15)  # paid quarterly
    return protocol.PersonRecord(
        masked_id=masked_id,
        benefits=[
            protocol.BenefitStatus(
                kind="old_age_allowance",
                name=allowance,
                status="paying",
                amount_fen=18000,
                period="month",
                next_payment_on=date(
                    quarter.year + (quarter.month == 10), (quarter.month + 2) % 12 + 1, 15
                ),
                payments=[protocol.BenefitPayment(paid_on=quarter, amount_fen=54000)],
            ),
            protocol.BenefitStatus(
                kind="care_subsidy",
                name=_text("养老服务补贴", "養老服務補貼", "Elderly care subsidy"),
                status="under_review",
                applied_on=today - timedelta(days=12),
            ),
            protocol.BenefitStatus(
                kind="ltc_insurance",
                name=_text("长期护理保险", "長期護理保險", "Long-term care insurance"),
                status="awaiting_bank_details",
            ),
        ],
        as_of=utcnow(),
    )


class _RecordedHub:
    """Answers a person lookup with the sample record, as the hub would have."""

    def __init__(self, record: protocol.PersonRecord) -> None:
        self.record = record

    def lookup_person(self, _query: protocol.PersonLookup) -> protocol.PersonRecord:
        return self.record


def remember_sample_record(conn: Any, person: Any, now: datetime) -> None:
    from services import person_lookup

    record = sample_record(person.masked, now.astimezone(SHANGHAI).date())
    person_lookup.lookup(conn, _RecordedHub(record), person, now - timedelta(hours=3))  # type: ignore[arg-type]


# -- walks -----------------------------------------------------------------------------------
# Each walk taps through the real flow from the home screen, as a senior would.


def _meals(w: Any, k: Any) -> None:
    identify_for(w, k, k.meals, "meals")


def _menu(w: Any, k: Any) -> None:

    _meals(w, k)
    step(w, "choice.demo-c1", "meals.menu")


def _question(w: Any, k: Any) -> None:

    _menu(w, k)
    page = w.pages["meals.menu"]
    item = next(i for i in page.choices.items() if i.enabled)
    page.choices.show_item(item.id)
    step(w, f"choice.{item.id}", "meals.question")


def _first_choice(before: Callable[[Any, Any], None], page: str, expect: str) -> Any:
    def walk(w: Any, k: Any) -> None:

        before(w, k)
        step(w, f"choice.{w.pages[page].choices.items()[0].id}", expect)

    return walk


def _benefits(w: Any, k: Any) -> None:

    identify_for(w, k, k.benefits, "benefits")


def _benefit_result(w: Any, k: Any) -> None:

    then(_benefits, "choice.screen", "benefits.question")(w, k)
    flow = k.benefits
    while w.current_page() == "benefits.question":
        asked = len(flow.asked)
        click(w, "choice.yes")

        def moved_on(before: int = asked) -> bool:
            return w.current_page() != "benefits.question" or len(flow.asked) > before

        wait_for(moved_on)


def _status(w: Any, k: Any) -> None:

    then(_benefits, "choice.status", "benefits.status")(w, k)
    wait_for(lambda: not k.benefits.looking)


def _phone(w: Any, k: Any) -> None:

    then(_benefits, "choice.callback", "phone")(w, k)
    for digit in "13812345678":
        click(w, f"keypad.{digit}")


def _notice(w: Any, k: Any) -> None:
    """An order the hub refused (sold out) while the senior was away, shown next time."""
    from services.outbox import Delivery, Outbox

    _result(w, k)
    order_id, done = k.meals.order.id, []

    def refuse(conn: Any) -> None:
        Outbox(conn).mark_delivered([Delivery(order_id, False, reason_code="sold_out")])

    k.data_bridge.run(refuse, lambda _r: done.append(True))
    wait_for(lambda: bool(done))
    w.reset_session(w.locale, w.text_scale)
    identify_for(w, k, k.meals, "meals.notice")


_fulfilment = then(_question, "choice.yes", "meals.fulfilment")
_confirm = then(_fulfilment, "choice.pickup", "meals.confirm")
_result = then(_confirm, "button.confirm", "meals.result")
_mine = then(_result, "button.my_orders", "meals.mine")
_order = _first_choice(_mine, "meals.mine", "meals.order")
_callback = then(_phone, "keypad.enter", "benefits.callback")

WALKS: dict[str, Callable[[Any, Any], None]] = {
    "meals": _meals,
    "meals.menu": _menu,
    "meals.question": _question,
    "meals.fulfilment": _fulfilment,
    "meals.confirm": _confirm,
    "meals.result": _result,
    "meals.mine": _mine,
    "meals.order": _order,
    "meals.cancel": then(_order, "button.cancel_order", "meals.cancel"),
    "meals.notice": _notice,
    "benefits": _benefits,
    "benefits.question": then(_benefits, "choice.screen", "benefits.question"),
    "benefits.result": _benefit_result,
    "benefits.detail": _first_choice(_benefit_result, "benefits.result", "benefits.detail"),
    "benefits.status": _status,
    "benefits.status_detail": _first_choice(_status, "benefits.status", "benefits.status_detail"),
    "phone": _phone,
    "benefits.callback": _callback,
    "benefits.callback_done": then(_callback, "button.confirm", "benefits.callback_done"),
}
WALK_NAMES = frozenset(WALKS)


def walk(page: str) -> Callable[[Any, Any], None]:
    return WALKS[page]
