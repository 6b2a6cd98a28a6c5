"""Medical appointments over the catalogue cache and the outbox: browse, book, my bookings,
cancel, rejections. Real SQLite file; every moment is explicit (no real clock)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hub import demo_data
from services import appointments as appt
from services import protocol
from services.appointments import (
    CANCELLED,
    CANCELLING,
    CONFIRMED,
    REJECTED_STATUS,
    SHANGHAI,
    WAITING,
    BookingRefusedError,
    CancelRefusedError,
)
from services.catalogue_cache import CatalogueCache
from services.identity import ResidentId, check_character, parse_resident_id
from services.outbox import Delivery, Outbox, get_request, list_requests
from services.store import Store, StoreConnection
from services.sync_engine import SyncEngine
from tests.helpers.sync_fakes import FakeHub

# Monday 2 March 2026, 09:00 in Shanghai.
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)
TODAY = NOW.date()
FETCHED = NOW - timedelta(hours=1)  # when the test catalogues "arrived"


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def at(offset: int, hh: int, mm: int = 0) -> datetime:
    d = day(offset)
    return datetime(d.year, d.month, d.day, hh, mm, tzinfo=SHANGHAI)


def text(s: str) -> protocol.LocalizedText:
    return protocol.LocalizedText(zh_CN=s, zh_HK=s, en=s)


def resident(first17: str) -> ResidentId:
    return parse_resident_id(first17 + check_character(first17), today=TODAY)


ANN = resident("31010519450312002")
BEN = resident("31011219500623004")
CAI = resident("44030519380101001")


def hospital(
    hid: str,
    *,
    cancel_hours: int = 24,
    working_days: int = 0,
    window: int = 7,
    cutoff_minutes: int = 60,
) -> protocol.Hospital:
    return protocol.Hospital(
        id=hid,
        name=text(f"Hospital {hid}"),
        district=text("Xuhui"),
        address=text("1 Road"),
        phone="021-5555 0000",
        cancel_cutoff_hours=cancel_hours,
        cancel_cutoff_working_days=working_days,
        booking_window_days=window,
        booking_cutoff_minutes=cutoff_minutes,
        rules_note=text("rules"),
    )


# H1: 24 h to cancel, 7-day window, booking closes 60 min before.
# H2: cancel by the end of the working day before (no hour rule), 14-day window, 120 min.
HOSPITALS = [
    hospital("H1"),
    hospital("H2", cancel_hours=0, working_days=1, window=14, cutoff_minutes=120),
]
DEPARTMENTS = [
    protocol.Department(id="H1-GEN", hospital_id="H1", name=text("General")),
    protocol.Department(id="H1-EYE", hospital_id="H1", name=text("Eyes")),
    protocol.Department(id="H2-GEN", hospital_id="H2", name=text("General 2")),
]


def slot(
    sid: str,
    starts: datetime,
    *,
    dept: str = "H1-GEN",
    capacity: int = 2,
    remaining: int | None = None,
    senior: bool = False,
) -> protocol.Slot:
    return protocol.Slot(
        id=sid,
        hospital_id=dept.split("-", maxsplit=1)[0],
        department_id=dept,
        doctor=text("Dr Wang"),
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
        capacity=capacity,
        remaining=capacity if remaining is None else remaining,
        senior_reserved=senior,
        fee_fen=2500,
    )


class Clock:
    """Stands in for ``utcnow`` where the code stamps rows itself (cache fetch, deliveries)."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock(FETCHED)
    for module in ("services.catalogue_cache", "services.outbox", "services.sync_engine"):
        monkeypatch.setattr(f"{module}.utcnow", c)
    return c


@pytest.fixture
def conn(tmp_path: Path, clock: Clock) -> Iterator[StoreConnection]:
    with Store(tmp_path).connect() as c:
        yield c


def load(
    conn: StoreConnection,
    slots: Sequence[protocol.Slot],
    *,
    hospitals: Sequence[protocol.Hospital] = HOSPITALS,
    departments: Sequence[protocol.Department] = DEPARTMENTS,
    version: str = "v1",
) -> None:
    cache = CatalogueCache(conn)
    gen = NOW - timedelta(days=1)
    cache.store(
        "hospitals",
        protocol.HospitalCatalogue(items=list(hospitals), version=version, generated_at=gen),
        f'"{version}"',
    )
    cache.store(
        "departments",
        protocol.DepartmentCatalogue(items=list(departments), version=version, generated_at=gen),
        f'"{version}"',
    )
    cache.store(
        "slots",
        protocol.SlotCatalogue(items=list(slots), version=version, generated_at=gen),
        f'"{version}"',
    )


