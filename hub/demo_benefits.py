"""Benefit rules for the demo hub, from the published Shanghai figures (docs/domain.md).

They are data, not code, so a wrong figure is corrected without a kiosk release; the
养老服务补贴 amounts are unverified in the reference and ship with ``verified=False``.
Every rule says how to apply and what to bring, in the three kiosk languages.

``demo_benefit_statuses(today)`` invents application / payment records for the demo
residents ``demo_resident_id(1..5)`` (the same numbers as the tests' ``resident_id(n)``):
an allowance being paid quarterly, an application under review, a status code kiosks do
not know yet ("awaiting_bank_details"), a refusal and a suspension, a fresh application.
"""

from __future__ import annotations

from datetime import date, timedelta

from hub.demo_tables import text
from services.protocol import (
    BenefitConditions,
    BenefitPayment,
    BenefitRule,
    BenefitStatus,
    LocalizedText,
)

_OAA_SOURCE = "上海市老年综合津贴（2016年起）"
_MEAL_SOURCE = "普陀区助餐服务通知（2025年12月）；市级2024年规定"
_LTC_SOURCE = "上海市长期护理保险"
_CARE_SOURCE = "养老服务补贴（金额未核实）"

# How to apply, and what to bring. The offices are invented-but-typical: every street (街道)
# has a 社区事务受理服务中心 where residents hand in benefit applications.
_OFFICE = (
    "街道社区事务受理服务中心",
    "街道社區事務受理服務中心",
    "the street's community affairs centre",
)
_OAA_HOW = text(
    "免申即享：满65岁自动按季度发到敬老卡或社保卡。没收到请到" + _OFFICE[0] + "咨询。",
    "免申即享：滿65歲自動按季度發到敬老卡或社保卡。沒收到請到" + _OFFICE[1] + "查詢。",
    "Paid automatically every quarter to your seniors' or social-security card from 65. "
    "If nothing arrives, ask at " + _OFFICE[2] + ".",
)
_DISCOUNT_HOW = text(
    "在长者食堂或助餐点结账时出示敬老卡或身份证，自动打折。",
    "在長者食堂或助餐點結賬時出示敬老卡或身份證，自動打折。",
    "Show your seniors' card or ID when paying at a community canteen; "
    "the discount is applied there.",
)
_SUBSIDY_HOW = text(
    "结账时自动减免，不发现金。第一次使用请到" + _OFFICE[0] + "登记。",
    "結賬時自動減免，不發現金。首次使用請到" + _OFFICE[1] + "登記。",
    "Taken off the bill at the canteen, never paid in cash. Register once at " + _OFFICE[2] + ".",
)
_LTC_HOW = text(
    "先申请老年照护需求评估：本人或家属到" + _OFFICE[0] + "申请，评估后按等级安排上门护理。",
    "先申請老年照護需求評估：本人或家屬到" + _OFFICE[1] + "申請，評估後按等級安排上門護理。",
    "First ask for a care needs assessment at " + _OFFICE[2] + " (you or family); "
    "home care is arranged by the grade you get.",
)
_CARE_HOW = text(
    "到" + _OFFICE[0] + "申请，工作人员会核对评估等级和经济状况。",
    "到" + _OFFICE[1] + "申請，職員會核對評估等級和經濟狀況。",
    "Apply at " + _OFFICE[2] + "; staff check your care grade and income.",
)
_ID_CARD = text("身份证", "身份證", "ID card")
_HOUSEHOLD_BOOK = text("户口簿", "戶口簿", "household register (hukou booklet)")
_SOCIAL_CARD = text("社保卡或敬老卡", "社保卡或敬老卡", "social-security or seniors' card")
_DIBAO_CARD = text("低保证", "低保證", "minimum-income certificate")
_INCOME_PROOF = text(
    "低保证或低收入证明", "低保證或低收入證明", "minimum- or low-income certificate"
)
_MEDICAL_RECORDS = text("近期病历或出院小结", "近期病歷或出院小結", "recent medical records")
_ASSESSMENT_NOTICE = text(
    "照护评估结果通知书", "照護評估結果通知書", "care assessment result letter"
)


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
        how_to_apply=_OAA_HOW,
        documents=[_ID_CARD, _HOUSEHOLD_BOOK, _SOCIAL_CARD],
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
                how_to_apply=_DISCOUNT_HOW,
                documents=[_ID_CARD],
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
                how_to_apply=_SUBSIDY_HOW,
                documents=[_ID_CARD, _HOUSEHOLD_BOOK, *([_DIBAO_CARD] if income else [])],
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
                    how_to_apply=_LTC_HOW,
                    documents=[_ID_CARD, _SOCIAL_CARD, _MEDICAL_RECORDS],
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
                    how_to_apply=_CARE_HOW,
                    documents=[_ID_CARD, _HOUSEHOLD_BOOK, _INCOME_PROOF, _ASSESSMENT_NOTICE],
                    verified=False,
                    source=_CARE_SOURCE,
                )
            )
    return tuple(rules)


