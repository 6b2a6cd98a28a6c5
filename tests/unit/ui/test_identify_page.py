"""The ID entry page: keypad and keyboard input, card-reader bursts, messages, masking,
speech echo and the accessibility audit at the kiosk's screen sizes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QSizePolicy, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from services.identity import ResidentIdReason, check_character, spell_for_speech
from ui.audit import audit
from ui.fonts import font_for_locale
from ui.i18n import qm_path
from ui.pages.identify import IdentifyPage, reason_text
from ui.theme import THEMES, stylesheet
from ui.widgets.chrome import BottomBar, Header

TODAY = date(2025, 6, 1)
VALID = "11010519491231002" + check_character("11010519491231002")  # ends in X
LEGACY = "110105491231002"  # the same person's 15-digit number
WRONG_CHECK = VALID[:-1] + "1"
TABLE = Path(__file__).resolve().parents[3] / "locales" / "tables" / "identify.json"


class FakeClock:
    """A monotonic clock that moves ``step`` seconds each time it is read (once per key)."""

    def __init__(self, step: float) -> None:
        self.now = 100.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class DictTranslator(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = table

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.table.get((context, source))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(step=0.3)


@pytest.fixture
def page(qtbot: QtBot, clock: FakeClock) -> IdentifyPage:
    page = IdentifyPage(today=lambda: TODAY, clock=clock)
    page.retranslate()
    qtbot.addWidget(page)
    page.show()
    return page


@pytest.fixture
def spoken(page: IdentifyPage) -> list[str]:
    said: list[str] = []
    page.speech_requested.connect(said.append)
    return said


def tap(qtbot: QtBot, page: IdentifyPage, keys: Iterable[str]) -> None:
    """Tap on-screen keys: characters, or action names such as ``["enter"]``."""
    for key in keys:
        qtbot.mouseClick(page.keypad.keys[key], Qt.MouseButton.LeftButton)


def shown_digits(page: IdentifyPage) -> str:
    return page.entry_label.plain_text().replace(" ", "").rstrip("_")


# -- keypad ---------------------------------------------------------------------------------


def test_tapping_a_valid_id_emits_the_resident_with_age(qtbot: QtBot, page: IdentifyPage) -> None:
    tap(qtbot, page, VALID)
    with qtbot.waitSignal(page.identified, timeout=1000) as blocker:
        tap(qtbot, page, ["enter"])
    resident = blocker.args[0]
    assert resident.number == VALID
    assert resident.birth_date == date(1949, 12, 31)
    assert resident.age == 75
    assert shown_digits(page) == "1101**********002X"
    assert page.error.isHidden()
    assert page.instruction.plain_text().startswith("✓")


def test_each_typed_key_is_spoken_in_the_page_language(
    qtbot: QtBot, page: IdentifyPage, spoken: list[str]
) -> None:
    tap(qtbot, page, "12")
    page.set_locale("en")
    tap(qtbot, page, "3")
    tap(qtbot, page, ["delete", "clear"])
    assert spoken == [
        spell_for_speech("1", "zh_CN"),
        spell_for_speech("2", "zh_CN"),
        "three",
        "Deleted",
        "Cleared",
    ]
    assert page.entry() == ""


def test_wrong_check_digit_is_explained_and_the_entry_kept(
    qtbot: QtBot, page: IdentifyPage, spoken: list[str]
) -> None:
    received: list[object] = []
    page.identified.connect(received.append)
    tap(qtbot, page, WRONG_CHECK)
    tap(qtbot, page, ["enter"])
    sentence = "The last digit does not match — please check the card."
    assert received == []
    assert page.error.isVisible()
    assert page.error.plain_text() == f"⚠ {sentence}"
    assert page.last_spoken == sentence == spoken[-1]
    assert page.entry() == WRONG_CHECK
    tap(qtbot, page, ["delete", "X", "enter"])
    assert len(received) == 1


def test_the_display_never_shows_the_middle_digits(qtbot: QtBot, page: IdentifyPage) -> None:
    for count in range(1, len(VALID) + 1):
        tap(qtbot, page, VALID[count - 1])
        shown = shown_digits(page)
        assert len(shown) == count
        assert set(shown[4:14]) <= {"*"}, shown
        assert VALID[4:14] not in page.entry_label.accessibleName()
    assert shown_digits(page) == "1101**********002X"  # the last four once all are in


def test_legacy_15_digit_number_is_upgraded(qtbot: QtBot, page: IdentifyPage) -> None:
    tap(qtbot, page, LEGACY)
    with qtbot.waitSignal(page.identified, timeout=1000) as blocker:
        tap(qtbot, page, ["enter"])
    assert blocker.args[0].number == VALID
    assert shown_digits(page) == "1101**********002X"


def test_too_many_characters_are_refused_with_a_hint(
    qtbot: QtBot, page: IdentifyPage, spoken: list[str]
) -> None:
    tap(qtbot, page, VALID + "5")
    assert page.entry() == VALID
    assert "complete" in page.error.plain_text()
    assert spoken[-1] == page.last_spoken and "complete" in spoken[-1]


def test_x_is_only_accepted_as_the_last_character(qtbot: QtBot, page: IdentifyPage) -> None:
    tap(qtbot, page, "11X")
    assert page.entry() == "11"
    assert "X can only be the last" in page.error.plain_text()
    tap(qtbot, page, "0")  # typing on clears the hint
    assert page.error.isHidden()


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("110105194912", "you have entered 12"),
        ("11010519491331002X", "is not a real date"),
        ("110105203001010028", "in the future"),
        ("110105185001010021", "too long ago"),
        ("010105194912310026", "not a valid region code"),
        ("111111194912310028", "not a valid region code"),
    ],
)
def test_each_rejection_reads_as_one_plain_sentence(
    qtbot: QtBot, page: IdentifyPage, typed: str, words: str
) -> None:
    tap(qtbot, page, typed)
    tap(qtbot, page, ["enter"])
    assert words in page.error.plain_text()
    assert words in page.last_spoken
    assert page.progress.isHidden() and page.instruction.isHidden()


@pytest.mark.parametrize("reason", list(ResidentIdReason))
def test_every_reason_has_a_sentence(reason: ResidentIdReason) -> None:
    text = reason_text(reason, 7)
    assert text.endswith(".") and "{" not in text


def test_submitting_nothing_asks_for_the_number(qtbot: QtBot, page: IdentifyPage) -> None:
    tap(qtbot, page, ["enter"])
    assert "Please type your ID card number first" in page.last_spoken


# -- keyboard and card reader ---------------------------------------------------------------


def test_card_burst_replaces_hand_typed_digits_and_submits(
    qtbot: QtBot, page: IdentifyPage, clock: FakeClock, spoken: list[str]
) -> None:
    qtbot.keyClicks(page, "98")  # slow hand typing first
    qtbot.waitUntil(lambda: page.entry() == "98", timeout=1000)  # echoed after 60 ms
    clock.now += 2.0
    clock.step = 0.005
    before = len(spoken)
    with qtbot.waitSignal(page.identified, timeout=1000) as blocker:
        qtbot.keyClicks(page, VALID.lower())  # readers may send a lower-case x
        qtbot.keyClick(page, Qt.Key.Key_Return)
    assert blocker.args[0].number == VALID
    assert page.entry() == VALID
    burst_speech = spoken[before:]
    assert len(burst_speech) == 1  # one message, not eighteen digits
    assert burst_speech[0].startswith("Card read.")


def test_invalid_card_burst_is_reported_once(
    qtbot: QtBot, page: IdentifyPage, clock: FakeClock, spoken: list[str]
) -> None:
    clock.step = 0.005
    qtbot.keyClicks(page, WRONG_CHECK)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert spoken == ["Card read. The last digit does not match — please check the card."]
    assert page.entry() == WRONG_CHECK


def test_slow_typing_is_not_a_burst(qtbot: QtBot, page: IdentifyPage, spoken: list[str]) -> None:
    with qtbot.waitSignal(page.identified, timeout=1000):
        qtbot.keyClicks(page, VALID)
        qtbot.keyClick(page, Qt.Key.Key_Enter)
    digits = [spell_for_speech(c, "zh_CN") for c in VALID]
    assert spoken[: len(VALID)] == digits
    assert not any(s.startswith("Card read.") for s in spoken)


def test_backspace_deletes_and_typed_keys_echo_without_waiting_for_enter(
    qtbot: QtBot, page: IdentifyPage, spoken: list[str]
) -> None:
    qtbot.keyClicks(page, "123")
    qtbot.keyClick(page, Qt.Key.Key_Backspace)
    assert page.entry() == "12"
    qtbot.keyClicks(page, "4")
    # The last key waits (up to 60 ms) in case a card burst follows, then is echoed.
    qtbot.waitUntil(lambda: page.entry() == "124", timeout=1000)
    assert spoken[-1] == spell_for_speech("4", "zh_CN")


def test_enter_on_a_focused_key_submits_after_keyboard_typing(
    qtbot: QtBot, page: IdentifyPage
) -> None:
    key = page.keypad.keys["5"]
    with qtbot.waitSignal(page.identified, timeout=1000):
        qtbot.keyClicks(key, VALID)  # typed keys travel up from the focused key
        qtbot.keyClick(key, Qt.Key.Key_Return)
    assert page.entry() == VALID  # no "5" appended


def test_enter_on_a_focused_key_presses_it_when_navigating(
    qtbot: QtBot, page: IdentifyPage
) -> None:
    qtbot.keyClicks(page, "1")
    qtbot.keyClick(page, Qt.Key.Key_Right)  # arrow-key navigation between keys
    with qtbot.waitSignal(page.keypad.key_pressed, timeout=1000):
        qtbot.keyClick(page.keypad.keys["7"], Qt.Key.Key_Return)
    assert page.entry() == "17"


def test_escape_is_left_for_the_main_window(qtbot: QtBot, clock: FakeClock) -> None:
    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.keys: list[int] = []

        def keyPressEvent(self, event: QKeyEvent) -> None:
            self.keys.append(event.key())

    window = Window()
    qtbot.addWidget(window)
    page = IdentifyPage(window, today=lambda: TODAY, clock=clock)
    page.retranslate()
    window.show()
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    page.keyPressEvent(event)
    assert not event.isAccepted()
    qtbot.keyClick(page.keypad.keys["3"], Qt.Key.Key_Escape)
    assert window.keys == [Qt.Key.Key_Escape]


# -- privacy, speech, language ----------------------------------------------------------------


def test_reset_wipes_everything(qtbot: QtBot, page: IdentifyPage) -> None:
    qtbot.keyClicks(page, WRONG_CHECK[:4])
    tap(qtbot, page, WRONG_CHECK[4:])
    tap(qtbot, page, ["enter"])
    assert page.entry() and page.error.isVisible() and page.last_spoken
    page.reset()
    assert page.entry() == ""
    assert page.last_spoken == ""
    assert page.error.isHidden()
    assert page.progress.plain_text() == "Digits entered: 0 / 18"
    assert set(page.entry_label.plain_text()) == {"_", " "}
    qtbot.keyClick(page, Qt.Key.Key_Return)  # nothing pending from before the wipe
    assert page.entry() == ""


def test_spoken_text_has_title_purpose_instruction_and_error(
    qtbot: QtBot, page: IdentifyPage
) -> None:
    page.set_purpose_text("to book a doctor's appointment")
    text = page.spoken_text()
    # The purpose continues the title's sentence; every part ends with one full stop.
    assert text.startswith("Please enter your ID card number, to book a doctor's appointment. ")
    assert ".." not in text and "?." not in text
    assert "card reader" in text
    tap(qtbot, page, "12")
    tap(qtbot, page, ["enter"])
    assert "you have entered 2" in page.spoken_text()


def test_messages_follow_a_language_switch(qtbot: QtBot, page: IdentifyPage) -> None:
    page.set_purpose_text(lambda: QCoreApplication.translate("Identify", "Purpose"))
    tap(qtbot, page, "12")
    tap(qtbot, page, ["enter"])
    translator = DictTranslator(
        {
            ("Identify", "Purpose"): "预约看病",
            (
                "Identify",
                "An ID number has 18 characters; you have entered {count}.",
            ): "身份证号码有 18 位，您输入了 {count} 位。",
        }
    )
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        page.retranslate()
        assert page.error.plain_text() == "⚠ 身份证号码有 18 位，您输入了 2 位。"
        assert page.purpose.plain_text() == "预约看病"
    finally:
        app.removeTranslator(translator)


# -- accessibility audit --------------------------------------------------------------------


@pytest.fixture
def translated(request: pytest.FixtureRequest) -> Iterator[str]:
    """The compiled catalogue for the locale, plus the page's own table while its strings
    are not merged into the .ts files yet (the most recently installed is asked first)."""
    locale: str = request.param
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed: list[QTranslator] = []
    compiled = QTranslator()
    if compiled.load(str(qm_path(locale))):
        installed.append(compiled)
    if TABLE.exists():
        rows: dict[str, dict[str, str]] = json.loads(TABLE.read_text(encoding="utf-8"))
        table = {}
        for key, texts in rows.items():
            context, source = key.split("|", 1)
            table[context, source] = texts[locale]
        installed.append(DictTranslator(table))
    for translator in installed:
        app.installTranslator(translator)
    old_font = app.font()
    app.setFont(font_for_locale(locale))
    yield locale
    app.setFont(old_font)
    for translator in installed:
        app.removeTranslator(translator)


def kiosk_like(
    qtbot: QtBot, size: tuple[int, int], scale: int, clock: FakeClock
) -> tuple[QWidget, IdentifyPage]:
    """The page between the real header and bottom bar, so it gets the space it gets in the
    main window (which other work is changing, so it is not used here)."""
    theme = THEMES["light"]
    window = QWidget()
    window.setStyleSheet(stylesheet(theme, scale))
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    header, bottom = Header(window), BottomBar(window)
    page = IdentifyPage(window, today=lambda: TODAY, clock=clock)
    page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    for bar in (header, bottom):
        policy = bar.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        bar.setSizePolicy(policy)
        bar.retranslate()
        bar.apply_theme(theme, scale)
    layout.addWidget(header)
    layout.addWidget(page, 1)
    layout.addWidget(bottom)
    page.retranslate()
    page.apply_theme(theme, scale)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window, page


PURPOSE = {"zh_CN": "预约看病", "zh_HK": "預約看病", "en": "to book a doctor's appointment"}
SIZES = [
    ((1920, 1080), 100),
    ((1920, 1080), 200),
    ((1280, 1024), 100),
    ((1280, 1024), 200),
]


@pytest.mark.parametrize(("size", "scale"), SIZES)
@pytest.mark.parametrize("translated", ["zh_CN", "zh_HK", "en"], indirect=True)
def test_page_passes_the_audit(
    qtbot: QtBot, clock: FakeClock, translated: str, size: tuple[int, int], scale: int
) -> None:
    if translated == "en" and size == (1280, 1024) and scale == 200:
        # English at 200 % on the small screen does not fit (nor does the shared bottom
        # bar); README supports that screen at 100 % and 125 % only.
        pytest.skip("1280x1024 at 200 % is not a supported combination in English")
    _window, page = kiosk_like(qtbot, size, scale, clock)
    page.set_locale(translated)
    failures: list[str] = []

    def check(state: str) -> None:
        QApplication.processEvents()
        failures.extend(f"{state}: {p}" for p in audit(page, scale))

    check("empty")
    assert "letter-spacing" in page.entry_label.text()  # the blanks can be counted
    tap(qtbot, page, VALID[:-1])
    check("typing")
    tap(qtbot, page, ["enter"])
    check("too short")
    page.reset()
    page.set_purpose_text(PURPOSE[translated])
    tap(qtbot, page, "11010519491331002X")
    tap(qtbot, page, ["enter"])
    check("bad date with a purpose")
    page.reset()
    tap(qtbot, page, VALID)
    tap(qtbot, page, ["enter"])
    check("accepted")
    assert not failures, "\n".join(failures)
    assert min(b.height() for b in page.keypad.keys.values()) >= 96