def accept(conn: StoreConnection, rid: UUID, reference: str = "YJT-H1-0001") -> None:
    Outbox(conn).mark_delivered([Delivery(rid, True, reference=reference)])


def reject(conn: StoreConnection, rid: UUID, alternatives: Sequence[str] = ()) -> None:
    Outbox(conn).mark_delivered(
        [
            Delivery(
                rid,
                False,
                reason_code="slot_taken",
                reason_message={"zh_CN": "已满", "zh_HK": "已滿", "en": "Taken"},
                alternatives=tuple(alternatives),
            )
        ]
    )


def status_feed(conn: StoreConnection, rid: UUID, status: protocol.StatusValue, seq: int) -> None:
    update = protocol.StatusUpdate(seq=seq, request_id=rid, status=status, at=NOW)
    SyncEngine(conn, FakeHub()).apply_status(protocol.StatusFeed(updates=[update], next_cursor=seq))


def shown(conn: StoreConnection, slot_id: str, now: datetime = NOW) -> int | None:
    found = appt.offer(conn, slot_id, now)
    return None if found is None else found.remaining


def refused(call: Callable[[], object]) -> str:
    with pytest.raises(BookingRefusedError) as info:
        call()
    return info.value.reason


# -- browsing ------------------------------------------------------------------------------


def test_hospitals_and_departments_come_from_the_cache(conn: StoreConnection) -> None:
    assert appt.hospitals(conn) == [] and appt.catalogue_age(conn, NOW) is None
    load(conn, [])
    assert [h.id for h in appt.hospitals(conn)] == ["H1", "H2"]
    assert appt.hospital(conn, "H2") == HOSPITALS[1] and appt.hospital(conn, "H9") is None
    assert [d.id for d in appt.departments(conn, "H1")] == ["H1-GEN", "H1-EYE"]
    assert appt.department(conn, "H2-GEN") == DEPARTMENTS[2]
    assert appt.department(conn, "nope") is None
    assert appt.catalogue_age(conn, NOW) == timedelta(hours=1)


def test_slots_for_day_senior_reserved_first_then_by_time_full_last(
    conn: StoreConnection,
) -> None:
    load(
        conn,
        [
            slot("a-1000", at(1, 10)),
            slot("a-0900", at(1, 9)),
            slot("a-1100S", at(1, 11), senior=True),
            slot("a-0930S", at(1, 9, 30), senior=True),
            slot("a-0830-full", at(1, 8, 30), remaining=0),
            slot("a-1200S-full", at(1, 12), remaining=0, senior=True),
            slot("eye-0800", at(1, 8), dept="H1-EYE"),
            slot("other-day", at(2, 8)),
        ],
    )
    offers = appt.slots_for_day(conn, "H1-GEN", day(1), NOW)
    assert [o.id for o in offers] == [
        "a-0930S",
        "a-1100S",
        "a-0900",
        "a-1000",
        "a-1200S-full",
        "a-0830-full",
    ]
    assert [o.remaining for o in offers] == [2, 2, 2, 2, 0, 0]  # full slots are shown as full
    # A slot this kiosk has filled itself moves to the end as well.
    appt.book(conn, ANN, "a-0930S", NOW)
    appt.book(conn, BEN, "a-0930S", NOW)
    offers = appt.slots_for_day(conn, "H1-GEN", day(1), NOW)
    assert [o.id for o in offers][:3] == ["a-1100S", "a-0900", "a-1000"]
    assert [o.id for o in offers if not o.remaining] == ["a-0930S", "a-1200S-full", "a-0830-full"]


def test_slots_past_cutoff_or_outside_window_are_not_offered(conn: StoreConnection) -> None:
    load(
        conn,
        [
            slot("today-0930", at(0, 9, 30)),  # closed at 08:30
            slot("today-1000", at(0, 10)),  # closes exactly now: gone
            slot("today-1030", at(0, 10, 30)),
            slot("last-day", at(7, 9)),  # today + 7 days: the window's last day
            slot("too-far", at(8, 9)),
            slot("yesterday", at(-1, 15)),
        ],
    )
    assert [o.id for o in appt.slots_for_day(conn, "H1-GEN", day(0), NOW)] == ["today-1030"]
    assert [o.id for o in appt.slots_for_day(conn, "H1-GEN", day(7), NOW)] == ["last-day"]
    assert appt.slots_for_day(conn, "H1-GEN", day(8), NOW) == []
    assert appt.slots_for_day(conn, "H1-GEN", day(-1), NOW) == []
    assert [d.day for d in appt.days(conn, "H1-GEN", NOW)] == [day(0), day(7)]
    for gone in ("today-0930", "today-1000", "too-far", "yesterday", "no-such-slot"):
        assert appt.offer(conn, gone, NOW) is None
    # The next day the window moves on and today's slots are history.
    tomorrow = NOW + timedelta(days=1)
    assert [d.day for d in appt.days(conn, "H1-GEN", tomorrow)] == [day(7), day(8)]


