"""Price of a community meal (助餐) after the senior's discount and daily subsidy.

Shared by the kiosk (the price it shows) and the reference hub (the price it charges), so
both compute the same total from the same synced ``BenefitRule`` data. Pure functions over
``services.protocol`` only: no ages, percentages or amounts are written in this code.

Rules used
----------
* ``meal_discount`` rules (``pay_percent``): of those whose conditions hold, the most
  generous (lowest ``pay_percent``) applies; none → the full price (100 %).
* ``meal_subsidy`` rules (``amount_fen`` with ``period == "day"``): of those whose
  conditions hold, the single largest applies (subsidies are never added together). It is
  granted once per person per meal day, against ONE portion: ``min_spend_fen`` is compared
  with one portion's menu price (the 消费 of that meal, before the discount), and the
  subsidy is capped at that portion's discounted price, because it is deducted at the
  counter and never paid out in cash. A second portion or a second order the same day
  gets the discount only.

Arithmetic: integer fen. The discounted amount is rounded once for the whole order, half
up to the fen: ``(full * pay_percent + 50) // 100``.

Unknown facts: ``MealFacts`` fields left ``None`` (not asked, not sure) never grant
anything. When a subsidy larger than the one applied would hold if they turned out
favourable, ``subsidy_possible`` is true so the screen can say "may be lower at the counter".
Conditions meals never ask about (medical insurance, care grade) count as unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from services.protocol import AgeBand, BenefitRule

IncomeStatus = Literal["dibao", "low_income", "none"]

# An age inside each protocol age band, for the hub, which is told the band and not the age.
# Rule age limits must lie on band edges (60, 80), as the reference's do, for kiosk and hub
# to agree.
BAND_AGE: Final[dict[AgeBand, int]] = {"under_60": 59, "60_79": 60, "80_plus": 80}
BAND_MAX_AGE: Final[dict[AgeBand, int]] = {"under_60": 59, "60_79": 79, "80_plus": 130}


@dataclass(frozen=True)
class MealFacts:
    """What the senior told us; ``None`` = not asked / not sure."""

    hukou: bool | None = None
    income_status: IncomeStatus | None = None


@dataclass(frozen=True)
class MealQuote:
    unit_price_fen: int
    quantity: int
    pay_percent: int  # share of the price the senior pays, from the discount rule
    discount_fen: int
    subsidy_fen: int
    total_fen: int
    discount_rule: BenefitRule | None
    subsidy_rule: BenefitRule | None
    # A (larger) subsidy might apply if the unknown facts were known.
    subsidy_possible: bool

    @property
    def full_price_fen(self) -> int:
        return self.unit_price_fen * self.quantity


def round_percent(amount_fen: int, percent: int) -> int:
    """``amount_fen * percent / 100`` rounded half up to the fen (non-negative inputs)."""
    return (amount_fen * percent + 50) // 100


def _fact(required: bool, known: bool | None) -> bool | None:
    """One condition: not required → holds; required and unknown → None."""
    return True if not required else known


def _holds(rule: BenefitRule, age: int, facts: MealFacts, unit_price_fen: int) -> bool | None:
    """True: every condition holds; False: one fails; None: none fails but some are unknown."""
    c = rule.conditions
    income = facts.income_status
    checks = (
        c.min_age is None or age >= c.min_age,
        c.max_age is None or age <= c.max_age,
        c.min_spend_fen is None or unit_price_fen >= c.min_spend_fen,
        _fact(bool(c.hukou_required), facts.hukou),
        _fact(c.income_status is not None, None if income is None else income == c.income_status),
        _fact(bool(c.low_income), None if income is None else income != "none"),
        # Facts a meal order never asks about: such a rule cannot be confirmed here.
        _fact(c.medical_insurance is not None, None),
        _fact(c.min_care_grade is not None or c.max_care_grade is not None, None),
    )
    if False in checks:
        return False
    return None if None in checks else True


def discount_rule(
    rules: Sequence[BenefitRule], age: int, facts: MealFacts, unit_price_fen: int
) -> BenefitRule | None:
    """The most generous meal discount that applies, if any."""
    found = [
        r
        for r in rules
        if r.kind == "meal_discount"
        and r.pay_percent is not None
        and _holds(r, age, facts, unit_price_fen) is True
    ]
    return min(found, key=lambda r: (r.pay_percent, r.id), default=None)


def _subsidy_rules(
    rules: Sequence[BenefitRule], age: int, facts: MealFacts, unit_price_fen: int
) -> tuple[BenefitRule | None, int]:
    """(the largest subsidy that holds, the largest amount that might hold if facts were known)."""
    holding: list[BenefitRule] = []
    maybe = 0
    for rule in rules:
        if rule.kind != "meal_subsidy" or rule.amount_fen is None or rule.period != "day":
            continue
        verdict = _holds(rule, age, facts, unit_price_fen)
        if verdict is True:
            holding.append(rule)
        elif verdict is None:
            maybe = max(maybe, rule.amount_fen)
    best = min(holding, key=lambda r: (-(r.amount_fen or 0), r.id), default=None)
    return best, maybe


def meal_quote(
    price_fen: int,
    quantity: int,
    age: int,
    facts: MealFacts,
    rules: Sequence[BenefitRule],
    *,
    subsidy_used_today: bool = False,
) -> MealQuote:
    """What ``quantity`` portions at ``price_fen`` each cost a senior of ``age``.

    ``subsidy_used_today``: the person already has a subsidised order for that meal day,
    so only the discount applies.
    """
    if price_fen < 0 or quantity < 1:
        raise ValueError("price must be >= 0 and quantity >= 1")
    full = price_fen * quantity
    discount = discount_rule(rules, age, facts, price_fen)
    percent = 100 if discount is None or discount.pay_percent is None else discount.pay_percent
    discounted = round_percent(full, percent)
    subsidy_rule: BenefitRule | None = None
    subsidy = 0
    possible = False
    if not subsidy_used_today:
        subsidy_rule, maybe = _subsidy_rules(rules, age, facts, price_fen)
        if subsidy_rule is not None and subsidy_rule.amount_fen is not None:
            subsidy = min(subsidy_rule.amount_fen, round_percent(price_fen, percent))
        possible = min(maybe, round_percent(price_fen, percent)) > subsidy
    return MealQuote(
        unit_price_fen=price_fen,
        quantity=quantity,
        pay_percent=percent,
        discount_fen=full - discounted,
        subsidy_fen=subsidy,
        total_fen=discounted - subsidy,
        discount_rule=discount,
        subsidy_rule=subsidy_rule,
        subsidy_possible=possible,
    )
