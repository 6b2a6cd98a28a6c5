"""The kiosk side of the emergency call: press → alarm on disk → screen, sound, phone call.

:class:`EmergencyController` is owned by the composition root, which also connects its
``speak`` signal to the voice. Every trigger ends in :meth:`trigger`:
the header button and the home tile (``window.emergency_requested``, which the voice work
also emits for a spoken 救命 / help), the configurable hardware key (an application-wide
event filter: a USB emergency button usually types a key such as F12), and direct calls.

One press sends. :meth:`trigger` runs on the GUI thread and, in this order:

1. writes the alarm durably through ``AlarmDispatcher.raise_alarm`` on a connection of its
   own with a short lock wait (if the disk refuses, the dispatcher keeps the alarm in memory
   and sends it anyway - the screen never waits on it);
2. only then shows the emergency screen (with Cancel offered for ``emergency_cancel_s``);
3. starts the staff alert (sound + flashing banner) and the SIP call when configured.

A second press while the alarm is live shows its screen again; it never raises another.
The dispatcher thread (its own SQLite connection, its own HTTP session) and the SIP thread
report through :class:`AlarmBridge`, which hands their callbacks to the GUI thread via
``ui.thread_inbox.ThreadInbox`` (no Qt call off the GUI thread). Drill mode runs the same path
with the alarm marked ``drill`` (the hub tells operators not to dispatch) and no phone call.

Heavy modules (requests, pydantic, the store) load after the first frame, like sync; a press
before that loads them on the spot.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from services.emergency_numbers import parse_numbers
from ui.first_paint import FirstPaint
from ui.main_window import MainWindow
from ui.pages.emergency import EmergencyPage, EmergencyView
from ui.thread_inbox import ThreadInbox

log = logging.getLogger("yijiantong.emergency")

CANCEL_REASON = "cancelled by the user"
# A live alarm found at start-up (the kiosk restarted: a crash, the watchdog, a power cut)
# is shown again if it is this recent: the person who pressed may still be waiting in front
# of the screen. Older open alarms are still followed by the dispatcher and listed in admin.
RESUME_WITHIN_S = 2 * 3600
PRESS_LOCK_WAIT_MS = 1000  # longest the press waits for a busy database before going on


def key_code(name: str) -> int | None:
    """The Qt key for a name such as ``F12`` or ``Pause``; None when empty or unknown."""
    if not name.strip():
        return None
    sequence = QKeySequence.fromString(name.strip(), QKeySequence.SequenceFormat.PortableText)
    if sequence.count() != 1:
        log.warning("emergency_key %r is not a key name; no hardware key is watched", name)
        return None
    return int(sequence[0].key().value)  # type: ignore[index]  # not in the stubs


class EmergencyKey(QObject):
    """Application-wide: the configured key raises an alarm whatever has the focus."""

    def __init__(self, key: int, on_press: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self.key = key
        self._on_press = on_press

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and int(event.key()) == self.key
        ):
            if not event.isAutoRepeat():  # a held button is one press
                self._on_press()
            return True  # consumed: the focused widget never sees it
        return False


class AlarmBridge(QObject):
    """Dispatcher observer + SIP callback (any thread) in; Qt signals on the GUI thread out."""

    state_changed = Signal(str, str, object)  # alarm id, phase, detail
    unreachable_reported = Signal(str)  # alarm id
    problem_reported = Signal(object, str)  # alarm id or None, message
    call_changed = Signal(str, object)  # SipCaller phase, detail

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inbox = ThreadInbox(self._deliver, self)

    # -- worker threads ----------------------------------------------------------------
    def on_state(self, alarm_id: uuid.UUID, state: str, detail: str | None) -> None:
        self._inbox.post(("state", str(alarm_id), state, detail))

    def unreachable(self, alarm_id: uuid.UUID, seconds: float) -> None:
        self._inbox.post(("unreachable", str(alarm_id), None, None))

    def problem(self, alarm_id: uuid.UUID | None, message: str) -> None:
        self._inbox.post(("problem", None if alarm_id is None else str(alarm_id), message, None))

    def on_call(self, phase: str, detail: str | None) -> None:
        self._inbox.post(("call", None, phase, detail))

    # -- GUI thread ----------------------------------------------------------------------
    def _deliver(self, item: tuple[str, Any, Any, Any]) -> None:
        kind, alarm_id, value, detail = item
        if kind == "state":
            self.state_changed.emit(alarm_id, value, detail)
        elif kind == "unreachable":
            self.unreachable_reported.emit(alarm_id)
        elif kind == "problem":
            self.problem_reported.emit(alarm_id, value)
        else:
            self.call_changed.emit(value, detail)

    def close(self) -> None:
        self._inbox.close()


class EmergencyController(QObject):
    raised = Signal(str)  # alarm id, once it is on disk (or kept in memory)
    view_changed = Signal(object)  # EmergencyView
    speak = Signal(str)  # what to say to the senior now (the voice work connects this)

    def __init__(
        self,
        window: MainWindow,
        *,
        data_dir: Path,
        config: Any,
        session_data: dict[str, Any],
        keep_alive: Callable[[], None] | None = None,
        alert_sink: Any = None,
        dispatch_config: Any = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = Path(data_dir)
        self.config = config
        self.numbers = parse_numbers(config.emergency_numbers)
        self._session = session_data
        self._keep_alive = keep_alive
        self._alert_sink = alert_sink
        self._dispatch_config = dispatch_config
        self.page = EmergencyPage(window)
        self.page.show_view(EmergencyView(numbers=self.numbers))
        window.add_page(self.page)
        window.emergency_requested.connect(self._on_requested)
        self.page.cancel_pressed.connect(self.cancel)
        self.page.done_pressed.connect(self._done)
        self.view = self.page.view
        self.alarm_id: uuid.UUID | None = None
        self.dispatcher: Any = None
        self.sip: Any = None
        self.alert: Any = None
        self.bridge: AlarmBridge | None = None
        self._press_store: Any = None
        self._press_conn: Any = None
        self._started = False
        self._stopped = False
        self._spoken = ""
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self.key_filter: EmergencyKey | None = None
        code = key_code(config.emergency_key)
        if code is not None:
            self.key_filter = EmergencyKey(code, lambda: self.trigger("key"), self)
        # The key filter and the worker threads cost start-up time nobody can use before
        # the first frame; a press before then starts them on the spot.
        self._first_paint = FirstPaint(window, self.start)

    # -- start and stop ------------------------------------------------------------------
    def start(self) -> None:
        if self._started or self._stopped:
            return
        self._started = True
        app = QApplication.instance()
        if self.key_filter is not None and app is not None:
            app.installEventFilter(self.key_filter)
        from services.alarm_dispatch import AlarmDispatcher
        from voice.alert_sound import AlertSound

        bridge = AlarmBridge(self)
        bridge.state_changed.connect(self._on_state)
        bridge.unreachable_reported.connect(self._on_unreachable)
        bridge.problem_reported.connect(self._on_problem)
        bridge.call_changed.connect(self._on_call)
        self.bridge = bridge
        self._open_press_store()
        self.dispatcher = AlarmDispatcher(
            self._press_store,
            observers=[bridge],
            config=self._make_dispatch_config(),
            connect=self._worker_connection,
            data_dir=self.data_dir,  # the hub is found read-only when the store cannot open
        )
        self.dispatcher.start()
        if self.config.onsite_alert:
            self.alert = AlertSound(self._alert_sink)
            self.alert.start()
        if self._sip_wanted():
            self._start_sip(bridge)
        self._resume_live_alarm()
        log.info(
            "emergency ready: drill=%s, key=%s, phone call=%s",
            self.config.emergency_drill,
            self.config.emergency_key or "none",
            "yes" if self.sip is not None else "no",
        )

    def _resume_live_alarm(self) -> None:
        """After a restart, show the newest recent alarm that is still open, as it stands.

        Without this the dispatcher would go on sending and following it, but the screen
        would be the home page: the person waiting for help would think the press was lost.
        Cancel is not offered again (its window was at the press), and no new phone call is
        placed; the staff alert sounds again because nobody has resolved the alarm yet.
        """
        if self.alarm_id is not None or self._press_conn is None:
            return
        from datetime import UTC, datetime

        from services import alarms

        try:
            live = [
                a
                for a in alarms.pending_alarms(self._press_conn)
                if not a.final and a.cancel_requested_at is None
            ]
        except Exception as exc:  # a damaged file must not stop the kiosk from starting
            log.error("emergency: open alarms cannot be read: %s", exc)
            return
        now = datetime.now(UTC)
        recent = [a for a in live if (now - a.raised_at).total_seconds() <= RESUME_WITHIN_S]
        if not recent:
            return
        alarm = max(recent, key=lambda a: a.raised_at)
        self.alarm_id = alarm.id
        log.warning(
            "alarm %s from before the restart is still %s: shown again", alarm.id, alarm.state
        )
        self._set_view(
            EmergencyView(
                phase=alarm.state,
                drill=alarm.drill,
                operator=alarm.operator if alarm.state == "acknowledged" else None,
                not_connected=not self._enrolled(self._press_conn),
                cancel_left=0,
                alert=self.config.onsite_alert,
                numbers=self.numbers,
            )
        )
        self.window.show_page("emergency")
        if self.alert is not None:
            self.alert.play()
        self._tick.start()
        self.dispatcher.wake()

    def _make_dispatch_config(self) -> Any:
        from services.alarm_dispatch import DispatchConfig

        if self._dispatch_config is not None:
            return self._dispatch_config
        return DispatchConfig(unreachable_after=float(self.config.emergency_unreachable_s))

    def _worker_connection(self) -> Any:
        """The dispatcher thread's own connection (opened on that thread)."""
        from services.store import Store

        return Store(self.data_dir).connect()

    def _open_press_store(self) -> None:
        if self._press_conn is not None:
            return
        from services.store import Store

        try:
            self._press_store = Store(self.data_dir, busy_timeout_ms=PRESS_LOCK_WAIT_MS)
            self._press_conn = self._press_store.connect()
        except Exception as exc:  # the alarm goes from memory; the screen says nothing of it
            log.error("emergency: the data file cannot be opened: %s", exc)
            self._press_conn = None

    def _sip_wanted(self) -> bool:
        c = self.config
        return bool(c.sip_account and c.sip_centre_uri) and not c.emergency_drill

    def _start_sip(self, bridge: AlarmBridge) -> None:
        from services.sip_call import SipAccount, SipCaller, SipConfig

        c = self.config
        account = SipAccount(c.sip_account, c.sip_password or None, register=bool(c.sip_password))
        self.sip = SipCaller(
            SipConfig(
                account=account,
                sip_listen=c.sip_listen,
                audio_player=c.sip_audio_player,
                audio_source=c.sip_audio_source,
                ring_timeout=float(c.sip_ring_timeout_s),
            ),
            on_state=bridge.on_call,
        )
        self.sip.start()

    def stop(self) -> None:
        """Shut down: hang up, finish the current send (bounded), silence the alert."""
        if self._stopped:
            return
        self._stopped = True
        self._tick.stop()
        app = QApplication.instance()
        if self.key_filter is not None and app is not None:
            app.removeEventFilter(self.key_filter)
        if self.sip is not None and not self.sip.stop(15):
            log.warning("the phone program did not stop in time")
        if self.alert is not None:
            self.alert.stop()
        if self.dispatcher is not None and not self.dispatcher.stop(15):
            log.warning("alarm dispatcher did not stop in time; unsent alarms are on disk")
        if self._press_conn is not None:
            try:
                self._press_conn.close()
            except Exception as exc:
                log.info("closing the emergency connection: %s", exc)
        if self.bridge is not None:
            self.bridge.close()

    # -- triggers ----------------------------------------------------------------------
    def _on_requested(self) -> None:
        self.trigger("screen")

    def trigger(self, source: str = "screen") -> str | None:
        """Raise an alarm (or show the live one). ``source``: screen, key, voice ... (log)."""
        if self._stopped:
            return None
        if self.alarm_id is not None and self.view.live:
            log.info("emergency (%s) while alarm %s is live: showing it", source, self.alarm_id)
            self.window.show_page("emergency")
            self.dispatcher.wake()
            return str(self.alarm_id)
        self.start()
        self._open_press_store()
        conn = self._press_conn
        c = self.config
        alarm_id = self.dispatcher.raise_alarm(
            conn,
            kiosk_name=c.kiosk_name,
            location=c.kiosk_location,
            person=self._person(),
            helper=self._helper(),
            drill=c.emergency_drill,
        )
        # On disk (or in the dispatcher's memory) now: everything else may follow.
        self.alarm_id = alarm_id
        log.info(
            "EMERGENCY alarm %s raised (%s)%s",
            alarm_id,
            source,
            " - drill" if c.emergency_drill else "",
        )
        calling = self.sip is not None
        self._set_view(
            EmergencyView(
                phase="sending",
                drill=c.emergency_drill,
                not_connected=not self._enrolled(conn),
                cancel_left=c.emergency_cancel_s,
                call="dialling" if calling else None,
                alert=c.onsite_alert,
                numbers=self.numbers,
            )
        )
        self.window.show_page("emergency")
        if calling:
            self.sip.place_call(c.sip_centre_uri)
        if self.alert is not None:
            self.alert.play()
        self._tick.start()
        self.raised.emit(str(alarm_id))
        return str(alarm_id)

    def _person(self) -> Any:
        from services.identity import ResidentId

        person = self._session.get("person")
        return person if isinstance(person, ResidentId) else None

    def _helper(self) -> str | None:
        """The helper on duty, if a helper has signed in (session key ``helper``)."""
        helper = self._session.get("helper")
        if helper is None:
            return None
        name = getattr(helper, "name", helper)
        return str(name) or None

    @staticmethod
    def _enrolled(conn: Any) -> bool:
        if conn is None:
            return True  # unknown: the unreachable limit decides
        try:
            from services.sync import credentials

            url, token, _ = credentials(conn)
        except Exception:
            return True
        return bool(url and token)

    # -- the person's actions ---------------------------------------------------------------
    def cancel(self) -> None:
        """Cancel: a follow-up to the service centre; the alarm itself stays on record."""
        if self.alarm_id is None or not self.view.live:
            return
        log.info("alarm %s: cancel pressed", self.alarm_id)
        self.dispatcher.cancel(self._press_conn, self.alarm_id, CANCEL_REASON)
        self._set_view(replace(self.view, cancel_requested=True, cancel_left=0, alert=False))
        self._end_local_alerts()

    def _done(self) -> None:
        if self.view.live:
            return
        self._set_view(EmergencyView(numbers=self.numbers))
        self.window.go_home()

    # -- reports from the threads (GUI thread) ---------------------------------------------
    def _mine(self, alarm_id: str | None) -> bool:
        return alarm_id is not None and self.alarm_id is not None and alarm_id == str(self.alarm_id)

    def _on_state(self, alarm_id: str, phase: str, detail: object) -> None:
        if not self._mine(alarm_id):
            log.info("alarm %s (from before) is now %s", alarm_id, phase)
            return
        log.info("alarm %s: %s%s", alarm_id, phase, f" ({detail})" if detail else "")
        view = self.view
        operator = detail if phase in ("acknowledged", "resolved") and detail else view.operator
        view = replace(view, phase=phase, operator=operator if isinstance(operator, str) else None)
        if phase in ("resolved", "cancelled"):
            view = replace(view, cancel_left=0, alert=False)
            self._end_local_alerts()
        self._set_view(view)

    def _on_unreachable(self, alarm_id: str) -> None:
        if self._mine(alarm_id):
            log.warning("alarm %s: service centre unreachable; showing numbers", alarm_id)
            self._set_view(replace(self.view, unreachable=True))

    def _on_problem(self, alarm_id: str | None, message: str) -> None:
        log.warning("emergency problem%s: %s", f" (alarm {alarm_id})" if alarm_id else "", message)

    def _on_call(self, phase: str, detail: object) -> None:
        log.info("emergency call: %s%s", phase, f" ({detail})" if detail else "")
        if self.alarm_id is None:
            return
        if phase == "dialling" and self.view.call not in (None, "dialling"):
            return  # a late echo of the dial after the call already moved on
        self._set_view(replace(self.view, call=phase))
        if self.alert is not None:
            if phase == "established":
                self.alert.pause()  # the senior must hear the service centre
            elif phase in ("ended", "failed") and self.view.live and self.view.alert:
                self.alert.play()

    def _end_local_alerts(self) -> None:
        if self.alert is not None:
            self.alert.pause()
        if self.sip is not None:
            self.sip.hangup()

    # -- screen ------------------------------------------------------------------------------
    def _on_tick(self) -> None:
        view = self.view
        if view.live and self._keep_alive is not None:
            self._keep_alive()  # nobody wipes the screen of a person waiting for help
        if view.cancel_left > 0:
            self._set_view(replace(view, cancel_left=view.cancel_left - 1))
        elif not view.live:
            self._tick.stop()

    def preview(self, **changes: Any) -> None:
        """Show a state as the threads would report it (screenshots)."""
        self._set_view(replace(self.view, **changes))

    def _set_view(self, view: EmergencyView) -> None:
        self.view = view
        self.page.show_view(view)
        self.view_changed.emit(view)
        spoken = self.page.spoken_text()
        if spoken != self._spoken:
            self._spoken = spoken
            self.speak.emit(spoken)
