"""What the admin screen needs of the running kiosk, handed in by the composition root.

The admin screen changes settings, signs helpers in, reads the status and runs the
maintenance jobs; it does not own the kiosk's parts. Each need is one field here, so the
admin code depends on these and nothing else of the application.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ui.settings_port import SettingsStore


@dataclass(frozen=True)
class AdminContext:
    settings: SettingsStore
    data_dir: Path
    voice_models_dir: Path
    log_dir: Path
    config_file: Path
    session_data: dict[str, Any]
    """The current person's session (helper mode is marked there)."""
    wipe_session: Callable[[], None]
    """Leave the admin screen: the privacy wipe and a fresh home screen."""
    is_online: Callable[[], bool | None]
    wake_sync: Callable[[], None]
    """Send queued requests now; starts the sync worker after a first enrolment."""
    status_report: Callable[[], dict[str, Any]]
    """The ``yijiantong status`` object, for the diagnostics export (worker thread)."""
    emergency: Callable[[], Any]
    """The emergency controller, or None when the emergency call could not be set up."""
    person: Callable[[], Any]
    """The identified person of this session (``.masked``), or None."""
    startup_problems: Sequence[str] = ()
    """What the kiosk worked around while starting (a read-only or full data folder)."""
