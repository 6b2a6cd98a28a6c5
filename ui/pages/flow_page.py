"""One page type for every step of a service flow: a question, facts, choices, actions.

Each step fills the same parts (title, who it is for, the data's age, a warning, a big
reference number, body text, up to six choices, action buttons); unused parts stay hidden.
Keeping one widget tree for every step means the same positions and sizes on every screen,
and one set of accessibility checks. The flow that owns the page re-renders it through
``renderer`` whenever the language changes.

Every ``show_content`` and every turn of the choices' screens ("More", "Previous") tells
voice the content changed (``notify_content_changed``); the voice bridge ignores it unless
the page is on screen and its spoken words differ, so a refresh with the same data is silent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from ui.pages.base import Page
from ui.theme import PRIMARY_CONTROL_PX, Theme
from ui.widgets.buttons import BigButton, retire
from ui.widgets.choice_grid import ChoiceGrid, ChoiceItem
from ui.widgets.labels import TextLabel, WrappedText
from voice.sentences import spoken_sentences

__all__ = ["Action", "ChoiceItem", "FlowPage"]


@dataclass(frozen=True, slots=True)
class Action:
    """A button under the choices; ``name`` is its objectName (``button.confirm`` ...)."""

    name: str
    text: str
    role: str = "button"


class FlowPage(Page):
    chosen = Signal(str)  # a choice's id
    action = Signal(str)  # an action's objectName

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        self.name = name
        super().__init__(parent)
        self.renderer: Callable[[], None] | None = None
        self.subtitle = WrappedText("body", self)
        self.subtitle.setObjectName("label.subtitle")
        self.info = TextLabel("status", self)
        self.info.setObjectName("label.data_age")
        self.info.setWordWrap(True)
        self.warning = WrappedText("warning", self)
        self.warning.setObjectName("label.warning")
        self.big = TextLabel("reference", self)
        self.big.setObjectName("label.reference")
        self.big.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.big.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.body = WrappedText("body", self)
        self.body.setObjectName("label.body")
        self.choices = ChoiceGrid(self)
        self.choices.chosen.connect(self.chosen)
        # After the grid's own handlers (connected first), so the new screen is built.
        self.choices.previous.clicked.connect(self.notify_content_changed)
        self.choices.more.clicked.connect(self.notify_content_changed)
        self._actions_host = QWidget(self)
        self._actions_row = QHBoxLayout(self._actions_host)
        self._actions_row.setContentsMargins(0, 0, 0, 0)
        self._actions_row.setSpacing(16)
        self.action_buttons: dict[str, BigButton] = {}
        self._look: tuple[Theme, int] | None = None
        self._bodies = ("", "")
        for part in (self.subtitle, self.info, self.warning, self.big, self.body):
            self.layout_.addWidget(part)
        # The choices take the height left (they lay themselves out in it); without choices
        # the stretch keeps the actions at the bottom.
        self.layout_.addWidget(self.choices, 1)
        self.layout_.addStretch(0)
        self.layout_.addWidget(self._actions_host)
        self.reset()

    def show_content(
        self,
        *,
        title: str,
        subtitle: str = "",
        info: str = "",
        warning: str = "",
        big: str = "",
        body: str = "",
        body_compact: str = "",
        choices: Sequence[ChoiceItem] = (),
        actions: Sequence[Action] = (),
        keep_choice_page: bool = False,
    ) -> None:
        """Replace everything shown. Empty parts are hidden. ``body_compact`` is the same
        body on fewer lines, shown where the full one does not fit (at large text)."""
        self.title.set_text(title)
        self._bodies = (body, body_compact or body)
        for label, text in (
            (self.subtitle, subtitle),
            (self.info, info),
            (self.warning, warning),
            (self.big, big),
            (self.body, body),
        ):
            label.set_text(text)
            label.setVisible(bool(text))
        same = [i.id for i in self.choices.items()] == [i.id for i in choices]
        # The same list again (e.g. after a language switch): stay on the person's screen.
        self.choices.set_items(choices, keep_screen=keep_choice_page and same)
        self.choices.setVisible(bool(choices))
        self._set_actions(actions)
        self._fit()
        # Shown already (a refresh in place, a list that arrived): voice may say it again.
        self.notify_content_changed()

    def _set_actions(self, actions: Sequence[Action]) -> None:
        for button in self.action_buttons.values():
            self._actions_row.removeWidget(button)
            retire(button)
        self.action_buttons = {}
        for action in actions:
            button = BigButton(action.name, action.role, None, self._actions_host)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.set_label(action.text)
            button.clicked.connect(lambda _=False, n=action.name: self.action.emit(n))
            if self._look is not None:
                button.apply_theme(*self._look)
            self._actions_row.addWidget(button)
            self.action_buttons[action.name] = button
        self._actions_host.setVisible(bool(actions))

    def retranslate(self) -> None:
        self.choices.retranslate()
        if self.renderer is not None:
            self.renderer()

    def apply_theme(self, theme: Theme, scale: int) -> None:
        self._look = (theme, scale)
        # At the largest text the gaps give way first, so the content itself still fits.
        tight = scale >= 200
        self.layout_.setSpacing(8 if tight else 16)
        self.layout_.setContentsMargins(32, 8 if tight else 16, 32, 8 if tight else 16)
        for button in self.action_buttons.values():
            button.apply_theme(theme, scale)
        self._fit()
        self.choices.apply_theme(theme, scale)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Worked out from the page's parts before it is laid out, so that the layout (and
        what voice says) is right on arrival: the body on fewer lines if the full one does
        not fit, and the space the choices get."""
        host = self.parentWidget()
        size = host.size() if host is not None and not self.isVisible() else self.size()
        margins = self.layout_.contentsMargins()
        width = size.width() - margins.left() - margins.right()
        full, compact = self._bodies
        if full != compact and not self.body.isHidden():
            self.body.set_text(full)
            room = size.height() - self._height_used(width)
            if room < (0 if self.choices.isHidden() else 2 * PRIMARY_CONTROL_PX):
                self.body.set_text(compact)
        if not self.isVisible():  # once shown, the choices' own size is the truth
            self.choices.set_space(width, size.height() - self._height_used(width))

    def _label_height(self, part: TextLabel, width: int) -> int:
        hint = part.heightForWidth(width) if part.hasHeightForWidth() else -1
        return hint if hint >= 0 else part.sizeHint().height()

    def _height_used(self, width: int) -> int:
        """The height of everything but the choices, at ``width``."""
        margins = self.layout_.contentsMargins()
        spacing = self.layout_.spacing()
        used = margins.top() + margins.bottom()
        for part in (self.title, self.subtitle, self.info, self.warning, self.big, self.body):
            if not part.isHidden():
                used += self._label_height(part, width) + spacing
        if self.action_buttons:  # new buttons are shown a moment later: measure each
            used += max(b.sizeHint().height() for b in self.action_buttons.values()) + spacing
        return used

    def reset(self) -> None:
        self.renderer = None
        self.show_content(title="")

    def spoken_text(self) -> str:
        parts = [self.title.plain_text()]
        for label in (self.subtitle, self.warning, self.big, self.body, self.info):
            if label.isVisibleTo(self) and label.plain_text():
                parts.append(label.plain_text())
        if self.choices.isVisibleTo(self):
            parts.append(self.choices.spoken_text())
        return spoken_sentences(parts)
