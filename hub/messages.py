"""Human messages for request results, in the kiosk's three languages.

The kiosk speaks these aloud, so they are short, plain and say what to do next.
"""

from __future__ import annotations

from services.protocol import LocalizedText, ReasonCode, RequestKind


def _t(zh_cn: str, zh_hk: str, en: str) -> LocalizedText:
    return LocalizedText(zh_CN=zh_cn, zh_HK=zh_hk, en=en)


REJECTED: dict[ReasonCode, LocalizedText] = {
    "slot_taken": _t(
        "这个号已经约满了，请选择其他时间。",
        "這個號已經約滿了，請選擇其他時間。",
        "This slot is fully booked. Please choose another time.",
    ),
    "slot_unknown": _t(
        "找不到这个号源，请重新选择。",
        "找不到這個號源，請重新選擇。",
        "This slot no longer exists. Please choose again.",
    ),
    "past_cutoff": _t(
        "已经过了截止时间，不能再预订。",
        "已經過了截止時間，不能再預訂。",
        "It is past the cut-off time for this.",
    ),
    "outside_booking_window": _t(
        "这一天还不能预约，请选择更近的日期。",
        "這一天還不能預約，請選擇更近的日期。",
        "This day cannot be booked yet. Please choose an earlier day.",
    ),
    "validation": _t(
        "请求信息不完整或有误。",
        "請求資料不完整或有誤。",
        "The request was incomplete or invalid.",
    ),
    "duplicate_booking": _t(
        "您当天在这个科室已经有预约了。",
        "您當天在這個科室已經有預約了。",
        "You already have an appointment in this department that day.",
    ),
    "unknown_kind": _t(
        "服务中心暂不支持这项服务。",
        "服務中心暫不支援這項服務。",
        "The service centre does not support this request.",
    ),
    "not_found": _t(
        "找不到这条记录。",
        "找不到這條記錄。",
        "We could not find that booking or order.",
    ),
    "too_late_to_cancel": _t(
        "已经过了取消的截止时间，请致电服务中心。",
        "已經過了取消的截止時間，請致電服務中心。",
        "It is too late to cancel. Please call the service centre.",
    ),
}

ACCEPTED: dict[RequestKind, LocalizedText] = {
    "appointment.book": _t("预约成功。", "預約成功。", "Your appointment is booked."),
    "appointment.cancel": _t("预约已取消。", "預約已取消。", "Your appointment is cancelled."),
    "meal.order": _t("订餐成功。", "訂餐成功。", "Your meal is ordered."),
    "meal.cancel": _t("订餐已取消。", "訂餐已取消。", "Your meal order is cancelled."),
    "callback.request": _t(
        "已登记，工作人员会尽快给您回电话。",
        "已登記，工作人員會盡快給您回電話。",
        "Noted. A staff member will call you back soon.",
    ),
}

CANCELLED_BY_FOLLOW_UP = _t("已取消。", "已取消。", "Cancelled.")


def validation(detail: str) -> LocalizedText:
    """The generic validation message, with the first problem in the English text
    (for staff reading logs; seniors hear the plain sentence)."""
    base = REJECTED["validation"]
    en = f"{base.en} {detail}".strip()
    return _t(base.zh_CN, base.zh_HK, en[:200])
