"""Benefit screening from synced rules, and "ask for a call back".

Rules are data (``protocol.BenefitRule``, synced from the hub as the ``benefit_rules``
catalogue); no benefit appears in this module by name. Three tables drive everything:

* ``_CONDITIONS``: each field of ``BenefitConditions`` → the fact it reads and a predicate
  ``holds(rule_value, fact_value)``. A test checks that every field is in the table, so a
  new condition in the protocol cannot be silently ignored.
* ``_QUESTIONS``: each screening question → the fact it narrows and which values "yes" means.
* ``_PAYOUT_FIELDS``: what a rule of each kind must state (amount and period, pay percent ...),
  checked by :func:`check_rules` before a catalogue is accepted.

What the senior has told us is :class:`Facts`. An unknown fact is not a blank: it is the set
of values still possible (a "no" to "do you receive 低保?" leaves {低收入, none}). A rule is
checked one fact at a time over those possible values: if its conditions hold for all of
them the verdict is "likely", for none "no", otherwise "maybe". Narrowing a possible set can
only settle a "maybe", never flip "likely" and "no" (property-tested), so the planner
(:func:`next_question`) asks only a question one of whose answers would settle some rule that
is still "maybe", in a fixed, natural order, each question at most once.

Money is integer fen; "monthly" amounts of daily / weekly rules use the average month
(365 / 12 days). Amounts are spoken as the rule's own description, which the hub writes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Literal, get_args
from uuid import UUID

from pydantic import ValidationError

from services import protocol
from services.catalogue_cache import CatalogueCache
from services.identity import ResidentId
from services.outbox import DEAD, QUEUED, REJECTED, SENDING, Outbox, get_request
from services.person_keys import person_key
from services.store import StoreConnection, utcnow

Answer = Literal["yes", "no", "unsure"]
IncomeStatus = Literal["dibao", "low_income", "none"]
Insurance = Literal["employee", "resident", "none"]
Verdict = Literal["likely", "maybe"]
CallbackTopic = Literal["benefits", "appointments", "meals", "care", "other"]
CALLBACK: Final = "callback.request"

MAX_GRADE: Final = 6
GRADES: Final = frozenset(range(1, MAX_GRADE + 1))
_DOMAINS: Final[dict[str, frozenset[Any]]] = {
    "age": frozenset(range(0, 131)),
    "hukou": frozenset({True, False}),
    "income_status": frozenset(get_args(IncomeStatus)),
    "medical_insurance": frozenset(get_args(Insurance)),
    "care_grade": frozenset(range(0, MAX_GRADE + 1)),  # 0 = never assessed
}


# -- facts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """What is known about the senior; ``None`` = unknown.

    ``ruled_out`` holds ``(fact, value)`` pairs the senior said "no" to while the fact itself
    is still unknown (not 低保, but maybe 低收入). Build it with :func:`answer`.
    """

    age: int | None
    hukou: bool | None = None
    income_status: IncomeStatus | None = None
    medical_insurance: Insurance | None = None
    care_grade: int | None = None  # 0 = never assessed
    ruled_out: frozenset[tuple[str, Any]] = frozenset()

    @classmethod
    def for_person(cls, person: ResidentId) -> Facts:
        """Start screening with what the ID tells: the age."""
        return cls(age=person.age)

    def possible(self, fact: str) -> frozenset[Any]:
        """The values ``fact`` may still have."""
        value = getattr(self, fact)
        if value is not None:
            return frozenset({value})
        return frozenset(v for v in _DOMAINS[fact] if (fact, v) not in self.ruled_out)

    def restricted(self, fact: str, allowed: Iterable[Any]) -> Facts:
        """These facts with ``fact`` narrowed to ``allowed``. An answer contradicting an
        earlier one (the senior went back and changed it) replaces it."""
        allowed_set = frozenset(allowed) & _DOMAINS[fact]
        remaining = self.possible(fact) & allowed_set or allowed_set
        others = frozenset(p for p in self.ruled_out if p[0] != fact)
        changes: dict[str, Any] = {}
        if len(remaining) == 1:
            changes[fact] = next(iter(remaining))
            changes["ruled_out"] = others
        else:
            changes[fact] = None
            excluded = frozenset((fact, v) for v in _DOMAINS[fact] - remaining)
            changes["ruled_out"] = others | excluded
        return dataclasses.replace(self, **changes)


# -- conditions: field -> (fact, predicate) ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Condition:
    fact: str
    holds: Callable[[Any, Any], bool]  # (value in the rule, value of the fact) -> bool


# ``hukou_required`` / ``low_income`` = False mean "not required", like ``None``.
_CONDITIONS: Final[dict[str, _Condition | None]] = {
    "min_age": _Condition("age", lambda need, age: age >= need),
    "max_age": _Condition("age", lambda need, age: age <= need),
    "hukou_required": _Condition("hukou", lambda need, hukou: not need or hukou is True),
    "low_income": _Condition(
        "income_status", lambda need, status: not need or status in ("dibao", "low_income")
    ),
    "income_status": _Condition("income_status", lambda need, status: status == need),
    "medical_insurance": _Condition("medical_insurance", lambda need, kind: kind == need),
    "min_care_grade": _Condition("care_grade", lambda need, grade: grade >= need),
    "max_care_grade": _Condition("care_grade", lambda need, grade: grade <= need),
    # Checked at the canteen till for each meal, not a fact about the senior.
    "min_spend_fen": None,
}


def _evaluate(rule: protocol.BenefitRule, facts: Facts) -> tuple[bool | None, tuple[str, ...]]:
    """(True / False / None for unknown, the condition names still unknown)."""
    by_fact: dict[str, list[tuple[str, _Condition, Any]]] = {}
    for name, condition in _CONDITIONS.items():
        need = getattr(rule.conditions, name)
        if condition is not None and need is not None:
            by_fact.setdefault(condition.fact, []).append((name, condition, need))
    unknown: list[str] = []
    for fact, checks in by_fact.items():
        # All of a rule's conditions on one fact must hold for the same value of it.
        outcomes = {all(c.holds(need, x) for _, c, need in checks) for x in facts.possible(fact)}
        if outcomes == {False}:
            return False, ()
        if outcomes != {True}:
            unknown.extend(name for name, _, _ in checks)
    return (None if unknown else True), tuple(unknown)


def verdict(rule: protocol.BenefitRule, facts: Facts) -> Literal["likely", "maybe", "no"]:
    found, _ = _evaluate(rule, facts)
    return "maybe" if found is None else ("likely" if found else "no")


# -- questions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    id: str  # stable: "hukou", "dibao", "low_income", "employee_insurance", ...
    kind: Literal["yes_no", "grade"]  # grade: choose 1..6 (plus not sure)


@dataclass(frozen=True, slots=True)
class _QuestionSpec:
    question: Question
    fact: str
    yes: frozenset[Any]  # the values "yes" means (grade questions: the choices)
    only_within: frozenset[Any] | None = None  # ask only once the fact is known to be in here


def _spec(qid: str, fact: str, yes: Iterable[Any], **extra: Any) -> _QuestionSpec:
    kind = extra.pop("kind", "yes_no")
    return _QuestionSpec(Question(qid, kind), fact, frozenset(yes), **extra)


# In the order a social worker would ask them.
_QUESTIONS: Final[tuple[_QuestionSpec, ...]] = (
    _spec("hukou", "hukou", {True}),
    _spec("dibao", "income_status", {"dibao"}),
    _spec("low_income", "income_status", {"low_income"}),
    _spec("employee_insurance", "medical_insurance", {"employee"}),
    _spec("resident_insurance", "medical_insurance", {"resident"}),
    _spec("care_assessed", "care_grade", GRADES),
    _spec("care_grade", "care_grade", GRADES, kind="grade", only_within=GRADES),
)
_SPECS: Final = {s.question.id: s for s in _QUESTIONS}
QUESTION_IDS: Final = tuple(_SPECS)

_PROMPTS: Final[dict[str, tuple[str, str, str]]] = {
    "hukou": ("您有上海户口吗？", "您有上海戶口嗎？", "Do you have a Shanghai hukou?"),
    "dibao": ("您领取低保吗？", "您領取低保嗎？", "Do you receive minimum income support (低保)?"),
    "low_income": (
        "您有低收入困难证明吗？",
        "您有低收入困難證明嗎？",
        "Are you certified as low income (低收入)?",
    ),
    "employee_insurance": (
        "您参加的是职工医保吗？",
        "您參加的是職工醫保嗎？",
        "Do you have employee medical insurance?",
    ),
    "resident_insurance": (
        "您参加的是居民医保吗？",
        "您參加的是居民醫保嗎？",
        "Do you have resident medical insurance?",
    ),
    "care_assessed": (
        "您做过老年照护需求评估吗？",
        "您做過老年照護需求評估嗎？",
        "Have you had an elderly care needs assessment?",
    ),
    "care_grade": (
        "您的照护等级是几级？",
        "您的照護等級是幾級？",
        "What care grade were you given?",
    ),
}


def prompt(question: Question, locale: str) -> str:
    """The question in ``locale`` (zh_CN / zh_HK / en), short enough to be spoken."""
    texts = _PROMPTS[question.id]
    return {"zh_CN": texts[0], "zh_HK": texts[1], "en": texts[2]}.get(locale, texts[0])


def _outcomes(spec: _QuestionSpec, facts: Facts) -> list[Facts]:
    """The facts after each answer that could still be given (``not sure`` excluded)."""
    possible = facts.possible(spec.fact)
    if spec.only_within is not None and not possible <= spec.only_within:
        return []
    if spec.question.kind == "grade":
        blocks = [frozenset({v}) for v in sorted(possible & spec.yes)]
    else:
        blocks = [possible & spec.yes, possible - spec.yes]
    blocks = [b for b in blocks if b]
    if len(blocks) < 2:
        return []  # the answer is already known
    return [facts.restricted(spec.fact, b) for b in blocks]


def next_question(
    rules: Sequence[protocol.BenefitRule], facts: Facts, asked: frozenset[str]
) -> Question | None:
    """The next question worth asking, or ``None`` when screening is done.

    A question is worth asking when some rule is still "maybe" and at least one answer
    would change its verdict. Each question is asked at most once (``asked``).
    """
    open_rules = [r for r in rules if _evaluate(r, facts)[0] is None]
    if not open_rules:
        return None
    for spec in _QUESTIONS:
        if spec.question.id in asked:
            continue
        outcomes = _outcomes(spec, facts)
        for rule in open_rules:
            if len({_evaluate(rule, after)[0] for after in outcomes}) > 1:
                return spec.question
    return None


def answer(facts: Facts, question_id: str, value: Answer | int) -> Facts:
    """``facts`` updated with the senior's answer. "unsure" changes nothing.

    Grade questions take 1..6 (or "unsure"); yes/no questions take "yes" / "no" / "unsure".
    """
    spec = _SPECS.get(question_id)
    if spec is None:
        raise ValueError(f"unknown question {question_id!r}")
    if value == "unsure":
        return facts
    if spec.question.kind == "grade":
        if isinstance(value, bool) or not isinstance(value, int) or value not in spec.yes:
            raise ValueError(f"{question_id} takes a grade 1-{MAX_GRADE} or 'unsure'")
        return facts.restricted(spec.fact, {value})
    if value == "yes":
        return facts.restricted(spec.fact, spec.yes)
    if value == "no":
        return facts.restricted(spec.fact, _DOMAINS[spec.fact] - spec.yes)
    raise ValueError(f"{question_id} takes 'yes', 'no' or 'unsure'")


# -- screening ---------------------------------------------------------------------------------

_DAYS_PER_MONTH: Final = (365, 12)
_WEEKS_PER_MONTH: Final = (365, 7 * 12)


def monthly_fen(rule: protocol.BenefitRule) -> int | None:
    """Money per average month, or ``None`` for discounts, insurance and one-off payments."""
    if rule.amount_fen is None:
        return None
    if rule.period == "month":
        return rule.amount_fen
    if rule.period == "day":
        num, den = _DAYS_PER_MONTH
    elif rule.period == "week":
        num, den = _WEEKS_PER_MONTH
    else:
        return None
    return (rule.amount_fen * num + den // 2) // den


@dataclass(frozen=True)
class Eligibility:
    rule: protocol.BenefitRule
    verdict: Verdict
    unknown: tuple[str, ...] = field(default=())  # condition names still unknown ("maybe")

    @property
    def monthly_fen(self) -> int | None:
        return monthly_fen(self.rule)


def _band(rule: protocol.BenefitRule) -> tuple[Any, ...]:
    """Rules of one kind giving the same thing are one entry for the senior (e.g. 长护险
    grade 4 through either kind of medical insurance)."""
    return (rule.kind, *_payout(rule))


def screen(rules: Sequence[protocol.BenefitRule], facts: Facts) -> list[Eligibility]:
    """What the senior likely (or maybe) qualifies for: "likely" first, then by money per
    month (largest first), then discounts and services; one entry per kind and band."""
    best: dict[tuple[Any, ...], tuple[int, Eligibility]] = {}
    for index, rule in enumerate(rules):
        found, unknown = _evaluate(rule, facts)
        if found is False:
            continue
        entry = Eligibility(rule, "likely" if found else "maybe", unknown)
        key = _band(rule)
        held = best.get(key)
        if held is None or _rank(entry) < _rank(held[1]):
            best[key] = (index if held is None else held[0], entry)

    def order(item: tuple[int, Eligibility]) -> tuple[Any, ...]:
        index, entry = item
        money = entry.monthly_fen
        return (entry.verdict != "likely", money is None, -(money or 0), index)

    return [entry for _, entry in sorted(best.values(), key=order)]


def _rank(entry: Eligibility) -> tuple[bool, int]:
    return (entry.verdict != "likely", len(entry.unknown))


_PHRASES: Final[dict[str, dict[str, str]]] = {
    "likely": {
        "zh_CN": "您很可能可以享受",
        "zh_HK": "您很可能可以享有",
        "en": "You likely qualify for ",
    },
    "maybe": {"zh_CN": "您可能可以享受", "zh_HK": "您可能可以享有", "en": "You may qualify for "},
    "bring": {"zh_CN": "请带上：", "zh_HK": "請帶備：", "en": "Please bring: "},
    "sep": {"zh_CN": "、", "zh_HK": "、", "en": ", "},
    "open": {"zh_CN": "（", "zh_HK": "（", "en": " ("},
    "close": {"zh_CN": "）", "zh_HK": "）", "en": ")"},
    "stop": {"zh_CN": "。", "zh_HK": "。", "en": ". "},
}


def describe(entry: Eligibility, locale: str) -> str:
    """One result as a short text for the screen and for speech: what, how much, how to
    apply, what to bring (in ``locale``; numbers are left for the speech normaliser)."""
    loc = locale if locale in ("zh_CN", "zh_HK", "en") else "zh_CN"

    def say(key: str) -> str:
        return _PHRASES[key][loc]

    rule = entry.rule
    parts = [
        f"{say(entry.verdict)}{rule.name.get(loc)}"
        f"{say('open')}{rule.description.get(loc)}{say('close')}{say('stop')}"
    ]
    if rule.how_to_apply is not None:
        parts.append(f"{rule.how_to_apply.get(loc).rstrip('。. ')}{say('stop')}")
    if rule.documents:
        listed = say("sep").join(d.get(loc) for d in rule.documents)
        parts.append(f"{say('bring')}{listed}{say('stop')}")
    return "".join(parts).strip()


def load_rules(conn: StoreConnection) -> list[protocol.BenefitRule]:
    """The benefit rules from the catalogue cache (empty until the first sync)."""
    items = CatalogueCache(conn).items("benefit_rules")
    return [r for r in items if isinstance(r, protocol.BenefitRule)]


# -- checking a rule catalogue before it is accepted -------------------------------------------

# What a rule of each kind must state to be shown with an amount.
_PAYOUT_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "old_age_allowance": ("amount_fen", "period"),
    "meal_subsidy": ("amount_fen", "period"),
    "care_subsidy": ("amount_fen", "period"),
    "meal_discount": ("pay_percent",),
    "ltc_insurance": ("cover_percent",),
}
_RANGES: Final = (("min_age", "max_age", "ages"), ("min_care_grade", "max_care_grade", "grades"))
_RANGE_FIELDS: Final = frozenset(f for lo, hi, _ in _RANGES for f in (lo, hi))
_UPPER_LIMIT: Final = {"ages": 130, "grades": MAX_GRADE}


def _overlap(a: protocol.BenefitRule, b: protocol.BenefitRule) -> list[str]:
    """The ranges in which both rules apply, e.g. ["ages 68-70"]; empty if they never do."""
    shared = []
    for lo_name, hi_name, label in _RANGES:
        a_lo, b_lo = getattr(a.conditions, lo_name), getattr(b.conditions, lo_name)
        a_hi, b_hi = getattr(a.conditions, hi_name), getattr(b.conditions, hi_name)
        lo = max(a_lo or 0, b_lo or 0)
        hi = min(
            _UPPER_LIMIT[label] if a_hi is None else a_hi,
            _UPPER_LIMIT[label] if b_hi is None else b_hi,
        )
        if lo > hi:
            return []
        if any(v is not None for v in (a_lo, b_lo, a_hi, b_hi)):
            shared.append(f"{label} {lo}-{hi}")
    return shared


def _payout(rule: protocol.BenefitRule) -> tuple[Any, ...]:
    return (
        rule.amount_fen,
        rule.period,
        rule.pay_percent,
        rule.cover_percent,
        rule.visits_per_week,
    )


def check_rules(rules: Sequence[protocol.BenefitRule]) -> list[str]:
    """Problems that make a rule catalogue unsafe to use (empty list: fine).

    Beyond what pydantic checks: every rule states its amount for its kind, ids are unique,
    and two rules of one kind with the same other conditions never overlap in age or care
    grade with different amounts (a senior would be told two different sums).
    """
    problems: list[str] = []
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            problems.append(f"rule id {rule.id!r} appears more than once")
        seen.add(rule.id)
        missing = [f for f in _PAYOUT_FIELDS[rule.kind] if getattr(rule, f) is None]
        if missing:
            problems.append(f"rule {rule.id!r} ({rule.kind}) has no {' or '.join(missing)}")
    groups: dict[tuple[str, str], list[protocol.BenefitRule]] = {}
    for rule in rules:
        others = rule.conditions.model_dump_json(exclude=set(_RANGE_FIELDS))
        groups.setdefault((rule.kind, others), []).append(rule)
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                where = _overlap(a, b)
                if where and _payout(a) != _payout(b):
                    problems.append(
                        f"rules {a.id!r} and {b.id!r} ({a.kind}) both apply at "
                        f"{', '.join(where)} with different amounts"
                    )
    return problems


# -- ask for a call back ------------------------------------------------------------------------


def request_callback(
    conn: StoreConnection,
    *,
    topic: CallbackTopic,
    phone: str,
    person: ResidentId | None,
    note: str | None = None,
    helper_id: str | None = None,
    now: datetime | None = None,
) -> UUID:
    """Queue a request for a social worker to call ``phone`` back; returns its id.

    The person goes as the masked ID plus this kiosk's opaque key, never the ID number.
    Raises ``ValueError`` when the phone number or note is not acceptable to the hub.
    """
    moment = now or utcnow()
    ref = None
    if person is not None:
        ref = protocol.PersonRef(masked_id=person.masked, person_key=person_key(conn, person))
    try:
        payload = protocol.CallbackRequest(topic=topic, phone=phone, note=note or None, person=ref)
    except ValidationError as exc:  # its own text would echo the phone number
        fields = sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]})
        raise ValueError(f"callback request not valid: {', '.join(fields) or 'payload'}") from None
    body = payload.model_dump(mode="json", exclude_none=True)
    return Outbox.enqueue(conn, CALLBACK, body, now=moment.timestamp(), helper_id=helper_id)


@dataclass(frozen=True, slots=True)
class CallbackState:
    status: Literal["waiting", "accepted", "rejected", "unknown"]
    reference: str | None = None
    reason_code: str | None = None
    reason_message: dict[str, str] | None = None


def callback_state(conn: StoreConnection, request_id: UUID) -> CallbackState:
    """Where a call-back request stands, with the hub's reference once it has one."""
    record = get_request(conn, request_id)
    if record is None or record.kind != CALLBACK:
        return CallbackState("unknown")
    if record.state in (QUEUED, SENDING):
        return CallbackState("waiting")
    if record.state in (REJECTED, DEAD, "cancelled"):
        return CallbackState(
            "rejected",
            record.reference,
            record.reason_code or "undeliverable",
            record.reason_message,
        )
    # accepted, or any later progress the hub reported (acknowledged, completed ...)
    return CallbackState("accepted", record.reference)


def callback_status(conn: StoreConnection, request_id: UUID) -> str:
    """ "waiting" (not yet at the hub), "accepted" (the hub has it; see :func:`callback_state`
    for its reference), "rejected", or "unknown" (no such request)."""
    return callback_state(conn, request_id).status
