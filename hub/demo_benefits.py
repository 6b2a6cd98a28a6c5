"""Benefit rules for the demo hub, from /work/shared/REFERENCE.md.

They are data, not code, so a wrong figure is corrected without a kiosk release; the
养老服务补贴 amounts are unverified in the reference and ship with ``verified=False``.
"""

from __future__ import annotations

from hub.demo_tables import text
from services.protocol import BenefitConditions, BenefitRule, LocalizedText

_OAA_SOURCE = "上海市老年综合津贴（2016年起）"
_MEAL_SOURCE = "普陀区助餐服务通知（2025年12月）；市级2024年规定"
_LTC_SOURCE = "上海市长期护理保险"
_CARE_SOURCE = "养老服务补贴（金额未核实）"


def _conditions(**fields: object) -> BenefitConditions:
    # Validated like wire data: loop variables are plain str to the type checker.
    return BenefitConditions.model_validate(fields)


def _rule(**fields: object) -> BenefitRule:
    return BenefitRule.model_validate(fields)


def _allowance(rid: str, lo: int, hi: int | None, yuan: int, band: LocalizedText) -> BenefitRule:
    return _rule(
        id=rid,
        kind="old_age_allowance",
        name=text("老年综合津贴", "老年綜合津貼", "Seniors' comprehensive allowance"),
        description=band,
        conditions=BenefitConditions(min_age=lo, max_age=hi, hukou_required=True),
        amount_fen=yuan * 100,
        period="month",
        verified=True,
        source=_OAA_SOURCE,
    )


def benefit_rules() -> tuple[BenefitRule, ...]:
    rules: list[BenefitRule] = [
        _allowance(
            "oaa-65-69",
            65,
            69,
            75,
            text("65–69岁 每月75元", "65–69歲 每月75元", "Age 65–69: ¥75 a month"),
        ),
        _allowance(
            "oaa-70-79",
            70,
            79,
            150,
            text("70–79岁 每月150元", "70–79歲 每月150元", "Age 70–79: ¥150 a month"),
        ),
        _allowance(
            "oaa-80-89",
            80,
            89,
            180,
            text("80–89岁 每月180元", "80–89歲 每月180元", "Age 80–89: ¥180 a month"),
        ),
        _allowance(
            "oaa-90-99",
            90,
            99,
            350,
            text("90–99岁 每月350元", "90–99歲 每月350元", "Age 90–99: ¥350 a month"),
        ),
        _allowance(
            "oaa-100",
            100,
            None,
            600,
            text("100岁以上 每月600元", "100歲以上 每月600元", "Age 100+: ¥600 a month"),
        ),
    ]
    meal_name = text("助餐优惠", "助餐優惠", "Community meal discount")
    for rid, lo, hi, pay, desc in (
        (
            "meal-discount-60-79",
            60,
            79,
            90,
            text("60–79岁 按九折付费", "60–79歲 按九折付費", "Age 60–79 pay 90 %"),
        ),
        (
            "meal-discount-80",
            80,
            None,
            85,
            text("80岁以上 按八五折付费", "80歲以上 按八五折付費", "Age 80+ pay 85 %"),
        ),
    ):
        rules.append(
            _rule(
                id=rid,
                kind="meal_discount",
                name=meal_name,
                description=desc,
                conditions=BenefitConditions(min_age=lo, max_age=hi),
                pay_percent=pay,
                verified=True,
                source=_MEAL_SOURCE,
            )
        )
    subsidy_name = text("助餐补贴", "助餐補貼", "Daily meal subsidy")
    for rid, lo, hi, income, fen, spend, desc in (
        (
            "meal-subsidy-dibao",
            60,
            None,
            "dibao",
            500,
            800,
            text(
                "低保老人每天补贴5元（消费满8元）",
                "低保長者每天補貼5元（消費滿8元）",
                "Minimum-income seniors: ¥5 a day (spend ≥ ¥8)",
            ),
        ),
        (
            "meal-subsidy-60-79",
            60,
            79,
            None,
            200,
            1500,
            text(
                "60–79岁每天补贴2元（消费满15元）",
                "60–79歲每天補貼2元（消費滿15元）",
                "Age 60–79: ¥2 a day (spend ≥ ¥15)",
            ),
        ),
        (
            "meal-subsidy-80",
            80,
            None,
            None,
            300,
            1500,
            text(
                "80岁以上每天补贴3元（消费满15元）",
                "80歲以上每天補貼3元（消費滿15元）",
                "Age 80+: ¥3 a day (spend ≥ ¥15)",
            ),
        ),
    ):
        rules.append(
            _rule(
                id=rid,
                kind="meal_subsidy",
                name=subsidy_name,
                description=desc,
                conditions=_conditions(
                    min_age=lo,
                    max_age=hi,
                    hukou_required=True,
                    income_status=income,
                    low_income=True if income else None,
                    min_spend_fen=spend,
                ),
                amount_fen=fen,
                period="day",
                verified=True,
                source=_MEAL_SOURCE,
            )
        )
    ltc_name = text("长期护理保险", "長期護理保險", "Long-term care insurance")
    for insurance, min_age, who in (
        ("employee", None, ("职工医保", "職工醫保", "employee insurance")),
        ("resident", 60, ("居民医保60岁以上", "居民醫保60歲以上", "resident insurance, 60+")),
    ):
        for lo, hi, visits in ((2, 3, 3), (4, 4, 5), (5, 6, 7)):
            grades = f"{lo}–{hi}" if lo != hi else f"{lo}"
            rules.append(
                _rule(
                    id=f"ltc-{insurance}-{lo}-{hi}",
                    kind="ltc_insurance",
                    name=ltc_name,
                    description=text(
                        f"{who[0]}，评估{grades}级：每周上门{visits}次，医保支付90%",
                        f"{who[1]}，評估{grades}級：每週上門{visits}次，醫保支付90%",
                        f"{who[2]}, grade {grades}: {visits} home visits a week, 90 % covered",
                    ),
                    conditions=_conditions(
                        min_age=min_age,
                        medical_insurance=insurance,
                        min_care_grade=lo,
                        max_care_grade=hi,
                    ),
                    cover_percent=90,
                    visits_per_week=visits,
                    period="week",
                    verified=True,
                    source=_LTC_SOURCE,
                )
            )
    care_name = text("养老服务补贴", "養老服務補貼", "Elderly care service subsidy")
    for lo, hi, dibao, low in ((1, 1, 1110, 888), (2, 4, 1036, 740), (5, 6, 740, 444)):
        for status, yuan, label in (
            ("dibao", dibao, ("低保", "低保", "minimum income")),
            ("low_income", low, ("低收入", "低收入", "low income")),
        ):
            grades = f"{lo}–{hi}" if lo != hi else f"{lo}"
            rules.append(
                _rule(
                    id=f"care-{status}-{lo}-{hi}",
                    kind="care_subsidy",
                    name=care_name,
                    description=text(
                        f"{label[0]}，照护{grades}级：每月{yuan}元（待核实）",
                        f"{label[1]}，照護{grades}級：每月{yuan}元（待核實）",
                        f"{label[2]}, care grade {grades}: ¥{yuan} a month (unverified)",
                    ),
                    conditions=_conditions(
                        low_income=True,
                        income_status=status,
                        min_care_grade=lo,
                        max_care_grade=hi,
                    ),
                    amount_fen=yuan * 100,
                    period="month",
                    verified=False,
                    source=_CARE_SOURCE,
                )
            )
    return tuple(rules)
