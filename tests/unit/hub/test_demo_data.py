"""Demo data is deterministic, realistic and matches the published figures (docs/domain.md)."""

from __future__ import annotations

from datetime import date, timedelta

from hub import demo_data
from hub.demo_tables import HOSPITALS

TODAY = date(2025, 6, 11)  # a Wednesday


def test_deterministic_for_a_day() -> None:
    assert demo_data.build(TODAY) == demo_data.build(TODAY)


def test_hospitals_and_departments() -> None:
    data = demo_data.build(TODAY)
    assert len(data.hospitals) == 4
    assert {h.booking_window_days for h in HOSPITALS} == {7, 14}
    assert any(h.cancel_cutoff_working_days == 1 for h in HOSPITALS)
    assert any(h.cancel_cutoff_hours == 24 for h in HOSPITALS)
    for hospital in data.hospitals:
        count = sum(d.hospital_id == hospital.id for d in data.departments)
        assert 4 <= count <= 6
    assert "老年医学科" in {d.name.zh_CN for d in data.departments}


def test_slots_cover_fourteen_days_of_working_days() -> None:
    data = demo_data.build(TODAY)
    days = {s.starts_at.date() for s in data.slots}
    expected = {
        TODAY + timedelta(days=n) for n in range(14) if (TODAY + timedelta(days=n)).weekday() < 5
    }
    assert days == expected
    assert all(s.starts_at.utcoffset() == timedelta(hours=8) for s in data.slots)
    assert {s.starts_at.hour for s in data.slots} >= {8, 9, 10, 11, 13, 14, 15}


def test_slot_mix() -> None:
    slots = demo_data.build(TODAY).slots
    reserved = [s for s in slots if s.senior_reserved]
    assert reserved and len(reserved) < len(slots) / 3
    assert any(s.remaining == 0 for s in slots)
    assert any(0 < s.remaining < s.capacity for s in slots)
    assert len({s.capacity for s in slots}) >= 3
    assert len({s.id for s in slots}) == len(slots)
    # Every department/session has some senior-reserved seats.
    per_session = {(s.department_id, s.starts_at.date(), s.starts_at.hour < 12) for s in reserved}
    sessions = {(s.department_id, s.starts_at.date(), s.starts_at.hour < 12) for s in slots}
    assert per_session == sessions


def test_top_up_keeps_existing_days() -> None:
    first = {s.id: s for s in demo_data.build(TODAY).slots}
    later = {s.id: s for s in demo_data.build(TODAY + timedelta(days=3)).slots}
    shared = set(first) & set(later)
    assert shared and all(first[i] == later[i] for i in shared)
    assert set(later) - set(first)


def test_menus_week_of_lunch_and_dinner() -> None:
    data = demo_data.build(TODAY)
    assert len(data.canteens) == 3
    assert {m.date for m in data.menus} == {TODAY + timedelta(days=n) for n in range(7)}
    assert {m.meal for m in data.menus} == {"lunch", "dinner"}
    assert all(1200 <= m.price_fen <= 1500 for m in data.menus)
    assert any(m.tags for m in data.menus)
    for meal in data.menus:
        assert meal.order_cutoff.date() == meal.date
        assert meal.order_cutoff.hour == (9 if meal.meal == "lunch" else 14)


def test_old_age_allowance_bands_match_reference() -> None:
    rules = [r for r in demo_data.build(TODAY).benefit_rules if r.kind == "old_age_allowance"]
    bands = sorted(
        (r.conditions.min_age, r.conditions.max_age, r.amount_fen, r.period) for r in rules
    )
    assert bands == [
        (65, 69, 7500, "month"),
        (70, 79, 15000, "month"),
        (80, 89, 18000, "month"),
        (90, 99, 35000, "month"),
        (100, None, 60000, "month"),
    ]
    assert all(r.conditions.hukou_required and r.verified for r in rules)


def test_meal_discounts_and_subsidies_match_reference() -> None:
    rules = demo_data.build(TODAY).benefit_rules
    discounts = sorted(
        (r.conditions.min_age, r.conditions.max_age, r.pay_percent)
        for r in rules
        if r.kind == "meal_discount"
    )
    assert discounts == [(60, 79, 90), (80, None, 85)]
    subsidies = {
        r.id: (r.amount_fen, r.conditions.min_spend_fen) for r in rules if r.kind == "meal_subsidy"
    }
    assert sorted(subsidies.values()) == [(200, 1500), (300, 1500), (500, 800)]


def test_ltc_and_unverified_care_subsidy() -> None:
    rules = demo_data.build(TODAY).benefit_rules
    ltc = [r for r in rules if r.kind == "ltc_insurance"]
    assert ltc and all(r.cover_percent == 90 for r in ltc)
    assert all((r.conditions.min_care_grade or 0) >= 2 for r in ltc)
    resident = [r for r in ltc if r.conditions.medical_insurance == "resident"]
    assert resident and all(r.conditions.min_age == 60 for r in resident)
    visits = {(r.conditions.min_care_grade, r.visits_per_week) for r in ltc}
    assert visits == {(2, 3), (4, 5), (5, 7)}
    care = [r for r in rules if r.kind == "care_subsidy"]
    assert care and not any(r.verified for r in care)
    assert {r.amount_fen for r in care} == {y * 100 for y in (1110, 888, 1036, 740, 740, 444)}
