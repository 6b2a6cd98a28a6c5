"""Words for the appointment screens: statuses, reasons, summaries, rules.

Kept apart from the flow so the flow reads as navigation and data, and so every sentence a
senior hears about a booking is in one place for translators and reviewers.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from services import appointments as appts
from services.appointments import Booking, DayOffer, SlotOffer
from services.protocol import Hospital
from ui.formatting import format_day, format_moment, format_money, format_time_range


def status_word(status: str) -> str:
    return {
        appts.WAITING: QCoreApplication.translate("Appointments", "Waiting for confirmation"),
        appts.CONFIRMED: QCoreApplication.translate("Appointments", "Booked"),
        appts.REJECTED_STATUS: QCoreApplication.translate("Appointments", "Could not be booked"),
        appts.CANCELLING: QCoreApplication.translate("Appointments", "Cancellation sent"),
        appts.CANCELLED: QCoreApplication.translate("Appointments", "Cancelled"),
    }.get(status, status)


def reason_text(reason: str | None, hub_message: dict[str, str] | None, locale: str) -> str:
    """One plain sentence for why a booking or a cancellation did not go through."""
    known = {
        "slot_taken": QCoreApplication.translate(
            "Appointments", "Someone else took the last place at this time."
        ),
        "slot_unknown": QCoreApplication.translate(
            "Appointments", "This time is no longer offered by the hospital."
        ),
        "past_cutoff": QCoreApplication.translate(
            "Appointments", "Booking for this time has closed."
        ),
        "outside_booking_window": QCoreApplication.translate(
            "Appointments", "This day cannot be booked yet."
        ),
        "duplicate_booking": QCoreApplication.translate(
            "Appointments", "You already have an appointment in this department on this day."
        ),
        "too_late_to_cancel": QCoreApplication.translate(
            "Appointments", "It is too late to cancel this appointment."
        ),
        "not_found": QCoreApplication.translate(
            "Appointments", "The hospital has no record of this booking."
        ),
        "undeliverable": QCoreApplication.translate(
            "Appointments", "The service centre could not accept this request."
        ),
        "validation": QCoreApplication.translate(
            "Appointments", "The service centre could not accept this request."
        ),
    }
    if reason in known:
        return known[reason]
    if hub_message:
        return hub_message.get(locale) or hub_message.get("zh_CN") or ""
    return QCoreApplication.translate(
        "Appointments", "The service centre could not accept this request."
    )


def slot_choice_text(offer: SlotOffer, locale: str) -> str:
    slot = offer.slot
    first = f"{format_time_range(slot.starts_at, slot.ends_at)}  {slot.doctor.get(locale)}"
    if offer.remaining == 0:
        second = QCoreApplication.translate("Appointments", "Full")
    else:
        second = QCoreApplication.translate("Appointments", "Places left: {n}").replace(
            "{n}", str(offer.remaining)
        )
    if slot.senior_reserved:
        second += " · " + QCoreApplication.translate("Appointments", "Kept for seniors")
    return f"{first}\n{second}"


def day_choice_text(offer: DayOffer, today: date) -> str:
    places = QCoreApplication.translate("Appointments", "Places left: {n}").replace(
        "{n}", str(offer.free)
    )
    return f"{format_day(offer.day, today)}\n{places}"


def first_available_text(offer: SlotOffer, locale: str, today: date) -> str:
    slot = offer.slot
    when = format_moment(slot.starts_at, today)
    return (
        QCoreApplication.translate("Appointments", "Earliest free time: {when}").replace(
            "{when}", when
        )
        + "\n"
        + slot.doctor.get(locale)
    )


def summary_lines(
    item: SlotOffer | Booking,
    hospital_name: str,
    department_name: str,
    *,
    locale: str,
    today: date,
    masked_id: str | None,
) -> str:
    """Where, when, who and what it costs, and (when given) for whom: one fact per line."""
    slot = item.slot
    lines = [
        f"{hospital_name} · {department_name}",
        f"{format_day(slot.starts_at.date(), today)}, "
        f"{format_time_range(slot.starts_at, slot.ends_at)}",
        slot.doctor.get(locale)
        + " · "
        + QCoreApplication.translate("Appointments", "Fee: {amount}").replace(
            "{amount}", format_money(slot.fee_fen)
        ),
    ]
    if masked_id:
        lines.append(
            QCoreApplication.translate("Appointments", "For ID number {masked}").replace(
                "{masked}", masked_id
            )
        )
    return "\n".join(lines)


def booking_choice_text(booking: Booking, locale: str, today: date) -> str:
    when = format_moment(booking.slot.starts_at, today)
    where = f"{booking.hospital.name.get(locale)} · {booking.department_name.get(locale)}"
    status = status_word(booking.status)
    if booking.elsewhere:
        status += " · " + QCoreApplication.translate("Appointments", "booked elsewhere")
    return f"{when}\n{where} · {status}"


def cancel_rule(hospital: Hospital, deadline: datetime, locale: str, today: date) -> str:
    until = QCoreApplication.translate("Appointments", "You can cancel until {when}.").replace(
        "{when}", format_moment(deadline, today)
    )
    return f"{hospital.rules_note.get(locale)} {until}"


def data_age_text(age_text: str, online: bool | None) -> str:
    if online is False:
        return QCoreApplication.translate(
            "Appointments", "Offline: showing saved information from {age}."
        ).replace("{age}", age_text)
    return QCoreApplication.translate("Appointments", "Information from {age}.").replace(
        "{age}", age_text
    )
