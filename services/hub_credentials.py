"""The hub URL and this kiosk's token, for the emergency lane when the database cannot be used.

Opening the store writes (WAL set-up, migrations), so a full disk, a read-only data folder or
a damaged database would leave the alarm dispatcher not knowing where to send an alarm. Two
read-only ways keep that knowledge:

1. the database itself, opened read-only (``mode=ro``, and ``immutable=1`` where even the
   ``-shm`` file cannot be created) - enough for a full disk or a read-only folder;
2. ``hub-credentials.json`` next to the database (mode 0600, written atomically whenever the
   credentials are known and differ from it) - for a database that cannot be read at all.

The token is a secret like those in the settings file: the file is readable by the kiosk's
own user only, and neither ``status`` nor the diagnostics export includes it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from pathlib import Path

from services.store import KEY_HUB_URL, KEY_TOKEN, StorageError, open_read_only

log = logging.getLogger(__name__)

FILE_NAME = "hub-credentials.json"


def remember(data_dir: Path, url: str, token: str) -> bool:
    """Keep a copy of ``(url, token)``; True if written. Never raises (a best-effort copy)."""
    path = Path(data_dir) / FILE_NAME
    if _from_file(path) == (url, token):
        return False
    temp = path.with_name(f".{FILE_NAME}.tmp")
    try:
        fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"hub_url": url, "token": token}, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as exc:
        log.warning("cannot keep a copy of the hub credentials: %s", exc)
        with contextlib.suppress(OSError):
            temp.unlink()
        return False
    return True


def read_without_writing(data_dir: Path) -> tuple[str | None, str | None]:
    """``(hub_url, token)`` from the database read-only, else from the copy; Nones if neither."""
    found = _from_database(Path(data_dir))
    if found is None:
        found = _from_file(Path(data_dir) / FILE_NAME)
    return found if found is not None else (None, None)


def _from_database(data_dir: Path) -> tuple[str, str] | None:
    try:
        conn = open_read_only(data_dir)
    except StorageError:
        return None
    try:
        rows = dict(
            conn.raw.execute(
                "SELECT key, value FROM kv WHERE key IN (?, ?)", (KEY_HUB_URL, KEY_TOKEN)
            ).fetchall()
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    url, token = rows.get(KEY_HUB_URL), rows.get(KEY_TOKEN)
    return (str(url), str(token)) if url and token else None


def _from_file(path: Path) -> tuple[str, str] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(value, dict):
        return None
    url, token = value.get("hub_url"), value.get("token")
    if isinstance(url, str) and isinstance(token, str) and url and token:
        return url, token
    return None
