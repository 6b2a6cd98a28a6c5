"""A page stack with back and home, shared by every flow.

Pages are named; the history is a list of names so "back" always goes to the page the
person actually came from, and "home" clears it. The idle-warning page is transient:
going back from it returns to where the person was.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget


class Navigator(QObject):
    changed = Signal(str)

    def __init__(self, stack: QStackedWidget, pages: Mapping[str, QWidget], home: str) -> None:
        super().__init__(stack)
        self._stack = stack
        self._pages = pages
        self._home = home
        self._history: list[str] = [home]
        self._stack.setCurrentWidget(pages[home])

    def current(self) -> str:
        return self._history[-1]

    def history(self) -> list[str]:
        return list(self._history)

    def go(self, name: str, *, after: str | None = None) -> None:
        """Show ``name``. With ``after``, "back" from it leads to ``after`` (the history is cut
        back to its last ``after``): a finished booking must not lead back into the form."""
        if name not in self._pages:
            raise KeyError(f"no page named {name!r}")
        if after is not None and after in self._history:
            del self._history[len(self._history) - self._history[::-1].index(after) :]
        if name == self.current():
            self._show()
            return
        if name == self._home:
            self.home()
            return
        self._history.append(name)
        self._show()

    def replace(self, name: str) -> None:
        """Show ``name`` in place of the current page (e.g. the ID page once it is done)."""
        if len(self._history) > 1:
            self._history.pop()
        self.go(name)

    def back(self) -> None:
        if len(self._history) > 1:
            self._history.pop()
            self._show()

    def home(self) -> None:
        self._history = [self._home]
        self._show()

    def reset(self) -> None:
        self.home()

    def _show(self) -> None:
        self._stack.setCurrentWidget(self._pages[self.current()])
        self.changed.emit(self.current())
