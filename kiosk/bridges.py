"""Qt bridges: worker callbacks (any thread) in, queued Qt signals (GUI thread) out.

Workers in services/ and voice/ know nothing of Qt. They call plain callbacks from their
own threads; emitting a signal of a QObject that lives on the GUI thread makes Qt deliver
it there through the event queue, so slots never run on a worker thread.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QObject, Signal

from services.sync import SyncState


class SyncBridge(QObject):
    state_changed = Signal(object)  # SyncState
    request_changed = Signal(str)  # request UUID as text

    def on_state(self, state: SyncState) -> None:
        self.state_changed.emit(state)

    def on_request_changed(self, request_id: UUID) -> None:
        self.request_changed.emit(str(request_id))
