"""Voice in the real kiosk: spoken commands navigate, every page is spoken.

The real kiosk (kiosk.testing, enrolled with the real reference hub over loopback) runs
its real voice bridge: the TTS worker with real espeak-ng synthesis, the ASR worker with
the real pocketsphinx engine and the kiosk's own page grammars and post-filter. Only the
sound card is replaced, because this machine has none:

* the **microphone** is a double that "hears" audio synthesised by espeak-ng (two
  voices, two rates, with the pause and noise floor of a real push-to-talk recording),
  delivered in the 100 ms blocks PortAudio would deliver, through the same
  MicrophoneCapture, speech gate and end-of-speech detection the kiosk uses;
* the **speaker** is a recording double that keeps every chunk of audio the kiosk
  plays, and can hold playback (like a device whose buffer is full) so that an
  interruption can be observed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.fresh_speech import synthesise
from tests.helpers.kiosk_driver import WAIT_MS, Kiosk
from ui import voice_bridge
from ui.voice_bridge import VoiceBridge
from voice.audio import InputStream, NoMicrophoneError
from voice.devices import VoiceDevices
from voice.engine import CHUNK_BYTES, SAMPLE_RATE
from voice.pipeline import PipelineResult
from voice.playback import OutputStream
from voice.wav import with_room

VOICES = ("en-us", "en-gb-x-rp")
RATES = (130, 170)
TRAILING_QUIET = bytes(2 * SAMPLE_RATE)  # a second of the person saying nothing more
PHRASES = (
    "meals",
    "see a doctor",
    "three",
    "one",
    "five",
    "clear",
    "back",
    "help",
    "home",
    "say again",
    "play some music please",
)
REJECTED = "Sorry, please say it again or touch the screen."


class RecordingSpeaker:
    """Speaker double: keeps every chunk written; ``hold()`` blocks writes until released."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.writing = threading.Event()
        self._released = threading.Event()
        self._released.set()

    def open(self, rate: int) -> OutputStream:
        return self

    def write(self, pcm: bytes) -> None:
        self.writing.set()
        assert self._released.wait(60), "playback held for over a minute"
        self.chunks.append(pcm)

    def close(self) -> None:
        pass

    def hold(self) -> None:
        self.writing.clear()
        self._released.clear()

    def release(self) -> None:
        self._released.set()


class FakeMicrophone:
    """Microphone double: plays synthesised audio into the kiosk's capture callback."""

    def __init__(self) -> None:
        self.available = True
        self._on_audio: Callable[[bytes], None] | None = None

    def factory(self, device: str) -> Callable[[Callable[[bytes], None]], InputStream]:
        def open_stream(on_audio: Callable[[bytes], None]) -> InputStream:
            if not self.available:
                raise NoMicrophoneError("no input device (test double)")
            self._on_audio = on_audio
            return self

        return open_stream

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def close(self) -> None:
        self._on_audio = None

    def play(self, pcm: bytes) -> None:
        assert self._on_audio is not None, "the kiosk has not opened the microphone"
        for start in range(0, len(pcm), CHUNK_BYTES):
            self._on_audio(pcm[start : start + CHUNK_BYTES])


@dataclass
class VoiceKiosk:
    kiosk: Kiosk
    voice: VoiceBridge
    speaker: RecordingSpeaker
    microphone: FakeMicrophone

    @property
    def qtbot(self) -> QtBot:
        return self.kiosk.qtbot

    def speak(self, pcm: bytes) -> PipelineResult:
        """Press "speak", wait for the listening marker and the open gate, talk."""
        window, voice = self.kiosk.window, self.voice
        with self.qtbot.waitSignal(voice.heard, timeout=WAIT_MS) as heard:
            window.bottom.speak.click()
            self.qtbot.waitUntil(window.bottom.listening.isVisible, timeout=WAIT_MS)
            # The kiosk stops talking at the press; the microphone opens 0.5 s later.
            self.qtbot.waitUntil(lambda: not voice.gate.is_closed(), timeout=WAIT_MS)
            self.microphone.play(pcm)
        self.qtbot.waitUntil(lambda: not window.bottom.listening.isVisible(), timeout=WAIT_MS)
        result = heard.args[0]
        assert isinstance(result, PipelineResult)
        return result

    alarms: int = 0

    def count_alarm(self) -> None:
        self.alarms += 1

    def page(self) -> str:
        return self.kiosk.window.current_page()

    def entry(self) -> str:
        page = self.kiosk.window.pages.get("identify")
        return str(page.entry()) if page is not None else ""

    def purpose(self) -> str:
        return str(self.kiosk.window.pages["identify"].purpose.plain_text())

    def apologised(self) -> bool:
        notice = self.kiosk.window.bottom.notice.plain_text()
        return notice == REJECTED and REJECTED in self.voice.last_spoken

    def go_to(self, page: str) -> None:
        """Reach ``page`` by touch, as the senior would after a misheard word."""
        window = self.kiosk.window
        if self.page() == page:
            return
        if self.page() != "home":
            window.bottom.home.click()
        if page == "identify":
            window.home.tiles["meals"].click()
        self.kiosk.wait_page(page)

    def next_speech(self, action: Callable[[], Any]) -> tuple[int, str]:
        with self.qtbot.waitSignal(self.voice.speech_requested, timeout=WAIT_MS) as spoken:
            action()
        uid, text = spoken.args
        return uid, text


