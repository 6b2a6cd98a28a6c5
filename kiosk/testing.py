"""Entry points for tests and automation outside the package (docs/architecture.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.app import AppOptions, KioskApp
from ui.main_window import MainWindow

_APP_OPTION_KEYS = {"idle_timeout_ms", "idle_warning_ms", "sync_config", "auto_purge_first_ms"}


def build_main_window(
    data_dir: str | os.PathLike[str],
    hub_url: str | None = None,
    locale: str = "zh_CN",
    *,
    size: tuple[int, int] = (1920, 1080),
    **settings: Any,
) -> MainWindow:
    """Build the real kiosk (windowed) and return its shown main window.

    ``settings`` are configuration options (``theme="dark"``, ``text_scale=150``, ...);
    ``idle_timeout_ms`` / ``idle_warning_ms`` shorten the real idle timers for tests, and
    ``sync_config`` (a ``services.sync_engine.SyncConfig``) the sync worker's timings.
    The event loop is not entered. Call ``close_main_window(window)`` when done.
    """
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app_options = {k: settings.pop(k) for k in list(settings) if k in _APP_OPTION_KEYS}
    overrides: dict[str, Any] = {"locale": locale, "fullscreen": False, **settings}
    if hub_url is not None:
        overrides["hub_url"] = hub_url
    kiosk = KioskApp(
        AppOptions(
            data_dir=str(Path(data_dir)),
            overrides=overrides,
            install_signal_handlers=False,
            capture_crashes=False,
            log_to_stderr=False,
            defer_services=False,
            **app_options,
        )
    )
    window = kiosk.start()
    window.resize(*size)
    window.show()
    return window


def kiosk_app_of(window: MainWindow) -> KioskApp:
    app = getattr(window, "kiosk_app", None)
    assert isinstance(app, KioskApp)
    return app


def close_main_window(window: MainWindow) -> None:
    kiosk_app_of(window).shutdown()
