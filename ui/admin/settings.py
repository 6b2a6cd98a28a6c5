"""A settings page generated from option declarations (kiosk/config.py ``OPTIONS``).

Each option gets an editor chosen by its declaration: on/off buttons for booleans, one
button per value for choices, minus/plus for bounded numbers, shown/up/down rows for an
ordered list with known items, and a text field with a Save button for the rest. Every
change goes through ``apply(name, value)`` (the controller validates, applies live and
saves) which returns "" or a problem to show in words; on a problem the editor shows the
value that is really in force, so the screen never pretends.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ui.admin.common import AdminPage, button, choice, clear_layout, heading, row, text_field
from ui.admin.menu import page_label
from ui.admin.option_texts import option_label, value_label
from ui.widgets.labels import TextLabel


class OptionLike(Protocol):
    name: str
    type: type
    default: Any
    description: str
    choices: tuple[Any, ...] | None
    minimum: int | None
    maximum: int | None
    item_choices: tuple[str, ...] | None


Apply = Callable[[str, Any], str]


class SettingsPage(AdminPage):
    def __init__(
        self,
        name: str,
        options: Sequence[OptionLike],
        value_of: Callable[[str], Any],
        apply: Apply,
        parent: QWidget | None = None,
    ) -> None:
        self.name = name
        super().__init__(parent)
        self.options = list(options)
        self._value_of = value_of
        self._apply = apply
        self.editors = QVBoxLayout()
        self.editors.setSpacing(24)
        self.body.addLayout(self.editors)
        self.extra = QVBoxLayout()  # the controller may add a section (hub enrolment)
        self.body.addLayout(self.extra)
        self.body.addStretch(1)
        self._retired: list[QWidget] = []

    def retranslate(self) -> None:
        self.title.set_text(page_label(self.name))
        self.rebuild()

    def entered(self) -> None:
        self.rebuild()  # show what is in force now (another page may have changed it)

    def rebuild(self) -> None:
        clear_layout(self.editors)
        for option in self.options:
            box = QVBoxLayout()
            box.setSpacing(8)
            title = heading(self, f"label.option.{option.name}")
            title.set_text(option_label(option.name, option.description))
            box.addWidget(title)
            self._editor(option, box)
            self.editors.addLayout(box)
        if self._scale_theme is not None:
            super().apply_theme(*self._scale_theme)

    _scale_theme: tuple[Any, int] | None = None

    def apply_theme(self, theme: Any, scale: int) -> None:
        self._scale_theme = (theme, scale)
        super().apply_theme(theme, scale)

    # -- editors --------------------------------------------------------------------------
    def _set(self, name: str, value: Any) -> None:
        problem = self._apply(name, value)
        self.say(problem or QCoreApplication.translate("Admin", "Saved and in use now."))
        self.rebuild()

    def _editor(self, option: OptionLike, box: QVBoxLayout) -> None:
        name, current = option.name, self._value_of(option.name)
        if option.type is bool:
            values: Sequence[Any] = (True, False)
            self._choices(option, values, current, box)
        elif option.choices is not None:
            self._choices(option, option.choices, current, box)
        elif option.type is int and option.minimum is not None and option.maximum is not None:
            self._stepper(option, int(current), box)
        elif option.type is list and option.item_choices:
            self._ordered_list(option, tuple(current), box)
        else:
            field = text_field(self, f"field.{name}")
            is_list = option.type is list or isinstance(current, list | tuple)
            field.setText(", ".join(map(str, current)) if is_list else str(current))

            def save() -> None:
                text = field.text().strip()
                value: Any = [s.strip() for s in text.split(",") if s.strip()] if is_list else text
                self._set(name, value)

            field.returnPressed.connect(save)
            save_button = button(self, f"button.save.{name}", save)
            save_button.set_label(QCoreApplication.translate("Admin", "Save"))
            box.addLayout(row(field, save_button, stretch=False))

    def _choices(
        self, option: OptionLike, values: Sequence[Any], current: Any, box: QVBoxLayout
    ) -> None:
        widgets = []
        for value in values:
            b = choice(
                self, f"setting.{option.name}.{value}", partial(self._set, option.name, value)
            )
            b.set_label(value_label(value))
            b.setChecked(value == current)
            widgets.append(b)
        box.addLayout(row(*widgets))

    def _stepper(self, option: OptionLike, current: int, box: QVBoxLayout) -> None:
        assert option.minimum is not None and option.maximum is not None
        low, high = option.minimum, option.maximum
        step = 10 if high - low >= 50 else 1
        value = TextLabel("big-number", self)
        value.setObjectName(f"value.{option.name}")
        value.set_text(str(current))
        minus = button(
            self,
            f"setting.{option.name}.minus",
            lambda: self._set(option.name, max(low, current - step)),
        )
        plus = button(
            self,
            f"setting.{option.name}.plus",
            lambda: self._set(option.name, min(high, current + step)),
        )
        minus.set_label(QCoreApplication.translate("Admin", "Less") + f" −{step}")
        plus.set_label(QCoreApplication.translate("Admin", "More") + f" +{step}")
        minus.setEnabled(current > low)
        plus.setEnabled(current < high)
        box.addLayout(row(minus, value, plus))

    def _ordered_list(self, option: OptionLike, current: tuple[str, ...], box: QVBoxLayout) -> None:
        assert option.item_choices is not None
        shown = list(current)
        ordered = shown + [i for i in option.item_choices if i not in shown]
        for index, item in enumerate(ordered):
            line = QHBoxLayout()
            toggle = choice(
                self,
                f"setting.{option.name}.{item}",
                partial(
                    self._set,
                    option.name,
                    [s for s in shown if s != item] if item in shown else [*shown, item],
                ),
            )
            toggle.set_label(value_label(item))
            toggle.setChecked(item in shown)
            line.addWidget(toggle, 1)
            if item in shown:
                pos = shown.index(item)
                up = button(
                    self,
                    f"setting.{option.name}.{item}.up",
                    partial(self._move, option.name, shown, pos, -1),
                )
                down = button(
                    self,
                    f"setting.{option.name}.{item}.down",
                    partial(self._move, option.name, shown, pos, 1),
                )
                up.set_label(QCoreApplication.translate("Admin", "Up"))
                down.set_label(QCoreApplication.translate("Admin", "Down"))
                up.setEnabled(pos > 0)
                down.setEnabled(pos < len(shown) - 1)
                line.addWidget(up)
                line.addWidget(down)
            del index
            box.addLayout(line)

    def _move(self, name: str, shown: list[str], pos: int, delta: int) -> None:
        other = pos + delta
        if 0 <= other < len(shown):
            order = list(shown)
            order[pos], order[other] = order[other], order[pos]
            self._set(name, order)
