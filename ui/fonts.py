"""Fonts per script, and detection of a kiosk with no Chinese fonts installed."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from ui.theme import BODY_PX, FONT_FAMILIES

log = logging.getLogger("yijiantong.ui")


def font_for_locale(locale: str) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES.get(locale, FONT_FAMILIES["zh_CN"]))
    font.setPixelSize(BODY_PX)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def cjk_fonts_available() -> bool:
    """True when fonts for both Simplified and Traditional Chinese are installed."""
    simplified = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    traditional = QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese)
    return bool(simplified) and bool(traditional)
