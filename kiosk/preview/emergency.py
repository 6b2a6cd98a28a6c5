"""Emergency screen states for ``yijiantong screenshot --page emergency.<state>``.

Each walk presses the real emergency button (the alarm is written to the screenshot's
temporary store; there is no hub, so nothing is sent), then shows one state as the
dispatcher and the phone call would report it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from kiosk.preview.driving import wait_for

OPERATOR = "王芳"
NUMBERS = "120, 021-5555 0100=值班人员 On-site staff"

_STATES: dict[str, dict[str, Any]] = {
    "emergency.sending": {"phase": "sending"},
    "emergency.calling": {"phase": "sending", "call": "ringing"},
    "emergency.received": {"phase": "received", "cancel_left": 0, "call": "established"},
    "emergency.acknowledged": {"phase": "acknowledged", "operator": OPERATOR, "cancel_left": 0},
    "emergency.unreachable": {"phase": "sending", "unreachable": True, "cancel_left": 0},
    "emergency.call_failed": {"phase": "received", "call": "failed", "cancel_left": 0},
    "emergency.cancelling": {"cancel_requested": True, "cancel_left": 0, "alert": False},
    "emergency.cancelled": {"phase": "cancelled", "cancel_left": 0, "alert": False},
    "emergency.resolved": {
        "phase": "resolved",
        "operator": OPERATOR,
        "cancel_left": 0,
        "alert": False,
        "call": "ended",
    },
    "emergency.drill": {"phase": "received", "drill": True, "cancel_left": 6},
}


def _walk(changes: dict[str, Any]) -> Callable[[Any, Any], None]:
    def walk(window: Any, kiosk: Any) -> None:
        from services.emergency_numbers import parse_numbers

        controller = kiosk.emergency
        controller.numbers = parse_numbers(NUMBERS)
        alarm_id = uuid.UUID(controller.trigger("preview"))
        # Let the dispatcher report the new alarm, then stop it, so that its "sending" does
        # not arrive after (and over) the state shown here.
        wait_for(lambda: controller.dispatcher.state_of(alarm_id) is not None)
        controller.dispatcher.stop(5)
        for _ in range(5):  # a few turns of the event loop deliver the bridge's queue
            QCoreApplication.processEvents()
        controller.preview(not_connected=False, numbers=controller.numbers, **changes)

    return walk


WALKS: dict[str, Callable[[Any, Any], None]] = {name: _walk(c) for name, c in _STATES.items()}
WALK_NAMES = frozenset(WALKS)
