"""Meal pricing from the reference's 助餐 rules (as the demo hub ships them): discounts by age,
the daily subsidy for hukou holders, thresholds, rounding, and totals that stay in range."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.demo_benefits import benefit_rules
from services import protocol
from services.meal_rules import BAND_AGE, MealFacts, meal_quote, round_percent

RULES = [r for r in benefit_rules() if r.kind in ("meal_discount", "meal_subsidy")]
HUKOU = MealFacts(hukou=True, income_status="none")
NON_HUKOU = MealFacts(hukou=False, income_status="none")
DIBAO = MealFacts(hukou=True, income_status="dibao")


@pytest.mark.parametrize(
    ("age", "facts", "price", "pay", "subsidy", "total", "possible"),
    [
        # Under 60: full price, no subsidy, whatever the facts.
        (59, HUKOU, 1500, 100, 0, 1500, False),
        (59, DIBAO, 1500, 100, 0, 1500, False),
        # 60-79: pay 90 %; hukou holders get ¥2 on a ¥15 meal.
        (60, NON_HUKOU, 1500, 90, 0, 1350, False),
        (60, HUKOU, 1500, 90, 200, 1150, False),
        (79, HUKOU, 1500, 90, 200, 1150, False),
        (79, HUKOU, 1499, 90, 0, 1349, False),  # ¥14.99 < ¥15 threshold; 1349.1 -> 1349
        # 80+: pay 85 %; hukou holders get ¥3 on a ¥15 meal.
        (80, NON_HUKOU, 1500, 85, 0, 1275, False),
        (80, HUKOU, 1500, 85, 300, 975, False),
        (80, HUKOU, 1400, 85, 0, 1190, False),
        # 低保: ¥5 from a ¥8 spend; the most generous single subsidy wins (not 5 + 3).
        (65, DIBAO, 800, 90, 500, 220, False),
        (65, DIBAO, 799, 90, 0, 719, False),  # 719.1 -> 719, under the ¥8 threshold
        (85, DIBAO, 1500, 85, 500, 775, False),
        (65, MealFacts(hukou=False, income_status="dibao"), 1500, 90, 0, 1350, False),
        # Unknown facts never grant, but say a subsidy may apply at the counter.
        (80, MealFacts(), 1500, 85, 0, 1275, True),
        (70, MealFacts(hukou=True), 1200, 90, 0, 1080, True),  # only 低保 could apply at ¥12
        (70, MealFacts(hukou=True), 1500, 90, 200, 1150, True),  # 低保 would give ¥5 > ¥2
        (70, MealFacts(income_status="dibao"), 1000, 90, 0, 900, True),
    ],
)
def test_reference_table(  # noqa: PLR0917 - one argument per table column
    age: int, facts: MealFacts, price: int, pay: int, subsidy: int, total: int, possible: bool
) -> None:
    quote = meal_quote(price, 1, age, facts, RULES)
    assert (quote.pay_percent, quote.subsidy_fen, quote.total_fen) == (pay, subsidy, total)
    assert quote.subsidy_possible is possible
    assert quote.discount_fen + quote.subsidy_fen + quote.total_fen == price
    assert (quote.discount_rule is None) == (pay == 100)
    assert (quote.subsidy_rule is None) == (subsidy == 0)


def test_subsidy_once_a_day_and_on_one_portion() -> None:
    used = meal_quote(1500, 1, 80, HUKOU, RULES, subsidy_used_today=True)
    assert (used.subsidy_fen, used.total_fen, used.subsidy_possible) == (0, 1275, False)
    two = meal_quote(1500, 2, 80, HUKOU, RULES)
    assert (two.discount_fen, two.subsidy_fen, two.total_fen) == (450, 300, 2250)
    # The threshold is one portion's price: two ¥12 meals do not reach ¥15.
    assert meal_quote(1200, 2, 70, HUKOU, RULES).subsidy_fen == 0
    assert two.subsidy_rule is not None and two.subsidy_rule.id == "meal-subsidy-80"


def test_rounding_is_half_up_on_the_whole_order() -> None:
    assert round_percent(1250, 85) == 1063  # 1062.5
    assert round_percent(1235, 90) == 1112  # 1111.5
    assert round_percent(1234, 90) == 1111  # 1110.6
    assert meal_quote(1250, 1, 80, NON_HUKOU, RULES).total_fen == 1063
    assert meal_quote(1250, 3, 80, NON_HUKOU, RULES).total_fen == 3188  # 3187.5, rounded once


def text(s: str) -> protocol.LocalizedText:
    return protocol.LocalizedText(zh_CN=s, zh_HK=s, en=s)


def rule(rid: str, kind: str, **fields: object) -> protocol.BenefitRule:
    conditions = fields.pop("conditions", {})
    return protocol.BenefitRule.model_validate(
        {
            "id": rid,
            "kind": kind,
            "name": text(rid),
            "description": text(rid),
            "conditions": conditions,
            "verified": True,
            "source": "test",
            **fields,
        }
    )


def test_rules_are_data_not_code() -> None:
    assert meal_quote(1500, 1, 90, HUKOU, []).total_fen == 1500
    custom = [
        rule("d70", "meal_discount", conditions={"min_age": 70}, pay_percent=50),
        rule("d-any", "meal_discount", pay_percent=95),
        rule("big", "meal_subsidy", amount_fen=5000, period="day"),
        rule("monthly", "meal_subsidy", amount_fen=9000, period="month"),  # not per meal
        rule(
            "care", "meal_subsidy", amount_fen=8000, period="day", conditions={"min_care_grade": 2}
        ),
    ]
    young = meal_quote(1000, 1, 30, MealFacts(), custom)
    # 95 % for anyone; the ¥50 subsidy is capped at the ¥9.50 paid for the portion; a rule on
    # a fact meals never ask about (care grade) is not applied but may be at the counter.
    assert (young.pay_percent, young.subsidy_fen, young.total_fen) == (95, 950, 0)
    assert not young.subsidy_possible  # the care rule could not lower a zero total further
    old = meal_quote(1000, 2, 75, MealFacts(), custom)
    assert (old.pay_percent, old.subsidy_fen, old.total_fen) == (50, 500, 500)


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        meal_quote(1500, 0, 70, HUKOU, RULES)
    with pytest.raises(ValueError):
        meal_quote(-1, 1, 70, HUKOU, RULES)


def test_band_ages_fall_in_their_bands() -> None:
    for band, age in BAND_AGE.items():
        assert protocol.age_band(age) == band


facts_strategy = st.builds(
    MealFacts,
    hukou=st.none() | st.booleans(),
    income_status=st.none() | st.sampled_from(["dibao", "low_income", "none"]),
)


@given(
    price=st.integers(0, 100_000),
    quantity=st.integers(1, 5),
    age=st.integers(0, 120),
    facts=facts_strategy,
    used=st.booleans(),
)
def test_total_is_never_negative_nor_above_the_full_price(
    price: int, quantity: int, age: int, facts: MealFacts, used: bool
) -> None:
    quote = meal_quote(price, quantity, age, facts, RULES, subsidy_used_today=used)
    assert 0 <= quote.total_fen <= price * quantity
    assert quote.discount_fen >= 0 and quote.subsidy_fen >= 0
    assert quote.discount_fen + quote.subsidy_fen + quote.total_fen == price * quantity
    assert quote.full_price_fen == price * quantity
    if used:
        assert quote.subsidy_fen == 0
