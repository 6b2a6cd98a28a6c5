"""Names of settings and of their values in the screen language.

Options declared later by other parts (voice, emergency) that are not listed here still
appear, under their English description: a setting nobody translated yet is better shown
in English than hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

_LABELS: dict[str, Callable[[], str]] = {
    "locale": lambda: QCoreApplication.translate("AdminOption", "Language at the start"),
    "text_scale": lambda: QCoreApplication.translate("AdminOption", "Text size at the start"),
    "theme": lambda: QCoreApplication.translate("AdminOption", "Colours"),
    "fullscreen": lambda: QCoreApplication.translate("AdminOption", "Full screen"),
    "idle_timeout_s": lambda: QCoreApplication.translate(
        "AdminOption", "Seconds without a touch before the warning"
    ),
    "idle_warning_s": lambda: QCoreApplication.translate(
        "AdminOption", "Seconds the warning stays before the screen is cleared"
    ),
    "purge_after_days": lambda: QCoreApplication.translate(
        "AdminOption", "Days personal data is kept after a request is done (0: until removed)"
    ),
    "hub_url": lambda: QCoreApplication.translate("AdminOption", "Service hub address"),
    "speech_enabled": lambda: QCoreApplication.translate("AdminOption", "Speak every screen"),
    "speech_rate_wpm": lambda: QCoreApplication.translate(
        "AdminOption", "Speech speed (words per minute)"
    ),
    "volume_percent": lambda: QCoreApplication.translate("AdminOption", "Volume (percent)"),
    "kiosk_name": lambda: QCoreApplication.translate("AdminOption", "Kiosk name"),
    "kiosk_location": lambda: QCoreApplication.translate("AdminOption", "Kiosk location"),
    "printer": lambda: QCoreApplication.translate("AdminOption", "Printer for slips"),
    "service_area": lambda: QCoreApplication.translate("AdminOption", "Service area (street)"),
    "services": lambda: QCoreApplication.translate(
        "AdminOption", "Services on the home screen, in order"
    ),
    "log_level": lambda: QCoreApplication.translate("AdminOption", "Log detail"),
    "microphone": lambda: QCoreApplication.translate("AdminOption", "Microphone"),
    "always_listen_emergency": lambda: QCoreApplication.translate(
        "AdminOption", "Always listen for a call for help"
    ),
    "emergency_numbers": lambda: QCoreApplication.translate(
        "AdminOption", "Numbers to call in an emergency"
    ),
    "onsite_alert": lambda: QCoreApplication.translate("AdminOption", "On-site alert sound"),
    "emergency_drill": lambda: QCoreApplication.translate("AdminOption", "Drill mode"),
}


def option_label(name: str, description: str) -> str:
    found = _LABELS.get(name)
    return found() if found is not None else description


def value_label(value: object) -> str:
    labels: dict[object, Callable[[], str]] = {
        True: lambda: QCoreApplication.translate("AdminOption", "On"),
        False: lambda: QCoreApplication.translate("AdminOption", "Off"),
        "light": lambda: QCoreApplication.translate("AdminOption", "Light"),
        "dark": lambda: QCoreApplication.translate("AdminOption", "Dark"),
        "appointments": lambda: QCoreApplication.translate("AdminOption", "Appointments"),
        "meals": lambda: QCoreApplication.translate("AdminOption", "Meals"),
        "benefits": lambda: QCoreApplication.translate("AdminOption", "Benefits"),
        "emergency": lambda: QCoreApplication.translate("AdminOption", "Emergency"),
    }
    fixed = {"zh_CN": "简体中文", "zh_HK": "繁體中文（香港）", "en": "English"}
    if isinstance(value, bool):
        return labels[value]()
    if isinstance(value, int):
        return f"{value} %" if value in (100, 125, 150, 200) else str(value)
    if isinstance(value, str) and value in fixed:
        return fixed[value]
    found = labels.get(value) if isinstance(value, str) else None
    return found() if found is not None else str(value)
