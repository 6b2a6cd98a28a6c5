"""Contrast and size rules computed from the theme numbers themselves."""

from __future__ import annotations

import re

import pytest

from ui.theme import BODY_PX, LINE_HEIGHT, THEMES, TITLE_PX, contrast_ratio, stylesheet


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_text_pair_meets_aaa_contrast(name: str) -> None:
    theme = THEMES[name]
    for role, fg, bg in theme.text_pairs():
        assert contrast_ratio(fg, bg) >= 7.0, f"{name}/{role}: {contrast_ratio(fg, bg):.2f}"


@pytest.mark.parametrize("name", sorted(THEMES))
def test_focus_ring_and_borders_are_visible(name: str) -> None:
    for role, fg, bg in THEMES[name].outline_pairs():
        assert contrast_ratio(fg, bg) >= 3.0, f"{name}/{role}"  # WCAG 1.4.11 non-text


def test_contrast_formula_known_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_minimum_sizes() -> None:
    assert BODY_PX >= 28 and TITLE_PX >= 40 and LINE_HEIGHT >= 1.3


@pytest.mark.parametrize("scale", [100, 125, 150, 200])
def test_stylesheet_never_uses_text_below_body_size(scale: int) -> None:
    sizes = [int(s) for s in re.findall(r"font-size: (\d+)px", stylesheet(THEMES["light"], scale))]
    assert min(sizes) >= round(BODY_PX * scale / 100)


_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b")


@pytest.mark.parametrize("scale", [100, 125, 150, 200])
def test_themes_differ_only_in_colours(scale: int) -> None:
    """Why the layout audit runs in one theme: every theme's style sheet is the same text
    once its colours are taken out, and a theme holds nothing but colours."""
    sheets = {_COLOUR.sub("#colour", stylesheet(theme, scale)) for theme in THEMES.values()}
    assert len(sheets) == 1
    for theme in THEMES.values():
        values = {k: v for k, v in vars(theme).items() if k != "name"}
        assert all(_COLOUR.fullmatch(v) for v in values.values()), theme.name
