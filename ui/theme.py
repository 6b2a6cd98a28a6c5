"""Colour themes and the scaled style sheet.

Sizes follow docs/domain.md: body text >= 28 px and titles >= 40 px at 100 %, every
control >= 64 x 64 px, primary actions >= 96 px tall, line spacing >= 1.3. Every
foreground/background pair a theme paints is listed in :meth:`Theme.text_pairs`, and
the tests compute each pair's WCAG contrast (>= 7:1, AAA) from these numbers, so a new
colour cannot slip in unchecked.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

BODY_PX = 28
TITLE_PX = 40
TILE_PX = 44
SMALL_PX = 28  # nothing on screen is smaller than body text
MIN_CONTROL_PX = 64
PRIMARY_CONTROL_PX = 96
LINE_HEIGHT = 1.35
FONT_FAMILIES = {
    "zh_CN": ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Sans Serif"],
    "zh_HK": ["Noto Sans CJK HK", "Noto Sans CJK TC", "Source Han Sans TC", "Sans Serif"],
    "en": ["Noto Sans", "Noto Sans CJK SC", "DejaVu Sans", "Sans Serif"],
}


@dataclass(frozen=True)
class Theme:
    name: str
    window_bg: str
    text: str
    button_bg: str
    button_text: str
    button_border: str
    tile_bg: str
    tile_text: str
    emergency_bg: str
    emergency_text: str
    checked_bg: str
    checked_text: str
    notice_bg: str
    notice_text: str
    warning_bg: str
    warning_text: str
    focus: str
    unavailable_bg: str  # a choice that cannot be taken: greyed, not only dashed
    unavailable_text: str

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """Every (role, foreground, background) combination used for text or icons."""
        return [
            ("body", self.text, self.window_bg),
            ("button", self.button_text, self.button_bg),
            ("tile", self.tile_text, self.tile_bg),
            ("emergency", self.emergency_text, self.emergency_bg),
            ("checked", self.checked_text, self.checked_bg),
            ("notice", self.notice_text, self.notice_bg),
            ("warning", self.warning_text, self.warning_bg),
            ("unavailable", self.unavailable_text, self.unavailable_bg),
        ]

    def outline_pairs(self) -> list[tuple[str, str, str]]:
        """Non-text indicators (focus ring, button borders) against what surrounds them."""
        return [
            ("focus ring", self.focus, self.window_bg),
            ("button border", self.button_border, self.window_bg),
        ]


LIGHT = Theme(
    name="light",
    window_bg="#FFFFFF",
    text="#000000",
    button_bg="#F0F0F0",
    button_text="#000000",
    button_border="#1A1A1A",
    tile_bg="#0B3D91",
    tile_text="#FFFFFF",
    emergency_bg="#A4000F",
    emergency_text="#FFFFFF",
    checked_bg="#000000",
    checked_text="#FFFFFF",
    notice_bg="#FFF4C2",
    notice_text="#000000",
    warning_bg="#5C2E00",
    warning_text="#FFFFFF",
    focus="#C45500",
    unavailable_bg="#C8C8C8",
    unavailable_text="#000000",
)

DARK = Theme(
    name="dark",
    window_bg="#000000",
    text="#FFFFFF",
    button_bg="#1E1E1E",
    button_text="#FFFFFF",
    button_border="#E6E6E6",
    tile_bg="#002B5C",
    tile_text="#FFFF66",
    emergency_bg="#FFB3B3",
    emergency_text="#000000",
    checked_bg="#FFFF66",
    checked_text="#000000",
    notice_bg="#2B2400",
    notice_text="#FFFFFF",
    warning_bg="#FFD24D",
    warning_text="#000000",
    focus="#33CCFF",
    unavailable_bg="#474747",
    unavailable_text="#FFFFFF",
)

THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK)}


def theme_colours(theme: Theme) -> dict[str, str]:
    return {f.name: getattr(theme, f.name) for f in fields(theme) if f.name != "name"}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of ``#RRGGBB``."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(fg: str, bg: str) -> float:
    a, b = relative_luminance(fg), relative_luminance(bg)
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def px(base: int, scale: int) -> int:
    """Scale a 100 % pixel size to the current text scale (percent)."""
    return round(base * scale / 100)


def stylesheet(theme: Theme, scale: int) -> str:
    """The whole application's style sheet for one theme and text scale."""
    t = theme
    body, title, tile = px(BODY_PX, scale), px(TITLE_PX, scale), px(TILE_PX, scale)
    # Padding grows less than text: at 200 % the text itself makes targets large.
    pad_v, pad_h = 8, px(16, scale)
    radius = 12
    return f"""
QWidget {{
    background-color: {t.window_bg};
    color: {t.text};
    font-size: {body}px;
}}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {title}px; font-weight: bold; }}
QLabel[role="brand"] {{ font-size: {body}px; font-weight: bold; }}
QLabel[role="big-number"] {{ font-size: {title * 2}px; font-weight: bold; }}
QLabel[role="reference"] {{ font-size: {round(title * 1.25)}px; font-weight: bold; }}
QLabel[role="notice"] {{
    background-color: {t.notice_bg}; color: {t.notice_text};
    border: 2px solid {t.notice_text}; border-radius: {radius}px; padding: {pad_v}px;
}}
QLabel[role="warning"] {{
    background-color: {t.warning_bg}; color: {t.warning_text};
    border-radius: {radius}px; padding: {pad_v}px;
}}
QLabel[role="status"] {{
    border: 2px solid {t.text}; border-radius: {radius}px; padding: 4px 12px;
}}
QPushButton {{
    background-color: {t.button_bg}; color: {t.button_text};
    border: 3px solid {t.button_border}; border-radius: {radius}px; margin: 3px;
    padding: {pad_v}px {pad_h}px;
    min-height: {MIN_CONTROL_PX}px; min-width: {MIN_CONTROL_PX}px;
    font-size: {body}px; font-weight: bold;
}}
QPushButton:checked {{
    background-color: {t.checked_bg}; color: {t.checked_text}; border-color: {t.checked_bg};
}}
QPushButton[role="primary"] {{ min-height: {PRIMARY_CONTROL_PX}px; font-size: {title}px; }}
/* The recommended choice: a thicker frame (the box keeps its size: less margin). */
QPushButton[role="highlight"] {{ border-width: 5px; margin: 1px; }}
QPushButton[role="tile"] {{
    background-color: {t.tile_bg}; color: {t.tile_text}; border: 3px solid {t.tile_bg};
    min-height: {PRIMARY_CONTROL_PX}px;
}}
QPushButton[role="tile"] QLabel {{ color: {t.tile_text}; font-size: {tile}px; font-weight: bold; }}
QPushButton[role="emergency"] {{
    background-color: {t.emergency_bg}; color: {t.emergency_text};
    border: 3px solid {t.emergency_bg}; min-height: {PRIMARY_CONTROL_PX}px;
    font-size: {body}px;
}}
QPushButton[role="emergency"] QLabel {{
    color: {t.emergency_text}; font-size: {tile}px; font-weight: bold;
}}
QWidget#header {{ border-bottom: 3px solid {t.text}; }}
/* The focus ring is twice as thick; it takes the margin so the box never changes size. */
QPushButton:focus {{ border: 6px solid {t.focus}; margin: 0px; }}
QPushButton[role="tile"]:focus, QPushButton[role="emergency"]:focus {{
    border: 6px solid {t.focus}; margin: 0px;
}}
QPushButton:pressed {{ border-style: inset; }}
/* Unavailable choices say so in words ("Full") and with a crossed-circle icon; the grey
   fill and the dashed border set them apart from what can be pressed at a glance. */
QPushButton:disabled {{
    background-color: {t.unavailable_bg}; color: {t.unavailable_text}; border-style: dashed;
}}
"""
