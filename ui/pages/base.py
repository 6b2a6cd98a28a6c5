"""What every page has: a name, a title, one question, and a way to forget the user.

Pages never talk to services or other pages directly; they emit signals the main
window (and, through it, kiosk/) acts on.

Voice (kiosk/voice_bridge.py) asks every page three things: what to say on entry
(``spoken_text``), what may be said back (``voice_grammar``: the visible buttons' labels,
digits when a keypad is up) and what to do with a recognised command (``voice_command``,
which by default presses the same button a finger would). The defaults are derived from
the visible ``choice.*``, ``tile.*`` and ``button.*`` buttons, so a page only overrides
them where they are wrong.

A page whose content changes while it is shown (a list that arrives from a data thread,
the next screen of choices, an answer that replaces "please wait") calls
``notify_content_changed()`` there; the voice bridge then says the page again if its
words changed. Nothing fires it on a mere repaint: only the page knows what is new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.labels import TextLabel

# Buttons voice may press: the page's own choices and actions, never the language or
# text-size switches (their labels are not words a recogniser knows).
VOICE_BUTTON_PREFIXES = ("choice.", "tile.", "button.")
# Global spoken commands that press a page's button when it has one, in order of preference.
COMMAND_BUTTONS: dict[str, tuple[str, ...]] = {
    "confirm": ("button.confirm", "keypad.enter", "button.continue"),
    "yes": ("button.confirm", "button.continue", "keypad.enter"),
    "no": ("button.cancel",),
    "cancel": ("button.cancel",),
    "next": ("button.more", "button.continue"),
    "clear": ("keypad.clear",),
}
_NOT_SPOKEN = re.compile(r"[^\w\s']+")


@dataclass(frozen=True)
class VoiceChoice:
    """A button that can be chosen by voice: its objectName, its label, a service intent."""

    id: str
    label: str
    intent: str | None = None


@dataclass(frozen=True)
class VoiceGrammar:
    """What a page accepts by voice besides the global commands."""

    choices: tuple[VoiceChoice, ...] = ()
    digits: bool = False


def spoken_label(text: str) -> str:
    """The words of a button label: first line, without arrows, ticks or prices' symbols."""
    first = text.strip().split("\n", 1)[0]
    return " ".join(_NOT_SPOKEN.sub(" ", first).split())


class Page(QWidget):
    #: Stable English page name used by navigation, ``current_page()`` and screenshots.
    name = ""
    #: A text size of the page's own (staff pages), instead of the senior's choice.
    own_scale: int | None = None
    #: The page's content changed while it may be shown (see ``notify_content_changed``).
    spoken_content_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page.{self.name}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(32, 16, 32, 16)
        self.layout_.setSpacing(16)
        self.title = TextLabel("title", self)
        self.title.setObjectName("label.title")
        self.title.setWordWrap(True)
        self.layout_.addWidget(self.title)

    def retranslate(self) -> None:
        """Set every visible string in the current language."""
        raise NotImplementedError

    def apply_theme(self, theme: Theme, scale: int) -> None:
        """Redraw icons in the theme's colours; plain colours come from the style sheet."""

    def reset(self) -> None:
        """Forget everything the current user entered or was shown (privacy wipe)."""

    def spoken_text(self) -> str:
        """What the speech engine says when this page appears or on 'repeat': by default
        the title and the labels of the buttons that can be chosen."""
        labels = [c.label for c in self.voice_grammar().choices]
        return ". ".join(p for p in (self.title.plain_text(), "; ".join(labels)) if p)

    def notify_content_changed(self) -> None:
        """Call after rebuilding what is shown in place (no page change): the voice bridge
        re-speaks ``spoken_text()`` if this is the current page and its words changed.
        ``spoken_text()`` is read at once, so it must not depend on buttons added in this
        turn (Qt shows those a moment later); FlowPage's reads its items, not its buttons."""
        self.spoken_content_changed.emit()

    def voice_buttons(self) -> list[QAbstractButton]:
        """The visible, enabled buttons voice may press (see VOICE_BUTTON_PREFIXES)."""
        return [
            button
            for button in self.findChildren(QAbstractButton)
            if button.objectName().startswith(VOICE_BUTTON_PREFIXES)
            and button.isVisibleTo(self)
            and button.isEnabled()
        ]

    def voice_grammar(self) -> VoiceGrammar:
        choices = []
        for button in self.voice_buttons():
            name = button.objectName()
            label = spoken_label(button.accessibleName() or button.text())
            if label:
                intent = name.removeprefix("tile.") if name.startswith("tile.") else None
                choices.append(VoiceChoice(name, label, intent))
        keypad = self._button("keypad.0")
        return VoiceGrammar(tuple(choices), digits=keypad is not None)

    def voice_command(self, intent: str, value: str | None) -> bool:
        """Act on a recognised command as a finger would; False when the page has no use
        for it (home, back, repeat and help are the window's, not the page's)."""
        if intent == "choice" and value:
            names: tuple[str, ...] = (value,)
        elif intent == "digit" and value:
            names = (f"keypad.{value.lower()}",)
        else:
            names = COMMAND_BUTTONS.get(intent, ())
        for name in names:
            button = self._button(name)
            if button is not None:
                button.click()
                return True
        return False

    def _button(self, name: str) -> QAbstractButton | None:
        for button in self.findChildren(QAbstractButton, name):
            if button.isVisibleTo(self) and button.isEnabled():
                return button
        return None

    def entered(self) -> None:
        """Called each time the page becomes visible."""
