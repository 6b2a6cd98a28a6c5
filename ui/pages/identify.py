"""Who are you? The resident ID number, typed on the keypad or read from a card.

Three ways in, all ending in the same checks (services.identity.parse_resident_id):

- the on-screen keypad;
- a physical keyboard or tactile keypad (digits, x/X, Backspace, Enter); a helper
  (relative, social worker) may type on the senior's behalf this way or on the screen,
  no special mode is needed;
- a card reader that "types" like a keyboard: a fast burst of characters ending in
  Enter. The burst replaces whatever was typed by hand and is submitted at once, and the
  spoken echo is one "card read" message, not 18 digits read aloud in a public place.

Privacy: the clear number lives only in ``self._entry`` (and the ``ResidentId`` handed
on through ``identified``); the screen shows the masked form and nothing is logged.
Escape is never consumed here: the main window uses it for "back".
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from services.identity import (
    RESIDENT_ID_LENGTH,
    InvalidResidentId,
    ResidentIdReason,
    mask_partial_id,
    mask_resident_id,
    parse_resident_id,
    spell_for_speech,
)
from ui.i18n import DEFAULT_LOCALE, normalise_locale
from ui.pages.base import Page
from ui.theme import BODY_PX, Theme, px
from ui.widgets.keypad import ACTIONS, DIGITS, Keypad
from ui.widgets.keypad import SPACING as KEYPAD_SPACING
from ui.widgets.labels import TextLabel, WrappedText
from voice.sentences import spoken_sentences

# A card reader sends its characters a few milliseconds apart; nobody types 15 keys with
# every gap under 60 ms by hand.
BURST_GAP_S = 0.060
BURST_MIN_CHARS = 15
MAX_LENGTH = RESIDENT_ID_LENGTH
# Digit groups of an ID (region, birth date, sequence + check), as printed on the card.
GROUPS = ((0, 6), (6, 14), (14, None))
EMPTY_SLOT = "_"
# A shape as well as the warning colours, so an error is never shown by colour alone.
WARNING_SIGN = "⚠"
SUCCESS_SIGN = "✓"
ENTRY_PX = 64
MAX_KEY_PX = 150
KEYPAD_SHARE = 0.45
ROW_SPACING = 32
# Room between the lowest keys and the bottom bar's Back/Home, against a slipping finger.
KEYPAD_BOTTOM_GAP = 24
_ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_DELETE_KEYS = {Qt.Key.Key_Backspace, Qt.Key.Key_Delete}
_ARROW_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down}


def reason_text(reason: ResidentIdReason, count: int) -> str:
    """One plain sentence per rejection reason; ``count`` is how many characters were typed."""
    if reason is ResidentIdReason.WRONG_LENGTH:
        return QCoreApplication.translate(
            "Identify", "An ID number has 18 characters; you have entered {count}."
        ).format(count=count)
    texts = {
        ResidentIdReason.NOT_DIGITS: QCoreApplication.translate(
            "Identify", "Only digits and a final X are allowed."
        ),
        ResidentIdReason.BAD_REGION: QCoreApplication.translate(
            "Identify", "The first six digits are not a valid region code — please check them."
        ),
        ResidentIdReason.IMPOSSIBLE_BIRTH_DATE: QCoreApplication.translate(
            "Identify",
            "The birth date in this number (digits 7 to 14) is not a real date "
            "— please check them.",
        ),
        ResidentIdReason.FUTURE_BIRTH_DATE: QCoreApplication.translate(
            "Identify",
            "The birth date in this number (digits 7 to 14) is in the future — please check them.",
        ),
        ResidentIdReason.TOO_OLD: QCoreApplication.translate(
            "Identify",
            "The birth date in this number (digits 7 to 14) is too long ago — please check them.",
        ),
        ResidentIdReason.BAD_CHECK_DIGIT: QCoreApplication.translate(
            "Identify", "The last digit does not match — please check the card."
        ),
    }
    return texts[reason]


def grouped_display(masked: str) -> str:
    """``3101**`` → ``3101** ________ ____``: groups 6-8-4, empty slots shown as blanks.

    Always the same width for up to 18 characters, so the display does not jump as
    digits are typed; a longer card-reader burst is shown whole in the last group.
    """
    padded = masked.ljust(MAX_LENGTH, EMPTY_SLOT)
    return " ".join(padded[start:end] for start, end in GROUPS)


# What the entry can show at its widest: used to pick a font size that never changes
# while digits are typed.
_WIDEST = (
    grouped_display(""),
    grouped_display("8" * (MAX_LENGTH - 1) + "X"),
    grouped_display("8888" + "*" * (MAX_LENGTH - 4)),
)


class EntryDisplay(WrappedText):
    """The typed number in large bold type. Blanks still to fill are drawn a little
    smaller with a gap after each, so they can be counted (plain underscores run into
    one line) and take no more room than digits.

    One logical line that wraps only at the group spaces on narrow screens; the font's
    own line spacing is then used, which is already above 1.3 em for these fonts.
    """

    BLANK_SCALE = 0.8
    GAP_SCALE = 0.12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("entry", parent)
        self._size = 0

    def set_size(self, size: int) -> None:
        self._size = size
        self.setStyleSheet(f"font-size: {size}px; font-weight: bold;")
        self.set_text(self._plain)

    def set_text(self, text: str) -> None:
        self._plain = text
        self._render()
        self.setAccessibleName(text)

    def _render(self) -> None:
        # Also what WrappedText calls when the font changes, so the blanks keep their gaps.
        body = html.escape(self._plain)
        if self._size:  # 0 until the page has a theme and a size
            blank_px, gap_px = (
                round(self._size * self.BLANK_SCALE),
                round(self._size * self.GAP_SCALE),
            )
            style = f"font-size:{blank_px}px; letter-spacing:{gap_px}px"
            blank = f'<span style="{style}">{EMPTY_SLOT}</span>'
            body = body.replace(EMPTY_SLOT, blank)
        self.setText(f'<p style="margin:0">{body}</p>')

    def text_width(self, text: str, size: int) -> int:
        """Pixel width of ``text`` at font ``size``, blanks drawn as ``set_text`` does."""
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(size)
        blanks = text.count(EMPTY_SLOT)
        width = QFontMetrics(font).horizontalAdvance(text.replace(EMPTY_SLOT, ""))
        font.setPixelSize(round(size * self.BLANK_SCALE))
        blank = QFontMetrics(font).horizontalAdvance(EMPTY_SLOT) + round(size * self.GAP_SCALE)
        return width + blanks * blank


class IdentifyPage(Page):
    """Resident ID entry.

    Signals: ``identified(ResidentId)`` once a number passes every check;
    ``speech_requested(str)`` for everything to say (key echo, hints, errors), the last of
    which is kept in ``last_spoken``. Set up with ``set_locale`` (speech language),
    ``set_purpose_text``, ``set_today``; ``reset`` is the privacy wipe; ``entry`` returns
    the raw typed text. Widgets: ``label.entry``, ``label.progress``, ``label.instruction``,
    ``label.error``, ``label.purpose`` and the keypad's ``keypad.*`` keys.
    """

    name = "identify"
    identified = Signal(object)
    speech_requested = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._clock = clock
        # Not ``self.locale``: that would hide QWidget.locale().
        self.speech_locale = DEFAULT_LOCALE
        self.last_spoken = ""
        self._entry = ""
        self.entered_by = "keypad"  # how the last accepted number came: keypad or card_reader
        self._purpose: str | Callable[[], str] = ""
        # Current message as a function, so a language switch re-renders it.
        self._error: Callable[[], str] | None = None
        self._accepted = False
        self._scale = 100
        self._entry_px = 0
        # Keyboard input not yet applied (it may turn out to be a card burst), and the
        # current run of keys typed less than BURST_GAP_S apart.
        self._pending: list[str] = []
        self._run: list[str] = []
        self._last_key_at = 0.0
        # True while input comes from a keyboard: then Enter on a focused keypad key means
        # "submit", not "press this key" (which it means for arrow-key navigation).
        self._keyboard_typing = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(round(BURST_GAP_S * 1000))
        self._flush_timer.timeout.connect(self._flush_pending)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._build()

    def _build(self) -> None:
        self.purpose = WrappedText("body", self)
        self.purpose.setObjectName("label.purpose")
        self.purpose.hide()
        self.entry_label = EntryDisplay(self)
        self.entry_label.setObjectName("label.entry")
        self.progress = TextLabel("body", self)
        self.progress.setObjectName("label.progress")
        self.instruction = WrappedText("body", self)
        self.instruction.setObjectName("label.instruction")
        self.error = WrappedText("warning", self)
        self.error.setObjectName("label.error")
        self.error.hide()
        self.keypad = Keypad(self)
        self.keypad.key_pressed.connect(self._on_keypad)
        for button in self.keypad.keys.values():
            button.installEventFilter(self)

        # Entry first and at a fixed place; the message below it may change height.
        left = QVBoxLayout()
        left.setSpacing(8)
        for widget in (self.purpose, self.entry_label, self.progress):
            left.addWidget(widget)
        left.addWidget(self.instruction)
        left.addWidget(self.error)
        left.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(ROW_SPACING)
        row.addLayout(left, 1)
        # Top-aligned and fixed in size: messages appearing on the left never move a key.
        row.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(row, 1)

    # -- public API -------------------------------------------------------------------
    def set_locale(self, locale: str) -> None:
        """The language typed digits are spoken in (the window's display language)."""
        self.speech_locale = normalise_locale(locale)

    def set_today(self, today: date) -> None:
        self._today = lambda: today

    def set_purpose_text(self, text: str | Callable[[], str]) -> None:
        """Optional sub-title, e.g. "to book a doctor's appointment". Pass a function
        returning the translated text to have it follow language switches."""
        self._purpose = text
        self._show_purpose()

    def entry(self) -> str:
        """The raw typed text (clear digits). For tests and the identify flow only."""
        return self._entry

    def reset(self) -> None:
        self._flush_timer.stop()
        self._pending.clear()
        self._run.clear()
        self._keyboard_typing = False
        self._entry = ""
        self._error = None
        self._accepted = False
        self.last_spoken = ""
        self._refresh()

    def retranslate(self) -> None:
        self.title.set_text(
            QCoreApplication.translate("Identify", "Please enter your ID card number")
        )
        self.keypad.retranslate()
        self._show_purpose()
        self._refresh()
        self._fit_to_space()  # the title and key labels may need a different space now

    def spoken_text(self) -> str:
        # The purpose continues the title's sentence ("Please enter your ID card number,
        # to order a meal."), it is not a sentence of its own.
        title, purpose = self.title.plain_text(), self._purpose_text()
        if purpose:
            chinese = "\u4e00" <= title[-1:] <= "\u9fff"
            title = f"{title}{'，' if chinese else ', '}{purpose}"
        parts = [title, self._instruction_text()]
        if self._error is not None:
            parts.append(self._error())
        return spoken_sentences(parts)

    def apply_theme(self, theme: Theme, scale: int) -> None:
        self.keypad.apply_theme(theme, scale)
        self._scale = scale
        self._fit_to_space()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_space()

    def _fit_to_space(self) -> None:
        """Size the keys and the entry for the space the page has.

        Keys as large as the screen allows (up to MAX_KEY_PX): four rows in the height
        under the title, the keypad in at most KEYPAD_SHARE of the width. Then the entry
        gets the largest font (up to 64 px at 100 %, 80 px from 125 %) at which all 18
        characters fit on one line in the rest; never below body text size, where it
        wraps at the group spaces instead. Done here rather than when the entry is
        resized so that one layout pass settles everything.
        """
        margins = self.layout_.contentsMargins()
        inner_width = self.width() - margins.left() - margins.right()
        title_height = max(
            self.title.heightForWidth(inner_width), self.title.minimumSizeHint().height()
        )
        free_height = (
            self.height() - margins.top() - margins.bottom() - title_height - self.layout_.spacing()
        )
        actions = max(self.keypad.keys[k].sizeHint().width() for k in ACTIONS)
        by_height = (free_height - KEYPAD_BOTTOM_GAP - 3 * KEYPAD_SPACING) // 4
        by_width = (int(inner_width * KEYPAD_SHARE) - actions - 3 * KEYPAD_SPACING) // 3
        side_before, entry_before = self.keypad.key_side(), self._entry_px
        self.keypad.set_key_side(min(MAX_KEY_PX, by_height, by_width))

        width = inner_width - self.keypad.sizeHint().width() - ROW_SPACING - 4
        floor, ceiling = px(BODY_PX, self._scale), px(ENTRY_PX, min(self._scale, 125))
        size = ceiling
        while size > floor:
            if max(self.entry_label.text_width(t, size) for t in _WIDEST) <= width:
                break
            size -= 2
        self._entry_px = max(size, floor)
        if self._entry_px != entry_before:
            self.entry_label.set_size(self._entry_px)
        if (self.keypad.key_side(), self._entry_px) != (side_before, entry_before):
            self.layout_.activate()  # now, not in another round of the event loop

    # -- input ------------------------------------------------------------------------
    def _on_keypad(self, key: str) -> None:
        self._flush_pending()
        self._run.clear()
        self._keyboard_typing = False
        self._press(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if event.isAutoRepeat() and (key in _DELETE_KEYS or text.upper() in (*DIGITS, "X")):
            event.accept()  # a held-down key (a trembling finger) types once, not ten times
            return
        if key in _ENTER_KEYS:
            self._keyboard_enter()
            event.accept()
            return
        if key in _DELETE_KEYS:
            self._flush_pending()
            self._run.clear()
            self._keyboard_typing = True
            self._press("delete")
            event.accept()
            return
        if len(text) == 1 and text.upper() in (*DIGITS, "X"):
            self._keyboard_char(text.upper())
            event.accept()
            return
        if key in _ARROW_KEYS:
            self._keyboard_typing = False  # moving between keys: Enter presses the key
        # Everything else (Escape, arrows, Tab) goes on to the main window.
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A focused keypad key would take Enter as "press me"; after keyboard typing (or a
        # card burst) Enter must submit instead.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
            and self._keyboard_typing
        ):
            self._keyboard_enter()
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def _keyboard_char(self, char: str) -> None:
        now = self._clock()
        if self._run and now - self._last_key_at >= BURST_GAP_S:
            self._flush_pending()
            self._run.clear()
        self._run.append(char)
        self._pending.append(char)
        self._last_key_at = now
        self._keyboard_typing = True
        # Typed keys are echoed after BURST_GAP_S at the latest; a burst never is.
        self._flush_timer.start()

    def _keyboard_enter(self) -> None:
        now = self._clock()
        is_burst = len(self._run) >= BURST_MIN_CHARS and now - self._last_key_at < BURST_GAP_S
        if is_burst:
            self._flush_timer.stop()
            self._pending.clear()
            self._entry = "".join(self._run)  # drops any earlier hand-typed digits
            self._run.clear()
            self._submit(card=True)
        else:
            self._flush_pending()
            self._run.clear()
            self._submit()

    def _flush_pending(self) -> None:
        self._flush_timer.stop()
        pending, self._pending = self._pending, []
        for char in pending:
            self._press(char)

    # -- actions ----------------------------------------------------------------------
    def _press(self, key: str) -> None:
        if key == "enter":
            self._submit()
        elif key == "delete":
            self._delete()
        elif key == "clear":
            self._entry, self._error, self._accepted = "", None, False
            self._refresh()
            self._speak(QCoreApplication.translate("Identify", "Cleared"))
        else:
            self._type(key)

    def _type(self, char: str) -> None:
        if len(self._entry) >= MAX_LENGTH:
            self._show_error(
                lambda: QCoreApplication.translate(
                    "Identify", "The number is complete. Press OK, or press Delete to correct it."
                )
            )
            return
        if char == "X" and len(self._entry) != MAX_LENGTH - 1:
            self._show_error(
                lambda: QCoreApplication.translate(
                    "Identify", "X can only be the last of the 18 characters."
                )
            )
            return
        self._entry += char
        self._error, self._accepted = None, False
        self._refresh()
        self._speak(spell_for_speech(char, self.speech_locale))

    def _delete(self) -> None:
        if not self._entry:
            self._show_error(self._empty_text)
            return
        # The error stays while deleting: it says where the mistake is.
        self._entry = self._entry[:-1]
        self._accepted = False
        self._refresh()
        self._speak(QCoreApplication.translate("Identify", "Deleted"))

    def _submit(self, *, card: bool = False) -> None:
        prefix = QCoreApplication.translate("Identify", "Card read.") + " " if card else ""
        if not self._entry:
            self._show_error(self._empty_text, prefix)
            return
        try:
            resident = parse_resident_id(self._entry, today=self._today())
        except InvalidResidentId as error:
            count, reason = len(self._entry), error.reason
            self._show_error(lambda: reason_text(reason, count), prefix)
            return
        self._error, self._accepted = None, True
        self.entered_by = "card_reader" if card else "keypad"
        self._refresh()
        self._speak(prefix + self._instruction_text())
        self.identified.emit(resident)

    @staticmethod
    def _empty_text() -> str:
        return QCoreApplication.translate(
            "Identify", "Please type your ID card number first, or hold your card to the reader."
        )

    # -- display and speech -------------------------------------------------------------
    def _show_error(self, text: Callable[[], str], spoken_prefix: str = "") -> None:
        self._error = text
        self._refresh()
        self._speak(spoken_prefix + text())

    def _speak(self, text: str) -> None:
        self.last_spoken = text
        self.speech_requested.emit(text)

    def _instruction_text(self) -> str:
        if self._accepted:
            return QCoreApplication.translate(
                "Identify", "Thank you. Your ID card number is correct."
            )
        return QCoreApplication.translate(
            "Identify",
            "Type the number on the keypad and press OK, or hold your card to the card reader.",
        )

    def _purpose_text(self) -> str:
        return self._purpose() if callable(self._purpose) else self._purpose

    def _show_purpose(self) -> None:
        text = self._purpose_text()
        self.purpose.set_text(text)
        self.purpose.setVisible(bool(text))

    def _refresh(self) -> None:
        instruction = self._instruction_text()
        self.instruction.set_text(
            f"{SUCCESS_SIGN} {instruction}" if self._accepted else instruction
        )
        if self._accepted and len(self._entry) in (15, 18):
            masked = mask_resident_id(self._entry)  # a legacy number is shown upgraded
        else:
            masked = mask_partial_id(self._entry)
        self.entry_label.set_text(grouped_display(masked))
        self.progress.set_text(
            QCoreApplication.translate("Identify", "Digits entered: {count} / 18").format(
                count=len(self._entry)
            )
        )
        if self._error is None:
            self.error.set_text("")
        else:
            self.error.set_text(f"{WARNING_SIGN} {self._error()}")
        # An error takes the place of the instruction and the count: it says what to do,
        # and the blanks in the entry still show how many characters are missing.
        self.error.setVisible(self._error is not None)
        self.instruction.setVisible(self._error is None)
        self.progress.setVisible(self._error is None)
