"""Status: connection and last sync, the queue, rejected requests (with retry), alarm
history, speech models (with install from a file) and the 30-day usage chart."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.admin.common import AdminPage, button, clear_layout, heading, row, text_field
from ui.admin.usage_chart import KIND_ORDER, LegendSwatch, UsageChart
from ui.theme import Theme
from ui.widgets.buttons import BigButton
from ui.widgets.labels import TextLabel, WrappedText


def _when(moment: Any) -> str:
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return str(moment)
    if isinstance(moment, datetime):
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")
    return QCoreApplication.translate("Admin", "never")


def kind_label(kind: str) -> str:
    labels = {
        "bookings": QCoreApplication.translate("Admin", "Bookings"),
        "orders": QCoreApplication.translate("Admin", "Meal orders"),
        "benefit_checks": QCoreApplication.translate("Admin", "Benefit checks"),
        "alarms": QCoreApplication.translate("Admin", "Alarms"),
    }
    return labels.get(kind, kind)


def problem_lines(status: dict[str, Any]) -> list[str]:
    """What is wrong with this kiosk's storage, plain words first, then the details."""
    lines = []
    if status.get("store_error"):
        lines.append(
            QCoreApplication.translate(
                "Admin",
                "The kiosk's data file cannot be used. Bookings, meal orders and settings "
                "cannot be kept; emergency calls are still sent to the service hub. "
                "Please call the technician.",
            )
        )
        lines.append(str(status["store_error"]))
    elif status.get("store_mode") == "read-only" or status.get("data_dir_writable") is False:
        lines.append(
            QCoreApplication.translate(
                "Admin",
                "The data folder cannot be written (read-only or full). The kiosk shows what "
                "it has, but new bookings, meal orders and settings cannot be kept; emergency "
                "calls are still sent to the service hub. Please call the technician.",
            )
        )
    lines.extend(str(problem) for problem in status.get("startup_problems", ()))
    return lines