def test_slots_of_an_unknown_hospital_are_not_offered(conn: StoreConnection) -> None:
    load(conn, [slot("x", at(1, 9), dept="H9-GEN")])
    assert appt.slots_for_day(conn, "H9-GEN", day(1), NOW) == []
    assert (
        appt.days(conn, "H9-GEN", NOW) == [] and appt.first_available(conn, "H9-GEN", NOW) is None
    )


def test_days_lists_only_days_with_a_free_seat(conn: StoreConnection) -> None:
    load(
        conn,
        [
            slot("d1-full-a", at(1, 9), remaining=0),
            slot("d1-full-b", at(1, 10), remaining=0, senior=True),
            slot("d2-a", at(2, 9), capacity=4, remaining=3),
            slot("d2-b", at(2, 9), capacity=2, remaining=1, senior=True),
            slot("d2-full", at(2, 10), remaining=0),
            slot("d3-last", at(3, 9), remaining=1),
        ],
    )
    assert appt.days(conn, "H1-GEN", NOW) == [
        appt.DayOffer(day(2), free=4, senior_free=1),
        appt.DayOffer(day(3), free=1, senior_free=0),
    ]
    # Once this kiosk has taken the last seat of day 3, that day is no longer listed.
    appt.book(conn, ANN, "d3-last", NOW)
    assert [d.day for d in appt.days(conn, "H1-GEN", NOW)] == [day(2)]
    appt.book(conn, BEN, "d2-b", NOW)
    assert appt.days(conn, "H1-GEN", NOW) == [appt.DayOffer(day(2), free=3, senior_free=0)]


def test_first_available_picks_earliest_seat_and_senior_wins_a_tie(conn: StoreConnection) -> None:
    load(
        conn,
        [
            slot("d1-0830-full", at(1, 8, 30), remaining=0),
            slot("d1-0900", at(1, 9)),
            slot("d1-0900S", at(1, 9), senior=True),
            slot("d1-0930S", at(1, 9, 30), senior=True),
            slot("d2-0800", at(2, 8)),
        ],
    )
    first = appt.first_available(conn, "H1-GEN", NOW)
    assert first is not None and first.id == "d1-0900S" and first.remaining == 2


def test_first_available_skips_full_days_and_locally_taken_seats(conn: StoreConnection) -> None:
    load(
        conn,
        [
            slot("today-0930", at(0, 9, 30)),  # past the cut-off already
            slot("d1-full", at(1, 9), remaining=0),
            slot("d2-0900", at(2, 9), capacity=1),
            slot("d2-1000", at(2, 10)),
        ],
    )
    first = appt.first_available(conn, "H1-GEN", NOW)
    assert first is not None and first.id == "d2-0900"
    appt.book(conn, ANN, "d2-0900", NOW)
    after = appt.first_available(conn, "H1-GEN", NOW)
    assert after is not None and after.id == "d2-1000"
    assert appt.first_available(conn, "H1-EYE", NOW) is None


def test_demo_catalogues_offer_only_bookable_slots(conn: StoreConnection) -> None:
    data = demo_data.build(TODAY)
    load(conn, data.slots, hospitals=data.hospitals, departments=data.departments)
    rules = {h.id: h for h in data.hospitals}
    checked = 0
    for dept in data.departments:
        hosp = rules[dept.hospital_id]
        listed = appt.days(conn, dept.id, NOW)
        offers = [o for d in listed for o in appt.slots_for_day(conn, dept.id, d.day, NOW)]
        for o in offers:
            closes = o.slot.starts_at - timedelta(minutes=hosp.booking_cutoff_minutes)
            assert closes > NOW
            assert TODAY <= o.slot.starts_at.date() <= TODAY + timedelta(hosp.booking_window_days)
        for d in listed:
            assert d.free == sum(o.remaining for o in offers if o.slot.starts_at.date() == d.day)
            assert d.free > 0
        with_seat = [o for o in offers if o.remaining]
        first = appt.first_available(conn, dept.id, NOW)
        if not with_seat:
            assert first is None
            continue
        best = min(with_seat, key=lambda o: (o.slot.starts_at, not o.slot.senior_reserved))
        assert first == best
        checked += 1
    assert checked > 10
    # A demo slot can be booked and then shows one seat fewer.
    first = appt.first_available(conn, "H02-NK", NOW)
    assert first is not None
    appt.book(conn, ANN, first.id, NOW)
    assert shown(conn, first.id) == first.remaining - 1


# -- booking -------------------------------------------------------------------------------


