"""Translations are complete, current with the sources, compiled, and in the right script."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from ui.i18n import LOCALES, locales_dir, normalise_locale, qm_path

ROOT = Path(__file__).resolve().parents[3]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
SIMPLIFIED_ONLY = set("键医预约贴询紧请还这语说听为护隐将后继续页电话帮设务开办机暂时")


def ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.mark.parametrize("locale", LOCALES)
def test_no_unfinished_or_empty_translation(locale: str) -> None:
    path = locales_dir() / f"yijiantong_{locale}.ts"
    messages = ts_messages(path)
    assert messages
    for key, message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in {"unfinished", "vanished", "obsolete"}, key
        assert all(text.strip() for text in translations_of(message)), key


def test_ts_files_are_current_with_the_sources(tmp_path: Path) -> None:
    sources = sorted(str(p) for folder in ("kiosk", "ui") for p in (ROOT / folder).rglob("*.py"))
    for locale in LOCALES:
        committed = locales_dir() / f"yijiantong_{locale}.ts"
        fresh = tmp_path / committed.name
        shutil.copy(committed, fresh)
        subprocess.run(
            [
                str(LUPDATE),
                "-locations",
                "none",
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                locale,
                *sources,
                "-ts",
                str(fresh),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        before, after = ts_messages(committed), ts_messages(fresh)
        new = sorted(set(after) - set(before))
        gone = sorted(set(before) - set(after))
        assert not new, f"{locale}: strings missing from the .ts file: {new}"
        assert not gone, f"{locale}: .ts entries no longer in the code: {gone}"


@pytest.mark.parametrize("locale", LOCALES)
def test_compiled_catalogue_loads(locale: str) -> None:
    translator = QTranslator()
    assert translator.load(str(qm_path(locale))), f"{qm_path(locale)} missing: run set-up"
    if locale != "en":
        assert translator.translate("Home", "Doctor") not in ("", "Doctor")


def test_traditional_chinese_uses_traditional_characters() -> None:
    messages = ts_messages(locales_dir() / "yijiantong_zh_HK.ts")
    for key, message in messages.items():
        for text in translations_of(message):
            assert not (set(text) & SIMPLIFIED_ONLY), f"{key}: {text}"


def test_unknown_locale_falls_back_with_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="yijiantong.i18n"):
        assert normalise_locale("fr_FR") == "zh_CN"
    assert "unknown locale 'fr_FR'" in caplog.text
    assert normalise_locale("zh-TW") == "zh_HK"
    assert normalise_locale("en_GB") == "en"
