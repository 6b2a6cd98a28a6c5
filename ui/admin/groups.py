"""Which admin settings page each setting is on, and the checks the pages share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlparse

# Settings groups: option names by exact name or prefix; anything unmatched goes to "kiosk",
# so options other parts declare later always appear somewhere.
GROUPS: dict[str, tuple[str, ...]] = {
    "display": ("locale", "text_scale", "theme", "fullscreen"),
    "speech": ("speech_", "volume_percent", "voice_", "microphone", "always_listen_emergency"),
    "services": ("services", "service_area", "printer"),
    "session": ("idle_", "purge_after_days"),
    "emergency": ("emergency_", "onsite_", "sip_"),
    "kiosk": ("kiosk_", "hub_url", "log_level"),
}


def group_of(name: str) -> str:
    for group, patterns in GROUPS.items():
        if any(name == p or (p.endswith("_") and name.startswith(p)) for p in patterns):
            return group
    return "kiosk"


def options_in(options: Iterable[Any], group: str) -> list[Any]:
    return [o for o in options if group_of(o.name) == group]


def valid_hub_url(text: str) -> bool:
    parsed = urlparse(text.strip())
    return parsed.scheme in {"http", "https"} and bool(parsed.hostname) and " " not in text.strip()
