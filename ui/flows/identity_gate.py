"""Ask who the senior is once per session, then let any service carry on.

The person's checked ID lives only in the session mapping (memory, never the disk or the
log) and goes with the privacy wipe. A helper may type it for the senior.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject

from services.benefits import Facts
from services.identity import ResidentId
from ui.main_window import MainWindow

PERSON_KEY = "person"
FACTS_KEY = "facts"  # what the senior told us this session (hukou, dibao ...): benefits.Facts
PRESENCE_KEY = "presence"  # (session id, when and how the ID was entered here)
HELPER_KEY = "helper"  # set by helper mode (ui/admin/controller.py)


class IdentityGate(QObject):
    def __init__(self, window: MainWindow, page: Any, session: MutableMapping[str, Any]) -> None:
        super().__init__(window)
        self._window = window
        self._page = page
        self._session = session
        self._then: Callable[[ResidentId], None] | None = None
        page.identified.connect(self._identified)
        window.session_reset.connect(self.forget)

    def person(self) -> ResidentId | None:
        person = self._session.get(PERSON_KEY)
        return person if isinstance(person, ResidentId) else None

    def require(self, purpose: str | Callable[[], str], then: Callable[[ResidentId], None]) -> None:
        """Call ``then(person)`` now if known, else after the ID page succeeds."""
        person = self.person()
        if person is not None:
            then(person)
            return
        self._then = then
        self._page.reset()
        self._page.set_locale(self._window.locale)
        self._page.set_purpose_text(purpose)
        self._window.show_page(self._page.name)

    def kiosk_session(self) -> Any:
        """What shows the hub that the person asking is at this kiosk now
        (``services.protocol.KioskSession``): the session in which the ID was entered here,
        how, and the helper acting, if any; None before anyone was identified."""
        presence = self._session.get(PRESENCE_KEY)
        if presence is None:
            return None
        from services.protocol import KioskSession

        session_id, identified_at, entry = presence
        helper = self._session.get(HELPER_KEY)
        helper_id = str(getattr(helper, "name", helper))[:64] if helper else None
        return KioskSession(
            session_id=session_id, identified_at=identified_at, entry=entry, helper_id=helper_id
        )

    def facts(self) -> Facts:
        """Answers given this session, so meals and benefits never ask the same thing twice."""
        known = self._session.get(FACTS_KEY)
        if isinstance(known, Facts):
            return known
        person = self.person()
        return Facts(age=person.age if person is not None else None)

    def remember(self, facts: Facts) -> None:
        self._session[FACTS_KEY] = facts

    def forget(self) -> None:
        self._then = None
        self._session.pop(PERSON_KEY, None)
        self._session.pop(FACTS_KEY, None)
        self._session.pop(PRESENCE_KEY, None)

    def _identified(self, person: ResidentId) -> None:
        self._session[PERSON_KEY] = person
        # One session id until the privacy wipe, even when a helper enters a second person.
        known = self._session.get(PRESENCE_KEY)
        session_id = known[0] if known else uuid.uuid4()
        entry = getattr(self._page, "entered_by", "keypad")
        self._session[PRESENCE_KEY] = (session_id, datetime.now(UTC), entry)
        then, self._then = self._then, None
        if then is not None:
            then(person)
