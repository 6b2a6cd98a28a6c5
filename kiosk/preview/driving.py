"""Driving the real kiosk window for previews: wait for a page, press a button by name,
identify the invented sample person."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QAbstractButton

from services.identity import ResidentId, check_character, parse_resident_id

DEMO_ID_17 = "31010119450220123"  # invented: Huangpu, born 20 Feb 1945
DEMO_ID = DEMO_ID_17 + check_character(DEMO_ID_17)


def sample_person() -> ResidentId:
    return parse_resident_id(DEMO_ID, today=date.today())


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Run the event loop until ``condition()`` holds (data answers arrive through it)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the kiosk did not reach the expected screen in time")
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()


def click(window: Any, name: str) -> None:
    page = window.pages[window.current_page()]
    button = page.findChild(QAbstractButton, name)
    if button is None:
        raise LookupError(f"no {name} on page {window.current_page()}")
    button.click()


def step(window: Any, name: str, expect: str) -> None:
    click(window, name)
    wait_for(lambda: window.current_page() == expect)


def identify_for(window: Any, kiosk: Any, flow: Any, expect: str) -> None:
    flow.start()
    wait_for(lambda: window.current_page() == "identify")
    window.pages["identify"].identified.emit(sample_person())
    wait_for(lambda: window.current_page() == expect)


def then(before: Callable[[Any, Any], None], name: str, expect: str) -> Callable[[Any, Any], None]:
    """A walk: ``before``, then tap ``name`` and wait for page ``expect``."""

    def walk(w: Any, k: Any) -> None:
        before(w, k)
        step(w, name, expect)

    return walk
