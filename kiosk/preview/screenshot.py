"""``yijiantong screenshot``: render any page offscreen to a PNG, for docs and review."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from kiosk.app import AppOptions, KioskApp


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise ValueError(f"size must look like 1920x1080, not {text!r}") from exc
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise ValueError(f"size {text!r} is outside 320x240 .. 7680x4320")
    return width, height


def _options(data_dir: str, overrides: dict[str, object]) -> AppOptions:
    return AppOptions(
        data_dir=data_dir,
        overrides={"fullscreen": False, **overrides},
        install_signal_handlers=False,
        capture_crashes=False,
        log_to_stderr=False,
        defer_services=False,
    )


def page_names() -> list[str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="yijiantong-shot-") as tmp:
        app = KioskApp(_options(tmp, {}))
        window = app.start()
        try:
            names = set(window.pages)
        finally:
            app.shutdown()
    from kiosk.preview.admin import PAGES as ADMIN_PAGES
    from kiosk.preview.emergency import WALK_NAMES as EMERGENCY_STATES

    # The emergency screen's states and the admin pages are reached only by a walk.
    return sorted(names | EMERGENCY_STATES | set(ADMIN_PAGES))


def _copy_settings(data_dir: str, into: str) -> None:
    from kiosk.paths import resolve_paths

    settings = resolve_paths(data_dir).config_file
    if settings.is_file():
        shutil.copyfile(settings, Path(into) / settings.name)


def take_screenshot(
    page: str,
    out: Path,
    *,
    locale: str | None = None,
    theme: str | None = None,
    scale: int | None = None,
    size: tuple[int, int] = (1920, 1080),
    data_dir: str | None = None,
) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    overrides = {"locale": locale, "theme": theme, "text_scale": scale}
    with tempfile.TemporaryDirectory(prefix="yijiantong-shot-") as tmp:
        from kiosk import preview

        walked = preview.has_walk(page)
        if walked:
            # A walk books, orders, raises alarms and adds sample helpers with known PINs:
            # never in a real kiosk's data. It runs in a throw-away folder, with the given
            # kiosk's settings (name, theme, ...) copied in so the picture still looks like it.
            if data_dir is not None:
                _copy_settings(data_dir, tmp)
            preview.prepare_store(tmp)
            data_dir = None
            overrides["hub_url"] = ""  # and it talks to no real service hub
        app = KioskApp(
            _options(data_dir or tmp, {k: v for k, v in overrides.items() if v is not None})
        )
        window = app.start()
        try:
            if page not in window.pages and not walked:
                raise KeyError(
                    f"unknown page {page!r}; known pages: {', '.join(sorted(window.pages))}"
                )
            window.resize(*size)
            window.show()
            if walked:
                preview.show_page(app, page)
            elif page != "home":
                window.show_page(page)
            assert app.qapp is not None
            # Several passes: a layout change can show a scroll bar, which lays out again.
            for _ in range(3):
                app.qapp.processEvents()
            out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(out), "PNG"):
                raise OSError(f"could not write {out}")
            return out
        finally:
            app.shutdown()
