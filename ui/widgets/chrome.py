"""The parts of the window every page shares: the header and the bottom bar.

They stay in the same place on every screen (docs/architecture.md, Screens): emergency
top right, back and home bottom left, speak and repeat bottom right, and a notice line
between them that shows messages in place instead of pop-ups that could move under a
finger.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.theme import Theme
from ui.widgets.buttons import BigButton
from ui.widgets.labels import TextLabel, WrappedText


class Header(QWidget):
    emergency_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # draws the separator line
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(24)
        self.brand = TextLabel("brand", self)
        self.brand.setObjectName("label.brand")
        self.connection = TextLabel("status", self)
        self.connection.setObjectName("label.connection")
        self.connection.hide()
        self.emergency = BigButton("button.emergency", "emergency", "emergency", self)
        self.emergency.clicked.connect(self.emergency_pressed)
        layout.addWidget(self.brand)
        layout.addWidget(self.connection)
        layout.addStretch(1)
        layout.addWidget(self.emergency)

        self._connection_state = ""

    def retranslate(self) -> None:
        self.brand.set_text(QCoreApplication.translate("Header", "Yijiantong"))
        self.emergency.set_label(QCoreApplication.translate("Header", "Emergency"))
        self.show_connection(self._connection_state)

    def show_connection(self, state: str) -> None:
        """``online`` / ``offline`` / ``not_enrolled`` / ``cannot_save``; empty hides it.

        Words, not a coloured dot: the senior needs to know their request is safe.
        """
        self._connection_state = state
        texts = {
            "online": QCoreApplication.translate("Header", "Connected to the service centre"),
            "offline": QCoreApplication.translate(
                "Header", "Offline: your requests are kept and sent later"
            ),
            "not_enrolled": QCoreApplication.translate(
                "Header", "Not connected: please tell a member of staff"
            ),
            # The data folder is read-only, full or damaged: "kept and sent later" would
            # be untrue. Emergency calls still go out.
            "cannot_save": QCoreApplication.translate(
                "Header", "New requests cannot be saved: please ask staff"
            ),
        }
        if state in texts:
            self.connection.set_text(texts[state])
            self.connection.show()
        else:
            self.connection.hide()

    def apply_theme(self, theme: Theme, scale: int) -> None:
        self.emergency.apply_theme(theme, scale)


class BottomBar(QWidget):
    """Notice line (full width, only when there is something to say) above the buttons.

    The buttons stay anchored to the bottom edge, so a notice appearing never moves
    a button under a finger.
    """

    back_pressed = Signal()
    home_pressed = Signal()
    speak_pressed = Signal()
    repeat_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bottom_bar")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 8, 24, 12)
        outer.setSpacing(8)
        self.notice = WrappedText("notice", self)
        self.notice.setObjectName("label.notice")
        outer.addWidget(self.notice)
        # Shown while the microphone is open (push-to-talk): large, and above the buttons
        # like the notice, so it never moves a button under a finger.
        self.listening = TextLabel("title", self)
        self.listening.setObjectName("label.listening")
        self.listening.hide()
        outer.addWidget(self.listening)
        row = QHBoxLayout()
        row.setSpacing(16)
        outer.addLayout(row)
        self.back = BigButton("button.back", "button", "back", self)
        self.home = BigButton("button.home", "button", "home", self)
        self.speak = BigButton("button.speak", "button", "microphone", self)
        self.repeat = BigButton("button.repeat", "button", "speaker", self)
        self.back.clicked.connect(self.back_pressed)
        self.home.clicked.connect(self.home_pressed)
        self.speak.clicked.connect(self.speak_pressed)
        self.repeat.clicked.connect(self.repeat_pressed)
        for button in (self.back, self.home):
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # "same place on every screen"
            button.setSizePolicy(policy)
        row.addWidget(self.back)
        row.addWidget(self.home)
        row.addStretch(1)
        row.addWidget(self.speak)
        row.addWidget(self.repeat)
        self.clear_notice()

    def retranslate(self) -> None:
        self.back.set_label(QCoreApplication.translate("BottomBar", "Back"))
        self.home.set_label(QCoreApplication.translate("BottomBar", "Home"))
        self.speak.set_label(QCoreApplication.translate("BottomBar", "Speak"))
        self.repeat.set_label(QCoreApplication.translate("BottomBar", "Repeat"))
        self.listening.set_text(
            QCoreApplication.translate("BottomBar", "● Listening… please speak now")
        )

    def apply_theme(self, theme: Theme, scale: int) -> None:
        for button in (self.back, self.home, self.speak, self.repeat):
            button.apply_theme(theme, scale)

    def show_notice(self, text: str) -> None:
        self.notice.set_text(text)
        self.notice.show()

    def show_listening(self, listening: bool) -> None:
        self.listening.setVisible(listening)

    def clear_notice(self) -> None:
        self.notice.set_text("")
        self.notice.hide()
