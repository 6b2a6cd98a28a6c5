"""The doctor's-appointment flow, screen by screen.

identify → hospital → department → day (the first choice is "earliest free time") → slot →
confirm → result, so a common booking takes three choices and a confirmation after the
ID. Also: my appointments → one booking → cancel (only before the hospital's cut-off, with
the rule stated), refused bookings shown with alternatives the next time the senior
identifies, and a list of waiting / refused bookings for staff.

All data comes from the data thread through a :class:`~ui.data.DataPort`; this class only
decides what to show next. Each answer carries the session generation it was asked in, so
an answer arriving after the privacy wipe is dropped instead of showing someone's data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication

from services import appointments as appts
from services import bookings_elsewhere
from services.appointments import Booking, BookingRefusedError, SlotOffer
from services.identity import ResidentId
from services.store import StoreConnection, utcnow
from ui.data import DataPort
from ui.flows.appointment_texts import (
    data_age_text,
    day_choice_text,
    first_available_text,
    reason_text,
    slot_choice_text,
    summary_lines,
)
from ui.flows.base import STALE_AFTER_S
from ui.flows.identity_gate import IdentityGate
from ui.flows.my_appointments import (
    BOOKING,
    CANCEL,
    HOSPITALS,
    MINE,
    NOTICE,
    PENDING,
    RESULT,
    MyAppointmentsSteps,
)
from ui.formatting import format_age, format_day, format_moment
from ui.main_window import MainWindow
from ui.pages.flow_page import Action, ChoiceItem

log = logging.getLogger("yijiantong.ui.appointments")

DEPARTMENTS = "appointments.department"
DAYS = "appointments.day"
SLOTS = "appointments.slot"
CONFIRM = "appointments.confirm"
PAGES = (
    HOSPITALS,
    DEPARTMENTS,
    DAYS,
    SLOTS,
    CONFIRM,
    RESULT,
    MINE,
    BOOKING,
    CANCEL,
    NOTICE,
    PENDING,
)
FIRST_AVAILABLE = "first_available"


class AppointmentsFlow(MyAppointmentsSteps):
    def __init__(
        self,
        window: MainWindow,
        data: DataPort,
        gate: IdentityGate,
        *,
        now: Callable[[], datetime] = utcnow,
        online: Callable[[], bool | None] = lambda: None,
        on_queued: Callable[[], None] = lambda: None,
        printer: Any = None,
        lookups: DataPort | None = None,
    ) -> None:
        super().__init__(window, data, gate, PAGES, now=now, online=online, on_queued=on_queued)
        self.printer = printer  # ui.slip.SlipPrinter when a printer is configured
        # Asks the hub for bookings made at other kiosks, on its own thread; None: this
        # kiosk's bookings only (no hub lookups, as in some tests).
        self.lookups = lookups
        window.set_service_handler("appointments", self.start)
        self.forget()

    # -- state -----------------------------------------------------------------------------
    def forget(self) -> None:
        """Forget everything about the last person (part of the privacy wipe)."""
        self.hospitals: list[Any] = []
        self.hospital: Any = None
        self.departments: list[Any] = []
        self.department: Any = None
        self.days: list[appts.DayOffer] = []
        self.first: SlotOffer | None = None
        self.day: date | None = None
        self.slots: list[SlotOffer] = []
        self.offer: SlotOffer | None = None
        self.age: Any = None
        self.booking: Booking | None = None  # shown on the result / booking / cancel pages
        self.booking_error: str | None = None
        self.refused_reason: str | None = None
        self.alternatives: list[SlotOffer] = []
        self.mine: list[Booking] = []
        self.mine_here: list[Booking] = []
        self.mine_elsewhere: list[Booking] = []
        self.elsewhere_note = ""  # why bookings from other kiosks are missing or how old
        self.rejections: list[Booking] = []
        self.pending: list[Booking] = []

    def _age_info(self) -> tuple[str, str]:
        """(info line, warning) about how current the slot information is."""
        if self.age is None:
            return "", QCoreApplication.translate(
                "Appointments",
                "This kiosk has no appointment information yet. It needs a connection to "
                "the service centre; please ask staff.",
            )
        online = self.online()
        if online is False or self.age.total_seconds() > STALE_AFTER_S:
            return data_age_text(format_age(self.age), online), ""
        return "", ""

    def _for_whom(self) -> str:
        person = self.gate.person()
        if person is None:
            return ""
        return QCoreApplication.translate("Appointments", "Booking for ID number {masked}").replace(
            "{masked}", person.masked
        )

    # -- entry and identification -------------------------------------------------------
    def start(self) -> None:
        self.gate.require(
            lambda: QCoreApplication.translate(
                "Appointments", "to book or check a doctor's appointment"
            ),
            self._identified,
        )

    def _identified(self, person: ResidentId) -> None:
        def job(conn: StoreConnection) -> tuple[Any, Any, list[Booking]]:
            return (
                appts.hospitals(conn),
                appts.catalogue_age(conn),
                appts.unseen_rejections(conn, person),
            )

        def show(result: tuple[Any, Any, list[Booking]]) -> None:
            self.hospitals, self.age, self.rejections = result
            if self.rejections:
                self._show_notice(replace=True)
            else:
                self._show(HOSPITALS, self._render_hospitals, replace=True)

        self._ask(job, show)

    def _render_hospitals(self) -> None:
        info, warning = self._age_info()
        self.pages[HOSPITALS].show_content(
            title=QCoreApplication.translate("Appointments", "Which hospital?"),
            subtitle=self._for_whom(),
            info=info,
            warning=warning,
            choices=[
                ChoiceItem(h.id, f"{h.name.get(self.locale)}\n{h.district.get(self.locale)}")
                for h in self.hospitals
            ],
            actions=[
                Action(
                    "button.my_appointments",
                    QCoreApplication.translate("Appointments", "My appointments"),
                ),
                Action(
                    "button.pending",
                    QCoreApplication.translate("Appointments", "Staff: waiting bookings"),
                ),
            ],
            keep_choice_page=True,
        )

    # -- browsing ---------------------------------------------------------------------------
    def _choose_hospital(self, hospital_id: str) -> None:
        self.hospital = next((h for h in self.hospitals if h.id == hospital_id), None)
        if self.hospital is None:
            return

        def show(found: list[Any]) -> None:
            self.departments = found
            self._show(DEPARTMENTS, self._render_departments)

        self._ask(lambda conn: appts.departments(conn, hospital_id), show)

    def _render_departments(self) -> None:
        self.pages[DEPARTMENTS].show_content(
            title=QCoreApplication.translate("Appointments", "Which department?"),
            subtitle=self.hospital.name.get(self.locale) if self.hospital else "",
            choices=[ChoiceItem(d.id, d.name.get(self.locale)) for d in self.departments],
            keep_choice_page=True,
        )

    def _choose_department(self, department_id: str, **go: Any) -> None:
        self.department = next((d for d in self.departments if d.id == department_id), None)
        now = self.now()

        def job(conn: StoreConnection) -> tuple[Any, ...]:
            dept = appts.department(conn, department_id)
            hosp = appts.hospital(conn, dept.hospital_id) if dept else None
            return (
                dept,
                hosp,
                appts.days(conn, department_id, now),
                appts.first_available(conn, department_id, now),
                appts.catalogue_age(conn, now),
            )

        def show(result: tuple[Any, ...]) -> None:
            self.department, hospital, self.days, self.first, self.age = result
            self.hospital = hospital or self.hospital
            self._show(DAYS, self._render_days, **go)

        self._ask(job, show)

    def _render_days(self) -> None:
        info, warning = self._age_info()
        today = self.today()
        choices = []
        if self.first is not None:
            text = first_available_text(self.first, self.locale, today)
            choices.append(ChoiceItem(FIRST_AVAILABLE, text, role="highlight", wide=True))
        choices += [ChoiceItem(d.day.isoformat(), day_choice_text(d, today)) for d in self.days]
        if not choices and not warning:
            warning = QCoreApplication.translate(
                "Appointments", "There are no free places in this department in the coming days."
            )
        self.pages[DAYS].show_content(
            title=QCoreApplication.translate("Appointments", "Which day?"),
            subtitle=self._place(),
            info=info,
            warning=warning,
            choices=choices,
            keep_choice_page=True,
        )

    def _place(self) -> str:
        names = [x.name.get(self.locale) for x in (self.hospital, self.department) if x]
        return " · ".join(names)

    def _choose_day(self, item: str) -> None:
        if item == FIRST_AVAILABLE and self.first is not None:
            self._confirm(self.first)
            return
        self.day = date.fromisoformat(item)
        department_id, day, now = self.department.id, self.day, self.now()

        def show(found: list[SlotOffer]) -> None:
            self.slots = found
            self._show(SLOTS, self._render_slots)

        self._ask(lambda conn: appts.slots_for_day(conn, department_id, day, now), show)

    def _render_slots(self) -> None:
        info, _warning = self._age_info()
        day = format_day(self.day, self.today()) if self.day else ""
        self.pages[SLOTS].show_content(
            title=QCoreApplication.translate("Appointments", "Which time?"),
            subtitle=day,
            info=info,
            choices=[
                ChoiceItem(o.id, slot_choice_text(o, self.locale), enabled=o.remaining > 0)
                # In time order, full ones too: a senior reads the times as a day's clock.
                for o in sorted(self.slots, key=lambda o: o.slot.starts_at)
            ],
            keep_choice_page=True,
        )

    def _choose_slot(self, slot_id: str) -> None:
        offer = next((o for o in self.slots if o.id == slot_id), None)
        if offer is not None:
            self._confirm(offer)

    def _choose_alternative(self, slot_id: str) -> None:
        now = self.now()

        def job(conn: StoreConnection) -> tuple[Any, ...]:
            offer = appts.offer(conn, slot_id, now)
            if offer is None:
                return None, None, None
            return (
                offer,
                appts.hospital(conn, offer.slot.hospital_id),
                appts.department(conn, offer.slot.department_id),
            )

        def show(result: tuple[Any, ...]) -> None:
            offer, self.hospital, self.department = result
            if offer is None or offer.remaining == 0:
                self.window.show_notice(
                    QCoreApplication.translate(
                        "Appointments", "That time has just been taken. Please choose again."
                    )
                )
                return
            self._confirm(offer)

        self._ask(job, show)

    # -- confirm and book -----------------------------------------------------------------
    def _confirm(self, offer: SlotOffer) -> None:
        self.offer = offer
        self._show(CONFIRM, self._render_confirm)

    def _render_confirm(self) -> None:
        if self.offer is None:
            return
        warning = ""
        if self.online() is False:
            warning = QCoreApplication.translate(
                "Appointments",
                "The kiosk is offline. Your booking will be saved and sent as soon as the "
                "connection is back; until then it waits for confirmation.",
            )
        self.pages[CONFIRM].show_content(
            title=QCoreApplication.translate("Appointments", "Please check your appointment"),
            warning=warning,
            body=summary_lines(
                self.offer,
                self.hospital.name.get(self.locale) if self.hospital else "",
                self.department.name.get(self.locale) if self.department else "",
                locale=self.locale,
                today=self.today(),
                masked_id=self.person().masked,
            ),
            actions=[
                Action("button.cancel", QCoreApplication.translate("Appointments", "Go back")),
                Action(
                    "button.confirm",
                    QCoreApplication.translate("Appointments", "Book this appointment"),
                    role="primary",
                ),
            ],
        )

    def _book(self) -> None:
        if self.offer is None:
            return
        person, slot_id, now = self.person(), self.offer.id, self.now()
        self.pages[CONFIRM].action_buttons["button.confirm"].setEnabled(False)  # no double tap

        def job(conn: StoreConnection) -> Any:
            try:
                request_id = appts.book(conn, person, slot_id, now)
            except BookingRefusedError as refused:
                return refused.reason
            return appts.get_booking(conn, request_id)

        def show(result: Any) -> None:
            if isinstance(result, str):
                self.booking, self.refused_reason = None, result
            else:
                self.booking, self.refused_reason = result, None
                self.on_queued()
            self._load_alternatives_then_show_result()
            if self.booking is not None and self.answered(self.booking.id):
                self._refresh_booking(self.booking.id, RESULT)  # answered while being saved

        self._ask(job, show)

    def _load_alternatives_then_show_result(self, refresh: bool = False) -> None:
        booking, now = self.booking, self.now()
        if booking is None or booking.status != appts.REJECTED_STATUS:
            self.alternatives = []
            self._show(RESULT, self._render_result, after=HOSPITALS)
            return

        def show(found: list[SlotOffer]) -> None:
            if refresh and self.window.current_page() != RESULT:
                # The senior has already tapped an alternative and moved on while the
                # hub's answer was being re-read: do not pull them back to the result.
                return
            self.alternatives = found
            self._show(RESULT, self._render_result, after=HOSPITALS)

        self._ask(lambda conn: appts.alternatives(conn, booking, now), show)

    def _render_result(self) -> None:
        page, booking = self.pages[RESULT], self.booking
        actions = [
            Action(
                "button.my_appointments",
                QCoreApplication.translate("Appointments", "My appointments"),
            )
        ]
        if booking is None:  # refused by the kiosk itself
            page.show_content(
                title=QCoreApplication.translate("Appointments", "This time could not be booked"),
                warning=reason_text(self.refused_reason, None, self.locale),
                actions=[
                    Action(
                        "button.other_time",
                        QCoreApplication.translate("Appointments", "Choose another time"),
                    ),
                    *actions,
                ],
            )
            return
        body = self._summary(booking)
        if booking.status == appts.CONFIRMED:
            if self.printer is not None:
                actions.insert(
                    0,
                    Action(
                        "button.print", QCoreApplication.translate("Appointments", "Print a slip")
                    ),
                )
            page.show_content(
                title=QCoreApplication.translate("Appointments", "Your appointment is booked"),
                big=booking.reference or "",
                body=self._summary(booking, with_id=False)
                + "\n"
                + QCoreApplication.translate("Appointments", "Please bring your ID card."),
                actions=actions,
            )
        elif booking.status == appts.REJECTED_STATUS:
            page.show_content(
                title=QCoreApplication.translate("Appointments", "This time could not be booked"),
                warning=reason_text(booking.reason_code, booking.reason_message, self.locale),
                body=QCoreApplication.translate("Appointments", "Nearest free times:")
                if self.alternatives
                else body,
                choices=[ChoiceItem(o.id, self._alternative_text(o)) for o in self.alternatives],
                actions=[
                    Action(
                        "button.other_time",
                        QCoreApplication.translate("Appointments", "Choose another time"),
                    ),
                    *actions,
                ],
            )
        else:
            offline = self.online() is False
            page.show_content(
                title=QCoreApplication.translate("Appointments", "Waiting for confirmation"),
                warning=QCoreApplication.translate(
                    "Appointments",
                    "The kiosk is offline. Your booking is saved and will be sent when the "
                    "connection is back. You can check it under My appointments.",
                )
                if offline
                else "",
                body=body
                + "\n"
                + QCoreApplication.translate(
                    "Appointments",
                    "Your booking has been sent. The booking number appears here when "
                    "the hospital confirms it.",
                ),
                actions=actions,
            )

    def _summary(self, booking: Booking, *, with_id: bool = True) -> str:
        return summary_lines(
            booking,
            booking.hospital.name.get(self.locale),
            booking.department_name.get(self.locale),
            locale=self.locale,
            today=self.today(),
            masked_id=booking.masked_id if with_id else None,
        )

    def _alternative_text(self, offer: SlotOffer) -> str:
        return (
            f"{format_moment(offer.slot.starts_at, self.today())}\n"
            + QCoreApplication.translate("Appointments", "Places left: {n}").replace(
                "{n}", str(offer.remaining)
            )
        )

    def answer_arrived(self, request_id: str) -> None:
        """The hub answered something: refresh a screen that shows it."""
        shown = self.window.current_page()
        booking = self.booking
        if booking is not None and str(booking.id) == request_id and shown in (RESULT, BOOKING):
            self._refresh_booking(booking.id, shown)
        elif shown == MINE and any(
            str(b.id) == request_id or b.status == appts.CANCELLING for b in self.mine
        ):
            self._open_mine(refresh=True)
        elif shown == BOOKING and booking is not None:
            self._refresh_booking(booking.id, shown)  # a cancellation's answer
        elif shown == PENDING:
            self._open_pending(refresh=True)

    def _refresh_booking(self, booking_id: UUID, page: str) -> None:
        def show(found: Booking | None) -> None:
            if found is None or self.window.current_page() != page:
                return
            self.booking = found
            if page == RESULT:
                self._load_alternatives_then_show_result(refresh=True)
            else:
                self._show(BOOKING, self._render_booking, navigate=False)

        known = self.booking

        def job(conn: StoreConnection) -> Booking | None:
            if known is not None and known.elsewhere and known.id == booking_id:
                return bookings_elsewhere.refreshed(conn, known)
            return appts.get_booking(conn, booking_id)

        self._ask(job, show)

    def print_slip(self) -> None:
        if self.printer is None or self.booking is None:
            return
        ok, message = self.printer.print_booking(self.booking, self.locale, self._summary)
        self.window.show_notice(message)
        if not ok:
            log.warning("printing a slip failed")

    # -- dispatch -----------------------------------------------------------------------------
    def _chosen(self, page: str, item: str) -> None:
        handlers: dict[str, Callable[[str], None]] = {
            HOSPITALS: self._choose_hospital,
            DEPARTMENTS: self._choose_department,
            DAYS: self._choose_day,
            SLOTS: self._choose_slot,
            RESULT: self._choose_alternative,
            NOTICE: self._choose_alternative,
            MINE: self._open_booking,
        }
        if page in handlers:
            handlers[page](item)

    def _action(self, page: str, action: str) -> None:
        if action == "button.my_appointments":
            self._open_mine()
        elif action == "button.pending":
            self._open_pending()
        elif action == "button.confirm" and page == CONFIRM:
            self._book()
        elif action == "button.confirm":
            self._cancel()
        elif action == "button.cancel":
            self.window.go_back()
        elif action == "button.cancel_booking":
            self._ask_cancel()
        elif action == "button.print":
            self.print_slip()
        elif action == "button.other_time":
            department = self.booking.slot.department_id if self.booking else None
            department = department or (self.department.id if self.department else None)
            if department is not None:
                self._choose_department(department, after=HOSPITALS)
        elif action == "button.continue":
            self._after_notice()
