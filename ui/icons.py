"""SVG icons drawn in the current theme's colours.

The SVG files in assets/icons use ``currentColor``; we substitute the colour of the
surface the icon sits on so icons keep the same >= 7:1 contrast as the text beside them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer


def _icons_dir() -> Path:
    # The folder importlib.resources.files("assets") / "icons" names, without importing
    # importlib.resources on the start-up path.
    import assets

    return Path(assets.__path__[0]) / "icons"


@cache
def _svg_source(name: str) -> str:
    return (_icons_dir() / f"{name}.svg").read_text(encoding="utf-8")


def icon_names() -> list[str]:
    folder = _icons_dir()
    return sorted(p.name.removesuffix(".svg") for p in folder.iterdir() if p.name.endswith(".svg"))


@cache
def icon_pixmap(name: str, colour: str, size: int) -> QPixmap:
    svg = _svg_source(name).replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def themed_icon(name: str, colour: str, size: int) -> QIcon:
    return QIcon(icon_pixmap(name, colour, size))


def icon_strip(names: tuple[str, ...], colour: str, size: int) -> QPixmap:
    """Icons side by side in one pixmap (a button shows one icon)."""
    gap = size // 4
    strip = QPixmap(len(names) * size + (len(names) - 1) * gap, size)
    strip.fill(Qt.GlobalColor.transparent)
    painter = QPainter(strip)
    for index, name in enumerate(names):
        painter.drawPixmap(index * (size + gap), 0, icon_pixmap(name, colour, size))
    painter.end()
    return strip
