"""Fixtures that build the real kiosk window (kiosk.testing) and tear it down."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.testing import build_main_window, close_main_window

# The real hub and kiosks enrolled with it, for the end-to-end service tests.
from tests.helpers.kiosk_driver import hub, make_kiosk  # noqa: F401
from ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowFactory]:
    built: list[MainWindow] = []

    def factory(**settings: Any) -> MainWindow:
        data_dir = tmp_path / f"kiosk{len(built)}"
        window = build_main_window(data_dir, **settings)
        qtbot.waitExposed(window)
        built.append(window)
        return window

    yield factory
    for window in built:
        close_main_window(window)
        window.deleteLater()


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()


def find(window: MainWindow, object_name: str) -> Any:
    from PySide6.QtWidgets import QWidget

    widget = window.findChild(QWidget, object_name)
    assert widget is not None, f"no widget named {object_name}"
    return widget
