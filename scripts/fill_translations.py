"""Fill unfinished entries of locales/*.ts from a JSON table (a translator's aid).

Usage: python scripts/fill_translations.py TABLE.json
TABLE maps "Context|Source" (or just "Source") to {"zh_CN": ..., "zh_HK": ..., "en": ...};
a numerus entry's value is a list of forms. Only entries still marked unfinished are
touched, so reviewed translations are never overwritten.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"


def fill(table: dict[str, dict[str, object]]) -> int:
    missing = 0
    for locale in ("zh_CN", "zh_HK", "en"):
        path = LOCALES_DIR / f"yijiantong_{locale}.ts"
        tree = ET.parse(path)
        for context in tree.getroot().iter("context"):
            ctx = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") != "unfinished":
                    continue
                entry = table.get(f"{ctx}|{source}") or table.get(source)
                if entry is None or locale not in entry:
                    print(f"{locale}: no translation for {ctx}|{source}", file=sys.stderr)
                    missing += 1
                    continue
                value = entry[locale]
                if message.get("numerus") == "yes":
                    forms = translation.findall("numerusform")
                    values = value if isinstance(value, list) else [value]
                    for index, form in enumerate(forms):
                        form.text = str(values[min(index, len(values) - 1)])
                else:
                    translation.text = str(value)
                del translation.attrib["type"]
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    sys.exit(1 if fill(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))) else 0)
