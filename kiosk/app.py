"""Composition root: builds every subsystem in a fixed, logged order and tears them
down through one shutdown path.

Start-up order: paths -> logging -> crash capture -> configuration -> Qt application ->
signal bridge -> translations -> fonts -> main window -> session -> emergency -> watchdog;
then, after the home screen's first paint: services -> voice (speaker, microphone,
recogniser) -> admin -> sync. Nothing of the network and data stack, no speech engine and
no audio library is loaded before that first paint.
Shutdown runs the registered stops in reverse, once, whether the trigger was the window
closing, SIGTERM, Ctrl-C or a test tearing down.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kiosk import __version__, diagnostics
from kiosk.config import ConfigNotifier, LoadedConfig, load_config
from kiosk.logs import CrashCapture, setup_logging
from kiosk.paths import KioskPaths, resolve_paths
from kiosk.session import Session, SessionController
from kiosk.signals import UnixSignalBridge
from ui.first_paint import FirstPaint
from ui.fonts import cjk_fonts_available
from ui.i18n import Translations
from ui.main_window import MainWindow

log = logging.getLogger("yijiantong.init")


@dataclass
class AppOptions:
    """How this process was asked to run (from the CLI or kiosk.testing)."""

    data_dir: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    install_signal_handlers: bool = True
    capture_crashes: bool = True
    log_to_stderr: bool = True
    idle_timeout_ms: int | None = None  # tests shorten the real timers
    idle_warning_ms: int | None = None
    # Services (appointments ...) load pydantic and the data thread; by default after the
    # first frame. Tests and screenshots want them at once.
    defer_services: bool = True
    # services.sync_engine.SyncConfig for the sync worker; None: the production timings.
    # End-to-end tests shorten the status polls and the backoff after the hub comes back.
    sync_config: Any = None
    # Milliseconds from start-up to the first automatic purge of old personal data; None:
    # the production delay. Tests shorten it.
    auto_purge_first_ms: int | None = None


class ConfigBridge(QObject):
    """Re-emits configuration changes on the GUI thread as a Qt signal."""

    changed = Signal(list)

    def __init__(self, notifier: ConfigNotifier) -> None:
        super().__init__()
        notifier.subscribe(lambda _config, keys: self.changed.emit(list(keys)))


class KioskApp:
    def __init__(self, options: AppOptions) -> None:
        self.options = options
        self.paths: KioskPaths = resolve_paths(options.data_dir)
        self.qapp: QApplication | None = None
        self.window: MainWindow | None = None
        self.session = Session()
        self.session_controller: SessionController | None = None
        self.config: ConfigNotifier | None = None
        self.config_bridge: ConfigBridge | None = None
        self.translations: Translations | None = None
        self.fonts_ok = True
        self._first_paint: QObject | None = None
        self.sync_bridge: Any = None
        self.sync_worker: Any = None
        self.data_runner: Any = None
        self.data_bridge: Any = None
        self.identity_gate: Any = None
        self.appointments: Any = None
        self.meals: Any = None
        self.benefits: Any = None
        self.flows: list[Any] = []
        self.online: bool | None = None
        self._stops: list[tuple[str, Callable[[], None]]] = []
        self._shut_down = False
        # What went wrong while starting that the kiosk works around (a read-only data
        # folder, a full disk); shown on the admin status page and in ``status``.
        self.startup_problems: list[str] = []
        self.emergency: Any = None  # ui.flows.emergency.EmergencyController
        self.watchdog: Any = None  # kiosk.watchdog.Watchdog (systemd notify)
        self.admin: Any = None  # ui.admin.controller.AdminController (admin, helper mode)
        self.voice: Any = None  # ui.voice_bridge.VoiceBridge
        self.auto_purge: Any = None  # ui.auto_purge.AutoPurge

    # -- start-up -------------------------------------------------------------------
    def _step(self, name: str, action: Callable[[], None]) -> None:
        started = time.perf_counter()
        action()
        log.info("start-up: %s (%.0f ms)", name, (time.perf_counter() - started) * 1000)

    def start(self) -> MainWindow:
        self.startup_problems.extend(self.paths.ensure())
        logging_set_up = setup_logging(
            self.paths.log_dir,
            os.environ.get("YIJIANTONG_LOG_LEVEL", "INFO"),
            to_stderr=self.options.log_to_stderr,
        )
        if logging_set_up.problem is not None:
            self.startup_problems.append(logging_set_up.problem)
        log.info(
            "Yijiantong %s starting; data dir %s; log %s",
            __version__,
            self.paths.data_dir,
            logging_set_up.file or "stderr only",
        )
        for problem in self.startup_problems:
            log.warning("start-up problem: %s", problem)
        if self.options.capture_crashes:
            self._step("crash capture", self._start_crash_capture)
        self._step("configuration", self._load_config)
        self._step("Qt application", self._start_qt)
        if self.options.install_signal_handlers:
            self._step("signal bridge", self._start_signals)
        self._step("translations", self._start_translations)
        self._step("fonts", self._check_fonts)
        self._step("main window", self._build_window)
        self._step("session", self._start_session)
        self._step("emergency", self._start_emergency)
        self._step("watchdog", self._start_watchdog)
        # Services and sync load the network and data stack (~250 ms, mostly pydantic
        # models), the voice its engines and audio, the admin its pages: after the window's
        # first paint, so the senior sees the home screen first. Tests and screenshots want
        # them at once.
        assert self.window is not None
        self.window.speak_requested.connect(self._speak_before_voice)
        if not self.options.defer_services:
            self._start_deferred()
        self._first_paint = FirstPaint(self.window, self._after_first_frame)
        log.info("start-up complete")
        assert self.window is not None
        return self.window

    def _start_crash_capture(self) -> None:
        capture = CrashCapture(self.paths.crash_log)
        problem = capture.install()
        if problem is not None:
            self.startup_problems.append(problem)
        self._stops.append(("crash capture", capture.uninstall))

    def _load_config(self) -> None:
        loaded: LoadedConfig = load_config(self.paths.config_file, overrides=self.options.overrides)
        logging.getLogger("yijiantong").setLevel(loaded.config.log_level)
        self.config = ConfigNotifier(loaded)
        for problem in loaded.problems:
            # Staff read stderr and the log; the senior keeps a working kiosk on defaults.
            print(f"yijiantong: settings problem: {problem}", file=sys.stderr)

    def _start_qt(self) -> None:
        app = QApplication.instance()
        if app is None:
            QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
            app = QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        app.setApplicationName("yijiantong")
        app.setApplicationVersion(__version__)
        app.setQuitOnLastWindowClosed(True)
        app.aboutToQuit.connect(self.shutdown)
        self.qapp = app
        self.config_bridge = ConfigBridge(self._config())

    def _start_signals(self) -> None:
        bridge = UnixSignalBridge(lambda _signum: self.quit())
        self._stops.append(("signal bridge", bridge.close))

    def _start_translations(self) -> None:
        assert self.qapp is not None
        translations = Translations(self.qapp)
        self.translations = translations
        self._stops.append(("translations", translations.close))

    def _check_fonts(self) -> None:
        self.fonts_ok = cjk_fonts_available()
        if not self.fonts_ok:
            log.warning(
                "no Chinese (CJK) fonts found: Chinese text would show as boxes. "
                "Install fonts-noto-cjk (Debian/Ubuntu) and restart."
            )
            print(
                "yijiantong: WARNING: Chinese fonts are missing; install fonts-noto-cjk",
                file=sys.stderr,
            )

    def _build_window(self) -> None:
        config = self._config().config
        assert self.translations is not None
        window = MainWindow(
            self.translations,
            locale=config.locale,
            text_scale=config.text_scale,
            theme=config.theme,
            services=config.services,
        )
        window.kiosk_app = self  # type: ignore[attr-defined]  # for kiosk.testing
        window.closing.connect(self.quit)
        if not self.fonts_ok:
            window.show_font_warning()
        assert self.config_bridge is not None
        self.config_bridge.changed.connect(self._apply_config_change)
        self.window = window
        self._stops.append(("main window", self._close_window))

    def _start_session(self) -> None:
        assert self.window is not None
        config = self._config().config
        controller = SessionController(
            self.window,
            self.session,
            default_locale=self.window.locale,
            default_scale=config.text_scale,
            idle_timeout_ms=self.options.idle_timeout_ms or config.idle_timeout_s * 1000,
            warning_ms=self.options.idle_warning_ms or config.idle_warning_s * 1000,
        )
        self.session_controller = controller
        self._stops.append(("session", controller.shutdown))

    def _start_emergency(self) -> None:
        """The emergency call (ui/flows/emergency.py). If it cannot be built, the button
        still opens the placeholder page that tells the person to call 120."""
        assert self.window is not None and self.session_controller is not None
        window, controller = self.window, self.session_controller
        try:
            from ui.flows.emergency import EmergencyController

            self.emergency = EmergencyController(
                window,
                data_dir=self.paths.data_dir,
                config=self._config().config,
                session_data=self.session.data,
                keep_alive=controller.activity,
            )
        except Exception:
            log.exception("the emergency call could not be set up")
            window.emergency_requested.connect(lambda: window.show_page("emergency"))
            return
        self._stops.append(("emergency", self.emergency.stop))

    def _start_voice(self) -> None:
        # Every page spoken, push-to-talk commands (ui/voice_bridge.py). No speaker or
        # microphone is a note on screen, never a failure: touch always works.
        from ui.voice_bridge import VoiceBridge

        assert self.window is not None and self.config_bridge is not None
        bridge = VoiceBridge(
            self.window, self._config(), self.config_bridge.changed, self.paths.voice_models_dir
        )
        self.voice = bridge
        self.window.speak_requested.disconnect(self._speak_before_voice)
        if self.emergency is not None:
            self.emergency.speak.connect(bridge.say)  # each new state of the alarm is spoken
        self._stops.append(("voice", bridge.shutdown))
        bridge.start()

    def _start_admin(self) -> None:
        from ui.admin.context import AdminContext
        from ui.admin.controller import AdminController

        assert self.window is not None
        paths = self.paths
        context = AdminContext(
            settings=self._config(),
            data_dir=paths.data_dir,
            voice_models_dir=paths.voice_models_dir,
            log_dir=paths.log_dir,
            config_file=paths.config_file,
            session_data=self.session.data,
            wipe_session=self._wipe_session,
            is_online=lambda: self.online,
            wake_sync=self._sync_now,
            status_report=self._status_report,
            emergency=lambda: self.emergency,
            person=lambda: self.identity_gate.person() if self.identity_gate else None,
            startup_problems=self.startup_problems,
        )
        self.admin = AdminController(self.window, context)
        self._stops.append(("admin", self.admin.shutdown))

    def _wipe_session(self) -> None:
        if self.session_controller is not None:
            self.session_controller.wipe()
        elif self.window is not None:
            self.window.reset_session(self.window.locale, self.window.text_scale)

    def _sync_now(self) -> None:
        """Send what is queued now; after a first enrolment, start the sync worker."""
        if self.sync_worker is None:
            self._start_sync()
        else:
            self.sync_worker.wake()

    def _status_report(self) -> dict[str, Any]:
        from kiosk.status import collect_status

        return collect_status(str(self.paths.data_dir), startup_problems=self.startup_problems)

    def _start_watchdog(self) -> None:
        from kiosk.watchdog import Watchdog

        assert self.window is not None
        self.watchdog = Watchdog(self.window)

    def _after_first_frame(self) -> None:
        if self._shut_down:
            return
        self._start_deferred()
        self._step("sync (after first frame)", self._start_sync)

    def _start_deferred(self) -> None:
        if self.appointments is None:
            self._step("services", self._start_services)
        if self.voice is None:
            self._step("voice", self._start_voice)
        if self.admin is None:
            self._step("admin", self._start_admin)

    def _speak_before_voice(self) -> None:
        """The Speak button pressed before the voice was started: start it on the spot."""
        if self.voice is None and not self._shut_down:
            self._start_voice()
            voice: Any = self.voice
            voice.push_to_talk()

    def _start_services(self) -> None:
        """The data thread, identification and the service flows."""
        if self._shut_down or self.window is None:
            return
        from services.tasks import TaskRunner
        from ui.data import DataBridge
        from ui.flows.appointments import AppointmentsFlow
        from ui.flows.benefits import BenefitsFlow
        from ui.flows.identity_gate import IdentityGate
        from ui.flows.meals import MealsFlow
        from ui.pages.identify import IdentifyPage
        from ui.pages.phone import PhonePage
        from ui.slip import SlipPrinter

        window, config = self.window, self._config().config
        runner = TaskRunner(self.paths.data_dir)
        runner.start()
        bridge = DataBridge(runner)
        self.data_runner, self.data_bridge = runner, bridge
        self._stops.append(("data thread", lambda: self._stop_data(runner, bridge)))
        # Questions to the hub (benefit status, bookings made at other kiosks) wait on the
        # network, so they get their own thread: a slow hub never holds up a menu or a
        # booking on the data thread.
        lookup_runner = TaskRunner(self.paths.data_dir, name="hub-lookups")
        lookup_runner.start()
        lookup_bridge = DataBridge(lookup_runner)
        self._stops.append(("lookup thread", lambda: self._stop_data(lookup_runner, lookup_bridge)))
        identify = IdentifyPage(window)
        window.add_page(identify)
        self.identity_gate = IdentityGate(window, identify, self.session.data)
        self.appointments = AppointmentsFlow(
            window,
            bridge,
            self.identity_gate,
            online=lambda: self.online,
            on_queued=self._wake_sync,
            printer=SlipPrinter(config.printer) if config.printer else None,
            lookups=lookup_bridge,
        )
        flow_options: dict[str, Any] = {"online": lambda: self.online, "on_queued": self._wake_sync}
        self.meals = MealsFlow(
            window, bridge, self.identity_gate, area=config.service_area, **flow_options
        )
        phone = PhonePage(window)
        window.add_page(phone)
        self.benefits = BenefitsFlow(
            window,
            bridge,
            self.identity_gate,
            lookups=lookup_bridge,
            phone_page=phone,
            **flow_options,
        )
        self.flows = [self.appointments, self.meals, self.benefits]
        self._start_auto_purge(bridge)

    def _start_auto_purge(self, data: Any) -> None:
        from ui.auto_purge import FIRST_RUN_MS, AutoPurge

        session = self.session_controller
        purge = AutoPurge(
            data,
            days=lambda: self._config().config.purge_after_days,
            idle=lambda: session is not None and not session.in_use(),
            first_run_ms=self.options.auto_purge_first_ms or FIRST_RUN_MS,
        )
        self.auto_purge = purge
        self._stops.append(("automatic purge", purge.stop))

    @staticmethod
    def _stop_data(runner: Any, bridge: Any) -> None:
        if not runner.stop(timeout=15):
            log.warning("data thread did not stop in time")
        bridge.close()

    def _wake_sync(self) -> None:
        if self.sync_worker is not None:
            self.sync_worker.wake()
        if self.admin is not None:
            self.admin.request_queued()  # helper mode: the audit log

    def _start_sync(self) -> None:
        """Start the sync worker when this kiosk is enrolled with a hub."""
        if self._shut_down or self.window is None:
            return
        from kiosk.bridges import SyncBridge
        from services.store import StorageError, Store
        from services.sync import SyncWorker, credentials

        assert self.window is not None
        try:
            store = Store(self.paths.data_dir)
            with store.connect() as conn:
                url, _token, enrolled = credentials(conn)
        except StorageError as exc:
            # The screen still works; staff see the reason in the log and in `status`.
            log.error("local store unavailable, running without sync: %s", exc)
            self.window.header.show_connection("cannot_save")
            return
        if not url:
            log.info("no hub configured; sync not started")
            return
        if not enrolled:
            self.window.header.show_connection("not_enrolled")
        bridge = SyncBridge()
        bridge.state_changed.connect(self._show_sync_state)
        for flow in self.flows:
            bridge.request_changed.connect(flow.request_changed)
        worker = SyncWorker(
            store,
            config=self.options.sync_config,
            on_state=bridge.on_state,
            on_request_changed=bridge.on_request_changed,
        )
        worker.start()
        self.sync_bridge = bridge
        self.sync_worker = worker
        self._stops.append(("sync", lambda: self._stop_sync(worker, bridge)))

    @staticmethod
    def _stop_sync(worker: Any, bridge: Any) -> None:
        if not worker.stop(timeout=15):
            log.warning("sync worker did not stop in time; its queue is safe on disk")
        bridge.close()

    def _show_sync_state(self, state: Any) -> None:
        self.online = state.online if state.enrolled else None
        if self.window is None:
            return
        if not state.enrolled:
            self.window.header.show_connection("not_enrolled")
        elif state.online is None:
            self.window.header.show_connection("")
        else:
            self.window.header.show_connection("online" if state.online else "offline")

    def _config(self) -> ConfigNotifier:
        assert self.config is not None
        return self.config

    def _apply_config_change(self, keys: list[str]) -> None:
        window = self.window
        controller = self.session_controller
        if window is None:
            return
        config = self._config().config
        log.info("settings changed: %s", ", ".join(keys))
        if "theme" in keys:
            window.set_theme(config.theme)
        if controller is not None:
            if "locale" in keys or "text_scale" in keys:
                was_in_use = controller.in_use()
                controller.default_locale = config.locale
                controller.default_scale = config.text_scale
                if not was_in_use:
                    # Nobody is mid-task: show the new defaults now. Otherwise they take
                    # effect when this person's session ends.
                    window.reset_session(config.locale, config.text_scale)
            if "idle_timeout_s" in keys or "idle_warning_s" in keys:
                controller.set_timeouts(config.idle_timeout_s * 1000, config.idle_warning_s * 1000)

    # -- running --------------------------------------------------------------------
    def show(self) -> None:
        assert self.window is not None
        config = self._config().config
        if config.fullscreen:
            self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.window.showFullScreen()
        else:
            self.window.resize(1280, 800)
            self.window.show()

    def exec(self) -> int:
        assert self.qapp is not None and self.window is not None
        if diagnostics.wanted():
            diagnostics.report_first_frame_and_quit(self.window, self._quit_now)
        self.show()
        return self.qapp.exec()

    def quit(self) -> None:
        # Deferred so a signal handler or a slot never tears down what called it.
        QTimer.singleShot(0, self._quit_now)

    def _quit_now(self) -> None:
        self.shutdown()
        if self.qapp is not None:
            self.qapp.quit()

    def _close_window(self) -> None:
        if self.window is not None:
            self.window.closing.disconnect(self.quit)
            self.window.close()

    def shutdown(self) -> None:
        """The one shutdown path. Safe to call more than once."""
        if self._shut_down:
            return
        self._shut_down = True
        log.info("shutting down")
        if self.watchdog is not None:
            self.watchdog.stop()  # first: systemd must not take a slow, orderly stop for a hang
        for name, stop in reversed(self._stops):
            try:
                stop()
                log.info("stopped: %s", name)
            except Exception:  # keep stopping the rest; a half shutdown loses data
                log.exception("error while stopping %s", name)
        self._stops.clear()
        logging.getLogger("yijiantong").info("shutdown complete")

    def data_path(self) -> Path:
        return self.paths.data_dir
