"""What every service flow (appointments, meals, benefits) shares: its pages, the data
thread, the session generation and the storage messages.

A flow owns one :class:`~ui.pages.flow_page.FlowPage` per step and decides what to show
next; all data comes from the data thread through a :class:`~ui.data.DataPort`. Each answer
carries the session generation it was asked in, so an answer that arrives after the privacy
wipe is dropped instead of showing the last person's data to the next.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject

from services.appointments import shanghai_today
from services.identity import ResidentId
from services.store import (
    StorageError,
    StorageFullError,
    StorageReadOnlyError,
    StoreConnection,
    utcnow,
)
from ui.data import DataPort
from ui.flows.identity_gate import IdentityGate
from ui.formatting import format_age
from ui.main_window import MainWindow
from ui.pages.flow_page import FlowPage

log = logging.getLogger("yijiantong.ui.flow")

STALE_AFTER_S = 15 * 60  # older catalogue data is labelled with its age even when online


class ServiceFlow(QObject):
    def __init__(
        self,
        window: MainWindow,
        data: DataPort,
        gate: IdentityGate,
        pages: Iterable[str],
        *,
        now: Callable[[], datetime] = utcnow,
        online: Callable[[], bool | None] = lambda: None,
        on_queued: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.data = data
        self.gate = gate
        self.now = now
        self.online = online
        self.on_queued = on_queued
        self.pages: dict[str, FlowPage] = {}
        for name in pages:
            page = FlowPage(name, window)
            page.chosen.connect(lambda item, n=name: self._chosen(n, item))
            page.action.connect(lambda action, n=name: self._action(n, action))
            window.add_page(page)
            self.pages[name] = page
        window.session_reset.connect(self.reset)
        self.generation = 0
        self.notice_after_render = ""
        # The hub's answer to a request can reach the flow before the flow knows the
        # request's id: the sync worker may send it the moment it is written, while the
        # data thread's reply (with the id) is still on its way to the GUI thread.
        self._answered: deque[str] = deque(maxlen=64)

    # -- to be provided by each flow ----------------------------------------------------------
    def _chosen(self, page: str, item: str) -> None:
        raise NotImplementedError

    def _action(self, page: str, action: str) -> None:
        raise NotImplementedError

    def forget(self) -> None:
        """Drop the flow's own state about the last person."""

    def answer_arrived(self, request_id: str) -> None:
        """The hub answered ``request_id``: refresh a screen that shows it."""

    # -- shared ------------------------------------------------------------------------------
    def request_changed(self, request_id: str) -> None:
        """From the sync worker (on the GUI thread): a request's state changed."""
        self._answered.append(request_id)
        self.answer_arrived(request_id)

    def answered(self, request_id: UUID) -> bool:
        """True when an answer for ``request_id`` arrived (maybe before its id was known)."""
        return str(request_id) in self._answered

    def reset(self) -> None:
        """Forget everything about the last person (called by the privacy wipe)."""
        self.generation += 1
        self.notice_after_render = ""
        self.forget()
        for page in self.pages.values():
            page.reset()

    @property
    def locale(self) -> str:
        return self.window.locale

    def today(self) -> date:
        return shanghai_today(self.now())

    def person(self) -> ResidentId:
        person = self.gate.person()
        assert person is not None, "service screens need an identified person"
        return person

    def _ask(
        self,
        job: Callable[[StoreConnection], Any],
        then: Callable[[Any], None],
        *,
        port: DataPort | None = None,
        or_else: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``job`` on the data thread (or ``port``'s); ``then(result)`` unless the session
        moved on. A failure is reported to the senior, then passed to ``or_else``."""
        generation = self.generation

        def done(result: Any) -> None:
            if generation == self.generation:
                then(result)

        def failed(exc: BaseException) -> None:
            if generation == self.generation:
                self._failed(exc)
                if or_else is not None:
                    or_else(exc)

        (port or self.data).run(job, done, failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StorageFullError):
            text = QCoreApplication.translate(
                "Flow", "This kiosk's storage is full, so nothing was saved. Please ask staff."
            )
        elif isinstance(exc, StorageReadOnlyError):
            text = QCoreApplication.translate(
                "Flow",
                "This kiosk cannot save anything just now, so nothing was sent. Please ask staff.",
            )
        elif isinstance(exc, StorageError):
            text = QCoreApplication.translate(
                "Flow", "This kiosk cannot read or save its data. Please ask staff."
            )
        else:
            log.error("service step failed: %s: %s", type(exc).__name__, exc)
            text = QCoreApplication.translate(
                "Flow", "Something went wrong on this kiosk. Nothing was sent. Please try again."
            )
        self.window.show_notice(text)

    def _show(
        self,
        name: str,
        render: Callable[[], None],
        *,
        navigate: bool = True,
        replace: bool = False,
        **go: Any,
    ) -> None:
        """Render page ``name`` with ``render`` (kept for language switches) and, unless
        ``navigate`` is False (a refresh in place), show it; ``replace`` takes the place of
        the current page in the history (the ID page once it is done)."""
        page = self.pages[name]
        page.renderer = render
        render()
        if navigate:
            if replace and self.window.current_page() != "home":
                self.window.replace_page(name)
            else:
                self.window.show_page(name, **go)
        if self.notice_after_render:
            self.window.show_notice(self.notice_after_render)
            self.notice_after_render = ""

    def _age_text(self, age: Any) -> str:
        """The data's age when it may be out of date (offline, or older than 15 minutes)."""
        if age is None:
            return ""
        online = self.online()
        if online is False or age.total_seconds() > STALE_AFTER_S:
            when = format_age(age)
            if online is False:
                return QCoreApplication.translate(
                    "Flow", "Offline: showing saved information from {age}."
                ).replace("{age}", when)
            return QCoreApplication.translate("Flow", "Information from {age}.").replace(
                "{age}", when
            )
        return ""

    def _offline_warning(self) -> str:
        if self.online() is False:
            return QCoreApplication.translate(
                "Flow",
                "The kiosk is offline. Your request will be saved and sent as soon as the "
                "connection is back; until then it waits for confirmation.",
            )
        return ""
