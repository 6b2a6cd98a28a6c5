"""Every page, in every theme, at every text size and in every language: targets,
text sizes, accessible names and clipping are measured on the live widgets."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtWidgets import QApplication

from tests.e2e.conftest import WindowFactory
from ui.audit import audit
from ui.i18n import LOCALES
from ui.main_window import MainWindow
from ui.theme import THEMES
from ui.widgets.labels import WrappedText

SCALES = (100, 125, 150, 200)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_page_every_size_every_language(window: MainWindow, theme: str) -> None:
    window.set_theme(theme)
    failures: list[str] = []
    for scale, locale in itertools.product(SCALES, LOCALES):
        window.set_text_scale(scale)
        window.set_locale(locale)
        for page in sorted(window.pages):
            window.go_home()
            if page != "home":
                window.show_page(page)
            if page in ("appointments", "meals"):
                window.speak_requested.emit()  # shows the "voice not set up" notice
            QApplication.processEvents()
            failures += [f"{theme}/{scale}%/{locale}/{page}: {p}" for p in audit(window, scale)]
    assert not failures, "\n".join(failures[:40])


@pytest.mark.parametrize(("size", "scales"), [((1280, 1024), (100, 125))])
def test_smaller_kiosk_screen(
    make_window: WindowFactory, size: tuple[int, int], scales: tuple[int, ...]
) -> None:
    """Supported smaller displays (README): 1280x1024 at 100 % and 125 %."""
    window = make_window(size=size)
    failures: list[str] = []
    for scale, locale in itertools.product(scales, LOCALES):
        window.set_text_scale(scale)
        window.set_locale(locale)
        for page in sorted(window.pages):
            window.go_home()
            if page != "home":
                window.show_page(page)
            QApplication.processEvents()
            failures += [f"{size}/{scale}%/{locale}/{page}: {p}" for p in audit(window, scale)]
    assert not failures, "\n".join(failures[:40])


def test_wrapped_text_line_spacing_is_at_least_1_3(window: MainWindow) -> None:
    window.show_page("emergency")
    label = window.pages["emergency"].message
    assert isinstance(label, WrappedText)
    label.set_text("\n".join(["line"] * 4))
    QApplication.processEvents()
    pixel = label.font().pixelSize()
    needed = label.heightForWidth(label.width())
    # Four lines must take at least 4 x 1.3 x the font size, plus nothing else.
    assert needed >= 4 * 1.3 * pixel


def test_controls_meet_minimums_in_the_big_numbers(window: MainWindow) -> None:
    for name in ("tile.appointments", "button.emergency"):
        widget = window.findChild(type(window.header.emergency).__mro__[1], name)
        assert widget is not None
        assert widget.height() >= 96
