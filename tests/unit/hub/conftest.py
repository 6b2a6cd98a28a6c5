"""In-process fixtures for hub unit tests: a fresh hub database with demo data."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from hub import demo_data
from hub.clock import SHANGHAI
from hub.db import connect, init_db, write

# A Wednesday, after the lunch cut-off (09:30) and before the dinner one (14:00).
NOW = datetime(2025, 6, 11, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    path = tmp_path / "hub.sqlite3"
    init_db(path)
    conn = connect(path)
    with write(conn):
        demo_data.load(conn, NOW.date(), NOW)
    yield conn
    conn.close()
