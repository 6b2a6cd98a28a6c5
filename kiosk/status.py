"""``yijiantong status``: one JSON object describing this kiosk, for staff and tooling."""

from __future__ import annotations

from typing import Any

from kiosk import __version__
from kiosk.config import load_config
from kiosk.paths import resolve_paths


def collect_status(data_dir: str | None) -> dict[str, Any]:
    paths = resolve_paths(data_dir)
    loaded = load_config(paths.config_file)
    status: dict[str, Any] = {
        "version": __version__,
        "data_dir": str(paths.data_dir),
        "config_file": str(paths.config_file),
        "config_problems": [str(p) for p in loaded.problems],
        "settings": loaded.config.as_dict(),
        "queue_depth": 0,
        "dead_letters": 0,
        "last_sync": None,
        "alarms_pending": 0,
        "catalogue_problems": [],
        "enrolled": False,
        "voice_model": "not installed",
    }
    try:
        from voice.models import model_status

        status["voice_model"] = model_status(paths.voice_models_dir)
    except Exception as exc:  # status must always print
        status["voice_model"] = f"unknown: {exc}"
    try:
        from kiosk.sync_cli import sync_status

        status.update(sync_status(paths.data_dir))
        status.update(_alarm_status(paths.data_dir))
    except Exception as exc:  # status must always print, even with a broken store
        status["store_error"] = str(exc)
    return status


def _alarm_status(data_dir: Any) -> dict[str, Any]:
    """alarms_pending: alarms the hub has not confirmed; last_alarm: the newest one's phase."""
    from services.alarms import alarm_history, count_unsent
    from services.store import Store, iso

    with Store(data_dir).connect() as conn:
        newest = alarm_history(conn, limit=1)
        last = None
        if newest:
            view = newest[0]
            last = {"raised_at": iso(view.raised_at), "state": view.state, "drill": view.drill}
        return {"alarms_pending": count_unsent(conn), "last_alarm": last}