def test_book_queues_a_valid_request_with_a_snapshot(conn: StoreConnection) -> None:
    target = slot("d1-0900", at(1, 9), senior=True)
    load(conn, [target])
    rid = appt.book(conn, ANN, "d1-0900", NOW, phone="13800138000", helper_id="helper-3")
    rec = get_request(conn, rid)
    assert rec is not None
    assert (rec.kind, rec.state, rec.lane, rec.created_at) == (appt.BOOK, "queued", "normal", NOW)
    payload = protocol.AppointmentBooking.model_validate(rec.payload)
    assert payload.slot_id == "d1-0900" and payload.phone == "13800138000"
    assert payload.person.resident_id == ANN.number and payload.person.masked_id == ANN.masked
    assert protocol.Slot.model_validate(rec.detail["slot"]) == target
    assert protocol.Hospital.model_validate(rec.detail["hospital"]) == HOSPITALS[0]
    assert rec.detail["department_name"]["en"] == "General"
    (item,) = Outbox(conn).due(float("inf"), 10)
    assert (item.request_id, item.helper_id) == (rid, "helper-3")
    # The snapshot keeps "my appointments" working when the catalogues drop the slot.
    load(conn, [], version="v2")
    (booking,) = appt.my_bookings(conn, ANN, NOW)
    assert booking.slot == target and booking.hospital == HOSPITALS[0]
    assert booking.department_name.en == "General" and booking.status == WAITING


def test_remaining_seats_drop_by_queued_bookings(conn: StoreConnection) -> None:
    load(conn, [slot("s", at(1, 9), capacity=3, remaining=2), slot("t", at(1, 10))])
    assert shown(conn, "s") == 2
    appt.book(conn, ANN, "s", NOW)
    assert shown(conn, "s") == 1
    assert [o.remaining for o in appt.slots_for_day(conn, "H1-GEN", day(1), NOW)] == [1, 2]
    appt.book(conn, BEN, "s", NOW)
    assert shown(conn, "s") == 0 and shown(conn, "t") == 2
    assert refused(lambda: appt.book(conn, CAI, "s", NOW)) == "slot_taken"


def test_last_seat_cannot_be_double_booked(conn: StoreConnection) -> None:
    load(conn, [slot("last", at(1, 9), remaining=1), slot("full", at(1, 10), remaining=0)])
    appt.book(conn, ANN, "last", NOW)
    assert refused(lambda: appt.book(conn, BEN, "last", NOW)) == "slot_taken"
    assert refused(lambda: appt.book(conn, BEN, "full", NOW)) == "slot_taken"
    assert Outbox(conn).depth() == 1
    assert not conn.in_transaction()


def test_one_booking_per_person_department_and_day(conn: StoreConnection) -> None:
    load(
        conn,
        [
            slot("gen-0900", at(1, 9)),
            slot("gen-1000", at(1, 10)),
            slot("eye-1000", at(1, 10), dept="H1-EYE"),
            slot("gen-next", at(2, 9)),
        ],
    )
    appt.book(conn, ANN, "gen-0900", NOW)
    assert refused(lambda: appt.book(conn, ANN, "gen-1000", NOW)) == "duplicate_booking"
    assert refused(lambda: appt.book(conn, ANN, "gen-0900", NOW)) == "duplicate_booking"
    appt.book(conn, ANN, "eye-1000", NOW)  # another department the same day
    appt.book(conn, ANN, "gen-next", NOW)  # the same department another day
    appt.book(conn, BEN, "gen-1000", NOW)  # another person
    assert Outbox(conn).depth() == 4


def test_duplicate_rule_also_holds_for_confirmed_bookings(conn: StoreConnection) -> None:
    load(conn, [slot("gen-0900", at(1, 9)), slot("gen-1000", at(1, 10))])
    rid = appt.book(conn, ANN, "gen-0900", NOW)
    accept(conn, rid)
    assert refused(lambda: appt.book(conn, ANN, "gen-1000", NOW)) == "duplicate_booking"
    status_feed(conn, rid, "confirmed", seq=1)
    assert refused(lambda: appt.book(conn, ANN, "gen-1000", NOW)) == "duplicate_booking"


def test_a_refused_or_rejected_booking_does_not_block_another(conn: StoreConnection) -> None:
    load(conn, [slot("gen-0900", at(1, 9)), slot("gen-1000", at(1, 10))])
    rid = appt.book(conn, ANN, "gen-0900", NOW)
    reject(conn, rid)
    appt.book(conn, ANN, "gen-1000", NOW)


