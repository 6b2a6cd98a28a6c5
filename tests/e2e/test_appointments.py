"""Book, view and cancel a doctor's appointment through the real kiosk against the real
reference hub (subprocess on loopback), real SQLite store, real sync and data threads.

Driven only by objectName, as a person would: keypad keys, ``choice.<id>``, buttons.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from pytestqt.qtbot import QtBot

from kiosk.testing import build_main_window, close_main_window, kiosk_app_of
from services.bookings_elsewhere import booking_id
from tests.helpers.hub_process import HubProcess, envelope, person, resident_id
from tests.helpers.kiosk_driver import WAIT_MS, Kiosk


def hub_appointments(hub: HubProcess) -> list[sqlite3.Row]:
    with sqlite3.connect(hub.db_path) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute("SELECT * FROM appointments ORDER BY reference").fetchall()


def browse_to_days(kiosk: Kiosk) -> None:
    hospital = kiosk.choices()[0]
    kiosk.choose(hospital, "appointments.department")
    kiosk.choose(kiosk.choices()[0], "appointments.day")


def test_book_online_view_and_cancel(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    kiosk.identify(resident_id(1))
    assert "3101**********" in kiosk.page().subtitle.plain_text()
    browse_to_days(kiosk)
    # A day far enough ahead to be cancellable (the earliest time usually is not).
    kiosk.choose(kiosk.choices()[-1], "appointments.slot")
    free = next(item.id for item in kiosk.page().choices.items() if item.enabled)
    kiosk.choose(free, "appointments.confirm")
    summary = kiosk.page().body.plain_text()
    assert resident_id(1) not in summary and "3101**********" in summary
    kiosk.tap("button.confirm", "appointments.result")
    result = kiosk.page()
    kiosk.qtbot.waitUntil(lambda: result.big.plain_text() != "", timeout=WAIT_MS)
    reference = result.big.plain_text()
    [row] = hub_appointments(hub)
    assert row["reference"] == reference and row["status"] == "booked"
    assert result.title.plain_text() == "预约成功"

    kiosk.tap("button.my_appointments", "appointments.mine")
    [booking_id] = kiosk.choices()
    kiosk.choose(booking_id, "appointments.booking")
    assert kiosk.page().big.plain_text() == reference
    assert "取消" in kiosk.page().body.plain_text()  # the rule is stated
    kiosk.tap("button.cancel_booking", "appointments.cancel")
    kiosk.tap("button.confirm", "appointments.booking")
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(lambda: kiosk.page().title.plain_text() == "已取消", timeout=WAIT_MS)
    assert hub_appointments(hub)[0]["status"] == "cancelled"
    assert "button.cancel_booking" not in kiosk.page().action_buttons


def test_offline_booking_waits_then_is_confirmed(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    hub.stop()
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(
        lambda: kiosk.window.header.connection.plain_text().startswith("暂时离线"),
        timeout=WAIT_MS,
    )
    kiosk.identify(resident_id(2))
    # Three choices after the ID: hospital, department, earliest free time; then confirm.
    browse_to_days(kiosk)
    kiosk.tap("choice.first_available", "appointments.confirm")
    assert "离线" in kiosk.page().warning.plain_text()
    kiosk.tap("button.confirm", "appointments.result")
    result = kiosk.page()
    assert result.title.plain_text() == "等待确认"
    assert "离线" in result.warning.plain_text() and result.big.plain_text() == ""
    assert hub_appointments(hub) == []

    hub.restart()
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(lambda: result.big.plain_text() != "", timeout=WAIT_MS)
    [row] = hub_appointments(hub)
    assert row["reference"] == result.big.plain_text()


def take_all_seats(hub: HubProcess, slot_id: str, seats: int, first_serial: int) -> None:
    """Another kiosk books every remaining seat of a slot, straight through the hub API."""
    token = hub.enrol("other kiosk")
    items = [
        envelope("appointment.book", {"slot_id": slot_id, "person": person(first_serial + n)})
        for n in range(seats)
    ]
    response = requests.post(
        f"{hub.url}/v1/requests",
        json={"requests": items},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    response.raise_for_status()
    assert {r["status"] for r in response.json()["results"]} == {"accepted"}


def test_slot_taken_by_another_kiosk_offers_alternatives(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    kiosk.identify(resident_id(3))
    browse_to_days(kiosk)
    day = kiosk.choices()[1]
    kiosk.choose(day, "appointments.slot")
    offers = kiosk.page().choices.items()
    slot_id = next(item.id for item in offers if item.enabled)
    seats = kiosk.app.appointments.slots[0].remaining
    assert kiosk.app.appointments.slots[0].id == slot_id
    take_all_seats(hub, slot_id, seats, first_serial=100)  # while the senior is looking

    kiosk.choose(slot_id, "appointments.confirm")
    kiosk.tap("button.confirm", "appointments.result")
    result = kiosk.page()
    kiosk.qtbot.waitUntil(lambda: result.warning.plain_text() != "", timeout=WAIT_MS)
    assert "最后" in result.warning.plain_text()  # "someone else took the last place"
    alternatives = [item.id for item in result.choices.items()]
    assert alternatives and slot_id not in alternatives
    # The hub's answer is re-read (a status arriving late) just as the senior taps an
    # alternative: the re-read must not pull them back from the confirm page.
    flow = kiosk.app.appointments
    flow._refresh_booking(flow.booking.id, "appointments.result")
    kiosk.choose(alternatives[0], "appointments.confirm")
    # The data thread answers in order: once a later job is back, so is the re-read.
    drained: list[bool] = []
    flow.data.run(lambda conn: None, lambda _: drained.append(True))
    kiosk.qtbot.waitUntil(lambda: drained == [True], timeout=WAIT_MS)
    assert kiosk.window.current_page() == "appointments.confirm"
    kiosk.tap("button.confirm", "appointments.result")
    kiosk.qtbot.waitUntil(lambda: kiosk.page().big.plain_text() != "", timeout=WAIT_MS)
    refs = {row["slot_id"] for row in hub_appointments(hub) if row["kiosk_id"] != "x"}
    assert alternatives[0] in refs


def test_offline_booking_refused_later_is_shown_at_next_identification(
    make_kiosk: Any, hub: HubProcess
) -> None:
    kiosk = make_kiosk()
    kiosk.identify(resident_id(4))
    browse_to_days(kiosk)
    first = kiosk.app.appointments.first
    assert first is not None
    # Another kiosk takes the seats; this kiosk's slot list (refreshed every few minutes)
    # does not know yet, and then the connection drops.
    take_all_seats(hub, first.id, first.remaining, first_serial=200)
    hub.stop()
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(
        lambda: kiosk.window.header.connection.plain_text().startswith("暂时离线"),
        timeout=WAIT_MS,
    )
    kiosk.tap("choice.first_available", "appointments.confirm")
    kiosk.tap("button.confirm", "appointments.result")
    assert kiosk.page().title.plain_text() == "等待确认"
    kiosk.window.go_home()
    kiosk.app.session_controller.wipe()  # the senior walks away; the session is wiped
    assert kiosk.app.identity_gate.person() is None

    hub.restart()
    kiosk.wake_sync()
    # A helper sees it in the pending list, with the ID masked.
    kiosk.identify(resident_id(5))
    kiosk.tap("button.pending", "appointments.pending")
    pending = kiosk.page()
    kiosk.qtbot.waitUntil(lambda: "未能预约" in pending.body.plain_text(), timeout=WAIT_MS)
    assert resident_id(4) not in pending.body.plain_text()
    assert resident_id(4)[-4:] in pending.body.plain_text()
    kiosk.window.go_home()
    kiosk.app.session_controller.wipe()

    # The senior comes back: the refusal is shown first, with the nearest free times.
    kiosk.identify(resident_id(4), then="appointments.notice")
    notice = kiosk.page()
    assert "最后" in notice.warning.plain_text()
    assert notice.choices.items(), "nearest alternatives are offered"
    kiosk.tap("button.continue", "appointments")
    kiosk.window.go_home()
    kiosk.app.session_controller.wipe()
    kiosk.identify(resident_id(4), then="appointments")  # shown once only


def pdf_title_mentions(pdf: bytes, text: str) -> bool:
    """Qt writes the document title as plain or UTF-16 text in the PDF's info dictionary."""
    return text.encode() in pdf or text.encode("utf-16-be").hex().upper().encode() in pdf.upper()


