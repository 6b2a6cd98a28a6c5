"""The emergency screen: a calm, very large account of where the call for help is.

It renders one immutable :class:`EmergencyView` (built by ``kiosk/emergency.py`` from what the
alarm dispatcher and the SIP caller report), so every state can be shown, spoken, audited
and screenshot from the view alone. What it shows, top to bottom:

* a flashing banner for on-site staff (1 flash per second, well under the 3 / s of WCAG
  2.3.1; the words say "emergency", so colour is never the only cue);
* one headline sentence in plain words ("Your call for help is being sent ...");
* the steps, each with a symbol as well as words: ✓ done, ➜ now, ○ still to come -
  sending → received by the service centre → seen by an operator (name) → help on the way;
* when the service centre cannot be reached (or the kiosk has no hub at all): the numbers to
  call instead of the steps, while the kiosk keeps trying;
* the phone call's state when a SIP call is configured;
* a huge Cancel with a visible countdown for the first seconds (the alarm is already on its
  way: Cancel sends a follow-up), and a "Done" button once the alarm is over.

There is always something to read: the idle state (page opened without an alarm) still
shows the numbers to call.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QWidget

from ui.pages.base import Page
from ui.theme import BODY_PX, TITLE_PX, Theme, px
from ui.widgets.buttons import BigButton
from ui.widgets.labels import TextLabel, WrappedText

DONE, NOW, LATER = "✓", "➜", "○"
COMPACT_SCALE = 150  # from this text size on, only the current step is shown
FLASH_MS = 500  # on 0.5 s, off 0.5 s: one flash per second
STEPS = ("sending", "received", "acknowledged", "helping")
# How far the alarm got, per phase (index of the step being worked on).
_PROGRESS = {"idle": -1, "sending": 0, "received": 2, "acknowledged": 3, "resolved": 4}


@dataclass(frozen=True, slots=True)
class EmergencyView:
    """Everything the emergency screen shows. ``phase`` is the alarm's phase, or ``idle``."""

    phase: str = "idle"  # idle, sending, received, acknowledged, resolved, cancelled
    drill: bool = False
    operator: str | None = None
    unreachable: bool = False  # the service centre has not confirmed within the limit
    not_connected: bool = False  # this kiosk has no service centre to send to at all
    cancel_left: int = 0  # seconds Cancel is still offered; 0 hides it
    cancel_requested: bool = False
    call: str | None = None  # None: no phone call configured; else the SipCaller phase
    alert: bool = False  # flash the staff banner
    numbers: tuple[tuple[str, str | None], ...] = (("120", None),)

    @property
    def live(self) -> bool:
        return self.phase not in ("idle", "resolved", "cancelled") and not self.cancel_requested

    @property
    def show_numbers(self) -> bool:
        return self.phase == "idle" or (
            (self.unreachable or self.not_connected) and self.phase == "sending"
        )


def number_label(number: str, label: str | None) -> str:
    if label:
        return label
    return {
        "120": QCoreApplication.translate("Emergency", "Ambulance"),
        "110": QCoreApplication.translate("Emergency", "Police"),
        "119": QCoreApplication.translate("Emergency", "Fire"),
    }.get(number, "")


def spoken_number(number: str) -> str:
    """Digit by digit, groups apart: "021-1234" -> "0 2 1, 1 2 3 4" (no "minus")."""
    groups = number.replace("-", " ").split()
    return ", ".join(" ".join(ch for ch in group if ch.isdigit() or ch == "+") for group in groups)


def numbers_text(numbers: tuple[tuple[str, str | None], ...]) -> str:
    lines = []
    for number, label in numbers:
        word = number_label(number, label)
        lines.append(f"{number}   {word}" if word else number)
    return "\n".join(lines)


def headline(view: EmergencyView) -> str:
    if view.phase == "cancelled":
        return QCoreApplication.translate(
            "Emergency", "Cancelled. The service centre knows you are all right."
        )
    if view.cancel_requested:
        return QCoreApplication.translate(
            "Emergency", "Cancelling. We are telling the service centre that you are all right."
        )
    if view.phase == "acknowledged" and view.operator:
        return QCoreApplication.translate(
            "Emergency", "{name} at the service centre has seen your call. Help is on the way."
        ).replace("{name}", view.operator)
    if view.phase == "sending":
        if view.not_connected:
            return QCoreApplication.translate(
                "Emergency",
                "Your call for help is saved, but this kiosk has no service centre to send it to.",
            )
        if view.unreachable:
            return QCoreApplication.translate(
                "Emergency", "We cannot reach the service centre yet. We keep trying."
            )
    return {
        "idle": QCoreApplication.translate(
            "Emergency", "If you need help now, press the red Emergency button at the top."
        ),
        "sending": QCoreApplication.translate(
            "Emergency", "Your call for help is being sent. Please stay where you are."
        ),
        "received": QCoreApplication.translate(
            "Emergency", "The service centre has your call for help. Please stay where you are."
        ),
        "acknowledged": QCoreApplication.translate(
            "Emergency", "An operator has seen your call. Help is on the way."
        ),
        "resolved": QCoreApplication.translate(
            "Emergency", "The service centre has finished with your call for help."
        ),
    }.get(
        view.phase,
        QCoreApplication.translate(
            "Emergency", "Your call for help is being sent. Please stay where you are."
        ),
    )


