"""Real small filesystems for storage-fault tests: a tmpfs that can be filled up, or
remounted read-only. Skipped where mounting is not allowed (needs root or CAP_SYS_ADMIN).
Root ignores permission bits, so a read-only mount is the honest way to get a folder that
nobody can write to."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=False)


@contextlib.contextmanager
def tiny_disk(path: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``path`` for the duration of the block."""
    path.mkdir(parents=True)
    done = _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here to fill a disk: {done.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def make_read_only(mounted: Path) -> None:
    """Remount a :func:`tiny_disk` read-only: every write then fails with EROFS."""
    done = _mount("-o", "remount,ro", str(mounted))
    if done.returncode != 0:
        pytest.skip(f"cannot remount {mounted} read-only: {done.stderr.strip()}")


def fill(directory: Path) -> Path:
    """Write zeros into ``directory`` until the disk is full; returns the filler file."""
    filler = directory / "filler"
    with filler.open("wb") as out, contextlib.suppress(OSError):
        while True:
            out.write(b"\0" * 65536)
            out.flush()
            os.fsync(out.fileno())
    return filler
