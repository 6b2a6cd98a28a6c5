"""The on-screen text keyboard, on live widgets: typing, Shift, Delete, Done, sizes, and
opening/closing on a real admin settings page (the real kiosk window, real config.toml).

Keys are pressed with real mouse clicks (pytest-qt) so the "keys never take focus"
design is exercised: a key that stole focus would close the keyboard mid-word.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.config import load_config
from kiosk.testing import build_main_window, close_main_window
from tests.e2e.test_admin import WAIT_MS, Admin, set_pin
from ui.admin.common import AdminPage, text_field
from ui.audit import audit
from ui.main_window import MainWindow
from ui.theme import MIN_CONTROL_PX, THEMES, stylesheet
from ui.widgets.text_keyboard import ROWS, SYMBOL_NAMES, TextKeyboard, key_name

TYPABLE = "abcdefghijklmnopqrstuvwxyz0123456789" + "".join(SYMBOL_NAMES) + " "


class Host(AdminPage):
    name = "test.keyboard"

    def retranslate(self) -> None:
        pass


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[tuple[Host, QLineEdit, QLineEdit]]:
    page = Host()
    page.setStyleSheet(stylesheet(THEMES["light"], 100))
    first = text_field(page, "field.first")
    second = text_field(page, "field.second", secret=True)
    page.body.addWidget(first)
    page.body.addWidget(second)
    page.resize(1280, 800)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    yield page, first, second


def key(page: AdminPage, name: str) -> QPushButton:
    button = page.keyboard.findChild(QPushButton, f"keyboard.{name}")
    assert button is not None, name
    return button


def tap(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(10, widget.height() // 2))


def type_text(qtbot: QtBot, page: AdminPage, text: str) -> None:
    for char in text:
        if char.isupper() != page.keyboard.keys["shift"].isChecked():
            tap(qtbot, key(page, "shift"))
        name = "space" if char == " " else key_name(char.lower())
        tap(qtbot, key(page, name))


def test_typing_a_hub_address_by_tapping_keys(qtbot: QtBot, host: Any) -> None:
    page, first, _ = host
    assert not page.keyboard.isVisible()
    tap(qtbot, first)
    assert page.keyboard.isVisible() and first.hasFocus()
    type_text(qtbot, page, "http://10.0.0.2:8080")
    assert first.text() == "http://10.0.0.2:8080"
    assert first.hasFocus() and page.keyboard.isVisible()  # keys never took focus


def test_shift_gives_capitals_and_shows_them(qtbot: QtBot, host: Any) -> None:
    page, first, _ = host
    tap(qtbot, first)
    tap(qtbot, key(page, "shift"))
    assert key(page, "q").text() == "Q"
    tap(qtbot, key(page, "q"))
    tap(qtbot, key(page, "a"))
    tap(qtbot, key(page, "shift"))
    assert key(page, "q").text() == "q"
    tap(qtbot, key(page, "b"))
    assert first.text() == "QAb"


def test_delete_clear_and_the_password_field(qtbot: QtBot, host: Any) -> None:
    page, _, second = host
    tap(qtbot, second)
    assert page.keyboard.target() is second
    type_text(qtbot, page, "sip1")
    tap(qtbot, key(page, "backspace"))
    assert second.text() == "sip"
    tap(qtbot, key(page, "clear"))
    assert second.text() == ""


def test_done_closes_and_acts_like_enter(qtbot: QtBot, host: Any) -> None:
    page, first, _ = host
    entered: list[str] = []
    first.returnPressed.connect(lambda: entered.append(first.text()))
    tap(qtbot, first)
    type_text(qtbot, page, "ok")
    tap(qtbot, key(page, "done"))
    assert entered == ["ok"]
    assert not page.keyboard.isVisible()
    tap(qtbot, first)  # tapping the focused field again reopens it
    assert page.keyboard.isVisible()


def test_enter_on_a_plugged_in_keyboard_also_closes_it(qtbot: QtBot, host: Any) -> None:
    page, first, _ = host
    entered: list[str] = []
    first.returnPressed.connect(lambda: entered.append(first.text()))
    tap(qtbot, first)
    qtbot.keyClicks(first, "hub")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert entered == ["hub"] and not page.keyboard.isVisible()


def test_it_follows_focus_between_fields_and_closes_when_focus_leaves(
    qtbot: QtBot, host: Any
) -> None:
    page, first, second = host
    tap(qtbot, first)
    tap(qtbot, second)
    assert page.keyboard.isVisible() and page.keyboard.target() is second
    tap(qtbot, key(page, "a"))
    assert second.text() == "a" and first.text() == ""
    outside = QPushButton("elsewhere", page)
    page.body.addWidget(outside)
    outside.show()
    outside.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: not page.keyboard.isVisible())


def test_focus_by_program_does_not_pop_the_keyboard_up(qtbot: QtBot, host: Any) -> None:
    """A page focusing its first control on entry must not cover itself with keys."""
    page, first, _ = host
    first.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(first.hasFocus)
    assert not page.keyboard.isVisible()


@pytest.mark.parametrize("scale", [100, 150, 200])
def test_every_key_is_at_least_64_px(qtbot: QtBot, host: Any, scale: int) -> None:
    page, first, _ = host
    page.setStyleSheet(stylesheet(THEMES["light"], scale))
    page.apply_theme(THEMES["light"], scale)
    page.resize(1920, 820)  # what the admin page gets of a 1080 px screen
    tap(qtbot, first)
    names = [key_name(k) for row in ROWS for k, _ in row]
    assert len(names) == len(set(names)) == len(page.keyboard.keys)
    for name in names:
        button = key(page, name)
        assert button.height() >= MIN_CONTROL_PX, (name, button.height())
        assert button.width() >= MIN_CONTROL_PX, (name, button.width())
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    # Every row equally tall, so the rows line up (and a word key is as big as a letter).
    assert {key(page, name).height() for name in names} == {page.keyboard.key_height()}
    if scale == 100:
        assert key(page, "a").height() >= 76  # full size when there is room
    # Rows never overlap, and the last one is on the page (at 200 % the keys shrink to fit).
    tops = [key(page, key_name(row[0][0])).mapTo(page, QPoint(0, 0)).y() for row in ROWS]
    assert all(b - a >= page.keyboard.key_height() for a, b in pairwise(tops))
    assert tops[-1] + page.keyboard.key_height() <= page.height()


@pytest.mark.parametrize(("scale", "theme"), [(100, "light"), (150, "dark")])
def test_the_open_keyboard_passes_the_accessibility_audit(
    qtbot: QtBot, host: Any, scale: int, theme: str
) -> None:
    page, first, _ = host
    page.setStyleSheet(stylesheet(THEMES[theme], scale))
    page.apply_theme(THEMES[theme], scale)
    page.resize(1920, 820)
    tap(qtbot, first)
    tap(qtbot, key(page, "shift"))  # the checked look too
    assert audit(page.keyboard, scale) == []


@settings(max_examples=30, deadline=None)
@given(text=st.text(alphabet=TYPABLE, max_size=20), cursor=st.integers(0, 5))
def test_typing_inserts_at_the_cursor(qapp: QApplication, text: str, cursor: int) -> None:
    board = TextKeyboard()
    field = QLineEdit("start")
    try:
        field.setCursorPosition(cursor)
        board.open_for(field)
        for char in text:
            board.press("space" if char == " " else char)
        assert field.text() == "start"[:cursor] + text + "start"[cursor:]
    finally:
        board.deleteLater()
        field.deleteLater()


# -- on the real admin screen ---------------------------------------------------------------
@pytest.fixture
def make_admin(qtbot: QtBot, tmp_path: Path) -> Iterator[Any]:
    built: list[MainWindow] = []

    def make(**settings: Any) -> Admin:
        data_dir = tmp_path / "kiosk"
        set_pin(data_dir)
        window = build_main_window(data_dir, locale="en", size=(1920, 1080), **settings)
        qtbot.waitExposed(window)
        built.append(window)
        return Admin(qtbot, window)

    yield make
    for window in built:
        close_main_window(window)
        window.deleteLater()


@pytest.fixture
def admin(make_admin: Any) -> Admin:
    built: Admin = make_admin()
    return built


def open_kiosk_settings(qtbot: QtBot, admin: Admin) -> Any:
    admin.sign_in()
    admin.tap("admin.open.settings.kiosk")
    admin.wait_page("admin.settings.kiosk")
    page = admin.page()
    # The rebuilt editors are shown by the event loop.
    qtbot.waitUntil(lambda: page.findChild(QLineEdit, "field.kiosk_name").isVisible())
    return page


def test_at_200_percent_the_keys_shrink_to_fit_the_screen(qtbot: QtBot, make_admin: Any) -> None:
    admin = make_admin(text_scale=200)
    page = open_kiosk_settings(qtbot, admin)
    field = page.findChild(QLineEdit, "field.kiosk_name")
    tap(qtbot, field)
    board = page.keyboard
    assert board.isVisible()  # laid out at once: the page activates its layout on opening
    height = board.key_height()
    assert height >= 64
    tops = [key(page, key_name(row[0][0])).mapTo(page, QPoint(0, 0)).y() for row in ROWS]
    assert all(b - a >= height for a, b in pairwise(tops)), tops
    assert tops[-1] + height <= page.height()
    assert field.mapTo(page, QPoint(0, field.height())).y() <= board.y()


def test_kiosk_name_typed_on_screen_is_saved(qtbot: QtBot, admin: Admin) -> None:
    page = open_kiosk_settings(qtbot, admin)
    assert not page.keyboard.isVisible()  # entering the page does not open it
    field = page.findChild(QLineEdit, "field.kiosk_name")
    tap(qtbot, field)
    assert page.keyboard.isVisible()
    # The field stays visible above the keyboard.
    top = field.mapTo(page, QPoint(0, 0)).y()
    assert top + field.height() <= page.keyboard.geometry().top()
    field.clear()
    type_text(qtbot, page, "Centre 3")
    tap(qtbot, key(page, "done"))
    admin.wait_message("Saved")
    assert not admin.page().keyboard.isVisible()
    assert admin.app.config.config.kiosk_name == "Centre 3"
    qtbot.waitUntil(
        lambda: load_config(admin.app.config.path, environ={}).config.kiosk_name == "Centre 3",
        timeout=WAIT_MS,
    )
    # Saving rebuilt the page and moved focus on; that must not reopen the keyboard.
    QApplication.processEvents()
    assert not admin.page().keyboard.isVisible()


def test_a_field_low_on_the_page_is_scrolled_above_the_keyboard(qtbot: QtBot, admin: Admin) -> None:
    page = open_kiosk_settings(qtbot, admin)
    page.scroller.verticalScrollBar().setValue(0)
    viewport = page.scroller.viewport()

    def bottom(field: QLineEdit) -> int:
        return field.mapTo(viewport, QPoint(0, field.height())).y()

    # The lowest field that is on screen before the keyboard takes the bottom of the page.
    fields = [f for f in page.findChildren(QLineEdit) if f.isVisible()]
    field = max((f for f in fields if bottom(f) <= viewport.height()), key=bottom)
    assert bottom(field) > viewport.height() - page.keyboard.sizeHint().height()
    tap(qtbot, field)
    qtbot.waitUntil(
        lambda: bottom(field) <= viewport.height() and field.mapTo(viewport, QPoint(0, 0)).y() >= 0,
        timeout=WAIT_MS,
    )
    assert viewport.mapTo(page, QPoint(0, viewport.height())).y() <= page.keyboard.y()


@pytest.mark.parametrize("theme_name", sorted(THEMES))
def test_text_fields_and_what_is_typed_show_in_both_themes(
    qtbot: QtBot, make_admin: Any, theme_name: str
) -> None:
    """On the real settings page the dark theme's fields were black on black (Qt's
    palette(text) is dark in both themes). Rendered pixels, not style strings: the border
    and the typed text must be in the theme's text colour, on its background."""
    theme = THEMES[theme_name]
    admin = make_admin(theme=theme_name, text_scale=200)
    page = open_kiosk_settings(qtbot, admin)
    field = page.findChild(QLineEdit, "field.kiosk_name")
    field.setText("WWWW")
    image = field.grab().toImage()
    text, background = QColor(theme.text), QColor(theme.window_bg)
    middle = image.height() // 2
    # The frame on all four sides (where to tap), the typed letters, the field's inside.
    edges = [(1, middle), (image.width() - 2, middle), (image.width() // 2, 1)]
    edges.append((image.width() // 2, image.height() - 2))
    assert [image.pixelColor(x, y) for x, y in edges] == [text] * 4, theme_name
    glyphs = [image.pixelColor(x, middle) for x in range(8, image.width() // 4)]
    assert text in glyphs, theme_name
    assert image.pixelColor(image.width() - 12, middle) == background