def test_hopeless_bookings_are_refused_with_their_reason(conn: StoreConnection) -> None:
    load(
        conn,
        [
            slot("closing", at(0, 9, 59)),
            slot("too-far", at(8, 9)),
            slot("orphan", at(1, 9), dept="H9-GEN"),
            slot("ok", at(0, 10, 1)),
        ],
    )
    assert refused(lambda: appt.book(conn, ANN, "no-such-slot", NOW)) == "slot_unknown"
    assert refused(lambda: appt.book(conn, ANN, "orphan", NOW)) == "slot_unknown"
    assert refused(lambda: appt.book(conn, ANN, "closing", NOW)) == "past_cutoff"
    assert refused(lambda: appt.book(conn, ANN, "too-far", NOW)) == "outside_booking_window"
    assert refused(lambda: appt.book(conn, ANN, "ok", at(0, 9, 1))) == "past_cutoff"
    assert list_requests(conn) == []
    appt.book(conn, ANN, "ok", NOW)  # 61 minutes ahead: still open
    appt.book(conn, BEN, "too-far", NOW + timedelta(days=1))  # the window has moved on


def test_accepted_bookings_count_until_a_newer_slot_list_shows_them(
    conn: StoreConnection, clock: Clock
) -> None:
    load(conn, [slot("s", at(1, 9), capacity=4, remaining=3)])
    rid = appt.book(conn, ANN, "s", NOW)
    clock.moment = NOW + timedelta(minutes=1)
    accept(conn, rid)
    assert shown(conn, "s") == 2  # the cached list (fetched before) cannot know about it
    clock.moment = NOW + timedelta(minutes=2)
    load(conn, [slot("s", at(1, 9), capacity=4, remaining=2)], version="v2")
    assert shown(conn, "s") == 2  # the new list does: not counted twice


def test_a_booking_delivered_after_the_slot_list_was_fetched_still_counts(
    conn: StoreConnection, clock: Clock
) -> None:
    load(conn, [slot("s", at(1, 9), capacity=4, remaining=3)])
    rid = appt.book(conn, ANN, "s", NOW)
    # The slot list is refreshed while the booking is still queued (e.g. backing off) ...
    clock.moment = NOW + timedelta(minutes=1)
    load(conn, [slot("s", at(1, 9), capacity=4, remaining=3)], version="v2")
    assert shown(conn, "s") == 2
    # ... and the hub accepts it afterwards: that list does not show it yet.
    clock.moment = NOW + timedelta(minutes=2)
    accept(conn, rid)
    assert shown(conn, "s") == 2


# -- my bookings ---------------------------------------------------------------------------


def test_booking_lifecycle_waiting_confirmed_cancelling_cancelled(
    conn: StoreConnection,
) -> None:
    load(conn, [slot("s", at(2, 9))])
    rid = appt.book(conn, ANN, "s", NOW)
    (b,) = appt.my_bookings(conn, ANN, NOW)
    assert (b.id, b.status, b.reference, b.masked_id) == (rid, WAITING, None, ANN.masked)
    assert b.created_at == NOW and b.cancel_deadline == at(1, 9) and b.can_cancel(NOW)
    accept(conn, rid, "YJT-H1-0007")
    (b,) = appt.my_bookings(conn, ANN, NOW)
    assert (b.status, b.reference) == (CONFIRMED, "YJT-H1-0007")
    cid = appt.cancel(conn, rid, NOW)
    (b,) = appt.my_bookings(conn, ANN, NOW)
    assert b.status == CANCELLING and not b.can_cancel(NOW)
    accept(conn, cid, "YJT-H1-0007")
    (b,) = appt.my_bookings(conn, ANN, NOW)
    assert b.status == CANCELLED  # the hub's "cancelled" for the booking itself may lag
    status_feed(conn, rid, "cancelled", seq=2)
    (b,) = appt.my_bookings(conn, ANN, NOW)
    assert b.status == CANCELLED


def test_status_feed_cancelled_alone_makes_a_booking_cancelled(conn: StoreConnection) -> None:
    load(conn, [slot("s", at(2, 9))])
    rid = appt.book(conn, ANN, "s", NOW)
    status_feed(conn, rid, "accepted", seq=1)
    assert appt.get_booking(conn, rid).status == CONFIRMED  # type: ignore[union-attr]
    status_feed(conn, rid, "cancelled", seq=2)  # e.g. the hospital cancelled it
    b = appt.get_booking(conn, rid)
    assert b is not None and b.status == CANCELLED and not b.can_cancel(NOW)
    with pytest.raises(CancelRefusedError) as info:
        appt.cancel(conn, rid, NOW)
    assert info.value.reason == "not_active"


