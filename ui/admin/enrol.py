"""Hub enrolment from the admin screen: a web address and a one-time code from the hub.

The address is checked to be an http(s) URL before anything else. Enrolment runs on the
admin's data thread (it waits on the network); only when the hub has accepted the code are
the token (in the store) and the hub URL (in the settings) changed, so a wrong code or an
unreachable hub leaves everything as it was. The sync worker is started if it was not
running yet.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.admin.common import button, heading, row, text_field
from ui.widgets.labels import TextLabel

log = logging.getLogger("yijiantong.admin")


class EnrolSection:
    def __init__(self, controller: Any, page: Any) -> None:
        self.controller = controller
        self.page = page
        self.heading = heading(page, "label.enrol_heading")
        self.url_label = TextLabel("body", page)
        self.url_field = text_field(page, "field.enrol_url")
        self.code_label = TextLabel("body", page)
        self.code_field = text_field(page, "field.enrol_code")
        self.button = button(page, "button.enrol", self.enrol, "primary")
        for widget in (self.heading, self.url_label, self.url_field, self.code_label):
            page.extra.addWidget(widget)
        page.extra.addLayout(row(self.code_field, self.button, stretch=False))
        self.retranslate()
        original = page.retranslate

        def retranslate() -> None:
            original()
            self.retranslate()

        page.retranslate = retranslate

    def retranslate(self) -> None:
        self.heading.set_text(QCoreApplication.translate("Admin", "Enrol with a service hub"))
        self.url_label.set_text(
            QCoreApplication.translate("Admin", "Hub address (http:// or https://)")
        )
        self.code_label.set_text(QCoreApplication.translate("Admin", "One-time code from the hub"))
        self.button.set_label(QCoreApplication.translate("Admin", "Enrol"))
        if not self.url_field.text():
            self.url_field.setText(self.controller.context.settings.config.hub_url)

    def enrol(self) -> None:
        from ui.admin.groups import valid_hub_url

        url, code = self.url_field.text().strip(), self.code_field.text().strip()
        if not valid_hub_url(url):
            self.page.say(
                QCoreApplication.translate(
                    "Admin", "That is not a web address. It must start with http:// or https://."
                )
            )
            return
        if not code:
            self.page.say(
                QCoreApplication.translate("Admin", "Please type the one-time code from the hub.")
            )
            return
        context = self.controller.context
        config = context.settings.config
        name = config.kiosk_name or "Yijiantong kiosk"
        data_dir = context.data_dir
        self.page.say(QCoreApplication.translate("Admin", "Contacting the hub…"))

        def job(_conn: Any) -> Any:
            from services import enrolment

            return enrolment.enrol(data_dir, url, code, name, config.kiosk_location)

        self.controller._run(job, lambda outcome: self._done(url, outcome), self.page)

    def _done(self, url: str, outcome: Any) -> None:
        from services import enrolment

        exit_code, detail = outcome.code, outcome.message
        minutes = outcome.wait_minutes
        if minutes is not None:
            self.page.say(
                QCoreApplication.translate(
                    "Admin",
                    "The hub has had too many enrolment attempts from this kiosk. "
                    "Wait {minutes} min, then try again. Nothing was changed.",
                ).replace("{minutes}", str(minutes))
            )
            return
        if exit_code == enrolment.EXIT_UNREACHABLE:
            self.page.say(
                QCoreApplication.translate(
                    "Admin",
                    "Cannot reach the hub at {url}. Check the address and the network. "
                    "Nothing was changed.",
                ).replace("{url}", url)
                + "\n"
                + detail
            )
            return
        if exit_code == enrolment.EXIT_REFUSED:
            self.page.say(
                QCoreApplication.translate(
                    "Admin",
                    "The hub did not accept that code (wrong, used or expired). "
                    "Ask for a new code. Nothing was changed.",
                )
            )
            return
        if exit_code != enrolment.EXIT_OK:
            self.page.say(
                QCoreApplication.translate("Admin", "Enrolment failed: {reason}").replace(
                    "{reason}", detail
                )
            )
            return
        self.code_field.clear()
        problem = self.controller.apply_setting("hub_url", url.rstrip("/"))
        self.controller.context.wake_sync()
        self.page.say(
            problem
            or QCoreApplication.translate(
                "Admin", "Enrolled. This kiosk now sends its requests to the hub."
            )
        )
        log.info("enrolled with a hub from the admin screen")
