"""Voice re-speaks what changes on a page while it is shown.

The real kiosk against the real reference hub, with its real voice bridge (espeak-ng
synthesis, pocketsphinx recognition); only the sound card is replaced, by the recording
speaker and the synthesised-audio microphone of tests/e2e/test_voice_kiosk.py (this
machine has none). Covered: a list that arrives from the hub after the page was spoken,
a refresh with the same data (silent), "More" by touch and by voice, a change on a page
that is no longer shown (silent), and automatic speech turned off.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QTimer

from tests.e2e import test_voice_kiosk as voice_kiosk
from tests.e2e.test_appointments import book_at_other_kiosk
from tests.e2e.test_voice_kiosk import TRAILING_QUIET, VoiceKiosk
from tests.helpers.fresh_speech import synthesise
from tests.helpers.hub_process import HubProcess, resident_id
from tests.helpers.kiosk_driver import WAIT_MS
from ui.pages.flow_page import FlowPage
from voice.intents import IntentMatch, PageGrammar
from voice.wav import with_room

SENTINEL = "Nothing else."
PAGING = ("more", "next page")  # the "More" button's label; the global "next" command
make_voice_kiosk = voice_kiosk.make_voice_kiosk  # the kiosk with its sound card replaced


def settle(vk: VoiceKiosk) -> None:
    """Let the zero-delay timers started so far fire: Qt runs timers of equal delay in the
    order they were started, so the bridge's gathering timer has run when this one has."""
    fired: list[bool] = []
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(lambda: fired.append(True))
    timer.start()
    vk.qtbot.waitUntil(lambda: bool(fired), timeout=WAIT_MS)


def record_speech(vk: VoiceKiosk) -> list[str]:
    said: list[str] = []
    vk.voice.speech_requested.connect(lambda _uid, text: said.append(text))
    return said


def nothing_was_said(vk: VoiceKiosk, said: list[str]) -> None:
    """Nothing was said since ``said`` started recording, nor is anything still to be said:
    a sentence said now goes through the same gathering as page text, so anything queued
    would be joined to it."""
    settle(vk)
    _uid, text = vk.next_speech(lambda: vk.voice.say(SENTINEL))
    assert text == SENTINEL, text
    assert said == [SENTINEL], said


def open_days(vk: VoiceKiosk) -> FlowPage:
    """Identify, choose the first hospital and department: the day list (several screens)."""
    kiosk = vk.kiosk
    kiosk.identify(resident_id(3))
    kiosk.choose(kiosk.choices()[0], "appointments.department")
    kiosk.choose(kiosk.choices()[0], "appointments.day")
    page = kiosk.page()
    assert isinstance(page, FlowPage)
    assert page.choices.more.isVisible() and page.choices.more.isEnabled(), "one screen only"
    return page


def first_line(page: FlowPage) -> str:
    return page.choices.visible_items()[0].text.split("\n")[0]


def test_list_from_the_hub_is_spoken_when_it_arrives_and_cuts_the_entry_off(
    make_voice_kiosk: Any, hub: HubProcess
) -> None:
    _slot, _reference = book_at_other_kiosk(hub, serial=7)
    vk = make_voice_kiosk()
    kiosk, voice = vk.kiosk, vk.voice
    kiosk.identify(resident_id(7))
    ended: dict[int, bool] = {}
    voice.speech_ended.connect(ended.__setitem__)
    # Hold the hub-lookup thread so the hub's list arrives after the page was spoken.
    hub_answer = threading.Event()
    lookups = kiosk.app.appointments.lookups
    lookups.run(lambda _conn: hub_answer.wait(WAIT_MS / 1000), lambda _r: None)
    vk.qtbot.waitUntil(lambda: not voice.gate.speaking, timeout=WAIT_MS)

    vk.speaker.hold()
    old, old_text = vk.next_speech(lambda: kiosk.tap("button.my_appointments"))
    assert kiosk.window.current_page() == "appointments.mine"
    assert "You have no upcoming appointments" in old_text, old_text
    vk.qtbot.waitUntil(vk.speaker.writing.is_set, timeout=WAIT_MS)  # it is being heard
    new, new_text = vk.next_speech(hub_answer.set)
    assert kiosk.window.current_page() == "appointments.mine"
    assert "booked elsewhere" in new_text, new_text
    assert "no upcoming appointments" not in new_text
    vk.speaker.release()
    vk.qtbot.waitUntil(lambda: new in ended, timeout=WAIT_MS)
    assert ended[old] is False  # cut off
    assert ended[new] is True
    assert voice.last_spoken == new_text

    # The sync reports on the booking: the list is refreshed in place from the saved hub
    # answer, fetched moments ago, so no "as known just now" is added: the same words,
    # silence, twice.
    page = kiosk.page()
    [booking] = kiosk.choices()
    sync = kiosk.app.sync_bridge
    said = record_speech(vk)
    for _refresh in range(2):
        with vk.qtbot.waitSignal(page.spoken_content_changed, timeout=WAIT_MS):
            sync.request_changed.emit(booking)
        settle(vk)
        assert "as known" not in page.spoken_text(), page.spoken_text()
    nothing_was_said(vk, said)

    # "Repeat" says the list as it is now.
    _uid, again = vk.next_speech(kiosk.window.bottom.repeat.click)
    assert again.startswith("My appointments") and "booked elsewhere" in again, again


