"""Every page, at every text size and in every language: targets, text sizes, accessible
names and clipping are measured on the live widgets. Themes change colours only (checked
here and in tests/unit/ui/test_theme.py), so the audit runs in the light theme."""

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


def test_every_page_every_size_every_language(window: MainWindow) -> None:
    theme = window.theme.name
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
            for _ in range(3):  # a page restyled as it is shown lays out in a few passes
                QApplication.processEvents()
            failures += [f"{theme}/{scale}%/{locale}/{page}: {p}" for p in audit(window, scale)]
    assert not failures, "\n".join(failures[:40])


def _geometry(window: MainWindow) -> dict[str, tuple[int, int, int, int]]:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    shown = [w for w in window.findChildren(QWidget) if w.isVisible()]
    return {
        f"{type(w).__name__}/{w.objectName()}/{n}": (
            *w.mapTo(window, QPoint(0, 0)).toTuple(),
            w.width(),
            w.height(),
        )
        for n, w in enumerate(shown)
    }


def test_every_page_has_the_same_layout_in_every_theme(window: MainWindow) -> None:
    """The audit above runs in one theme: the other themes move nothing, on any page (at
    the largest text size, where any difference in borders or padding shows most)."""
    window.set_text_scale(200)
    for page in sorted(window.pages):
        layouts = []
        for theme in sorted(THEMES):
            window.set_theme(theme)
            window.go_home()
            if page != "home":
                window.show_page(page)
            QApplication.processEvents()
            layouts.append(_geometry(window))
        assert all(layout == layouts[0] for layout in layouts), page


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
            for _ in range(3):
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