def test_rejected_booking_keeps_reason_and_alternatives(conn: StoreConnection) -> None:
    load(conn, [slot("s", at(2, 9)), slot("alt", at(2, 10))])
    rid = appt.book(conn, ANN, "s", NOW)
    reject(conn, rid, ["alt"])
    (b,) = appt.my_bookings(conn, ANN, NOW)
    assert (b.status, b.reason_code, b.alternatives) == (REJECTED_STATUS, "slot_taken", ("alt",))
    assert b.reason_message == {"zh_CN": "已满", "zh_HK": "已滿", "en": "Taken"}
    assert not b.can_cancel(NOW)


def test_dead_lettered_booking_shows_as_rejected(conn: StoreConnection) -> None:
    load(conn, [slot("s", at(2, 9))])
    rid = appt.book(conn, ANN, "s", NOW)
    Outbox(conn).dead_letter([rid], "hub refused the request 422", 422)
    b = appt.get_booking(conn, rid)
    assert b is not None and b.status == REJECTED_STATUS and b.reason_code == "undeliverable"


def test_my_bookings_lists_only_that_persons_upcoming_ones_soonest_first(
    conn: StoreConnection,
) -> None:
    load(
        conn,
        [
            slot("today", at(0, 11)),
            slot("d3", at(3, 9), dept="H1-EYE"),
            slot("d2", at(2, 9)),
            slot("ben", at(2, 10), dept="H2-GEN"),
        ],
    )
    late = appt.book(conn, ANN, "d3", NOW)
    soon = appt.book(conn, ANN, "today", NOW)
    mid = appt.book(conn, ANN, "d2", NOW)
    other = appt.book(conn, BEN, "ben", NOW)
    assert [b.id for b in appt.my_bookings(conn, ANN, NOW)] == [soon, mid, late]
    assert [b.id for b in appt.my_bookings(conn, BEN, NOW)] == [other]
    assert appt.my_bookings(conn, CAI, NOW) == []
    # Once an appointment is over it is no longer listed (it still exists locally).
    after_today = at(0, 11, 30)
    assert [b.id for b in appt.my_bookings(conn, ANN, after_today)] == [mid, late]
    assert appt.get_booking(conn, soon) is not None
    assert appt.my_bookings(conn, ANN, at(4, 0)) == []


def test_rows_not_made_here_are_ignored(conn: StoreConnection) -> None:
    Outbox.enqueue(
        conn,
        appt.BOOK,
        {"slot_id": "x", "person": {"masked_id": ANN.masked, "resident_id": ANN.number}},
    )
    assert appt.my_bookings(conn, ANN, NOW) == [] and appt.pending_for_helpers(conn) == []


# -- cancelling ----------------------------------------------------------------------------


def test_cancel_payload_is_valid_and_carries_the_reference_when_known(
    conn: StoreConnection,
) -> None:
    load(conn, [slot("a", at(2, 9)), slot("b", at(2, 10), dept="H1-EYE")])
    waiting = appt.book(conn, ANN, "a", NOW)
    confirmed = appt.book(conn, ANN, "b", NOW)
    accept(conn, confirmed, "YJT-H1-0042")
    c1 = get_request(conn, appt.cancel(conn, waiting, NOW))
    c2 = get_request(conn, appt.cancel(conn, confirmed, NOW))
    assert c1 is not None and c2 is not None
    assert c1.kind == c2.kind == appt.CANCEL
    p1 = protocol.AppointmentCancellation.model_validate(c1.payload)
    p2 = protocol.AppointmentCancellation.model_validate(c2.payload)
    assert (p1.original_request_id, p1.appointment_reference) == (waiting, None)
    assert (p2.original_request_id, p2.appointment_reference) == (confirmed, "YJT-H1-0042")
    assert ANN.number not in json.dumps(c1.payload) + json.dumps(c2.payload)
    assert c1.created_at == NOW


def test_cancel_deadline_hours_rule(conn: StoreConnection) -> None:
    load(conn, [slot("a", at(2, 9))])
    rid = appt.book(conn, ANN, "a", NOW)
    deadline = at(1, 9)  # 24 h before
    with pytest.raises(CancelRefusedError) as info:
        appt.cancel(conn, rid, deadline + timedelta(seconds=1))
    assert (info.value.reason, info.value.deadline) == ("too_late_to_cancel", deadline)
    assert appt.get_booking(conn, rid).status == WAITING  # type: ignore[union-attr]
    appt.cancel(conn, rid, deadline)  # the deadline itself is still in time