class StatusPage(AdminPage):
    name = "admin.status"
    retry_requested = Signal(str)  # dead letter request id
    install_requested = Signal(str, str)  # zip path, locale
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refresh_button = button(self, "button.status_refresh", self.refresh_requested.emit)
        self.body.addLayout(row(self.refresh_button))
        # Problems first: a read-only or full data folder changes what this kiosk can do.
        self.problem_heading = heading(self, "label.problem_heading")
        self.problem_text = WrappedText("body", self)
        self.problem_text.setObjectName("label.kiosk_problems")
        self.problem_heading.setVisible(False)
        self.problem_text.setVisible(False)
        self.body.addWidget(self.problem_heading)
        self.body.addWidget(self.problem_text)
        self.sync_heading = heading(self, "label.sync_heading")
        self.sync_text = WrappedText("body", self)
        self.sync_text.setObjectName("label.sync_state")
        self.dead_heading = heading(self, "label.dead_heading")
        self.dead_list = QVBoxLayout()
        self.alarm_heading = heading(self, "label.alarm_heading")
        self.alarm_list = QVBoxLayout()
        self.voice_heading = heading(self, "label.voice_heading")
        self.voice_text = WrappedText("body", self)
        self.voice_text.setObjectName("label.voice_state")
        self.zip_label = TextLabel("body", self)
        self.zip_field = text_field(self, "field.model_zip")
        self.install_buttons: dict[str, BigButton] = {}
        for locale in ("zh_CN", "zh_HK", "en"):
            b = button(self, f"button.model_install.{locale}", partial(self._install, locale))
            self.install_buttons[locale] = b
        self.usage_heading = heading(self, "label.usage_heading")
        self.chart = UsageChart(self)
        self.legend_labels: dict[str, TextLabel] = {}
        self.swatches: list[LegendSwatch] = []
        legend: list[QWidget] = []
        for kind in KIND_ORDER:
            swatch = LegendSwatch(kind, self)
            label = TextLabel("body", self)
            self.legend_labels[kind] = label
            self.swatches.append(swatch)
            legend += [swatch, label]
        for widget in (self.sync_heading, self.sync_text, self.dead_heading):
            self.body.addWidget(widget)
        self.body.addLayout(self.dead_list)
        self.body.addWidget(self.alarm_heading)
        self.body.addLayout(self.alarm_list)
        voice: tuple[QWidget, ...] = (
            self.voice_heading,
            self.voice_text,
            self.zip_label,
            self.zip_field,
        )
        for part in voice:
            self.body.addWidget(part)
        self.body.addLayout(row(*self.install_buttons.values()))
        self.body.addWidget(self.usage_heading)
        self.body.addLayout(row(*legend))
        self.body.addWidget(self.chart)
        self.body.addStretch(1)
        self.status: dict[str, Any] = {}

    def _install(self, locale: str) -> None:
        self.install_requested.emit(self.zip_field.text().strip(), locale)

    def apply_theme(self, theme: Theme, scale: int) -> None:
        super().apply_theme(theme, scale)
        self.chart.set_colours(theme.text, theme.window_bg)
        for swatch in self.swatches:
            swatch.set_colours(theme.text, theme.window_bg)

    def show_status(self, status: dict[str, Any]) -> None:
        self.status = status
        problems = problem_lines(status)
        self.problem_text.set_text("\n".join(problems))
        self.problem_heading.setVisible(bool(problems))
        self.problem_text.setVisible(bool(problems))
        online = status.get("online")
        if not status.get("enrolled"):
            state = QCoreApplication.translate("Admin", "Not enrolled with a service hub.")
        elif online is None:
            state = QCoreApplication.translate("Admin", "Connection: not known yet.")
        else:
            state = (
                QCoreApplication.translate("Admin", "Online.")
                if online
                else QCoreApplication.translate("Admin", "Offline.")
            )
        lines = [
            state,
            QCoreApplication.translate("Admin", "Last successful sync: {when}").replace(
                "{when}", _when(status.get("last_sync"))
            ),
            QCoreApplication.translate("Admin", "Requests waiting to be sent: {count}").replace(
                "{count}", str(status.get("queue_depth", 0))
            ),
        ]
        if status.get("last_error"):
            lines.append(
                QCoreApplication.translate("Admin", "Last problem: {error}").replace(
                    "{error}", str(status["last_error"])
                )
            )
        self.sync_text.set_text("\n".join(lines))
        clear_layout(self.dead_list)
        dead = status.get("dead_letters", [])
        if not dead:
            none = TextLabel("body", self)
            none.set_text(QCoreApplication.translate("Admin", "No rejected requests."))
            self.dead_list.addWidget(none)
        for letter in dead:
            text = WrappedText("body", self)
            text.set_text(f"{_when(letter.failed_at)} · {letter.kind} · {letter.reason}")
            retry = button(
                self,
                f"button.retry.{letter.request_id}",
                partial(self.retry_requested.emit, str(letter.request_id)),
            )
            retry.set_label(QCoreApplication.translate("Admin", "Send again"))
            line = row(text, retry, stretch=False)
            line.setStretch(0, 1)
            self.dead_list.addLayout(line)
        clear_layout(self.alarm_list)
        alarms = status.get("alarms", [])
        if not alarms:
            none = TextLabel("body", self)
            none.set_text(QCoreApplication.translate("Admin", "No alarms."))
            self.alarm_list.addWidget(none)
        for alarm in alarms:
            text = WrappedText("body", self)
            drill = QCoreApplication.translate("Admin", "drill") if alarm.drill else ""
            text.set_text(" · ".join(p for p in (_when(alarm.raised_at), alarm.state, drill) if p))
            self.alarm_list.addWidget(text)
        voice_lines = []
        for locale, info in sorted(status.get("voice", {}).items()):
            model = info.get("model") or QCoreApplication.translate("Admin", "none")
            language = {"zh_CN": "简体中文", "zh_HK": "粵語", "en": "English"}.get(locale, locale)
            voice_lines.append(f"{language}: {model} — {info.get('state', '')}")
        self.voice_text.set_text(
            "\n".join(voice_lines) or QCoreApplication.translate("Admin", "Not known.")
        )
        self.chart.set_days(status.get("usage", []))

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("Admin", "Status"))
        self.refresh_button.set_label(QCoreApplication.translate("Admin", "Refresh"))
        self.problem_heading.set_text(QCoreApplication.translate("Admin", "Problems"))
        self.sync_heading.set_text(QCoreApplication.translate("Admin", "Connection and sync"))
        self.dead_heading.set_text(QCoreApplication.translate("Admin", "Rejected requests"))
        self.alarm_heading.set_text(QCoreApplication.translate("Admin", "Alarm history"))
        self.voice_heading.set_text(
            QCoreApplication.translate("Admin", "Speech recognition models")
        )
        self.zip_label.set_text(
            QCoreApplication.translate("Admin", "Install a model from a zip file (full path):")
        )
        names = {"zh_CN": "简体中文", "zh_HK": "粵語", "en": "English"}
        for locale, b in self.install_buttons.items():
            b.set_label(
                QCoreApplication.translate("Admin", "Install for {language}").replace(
                    "{language}", names[locale]
                )
            )
        self.usage_heading.set_text(
            QCoreApplication.translate("Admin", "Use per day, last 30 days")
        )
        for kind, label in self.legend_labels.items():
            label.set_text(kind_label(kind))
        if self.status:
            self.show_status(self.status)
