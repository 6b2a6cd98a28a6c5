"""Sample hospitals, departments and slots, and walks to every appointment page, for
``yijiantong screenshot``. Every doctor and hospital here is invented.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.preview.driving import identify_for, step, then, wait_for
from services import protocol
from services.appointments import SHANGHAI
from services.outbox import Delivery, Outbox
from services.store import utcnow

DEMO_REFERENCE = "YJT-DEMO1-7K3QF"


def _text(zh_cn: str, zh_hk: str, en: str) -> protocol.LocalizedText:
    return protocol.LocalizedText(zh_CN=zh_cn, zh_HK=zh_hk, en=en)


_RULE = _text(
    "请至少在就诊前一个工作日取消。",
    "請至少在就診前一個工作天取消。",
    "Cancel at least one working day before the visit.",
)
HOSPITALS = [
    protocol.Hospital(
        id="demo-h1",
        name=_text("示范第一人民医院", "示範第一人民醫院", "First Demo People's Hospital"),
        district=_text("黄浦区", "黃浦區", "Huangpu District"),
        address=_text("示范路1号", "示範路1號", "1 Demo Road"),
        phone="021-5555 0101",
        cancel_cutoff_hours=24,
        cancel_cutoff_working_days=1,
        booking_window_days=14,
        booking_cutoff_minutes=60,
        rules_note=_RULE,
    ),
    protocol.Hospital(
        id="demo-h2",
        name=_text("示范社区卫生服务中心", "示範社區衞生服務中心", "Demo Community Health Centre"),
        district=_text("徐汇区", "徐匯區", "Xuhui District"),
        address=_text("样例街20号", "樣例街20號", "20 Sample Street"),
        phone="021-5555 0202",
        cancel_cutoff_hours=12,
        booking_window_days=7,
        rules_note=_text(
            "就诊前12小时可取消。", "就診前12小時可取消。", "Cancel up to 12 hours before."
        ),
    ),
]
_DEPARTMENTS = [
    ("cardio", _text("心内科", "心臟內科", "Cardiology")),
    ("eye", _text("眼科", "眼科", "Eye clinic")),
    ("ortho", _text("骨科", "骨科", "Orthopaedics")),
    ("geri", _text("老年科", "老年科", "Geriatrics")),
    ("endo", _text("内分泌科", "內分泌科", "Diabetes and hormones")),
    ("gastro", _text("消化内科", "消化內科", "Stomach and bowel")),
    ("resp", _text("呼吸内科", "呼吸內科", "Lungs and breathing")),
]
_DOCTORS = [
    _text("王明 主任医师", "王明 主任醫師", "Dr Wang Ming (chief)"),
    _text("李芳 副主任医师", "李芳 副主任醫師", "Dr Li Fang (associate chief)"),
    _text("陈静 主治医师", "陳靜 主治醫師", "Dr Chen Jing (attending)"),
]


def sample_catalogues(now: datetime) -> dict[str, protocol.Catalogue[Any]]:
    today = now.astimezone(SHANGHAI).date()
    departments = [
        protocol.Department(id=f"{h.id}-{code}", hospital_id=h.id, name=name)
        for h in HOSPITALS
        for code, name in _DEPARTMENTS
    ]
    slots = []
    for dept in departments:
        day, made = today + timedelta(days=1), 0
        while made < 5:
            if day.weekday() < 5:
                slots += _day_slots(dept, day, made)
                made += 1
            day += timedelta(days=1)
    stamp = utcnow()
    return {
        "hospitals": protocol.HospitalCatalogue(
            items=HOSPITALS, version="demo", generated_at=stamp
        ),
        "departments": protocol.DepartmentCatalogue(
            items=departments, version="demo", generated_at=stamp
        ),
        "slots": protocol.SlotCatalogue(items=slots, version="demo", generated_at=stamp),
    }


def _day_slots(dept: protocol.Department, day: date, index: int) -> list[protocol.Slot]:
    result = []
    for n, (hour, minute) in enumerate(((8, 30), (9, 0), (9, 30), (10, 0), (13, 30))):
        start = datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)
        remaining = (n * 3 + index) % 6  # some full, some nearly full
        result.append(
            protocol.Slot(
                id=f"{dept.id}-{day.isoformat()}-{hour:02d}{minute:02d}",
                hospital_id=dept.hospital_id,
                department_id=dept.id,
                doctor=_DOCTORS[n % len(_DOCTORS)],
                starts_at=start,
                ends_at=start + timedelta(minutes=30),
                capacity=6,
                remaining=remaining,
                senior_reserved=n == 1,
                fee_fen=2500 if n % 2 else 1400,
            )
        )
    return result


def _identify(window: Any, kiosk: Any, expect: str) -> None:
    identify_for(window, kiosk, kiosk.appointments, expect)


def _book(window: Any, kiosk: Any) -> None:
    _identify(window, kiosk, "appointments")
    step(window, "choice.demo-h1", "appointments.department")
    step(window, "choice.demo-h1-cardio", "appointments.day")
    # The last day offered, not the earliest time: a booking for tomorrow morning is past
    # the hospital's cancel cut-off for much of today, and the booking and cancel pages
    # must look the same whatever time the screenshots are taken.
    days = window.pages["appointments.day"].choices
    last_day = days.items()[-1].id
    days.show_item(last_day)  # it may be on the grid's next page
    step(window, f"choice.{last_day}", "appointments.slot")
    slots = window.pages["appointments.slot"].choices
    free = next(i.id for i in slots.items() if i.enabled)
    slots.show_item(free)
    step(window, f"choice.{free}", "appointments.confirm")
    step(window, "button.confirm", "appointments.result")


def _answer(kiosk: Any, accepted: bool) -> None:
    """Write the hub's verdict on the booking just made, as the sync thread would."""
    booking = kiosk.appointments.booking
    done: list[bool] = []

    def job(conn: Any) -> None:
        delivery = Delivery(
            booking.id,
            accepted,
            reference=DEMO_REFERENCE if accepted else None,
            reason_code=None if accepted else "slot_taken",
            alternatives=() if accepted else (f"{booking.slot.id[:-4]}1000",),
        )
        Outbox(conn).mark_delivered([delivery])

    kiosk.data_bridge.run(job, lambda _r: done.append(True))
    wait_for(lambda: bool(done))
    kiosk.appointments.request_changed(str(booking.id))


