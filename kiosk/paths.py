"""Where the kiosk keeps its files.

Several kiosks may run side by side on one machine (tests, a training room), so every
path derives from one data dir: ``--data-dir`` > ``YIJIANTONG_DATA_DIR`` > the
platform's user data dir. The settings file lives in the config dir, which follows an
explicit data dir so that each kiosk instance has its own settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import CONFIG_FILE_NAME

APP_NAME = "yijiantong"


@dataclass(frozen=True)
class KioskPaths:
    data_dir: Path
    config_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / CONFIG_FILE_NAME

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def crash_log(self) -> Path:
        return self.log_dir / "crash.log"

    @property
    def voice_models_dir(self) -> Path:
        return self.data_dir / "voice-models"

    def ensure(self) -> list[str]:
        """Create the folders; returns what could not be created (never raises: a kiosk
        on a read-only or full disk still starts, and says what is wrong)."""
        problems = []
        for directory in (self.data_dir, self.config_dir, self.log_dir):
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                problems.append(f"cannot create the folder {directory}: {exc.strerror or exc}")
        return problems


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> KioskPaths:
    explicit = data_dir or os.environ.get("YIJIANTONG_DATA_DIR")
    config_env = os.environ.get("YIJIANTONG_CONFIG_DIR")
    if explicit:
        base = Path(explicit).expanduser().resolve()
        return KioskPaths(base, Path(config_env).expanduser() if config_env else base)
    import platformdirs  # only needed without an explicit data dir

    return KioskPaths(
        Path(platformdirs.user_data_dir(APP_NAME)),
        Path(config_env) if config_env else Path(platformdirs.user_config_dir(APP_NAME)),
    )