def test_more_by_touch_and_by_voice_speaks_the_next_choices(
    make_voice_kiosk: Any, monkeypatch: Any
) -> None:
    vk = make_voice_kiosk()
    voice = vk.voice
    page = open_days(vk)
    entry_first = first_line(page)
    vk.qtbot.waitUntil(lambda: entry_first in voice.last_spoken, timeout=WAIT_MS)

    first_screen = {f"choice.{item.id}" for item in page.choices.visible_items()}
    audio = dict(zip(PAGING, synthesise([(p, "en-us", 130) for p in PAGING]), strict=True))

    # Touch: "More" and "Previous" say the screen each turns to.
    _uid, text = vk.next_speech(page.choices.more.click)
    second_first = first_line(page)
    assert second_first != entry_first
    assert text.startswith("Which day?") and second_first in text, text
    assert entry_first not in text
    _uid, text = vk.next_speech(page.choices.previous.click)
    assert entry_first in text and second_first not in text, text

    # Voice: the "More" button's label, and the global "next page"; the grammar the
    # recogniser got at each press was the screen as it was then.
    sent: list[PageGrammar] = []
    asr = voice.asr
    assert asr is not None
    original = asr.set_page

    def spy(grammar: PageGrammar) -> None:
        sent.append(grammar)
        original(grammar)

    monkeypatch.setattr(asr, "set_page", spy)
    for phrase, meant in zip(PAGING, (("choice", "button.more"), ("next", None)), strict=True):
        heard = vk.speak(with_room(audio[phrase] + TRAILING_QUIET, seed=1))
        assert {c.id for c in sent[-1].choices if c.id.startswith("choice.")} == first_screen
        outcome = heard.outcome
        assert isinstance(outcome, IntentMatch), heard
        assert (outcome.intent, outcome.value) == meant, heard
        assert first_line(page) == second_first
        vk.qtbot.waitUntil(lambda: second_first in voice.last_spoken, timeout=WAIT_MS)
        assert voice.last_spoken.startswith("Which day?")
        assert entry_first not in voice.last_spoken
        vk.next_speech(page.choices.previous.click)


def test_a_change_on_a_page_no_longer_shown_is_not_spoken(make_voice_kiosk: Any) -> None:
    vk = make_voice_kiosk()
    kiosk = vk.kiosk
    days = open_days(vk)
    _uid, text = vk.next_speech(kiosk.window.bottom.back.click)
    assert kiosk.window.current_page() == "appointments.department"
    assert "Which day?" not in text
    said = record_speech(vk)
    with vk.qtbot.waitSignal(days.spoken_content_changed, timeout=WAIT_MS):
        days.choices.more.click()  # the hidden day list turns (as a late answer would)
    nothing_was_said(vk, said)


def test_speech_off_says_nothing_but_repeat_says_the_new_content(make_voice_kiosk: Any) -> None:
    vk = make_voice_kiosk()
    kiosk = vk.kiosk
    page = open_days(vk)
    kiosk.app.config.update(speech_enabled=False)
    said = record_speech(vk)
    entry_first = first_line(page)
    page.choices.more.click()
    settle(vk)
    assert said == []
    _uid, text = vk.next_speech(kiosk.window.bottom.repeat.click)
    assert first_line(page) in text and entry_first not in text, text
    assert said == [text]


def test_after_the_privacy_wipe_a_change_is_not_spoken(make_voice_kiosk: Any) -> None:
    vk = make_voice_kiosk()
    kiosk = vk.kiosk
    open_days(vk)
    controller = kiosk.app.session_controller
    assert controller is not None
    said = record_speech(vk)
    controller.wipe()
    assert kiosk.window.current_page() == "home"
    home = kiosk.window.home
    with vk.qtbot.waitSignal(home.spoken_content_changed, timeout=WAIT_MS):
        home.notify_content_changed()  # the empty room hears nothing, whatever changes
    nothing_was_said(vk, said)
