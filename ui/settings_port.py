"""What the screens need of the kiosk's settings, without knowing where they live.

The composition root owns the settings (their schema, the file, the environment); the
admin screen, the voice bridge and the emergency controller get an object with this
shape. The values themselves are a frozen dataclass read by attribute name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class SettingsView(Protocol):
    """The live settings, read-only."""

    @property
    def config(self) -> Any: ...


class SettingProblem(Protocol):
    @property
    def message(self) -> str: ...


class SettingsStore(SettingsView, Protocol):
    """The live settings, changed by staff on the admin screen."""

    @property
    def options(self) -> Sequence[Any]:
        """Every setting's declaration (name, type, default, allowed values, description)."""

    def update(self, *, persist: bool = False, **changes: Any) -> Sequence[SettingProblem]:
        """Validate and apply; the problems of the values that were refused."""

    def save(self) -> None:
        """Write the current values to the settings file (on a worker thread)."""
