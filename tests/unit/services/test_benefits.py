"""Benefit screening rules, the question planner, rule-catalogue checks and call-back requests.

Table-driven against the hub's demo rules (the published figures, docs/domain.md), plus
hypothesis properties over generated rules. Real SQLite file for the store parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, get_args
from uuid import uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from hub.demo_benefits import benefit_rules
from services import benefits, protocol
from services.benefits import Eligibility, Facts, answer, check_rules, next_question, screen
from services.catalogue_cache import CatalogueCache
from services.identity import ResidentId, parse_resident_id
from services.outbox import Delivery, Outbox, get_request
from services.store import Store, StoreConnection
from tests.helpers.hub_process import resident_id

RULES = list(benefit_rules())
TODAY = date(2026, 3, 2)


def kinds(found: list[Eligibility], kind: str) -> list[Eligibility]:
    return [e for e in found if e.rule.kind == kind]


def only(found: list[Eligibility], kind: str) -> Eligibility | None:
    matching = kinds(found, kind)
    assert len(matching) <= 1, [e.rule.id for e in matching]
    return matching[0] if matching else None


def person(serial: int) -> ResidentId:
    return parse_resident_id(resident_id(serial), today=TODAY)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[StoreConnection]:
    with Store(tmp_path).connect() as c:
        yield c


# -- the rules, table-driven -------------------------------------------------------------------

ALLOWANCE_BANDS = [
    (64, None),
    (65, 7500),
    (69, 7500),
    (70, 15000),
    (79, 15000),
    (80, 18000),
    (89, 18000),
    (90, 35000),
    (99, 35000),
    (100, 60000),
]


@pytest.mark.parametrize(("age", "monthly"), ALLOWANCE_BANDS)
def test_old_age_allowance_bands_for_hukou_holders(age: int, monthly: int | None) -> None:
    found = only(screen(RULES, Facts(age=age, hukou=True)), "old_age_allowance")
    if monthly is None:
        assert found is None
    else:
        assert found is not None and found.verdict == "likely"
        assert found.monthly_fen == monthly and found.rule.period == "month"


@pytest.mark.parametrize(("age", "monthly"), ALLOWANCE_BANDS)
def test_old_age_allowance_needs_hukou(age: int, monthly: int | None) -> None:
    assert only(screen(RULES, Facts(age=age, hukou=False)), "old_age_allowance") is None
    unknown = only(screen(RULES, Facts(age=age)), "old_age_allowance")
    if monthly is None:
        assert unknown is None
    else:
        assert unknown is not None and unknown.verdict == "maybe"
        assert unknown.unknown == ("hukou_required",) and unknown.monthly_fen == monthly


@pytest.mark.parametrize(
    ("age", "pay_percent"), [(59, None), (60, 90), (79, 90), (80, 85), (101, 85)]
)
@pytest.mark.parametrize("hukou", [True, False, None])
def test_meal_discount_boundaries_same_with_or_without_hukou(
    age: int, pay_percent: int | None, hukou: bool | None
) -> None:
    found = only(screen(RULES, Facts(age=age, hukou=hukou)), "meal_discount")
    if pay_percent is None:
        assert found is None
    else:
        assert found is not None and found.verdict == "likely"
        assert found.rule.pay_percent == pay_percent and found.monthly_fen is None


@pytest.mark.parametrize(
    ("age", "hukou", "income", "expected"),
    [
        (59, True, "none", set()),
        (60, True, "none", {("meal-subsidy-60-79", "likely")}),
        (79, True, "none", {("meal-subsidy-60-79", "likely")}),
        (80, True, "none", {("meal-subsidy-80", "likely")}),
        (70, False, "none", set()),
        (70, False, "dibao", set()),
        (70, True, "dibao", {("meal-subsidy-60-79", "likely"), ("meal-subsidy-dibao", "likely")}),
        (70, None, "none", {("meal-subsidy-60-79", "maybe")}),
        (70, True, None, {("meal-subsidy-60-79", "likely"), ("meal-subsidy-dibao", "maybe")}),
    ],
)
def test_meal_subsidy_hukou_vs_non_hukou(
    age: int, hukou: bool | None, income: Any, expected: set[tuple[str, str]]
) -> None:
    found = kinds(screen(RULES, Facts(age=age, hukou=hukou, income_status=income)), "meal_subsidy")
    assert {(e.rule.id, e.verdict) for e in found} == expected


@pytest.mark.parametrize(
    ("grade", "visits"), [(0, None), (1, None), (2, 3), (3, 3), (4, 5), (5, 7), (6, 7)]
)
@pytest.mark.parametrize(
    ("insurance", "age", "covered"),
    [
        ("employee", 55, True),
        ("employee", 75, True),
        ("resident", 59, False),
        ("resident", 60, True),
        ("none", 75, False),
    ],
)
def test_long_term_care_grades(
    grade: int, visits: int | None, insurance: Any, age: int, covered: bool
) -> None:
    facts = Facts(age=age, medical_insurance=insurance, care_grade=grade)
    found = only(screen(RULES, facts), "ltc_insurance")
    if visits is None or not covered:
        assert found is None
    else:
        assert found is not None and found.verdict == "likely"
        assert found.rule.visits_per_week == visits and found.rule.cover_percent == 90


def test_long_term_care_with_unknown_insurance_is_one_maybe_per_band() -> None:
    found = kinds(screen(RULES, Facts(age=70, care_grade=4)), "ltc_insurance")
    assert [(e.verdict, e.rule.visits_per_week) for e in found] == [("maybe", 5)]
    assert found[0].unknown == ("medical_insurance",)


@pytest.mark.parametrize(
    ("income", "grade", "monthly"),
    [
        ("dibao", 1, 111000),
        ("low_income", 1, 88800),
        ("dibao", 4, 103600),
        ("low_income", 2, 74000),
        ("dibao", 6, 74000),
        ("low_income", 5, 44400),
        ("none", 3, None),
        ("dibao", 0, None),
    ],
)
def test_care_subsidy_by_income_and_grade(income: Any, grade: int, monthly: int | None) -> None:
    found = only(
        screen(RULES, Facts(age=75, income_status=income, care_grade=grade)), "care_subsidy"
    )
    if monthly is None:
        assert found is None
    else:
        assert found is not None and found.monthly_fen == monthly
        assert not found.rule.verified  # the reference marks these amounts unverified


def test_results_are_sorted_likely_first_then_by_money_discounts_last() -> None:
    facts = Facts(age=82, hukou=True, income_status="none", care_grade=4)
    found = screen(RULES, facts)
    likely = [e for e in found if e.verdict == "likely"]
    assert found[: len(likely)] == likely
    money = [e.monthly_fen for e in likely]
    with_money = [m for m in money if m is not None]
    assert with_money == sorted(with_money, reverse=True)
    assert money[: len(with_money)] == with_money  # amounts first, then discounts / services
    assert [e.rule.id for e in likely][:3] == ["oaa-80-89", "meal-subsidy-80", "meal-discount-80"]
    assert all(e.verdict == "maybe" for e in found[len(likely) :])


def test_monthly_amounts() -> None:
    by_id = {r.id: r for r in RULES}
    assert benefits.monthly_fen(by_id["oaa-100"]) == 60000
    assert benefits.monthly_fen(by_id["meal-subsidy-dibao"]) == 15208  # ¥5 × 365 / 12
    assert benefits.monthly_fen(by_id["meal-discount-80"]) is None
    assert benefits.monthly_fen(by_id["ltc-employee-4-4"]) is None
    weekly = by_id["oaa-100"].model_copy(update={"period": "week", "amount_fen": 1200})
    assert benefits.monthly_fen(weekly) == 5214  # ¥12 × 365 / 84
    once = by_id["oaa-100"].model_copy(update={"period": "once"})
    assert benefits.monthly_fen(once) is None


def test_describe_is_ready_to_speak_in_each_language() -> None:
    [first, *_] = screen(RULES, Facts(age=82, hukou=True))
    zh = benefits.describe(first, "zh_CN")
    assert zh.startswith("您很可能可以享受老年综合津贴") and "每月180元" in zh
    assert "社区事务受理服务中心" in zh and "请带上：身份证、户口簿" in zh
    en = benefits.describe(first, "en")
    assert en.startswith("You likely qualify for Seniors' comprehensive allowance")
    assert "Please bring: ID card" in en
    assert "您很可能可以享有" in benefits.describe(first, "zh_HK")


def test_every_demo_rule_says_how_to_apply_in_three_languages() -> None:
    for rule in RULES:
        assert rule.how_to_apply is not None and rule.documents, rule.id
        assert len({rule.how_to_apply.zh_CN, rule.how_to_apply.en}) == 2


# -- the planner -------------------------------------------------------------------------------


def run_screening(facts: Facts, replies: dict[str, Any]) -> tuple[list[str], Facts]:
    asked: frozenset[str] = frozenset()
    order = []
    while (question := next_question(RULES, facts, asked)) is not None:
        order.append(question.id)
        asked |= {question.id}
        facts = answer(facts, question.id, replies.get(question.id, "unsure"))
    return order, facts


def test_a_full_screening_asks_in_a_natural_order() -> None:
    replies = {
        "hukou": "yes",
        "dibao": "no",
        "low_income": "yes",
        "employee_insurance": "no",
        "resident_insurance": "yes",
        "care_assessed": "yes",
        "care_grade": 4,
    }
    order, facts = run_screening(Facts(age=72), replies)
    assert order == list(benefits.QUESTION_IDS)
    assert facts == Facts(
        age=72, hukou=True, income_status="low_income", medical_insurance="resident", care_grade=4
    )
    assert all(e.verdict == "likely" for e in screen(RULES, facts))


def test_only_questions_that_matter_are_asked() -> None:
    # Under 60 with employee insurance: hukou matters for nothing; resident insurance is moot.
    order, _ = run_screening(
        Facts(age=50), {"dibao": "no", "low_income": "no", "employee_insurance": "yes"}
    )
    assert order == ["dibao", "low_income", "employee_insurance", "care_assessed"]
    # Never assessed: no grade question.
    order, facts = run_screening(Facts(age=66), {"hukou": "no", "care_assessed": "no"})
    assert "care_grade" not in order and facts.care_grade == 0
    # A rule set that depends on age alone needs no questions.
    discounts = [r for r in RULES if r.kind == "meal_discount"]
    assert next_question(discounts, Facts(age=70), frozenset()) is None


def test_unsure_leaves_a_maybe_and_is_not_asked_again() -> None:
    order, facts = run_screening(Facts(age=70), {})
    assert "care_grade" not in order  # "not sure" if ever assessed: no grade question
    assert len(order) == len(set(order))
    found = screen(RULES, facts)
    assert any(e.verdict == "maybe" for e in found)
    allowance = only(found, "old_age_allowance")
    assert allowance is not None and allowance.unknown == ("hukou_required",)


def test_answers_narrow_and_a_changed_answer_wins() -> None:
    facts = answer(Facts(age=70), "dibao", "no")
    assert facts.income_status is None and facts.possible("income_status") == {
        "low_income",
        "none",
    }
    assert only(screen(RULES, facts), "meal_subsidy") is None or all(
        e.rule.id != "meal-subsidy-dibao" for e in kinds(screen(RULES, facts), "meal_subsidy")
    )
    assert answer(facts, "low_income", "no").income_status == "none"
    assert answer(answer(facts, "dibao", "yes"), "dibao", "yes").income_status == "dibao"
    assert answer(Facts(age=70, hukou=True), "hukou", "no").hukou is False
    assert answer(Facts(age=70), "care_assessed", "yes").possible("care_grade") == set(range(1, 7))
    assert answer(Facts(age=70), "care_grade", 5).care_grade == 5
    assert answer(Facts(age=70), "hukou", "unsure") == Facts(age=70)


@pytest.mark.parametrize(
    ("question", "value"),
    [("hukou", 3), ("care_grade", "yes"), ("care_grade", 7), ("care_grade", True), ("nope", "yes")],
)
def test_bad_answers_are_refused(question: str, value: Any) -> None:
    with pytest.raises(ValueError, match=r"unknown question|takes"):
        answer(Facts(age=70), question, value)


def test_for_person_starts_from_the_age_in_the_id() -> None:
    assert Facts.for_person(person(1)) == Facts(age=80)


def test_prompts_exist_for_every_question_and_language() -> None:
    for qid in benefits.QUESTION_IDS:
        question = benefits.Question(qid, "grade" if qid == "care_grade" else "yes_no")
        texts = {benefits.prompt(question, loc) for loc in ("zh_CN", "zh_HK", "en")}
        assert len(texts) >= 2 and all(t.endswith(("？", "?")) for t in texts)


# -- properties over generated rules -----------------------------------------------------------

INCOME = list(get_args(benefits.IncomeStatus))
INSURANCE = list(get_args(benefits.Insurance))


@st.composite
def conditions(draw: st.DrawFn) -> protocol.BenefitConditions:
    lo = draw(st.none() | st.integers(0, 110))
    hi = draw(st.none() | st.integers(lo or 0, 120))
    glo = draw(st.none() | st.integers(0, 6))
    ghi = draw(st.none() | st.integers(glo or 0, 6))
    return protocol.BenefitConditions(
        min_age=lo,
        max_age=hi,
        hukou_required=draw(st.none() | st.booleans()),
        low_income=draw(st.none() | st.booleans()),
        income_status=draw(st.none() | st.sampled_from(["dibao", "low_income"])),
        medical_insurance=draw(st.none() | st.sampled_from(["employee", "resident"])),
        min_care_grade=glo,
        max_care_grade=ghi,
        min_spend_fen=draw(st.none() | st.integers(0, 2000)),
    )


@st.composite
def rule_sets(draw: st.DrawFn) -> list[protocol.BenefitRule]:
    base = RULES[0]
    made = [
        base.model_copy(update={"id": f"gen-{i}", "conditions": c})
        for i, c in enumerate(draw(st.lists(conditions(), min_size=1, max_size=6)))
    ]
    return made + draw(st.lists(st.sampled_from(RULES), max_size=6))


@st.composite
def true_facts(draw: st.DrawFn) -> Facts:
    """A senior with everything known."""
    return Facts(
        age=draw(st.integers(40, 110)),
        hukou=draw(st.booleans()),
        income_status=draw(st.sampled_from(INCOME)),
        medical_insurance=draw(st.sampled_from(INSURANCE)),
        care_grade=draw(st.integers(0, 6)),
    )


def truthful_reply(truth: Facts, question: benefits.Question, honest: bool) -> Any:
    if not honest:
        return "unsure"
    yes = {
        "hukou": truth.hukou is True,
        "dibao": truth.income_status == "dibao",
        "low_income": truth.income_status == "low_income",
        "employee_insurance": truth.medical_insurance == "employee",
        "resident_insurance": truth.medical_insurance == "resident",
        "care_assessed": (truth.care_grade or 0) > 0,
    }
    if question.kind == "grade":
        return truth.care_grade
    return "yes" if yes[question.id] else "no"


@settings(max_examples=150, deadline=None)
@given(rules=rule_sets(), truth=true_facts(), honesty=st.lists(st.booleans(), min_size=7))
def test_planner_never_repeats_terminates_and_never_misleads(
    rules: list[protocol.BenefitRule], truth: Facts, honesty: list[bool]
) -> None:
    facts, asked = Facts(age=truth.age), frozenset[str]()
    for step in range(len(benefits.QUESTION_IDS) + 1):
        before = {r.id: benefits.verdict(r, facts) for r in rules}
        question = next_question(rules, facts, asked)
        if question is None:
            break
        assert step < len(benefits.QUESTION_IDS), "more questions than question ids"
        assert question.id not in asked
        asked |= {question.id}
        facts = answer(facts, question.id, truthful_reply(truth, question, honesty[step]))
        after = {r.id: benefits.verdict(r, facts) for r in rules}
        for rid, was in before.items():  # more facts settle a "maybe", never flip a verdict
            assert was == "maybe" or after[rid] == was
    for rule in rules:  # what the partial answers say agrees with the whole truth
        partial, whole = benefits.verdict(rule, facts), benefits.verdict(rule, truth)
        assert whole in ("likely", "no")
        assert partial in ("maybe", whole)
        if all(honesty[: len(benefits.QUESTION_IDS)]):
            assert partial == whole  # with every answer given, nothing is left "maybe"


@settings(max_examples=100, deadline=None)
@given(rules=rule_sets(), truth=true_facts())
def test_screen_omits_exactly_the_rules_that_do_not_apply(
    rules: list[protocol.BenefitRule], truth: Facts
) -> None:
    found = screen(rules, truth)
    assert all(e.verdict == "likely" for e in found)
    applying = {benefits._band(r) for r in rules if benefits.verdict(r, truth) == "likely"}
    assert {benefits._band(e.rule) for e in found} == applying


def test_every_condition_field_is_in_the_table() -> None:
    assert set(benefits._CONDITIONS) == set(protocol.BenefitConditions.model_fields)
    assert set(benefits._PAYOUT_FIELDS) == set(get_args(protocol.BenefitKind))


# -- checking a catalogue ----------------------------------------------------------------------


def test_demo_rules_pass_the_checks() -> None:
    assert check_rules(RULES) == []


def rule(rid: str, **changes: Any) -> protocol.BenefitRule:
    by_id = {r.id: r for r in RULES}
    base = by_id[changes.pop("base", "oaa-65-69")]
    cond = changes.pop("conditions", None)
    update: dict[str, Any] = {"id": rid, **changes}
    if cond is not None:
        update["conditions"] = base.conditions.model_copy(update=cond)
    return base.model_copy(update=update)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ([rule("d", base="meal-discount-80", pay_percent=None)], "'d' (meal_discount) has no pay_"),
        ([rule("a", amount_fen=None)], "'a' (old_age_allowance) has no amount_fen"),
        ([rule("a", period=None)], "has no period"),
        ([rule("l", base="ltc-employee-4-4", cover_percent=None)], "has no cover_percent"),
        ([rule("oaa-70-79")], "'oaa-70-79' appears more than once"),
        (
            [rule("x", conditions={"min_age": 68, "max_age": 72}, amount_fen=9900)],
            "rules 'oaa-65-69' and 'x' (old_age_allowance) both apply at ages 68-69",
        ),
        (
            [
                rule(
                    "g",
                    base="ltc-employee-4-4",
                    conditions={"min_care_grade": 3},
                    visits_per_week=4,
                )
            ],
            "both apply at grades 3-3",
        ),
    ],
)
def test_bad_rule_sets_are_explained(bad: list[protocol.BenefitRule], message: str) -> None:
    problems = check_rules([*RULES, *bad])
    assert any(message in p for p in problems), problems


def test_overlap_is_fine_when_the_amount_is_the_same_or_the_conditions_differ() -> None:
    same = rule("same", conditions={"min_age": 66, "max_age": 67})
    other_group = rule("other", conditions={"min_age": 60, "hukou_required": None}, amount_fen=1)
    assert check_rules([*RULES, same, other_group]) == []


def test_an_unknown_kind_is_refused_by_the_schema() -> None:
    data = RULES[0].model_dump(mode="json") | {"kind": "moon_pension"}
    with pytest.raises(ValidationError, match="kind"):
        protocol.BenefitRule.model_validate(data)


def test_load_rules_reads_the_catalogue_cache(conn: StoreConnection) -> None:
    assert benefits.load_rules(conn) == []
    catalogue = protocol.BenefitRuleCatalogue(
        items=RULES, version="v1", generated_at=datetime(2026, 3, 2, tzinfo=UTC)
    )
    CatalogueCache(conn).store("benefit_rules", catalogue, '"v1"')
    assert benefits.load_rules(conn) == RULES


# -- call backs --------------------------------------------------------------------------------


def test_callback_carries_a_masked_id_and_opaque_key_never_the_number(
    conn: StoreConnection,
) -> None:
    ann, bob = person(1), person(2)
    first = benefits.request_callback(
        conn, topic="benefits", phone="13800138000", person=ann, note="长护险", helper_id="h7"
    )
    again = benefits.request_callback(conn, topic="care", phone="021-62183400", person=ann)
    other = benefits.request_callback(conn, topic="benefits", phone="13800138000", person=bob)
    records = [get_request(conn, rid) for rid in (first, again, other)]
    assert all(r is not None and r.kind == "callback.request" for r in records)
    payloads = [r.payload for r in records if r is not None]
    assert payloads[0]["person"]["masked_id"] == ann.masked
    assert payloads[0]["note"] == "长护险" and payloads[0]["topic"] == "benefits"
    keys = [p["person"]["person_key"] for p in payloads]
    assert keys[0] == keys[1] != keys[2] and len(keys[0]) == 64
    assert all("resident_id" not in p["person"] for p in payloads)
    dump = "\n".join(conn.raw.iterdump())
    assert ann.number not in dump and bob.number not in dump
    assert Outbox(conn).depth() == 3


def test_callback_without_a_person_and_bad_input(conn: StoreConnection) -> None:
    rid = benefits.request_callback(conn, topic="other", phone="62183400", person=None)
    record = get_request(conn, rid)
    assert record is not None and "person" not in record.payload
    with pytest.raises(ValueError, match="callback request not valid: phone") as caught:
        benefits.request_callback(conn, topic="benefits", phone="555-1234", person=None)
    assert "555" not in str(caught.value)
    with pytest.raises(ValueError, match="note"):
        benefits.request_callback(
            conn, topic="benefits", phone="13800138000", person=None, note="x" * 201
        )
    assert Outbox(conn).depth() == 1


def test_callback_status_follows_the_hub(conn: StoreConnection) -> None:
    waiting = benefits.request_callback(conn, topic="benefits", phone="13800138000", person=None)
    refused = benefits.request_callback(conn, topic="benefits", phone="13800138000", person=None)
    assert benefits.callback_status(conn, waiting) == "waiting"
    Outbox(conn).mark_delivered(
        [
            Delivery(waiting, accepted=True, reference="YJT-CB-ABCDE"),
            Delivery(refused, accepted=False, reason_code="validation"),
        ]
    )
    assert benefits.callback_status(conn, waiting) == "accepted"
    assert benefits.callback_state(conn, waiting).reference == "YJT-CB-ABCDE"
    assert benefits.callback_status(conn, refused) == "rejected"
    assert benefits.callback_state(conn, refused).reason_code == "validation"
    assert benefits.callback_status(conn, uuid4()) == "unknown"
