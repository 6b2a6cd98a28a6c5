"""Run-time language switching with Qt Linguist translations.

Source strings are English; ``locales/yijiantong_<locale>.qm`` (compiled from the
committed .ts files by pyside6-lrelease during set-up) supply zh_CN, zh_HK and en.
Installing a new translator makes Qt send every widget a LanguageChange event, which
our pages answer by calling ``retranslate()``, so switching needs no restart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

log = logging.getLogger("yijiantong.i18n")

LOCALES: tuple[str, ...] = ("zh_CN", "zh_HK", "en")
DEFAULT_LOCALE = "zh_CN"
# Each language is named in its own script so a reader finds theirs without reading ours.
NATIVE_NAMES: dict[str, str] = {"zh_CN": "简体中文", "zh_HK": "繁體中文", "en": "English"}
TS_PREFIX = "yijiantong_"


def locales_dir() -> Path:
    # The folder importlib.resources.files("locales") names, without importing
    # importlib.resources on the start-up path (QTranslator needs a real file anyway).
    import locales

    return Path(locales.__path__[0])


def qm_path(locale: str) -> Path:
    return locales_dir() / f"{TS_PREFIX}{locale}.qm"


def normalise_locale(locale: str | None) -> str:
    """Map user input to a supported locale; anything unknown falls back to zh_CN."""
    if not locale:
        return DEFAULT_LOCALE
    candidate = locale.replace("-", "_")
    aliases = {"zh": "zh_CN", "zh_Hans": "zh_CN", "zh_TW": "zh_HK", "zh_Hant": "zh_HK"}
    candidate = aliases.get(candidate, candidate)
    if candidate.lower().startswith("en"):
        candidate = "en"
    if candidate not in LOCALES:
        log.warning("unknown locale %r; using %s", locale, DEFAULT_LOCALE)
        return DEFAULT_LOCALE
    return candidate


class Translations:
    """Owns the one installed QTranslator and swaps it on language change."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.locale = ""
        self.missing: list[str] = []

    def switch(self, locale: str) -> str:
        locale = normalise_locale(locale)
        if locale == self.locale:
            return locale
        loaded = QTranslator(self._app)
        path = qm_path(locale)
        translator: QTranslator | None = loaded
        if not loaded.load(str(path)):
            # Without compiled catalogues the kiosk still works, in English.
            log.error("translation %s not found or unreadable; run the set-up script", path)
            self.missing.append(locale)
            translator = None
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
        if translator is not None:
            self._app.installTranslator(translator)
        self._translator = translator
        self.locale = locale
        QLocale.setDefault(QLocale(locale))
        return locale

    def close(self) -> None:
        """Remove the installed catalogue (shutdown: the next app in this process starts clean)."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
        self._translator = None
        self.locale = ""
