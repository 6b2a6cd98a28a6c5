"""The hub's tunable numbers, declared once, each with its reason.

Every field can be set on the command line (``--alarm-ack-target-s 45``) or in the
environment (``YIJIANTONG_HUB_ALARM_ACK_TARGET_S=45``); ``yijiantong-hub --help`` lists them.
The alarm timings follow the telecare codes of practice: 97.5 % of alarm calls answered
within 60 s and 99 % within 180 s (UK TSA; the European figure is 98.5 % in 60 s).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any


def _setting(default: int, help_text: str) -> Any:
    return field(default=default, metadata={"help": help_text})


@dataclass(frozen=True)
class HubSettings:
    alarm_ack_target_s: int = _setting(
        60, "an alarm not acknowledged this long after it arrived is overdue: alerted again"
    )
    alarm_realert_every_s: int = _setting(
        30, "while an alarm stays overdue, the console sounds its alert again this often"
    )
    alarm_escalate_after_s: int = _setting(
        180, "an alarm still not acknowledged this long is escalated to the duty supervisor"
    )
    board_refresh_s: int = _setting(
        10, "the operator console is sent a fresh board at least this often (silent kiosks)"
    )
    enrol_attempts: int = _setting(20, "enrolment attempts allowed per client address per window")
    enrol_window_s: int = _setting(600, "the enrolment rate-limit window")
    lookup_rate: int = _setting(30, "person lookups allowed per kiosk per lookup window")
    lookup_window_s: int = _setting(600, "the person-lookup rate-limit window")
    lookup_people_per_hour: int = _setting(
        20, "different people one kiosk may look up per hour (a kiosk serves one at a time)"
    )
    lookup_session_max_age_s: int = _setting(
        900, "a lookup must come this soon after the ID was entered in the kiosk session"
    )
    lookup_people_per_session: int = _setting(
        1, "different people one kiosk session may look up (a senior looks up themself)"
    )
    lookup_people_per_helper_session: int = _setting(
        10, "different people a session with a helper acting for seniors may look up"
    )
    max_header_count: int = _setting(50, "requests with more headers are refused (431)")
    max_header_bytes: int = _setting(8192, "requests whose headers are larger are refused (431)")

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def help_for(cls, name: str) -> str:
        return str(next(f for f in fields(cls) if f.name == name).metadata["help"])

    def with_overrides(self, values: dict[str, int | None]) -> HubSettings:
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def env_name(name: str) -> str:
    return "YIJIANTONG_HUB_" + name.upper()


def from_env(environ: dict[str, str] | None = None) -> HubSettings:
    """Defaults overridden by ``YIJIANTONG_HUB_<NAME>``; a bad value raises ``ValueError``."""
    env = os.environ if environ is None else environ
    values: dict[str, int | None] = {}
    for name in HubSettings.names():
        text = env.get(env_name(name), "").strip()
        if text:
            value = int(text)
            if value < 1:
                raise ValueError(f"{env_name(name)} must be a positive whole number")
            values[name] = value
    return HubSettings().with_overrides(values)
