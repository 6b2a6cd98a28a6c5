"""``yijiantong status``: one JSON object describing this kiosk, for staff and tooling
(also in the admin's diagnostics export). No Qt."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.config import load_config
from kiosk.paths import resolve_paths


def collect_status(data_dir: str | None, *, startup_problems: Sequence[str] = ()) -> dict[str, Any]:
    """``startup_problems``: what the running kiosk worked around while starting."""
    from services.store import folder_writable

    paths = resolve_paths(data_dir)
    loaded = load_config(paths.config_file)
    status: dict[str, Any] = {
        "version": __version__,
        "data_dir": str(paths.data_dir),
        "config_file": str(paths.config_file),
        "config_problems": [str(p) for p in loaded.problems],
        "settings": loaded.config.as_report(),
        "queue_depth": 0,
        "dead_letters": 0,
        "last_sync": None,
        "alarms_pending": 0,
        "catalogue_problems": [],
        "enrolled": False,
        "voice_model": "not installed",
        # A read-only or full data folder: the kiosk runs, but keeps nothing new.
        "data_dir_writable": folder_writable(paths.data_dir),
        "startup_problems": list(startup_problems),
    }
    try:
        from voice.models import model_status

        status["voice_model"] = model_status(paths.voice_models_dir)
    except Exception as exc:  # status must always print
        status["voice_model"] = f"unknown: {exc}"
    try:
        from services.store import connect_for_reading

        with connect_for_reading(paths.data_dir) as conn:
            status["store_mode"] = "read-only" if conn.read_only else "read-write"
            status.update(_sync_part(conn))
            status.update(_alarm_part(conn))
    except Exception as exc:  # status must always print, even with a broken store
        status["store_error"] = str(exc)
        status.update(_without_store(paths.data_dir))
    return status


def _without_store(data_dir: Path) -> dict[str, Any]:
    """What is still known when the database cannot be opened: counts are unknown, and
    whether the emergency lane can still find the hub."""
    from services import hub_credentials

    url, token = hub_credentials.read_without_writing(data_dir)
    return {
        "enrolled": bool(url and token),
        "hub_url": url,
        "queue_depth": None,
        "dead_letters": None,
        "alarms_pending": None,
    }


def sync_status(data_dir: Path) -> dict[str, Any]:
    """The sync part of ``yijiantong status`` (JSON-ready)."""
    from services.store import Store

    with Store(data_dir).connect() as conn:
        return _sync_part(conn)


def _sync_part(conn: Any) -> dict[str, Any]:
    from services import catalogue_problems
    from services.outbox import Outbox, count_dead_letters
    from services.store import KEY_KIOSK_ID, KEY_LAST_ERROR, KEY_LAST_SUCCESS, KEY_SCHEMA_ERRORS
    from services.sync import credentials

    url, _, enrolled = credentials(conn)
    alarms = conn.scalar("SELECT COUNT(*) FROM outbox WHERE lane = 'emergency'")
    return {
        "enrolled": enrolled,
        "hub_url": url,
        "kiosk_id": conn.get(KEY_KIOSK_ID),
        "queue_depth": Outbox(conn, lane=None).depth(),
        "dead_letters": count_dead_letters(conn),
        "last_sync": conn.get(KEY_LAST_SUCCESS),
        "last_error": conn.get(KEY_LAST_ERROR),
        "schema_errors": conn.get_int(KEY_SCHEMA_ERRORS),
        "alarms_pending": int(alarms),
        # Catalogue versions refused as invalid (the previous one stays in use).
        "catalogue_problems": catalogue_problems.as_json(conn),
    }


def _alarm_part(conn: Any) -> dict[str, Any]:
    """alarms_pending: alarms the hub has not confirmed; last_alarm: the newest one's phase."""
    from services.alarms import alarm_history, count_unsent
    from services.store import iso

    newest = alarm_history(conn, limit=1)
    last = None
    if newest:
        view = newest[0]
        last = {"raised_at": iso(view.raised_at), "state": view.state, "drill": view.drill}
    return {"alarms_pending": count_unsent(conn), "last_alarm": last}
