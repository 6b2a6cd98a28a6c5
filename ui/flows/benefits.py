"""The benefits flow: what might I get, where is my application, please call me.

identify → three choices:
- **screening**: only the questions the synced rules still need, one per screen, each a big
  yes / no / not sure (the care grade: 1–6 / not sure), then what the senior is likely to
  qualify for with amounts, how to apply and what to bring (each ready to be spoken);
- **status**: application and payment status from the hub, asked on the lookup thread; the
  saved answer with its age when the hub cannot be reached;
- **call back**: the phone number on the keypad, then a callback request for a social
  worker through the outbox (kept and sent later when offline).

Answers live in the session (shared with the meal flow, so nothing is asked twice) and go
with the privacy wipe.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication

from services import benefits, person_lookup
from services.benefits import CallbackState, Eligibility
from services.catalogue_cache import CatalogueCache
from services.identity import mask_phone
from services.person_lookup import LookupResult
from services.store import StoreConnection
from ui.data import DataPort
from ui.flows.base import ServiceFlow
from ui.flows.benefit_texts import (
    answer_words,
    grade_word,
    question_text,
    rule_value,
    status_details,
    status_line,
    verdict_sign,
    verdict_word,
)
from ui.flows.identity_gate import IdentityGate
from ui.formatting import format_age
from ui.main_window import MainWindow
from ui.pages.flow_page import Action, ChoiceItem
from ui.pages.phone import PhonePage

MENU = "benefits"
QUESTION = "benefits.question"
RESULT = "benefits.result"
DETAIL = "benefits.detail"
STATUS = "benefits.status"
STATUS_DETAIL = "benefits.status_detail"
CALLBACK = "benefits.callback"
CALLBACK_DONE = "benefits.callback_done"
PAGES = (MENU, QUESTION, RESULT, DETAIL, STATUS, STATUS_DETAIL, CALLBACK, CALLBACK_DONE)
SCREEN, STATUS_CHOICE, CALL_ME = "screen", "status", "callback"


class BenefitsFlow(ServiceFlow):
    def __init__(
        self,
        window: MainWindow,
        data: DataPort,
        gate: IdentityGate,
        *,
        lookups: DataPort,
        phone_page: PhonePage,
        **kw: Any,
    ) -> None:
        super().__init__(window, data, gate, PAGES, **kw)
        self.lookups = lookups  # network questions run on their own thread, not the data one
        self.phone_page = phone_page
        phone_page.number_entered.connect(self._phone_entered)
        self.window.set_service_handler("benefits", self.start)
        self.forget()

    def forget(self) -> None:
        self.rules: list[Any] = []
        self.age: Any = None
        self.asked: frozenset[str] = frozenset()
        self.question: Any = None
        self.found: list[Eligibility] = []
        self.chosen_rule: Eligibility | None = None
        self.lookup: LookupResult | None = None
        self.looking = False
        self.status_index = 0
        self.phone: str | None = None
        self.callback_id: UUID | None = None
        self.callback_state: CallbackState | None = None
        self.phone_page.reset()

    def _for_whom(self) -> str:
        person = self.gate.person()
        if person is None:
            return ""
        return QCoreApplication.translate("Benefits", "For ID number {masked}").replace(
            "{masked}", person.masked
        )

    # -- entry -------------------------------------------------------------------------------
    def start(self) -> None:
        self.gate.require(
            lambda: QCoreApplication.translate(
                "Benefits", "to check allowances and subsidies you may get"
            ),
            self._identified,
        )

    def _identified(self, _person: Any) -> None:
        def job(conn: StoreConnection) -> tuple[Any, ...]:
            entry = CatalogueCache(conn).entry("benefit_rules")
            return benefits.load_rules(conn), entry.age() if entry else None

        def show(result: tuple[Any, ...]) -> None:
            self.rules, self.age = result
            self._show(MENU, self._render_menu, replace=True)

        self._ask(job, show)

    def _render_menu(self) -> None:
        self.pages[MENU].show_content(
            title=QCoreApplication.translate("Benefits", "Allowances and subsidies"),
            subtitle=self._for_whom(),
            choices=[
                ChoiceItem(
                    SCREEN,
                    QCoreApplication.translate("Benefits", "What might I be entitled to?"),
                    role="highlight",
                    wide=True,
                ),
                ChoiceItem(
                    STATUS_CHOICE,
                    QCoreApplication.translate("Benefits", "My applications and payments"),
                    wide=True,
                ),
                ChoiceItem(
                    CALL_ME,
                    QCoreApplication.translate("Benefits", "Ask a social worker to call me"),
                    wide=True,
                ),
            ],
        )

    # -- screening ---------------------------------------------------------------------------
    def _next_question(self) -> None:
        question = benefits.next_question(self.rules, self.gate.facts(), self.asked)
        if question is None:
            self.found = benefits.screen(self.rules, self.gate.facts())
            self._show(RESULT, self._render_result, after=MENU)
            return
        self.question = question
        # Each question replaces the last in the history: Back leaves the questions.
        on_question = self.window.current_page() == QUESTION
        self._show(QUESTION, self._render_question, replace=on_question)

    def _render_question(self) -> None:
        if self.question is None:
            return
        title, why = question_text(self.question.id)
        words = answer_words()
        if self.question.kind == "grade":
            choices = [ChoiceItem(str(g), grade_word(g)) for g in range(1, 7)]
            choices.append(ChoiceItem("unsure", words["unsure"]))
        else:
            choices = [ChoiceItem(key, words[key]) for key in ("yes", "no", "unsure")]
        self.pages[QUESTION].show_content(title=title, body=why, choices=choices)

    def _answer(self, value: str) -> None:
        if self.question is None:
            return
        answer: str | int = int(value) if value.isdigit() else value
        self.gate.remember(benefits.answer(self.gate.facts(), self.question.id, answer))  # type: ignore[arg-type]
        self.asked = self.asked | {self.question.id}
        self._next_question()

    def _render_result(self) -> None:
        warning = ""
        if not self.rules:
            warning = QCoreApplication.translate(
                "Benefits",
                "This kiosk has no benefit rules yet. It needs a connection to the service "
                "centre; please ask staff.",
            )
        elif not self.found:
            warning = QCoreApplication.translate(
                "Benefits",
                "From your answers we found nothing you are likely to get now. A social "
                "worker can check your situation in full.",
            )
        # Where two-line choices do not all fit (200 %), the grid shows each on one line:
        # the verdict stays in words, after a sign that is not colour.
        roomy = self.window.text_scale <= 150
        self.pages[RESULT].show_content(
            title=QCoreApplication.translate("Benefits", "What you may be entitled to"),
            subtitle=self._for_whom() if roomy else "",
            info=self._age_text(self.age),
            warning=warning,
            choices=[
                ChoiceItem(
                    e.rule.id,
                    f"{e.rule.name.get(self.locale)}: {rule_value(e.rule)}\n"
                    f"{verdict_word(e.verdict)}",
                    role="highlight" if e.verdict == "likely" else "button",
                    wide=True,
                    compact=f"{verdict_sign(e.verdict)} {e.rule.name.get(self.locale)}: "
                    f"{rule_value(e.rule)} · {verdict_word(e.verdict)}",
                )
                for e in self.found
            ],
            actions=[self._call_me_action()],
            keep_choice_page=True,
        )

    def _call_me_action(self) -> Action:
        return Action(
            "button.callback",
            QCoreApplication.translate("Benefits", "Ask a social worker to call me"),
        )

    def _open_detail(self, rule_id: str) -> None:
        self.chosen_rule = next((e for e in self.found if e.rule.id == rule_id), None)
        if self.chosen_rule is not None:
            self._show(DETAIL, self._render_detail)

    def _render_detail(self) -> None:
        found = self.chosen_rule
        if found is None:
            return
        rule, loc = found.rule, self.locale
        lines = [rule_value(rule), rule.description.get(loc), verdict_word(found.verdict)]
        if rule.how_to_apply is not None:
            lines.append(
                QCoreApplication.translate("Benefits", "How to apply: {how}").replace(
                    "{how}", rule.how_to_apply.get(loc)
                )
            )
        if rule.documents:
            lines.append(
                QCoreApplication.translate("Benefits", "Bring: {documents}").replace(
                    "{documents}",
                    "、".join(d.get(loc) for d in rule.documents)
                    if loc != "en"
                    else ", ".join(d.get(loc) for d in rule.documents),
                )
            )
        if not rule.verified:
            lines.append(
                QCoreApplication.translate(
                    "Benefits", "The amount is not yet confirmed; staff will tell you the figure."
                )
            )
        self.pages[DETAIL].show_content(
            title=rule.name.get(loc),
            body="\n".join(line for line in lines if line),
            actions=[self._call_me_action()],
        )

    # -- status from the hub -----------------------------------------------------------------
    def _open_status(self) -> None:
        person, now = self.person(), self.now()
        self.looking, self.lookup = True, None
        self._show(STATUS, self._render_status)

        session = self.gate.kiosk_session()

        def job(conn: StoreConnection) -> LookupResult:
            client = person_lookup.client_from_store(conn)
            return person_lookup.lookup(conn, client, person, now, session=session)

        def done(result: LookupResult | None) -> None:
            self.looking, self.lookup = False, result
            if self.window.current_page() == STATUS:
                self._show(STATUS, self._render_status, navigate=False)

        # A network question: its own thread, so a slow hub never holds up the data thread.
        self._ask(job, done, port=self.lookups, or_else=lambda _exc: done(None))

    def _render_status(self) -> None:
        title = QCoreApplication.translate("Benefits", "My applications and payments")
        if self.looking:
            self.pages[STATUS].show_content(
                title=title,
                subtitle=self._for_whom(),
                body=QCoreApplication.translate(
                    "Benefits", "Asking the service centre. This takes a few seconds…"
                ),
            )
            return
        result = self.lookup
        record = result.record if result else None
        info = warning = ""
        if result is not None and not result.fresh:
            if record is None:
                warning = QCoreApplication.translate(
                    "Benefits",
                    "The service centre cannot be reached and this kiosk has no saved answer "
                    "for you. Please try again later or ask staff.",
                )
            elif result.fetched_at is not None:
                age = self.now() - result.fetched_at
                info = QCoreApplication.translate(
                    "Benefits",
                    "The service centre cannot be reached. Showing the answer saved {age}.",
                ).replace("{age}", format_age(age))
        statuses = record.benefits if record is not None else []
        if record is not None and not statuses:
            warning = QCoreApplication.translate(
                "Benefits", "The service centre has no applications or payments for you."
            )
        roomy = self.window.text_scale <= 150  # at 200 % the menu offers the call back
        self.pages[STATUS].show_content(
            title=title,
            subtitle=self._for_whom() if roomy else "",
            info=info,
            warning=warning,
            choices=[
                ChoiceItem(str(i), status_line(s, self.locale, short=True), wide=True)
                for i, s in enumerate(statuses)
            ],
            actions=[self._call_me_action()] if roomy else [],
            keep_choice_page=True,
        )

    def _open_status_detail(self, index: str) -> None:
        self.status_index = int(index)
        self._show(STATUS_DETAIL, self._render_status_detail)

    def _render_status_detail(self) -> None:
        record = self.lookup.record if self.lookup else None
        if record is None or self.status_index >= len(record.benefits):
            return
        status = record.benefits[self.status_index]
        lines = status_details(status, self.locale)
        self.pages[STATUS_DETAIL].show_content(
            title=status.name.get(self.locale),
            body="\n".join(lines[1:]) if len(lines) > 1 else "",
            subtitle=lines[0],
            actions=[self._call_me_action()],
        )

    # -- call back ---------------------------------------------------------------------------
    def _ask_phone(self) -> None:
        self.phone_page.reset()
        self.phone_page.set_locale(self.locale)
        self.phone_page.set_purpose_text(
            lambda: QCoreApplication.translate(
                "Benefits", "A social worker will call you about allowances and subsidies."
            )
        )
        self.window.show_page(self.phone_page.name)

    def _phone_entered(self, number: str) -> None:
        if self.gate.person() is None:
            return
        self.phone = number
        self._show(CALLBACK, self._render_callback, replace=True)

    def _render_callback(self) -> None:
        self.pages[CALLBACK].show_content(
            title=QCoreApplication.translate("Benefits", "Ask a social worker to call you?"),
            warning=self._offline_warning(),
            body=QCoreApplication.translate(
                "Benefits",
                "A social worker from the service centre will call {phone} about allowances "
                "and subsidies, usually within two working days.",
            ).replace("{phone}", mask_phone(self.phone or "")),
            actions=[
                Action("button.cancel", QCoreApplication.translate("Benefits", "Go back")),
                Action(
                    "button.confirm",
                    QCoreApplication.translate("Benefits", "Yes, please call me"),
                    role="primary",
                ),
            ],
        )

    def _send_callback(self) -> None:
        person, phone, now = self.person(), self.phone, self.now()
        if phone is None:
            return
        self.pages[CALLBACK].action_buttons["button.confirm"].setEnabled(False)

        def job(conn: StoreConnection) -> tuple[UUID, CallbackState]:
            request_id = benefits.request_callback(
                conn, topic="benefits", phone=phone, person=person, now=now
            )
            return request_id, benefits.callback_state(conn, request_id)

        def show(result: tuple[UUID, CallbackState]) -> None:
            self.callback_id, self.callback_state = result
            self.on_queued()
            self._show(CALLBACK_DONE, self._render_callback_done, after=MENU)
            if self.answered(self.callback_id):
                self.answer_arrived(str(self.callback_id))  # answered while being saved

        self._ask(job, show)

    def _render_callback_done(self) -> None:
        state = self.callback_state
        reference = (state.reference or "") if state is not None else ""
        rejected = state is not None and state.status == "rejected"
        if rejected:
            title = QCoreApplication.translate("Benefits", "The request could not be sent")
            body = QCoreApplication.translate(
                "Benefits", "Please ask staff to call the service centre for you."
            )
        else:
            title = QCoreApplication.translate("Benefits", "A social worker will call you")
            body = QCoreApplication.translate(
                "Benefits", "We will call {phone}, usually within two working days."
            ).replace("{phone}", mask_phone(self.phone or ""))
        warning = ""
        if not reference and not rejected and self.online() is False:
            warning = QCoreApplication.translate(
                "Benefits",
                "The kiosk is offline. Your request is saved and will be sent as soon as the "
                "connection is back.",
            )
        self.pages[CALLBACK_DONE].show_content(
            title=title, warning=warning, big=reference, body=body
        )

    def answer_arrived(self, request_id: str) -> None:
        if self.callback_id is None or str(self.callback_id) != request_id:
            return
        callback_id = self.callback_id

        def show(state: CallbackState) -> None:
            self.callback_state = state
            if self.window.current_page() == CALLBACK_DONE:
                self._show(CALLBACK_DONE, self._render_callback_done, navigate=False)

        self._ask(lambda conn: benefits.callback_state(conn, callback_id), show)

    # -- dispatch ----------------------------------------------------------------------------
    def _chosen(self, page: str, item: str) -> None:
        if page == MENU:
            {SCREEN: self._next_question, STATUS_CHOICE: self._open_status}.get(
                item, self._ask_phone
            )()
            return
        handlers: dict[str, Callable[[str], None]] = {
            QUESTION: self._answer,
            RESULT: self._open_detail,
            STATUS: self._open_status_detail,
        }
        if page in handlers:
            handlers[page](item)

    def _action(self, page: str, action: str) -> None:
        if action == "button.callback":
            self._ask_phone()
        elif action == "button.confirm" and page == CALLBACK:
            self._send_callback()
        elif action == "button.cancel":
            self.window.go_back()
