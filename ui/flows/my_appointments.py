"""The after-booking screens of the appointment flow: my appointments, one booking,
cancelling (only before the hospital's cut-off, with the rule stated), bookings refused
while the senior was away (shown once, with the nearest free times), and the staff list of
waiting and refused bookings.

A mixin of :class:`ui.flows.appointments.AppointmentsFlow`, which owns the pages, the
session generation and the data port; split out only to keep each module readable.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication

from services import appointments as appts
from services import bookings_elsewhere, person_lookup
from services.appointments import Booking, CancelRefusedError, SlotOffer
from services.bookings_elsewhere import BookingsElsewhere
from services.identity import ResidentId
from services.person_lookup import LookupResult
from services.store import StoreConnection
from ui.data import DataPort
from ui.flows.appointment_texts import booking_choice_text, cancel_rule, reason_text, status_word
from ui.flows.base import ServiceFlow
from ui.formatting import format_age
from ui.pages.flow_page import Action, ChoiceItem

# Page names (the flow's own pages are named in ui.flows.appointments).
HOSPITALS = "appointments"
BOOKING = "appointments.booking"
CANCEL = "appointments.cancel"
MINE = "appointments.mine"
NOTICE = "appointments.notice"
PENDING = "appointments.pending"
RESULT = "appointments.result"

JUST_FETCHED = timedelta(minutes=2)  # a saved hub answer this young needs no "as known …"


class MyAppointmentsSteps(ServiceFlow):
    """The flow's after-booking steps; needs the attributes declared below."""

    booking: Booking | None
    booking_error: str | None
    mine: list[Booking]
    rejections: list[Booking]
    pending: list[Booking]
    alternatives: list[SlotOffer]
    mine_here: list[Booking]
    mine_elsewhere: list[Booking]
    elsewhere_note: str
    lookups: DataPort | None

    def _summary(self, booking: Booking, *, with_id: bool = True) -> str:
        raise NotImplementedError

    def _alternative_text(self, offer: SlotOffer) -> str:
        raise NotImplementedError

    def _render_hospitals(self) -> None:
        raise NotImplementedError

    # -- my appointments and cancelling ------------------------------------------------------
    def _open_mine(self, *, refresh: bool = False) -> None:
        """This kiosk's bookings and the last known ones from other kiosks at once (both
        from the local database), then, unless refreshing, the hub's current list."""
        person, now = self.person(), self.now()

        def job(conn: StoreConnection) -> tuple[list[Booking], BookingsElsewhere, Any]:
            saved = person_lookup.cached(conn, person)
            found = bookings_elsewhere.bookings_elsewhere(conn, saved.record, now)
            return appts.my_bookings(conn, person, now), found, saved

        def show(result: tuple[list[Booking], BookingsElsewhere, LookupResult]) -> None:
            self.mine_here = result[0]
            self._set_elsewhere(result[1], result[2])
            self._show(MINE, self._render_mine, navigate=not refresh)
            if not refresh:
                self._look_up_elsewhere(person, now)

        self._ask(job, show)

    def _look_up_elsewhere(self, person: ResidentId, now: datetime) -> None:
        if self.lookups is None:
            return

        session = self.gate.kiosk_session()

        def job(conn: StoreConnection) -> tuple[BookingsElsewhere, LookupResult]:
            client = person_lookup.client_from_store(conn)
            result = person_lookup.lookup(conn, client, person, now, session=session)
            return bookings_elsewhere.bookings_elsewhere(conn, result.record, now), result

        def show(result: tuple[BookingsElsewhere, LookupResult]) -> None:
            self._set_elsewhere(*result)
            if self.window.current_page() == MINE:
                self._show(MINE, self._render_mine, navigate=False)

        # A failed lookup is not the senior's problem: this kiosk's bookings are shown.
        self._ask(job, show, port=self.lookups, or_else=lambda _exc: None)

    def _set_elsewhere(self, found: BookingsElsewhere, lookup: LookupResult) -> None:
        self.mine_elsewhere = found.bookings
        self.mine = sorted([*self.mine_here, *found.bookings], key=lambda b: b.slot.starts_at)
        notes = []
        # A saved answer fetched moments ago (the screen refreshed after a sync) is as good
        # as a fresh one: "as known just now" would only be noise, read aloud each time.
        age = lookup.age(self.now())
        just_fetched = lookup.problem is None and age is not None and age < JUST_FETCHED
        if (lookup.problem is not None or not lookup.fresh) and not just_fetched:
            if lookup.fetched_at is None:
                if lookup.problem is not None:
                    notes.append(
                        QCoreApplication.translate(
                            "Appointments",
                            "Bookings made at other kiosks cannot be checked right now.",
                        )
                    )
            else:
                notes.append(
                    QCoreApplication.translate(
                        "Appointments", "Bookings made at other kiosks: as known {age}."
                    ).replace("{age}", format_age(age or timedelta(0)))
                )
        if found.unknown:
            notes.append(
                QCoreApplication.translate(
                    "Appointments",
                    "{n} more booking(s) made elsewhere cannot be shown here; staff can look "
                    "them up.",
                ).replace("{n}", str(found.unknown))
            )
        self.elsewhere_note = " ".join(notes)

    def _render_mine(self) -> None:
        today = self.today()
        self.pages[MINE].show_content(
            title=QCoreApplication.translate("Appointments", "My appointments"),
            subtitle=QCoreApplication.translate(
                "Appointments", "Choose one to see it or cancel it."
            )
            if self.mine
            else "",
            body=""
            if self.mine
            else QCoreApplication.translate("Appointments", "You have no upcoming appointments."),
            info=self.elsewhere_note,
            choices=[
                ChoiceItem(str(b.id), booking_choice_text(b, self.locale, today), wide=True)
                for b in self.mine
            ],
            keep_choice_page=True,
        )

    def _open_booking(self, booking_id: str) -> None:
        booking = next((b for b in self.mine if str(b.id) == booking_id), None)
        if booking is not None:
            self.booking = booking
            self.booking_error = None
            self._show(BOOKING, self._render_booking)

    def _render_booking(self) -> None:
        booking = self.booking
        if booking is None:
            return
        now, today = self.now(), self.today()
        warning = ""
        actions: list[Action] = []
        if booking.status == appts.REJECTED_STATUS:
            warning = reason_text(booking.reason_code, booking.reason_message, self.locale)
        elif booking.cancel_refused:
            warning = reason_text(booking.cancel_refused, None, self.locale)
        if self.booking_error:
            warning = self.booking_error
        rule = cancel_rule(booking.hospital, booking.cancel_deadline, self.locale, today)
        if booking.can_cancel(now):
            actions.append(
                Action(
                    "button.cancel_booking",
                    QCoreApplication.translate("Appointments", "Cancel this appointment"),
                )
            )
        elif booking.status in (appts.WAITING, appts.CONFIRMED):
            rule = booking.hospital.rules_note.get(self.locale)
            warning = warning or QCoreApplication.translate(
                "Appointments",
                "The time to cancel has passed. To change it, please call the hospital: {phone}.",
            ).replace("{phone}", booking.hospital.phone)
        self.pages[BOOKING].show_content(
            title=status_word(booking.status),
            big=booking.reference or "",
            warning=warning,
            # Where and when, then the rule: the doctor and fee were on the slip already.
            body="\n".join(
                [
                    *self._summary(booking, with_id=False).splitlines()[:2],
                    *(
                        [QCoreApplication.translate("Appointments", "Booked at another kiosk.")]
                        if booking.elsewhere
                        else []
                    ),
                    rule,
                ]
            ),
            actions=actions,
        )

    def _ask_cancel(self) -> None:
        self._show(CANCEL, self._render_cancel)

    def _render_cancel(self) -> None:
        booking = self.booking
        if booking is None:
            return
        self.pages[CANCEL].show_content(
            title=QCoreApplication.translate("Appointments", "Cancel this appointment?"),
            body=self._summary(booking),
            actions=[
                Action("button.cancel", QCoreApplication.translate("Appointments", "No, keep it")),
                Action(
                    "button.confirm",
                    QCoreApplication.translate("Appointments", "Yes, cancel it"),
                    role="primary",
                ),
            ],
        )

    def _cancel(self) -> None:
        booking, now, person = self.booking, self.now(), self.person()
        if booking is None:
            return

        def job(conn: StoreConnection) -> tuple[Booking | None, str | None]:
            error = None
            try:
                if booking.elsewhere:
                    bookings_elsewhere.cancel_elsewhere(conn, booking, person, now)
                else:
                    appts.cancel(conn, booking.id, now)
            except CancelRefusedError as refused:
                error = refused.reason
            if booking.elsewhere:
                return bookings_elsewhere.refreshed(conn, booking), error
            return appts.get_booking(conn, booking.id), error

        def show(result: tuple[Booking | None, str | None]) -> None:
            found, error = result
            self.booking = found or booking
            if error is None:
                self.on_queued()
                self.booking_error = None
                self.notice_after_render = QCoreApplication.translate(
                    "Appointments", "Your cancellation has been sent."
                )
            else:
                self.booking_error = reason_text(error, None, self.locale)
            self._show(BOOKING, self._render_booking, after=MINE)

        self._ask(job, show)

    # -- refused bookings (after identifying) and the staff list ---------------------------
    def _show_notice(self, *, replace: bool = False) -> None:
        booking = self.rejections[0]
        self.booking, now = booking, self.now()

        def show(found: list[SlotOffer]) -> None:
            self.alternatives = found
            self._show(NOTICE, self._render_notice, replace=replace)

        def job(conn: StoreConnection) -> list[SlotOffer]:
            appts.mark_seen(conn, [booking.id])  # shown once; staff still see it meanwhile
            return appts.alternatives(conn, booking, now)

        self._ask(job, show)

    def _render_notice(self) -> None:
        booking = self.booking
        if booking is None:
            return
        reason = reason_text(booking.reason_code, booking.reason_message, self.locale)
        self.pages[NOTICE].show_content(
            title=QCoreApplication.translate("Appointments", "A booking could not be made"),
            warning=reason,
            # When only: at large text sizes the alternatives need the room.
            body=self._summary(booking, with_id=False).splitlines()[1]
            + (
                "\n" + QCoreApplication.translate("Appointments", "Nearest free times:")
                if self.alternatives
                else ""
            ),
            choices=[ChoiceItem(o.id, self._alternative_text(o)) for o in self.alternatives],
            actions=[
                Action(
                    "button.other_time",
                    QCoreApplication.translate("Appointments", "Choose another time"),
                ),
                Action("button.continue", QCoreApplication.translate("Appointments", "OK")),
            ],
        )

    def _after_notice(self) -> None:
        self.rejections = self.rejections[1:]
        if self.rejections:
            self._show_notice(replace=True)
        else:
            self._show(HOSPITALS, self._render_hospitals, replace=True)

    def _open_pending(self, *, refresh: bool = False) -> None:
        def show(found: list[Booking]) -> None:
            self.pending = found
            self._show(PENDING, self._render_pending, navigate=not refresh)

        self._ask(appts.pending_for_helpers, show)

    def _render_pending(self) -> None:
        today = self.today()
        lines = [
            f"{b.masked_id} — {booking_choice_text(b, self.locale, today).replace(chr(10), ' · ')}"
            + (
                f" — {reason_text(b.reason_code, b.reason_message, self.locale)}"
                if b.status == appts.REJECTED_STATUS
                else ""
            )
            for b in self.pending[:6]
        ]
        if len(self.pending) > 6:
            lines.append(
                QCoreApplication.translate("Appointments", "…and {n} more.").replace(
                    "{n}", str(len(self.pending) - 6)
                )
            )
        self.pages[PENDING].show_content(
            title=QCoreApplication.translate("Appointments", "Waiting and refused bookings"),
            subtitle=QCoreApplication.translate(
                "Appointments",
                "For staff: bookings not yet confirmed by the service centre, and refused "
                "ones the senior has not seen yet.",
            ),
            body="\n".join(lines)
            or QCoreApplication.translate("Appointments", "Nothing is waiting."),
        )