def _to_department_days(window: Any, kiosk: Any) -> None:
    _identify(window, kiosk, "appointments")
    step(window, "choice.demo-h1", "appointments.department")
    step(window, "choice.demo-h1-cardio", "appointments.day")


def _to_slots(window: Any, kiosk: Any) -> None:
    _to_department_days(window, kiosk)
    first_day = window.pages["appointments.day"].choices.items()[1].id
    step(window, f"choice.{first_day}", "appointments.slot")


def _to_confirmed(window: Any, kiosk: Any) -> None:
    _book(window, kiosk)
    _answer(kiosk, accepted=True)
    wait_for(lambda: bool(window.pages["appointments.result"].big.plain_text()))


def _to_booking(window: Any, kiosk: Any) -> None:
    _to_confirmed(window, kiosk)
    step(window, "button.my_appointments", "appointments.mine")
    choice = window.pages["appointments.mine"].choices.items()[0].id
    step(window, f"choice.{choice}", "appointments.booking")


def _to_notice(window: Any, kiosk: Any) -> None:
    _book(window, kiosk)
    _answer(kiosk, accepted=False)
    window.reset_session(window.locale, window.text_scale)
    _identify(window, kiosk, "appointments.notice")


def _to_identify(window: Any, kiosk: Any) -> None:
    kiosk.appointments.start()
    wait_for(lambda: window.current_page() == "identify")


def _to_hospitals(window: Any, kiosk: Any) -> None:
    _identify(window, kiosk, "appointments")


WALKS: dict[str, Callable[[Any, Any], None]] = {
    "identify": _to_identify,
    "appointments": _to_hospitals,
    "appointments.pending": then(_to_hospitals, "button.pending", "appointments.pending"),
    "appointments.mine": then(_to_confirmed, "button.my_appointments", "appointments.mine"),
    "appointments.department": then(_to_hospitals, "choice.demo-h1", "appointments.department"),
    "appointments.day": _to_department_days,
    "appointments.slot": _to_slots,
    "appointments.confirm": then(
        _to_department_days, "choice.first_available", "appointments.confirm"
    ),
    "appointments.result": _to_confirmed,
    "appointments.booking": _to_booking,
    "appointments.cancel": then(_to_booking, "button.cancel_booking", "appointments.cancel"),
    "appointments.notice": _to_notice,
}

WALK_NAMES = frozenset(WALKS)
