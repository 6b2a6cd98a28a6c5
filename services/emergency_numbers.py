"""The numbers the emergency screen tells people to call when the service centre cannot
be reached (the ``emergency_numbers`` setting)."""

from __future__ import annotations

import logging
import re

log = logging.getLogger("yijiantong.emergency")

_NUMBER = re.compile(r"\+?[0-9][0-9 \-]{1,23}")

EmergencyNumbers = tuple[tuple[str, str | None], ...]


def parse_numbers(text: str) -> EmergencyNumbers:
    """``"120, 021-12345678=On-site staff"`` → ``(("120", None), ("021-12345678", "On-site
    staff"))``. Bad entries are logged and skipped; 120 is always there, first if not given."""
    entries: list[tuple[str, str | None]] = []
    for part in text.split(","):
        number, _, label = part.strip().partition("=")
        number = " ".join(number.split())
        if not number:
            continue
        if not _NUMBER.fullmatch(number):
            log.warning("emergency_numbers: %r is not a phone number; left out", number)
            continue
        entries.append((number, label.strip() or None))
    if "120" not in (n for n, _ in entries):
        entries.insert(0, ("120", None))
    return tuple(entries)