def step_text(step: str, view: EmergencyView) -> str:
    if step == "sending":
        return (
            QCoreApplication.translate("Emergency", "Call for help sent")
            if view.phase != "sending"
            else QCoreApplication.translate("Emergency", "Sending")
        )
    if step == "received":
        return QCoreApplication.translate("Emergency", "Received by the service centre")
    if step == "acknowledged":
        if view.operator:
            return QCoreApplication.translate("Emergency", "Seen by {name}").replace(
                "{name}", view.operator
            )
        return QCoreApplication.translate("Emergency", "Seen by an operator")
    if view.phase == "resolved":
        return QCoreApplication.translate("Emergency", "Finished")
    return QCoreApplication.translate("Emergency", "Help is on the way")


def step_mark(index: int, view: EmergencyView) -> str:
    progress = _PROGRESS.get(view.phase, -1)
    if index < progress:
        return DONE
    return NOW if index == progress else LATER


def numbers_intro(view: EmergencyView) -> str:
    if view.phase == "idle":
        return QCoreApplication.translate("Emergency", "If this kiosk cannot reach anyone, call:")
    if view.not_connected:
        return QCoreApplication.translate(
            "Emergency", "Please call one of these numbers now, or ask anyone nearby for help:"
        )
    return QCoreApplication.translate(
        "Emergency", "If you can, call one of these numbers, or ask anyone nearby for help:"
    )


def call_text(view: EmergencyView) -> str:
    if view.call in ("dialling", "ringing"):
        return QCoreApplication.translate("Emergency", "Phoning the service centre ...")
    if view.call == "established":
        return QCoreApplication.translate(
            "Emergency", "On the phone with the service centre. Speak now."
        )
    if view.call == "ended":
        return QCoreApplication.translate("Emergency", "The phone call has ended.")
    if view.call == "failed":
        return QCoreApplication.translate(
            "Emergency", "The phone call could not be made. Your call for help goes on without it."
        )
    return ""


def banner_text(view: EmergencyView) -> str:
    if view.drill:
        return QCoreApplication.translate(
            "Emergency", "DRILL - practice only. Staff: please check this kiosk."
        )
    return QCoreApplication.translate(
        "Emergency", "EMERGENCY - staff: please come to this kiosk now."
    )


