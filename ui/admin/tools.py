"""The admin's status and maintenance actions, each off the GUI thread.

Split from ui/admin/controller.py to keep each module readable: this one holds the jobs
(status snapshot, retry, model install, speaker and microphone tests, drill, export, purge)
and turns their outcomes into short messages; the controller holds entry, settings and
helpers.
"""

from __future__ import annotations

import logging
import math
import time
from array import array
from pathlib import Path
from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication

from services import usage
from services.store import folder_writable

log = logging.getLogger("yijiantong.admin")

MIC_TEST_S = 2.0
SPEAKER_TEXT = {
    "zh_CN": "这是扬声器测试。您能听到我吗？",
    "zh_HK": "呢個係喇叭測試。你聽唔聽到我？",
    "en": "This is a speaker test. Can you hear me?",
}


# -- status -----------------------------------------------------------------------------
def refresh_status(ctl: Any) -> None:
    page = ctl.pages["admin.status"]
    models_dir = ctl.context.voice_models_dir
    online = ctl.context.is_online()

    problems = list(ctl.context.startup_problems)
    data_dir = ctl.context.data_dir

    def job(conn: Any) -> dict[str, Any]:
        from services.alarms import alarm_history
        from services.outbox import Outbox
        from services.store import KEY_LAST_ERROR, KEY_LAST_SUCCESS
        from services.sync import credentials

        if not conn.read_only:  # a read-only store shows the counts it already has
            usage.count_new_requests(conn)
        _url, _token, enrolled = credentials(conn)
        status: dict[str, Any] = {
            "startup_problems": problems,
            "data_dir_writable": folder_writable(data_dir),
            "store_mode": "read-only" if conn.read_only else "read-write",
            "online": online,
            "enrolled": enrolled,
            "last_sync": conn.get(KEY_LAST_SUCCESS),
            "last_error": conn.get(KEY_LAST_ERROR),
            "queue_depth": Outbox(conn, lane=None).depth(),
            "dead_letters": Outbox(conn, lane=None).dead_letters(),
            "alarms": alarm_history(conn, limit=10),
            "usage": usage.daily_usage(conn, 30),
        }
        try:
            from voice.models import model_status

            status["voice"] = model_status(models_dir)
        except Exception as exc:  # the page still shows the rest
            status["voice"] = {"?": {"model": None, "state": str(exc)}}
        return status

    def failed(exc: BaseException) -> None:
        # The data file cannot be read at all: show what is known, and why.
        page.show_status(
            {
                "startup_problems": problems,
                "data_dir_writable": folder_writable(data_dir),
                "store_error": str(exc),
                "online": online,
            }
        )

    ctl._run(job, page.show_status, page, failed=failed)


def retry_dead_letter(ctl: Any, request_id: str) -> None:
    page = ctl.pages["admin.status"]

    def job(conn: Any) -> bool:
        from services.outbox import Outbox

        return bool(Outbox(conn, lane=None).retry_dead_letter(UUID(request_id), time.time()))

    def done(ok: bool) -> None:
        page.say(
            QCoreApplication.translate("Admin", "Queued again; it will be sent with the next sync.")
            if ok
            else QCoreApplication.translate("Admin", "That request is no longer in the list.")
        )
        if ok:
            ctl.context.wake_sync()
        refresh_status(ctl)

    ctl._run(job, done, page)


def install_model(ctl: Any, path: str, locale: str) -> None:
    page = ctl.pages["admin.status"]
    if not path:
        page.say(
            QCoreApplication.translate(
                "Admin", "Please type the full path of the model zip file first."
            )
        )
        return
    models_dir = ctl.context.voice_models_dir
    zip_path = Path(path).expanduser()

    def job(_conn: Any) -> str:
        from voice.models import ModelInstallError, install

        name = zip_path.name.removesuffix(".zip") or f"model-{locale}"
        try:
            folder, note = install(name, models_dir, from_zip=zip_path, locale=locale)
        except ModelInstallError as exc:
            return "error:" + str(exc)
        return f"{folder.name} ({note})"

    def done(result: str) -> None:
        if result.startswith("error:"):
            page.say(
                QCoreApplication.translate(
                    "Admin", "Not installed: {reason}. The old model (if any) is still in use."
                ).replace("{reason}", result.removeprefix("error:"))
            )
            return
        page.say(
            QCoreApplication.translate("Admin", "Installed: {model}").replace("{model}", result)
        )
        refresh_status(ctl)

    page.say(QCoreApplication.translate("Admin", "Installing… this can take a minute."))
    ctl._run(job, done, page)


