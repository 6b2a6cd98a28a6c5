"""Ask who the senior is once per session, then let any service carry on.

The person's checked ID lives only in the session mapping (memory, never the disk or the
log) and goes with the privacy wipe. A helper may type it for the senior.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from PySide6.QtCore import QObject

from services.benefits import Facts
from services.identity import ResidentId
from ui.main_window import MainWindow

PERSON_KEY = "person"
FACTS_KEY = "facts"  # what the senior told us this session (hukou, dibao ...): benefits.Facts


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

    def _identified(self, person: ResidentId) -> None:
        self._session[PERSON_KEY] = person
        then, self._then = self._then, None
        if then is not None:
            then(person)