def test_cancel_working_day_rule_skips_the_weekend(conn: StoreConnection) -> None:
    monday_0900 = at(7, 9)  # Monday 9 March
    assert monday_0900.weekday() == 0
    load(conn, [slot("mon", monday_0900, dept="H2-GEN")])
    thursday = at(3, 10)
    rid = appt.book(conn, ANN, "mon", thursday)
    b = appt.get_booking(conn, rid)
    assert b is not None
    friday_midnight = at(5, 0)  # end of Friday 6 March = start of Saturday 7 March
    assert friday_midnight.weekday() == 5
    assert b.cancel_deadline == friday_midnight
    assert b.can_cancel(at(4, 23, 59)) and not b.can_cancel(at(6, 12))
    for too_late in (friday_midnight + timedelta(seconds=1), at(6, 10), at(7, 7)):
        with pytest.raises(CancelRefusedError) as info:
            appt.cancel(conn, rid, too_late)
        assert (info.value.reason, info.value.deadline) == ("too_late_to_cancel", friday_midnight)
    assert list_requests(conn, kinds=[appt.CANCEL]) == []
    appt.cancel(conn, rid, at(4, 20))  # Friday evening
    assert appt.get_booking(conn, rid).status == CANCELLING  # type: ignore[union-attr]


def test_cancel_is_refused_for_inactive_or_unknown_bookings(conn: StoreConnection) -> None:
    load(conn, [slot("a", at(2, 9)), slot("b", at(2, 10), dept="H1-EYE"), slot("c", at(3, 9))])
    rejected = appt.book(conn, ANN, "a", NOW)
    reject(conn, rejected)
    cancelled = appt.book(conn, ANN, "b", NOW)
    status_feed(conn, cancelled, "cancelled", seq=1)
    cancelling = appt.book(conn, ANN, "c", NOW)
    appt.cancel(conn, cancelling, NOW)
    for rid, reason in (
        (rejected, "not_active"),
        (cancelled, "not_active"),
        (cancelling, "not_active"),
        (uuid4(), "not_found"),
    ):
        with pytest.raises(CancelRefusedError) as info:
            appt.cancel(conn, rid, NOW)
        assert (info.value.reason, info.value.deadline) == (reason, None)
    assert len(list_requests(conn, kinds=[appt.CANCEL])) == 1


def test_a_refused_cancellation_leaves_the_booking_active(conn: StoreConnection) -> None:
    load(conn, [slot("a", at(2, 9))])
    rid = appt.book(conn, ANN, "a", NOW)
    accept(conn, rid, "YJT-H1-0001")
    cid = appt.cancel(conn, rid, NOW)
    Outbox(conn).mark_delivered([Delivery(cid, False, reason_code="too_late_to_cancel")])
    b = appt.get_booking(conn, rid)
    assert b is not None and (b.status, b.cancel_refused) == (CONFIRMED, "too_late_to_cancel")
    assert b.can_cancel(NOW)
    appt.cancel(conn, rid, NOW + timedelta(minutes=5))  # may try again
    assert appt.get_booking(conn, rid).status == CANCELLING  # type: ignore[union-attr]


def test_cancelling_gives_the_seat_and_the_day_back_locally(conn: StoreConnection) -> None:
    load(conn, [slot("last", at(2, 9), remaining=1), slot("later", at(2, 11))])
    rid = appt.book(conn, ANN, "last", NOW)
    assert shown(conn, "last") == 0
    appt.cancel(conn, rid, NOW)  # both still queued: the hub books, then cancels
    assert shown(conn, "last") == 1
    # The senior may rebook the same department that day (the hub would accept it) ...
    appt.book(conn, ANN, "later", NOW)
    # ... and someone else may take the seat that is coming back.
    appt.book(conn, BEN, "last", NOW)
    assert shown(conn, "last") == 0


def test_a_cancellation_by_reference_only_does_not_hide_other_bookings(
    conn: StoreConnection,
) -> None:
    load(conn, [slot("s", at(2, 9), capacity=3)])
    appt.book(conn, ANN, "s", NOW)
    # E.g. written by an older version or another screen: no original_request_id in it.
    Outbox.enqueue(conn, appt.CANCEL, {"appointment_reference": "YJT-H1-0099"})
    assert shown(conn, "s") == 2
    assert refused(lambda: appt.book(conn, ANN, "s", NOW)) == "duplicate_booking"


# -- rejections, alternatives, helpers -------------------------------------------------------


def test_a_rejection_is_shown_once(conn: StoreConnection) -> None:
    load(conn, [slot("a", at(2, 9)), slot("b", at(2, 10), dept="H1-EYE")])
    bad = appt.book(conn, ANN, "a", NOW)
    good = appt.book(conn, ANN, "b", NOW)
    reject(conn, bad)
    accept(conn, good)
    assert [b.id for b in appt.unseen_rejections(conn, ANN)] == [bad]
    assert appt.unseen_rejections(conn, BEN) == []
    appt.mark_seen(conn, [bad])
    assert appt.unseen_rejections(conn, ANN) == []
    b = appt.get_booking(conn, bad)
    assert b is not None and b.seen and b.status == REJECTED_STATUS
    rec = get_request(conn, bad)
    assert rec is not None and rec.detail["seen"] is True and rec.detail["slot"]["id"] == "a"


