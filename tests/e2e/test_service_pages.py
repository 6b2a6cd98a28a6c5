"""Every service screen (appointments, meals, benefits), filled with content by walking
the real flow, passes the accessibility audit at every text size and in every language, and
on the smaller screen; no set of four or fewer answers is split over screens, and no list
opens on a choice that cannot be taken. Themes change colours only
(tests/e2e/test_accessibility.py), so the audit runs in the light theme. Each page is walked
to once and audited at both sizes.
Also: each page is listed by ``yijiantong screenshot --list``."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import preview
from kiosk.testing import build_main_window, close_main_window, kiosk_app_of
from ui.audit import audit, audit_choices
from ui.flows import appointments, benefits, meals
from ui.i18n import LOCALES
from ui.main_window import MainWindow

SCALES = (100, 125, 150, 200)
LARGE, SMALL = (1920, 1080), (1280, 1024)
# English benefit names run longer than one line at 200 %, so three two-line results
# cannot share one screen with the call-back button; Chinese ones do (checked).
ENGLISH_AT_200_SPLITS = {(200, "en", "benefits.result", "split answers")}
WALKED = ("identify", "phone", *appointments.PAGES, *meals.PAGES, *benefits.PAGES)


@pytest.fixture
def walked(qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[MainWindow]:
    page = request.param
    preview.prepare_store(str(tmp_path))
    window = build_main_window(tmp_path, size=LARGE)
    qtbot.waitExposed(window)
    try:
        preview.show_page(kiosk_app_of(window), page)
        assert window.current_page() == page
        yield window
    finally:
        close_main_window(window)
        window.deleteLater()


def _audit_all(window: MainWindow, scales: tuple[int, ...]) -> list[str]:
    page = window.current_page()
    size = f"{window.width()}x{window.height()}"
    failures: list[str] = []
    for scale, locale in itertools.product(scales, LOCALES):
        window.set_text_scale(scale)
        window.set_locale(locale)
        for _ in range(3):  # a restyle posts layout requests that post more
            QApplication.processEvents()
        assert window.current_page() == page
        shown = window.pages[page]
        assert shown.title.plain_text(), f"{page} has no title in {locale}"
        # Staff pages have a text size of their own, whatever the senior chose.
        problems = audit(window, getattr(shown, "own_scale", None) or scale) + [
            p
            for p in audit_choices(window)
            if (scale, locale, page, p.kind) not in ENGLISH_AT_200_SPLITS
        ]
        failures += [f"{size}/{scale}%/{locale}/{page}: {p}" for p in problems]
    return failures


@pytest.mark.parametrize("walked", WALKED, indirect=True)
def test_page_at_every_size_and_language_and_on_the_smaller_screen(walked: MainWindow) -> None:
    failures = _audit_all(walked, SCALES)
    walked.resize(*SMALL)  # supported smaller displays (README): 100 % and 125 % only
    failures += _audit_all(walked, (100, 125))
    assert not failures, "\n".join(failures[:30])


def test_every_service_page_is_listed_for_screenshots() -> None:
    from kiosk.preview.screenshot import page_names

    assert set(WALKED) <= set(page_names())


ADMIN_AUDITED = ("admin.pin", "admin.menu", "admin.status", "admin.settings.speech")


@pytest.mark.parametrize("walked", ADMIN_AUDITED, indirect=True)
def test_staff_pages_keep_their_own_size_at_every_senior_text_size(walked: MainWindow) -> None:
    """A senior's 200 % is not the staff's: the PIN keypad and the admin pages pass the
    audit (keys neither overlapping nor cut, the bottom row whole) at every size the
    senior may have left the kiosk in."""
    failures = _audit_all(walked, SCALES)
    assert not failures, "\n".join(failures[:30])
