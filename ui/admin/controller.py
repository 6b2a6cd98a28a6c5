"""The admin screen and helper mode: hidden entry, PIN, settings, status, maintenance.

Entry is hidden from seniors: a long press (3 s) on the header's name, or Ctrl+Alt+A, opens
a staff keypad. The admin PIN opens the admin screen; a helper's PIN or badge starts
helper mode. Admin pages are added to the window only while the admin screen is open and
removed when it closes or the session is wiped, so nothing of them lingers for the next
person (and the senior-facing page list stays as it was).

Helper mode puts a "helper: NAME" marker in the header and the helper's name in the
session (the emergency alarm reads it there). Requests queued while it is on are written
to the audit log under the helper's name (services/audit.py, by a rowid watermark, so the
flows need not know about helpers); benefit checks are recorded when their result page is
shown. The session wipe ends helper mode after a last audit pass.

Everything that touches the disk or the network runs on the admin's own data thread
(services/tasks.py) or a short-lived worker thread (speaker / microphone tests), with
results delivered on the GUI thread through ui/thread_inbox.py.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QWidget

from ui.admin.context import AdminContext
from ui.admin.groups import GROUPS, group_of, options_in, valid_hub_url
from ui.data import DataBridge
from ui.main_window import MainWindow
from ui.thread_inbox import ThreadInbox
from ui.widgets.labels import TextLabel

log = logging.getLogger("yijiantong.admin")

LONG_PRESS_MS = 3000
SHORTCUT = "Ctrl+Alt+A"
HELPER_KEY = "helper"  # session key (the emergency controller reads it for the alarm)
ADMIN_KEY = "admin"
# Pages whose showing is a benefit check (kept in step with services/audit.py actions).
BENEFIT_PAGES = {"benefits.result": "benefit_check", "benefits.status": "benefit_status"}


class _LongPress(QObject):
    """Calls ``action`` when the watched widget is held for ``LONG_PRESS_MS``."""

    def __init__(self, target: QWidget, action: Callable[[], None]) -> None:
        super().__init__(target)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(LONG_PRESS_MS)
        self.timer.timeout.connect(action)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.timer.start()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.Leave):
            self.timer.stop()
        return False


class AdminController(QObject):
    def __init__(
        self, window: MainWindow, context: AdminContext, *, now: Callable[[], float] = time.time
    ) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.now = now
        # The admin's data thread and its bridges start on first use: nothing of the admin
        # is paid for at start-up.
        self.runner: Any = None
        self._data: Any = None
        self._inbox: Any = None
        self.pages: dict[str, Any] = {}
        self.helper: str | None = None
        self._helper_mark = 0
        self._new_pin: str | None = None
        self._drill_restore: Callable[[], None] | None = None
        self.long_press = _LongPress(window.header.brand, self.open_entry)
        self.shortcut = QShortcut(QKeySequence(SHORTCUT), window)
        self.shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcut.activated.connect(self.open_entry)
        self.marker = TextLabel("status", window.header)
        self.marker.setObjectName("label.helper_mode")
        self.marker.hide()
        header_layout = window.header.layout()
        assert isinstance(header_layout, QBoxLayout)
        header_layout.insertWidget(1, self.marker)
        window.session_reset.connect(self._session_ended)
        window.page_changed.connect(self._page_changed)

    # -- lifecycle ------------------------------------------------------------------------
    def shutdown(self) -> None:
        if self.runner is not None and not self.runner.stop(timeout=30):
            log.warning("admin data thread did not stop in time")
        for bridge in (self._data, self._inbox):
            if bridge is not None:
                bridge.close()

    @property
    def data(self) -> Any:
        if self._data is None:
            from services.tasks import TaskRunner

            self.runner = TaskRunner(self.context.data_dir, name="admin")
            self.runner.start()
            self._data = DataBridge(self.runner, self)
        return self._data

    @property
    def inbox(self) -> Any:
        if self._inbox is None:
            self._inbox = ThreadInbox(lambda item: item(), self)  # callables run on the GUI
        return self._inbox

    def is_open(self) -> bool:
        return bool(self.pages) and self.window.current_page().startswith("admin.")

    def _run(
        self,
        job: Callable[[Any], Any],
        then: Callable[[Any], None],
        page: Any = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``job(conn)`` on the data thread, then ``then(result)`` here; a failure is logged
        and said on ``page``, then handed to ``failed`` if given."""

        def report(exc: BaseException) -> None:
            log.error("admin job failed: %s: %s", type(exc).__name__, exc)
            target = page or self.pages.get(self.window.current_page())
            text = QCoreApplication.translate("Admin", "This did not work: {reason}").replace(
                "{reason}", str(exc)
            )
            if target is not None and hasattr(target, "say"):
                target.say(text)
            else:
                self.window.show_notice(text)
            if failed is not None:
                failed(exc)

        self.data.run(job, then, report)

    # -- pages ----------------------------------------------------------------------------
    def _ensure_pages(self) -> None:
        if self.pages:
            return
        from ui.admin.helpers_page import HelperAccountsPage
        from ui.admin.maintenance import MaintenancePage
        from ui.admin.menu import AdminMenuPage
        from ui.admin.pin_page import PinPage
        from ui.admin.settings import SettingsPage
        from ui.admin.status_page import StatusPage

        w = self.window
        staff = PinPage("admin.pin", w)
        staff.submitted.connect(self._staff_pin)
        new_pin = PinPage("admin.set_pin", w)
        new_pin.submitted.connect(self._new_pin_typed)
        menu = AdminMenuPage(w)
        menu.open_page.connect(self._open_admin_page)
        menu.close_pressed.connect(self.close)
        pages: list[Any] = [staff, new_pin, menu]
        settings = self.context.settings
        for group in GROUPS:
            pages.append(
                SettingsPage(
                    f"admin.settings.{group}",
                    options_in(settings.options, group),
                    lambda n: getattr(settings.config, n),
                    self.apply_setting,
                    w,
                )
            )
        helpers = HelperAccountsPage(w)
        helpers.add_requested.connect(self._add_helper)
        helpers.remove_requested.connect(self._remove_helper)
        status = StatusPage(w)
        status.refresh_requested.connect(self.refresh_status)
        status.retry_requested.connect(self._retry)
        status.install_requested.connect(self._install_model)
        maintenance = MaintenancePage(w)
        maintenance.speaker_test.connect(self.test_speaker)
        maintenance.microphone_test.connect(self.test_microphone)
        maintenance.drill_requested.connect(self.run_drill)
        maintenance.export_requested.connect(self.export)
        maintenance.purge_requested.connect(self.purge)
        pages += [helpers, status, maintenance]
        for page in pages:
            w.add_page(page)
            self.pages[page.name] = page
        from ui.admin.enrol import EnrolSection

        self.enrol = EnrolSection(self, self.pages["admin.settings.kiosk"])

    def _remove_pages(self) -> None:
        pages, self.pages = self.pages, {}
        for name, page in pages.items():
            self.window.pages.pop(name, None)
            self.window.stack.removeWidget(page)
            page.hide()
            page.setObjectName("")
            page.deleteLater()

    def page(self, name: str) -> Any:
        return self.pages[name]

    # -- entry ----------------------------------------------------------------------------
    def open_entry(self) -> None:
        """The hidden gesture or the key combination: ask for a staff PIN (or a new one)."""
        if self.pages and self.window.current_page().startswith("admin."):
            return
        self._ensure_pages()
        self.context.session_data[ADMIN_KEY] = True  # in use: the idle wipe closes the admin
        from services import admin_pin

        def show(pin_set: bool) -> None:
            if pin_set:
                page = self.pages["admin.pin"]
                page.set_texts(
                    lambda: QCoreApplication.translate("Admin", "Staff sign-in"),
                    lambda: QCoreApplication.translate(
                        "Admin", "Enter the admin PIN, or a helper PIN, or swipe a helper badge."
                    ),
                )
            else:
                self._new_pin = None
                page = self.pages["admin.set_pin"]
                page.set_texts(
                    lambda: QCoreApplication.translate("Admin", "Set the admin PIN"),
                    lambda: QCoreApplication.translate(
                        "Admin", "No admin PIN is set yet. Choose a PIN of 4 to 12 digits."
                    ),
                )
            page.reset()
            self.window.show_page(page.name)

        self._run(admin_pin.admin_pin_set, show)

    def _staff_pin(self, secret: str) -> None:
        from services import admin_pin

        page = self.pages["admin.pin"]
        self._run(
            lambda conn: admin_pin.check_staff(conn, secret, self.now()), self._signed_in, page
        )

    def _signed_in(self, result: Any) -> None:
        from services import admin_pin

        page = self.pages.get("admin.pin")
        if page is None:
            return
        if result.ok and result.role == admin_pin.ADMIN:
            log.info("admin signed in")
            self.window.show_page("admin.menu")
            return
        if result.ok:
            self.start_helper_mode(result.name)
            return
        if result.wait_s > 0:
            page.say(
                QCoreApplication.translate(
                    "Admin", "Too many wrong PINs. Please wait {minutes} min {seconds} s."
                )
                .replace("{minutes}", str(int(result.wait_s) // 60))
                .replace("{seconds}", str(int(result.wait_s) % 60))
            )
        else:
            left = admin_pin.FREE_ATTEMPTS - result.failures
            page.say(
                QCoreApplication.translate(
                    "Admin", "That PIN is not right. {left} tries left before a wait."
                ).replace("{left}", str(left))
            )

    def _new_pin_typed(self, pin: str) -> None:
        from services import admin_pin

        page = self.pages["admin.set_pin"]
        try:
            admin_pin.validate_pin(pin)
        except admin_pin.CredentialError:
            page.say(
                QCoreApplication.translate(
                    "Admin", "A PIN has 4 to 12 digits. Please choose again."
                )
            )
            return
        if self._new_pin is None:
            self._new_pin = pin
            page.set_texts(
                lambda: QCoreApplication.translate("Admin", "Set the admin PIN"),
                lambda: QCoreApplication.translate("Admin", "Enter the same PIN again to confirm."),
            )
            page.say("")
            return
        if pin != self._new_pin:
            self._new_pin = None
            page.set_texts(
                lambda: QCoreApplication.translate("Admin", "Set the admin PIN"),
                lambda: QCoreApplication.translate("Admin", "Choose a PIN of 4 to 12 digits."),
            )
            page.say(
                QCoreApplication.translate(
                    "Admin", "The two PINs were different. Please start again."
                )
            )
            return
        chosen, self._new_pin = pin, None

        def saved(_: object) -> None:
            log.info("admin PIN set")
            self.window.show_page("admin.menu")

        self._run(lambda conn: admin_pin.set_admin_pin(conn, chosen), saved, page)

    def close(self) -> None:
        """Leave the admin screen: a fresh home screen for the next person."""
        self.context.wipe_session()

    def _open_admin_page(self, name: str) -> None:
        self.window.show_page(name)
        if name == "admin.status":
            self.refresh_status()
        elif name == "admin.helpers":
            self._load_helpers()

    # -- settings -------------------------------------------------------------------------
    def apply_setting(self, name: str, value: Any) -> str:
        """Validate, apply live and save one setting; "" or a problem in words."""
        settings = self.context.settings
        if name == "hub_url" and value and not valid_hub_url(str(value)):
            return QCoreApplication.translate(
                "Admin", "That is not a web address. It must start with http:// or https://."
            )
        problems = settings.update(persist=False, **{name: value})
        if problems:
            return QCoreApplication.translate("Admin", "Not changed: {problem}").replace(
                "{problem}", problems[0].message
            )
        self._follow_config()
        page = self.pages.get(f"admin.settings.{group_of(name)}")

        def save(_conn: Any) -> None:
            settings.save()  # the newest values, in order

        def failed(exc: BaseException) -> None:
            if page is not None:
                page.say(
                    QCoreApplication.translate(
                        "Admin",
                        "In use now, but it could not be saved for the next start: {reason}",
                    ).replace("{reason}", str(exc))
                )

        self.data.run(save, lambda _: None, failed)
        return ""

    def _follow_config(self) -> None:
        """Parts that keep a copy of the settings get the new one (emergency numbers...)."""
        config = self.context.settings.config
        emergency = self.context.emergency()
        if emergency is not None and self._drill_restore is None:
            emergency.config = config
            try:
                from services.emergency_numbers import parse_numbers

                emergency.numbers = parse_numbers(config.emergency_numbers)
            except Exception:  # the emergency screen keeps its numbers
                log.exception("emergency numbers not updated")
        if tuple(self.window.home.tiles) != tuple(
            s for s in config.services if s in self.window.home.tiles
        ) or set(config.services) != set(self.window.home.tiles):
            from ui.admin.tools import rebuild_home

            rebuild_home(self.window, config.services)

    # -- helper accounts ------------------------------------------------------------------
    def _load_helpers(self) -> None:
        from services import admin_pin

        self._run(admin_pin.list_helpers, self.pages["admin.helpers"].show_helpers)

    def _add_helper(self, name: str, pin: str, badge: str) -> None:
        from services import admin_pin

        page = self.pages["admin.helpers"]

        def job(conn: Any) -> Any:
            try:
                admin_pin.add_helper(conn, name, pin or None, badge or None)
            except admin_pin.CredentialError as exc:
                return exc.reason
            return admin_pin.list_helpers(conn)

        def done(result: Any) -> None:
            if isinstance(result, str):
                page.say(_credential_message(result))
                return
            page.clear_form()
            page.show_helpers(result)
            page.say(QCoreApplication.translate("Admin", "Helper added."))

        self._run(job, done, page)

    def _remove_helper(self, helper_id: int) -> None:
        from services import admin_pin

        page = self.pages["admin.helpers"]

        def job(conn: Any) -> Any:
            admin_pin.remove_helper(conn, helper_id)
            return admin_pin.list_helpers(conn)

        def done(helpers: Any) -> None:
            page.show_helpers(helpers)
            page.say(QCoreApplication.translate("Admin", "Helper removed."))

        self._run(job, done, page)

    # -- helper mode ----------------------------------------------------------------------
    def start_helper_mode(self, name: str) -> None:
        from services import audit

        self.helper = name
        self.context.session_data[HELPER_KEY] = name
        self.context.session_data.pop(ADMIN_KEY, None)
        self.marker.set_text(
            QCoreApplication.translate("Admin", "Helper: {name}").replace("{name}", name)
        )
        self.marker.show()
        log.info("helper mode started")

        def mark(conn: Any) -> int:
            audit.record(conn, name, audit.HELPER_SIGN_IN)
            return audit.request_watermark(conn)

        def marked(rowid: int) -> None:
            self._helper_mark = rowid

        self._run(mark, marked)
        self.window.navigator.home()
        self._remove_pages()

    def request_queued(self) -> None:
        """A flow queued a request (bookings, orders, callbacks): audit it if a helper acts."""
        helper = self.helper
        if helper is None:
            return
        mark = self._helper_mark
        from services import audit

        def job(conn: Any) -> int:
            return audit.audit_new_requests(conn, helper, mark)

        self._run(job, self._moved_mark)

    def _moved_mark(self, rowid: int) -> None:
        self._helper_mark = max(self._helper_mark, rowid)

    def _page_changed(self, name: str) -> None:
        action = BENEFIT_PAGES.get(name)
        if action is None:
            return
        person = self.context.person()
        masked = person.masked if person is not None else None
        helper = self.helper
        from services import audit, usage

        def job(conn: Any) -> None:
            if action == audit.BENEFIT_CHECK:
                usage.record(conn, usage.BENEFIT_CHECKS)
            if helper is not None:
                audit.record(conn, helper, action, masked_person=masked)

        self._run(job, lambda _: None)

    def _session_ended(self) -> None:
        helper, mark = self.helper, self._helper_mark
        if helper is not None:
            from services import audit

            # Last pass first: anything queued in the last moments is still the helper's.
            def job(conn: Any) -> None:
                audit.audit_new_requests(conn, helper, mark)
                audit.record(conn, helper, audit.HELPER_SIGN_OUT)

            self._run(job, lambda _: None)
            log.info("helper mode ended with the session")
        self.helper = None
        self._helper_mark = 0
        self.marker.hide()
        self.marker.set_text("")
        if self._drill_restore is not None:
            restore, self._drill_restore = self._drill_restore, None
            restore()
        if self.pages:
            self._remove_pages()

    # -- status, maintenance (ui/admin/tools.py) ----------------------------------------
    def refresh_status(self) -> None:
        from ui.admin import tools as admin_tools

        admin_tools.refresh_status(self)

    def _retry(self, request_id: str) -> None:
        from ui.admin import tools as admin_tools

        admin_tools.retry_dead_letter(self, request_id)

    def _install_model(self, path: str, locale: str) -> None:
        from ui.admin import tools as admin_tools

        admin_tools.install_model(self, path, locale)

    def test_speaker(self) -> None:
        from ui.admin import tools as admin_tools

        admin_tools.test_speaker(self)

    def test_microphone(self) -> None:
        from ui.admin import tools as admin_tools

        admin_tools.test_microphone(self)

    def run_drill(self) -> None:
        from ui.admin import tools as admin_tools

        admin_tools.run_drill(self)

    def export(self, folder: str) -> None:
        from ui.admin import tools as admin_tools

        admin_tools.export(self, Path(folder.strip()) if folder.strip() else Path())

    def purge(self, days: int) -> None:
        from ui.admin import tools as admin_tools

        admin_tools.purge(self, days)

    def in_thread(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """Run ``work`` on a short-lived thread (speaker, microphone); ``then`` on the GUI."""

        def body() -> None:
            try:
                result = work()
            except Exception as exc:  # reported on screen by ``then``
                result = exc
            self.inbox.post(lambda: then(result))

        threading.Thread(target=body, name="admin-test", daemon=True).start()


def _credential_message(reason: str) -> str:
    messages = {
        "name_invalid": QCoreApplication.translate(
            "Admin", "Please give the helper a name (up to 40 characters)."
        ),
        "pin_or_badge_needed": QCoreApplication.translate(
            "Admin", "Please give a PIN or a badge number (or both)."
        ),
        "pin_not_digits": QCoreApplication.translate("Admin", "A PIN has digits only."),
        "pin_length": QCoreApplication.translate("Admin", "A PIN has 4 to 12 digits."),
        "badge_invalid": QCoreApplication.translate(
            "Admin", "A badge number has 4 to 32 letters or digits."
        ),
        "name_taken": QCoreApplication.translate(
            "Admin", "There is already a helper with that name."
        ),
    }
    return messages.get(reason, reason)
