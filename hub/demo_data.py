"""Deterministic demo catalogues for a given day, and loading them into the store.

``build(today)`` returns the same data for the same ``today``. Slots and menus are
generated per calendar day from a seed of (department or canteen, day), so a later
top-up (``load`` on a new day) adds the new days without touching days already
present, whose seats may have been booked meanwhile.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from hub import catalogue_store, people
from hub.clock import SHANGHAI
from hub.db import Connection
from hub.demo_benefits import benefit_rules
from hub.demo_tables import (
    CANTEEN_ROWS,
    DEPARTMENT_NAMES,
    DISHES,
    DOCTOR_TITLES,
    DOCTORS,
    HOSPITAL_DEPARTMENTS,
    HOSPITALS,
    SET_TEMPLATES,
    text,
)
from services.protocol import (
    BenefitRule,
    Canteen,
    Department,
    Hospital,
    LocalizedText,
    MealSet,
    ServiceWindow,
    Slot,
)

SLOT_DAYS = 14  # slots for today and the next 13 days
MENU_DAYS = 7  # menus published a week ahead
MORNING = (time(8, 30), 6)  # six half-hour slots from 08:30
AFTERNOON = (time(13, 30), 5)  # five half-hour slots from 13:30
LUNCH_CUTOFF = time(9, 30)
DINNER_CUTOFF = time(14, 0)


@dataclass
class DemoData:
    departments: list[Department] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    canteens: list[Canteen] = field(default_factory=list)
    menus: list[MealSet] = field(default_factory=list)
    benefit_rules: list[BenefitRule] = field(default_factory=list)
    hospitals: list[Hospital] = field(default_factory=lambda: list(HOSPITALS))


def departments() -> list[Department]:
    return [
        Department(id=f"{hid}-{code}", hospital_id=hid, name=DEPARTMENT_NAMES[code])
        for hid, codes in HOSPITAL_DEPARTMENTS.items()
        for code in codes
    ]


def _doctor(rng: random.Random) -> tuple[LocalizedText, int]:
    cn, hk, en = rng.choice(DOCTORS)
    t_cn, t_hk, t_en, fee = rng.choice(DOCTOR_TITLES)
    return text(f"{cn} {t_cn}", f"{hk} {t_hk}", f"Dr {en} ({t_en})"), fee


def slots_for_day(department: Department, day: date) -> list[Slot]:
    """Half-hour slots for one department on one working day (none at weekends)."""
    if day.weekday() >= 5:
        return []
    rng = random.Random(f"{department.id}|{day.isoformat()}")
    result: list[Slot] = []
    for start, count in (MORNING, AFTERNOON):
        doctor, fee = _doctor(rng)
        # A few seats per session are kept for seniors / assisted booking.
        reserved_at = set(rng.sample(range(count), 2))
        for index in range(count):
            starts = datetime.combine(day, start, tzinfo=SHANGHAI) + timedelta(minutes=30 * index)
            ends = starts + timedelta(minutes=30)
            kinds = [("", False)] + ([("-S", True)] if index in reserved_at else [])
            for suffix, reserved in kinds:
                capacity = rng.randint(1, 2) if reserved else rng.choice((2, 3, 4, 6))
                roll = rng.random()
                # Mixed availability: some full, some partly booked, most open.
                if roll < 0.12:
                    remaining = 0
                elif roll < 0.35:
                    remaining = rng.randint(1, capacity)
                else:
                    remaining = capacity
                result.append(
                    Slot(
                        id=f"{department.id}-{day:%Y%m%d}-{starts:%H%M}{suffix}",
                        hospital_id=department.hospital_id,
                        department_id=department.id,
                        doctor=doctor,
                        starts_at=starts,
                        ends_at=ends,
                        capacity=capacity,
                        remaining=remaining,
                        senior_reserved=reserved,
                        fee_fen=fee,
                    )
                )
    return result


LUNCH = ServiceWindow(start=time(10, 30), end=time(12, 30))
DINNER = ServiceWindow(start=time(16, 30), end=time(18, 0))


def canteens() -> list[Canteen]:
    result = []
    for row in CANTEEN_ROWS:
        fields = {k: v for k, v in row.items() if k != "dinner"}
        serves_dinner = bool(row["dinner"])
        result.append(
            Canteen.model_validate(
                {
                    **fields,
                    "dine_in": True,
                    "order_cutoff": LUNCH_CUTOFF,
                    "dinner_order_cutoff": DINNER_CUTOFF if serves_dinner else None,
                    "lunch": LUNCH,
                    "dinner": DINNER if serves_dinner else None,
                }
            )
        )
    return result


def menus_for_day(canteen: Canteen, day: date) -> list[MealSet]:
    """The canteen's set meals on ``day``: dishes drawn for each set from those carrying
    the set's required diet tags; a set is tagged with what all its dishes share."""
    rng = random.Random(f"{canteen.id}|{day.isoformat()}")
    result: list[MealSet] = []
    numbers = {"lunch": 0, "dinner": 0}
    for meal, name, required, (low, high) in SET_TEMPLATES.get(canteen.id, ()):
        numbers[meal] += 1
        fitting = [dish for dish in DISHES if required <= dish[1]]
        dishes = rng.sample(fitting, 3)
        tags = sorted(frozenset.intersection(*(tags for _, tags in dishes)))
        cutoff = LUNCH_CUTOFF if meal == "lunch" else DINNER_CUTOFF
        result.append(
            MealSet(
                id=f"{canteen.id}-{day:%Y%m%d}-{meal[0].upper()}{numbers[meal]}",
                canteen_id=canteen.id,
                date=day,
                meal=meal,  # type: ignore[arg-type]
                name=name,
                dishes=[dish for dish, _ in dishes],
                tags=tags,  # type: ignore[arg-type]
                price_fen=rng.choice((1200, 1300, 1400, 1500)),
                order_cutoff=datetime.combine(day, cutoff, tzinfo=SHANGHAI),
                capacity=rng.randrange(low, high + 1, 10),
            )
        )
    return result


def build(today: date) -> DemoData:
    data = DemoData(departments=departments(), canteens=canteens())
    days = [today + timedelta(days=n) for n in range(SLOT_DAYS)]
    data.slots = [s for dep in data.departments for day in days for s in slots_for_day(dep, day)]
    data.menus = [
        m for c in data.canteens for n in range(MENU_DAYS) for m in menus_for_day(c, days[n])
    ]
    data.benefit_rules = list(benefit_rules())
    return data


def load(conn: Connection, today: date, now: datetime) -> dict[str, int]:
    """Insert the demo data for ``today`` if absent; returns rows added per catalogue.

    Idempotent: existing rows are never overwritten (ON CONFLICT DO NOTHING), so running
    it again on the same day adds nothing and on a later day adds only new days.
    Must be called inside a write transaction.
    """
    data = build(today)
    added = {
        "hospitals": catalogue_store.insert_items(conn, "hospitals", data.hospitals, now),
        "departments": catalogue_store.insert_items(conn, "departments", data.departments, now),
        "canteens": catalogue_store.insert_items(conn, "canteens", data.canteens, now),
        "menus": catalogue_store.insert_items(conn, "menus", data.menus, now),
        "benefit_rules": catalogue_store.insert_items(
            conn, "benefit_rules", data.benefit_rules, now
        ),
        "slots": catalogue_store.insert_slots(conn, data.slots, now),
        "benefit_statuses": people.load_demo_statuses(conn, today),
        "residents": people.load_demo_contacts(conn),
    }
    return added