# -- speaker and microphone ---------------------------------------------------------------
def test_speaker(ctl: Any) -> None:
    page = ctl.pages["admin.maintenance"]
    locale = ctl.window.locale
    config = ctl.context.settings.config
    page.show_sound_result(QCoreApplication.translate("Admin", "Speaking a test sentence…"))

    def work() -> int:
        from voice import commands

        return int(
            commands.say(
                SPEAKER_TEXT[locale], locale, None, config.speech_rate_wpm, config.volume_percent
            )
        )

    def done(result: Any) -> None:
        if result == 0:
            page.show_sound_result(
                QCoreApplication.translate(
                    "Admin", "The test sentence was played. Did you hear it?"
                )
            )
        else:
            page.show_sound_result(
                QCoreApplication.translate(
                    "Admin", "No sound could be played: check the speaker and its cable."
                )
            )

    ctl.in_thread(work, done)


def level_percent(pcm: bytes) -> int:
    """Peak level of 16-bit PCM as 0-100 on a decibel scale (-60 dB .. 0 dB)."""
    samples = array("h", pcm[: len(pcm) // 2 * 2])
    peak = max((abs(s) for s in samples), default=0)
    if peak <= 0:
        return 0
    db = 20 * math.log10(peak / 32768)
    return max(0, min(100, round((db + 60) * 100 / 60)))


def test_microphone(ctl: Any, stream_factory: Any = None) -> None:
    page = ctl.pages["admin.maintenance"]
    page.set_level(0)
    page.show_sound_result(
        QCoreApplication.translate("Admin", "Listening for 2 seconds: please speak.")
    )
    device = getattr(ctl.context.settings.config, "microphone", "")

    def work() -> int:
        import threading

        from voice.audio import NoMicrophoneError, microphone_input

        factory = stream_factory or microphone_input(device)
        peak = [0]

        def on_audio(pcm: bytes) -> None:
            level = level_percent(pcm)
            peak[0] = max(peak[0], level)
            ctl.inbox.post(lambda: page.set_level(level))

        try:
            stream = factory(on_audio)
            stream.start()
        except NoMicrophoneError:
            return -1
        threading.Event().wait(MIC_TEST_S)  # the recording itself: this thread only
        stream.stop()
        stream.close()
        return peak[0]

    def done(result: Any) -> None:
        if isinstance(result, BaseException) or result == -1:
            page.show_sound_result(
                QCoreApplication.translate(
                    "Admin",
                    "No microphone found. Voice input is off; the touch screen still works.",
                )
            )
        elif result < 10:
            page.set_level(result)
            page.show_sound_result(
                QCoreApplication.translate(
                    "Admin", "The microphone works but heard almost nothing. Is it muted?"
                )
            )
        else:
            page.set_level(result)
            page.show_sound_result(
                QCoreApplication.translate(
                    "Admin", "The microphone works (loudest: {level} %)."
                ).replace("{level}", str(result))
            )

    ctl.in_thread(work, done)


# -- drill ----------------------------------------------------------------------------------
def run_drill(ctl: Any) -> None:
    """Raise a drill alarm through the real emergency path, with no call placed.

    The emergency controller reads ``emergency_drill`` from its own copy of the settings when an
    alarm is raised, so the drill hands it a copy with the flag on (and no SIP phone) for
    the one press, and gives the real ones back when the session ends.
    """
    page = ctl.pages["admin.maintenance"]
    emergency = ctl.context.emergency()
    if emergency is None or not hasattr(emergency, "trigger"):
        page.say(
            QCoreApplication.translate(
                "Admin", "The emergency call is not set up on this kiosk; no drill."
            )
        )
        return
    saved_config, saved_sip = emergency.config, emergency.sip
    emergency.config = saved_config.replace(emergency_drill=True)
    emergency.sip = None  # a drill never phones the service centre

    def restore() -> None:
        emergency.config = ctl.context.settings.config
        emergency.sip = saved_sip

    ctl._drill_restore = restore
    log.info("emergency drill started from the admin screen")
    emergency.trigger("admin drill")


# -- export ---------------------------------------------------------------------------------
def export(ctl: Any, folder: Path) -> None:
    page = ctl.pages["admin.maintenance"]
    if not str(folder) or str(folder) == ".":
        page.say(
            QCoreApplication.translate(
                "Admin", "Please type the folder to export to (e.g. /media/usb)."
            )
        )
        return
    context = ctl.context
    kiosk_name = context.settings.config.kiosk_name
    secrets = context.settings.config.secret_values()

    def job(_conn: Any) -> str:
        from services import hub_credentials
        from services.diagnostics_export import ExportError, database_summary, export_bundle

        _, token = hub_credentials.read_without_writing(context.data_dir)
        if token:
            secrets.append(token)

        log_dir = context.log_dir
        logs = list(log_dir.glob("*.log*")) if log_dir.is_dir() else []
        try:
            target = export_bundle(
                folder,
                log_files=logs,
                extra_files={"config.toml": context.config_file},
                reports={
                    "status.json": context.status_report(),
                    "database.json": database_summary(context.data_dir),
                },
                kiosk_name=kiosk_name,
                secrets=secrets,
            )
        except ExportError as exc:
            return f"error:{exc.reason}:{exc}"
        return str(target)

    def done(result: str) -> None:
        if not result.startswith("error:"):
            page.say(
                QCoreApplication.translate("Admin", "Exported to {file}").replace("{file}", result)
            )
            return
        reason = result.split(":", 2)[1]
        messages = {
            "read_only": QCoreApplication.translate(
                "Admin", "Cannot write to {folder}: it is read-only."
            ),
            "full": QCoreApplication.translate("Admin", "Cannot write to {folder}: it is full."),
            "missing": QCoreApplication.translate(
                "Admin", "There is no folder {folder}. Is the USB stick plugged in?"
            ),
        }
        text = messages.get(
            reason, QCoreApplication.translate("Admin", "Export to {folder} failed.")
        )
        page.say(text.replace("{folder}", str(folder)))

    page.say(QCoreApplication.translate("Admin", "Exporting…"))
    ctl._run(job, done, page)


# -- purge ----------------------------------------------------------------------------------
def purge(ctl: Any, days: int) -> None:
    page = ctl.pages["admin.maintenance"]

    def job(conn: Any) -> Any:
        from services.purge import purge as run

        return run(conn, days)

    def done(report: Any) -> None:
        text = QCoreApplication.translate(
            "Admin",
            "Removed {requests} old requests and {answers} saved answers. "
            "{queued} requests still waiting to be sent were kept.",
        )
        page.say(
            text.replace("{requests}", str(report.requests_deleted))
            .replace("{answers}", str(report.lookups_deleted))
            .replace("{queued}", str(report.still_queued))
        )

    page.say(QCoreApplication.translate("Admin", "Removing personal data…"))
    ctl._run(job, done, page)


# -- home screen services ---------------------------------------------------------------------
def rebuild_home(window: Any, services: tuple[str, ...]) -> None:
    """Show the home tiles in the new set and order (the home page is rebuilt, not restarted)."""
    from ui.pages.home import HomePage

    home = HomePage(tuple(services), window)
    home.service_chosen.connect(window._open_service)
    home.locale_chosen.connect(window._user_sets_locale)
    home.scale_chosen.connect(window._user_sets_scale)
    window.home = home
    window.add_page(home)
    home.show_selection(window.locale, window.text_scale)
    if window.current_page() == "home":
        window.navigator.home()
