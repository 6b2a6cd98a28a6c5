"""Every option lands on the admin settings page a caregiver would look for it on."""

from __future__ import annotations

from kiosk.config import OPTIONS
from ui.admin.groups import group_of

# "kiosk" is also the fallback group; only these options belong there on purpose.
KIOSK_PAGE = {"hub_url", "kiosk_name", "kiosk_location", "log_level"}


def test_only_kiosk_identity_options_fall_on_the_kiosk_page() -> None:
    assert {o.name for o in OPTIONS if group_of(o.name) == "kiosk"} == KIOSK_PAGE


def test_voice_and_emergency_options_are_on_their_pages() -> None:
    assert group_of("always_listen_emergency") == "speech"
    assert group_of("voice_engine_en") == "speech"
    assert group_of("sip_centre_uri") == "emergency"
    assert group_of("onsite_alert") == "emergency"
