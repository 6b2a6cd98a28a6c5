"""Voice for the kiosk window: every page spoken, push-to-talk commands acted on.

The voice back end (voice/) knows nothing of Qt and runs on its own threads: the TTS
worker (synthesis + playback), PortAudio's capture thread and the ASR worker. This
bridge owns them for the composition root, turns their callbacks into Qt signals
on the GUI thread (through :class:`~ui.thread_inbox.ThreadInbox`, never a Qt call off the
GUI thread) and connects them to the window:

* **Speaking.** A page change interrupts the old speech and speaks the new page's
  ``spoken_text()``; notices (errors, confirmations) and the ID keypad's echo are
  spoken too. What happens in one turn of the event loop is gathered and spoken as one
  utterance (a zero-delay timer), so a page followed by its notice is said in full
  instead of the notice cutting the page off. Nothing is said at start-up or after the
  privacy wipe: the screen is then talking to an empty room. "Repeat" says the current
  page (and its notice) again, even with automatic speech turned off.
* **Content that changes in place.** A list that arrives after the page is shown, the
  next screen of choices, a refresh after sync: the current page (and only it) emits
  ``Page.spoken_content_changed``; when its ``spoken_text()`` now differs from what was
  last said for it, the new words cut off the old ones, gathered like a page change (a
  notice of the same turn is joined). The same words again (a periodic refresh) are not
  said twice; after the privacy wipe nothing is said until someone changes the page.
* **Never over the person.** While push-to-talk is listening nothing new is said (a
  notice, a list arriving, a state change): it is held and said when the utterance is
  over, unless the command changes the page. "Repeat" ends the listening and speaks.
* **Listening.** The speak button starts an utterance; it ends at the second press or
  when the person stops talking (:class:`SpeechEndDetector`). Before each utterance the
  ASR worker gets the current page's grammar (its visible buttons, digits when the
  keypad is up, the global commands); a recognised command does what a finger would
  (``Page.voice_command``), home / back / repeat / help are the window's. The
  microphone is muted while the kiosk speaks and half a second after (SpeechGate).
  Always-on listening for the emergency phrase only is a setting, off by default.
* **No sound card.** No microphone: voice input is off and pressing "speak" says so;
  the ASR worker is not even started. No speaker: "repeat" says so on screen. Touch
  always works.

Settings (speech on/off, rate, volume, engine per language, microphone, always-on
listening) apply live through the ConfigBridge signal.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, SignalInstance

from ui.main_window import MainWindow
from ui.pages.base import Page
from ui.settings_port import SettingsView
from ui.thread_inbox import ThreadInbox
from voice.asr_worker import AsrCallbacks, AsrWorker
from voice.audio import CaptureCallbacks, MicrophoneCapture, MicState
from voice.devices import DEVICES, VoiceDevices
from voice.endpoint import SpeechEndDetector
from voice.engine import EngineStatus, RecognitionEngine
from voice.engine_choice import create_engine
from voice.gate import SpeechGate
from voice.intents import Choice, IntentMatch, IntentMatcher, PageGrammar, load_catalogue
from voice.pipeline import PipelineResult
from voice.sentences import join_sentences
from voice.tts import TtsCallbacks, TtsStatus, TtsWorker

log = logging.getLogger("yijiantong.voice")


def page_grammar(page: Page) -> PageGrammar:
    grammar = page.voice_grammar()
    return PageGrammar(
        choices=tuple(Choice(c.id, c.label, c.intent) for c in grammar.choices),
        digits=grammar.digits,
    )


def _text(source: str) -> str:
    texts = {
        "rejected": QCoreApplication.translate(
            "Voice", "Sorry, please say it again or touch the screen."
        ),
        "no_microphone": QCoreApplication.translate(
            "Voice", "No microphone found. Voice input is off; the touch screen still works."
        ),
        "no_engine": QCoreApplication.translate(
            "Voice",
            "Voice input is not available in this language on this kiosk. Please touch the screen.",
        ),
        "no_speaker": QCoreApplication.translate(
            "Voice", "No speaker found, so nothing can be read aloud. Please read the screen."
        ),
    }
    return texts[source]


class VoiceBridge(QObject):
    """Speech out and push-to-talk in for one kiosk window. GUI thread only."""

    speech_requested = Signal(int, str)  # utterance id, text handed to the TTS worker
    speech_ended = Signal(int, bool)  # utterance id, completed (False: cut off or failed)
    first_audio = Signal(int, float)  # utterance id, perf_counter of its first sample
    heard = Signal(object)  # PipelineResult of each push-to-talk utterance
    mic_state_changed = Signal(str, str)  # MicState, note for the screen
    speech_status_changed = Signal(str, str)  # TtsStatus, detail
    engine_status_changed = Signal(object)  # EngineStatus

    def __init__(
        self,
        window: MainWindow,
        config: SettingsView,
        config_changed: SignalInstance,
        models_dir: Path,
        devices: VoiceDevices | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._config = config
        self._models_dir = models_dir
        self._devices = devices or DEVICES
        self._inbox = ThreadInbox(self._deliver, self)
        settings = config.config
        self.gate = SpeechGate()
        post = self._inbox.post
        self.tts = TtsWorker(
            TtsCallbacks(
                first_audio=lambda uid: post(("first_audio", uid, time.perf_counter())),
                finished=lambda uid, completed: post(("ended", uid, completed, "")),
                failed=lambda uid, why: post(("ended", uid, False, why)),
                status_changed=lambda status, detail: post(("tts_status", status, detail)),
            ),
            sink=self._devices.speaker(),
            gate=self.gate,
            rate_wpm=settings.speech_rate_wpm,
            volume_percent=settings.volume_percent,
        )
        self.asr: AsrWorker | None = None
        self.endpoint = SpeechEndDetector()
        self.capture = self._new_capture(settings.microphone)
        self.engine_status: EngineStatus | None = None
        self.speaker_problem = ""
        self.last_spoken = ""
        self._page_text = ""  # the current page's words as last queued (said unless muted)
        self._watched: Page | None = None  # the page whose content changes are spoken
        self._room_empty = True  # start-up and after the wipe, until a page change
        self._asr_locale = ""
        self._matchers: dict[str, IntentMatcher] = {}
        self._pending: list[str] | None = None
        self._pending_forced = False
        self._page_serial = 0  # bumped on every page change
        self._utterance_serial = -1  # the page serial an utterance was started on
        self._echo_pages: set[int] = set()
        self._spoken_locale = window.locale
        self._closed = False
        self._started = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)

        window.page_changed.connect(self._page_changed)
        window.notice_shown.connect(self.say)
        window.session_reset.connect(self._session_reset)
        window.user_choice_changed.connect(self._user_choice_changed)
        window.speak_requested.connect(self.push_to_talk)
        window.repeat_requested.connect(self.repeat)
        config_changed.connect(self._config_changed)

    # -- life cycle ---------------------------------------------------------------------
    def start(self) -> None:
        """Start the speech worker and open the microphone (after the first paint; a press
        of Speak before then opens the microphone on the spot)."""
        if self._started or self._closed:
            return
        self._started = True
        self.tts.start()
        if self.capture.state is MicState.CLOSED:
            self._open_microphone()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._flush_timer.stop()
        self.capture.close()
        if self.asr is not None:
            self.asr.shutdown()
        self.tts.shutdown()
        self._inbox.close()

    # -- speaking -------------------------------------------------------------------------
    def say(self, text: str) -> None:
        """Speak ``text`` after whatever else this turn of the event loop asks to say."""
        if self._pending is None:
            self._pending = []
        self._pending.append(text)
        self._flush_timer.start()

    def repeat(self) -> None:
        """Say the current page again (and its notice), even with speech turned off."""
        if self.capture.state is MicState.LISTENING:
            self.capture.stop_push_to_talk()  # asked to hear, not to be heard
        page = self._page()
        parts = [page.spoken_text()]
        self._page_text = parts[0]
        notice = self.window.bottom.notice
        if notice.isVisibleTo(self.window) and notice.plain_text():
            parts.append(notice.plain_text())
        if self.speaker_problem:
            self.window.bottom.show_notice(_text("no_speaker"))  # not spoken: no speaker
        self._pending, self._pending_forced = parts, True
        self._flush()

    def _page_changed(self, name: str) -> None:
        self._page_serial += 1
        page = self.window.pages[name]
        echo = getattr(page, "speech_requested", None)
        if echo is not None and id(page) not in self._echo_pages:
            self._echo_pages.add(id(page))  # the ID keypad's echo: digits, errors
            echo.connect(self.say)
        self._watch(page)
        self._room_empty = False
        self._page_text = page.spoken_text()
        self._pending = [self._page_text]  # a new page replaces what was still to say
        self._flush_timer.start()
        self._sync_locale()
        if self.capture.state is MicState.LISTENING:
            self.capture.stop_push_to_talk()  # an answer to the old page is not wanted

    def _session_reset(self) -> None:
        # The privacy wipe: say nothing to the empty room, forget the last words.
        self._pending = None
        self._flush_timer.stop()
        self.tts.stop()
        self.last_spoken = ""
        self._page_text = ""
        self._room_empty = True
        if self.capture.state is MicState.LISTENING:
            self.capture.stop_push_to_talk()

    def _user_choice_changed(self) -> None:
        if self.window.locale != self._spoken_locale:
            self._page_text = self._page().spoken_text()
            self._pending = [self._page_text]  # the same page, in the new language
            self._room_empty = False
            self._flush_timer.start()
            self._sync_locale()

    def _watch(self, page: Page) -> None:
        """Listen to the current page's content changes only."""
        if page is self._watched:
            return
        if self._watched is not None:
            self._watched.spoken_content_changed.disconnect(self._content_changed)
        page.spoken_content_changed.connect(self._content_changed)
        self._watched = page

    def _content_changed(self) -> None:
        page = self._watched
        if self._closed or self._room_empty or page is None or page is not self._page():
            return
        text = page.spoken_text()
        if text == self._page_text:
            return  # refreshed with the same data: nothing new to say
        previous, self._page_text = self._page_text, text
        if self._pending and self._pending[0] == previous:
            self._pending[0] = text  # the old words were not said yet: the new ones instead
        else:
            self._pending = [text, *(self._pending or [])]  # before this turn's notice
        self._flush_timer.start()

    def _flush(self) -> None:
        parts, forced = self._pending, self._pending_forced
        if parts and not forced and self.capture.state is MicState.LISTENING:
            return  # never talk over the person: said when the utterance is over
        self._pending, self._pending_forced = None, False
        if not parts or self._closed:
            return
        if not (forced or self._config.config.speech_enabled):
            return
        locale = self.window.locale
        text = join_sentences(parts, locale)
        if not text:
            return
        uid = self.tts.speak(text, locale)
        self._spoken_locale = locale
        self.last_spoken = text
        self.speech_requested.emit(uid, text)

    # -- listening ------------------------------------------------------------------------
    def push_to_talk(self) -> None:
        """The speak button: start an utterance, or end the one in progress."""
        if self._closed:
            return
        if self.capture.state is MicState.LISTENING:
            self.capture.stop_push_to_talk()
            return
        if self.capture.state is not MicState.IDLE and not self._open_microphone():
            # None plugged in since the last try.
            self.window.show_notice(_text("no_microphone"))
            return
        if self.engine_status is not None and not self.engine_status.ready:
            self.window.show_notice(_text("no_engine"))
            return
        assert self.asr is not None
        self.tts.stop()  # the person wants to talk: the kiosk stops
        self._pending = None
        self._sync_locale()
        self.asr.set_page(page_grammar(self._page()))
        self.endpoint.reset()
        self._utterance_serial = self._page_serial
        self.capture.start_push_to_talk()

    def act(self, intent: str, value: str | None) -> bool:
        """Do what a recognised command asks; False when it means nothing here."""
        window = self.window
        if intent == "emergency":
            window.emergency_requested.emit()
        elif intent == "home":
            window.go_home()
        elif intent == "back":
            window.go_back()
        elif intent == "repeat":
            self.repeat()
        elif self._page().voice_command(intent, value):
            pass
        elif intent == "cancel":
            window.go_back()
        else:
            return False
        return True

    def _on_result(self, result: PipelineResult) -> None:
        self.heard.emit(result)
        if self._utterance_serial != self._page_serial:
            log.info("voice command dropped: the page changed while it was spoken")
            return
        outcome = result.outcome
        if isinstance(outcome, IntentMatch) and self.act(outcome.intent, outcome.value):
            return
        self.window.show_notice(_text("rejected"))

    def _on_capture_audio(self, pcm: bytes) -> None:
        # Capture thread: hand over, and end the utterance when the person stops talking.
        asr = self.asr
        if asr is not None:
            asr.audio(pcm)
        if self.endpoint.feed(pcm):
            self.capture.stop_push_to_talk()

    def _new_capture(self, device: str) -> MicrophoneCapture:
        def to_asr(method: str) -> Callable[..., None]:
            def call(*args: Any) -> None:
                if self.asr is not None:
                    getattr(self.asr, method)(*args)

            return call

        return MicrophoneCapture(
            CaptureCallbacks(
                utterance_started=to_asr("utterance_started"),
                audio=self._on_capture_audio,
                utterance_ended=to_asr("utterance_ended"),
                spotting_audio=to_asr("spotting_audio"),
                state_changed=lambda state, note: self._inbox.post(("mic", state, note)),
            ),
            self.gate,
            self._devices.microphone(device),
        )

    def _open_microphone(self) -> bool:
        """Open the microphone and start the recogniser; False when there is none."""
        if self.capture.open() is not MicState.IDLE:
            log.info("voice input off: %s", self.capture.note)
            return False
        self._start_asr()
        self.capture.set_always_on(self._config.config.always_listen_emergency)
        return True

    def _start_asr(self) -> None:
        if self.asr is not None:
            return
        locale = self.window.locale
        post = self._inbox.post
        self.asr = AsrWorker(
            self._engine_factory(locale),
            self._matcher(locale),
            AsrCallbacks(
                result=lambda result: post(("result", result)),
                emergency=lambda result: post(("emergency", result)),
                grammar=lambda report: post(("grammar", report)),
                status=lambda status: post(("engine", status)),
            ),
        )
        self._asr_locale = locale
        self.asr.start()

    def _sync_locale(self, force: bool = False) -> None:
        locale = self.window.locale
        if self.asr is None or (locale == self._asr_locale and not force):
            return
        self.engine_status = None  # until the new engine reports
        self.asr.set_locale(self._engine_factory(locale), self._matcher(locale))
        self._asr_locale = locale

    def _engine_factory(self, locale: str) -> Callable[[], RecognitionEngine]:
        choice = getattr(self._config.config, f"voice_engine_{locale}", "auto")
        engines = {locale: "none" if choice == "off" else choice}
        models_dir = self._models_dir
        return lambda: create_engine(locale, models_dir, engines)

    def _matcher(self, locale: str) -> IntentMatcher:
        if locale not in self._matchers:
            self._matchers[locale] = IntentMatcher(load_catalogue(locale))
        return self._matchers[locale]

    # -- settings -------------------------------------------------------------------------
    def _config_changed(self, keys: list[str]) -> None:
        if self._closed:
            return
        config = self._config.config
        if "speech_enabled" in keys and not config.speech_enabled:
            self._pending = None
            self.tts.stop()
        if "speech_rate_wpm" in keys:
            self.tts.set_rate(config.speech_rate_wpm)
        if "volume_percent" in keys:
            self.tts.set_volume(config.volume_percent)
        if f"voice_engine_{self._asr_locale}" in keys:
            self._sync_locale(force=True)
        if "microphone" in keys:
            self.capture.close()
            self.capture = self._new_capture(config.microphone)
            self._open_microphone()
        if "always_listen_emergency" in keys:
            self.capture.set_always_on(config.always_listen_emergency)

    # -- worker events, on the GUI thread ---------------------------------------------------
    def _mic_state(self, state: MicState, note: str) -> None:
        self.window.bottom.show_listening(state is MicState.LISTENING)
        self.mic_state_changed.emit(str(state), note)
        if state is not MicState.LISTENING and self._pending:
            self._flush_timer.start()  # what came up while the person was talking

    def _deliver(self, item: tuple[Any, ...]) -> None:
        if self._closed:
            return
        kind = item[0]
        if kind == "first_audio":
            self.first_audio.emit(item[1], item[2])
        elif kind == "ended":
            _kind, uid, completed, why = item
            if why:
                log.info("utterance %s not spoken: %s", uid, why)
            self.speech_ended.emit(uid, completed)
        elif kind == "tts_status":
            status, detail = item[1], item[2]
            self.speaker_problem = detail if status is TtsStatus.NO_SPEAKER else ""
            self.speech_status_changed.emit(str(status), detail)
        elif kind == "mic":
            self._mic_state(item[1], item[2])
        elif kind == "result":
            self._on_result(item[1])
        elif kind == "emergency":
            if self.window.current_page() != "emergency":
                log.info("emergency phrase heard (always-on listening)")
                self.window.emergency_requested.emit()
        elif kind == "engine":
            self.engine_status = item[1]
            if not item[1].ready:
                log.warning("voice input unavailable: %s", item[1].detail)
            self.engine_status_changed.emit(item[1])
        elif kind == "grammar" and not item[1].ok:
            log.info("phrases the recogniser cannot hear: %s", dict(item[1].unknown_words))

    def _page(self) -> Page:
        return self.window.pages[self.window.current_page()]
