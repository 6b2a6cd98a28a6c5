"""How choices are laid out in the space there is (``plan_layout``, a pure function of
the labels' measured sizes and the space; the live pages are audited in
tests/e2e/test_service_pages.py)."""

from __future__ import annotations

from PySide6.QtCore import QSize

from ui.widgets.choice_grid import PER_SCREEN, Plan, plan_layout

SHORT = QSize(300, 110)


def _plan(count: int, height: int, *, label: QSize = SHORT, width: int = 1856) -> Plan:
    return plan_layout(
        [label] * count,
        [False] * count,
        width=width,
        height=height,
        paging_px=80,
        tallest_px=240,
    )


def test_three_answers_share_one_screen_where_a_fixed_two_rows_would_split_them() -> None:
    plan = _plan(3, 380)
    assert len(plan.screens) == 1 and plan.fits


def test_a_small_set_fills_free_space_with_taller_targets_up_to_the_limit() -> None:
    plan = _plan(3, 900)
    assert plan.columns == 1
    assert plan.screens[0].row_px == 240


def test_twelve_choices_page_at_most_six_a_screen() -> None:
    plan = _plan(12, 2000)
    assert [len(s.placed) for s in plan.screens] == [PER_SCREEN, PER_SCREEN]


def test_labels_too_wide_for_half_the_width_get_one_wide_column() -> None:
    plan = _plan(4, 900, label=QSize(1000, 110))
    assert plan.columns == 1 and len(plan.screens) == 1
