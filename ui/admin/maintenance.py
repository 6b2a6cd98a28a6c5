"""Maintenance: test speaker and microphone, emergency drill, export, purge personal data.

Purging everything at once asks for a second tap on the same button (its label changes to
say so): a slip of the finger must not wipe data, and there is no pop-up to move under it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QProgressBar, QWidget

from ui.admin.common import AdminPage, button, heading, row, text_field
from ui.widgets.labels import TextLabel, WrappedText

DEFAULT_PURGE_DAYS = 30


class MaintenancePage(AdminPage):
    name = "admin.maintenance"
    speaker_test = Signal()
    microphone_test = Signal()
    drill_requested = Signal()
    export_requested = Signal(str)  # folder
    purge_requested = Signal(int)  # days; 0 = everything delivered, now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sound_heading = heading(self, "label.sound_heading")
        self.speaker_button = button(self, "button.test_speaker", self.speaker_test.emit)
        self.mic_button = button(self, "button.test_microphone", self.microphone_test.emit)
        self.level = QProgressBar(self)
        self.level.setObjectName("meter.microphone")
        self.level.setRange(0, 100)
        self.level.setValue(0)
        self.level.setMinimumHeight(48)
        self.level.setTextVisible(True)
        self.sound_result = WrappedText("body", self)
        self.sound_result.setObjectName("label.sound_result")
        self.drill_heading = heading(self, "label.drill_heading")
        self.drill_button = button(self, "button.drill", self.drill_requested.emit)
        self.export_heading = heading(self, "label.export_heading")
        self.export_label = TextLabel("body", self)
        self.export_field = text_field(self, "field.export_folder")
        self.export_button = button(
            self, "button.export", lambda: self.export_requested.emit(self.export_field.text())
        )
        self.purge_heading = heading(self, "label.purge_heading")
        self.days = DEFAULT_PURGE_DAYS
        self.days_label = TextLabel("big-number", self)
        self.days_label.setObjectName("value.purge_days")
        self.fewer = button(self, "button.purge_days.minus", lambda: self._days(-1))
        self.more = button(self, "button.purge_days.plus", lambda: self._days(1))
        self.purge_old = button(
            self, "button.purge_old", lambda: self.purge_requested.emit(self.days)
        )
        self.purge_all = button(self, "button.purge_all", self._purge_all)
        self._confirming = False
        self.body.addWidget(self.sound_heading)
        self.body.addLayout(row(self.speaker_button, self.mic_button))
        self.body.addWidget(self.level)
        self.body.addWidget(self.sound_result)
        self.body.addWidget(self.drill_heading)
        self.body.addLayout(row(self.drill_button))
        self.body.addWidget(self.export_heading)
        self.body.addWidget(self.export_label)
        self.body.addLayout(row(self.export_field, self.export_button, stretch=False))
        self.body.addWidget(self.purge_heading)
        self.body.addLayout(row(self.fewer, self.days_label, self.more))
        self.body.addLayout(row(self.purge_old, self.purge_all))
        self.body.addStretch(1)

    def _days(self, direction: int) -> None:
        steps = (1, 7, 14, 30, 60, 90, 180, 365)
        index = min(range(len(steps)), key=lambda i: abs(steps[i] - self.days))
        self.days = steps[max(0, min(len(steps) - 1, index + direction))]
        self.retranslate()

    def _purge_all(self) -> None:
        if not self._confirming:
            self._confirming = True
            self.retranslate()
            return
        self._confirming = False
        self.retranslate()
        self.purge_requested.emit(0)

    def set_level(self, percent: int) -> None:
        self.level.setValue(max(0, min(100, percent)))

    def show_sound_result(self, text: str) -> None:
        self.sound_result.set_text(text)

    def reset(self) -> None:
        super().reset()
        self._confirming = False
        self.level.setValue(0)
        self.sound_result.set_text("")
        self.retranslate()

    def retranslate(self) -> None:
        self.title.set_text(QCoreApplication.translate("Admin", "Maintenance"))
        self.sound_heading.set_text(QCoreApplication.translate("Admin", "Speaker and microphone"))
        self.speaker_button.set_label(QCoreApplication.translate("Admin", "Test the speaker"))
        self.mic_button.set_label(
            QCoreApplication.translate("Admin", "Test the microphone (2 seconds)")
        )
        self.level.setAccessibleName(QCoreApplication.translate("Admin", "Microphone level"))
        self.drill_heading.set_text(
            QCoreApplication.translate("Admin", "Emergency drill (nobody is sent)")
        )
        self.drill_button.set_label(QCoreApplication.translate("Admin", "Start a drill"))
        self.export_heading.set_text(
            QCoreApplication.translate("Admin", "Export logs and diagnostics")
        )
        self.export_label.set_text(
            QCoreApplication.translate("Admin", "Folder to write to (e.g. the USB stick):")
        )
        self.export_button.set_label(QCoreApplication.translate("Admin", "Export"))
        self.purge_heading.set_text(QCoreApplication.translate("Admin", "Remove personal data"))
        self.days_label.set_text(
            QCoreApplication.translate("Admin", "{days} days").replace("{days}", str(self.days))
        )
        self.fewer.set_label(QCoreApplication.translate("Admin", "Fewer days"))
        self.more.set_label(QCoreApplication.translate("Admin", "More days"))
        self.purge_old.set_label(
            QCoreApplication.translate("Admin", "Remove data older than {days} days").replace(
                "{days}", str(self.days)
            )
        )
        self.purge_all.set_label(
            QCoreApplication.translate("Admin", "Tap again to remove everything now")
            if self._confirming
            else QCoreApplication.translate("Admin", "Remove all personal data now")
        )