@pytest.fixture(scope="module")
def commands() -> dict[tuple[str, int, str], bytes]:
    """Every phrase, spoken by espeak-ng in each voice at each rate, as a microphone hears
    it; made in a fresh process so the audio is the same every run (fresh_speech)."""
    keys = [(voice, rate, phrase) for voice in VOICES for rate in RATES for phrase in PHRASES]
    audio = synthesise([(phrase, voice, rate) for voice, rate, phrase in keys])
    return {
        key: with_room(pcm + TRAILING_QUIET, seed=1) for key, pcm in zip(keys, audio, strict=True)
    }


@pytest.fixture
def make_voice_kiosk(make_kiosk: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    def factory(*, microphone: bool = True, **settings: Any) -> VoiceKiosk:
        speaker, mic = RecordingSpeaker(), FakeMicrophone()
        mic.available = microphone
        monkeypatch.setattr(
            voice_bridge, "DEVICES", VoiceDevices(speaker=lambda: speaker, microphone=mic.factory)
        )
        kiosk = make_kiosk(voice_engine_en="pocketsphinx", **settings)
        voice = kiosk.app.voice
        assert isinstance(voice, VoiceBridge)
        # The senior chooses English on the home screen; the home page is said in English.
        _uid, text = VoiceKiosk(kiosk, voice, speaker, mic).next_speech(
            kiosk.window.home.language_buttons["en"].click
        )
        assert text.startswith("Hello. What do you need today?"), text
        return VoiceKiosk(kiosk, voice, speaker, mic)

    yield factory


# (page the step starts on, phrase, what it should be heard as, what the kiosk must then show)
Check = Callable[["VoiceKiosk", str], bool]
STEPS: tuple[tuple[str, str, tuple[str, str | None] | None, Check], ...] = (
    ("home", "meals", ("choice", "tile.meals"), lambda vk, _e: vk.page() == "identify"),
    ("identify", "three", ("digit", "3"), lambda vk, before: vk.entry() == before + "3"),
    ("identify", "one", ("digit", "1"), lambda vk, before: vk.entry() == before + "1"),
    ("identify", "five", ("digit", "5"), lambda vk, before: vk.entry() == before + "5"),
    ("identify", "clear", ("clear", None), lambda vk, _e: vk.entry() == ""),
    ("identify", "back", ("back", None), lambda vk, _e: vk.page() == "home"),
    (
        "home",
        "see a doctor",
        ("choice", "tile.appointments"),
        lambda vk, _e: vk.page() == "identify" and "doctor" in vk.purpose(),
    ),
    ("identify", "home", ("home", None), lambda vk, _e: vk.page() == "home"),
    (
        "home",
        "play some music please",
        None,  # out of grammar: rejected, a visible and spoken apology, nothing else
        lambda vk, _e: vk.page() == "home" and vk.apologised(),
    ),
    (
        "home",
        "say again",
        ("repeat", None),
        lambda vk, _e: vk.voice.last_spoken.startswith("Hello. What do you need today?"),
    ),
    # Last: what follows an alarm is the emergency screen's business, not voice's.
    ("home", "help", ("choice", "tile.emergency"), lambda vk, _e: vk.alarms > 0),
)


@pytest.mark.parametrize("rate", RATES)
@pytest.mark.parametrize("voice_name", VOICES)
def test_spoken_commands_navigate_the_kiosk(
    make_voice_kiosk: Any, commands: dict[tuple[str, int, str], bytes], voice_name: str, rate: int
) -> None:
    """Each step starts on its page (reached by touch, so one misheard word does not
    spoil the rest); whatever the recogniser makes of the audio, the kiosk must do exactly
    that: the intended action when heard right, an apology and nothing else when rejected.
    pocketsphinx is not perfect on synthetic voices (tests/integration/test_voice_pipeline.py
    measures it), so up to two of the eleven steps may be misheard, at most one as a
    different command."""
    vk = make_voice_kiosk()
    window = vk.kiosk.window
    window.emergency_requested.connect(vk.count_alarm)
    misheard: list[tuple[str, dict[str, object]]] = []
    for start, phrase, intended, check in STEPS:
        vk.go_to(start)
        before = vk.entry()
        result = vk.speak(commands[(voice_name, rate, phrase)])
        outcome = result.outcome
        heard = (outcome.intent, getattr(outcome, "value", None)) if result.accepted else None
        if heard == intended:
            vk.qtbot.waitUntil(lambda c=check, b=before: c(vk, b), timeout=WAIT_MS)
        else:
            misheard.append((phrase, result.as_dict()))
            if heard is None:  # rejected: an apology, and the kiosk stays where it was
                vk.qtbot.waitUntil(vk.apologised, timeout=WAIT_MS)
                assert vk.page() == start, (phrase, vk.page())
    wrong = [m for m in misheard if m[1]["intent"] is not None]
    assert len(misheard) <= 2 and len(wrong) <= 1, misheard


def test_new_page_interrupts_the_old_speech(make_voice_kiosk: Any) -> None:
    vk = make_voice_kiosk()
    window = vk.kiosk.window
    ended: dict[int, bool] = {}
    vk.voice.speech_ended.connect(ended.__setitem__)
    vk.qtbot.waitUntil(lambda: not vk.voice.gate.speaking, timeout=WAIT_MS)

    vk.speaker.hold()
    old, old_text = vk.next_speech(window.home.tiles["meals"].click)
    assert old_text.startswith("Please enter your ID card number"), old_text
    vk.qtbot.waitUntil(vk.speaker.writing.is_set, timeout=WAIT_MS)  # it is being heard
    new, new_text = vk.next_speech(window.bottom.back.click)
    assert new_text.startswith("Hello. What do you need today?")
    assert "Doctor; Meals; Benefits; Emergency" in new_text
    played_before = len(vk.speaker.chunks)
    vk.speaker.release()
    vk.qtbot.waitUntil(lambda: new in ended, timeout=WAIT_MS)
    assert ended[old] is False  # cut off
    assert ended[new] is True
    assert len(vk.speaker.chunks) > played_before + 10  # the new page was played


def test_repeat_says_the_page_again_even_with_speech_off(make_voice_kiosk: Any) -> None:
    vk = make_voice_kiosk()
    window = vk.kiosk.window
    vk.kiosk.app.config.update(speech_enabled=False)
    said: list[str] = []
    vk.voice.speech_requested.connect(lambda _uid, text: said.append(text))
    window.home.tiles["meals"].click()
    vk.kiosk.wait_page("identify")
    _uid, text = vk.next_speech(window.bottom.repeat.click)
    assert said == [text]  # the page change itself was not spoken
    assert text.startswith("Please enter your ID card number")


def test_without_a_microphone_voice_input_is_off_and_touch_works(make_voice_kiosk: Any) -> None:
    vk = make_voice_kiosk(microphone=False)
    window = vk.kiosk.window
    assert vk.voice.asr is None  # no recogniser running for nothing
    _uid, text = vk.next_speech(window.bottom.speak.click)
    note = "No microphone found. Voice input is off; the touch screen still works."
    assert text == note
    assert window.bottom.notice.plain_text() == note
    assert not window.bottom.listening.isVisible()
    window.home.tiles["meals"].click()
    vk.kiosk.wait_page("identify")
    vk.kiosk.tap("keypad.3")
    assert window.pages["identify"].entry() == "3"


def test_second_press_ends_the_utterance(make_voice_kiosk: Any) -> None:
    vk = make_voice_kiosk()
    window = vk.kiosk.window
    with vk.qtbot.waitSignal(vk.voice.heard, timeout=WAIT_MS) as heard:
        window.bottom.speak.click()
        vk.qtbot.waitUntil(window.bottom.listening.isVisible, timeout=WAIT_MS)
        window.bottom.speak.click()
    assert not heard.args[0].accepted  # nothing was said
    vk.qtbot.waitUntil(lambda: not window.bottom.listening.isVisible(), timeout=WAIT_MS)
    assert window.current_page() == "home"


def test_nothing_is_said_while_the_person_is_talking(make_voice_kiosk: Any) -> None:
    """A notice (here: a sync note) that comes up during push-to-talk is held, not spoken
    over the person (and not heard back by the microphone); it is said once they are done."""
    from PySide6.QtCore import QCoreApplication

    vk = make_voice_kiosk()
    window, voice = vk.kiosk.window, vk.voice
    said: list[str] = []
    voice.speech_requested.connect(lambda _uid, text: said.append(text))
    window.bottom.speak.click()
    vk.qtbot.waitUntil(window.bottom.listening.isVisible, timeout=WAIT_MS)
    voice.say("The canteen has a new menu.")
    for _turn in range(5):  # the zero-delay flush has run: nothing was said
        QCoreApplication.processEvents()
    assert said == [] and not voice.gate.speaking
    _uid, text = vk.next_speech(window.bottom.speak.click)  # the second press: done
    assert "The canteen has a new menu." in text
