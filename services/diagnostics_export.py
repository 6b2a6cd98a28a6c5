"""Export logs and a diagnostics bundle to a folder (usually a USB stick) as one zip.

The bundle is for a technician: the log files, the crash log, the settings file, the
``status`` report and a summary of the database (schema version, row counts, integrity).
Nothing personal or secret goes in: every text is passed through
:func:`services.identity.redact` (ID numbers, bank cards and phone numbers become
``3101**********123X`` style masks), the secrets the caller names (SIP password, hub token)
are replaced wherever they appear, and no table content is copied, only counts.

The zip is written to a hidden temporary name in the target folder and renamed when
complete, so a stick pulled out half-way never holds a zip that looks whole. A read-only or
full folder raises :class:`ExportError` with ``reason`` ``read_only`` / ``full`` /
``missing``, and leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import zipfile
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from services.identity import redact
from services.store import StorageError, Store, utcnow

MAX_LOG_BYTES = 20 * 1024 * 1024  # per file: the newest part of a runaway log is enough


class ExportError(Exception):
    def __init__(self, reason: str, folder: Path, detail: str) -> None:
        super().__init__(f"{folder}: {detail}")
        self.reason = reason
        self.folder = folder


def _reason(exc: OSError) -> str:
    if exc.errno in {errno.ENOSPC, errno.EDQUOT}:
        return "full"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "read_only"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "missing"
    return "failed"


SECRET_REMOVED = "[secret removed]"


def _scrubbed(text: str, secrets: Iterable[str]) -> str:
    """``redact`` plus every secret in use (SIP password, hub token) wherever it appears -
    in the settings file, a report or a log line that should never have held it."""
    for secret in sorted({s for s in secrets if len(s) >= 3}, key=len, reverse=True):
        text = text.replace(secret, SECRET_REMOVED)
    return redact(text)


def _read(path: Path) -> str:
    with path.open("rb") as fh:
        size = path.stat().st_size
        if size > MAX_LOG_BYTES:
            fh.seek(size - MAX_LOG_BYTES)
        return fh.read().decode("utf-8", errors="replace")


def database_summary(data_dir: Path) -> dict[str, Any]:
    """Counts per table, schema version and integrity: never the rows themselves."""
    try:
        store = Store(data_dir)
        with store.connect() as conn:
            tables = [
                r["name"]
                for r in conn.query(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                    " AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            counts = {t: int(conn.scalar(f'SELECT COUNT(*) FROM "{t}"')) for t in tables}
            integrity = str(conn.scalar("PRAGMA quick_check"))
            version = int(conn.scalar("PRAGMA user_version"))
    except StorageError as exc:
        return {"error": str(exc)}
    return {"schema_version": version, "integrity": integrity, "row_counts": counts}


def export_bundle(
    folder: Path,
    *,
    log_files: Iterable[Path],
    extra_files: Mapping[str, Path] | None = None,
    reports: Mapping[str, Any] | None = None,
    kiosk_name: str = "",
    now: datetime | None = None,
    secrets: Iterable[str] = (),
) -> Path:
    """Write ``yijiantong-diagnostics-<name>-<time>.zip`` into ``folder``; its path.

    ``secrets`` (passwords, tokens) are replaced wherever they appear in what is copied."""
    secrets = list(secrets)
    folder = Path(folder)
    if not folder.is_dir():
        raise ExportError("missing", folder, "no such folder")
    stamp = (now or utcnow()).strftime("%Y%m%d-%H%M%S")
    label = "".join(c for c in kiosk_name if c.isalnum() or c in "-_")[:30] or "kiosk"
    target = folder / f"yijiantong-diagnostics-{label}-{stamp}.zip"
    partial = folder / f".{target.name}.partial"
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(set(log_files)):
                if path.is_file():
                    bundle.writestr(f"logs/{path.name}", _scrubbed(_read(path), secrets))
            for name, path in (extra_files or {}).items():
                if path.is_file():
                    bundle.writestr(name, _scrubbed(_read(path), secrets))
            for name, report in (reports or {}).items():
                text = json.dumps(report, ensure_ascii=False, indent=2, default=str)
                bundle.writestr(name, _scrubbed(text, secrets))
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        partial.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise ExportError(_reason(exc), folder, str(exc)) from exc
    return target
