"""Words for the meal screens: dietary tags, ways to get the meal, statuses, prices.

Every sentence a senior hears about a meal order is here, in one place for translators and
reviewers. Prices are always broken down (price, senior discount, daily subsidy, to pay)
so the senior can see why the number is what it is.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication

from services import meals
from services.meal_rules import MealQuote
from services.protocol import MealSet
from ui.formatting import format_day, format_money, format_time

# Dietary tag -> icon (assets/icons); the word is always shown with it.
TAG_ICONS = {
    "low_salt": "salt_low",
    "low_sugar": "sugar_low",
    "soft": "soft",
    "vegetarian": "leaf",
    "halal": "crescent",
}


def tag_word(tag: str) -> str:
    return {
        "low_salt": QCoreApplication.translate("Meals", "Low salt"),
        "low_sugar": QCoreApplication.translate("Meals", "Low sugar"),
        "soft": QCoreApplication.translate("Meals", "Soft"),
        "vegetarian": QCoreApplication.translate("Meals", "Vegetarian"),
        "halal": QCoreApplication.translate("Meals", "Halal"),
    }.get(tag, tag)


def meal_word(meal: str) -> str:
    if meal == "dinner":
        return QCoreApplication.translate("Meals", "Dinner")
    return QCoreApplication.translate("Meals", "Lunch")


def fulfilment_word(fulfilment: str) -> str:
    return {
        "pickup": QCoreApplication.translate("Meals", "Collect it at the canteen"),
        "delivery": QCoreApplication.translate("Meals", "Deliver it to my home"),
        "dine_in": QCoreApplication.translate("Meals", "Eat at the canteen"),
    }.get(fulfilment, fulfilment)


def status_word(status: str) -> str:
    return {
        meals.WAITING: QCoreApplication.translate("Meals", "Waiting for confirmation"),
        meals.RECEIVED: QCoreApplication.translate("Meals", "Order received"),
        meals.PREPARING: QCoreApplication.translate("Meals", "Being prepared"),
        meals.OUT_FOR_DELIVERY: QCoreApplication.translate("Meals", "On its way to you"),
        meals.READY_FOR_PICKUP: QCoreApplication.translate("Meals", "Ready to collect"),
        meals.DELIVERED: QCoreApplication.translate("Meals", "Delivered"),
        meals.CANCELLING: QCoreApplication.translate("Meals", "Cancellation sent"),
        meals.CANCELLED: QCoreApplication.translate("Meals", "Cancelled"),
        meals.REJECTED: QCoreApplication.translate("Meals", "Could not be ordered"),
    }.get(status, status)


def reason_text(reason: str | None) -> str:
    """One plain sentence for why an order or a cancellation did not go through."""
    known = {
        "past_cutoff": QCoreApplication.translate(
            "Meals", "Ordering for this meal has closed for today."
        ),
        "not_found": QCoreApplication.translate("Meals", "The canteen no longer offers this meal."),
        "price_changed": QCoreApplication.translate("Meals", "The price of this meal has changed."),
        "sold_out": QCoreApplication.translate("Meals", "This meal is sold out."),
        "fulfilment_not_offered": QCoreApplication.translate(
            "Meals", "The canteen does not offer this way of getting the meal."
        ),
        "delivery_too_young": QCoreApplication.translate(
            "Meals", "Home delivery from this canteen is for older residents only."
        ),
        "too_late_to_cancel": QCoreApplication.translate(
            "Meals", "It is too late to cancel this order."
        ),
    }
    return known.get(
        reason or "",
        QCoreApplication.translate("Meals", "The service centre could not accept this order."),
    )


def tags_line(meal: MealSet) -> str:
    return " · ".join(tag_word(t) for t in meal.tags)


def meal_heading(meal: MealSet, today: date) -> str:
    """``Today's lunch: Low-salt set`` — the day first, because seniors order by the day."""
    if meal.date == today:
        return (
            QCoreApplication.translate("Meals", "Today's dinner")
            if meal.meal == "dinner"
            else QCoreApplication.translate("Meals", "Today's lunch")
        )
    if meal.date == today + timedelta(days=1):
        return (
            QCoreApplication.translate("Meals", "Tomorrow's dinner")
            if meal.meal == "dinner"
            else QCoreApplication.translate("Meals", "Tomorrow's lunch")
        )
    return (
        QCoreApplication.translate("Meals", "{day}, {meal}")
        .replace("{day}", format_day(meal.date, today))
        .replace("{meal}", meal_word(meal.meal))
    )


def offer_text(offer: meals.MealOffer, locale: str, today: date) -> str:
    """Two short lines for a menu choice: when and what; then the price and the tags."""
    meal = offer.meal
    first = f"{meal_heading(meal, today)}: {meal.name.get(locale)}"
    if not offer.open:
        closed = QCoreApplication.translate("Meals", "Ordering closed at {time}").replace(
            "{time}", format_time(meal.order_cutoff)
        )
        return f"{first}\n{closed}"
    second = format_money(offer.quote.total_fen)
    if meal.tags:
        second += " · " + tags_line(meal)
    return f"{first}\n{second}"


def pay_line(total_fen: int) -> str:
    return QCoreApplication.translate("Meals", "You pay: {amount}").replace(
        "{amount}", format_money(total_fen)
    )


def price_lines(quote: MealQuote) -> list[str]:
    """Price, discount, subsidy and what is paid, one line each."""
    lines = [
        QCoreApplication.translate("Meals", "Price: {amount}").replace(
            "{amount}", format_money(quote.unit_price_fen * quote.quantity)
        )
    ]
    if quote.discount_fen:
        lines.append(
            QCoreApplication.translate("Meals", "Senior discount (you pay {percent}%): −{amount}")
            .replace("{percent}", str(quote.pay_percent))
            .replace("{amount}", format_money(quote.discount_fen))
        )
    if quote.subsidy_fen:
        lines.append(
            QCoreApplication.translate("Meals", "Daily meal subsidy: −{amount}").replace(
                "{amount}", format_money(quote.subsidy_fen)
            )
        )
    lines.append(pay_line(quote.total_fen))
    if quote.subsidy_possible and not quote.subsidy_fen:
        lines.append(
            QCoreApplication.translate(
                "Meals", "A daily subsidy may lower this at the counter when your card is checked."
            )
        )
    return lines


def cutoff_line(meal: MealSet) -> str:
    return QCoreApplication.translate(
        "Meals", "Order or cancel by {time} on the day of the meal."
    ).replace("{time}", format_time(meal.order_cutoff))
