"""The community-meal flow, screen by screen.

identify → canteen (skipped when only one serves this kiosk) → meal (today's and
tomorrow's sets, dietary tags as words and icons, the senior's price) → at most the
questions the daily subsidy needs (hukou, dibao; asked once per session) → how to get it
(skipped when there is one way) → confirm (price broken down, cut-off stated) → order
number. Also: my meal orders → one order (status from the hub's feed) → cancel before the
cut-off, and orders the hub refused while the senior was away, shown once.

The menu is re-read just before confirming and the kiosk sends the total it showed, so a
price that changed in between is caught (here or at the hub) and shown, never charged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, cast, get_args
from uuid import UUID

from PySide6.QtCore import QCoreApplication

from services import benefits, meals
from services.meal_rules import MealFacts
from services.meals import MealOffer, MealOrderRefusedError, MealOrderView
from services.store import StoreConnection
from ui.data import DataPort
from ui.flows.base import ServiceFlow
from ui.flows.benefit_texts import answer_words, question_text
from ui.flows.identity_gate import IdentityGate
from ui.flows.meal_texts import (
    TAG_ICONS,
    cutoff_line,
    fulfilment_word,
    meal_heading,
    offer_text,
    pay_line,
    price_lines,
    reason_text,
    status_word,
)
from ui.main_window import MainWindow
from ui.pages.flow_page import Action, ChoiceItem

log = logging.getLogger("yijiantong.ui.meals")

CANTEENS = "meals"
MENU = "meals.menu"
QUESTION = "meals.question"
FULFILMENT = "meals.fulfilment"
CONFIRM = "meals.confirm"
RESULT = "meals.result"
MINE = "meals.mine"
ORDER = "meals.order"
CANCEL = "meals.cancel"
NOTICE = "meals.notice"
PAGES = (CANTEENS, MENU, QUESTION, FULFILMENT, CONFIRM, RESULT, MINE, ORDER, CANCEL, NOTICE)
# Only these screening questions change a meal's price; the rest belong to benefits.
SUBSIDY_QUESTIONS = frozenset({"hukou", "dibao", "low_income"})
ANSWERS = frozenset(get_args(benefits.Answer))
# The courier uses the address the service centre holds for the senior (一键通 records);
# typing an address on a kiosk is too hard for most seniors.
REGISTERED_ADDRESS = "登记地址 (registered home address)"


class MealsFlow(ServiceFlow):
    def __init__(
        self, window: MainWindow, data: DataPort, gate: IdentityGate, *, area: str = "", **kw: Any
    ) -> None:
        super().__init__(window, data, gate, PAGES, **kw)
        self.area = area
        self.window.set_service_handler("meals", self.start)
        self.forget()

    def forget(self) -> None:
        self.canteens: list[Any] = []
        self.canteen: Any = None
        self.offers: list[MealOffer] = []
        self.offer: MealOffer | None = None
        self.fulfilment: str | None = None
        self.rules: list[Any] = []
        self.asked: frozenset[str] = frozenset()
        self.question: Any = None
        self.age: Any = None
        self.order: MealOrderView | None = None
        self.refused: str | None = None
        self.mine: list[MealOrderView] = []
        self.rejections: list[MealOrderView] = []

    def _facts(self) -> MealFacts:
        facts = self.gate.facts()
        return MealFacts(hukou=facts.hukou, income_status=facts.income_status)

    def _for_whom(self) -> str:
        person = self.gate.person()
        if person is None:
            return ""
        return QCoreApplication.translate("Meals", "Ordering for ID number {masked}").replace(
            "{masked}", person.masked
        )

    # -- entry --------------------------------------------------------------------------------
    def start(self) -> None:
        self.gate.require(
            lambda: QCoreApplication.translate("Meals", "to order a meal or check an order"),
            self._identified,
        )

    def _identified(self, person: Any) -> None:
        area = self.area

        def job(conn: StoreConnection) -> tuple[Any, ...]:
            return (
                meals.canteens(conn, area or None),
                meals.catalogue_age(conn),
                meals.unseen_rejections(conn, person),
                benefits.load_rules(conn),
            )

        def show(result: tuple[Any, ...]) -> None:
            self.canteens, self.age, self.rejections, self.rules = result
            if self.rejections:
                self._show(NOTICE, self._render_notice, replace=True)
            elif len(self.canteens) == 1:
                self._choose_canteen(self.canteens[0].id, replace=True)
            else:
                self._show(CANTEENS, self._render_canteens, replace=True)

        self._ask(job, show)

    def _render_canteens(self) -> None:
        warning = ""
        if not self.canteens:
            warning = QCoreApplication.translate(
                "Meals",
                "This kiosk has no canteen information yet. It needs a connection to the "
                "service centre; please ask staff.",
            )
        self.pages[CANTEENS].show_content(
            title=QCoreApplication.translate("Meals", "Which canteen?"),
            subtitle=self._for_whom(),
            info=self._age_text(self.age),
            warning=warning,
            choices=[
                ChoiceItem(c.id, f"{c.name.get(self.locale)}\n{c.address.get(self.locale)}")
                for c in self.canteens
            ],
            actions=[
                Action("button.my_orders", QCoreApplication.translate("Meals", "My meal orders"))
            ],
            keep_choice_page=True,
        )

    # -- the menu -----------------------------------------------------------------------------
    def _choose_canteen(self, canteen_id: str, **go: Any) -> None:
        self.canteen = next((c for c in self.canteens if c.id == canteen_id), None)
        now, person, facts = self.now(), self.person(), self._facts()

        def show(found: list[MealOffer]) -> None:
            self.offers = found
            self._show(MENU, self._render_menu, **go)

        # With the person, the prices know whether today's subsidy is already used.
        self._ask(
            lambda conn: meals.menu(
                conn, canteen_id, now, age=person.age, facts=facts, person=person
            ),
            show,
        )

    def _render_menu(self) -> None:
        today = self.today()
        warning = ""
        if not self.offers:
            warning = QCoreApplication.translate(
                "Meals", "This canteen has no meals on its menu for today or tomorrow."
            )
        actions = [
            Action("button.my_orders", QCoreApplication.translate("Meals", "My meal orders"))
        ]
        # Meals that can still be ordered first; those past their cut-off after them, in the
        # same order, so the first screen is never a list of what cannot be had.
        self.pages[MENU].show_content(
            title=QCoreApplication.translate("Meals", "Which meal?"),
            subtitle=self.canteen.name.get(self.locale) if self.canteen else self._for_whom(),
            info=self._age_text(self.age),
            warning=warning,
            choices=[
                ChoiceItem(
                    o.meal.id,
                    offer_text(o, self.locale, today),
                    enabled=o.open,
                    icons=tuple(TAG_ICONS[t] for t in o.meal.tags if t in TAG_ICONS)[:3],
                )
                for o in sorted(self.offers, key=lambda o: not o.open)
            ],
            actions=actions if len(self.canteens) <= 1 else [],
            keep_choice_page=True,
        )

    def _choose_meal(self, meal_set_id: str) -> None:
        self.offer = next((o for o in self.offers if o.meal.id == meal_set_id), None)
        if self.offer is None:
            return
        self._next_step()

    def _next_step(self) -> None:
        """Ask what the subsidy still needs, then how to get the meal, then confirm."""
        subsidy_rules = [r for r in self.rules if r.kind == "meal_subsidy"]
        question = benefits.next_question(subsidy_rules, self.gate.facts(), self.asked)
        if question is not None and question.id in SUBSIDY_QUESTIONS:
            self.question = question
            self._show(QUESTION, self._render_question)
            return
        options = self._fulfilments()
        if len(options) == 1:
            self.fulfilment = options[0]
            self._review()
        else:
            self._show(FULFILMENT, self._render_fulfilment)

    def _render_question(self) -> None:
        if self.question is None:
            return
        title, why = question_text(self.question.id)
        words = answer_words()
        self.pages[QUESTION].show_content(
            title=title,
            body=why,
            choices=[ChoiceItem(key, words[key]) for key in ("yes", "no", "unsure")],
        )

    def _answer(self, value: str) -> None:
        if self.question is None or value not in ANSWERS:
            return
        answer = cast(benefits.Answer, value)
        self.gate.remember(benefits.answer(self.gate.facts(), self.question.id, answer))
        self.asked = self.asked | {self.question.id}
        self._next_step()

    def _fulfilments(self) -> list[str]:
        if self.offer is None:
            return []
        return meals.fulfilments(self.offer.canteen, self.person().age)

    def _render_fulfilment(self) -> None:
        self.pages[FULFILMENT].show_content(
            title=QCoreApplication.translate("Meals", "How would you like your meal?"),
            subtitle=self.offer.meal.name.get(self.locale) if self.offer else "",
            choices=[ChoiceItem(f, fulfilment_word(f)) for f in self._fulfilments()],
        )

    def _choose_fulfilment(self, fulfilment: str) -> None:
        self.fulfilment = fulfilment
        self._review()

    # -- confirm and order ---------------------------------------------------------------------
    def _review(self, *, notice: str = "", navigate: bool = True) -> None:
        """Re-read the meal (the menu may have changed since it was shown), then confirm."""
        if self.offer is None:
            return
        # The menu price is compared, not the total: an answer about hukou or dibao may
        # rightly lower the total since the menu was shown.
        meal_set_id, shown_price = self.offer.meal.id, self.offer.meal.price_fen
        now, person, facts = self.now(), self.person(), self._facts()

        def show(fresh: MealOffer | None) -> None:
            if fresh is None or not fresh.open:
                self.window.show_notice(
                    reason_text("not_found" if fresh is None else "past_cutoff")
                )
                return
            self.offer = fresh
            self.notice_after_render = notice
            if not notice and fresh.meal.price_fen != shown_price:
                self.notice_after_render = self._price_changed_text()
            self._show(CONFIRM, self._render_confirm, navigate=navigate)

        self._ask(
            lambda conn: meals.offer(
                conn, meal_set_id, now, age=person.age, facts=facts, person=person
            ),
            show,
        )

    def _price_changed_text(self) -> str:
        return QCoreApplication.translate(
            "Meals", "The price has changed since the menu was shown. Please check it again."
        )

    def _render_confirm(self) -> None:
        if self.offer is None or self.fulfilment is None:
            return
        meal = self.offer.meal
        canteen = self.offer.canteen.name.get(self.locale)
        prices = price_lines(self.offer.quote)
        lines = [
            f"{meal_heading(meal, self.today())}: {meal.name.get(self.locale)}",
            " · ".join(d.get(self.locale) for d in meal.dishes),
            f"{canteen} · {fulfilment_word(self.fulfilment)}",
        ]
        # Where the lines do not all fit (large text), the price breakdown shares a line.
        compact = [*lines, " · ".join(prices), cutoff_line(meal)]
        lines += [*prices, cutoff_line(meal)]
        self.pages[CONFIRM].show_content(
            title=QCoreApplication.translate("Meals", "Please check your order"),
            warning=self._offline_warning(),
            body="\n".join(lines),
            body_compact="\n".join(compact),
            actions=[
                Action("button.cancel", QCoreApplication.translate("Meals", "Go back")),
                Action(
                    "button.confirm",
                    QCoreApplication.translate("Meals", "Order this meal"),
                    role="primary",
                ),
            ],
        )

    def _place_order(self) -> None:
        if self.offer is None or self.fulfilment is None:
            return
        person, now, facts = self.person(), self.now(), self._facts()
        meal_set_id, fulfilment = self.offer.meal.id, self.fulfilment
        quoted = self.offer.quote.total_fen
        address = REGISTERED_ADDRESS if fulfilment == "delivery" else None
        self.pages[CONFIRM].action_buttons["button.confirm"].setEnabled(False)  # no double tap

        def job(conn: StoreConnection) -> Any:
            try:
                order_id = meals.order(
                    conn,
                    person,
                    meal_set_id,
                    quantity=1,
                    fulfilment=fulfilment,
                    now=now,
                    facts=facts,
                    quoted_total_fen=quoted,
                    address=address,
                )
            except MealOrderRefusedError as refused:
                return refused.reason
            return meals.get_order(conn, order_id)

        def show(result: Any) -> None:
            if result == "price_changed":
                self._review(notice=self._price_changed_text(), navigate=False)
                return
            if isinstance(result, str) or result is None:
                self.order, self.refused = None, result if isinstance(result, str) else None
            else:
                self.order, self.refused = result, None
                self.on_queued()
            self._show(RESULT, self._render_result, after=CANTEENS)
            if self.order is not None and self.answered(self.order.id):
                self._refresh(self.order.id, RESULT)  # answered while being saved

        self._ask(job, show)

    def _render_result(self) -> None:
        order = self.order
        actions = [
            Action("button.my_orders", QCoreApplication.translate("Meals", "My meal orders"))
        ]
        if order is None:
            self.pages[RESULT].show_content(
                title=QCoreApplication.translate("Meals", "The meal could not be ordered"),
                warning=reason_text(self.refused),
                actions=actions,
            )
            return
        title = {
            meals.WAITING: QCoreApplication.translate("Meals", "Waiting for confirmation"),
            meals.REJECTED: QCoreApplication.translate("Meals", "The meal could not be ordered"),
        }.get(order.status, QCoreApplication.translate("Meals", "Your meal is ordered"))
        warning = ""
        if order.status == meals.WAITING and self.online() is False:
            warning = QCoreApplication.translate(
                "Meals",
                "The kiosk is offline. Your order is saved and will be sent as soon as the "
                "connection is back. The order number appears here then.",
            )
        elif order.status == meals.REJECTED:
            warning = reason_text(order.reason)
        self.pages[RESULT].show_content(
            title=title,
            warning=warning,
            big=order.reference or "",
            body="\n".join(self._order_lines(order)),
            actions=actions,
        )

    def _order_lines(self, order: MealOrderView) -> list[str]:
        meal = order.meal
        return [
            f"{meal_heading(meal, self.today())}: {meal.name.get(self.locale)}",
            f"{order.canteen_name.get(self.locale)} · {fulfilment_word(order.fulfilment)}",
            pay_line(order.total_fen),
            QCoreApplication.translate("Meals", "Status: {status}").replace(
                "{status}", status_word(order.status)
            ),
            cutoff_line(meal),
        ]

    # -- my orders, one order, cancelling ------------------------------------------------------
    def _open_mine(self, *, refresh: bool = False) -> None:
        person, now = self.person(), self.now()

        def show(found: list[MealOrderView]) -> None:
            self.mine = found
            self._show(MINE, self._render_mine, navigate=not refresh)

        self._ask(lambda conn: meals.my_orders(conn, person, now), show)

    def _render_mine(self) -> None:
        today = self.today()
        self.pages[MINE].show_content(
            title=QCoreApplication.translate("Meals", "My meal orders"),
            subtitle=self._for_whom(),
            warning=""
            if self.mine
            else QCoreApplication.translate("Meals", "You have no meal orders at this kiosk."),
            choices=[
                ChoiceItem(
                    str(o.id),
                    f"{meal_heading(o.meal, today)}: {o.meal.name.get(self.locale)}\n"
                    f"{status_word(o.status)}",
                )
                for o in self.mine
            ],
            keep_choice_page=True,
        )

    def _open_order(self, order_id: str, *, navigate: bool = True) -> None:
        def show(found: MealOrderView | None) -> None:
            if found is None:
                return
            self.order = found
            self._show(ORDER, self._render_order, navigate=navigate)

        self._ask(lambda conn: meals.get_order(conn, UUID(order_id)), show)

    def _render_order(self) -> None:
        order = self.order
        if order is None:
            return
        actions = []
        if order.can_cancel(self.now()):
            actions.append(
                Action(
                    "button.cancel_order",
                    QCoreApplication.translate("Meals", "Cancel this order"),
                )
            )
        warning = reason_text(order.reason) if order.status == meals.REJECTED else ""
        self.pages[ORDER].show_content(
            title=status_word(order.status),
            warning=warning,
            big=order.reference or "",
            body="\n".join(self._order_lines(order)),
            actions=actions,
        )

    def _render_cancel(self) -> None:
        order = self.order
        if order is None:
            return
        self.pages[CANCEL].show_content(
            title=QCoreApplication.translate("Meals", "Cancel this meal order?"),
            body="\n".join(self._order_lines(order)),
            actions=[
                Action("button.cancel", QCoreApplication.translate("Meals", "Keep the order")),
                Action(
                    "button.confirm",
                    QCoreApplication.translate("Meals", "Yes, cancel it"),
                    role="primary",
                ),
            ],
        )

    def _cancel_order(self) -> None:
        order, now = self.order, self.now()
        if order is None:
            return

        def job(conn: StoreConnection) -> Any:
            try:
                meals.cancel(conn, order.id, now)
            except meals.MealCancelRefusedError as refused:
                return refused.reason
            return None

        def show(refusal: str | None) -> None:
            if refusal is not None:
                self.notice_after_render = reason_text(refusal)
            else:
                self.on_queued()
            self.window.go_back()
            self._open_order(str(order.id), navigate=False)

        self._ask(job, show)

    # -- orders refused while the senior was away -----------------------------------------
    def _render_notice(self) -> None:
        lines = []
        for order in self.rejections:
            lines.append(
                f"{meal_heading(order.meal, self.today())}: {order.meal.name.get(self.locale)}"
                f" — {reason_text(order.reason)}"
            )
        self.pages[NOTICE].show_content(
            title=QCoreApplication.translate("Meals", "An earlier order could not be placed"),
            subtitle=self._for_whom(),
            body="\n".join(lines),
            actions=[
                Action(
                    "button.continue",
                    QCoreApplication.translate("Meals", "Choose a meal"),
                    role="primary",
                )
            ],
        )

    def _after_notice(self) -> None:
        seen = [o.id for o in self.rejections]
        self.rejections = []

        def show(_: Any) -> None:
            if len(self.canteens) == 1:
                self._choose_canteen(self.canteens[0].id, replace=True)
            else:
                self._show(CANTEENS, self._render_canteens, replace=True)

        self._ask(lambda conn: meals.mark_seen(conn, seen), show)

    # -- the hub answered ------------------------------------------------------------------------
    def answer_arrived(self, request_id: str) -> None:
        shown = self.window.current_page()
        order = self.order
        if order is not None and shown in (RESULT, ORDER):
            if str(order.id) == request_id or shown == ORDER:
                self._refresh(order.id, shown)
        elif shown == MINE:
            self._open_mine(refresh=True)

    def _refresh(self, order_id: UUID, page: str) -> None:
        def show(found: MealOrderView | None) -> None:
            if found is None or self.window.current_page() != page:
                return
            self.order = found
            render = self._render_result if page == RESULT else self._render_order
            self._show(page, render, navigate=False)

        self._ask(lambda conn: meals.get_order(conn, order_id), show)

    # -- dispatch ------------------------------------------------------------------------------
    def _chosen(self, page: str, item: str) -> None:
        handlers: dict[str, Callable[[str], None]] = {
            CANTEENS: self._choose_canteen,
            MENU: self._choose_meal,
            QUESTION: self._answer,
            FULFILMENT: self._choose_fulfilment,
            MINE: self._open_order,
        }
        if page in handlers:
            handlers[page](item)

    def _action(self, page: str, action: str) -> None:
        if action == "button.my_orders":
            self._open_mine()
        elif action == "button.confirm" and page == CONFIRM:
            self._place_order()
        elif action == "button.confirm" and page == CANCEL:
            self._cancel_order()
        elif action == "button.cancel":
            self.window.go_back()
        elif action == "button.cancel_order":
            self._show(CANCEL, self._render_cancel)
        elif action == "button.continue":
            self._after_notice()