def book_first_available(kiosk: Kiosk, serial: int) -> str:
    kiosk.identify(resident_id(serial))
    browse_to_days(kiosk)
    kiosk.tap("choice.first_available", "appointments.confirm")
    kiosk.tap("button.confirm", "appointments.result")
    result = kiosk.page()
    kiosk.qtbot.waitUntil(lambda: result.big.plain_text() != "", timeout=WAIT_MS)
    return str(result.big.plain_text())


def test_printed_slip_is_written_through_qt_print_support(
    make_kiosk: Any, hub: HubProcess, tmp_path: Path
) -> None:
    # The real QPrinter in PDF mode stands in for a CUPS printer, which this machine lacks.
    slips = tmp_path / "slips"
    kiosk = make_kiosk(printer=f"pdf:{slips}")
    reference = book_first_available(kiosk, serial=5)
    kiosk.tap("button.print")
    slip = slips / f"slip-{reference}.pdf"
    assert slip.is_file()
    pdf = slip.read_bytes()
    assert pdf.startswith(b"%PDF") and pdf_title_mentions(pdf, reference)
    notice = kiosk.window.bottom.notice
    assert notice.isVisible() and "打印" in notice.plain_text()


def test_missing_printer_is_explained_and_the_number_stays(
    make_kiosk: Any, hub: HubProcess
) -> None:
    kiosk = make_kiosk(printer="no-such-printer")
    reference = book_first_available(kiosk, serial=6)
    kiosk.tap("button.print")
    assert "打印机不可用" in kiosk.window.bottom.notice.plain_text()
    assert kiosk.window.current_page() == "appointments.result"
    assert kiosk.page().big.plain_text() == reference