# -- demo application / payment records -------------------------------------------------------

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_PAY_MONTHS = (1, 4, 7, 10)  # the allowance is paid on the 15th of these months
_PAY_DAY = 15


def demo_resident_id(serial: int, birth: str = "19450312") -> str:
    """An invented ID number (valid check digit) in 徐汇 (310104), like the tests build."""
    body = f"310104{birth}{serial % 1000:03d}"
    total = sum(int(c) * w for c, w in zip(body, _WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def _pay_dates(today: date, count: int) -> tuple[list[date], date]:
    """The last ``count`` quarterly pay days up to ``today`` (newest first), and the next."""
    days = [
        date(year, month, _PAY_DAY)
        for year in range(today.year - 2, today.year + 2)
        for month in _PAY_MONTHS
    ]
    past = [d for d in days if d <= today]
    upcoming = next(d for d in days if d > today)
    return past[::-1][:count], upcoming


def _allowance_paying(today: date) -> BenefitStatus:
    paid, upcoming = _pay_dates(today, 4)
    return BenefitStatus(
        kind="old_age_allowance",
        name=_OAA_NAME,
        status="paying",
        amount_fen=18000,
        period="month",
        applied_on=None,
        next_payment_on=upcoming,
        # Paid per quarter: three months at ¥180 each.
        payments=[BenefitPayment(paid_on=d, amount_fen=3 * 18000) for d in paid],
        note=text(
            "每季度15日发到社保卡", "每季度15日發到社保卡", "Paid on the 15th of each quarter"
        ),
    )


_OAA_NAME = text("老年综合津贴", "老年綜合津貼", "Seniors' comprehensive allowance")
_LTC_NAME = text("长期护理保险", "長期護理保險", "Long-term care insurance")
_CARE_NAME = text("养老服务补贴", "養老服務補貼", "Elderly care service subsidy")


def demo_benefit_statuses(today: date) -> list[tuple[str, BenefitStatus]]:
    """(resident ID, status) pairs for the demo residents, relative to ``today``."""
    return [
        (demo_resident_id(1), _allowance_paying(today)),
        (
            demo_resident_id(1),
            BenefitStatus(
                kind="ltc_insurance",
                name=_LTC_NAME,
                status="approved",
                applied_on=today - timedelta(days=75),
                note=text(
                    "评估4级：每周上门护理5次",
                    "評估4級：每週上門護理5次",
                    "Grade 4: 5 home care visits a week",
                ),
            ),
        ),
        (demo_resident_id(2), _allowance_paying(today)),
        (
            demo_resident_id(2),
            BenefitStatus(
                kind="care_subsidy",
                name=_CARE_NAME,
                status="under_review",
                amount_fen=74000,
                period="month",
                applied_on=today - timedelta(days=20),
                note=text(
                    "材料已受理，正在核对经济状况",
                    "材料已受理，正在核對經濟狀況",
                    "Papers received; income is being checked",
                ),
            ),
        ),
        (
            demo_resident_id(3),
            BenefitStatus(
                kind="old_age_allowance",
                name=_OAA_NAME,
                status="awaiting_bank_details",  # a code kiosks do not know (yet)
                amount_fen=18000,
                period="month",
                note=text(
                    "请到" + _OFFICE[0] + "登记社保卡账户",
                    "請到" + _OFFICE[1] + "登記社保卡賬戶",
                    "Please register your card account at " + _OFFICE[2],
                ),
            ),
        ),
        (
            demo_resident_id(4),
            BenefitStatus(
                kind="ltc_insurance",
                name=_LTC_NAME,
                status="rejected",
                applied_on=today - timedelta(days=60),
                note=text(
                    "评估为1级，暂不享受居家护理；可申请复评",
                    "評估為1級，暫不享有居家護理；可申請複評",
                    "Assessed grade 1: no home care for now; you may ask for a new assessment",
                ),
            ),
        ),
        (
            demo_resident_id(4),
            BenefitStatus(
                kind="old_age_allowance",
                name=_OAA_NAME,
                status="suspended",
                amount_fen=18000,
                period="month",
                payments=[BenefitPayment(paid_on=_pay_dates(today, 2)[0][-1], amount_fen=54000)],
                note=text(
                    "暂停发放：请到受理中心核对居住信息",
                    "暫停發放：請到受理中心核對居住資料",
                    "On hold: please confirm your address at the community affairs centre",
                ),
            ),
        ),
        (
            demo_resident_id(5),
            BenefitStatus(
                kind="care_subsidy",
                name=_CARE_NAME,
                status="applied",
                applied_on=today - timedelta(days=3),
            ),
        ),
    ]
