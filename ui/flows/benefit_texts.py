"""Words for the benefit screens: the screening questions, verdicts, statuses, amounts.

The rules engine (services.benefits) decides *which* question to ask; this module says it
in plain words, one question per screen, with a short reason why it is asked so nobody
feels interrogated. Benefit names, amounts and how to apply come from the synced rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.protocol import KNOWN_BENEFIT_STATUSES, BenefitRule, BenefitStatus
from ui.formatting import format_day, format_money


def question_text(question_id: str) -> tuple[str, str]:
    """(the question, one line on why it matters)."""
    texts = {
        "hukou": (
            QCoreApplication.translate(
                "Benefits", "Do you have a Shanghai household registration (hukou)?"
            ),
            QCoreApplication.translate(
                "Benefits",
                "Some allowances and the daily meal subsidy are for Shanghai hukou holders.",
            ),
        ),
        "dibao": (
            QCoreApplication.translate(
                "Benefits", "Do you receive minimum living support (dibao)?"
            ),
            QCoreApplication.translate(
                "Benefits", "People with dibao can get more help with meals and care."
            ),
        ),
        "low_income": (
            QCoreApplication.translate("Benefits", "Is your family certified as low-income?"),
            QCoreApplication.translate(
                "Benefits", "Low-income families can get help with the cost of care."
            ),
        ),
        "employee_insurance": (
            QCoreApplication.translate("Benefits", "Do you have employee medical insurance?"),
            QCoreApplication.translate(
                "Benefits", "This is the insurance people get through their work or pension."
            ),
        ),
        "resident_insurance": (
            QCoreApplication.translate("Benefits", "Do you have resident medical insurance?"),
            QCoreApplication.translate(
                "Benefits", "This is the insurance people join through the neighbourhood."
            ),
        ),
        "care_assessed": (
            QCoreApplication.translate("Benefits", "Have you had a care needs assessment?"),
            QCoreApplication.translate(
                "Benefits", "The assessment gives a care grade from 1 to 6."
            ),
        ),
        "care_grade": (
            QCoreApplication.translate("Benefits", "What is your care grade?"),
            QCoreApplication.translate(
                "Benefits",
                "It is on your assessment letter. Choose \u201cNot sure\u201d if you do not know.",
            ),
        ),
    }
    return texts.get(question_id, (question_id, ""))


def answer_words() -> dict[str, str]:
    return {
        "yes": QCoreApplication.translate("Benefits", "Yes"),
        "no": QCoreApplication.translate("Benefits", "No"),
        "unsure": QCoreApplication.translate("Benefits", "Not sure"),
    }


def grade_word(grade: int) -> str:
    return QCoreApplication.translate("Benefits", "Grade {n}").replace("{n}", str(grade))


def period_amount(amount_fen: int | None, period: str | None) -> str:
    if amount_fen is None:
        return ""
    money = format_money(amount_fen)
    template = {
        "month": QCoreApplication.translate("Benefits", "{amount} a month"),
        "day": QCoreApplication.translate("Benefits", "{amount} a day"),
        "week": QCoreApplication.translate("Benefits", "{amount} a week"),
        "quarter": QCoreApplication.translate("Benefits", "{amount} a quarter"),
        "once": QCoreApplication.translate("Benefits", "{amount} once"),
    }.get(period or "", "{amount}")
    return template.replace("{amount}", money)


def rule_value(rule: BenefitRule) -> str:
    """What the benefit is worth, in words: an amount, a discount or a share covered."""
    if rule.amount_fen is not None:
        return period_amount(rule.amount_fen, rule.period)
    if rule.pay_percent is not None:
        return QCoreApplication.translate("Benefits", "You pay {percent}% of the price").replace(
            "{percent}", str(rule.pay_percent)
        )
    if rule.cover_percent is not None:
        text = QCoreApplication.translate("Benefits", "Insurance pays {percent}%").replace(
            "{percent}", str(rule.cover_percent)
        )
        if rule.visits_per_week:
            text += " · " + QCoreApplication.translate(
                "Benefits", "{n} home care visits a week"
            ).replace("{n}", str(rule.visits_per_week))
        return text
    return ""


def verdict_word(verdict: str) -> str:
    if verdict == "likely":
        return QCoreApplication.translate("Benefits", "You are likely to qualify")
    return QCoreApplication.translate("Benefits", "You may qualify: staff can check")


def verdict_sign(verdict: str) -> str:
    """A sign that is not colour: ✓ likely, ? worth checking."""
    return "✓" if verdict == "likely" else "?"


def status_word(code: str) -> str:
    known = {
        "not_applied": QCoreApplication.translate("Benefits", "Not applied for"),
        "applied": QCoreApplication.translate("Benefits", "Application received"),
        "under_review": QCoreApplication.translate("Benefits", "Application being checked"),
        "approved": QCoreApplication.translate("Benefits", "Approved"),
        "rejected": QCoreApplication.translate("Benefits", "Not approved"),
        "paying": QCoreApplication.translate("Benefits", "Being paid"),
        "suspended": QCoreApplication.translate("Benefits", "Payments paused"),
        "ended": QCoreApplication.translate("Benefits", "Ended"),
    }
    if code in known:
        return known[code]
    # A code this kiosk does not know yet (the hub is newer): say so, never guess.
    return QCoreApplication.translate(
        "Benefits", "Status not known to this kiosk ({code}). Please ask staff."
    ).replace("{code}", code)


def status_line(status: BenefitStatus, locale: str, *, short: bool = False) -> str:
    """``Seniors' allowance: being paid, 150.00 yuan a month``; ``short`` (a list entry
    that must fit one line at 200 %) leaves the amount to the detail page."""
    if short:
        known = status.status in KNOWN_BENEFIT_STATUSES
        word = status_word(status.status) if known else ask_staff()
        return f"{status.name.get(locale)}: {word}"
    parts = [status_word(status.status)]
    amount = period_amount(status.amount_fen, status.period)
    if amount:
        parts.append(amount)
    return f"{status.name.get(locale)}: " + ", ".join(parts)


def ask_staff() -> str:
    return QCoreApplication.translate("Benefits", "Please ask staff")


def status_details(status: BenefitStatus, locale: str) -> list[str]:
    lines = [status_line(status, locale)]
    if status.applied_on is not None:
        lines.append(
            QCoreApplication.translate("Benefits", "Applied on {day}").replace(
                "{day}", format_day(status.applied_on)
            )
        )
    if status.next_payment_on is not None:
        lines.append(
            QCoreApplication.translate("Benefits", "Next payment: {day}").replace(
                "{day}", format_day(status.next_payment_on)
            )
        )
    for payment in status.payments[:3]:
        lines.append(
            QCoreApplication.translate("Benefits", "Paid {amount} on {day}")
            .replace("{amount}", format_money(payment.amount_fen))
            .replace("{day}", format_day(payment.paid_on))
        )
    if status.note is not None:
        lines.append(status.note.get(locale))
    return lines