def test_no_print_button_without_a_printer(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    book_first_available(kiosk, serial=7)
    assert "button.print" not in kiosk.page().action_buttons


def book_at_other_kiosk(hub: HubProcess, serial: int) -> tuple[str, str]:
    """Another kiosk books the latest free slot for ``serial`` through the hub API;
    returns (slot id, reference)."""
    with sqlite3.connect(hub.db_path) as conn:
        (slot_id,) = conn.execute(
            "SELECT id FROM slots WHERE remaining > 0 ORDER BY starts_at DESC LIMIT 1"
        ).fetchone()
    token = hub.enrol("centre across town")
    response = requests.post(
        f"{hub.url}/v1/requests",
        json={
            "requests": [
                envelope("appointment.book", {"slot_id": slot_id, "person": person(serial)})
            ]
        },
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    response.raise_for_status()
    [result] = response.json()["results"]
    assert result["status"] == "accepted"
    return slot_id, result["reference"]


def test_booking_made_at_another_kiosk_is_listed_and_can_be_cancelled_here(
    make_kiosk: Any, hub: HubProcess
) -> None:
    _slot, reference = book_at_other_kiosk(hub, serial=7)
    kiosk = make_kiosk()
    kiosk.identify(resident_id(7))
    kiosk.tap("button.my_appointments", "appointments.mine")
    # Listed once the hub has answered the lookup (this kiosk has no bookings of its own).
    kiosk.qtbot.waitUntil(lambda: len(kiosk.choices()) == 1, timeout=WAIT_MS)
    [choice] = kiosk.page().choices.items()
    assert "在其他地点预约" in choice.text  # "booked elsewhere"
    kiosk.choose(choice.id, "appointments.booking")
    assert kiosk.page().big.plain_text() == reference
    assert "其他地点" in kiosk.page().body.plain_text()
    kiosk.tap("button.cancel_booking", "appointments.cancel")
    kiosk.tap("button.confirm", "appointments.booking")
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(lambda: kiosk.page().title.plain_text() == "已取消", timeout=WAIT_MS)
    [row] = hub_appointments(hub)
    assert row["reference"] == reference and row["status"] == "cancelled"
    assert "button.cancel_booking" not in kiosk.page().action_buttons

    # Asked again (a new visit to the list), the hub no longer lists it as booked.
    kiosk.window.go_back()
    kiosk.wait_page("appointments.mine")
    kiosk.window.go_back()
    kiosk.tap("button.my_appointments", "appointments.mine")
    kiosk.qtbot.waitUntil(lambda: kiosk.choices() == [], timeout=WAIT_MS)


def test_bookings_elsewhere_offline_shows_the_last_known_list_with_its_age(
    make_kiosk: Any, hub: HubProcess
) -> None:
    _slot, reference = book_at_other_kiosk(hub, serial=8)
    kiosk = make_kiosk()
    kiosk.identify(resident_id(8))
    kiosk.tap("button.my_appointments", "appointments.mine")
    kiosk.qtbot.waitUntil(lambda: len(kiosk.choices()) == 1, timeout=WAIT_MS)

    hub.stop()
    kiosk.window.go_back()
    kiosk.tap("button.my_appointments", "appointments.mine")
    page = kiosk.page()
    # The saved answer is shown at once, and the failed lookup says how old it is.
    kiosk.qtbot.waitUntil(lambda: "更新于" in page.info.plain_text(), timeout=WAIT_MS)
    assert kiosk.choices() == [str(booking_id(reference))]


def test_no_saved_answer_and_hub_down_says_other_kiosks_cannot_be_checked(
    make_kiosk: Any, hub: HubProcess
) -> None:
    kiosk = make_kiosk()
    hub.stop()
    kiosk.identify(resident_id(9))
    kiosk.tap("button.my_appointments", "appointments.mine")
    page = kiosk.page()
    kiosk.qtbot.waitUntil(lambda: "无法查到" in page.info.plain_text(), timeout=WAIT_MS)
    assert "没有" in page.body.plain_text()  # "no upcoming appointments" still stands


def test_an_answer_that_arrives_before_the_booking_is_on_screen_is_not_lost(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync worker may send a booking (and get the hub's answer) the moment it is
    written, before the data thread's reply with the booking reaches the screen: the answer
    must still be shown. Here the hub's refusal is written right after the booking was read
    back, and its notice reaches the flow first, as it did under load."""
    from kiosk import preview
    from services import outbox as outbox_module
    from services.outbox import Delivery, Outbox
    from ui.flows import appointments as flow_module

    preview.prepare_store(str(tmp_path))
    window = build_main_window(tmp_path)
    try:
        app = kiosk_app_of(window)
        preview.show_page(app, "appointments.confirm")
        fixed = uuid.UUID("00000000-0000-4000-8000-000000000037")
        monkeypatch.setattr(outbox_module.uuid, "uuid4", lambda: fixed)
        real_get = flow_module.appts.get_booking
        refused: list[bool] = []

        def read_then_hub_refuses(conn: Any, booking_id: uuid.UUID) -> Any:
            booking = real_get(conn, booking_id)
            if not refused:  # the hub's answer lands just after the booking was read
                refused.append(True)
                delivery = Delivery(booking_id, False, reason_code="slot_taken")
                Outbox(conn).mark_delivered([delivery])
            return booking

        monkeypatch.setattr(flow_module.appts, "get_booking", read_then_hub_refuses)
        window.pages["appointments.confirm"].action_buttons["button.confirm"].click()
        app.appointments.request_changed(str(fixed))  # the worker's notice, first
        qtbot.waitUntil(lambda: window.current_page() == "appointments.result", timeout=10_000)
        page = window.pages["appointments.result"]
        qtbot.waitUntil(lambda: "最后" in page.warning.plain_text(), timeout=10_000)
    finally:
        close_main_window(window)
        window.deleteLater()
