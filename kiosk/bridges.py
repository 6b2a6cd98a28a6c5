"""The Qt bridge for the sync worker, which the composition root owns.

Worker callbacks go through :class:`~ui.thread_inbox.ThreadInbox` (a queue and a socket
pair), so no Qt call is ever made off the GUI thread. Nothing of the network or data stack
is imported here: this module is on the path to the first frame.
"""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from PySide6.QtCore import QObject, Signal

from ui.thread_inbox import ThreadInbox

log = logging.getLogger("yijiantong.sync")


class SyncBridge(QObject):
    state_changed = Signal(object)  # services.sync.SyncState
    request_changed = Signal(str)  # request UUID as text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inbox = ThreadInbox(self._deliver, self)

    # -- called on the sync worker's thread -----------------------------------------------
    def on_state(self, state: object) -> None:
        self._inbox.post(("state", state))

    def on_request_changed(self, request_id: UUID) -> None:
        self._inbox.post(("request", request_id))

    # -- GUI thread -------------------------------------------------------------------------
    def _deliver(self, item: tuple[str, Any]) -> None:
        kind, value = item
        if kind == "state":
            self.state_changed.emit(value)
        else:
            self.request_changed.emit(str(value))

    def close(self) -> None:
        self._inbox.close()
