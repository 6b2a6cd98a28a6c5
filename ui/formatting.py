"""Dates, times, money and ages written the way each language reads them aloud.

Chinese: 11月24日 星期二 / 上午9:00 / 25.00元; English: Tue 24 Nov / 9:00 am / ¥25.00.
Everything is in Shanghai time, where the hospitals and the kiosk are. Strings go through
Qt's translation system so translators can adjust the patterns.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from services.appointments import SHANGHAI


def weekday_name(day: date) -> str:
    names = (
        QCoreApplication.translate("Format", "Monday"),
        QCoreApplication.translate("Format", "Tuesday"),
        QCoreApplication.translate("Format", "Wednesday"),
        QCoreApplication.translate("Format", "Thursday"),
        QCoreApplication.translate("Format", "Friday"),
        QCoreApplication.translate("Format", "Saturday"),
        QCoreApplication.translate("Format", "Sunday"),
    )
    return names[day.weekday()]


def format_day(day: date, today: date | None = None) -> str:
    """``Tuesday 24 November`` / ``11月24日 星期二``, with "today"/"tomorrow" when true."""
    text = (
        QCoreApplication.translate("Format", "{weekday} {day} {month}")
        .replace("{weekday}", weekday_name(day))
        .replace("{day}", str(day.day))
        .replace("{month}", month_name(day.month))
    )
    if today is not None and day == today:
        return QCoreApplication.translate("Format", "Today, {date}").replace("{date}", text)
    if today is not None and day == today + timedelta(days=1):
        return QCoreApplication.translate("Format", "Tomorrow, {date}").replace("{date}", text)
    return text


def month_name(month: int) -> str:
    names = (
        QCoreApplication.translate("Format", "January"),
        QCoreApplication.translate("Format", "February"),
        QCoreApplication.translate("Format", "March"),
        QCoreApplication.translate("Format", "April"),
        QCoreApplication.translate("Format", "May"),
        QCoreApplication.translate("Format", "June"),
        QCoreApplication.translate("Format", "July"),
        QCoreApplication.translate("Format", "August"),
        QCoreApplication.translate("Format", "September"),
        QCoreApplication.translate("Format", "October"),
        QCoreApplication.translate("Format", "November"),
        QCoreApplication.translate("Format", "December"),
    )
    return names[month - 1]


def format_time(moment: datetime) -> str:
    """``9:00`` / ``14:30`` in Shanghai time (24-hour clock: no am/pm to mishear)."""
    local = moment.astimezone(SHANGHAI)
    return f"{local.hour}:{local.minute:02d}"


def format_time_range(start: datetime, end: datetime) -> str:
    return f"{format_time(start)}–{format_time(end)}"


def format_moment(moment: datetime, today: date | None = None) -> str:
    local = moment.astimezone(SHANGHAI)
    return f"{format_day(local.date(), today)}, {format_time(local)}"


def format_money(fen: int) -> str:
    yuan = f"{fen // 100}.{fen % 100:02d}"
    return QCoreApplication.translate("Format", "{amount} yuan").replace("{amount}", yuan)


def format_age(age: timedelta) -> str:
    """How old some information is, in the largest whole unit that is not zero."""
    minutes = int(age.total_seconds() // 60)
    if minutes < 1:
        return QCoreApplication.translate("Format", "just now")
    if minutes < 60:
        return QCoreApplication.translate("Format", "{n} min ago").replace("{n}", str(minutes))
    hours = minutes // 60
    if hours < 48:
        return QCoreApplication.translate("Format", "{n} h ago").replace("{n}", str(hours))
    return QCoreApplication.translate("Format", "{n} days ago").replace("{n}", str(hours // 24))
