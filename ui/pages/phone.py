"""Which number should we call? A phone number on the same big keypad as the ID page.

The ID page's keypad, keyboard and speech handling are reused; only what a valid entry is
and how it is shown differ. The number is shown in full (grouped 3-4-4, so the senior can
check it digit by digit) because it is the senior's own and a wrong digit means no call.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from services.identity import InvalidPhone, PhoneReason, parse_phone, spell_for_speech
from ui.pages.identify import SUCCESS_SIGN, WARNING_SIGN, IdentifyPage

MAX_PHONE_DIGITS = 12  # 0 + 3-digit area code + 8 digits


def grouped_phone(digits: str) -> str:
    """``138 1234 5678`` / ``021 1234 5678``: short groups are easier to check aloud."""
    if not digits:
        return "_"
    return " ".join(part for part in (digits[:3], digits[3:7], digits[7:]) if part)


def phone_reason_text(reason: PhoneReason) -> str:
    return {
        PhoneReason.WRONG_LENGTH: QCoreApplication.translate(
            "Phone", "A mobile number has 11 digits; a Shanghai landline has 8. Please check."
        ),
        PhoneReason.NOT_DIGITS: QCoreApplication.translate("Phone", "Please type digits only."),
        PhoneReason.SHORT_NUMBER: QCoreApplication.translate(
            "Phone", "That is a service number. Please give a number we can call you on."
        ),
        PhoneReason.NOT_SHANGHAI: QCoreApplication.translate(
            "Phone", "Please give a mobile number or a Shanghai landline."
        ),
        PhoneReason.UNRECOGNISED: QCoreApplication.translate(
            "Phone", "This does not look like a phone number. Please check it."
        ),
    }[reason]


class PhonePage(IdentifyPage):
    """Emits ``number_entered(str)`` with the national digits once the number is valid."""

    name = "phone"
    number_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keypad.set_x_enabled(False)

    def retranslate(self) -> None:
        super().retranslate()
        self.title.set_text(
            QCoreApplication.translate("Phone", "Which phone number should we call?")
        )

    def _type(self, char: str) -> None:
        if char == "X":
            return
        if len(self._entry) >= MAX_PHONE_DIGITS:
            self._show_error(
                lambda: QCoreApplication.translate(
                    "Phone", "The number is complete. Press OK, or press Delete to correct it."
                )
            )
            return
        self._entry += char
        self._error, self._accepted = None, False
        self._refresh()
        self._speak(spell_for_speech(char, self.speech_locale))

    def _submit(self, *, card: bool = False) -> None:
        if not self._entry:
            self._show_error(self._empty_text)
            return
        try:
            phone = parse_phone(self._entry)
        except InvalidPhone as error:
            reason = error.reason
            self._show_error(lambda: phone_reason_text(reason))
            return
        self._error, self._accepted = None, True
        self._refresh()
        self._speak(self._instruction_text())
        self.number_entered.emit(phone.number)

    @staticmethod
    def _empty_text() -> str:
        return QCoreApplication.translate("Phone", "Please type your phone number first.")

    def _instruction_text(self) -> str:
        if self._accepted:
            return QCoreApplication.translate("Phone", "Thank you. We will call this number.")
        return QCoreApplication.translate(
            "Phone", "Type your mobile or home phone number and press OK."
        )

    def _refresh(self) -> None:
        instruction = self._instruction_text()
        self.instruction.set_text(
            f"{SUCCESS_SIGN} {instruction}" if self._accepted else instruction
        )
        self.entry_label.set_text(grouped_phone(self._entry))
        self.progress.set_text(
            QCoreApplication.translate("Phone", "Digits entered: {count}").replace(
                "{count}", str(len(self._entry))
            )
        )
        self.error.set_text(f"{WARNING_SIGN} {self._error()}" if self._error else "")
        self.error.setVisible(self._error is not None)
        self.instruction.setVisible(self._error is None)
        self.progress.setVisible(self._error is None)