class EmergencyPage(Page):
    name = "emergency"
    cancel_pressed = Signal()
    done_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = EmergencyView()
        self.banner = TextLabel("body", self)  # own colours and size: see _style_banner
        self.banner.setObjectName("label.alert_banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.message = WrappedText("title", self)
        self.message.setObjectName("label.message")
        self.steps_host = QWidget(self)
        grid = QGridLayout(self.steps_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(8)
        self.steps: list[WrappedText] = []
        for index, step in enumerate(STEPS):
            label = WrappedText("title", self.steps_host)
            label.setObjectName(f"label.step.{step}")
            grid.addWidget(label, index // 2, index % 2)
            self.steps.append(label)
        self.numbers_intro = WrappedText("warning", self)
        self.numbers_intro.setObjectName("label.numbers_intro")
        self.number = TextLabel("title", self)
        self.number.setObjectName("label.number")
        self.call = WrappedText("notice", self)
        self.call.setObjectName("label.call")
        buttons = QWidget(self)
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.cancel = BigButton("button.cancel_alarm", "primary", None, buttons)
        self.done = BigButton("button.done", "primary", None, buttons)
        for button in (self.cancel, self.done):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        self.cancel.clicked.connect(self.cancel_pressed)
        self.done.clicked.connect(self.done_pressed)
        for widget in (self.banner, self.message, self.steps_host, self.numbers_intro):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.number)
        self.layout_.addWidget(self.call)
        self.layout_.addStretch(1)
        self.layout_.addWidget(buttons)
        self._theme: Theme | None = None
        self._compact = False
        self._scale = 100
        self._flash_on = True
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._toggle_flash)
        self.show_view(self.view)

    # -- rendering ------------------------------------------------------------------------
    def show_view(self, view: EmergencyView) -> None:
        self.view = view
        self.retranslate()

    def retranslate(self) -> None:
        view = self.view
        if view.drill:
            self.title.set_text(
                QCoreApplication.translate("Emergency", "Emergency drill (practice)")
            )
        elif view.phase == "idle":
            self.title.set_text(QCoreApplication.translate("Emergency", "Emergency call"))
        else:
            self.title.set_text(QCoreApplication.translate("Emergency", "Calling for help"))
        self.banner.set_text(banner_text(view))
        self.banner.setVisible(view.alert)
        # The flashing banner names the emergency; the title would only repeat it (and the
        # room it takes is needed at the largest text sizes).
        self.title.setVisible(not view.alert)
        if view.alert and not self._flash.isActive():
            self._flash_on = True
            self._flash.start()
        elif not view.alert:
            self._flash.stop()
        self._style_banner()
        self.message.set_text(headline(view))
        show_steps = view.phase != "idle" and not view.show_numbers and view.phase != "cancelled"
        show_steps = show_steps and not view.cancel_requested
        self.steps_host.setVisible(show_steps)
        current = min(max(_PROGRESS.get(view.phase, 0), 0), len(STEPS) - 1)
        for index, (label, step) in enumerate(zip(self.steps, STEPS, strict=True)):
            label.set_text(f"{step_mark(index, view)}  {step_text(step, view)}")
            # At 150 % and more only the step being worked on fits; it says the most.
            label.setVisible(not self._compact or index == current)
        # At the largest sizes the numbers speak for themselves (the intro is still spoken).
        self.numbers_intro.setVisible(view.show_numbers and not self._compact)
        self.number.setVisible(view.show_numbers)
        self.numbers_intro.set_text(numbers_intro(view))
        self.number.set_text(numbers_text(view.numbers))
        text = call_text(view) if not view.drill else ""
        self.call.set_text(text)
        # The numbers to call matter more than the phone call's state when both do not fit.
        self.call.setVisible(bool(text) and not (self._compact and view.show_numbers))
        self.cancel.set_label(
            QCoreApplication.translate("Emergency", "Cancel - I am all right ({seconds})").replace(
                "{seconds}", str(view.cancel_left)
            )
        )
        self.cancel.setVisible(view.cancel_left > 0 and view.live)
        self.done.set_label(QCoreApplication.translate("Emergency", "Done - back to the start"))
        finished = view.phase in ("idle", "resolved", "cancelled") or view.cancel_requested
        self.done.setVisible(finished)

    def apply_theme(self, theme: Theme, scale: int) -> None:
        self._theme = theme
        self._compact = scale >= COMPACT_SCALE
        self._scale = scale
        tight = scale >= 200
        self.layout_.setSpacing(8 if tight else 16)
        self.layout_.setContentsMargins(32, 8 if tight else 16, 32, 8 if tight else 16)
        self._style_banner()
        self.retranslate()
        for button in (self.cancel, self.done):
            button.apply_theme(theme, scale)

    def _toggle_flash(self) -> None:
        self._flash_on = not self._flash_on
        self._style_banner()

    def _style_banner(self) -> None:
        t = self._theme
        if t is None:
            return
        if self._flash_on:
            fg, bg, edge = t.emergency_text, t.emergency_bg, t.emergency_bg
        else:
            fg, bg, edge = t.text, t.window_bg, t.text
        # Title-sized at normal text sizes (staff read it from across the room); at the
        # largest sizes body text is already that big and the senior's lines need the room.
        size = max(TITLE_PX, px(BODY_PX, self._scale))
        self.banner.setStyleSheet(
            f"background-color: {bg}; color: {fg}; border: 4px solid {edge};"
            f" border-radius: 12px; padding: 8px; font-size: {size}px; font-weight: bold;"
        )

    # -- page protocol ----------------------------------------------------------------------
    def reset(self) -> None:
        # The privacy wipe never hides a live alarm; a finished one is forgotten.
        if not self.view.live:
            self.show_view(EmergencyView(numbers=self.view.numbers))

    def spoken_text(self) -> str:
        """What to say for the current state, in the screen's language."""
        view = self.view
        parts = [self.message.plain_text()]
        if view.show_numbers:
            parts.append(numbers_intro(view))
            parts.extend(
                f"{spoken_number(number)} {number_label(number, label)}".strip()
                for number, label in view.numbers
            )
        if self.call.plain_text() and not view.drill:
            parts.append(self.call.plain_text())
        return " ".join(p for p in parts if p)

    def flashing(self) -> bool:
        return self._flash.isActive()
