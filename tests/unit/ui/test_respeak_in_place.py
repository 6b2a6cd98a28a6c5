"""When a page says its content changed in place (``Page.spoken_content_changed``), for the
voice bridge to say it again: after ``show_content`` and after each turn of the choices'
screens, with the new words already in ``spoken_text()``; never on a mere repaint.

Real widgets only (offscreen Qt); the bridge's side is tested end to end in
tests/e2e/test_voice_respeak.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.pages.flow_page import Action, ChoiceItem, FlowPage
from ui.theme import THEMES

DAYS = [ChoiceItem(f"day{n}", f"Day {n:02}\nPlaces left: {n}") for n in range(1, 14)]


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[FlowPage]:
    shown = FlowPage("test.days")
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.apply_theme(THEMES["light"], 100)
    shown.show()
    yield shown


def spoken_at_each_change(page: FlowPage) -> list[str]:
    said: list[str] = []
    page.spoken_content_changed.connect(lambda: said.append(page.spoken_text()))
    return said


def test_show_content_announces_the_new_words(page: FlowPage) -> None:
    said = spoken_at_each_change(page)
    page.show_content(title="Which day?", choices=DAYS, actions=[Action("button.x", "X")])
    assert len(said) == 1
    assert said[0].startswith("Which day?") and "Day 01, Places left: 1" in said[0]


def test_each_turn_of_the_screens_announces_the_screen_turned_to(page: FlowPage) -> None:
    page.show_content(title="Which day?", choices=DAYS)
    said = spoken_at_each_change(page)
    first = page.choices.visible_items()
    page.choices.more.click()
    second = page.choices.visible_items()
    assert second != first
    page.choices.previous.click()
    assert len(said) == 2
    assert second[0].text.split("\n")[0] in said[0]
    assert first[0].text.split("\n")[0] not in said[0]
    assert first[0].text.split("\n")[0] in said[1]


def test_voice_next_turns_the_screen_and_announces_it(page: FlowPage, qtbot: QtBot) -> None:
    page.show_content(title="Which day?", choices=DAYS)
    said = spoken_at_each_change(page)
    first = page.choices.visible_items()[0]
    assert page.voice_command("next", None)
    assert len(said) == 1 and first.text.split("\n")[0] not in said[0]

    # What may be said next (read at the next press of "speak", after Qt has shown the
    # new buttons): this screen's choices, not the last one's.
    def grammar() -> set[str]:
        return {c.id for c in page.voice_grammar().choices if c.id.startswith("choice.")}

    shown = {f"choice.{i.id}" for i in page.choices.visible_items()}
    qtbot.waitUntil(lambda: grammar() == shown)
    assert f"choice.{first.id}" not in shown


@pytest.mark.parametrize("scale", [100, 200])
def test_repaints_and_resizes_do_not_announce(page: FlowPage, qtbot: QtBot, scale: int) -> None:
    page.show_content(title="Which day?", choices=DAYS)
    said = spoken_at_each_change(page)
    page.update()
    page.repaint()
    page.resize(900, 700)
    page.hide()
    page.show()
    page.apply_theme(THEMES["light"], scale)
    qtbot.waitExposed(page)
    assert said == []
