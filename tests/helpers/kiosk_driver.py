"""The real kiosk window driven by objectName, as a person would, against the real hub.

Shared by the end-to-end service tests: keypad keys, ``choice.<id>``, buttons.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kiosk.cli.sync import enrol
from kiosk.testing import build_main_window, close_main_window, kiosk_app_of
from tests.helpers.hub_process import HubProcess
from ui.main_window import MainWindow

WAIT_MS = 30_000


def fast_sync() -> object:
    """The production sync worker with test timings: status every second, a retry within a
    second or two of the hub coming back (production: 15 s polls, backoff up to 5 min)."""
    from services.sync_engine import SyncConfig

    return SyncConfig(status_interval=1.0, idle_interval=5.0, backoff_base=0.2, backoff_cap=1.5)


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    with HubProcess(tmp_path / "hub") as running:
        yield running


class Kiosk:
    """The real kiosk window plus the few moves a senior makes."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.app = kiosk_app_of(window)

    def page(self) -> Any:
        return self.window.pages[self.window.current_page()]

    def button(self, name: str) -> QAbstractButton:
        button = self.page().findChild(QAbstractButton, name)
        assert button is not None, f"no {name} on {self.window.current_page()}"
        return button

    def tap(self, name: str, then: str | None = None) -> None:
        button = self.button(name)
        assert button.isEnabled(), f"{name} is disabled"
        button.click()
        if then is not None:
            self.wait_page(then)

    def wait_page(self, name: str) -> None:
        self.qtbot.waitUntil(lambda: self.window.current_page() == name, timeout=WAIT_MS)

    def wait_online(self) -> None:
        label = self.window.header.connection
        self.qtbot.waitUntil(lambda: label.plain_text() == "已连接服务中心", timeout=WAIT_MS)

    def identify(self, number: str, then: str = "appointments", tile: str = "appointments") -> None:
        self.window.home.tiles[tile].click()
        self.wait_page("identify")
        for char in number:
            self.tap(f"keypad.{char.lower()}")
        self.tap("keypad.enter", then)

    def choices(self) -> list[str]:
        return [item.id for item in self.page().choices.items()]

    def choose(self, item_id: str, then: str) -> None:
        self.page().choices.show_item(item_id)
        self.tap(f"choice.{item_id}", then)

    def wake_sync(self) -> None:
        worker = self.app.sync_worker
        assert worker is not None
        worker.wake()


@pytest.fixture
def make_kiosk(qtbot: QtBot, tmp_path: Path, hub: HubProcess) -> Iterator[Any]:
    built: list[MainWindow] = []

    def factory(name: str = "kiosk", **settings: Any) -> Kiosk:
        data_dir = tmp_path / name
        assert enrol(data_dir, hub.url, hub.enrolment_code(), name) == 0
        settings.setdefault("sync_config", fast_sync())
        window = build_main_window(data_dir, **settings)
        built.append(window)
        kiosk = Kiosk(qtbot, window)
        kiosk.wait_online()
        return kiosk

    yield factory
    for window in built:
        close_main_window(window)
        window.deleteLater()