def test_alternatives_drop_full_and_unbookable_slots(conn: StoreConnection) -> None:
    load(
        conn,
        [
            slot("wanted", at(2, 10)),
            slot("alt-full", at(2, 10, 30), remaining=0),
            slot("alt-taken-here", at(2, 9, 30), remaining=1),
            slot("alt-far", at(2, 15)),
            slot("alt-near", at(2, 11)),
            slot("alt-early", at(2, 8), capacity=3),
            slot("alt-out-of-window", at(8, 10)),
        ],
    )
    rid = appt.book(conn, ANN, "wanted", NOW)
    appt.book(conn, BEN, "alt-taken-here", NOW)
    reject(
        conn,
        rid,
        [
            "alt-full",
            "alt-taken-here",
            "alt-far",
            "gone",
            "alt-out-of-window",
            "alt-early",
            "alt-near",
        ],
    )
    b = appt.get_booking(conn, rid)
    assert b is not None
    offers = appt.alternatives(conn, b, NOW)
    assert [o.id for o in offers] == ["alt-near", "alt-early", "alt-far"]
    assert [o.remaining for o in offers] == [2, 3, 2]
    # On the day itself the early one has closed and the far one is inside the window.
    later = [o.id for o in appt.alternatives(conn, b, at(2, 7, 30))]
    assert later == ["alt-near", "alt-far", "alt-out-of-window"]


def test_pending_for_helpers_has_waiting_and_unseen_rejections_with_masked_ids(
    conn: StoreConnection,
) -> None:
    load(
        conn,
        [slot(f"s{i}", at(2, 8 + i), dept=d) for i, d in enumerate(["H1-GEN", "H1-EYE", "H2-GEN"])]
        + [slot("s3", at(3, 9))],
    )
    waiting = appt.book(conn, ANN, "s0", NOW)
    confirmed = appt.book(conn, ANN, "s1", NOW + timedelta(seconds=1))
    unseen = appt.book(conn, BEN, "s2", NOW + timedelta(seconds=2))
    seen = appt.book(conn, CAI, "s3", NOW + timedelta(seconds=3))
    accept(conn, confirmed)
    reject(conn, unseen)
    reject(conn, seen)
    appt.mark_seen(conn, [seen])
    pending = appt.pending_for_helpers(conn)
    assert [(b.id, b.status) for b in pending] == [
        (waiting, WAITING),
        (unseen, REJECTED_STATUS),
    ]
    assert [b.masked_id for b in pending] == [ANN.masked, BEN.masked]
    for b in pending:
        assert "*" in b.masked_id
        for person in (ANN, BEN, CAI):
            assert person.number not in repr(b)
            for f in dataclasses.fields(b):
                assert person.number not in str(getattr(b, f.name))


# -- property ------------------------------------------------------------------------------

OPS = st.lists(
    st.one_of(
        st.tuples(st.just("book"), st.integers(min_value=0, max_value=4)),
        st.tuples(st.just("cancel"), st.integers(min_value=0, max_value=4)),
    ),
    max_size=12,
)


@settings(max_examples=40, deadline=None)
@given(
    capacity=st.integers(min_value=1, max_value=4),
    taken=st.integers(min_value=0, max_value=4),
    ops=OPS,
)
def test_shown_seats_stay_within_bounds_and_match_local_bookings(
    tmp_path_factory: pytest.TempPathFactory,
    capacity: int,
    taken: int,
    ops: list[tuple[str, int]],
) -> None:
    remaining = max(0, capacity - taken)
    people = [resident(f"31010519450310{n:02d}2") for n in range(5)]  # five seniors
    with Store(tmp_path_factory.mktemp("p")).connect() as c:
        load(c, [slot("s", at(2, 9), capacity=capacity, remaining=remaining)])
        active: dict[int, UUID] = {}  # person -> live booking of the slot
        for op, who in ops:
            if op == "book":
                try:
                    rid = appt.book(c, people[who], "s", NOW)
                except BookingRefusedError as exc:
                    # The duplicate rule is checked first, as the hub does.
                    if who in active:
                        assert exc.reason == "duplicate_booking"
                    else:
                        assert len(active) >= remaining and exc.reason == "slot_taken"
                else:
                    assert len(active) < remaining and who not in active
                    active[who] = rid
            elif who in active:
                appt.cancel(c, active.pop(who), NOW)
            seats = shown(c, "s")
            assert seats is not None and 0 <= seats <= capacity
            assert seats == remaining - len(active)
            statuses = [b.status for p in people for b in appt.my_bookings(c, p, NOW)]
            assert statuses.count(WAITING) == len(active)
