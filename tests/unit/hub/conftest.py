"""In-process fixtures for hub unit tests: a fresh hub database with demo data, on SQLite and
on PostgreSQL (``hub_engine``; the PostgreSQL one is a copy of a template that already holds
the demo data, see ``tests.helpers.postgres``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from hub import demo_data
from hub.clock import SHANGHAI
from hub.db import Connection, Database, set_meta, write
from hub.opening import open_database
from tests.helpers import postgres
from tests.helpers.hub_databases import ENGINES, hub_engine

__all__ = ["NOW", "database", "db", "hub_engine"]

# A Wednesday, after the lunch cut-off (09:30) and before the dinner one (14:00).
NOW = datetime(2025, 6, 11, 10, 0, tzinfo=SHANGHAI)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every hub unit test that uses the database runs on both engines."""
    if "hub_engine" in metafunc.fixturenames:
        metafunc.parametrize("hub_engine", ENGINES, indirect=True)


def open_with_test_secret(target: str | Path) -> Database:
    previous = os.environ.get("YIJIANTONG_HUB_PERSON_KEY_SECRET")
    os.environ["YIJIANTONG_HUB_PERSON_KEY_SECRET"] = postgres.TEST_SECRET
    try:
        return open_database(target)
    finally:
        if previous is None:
            del os.environ["YIJIANTONG_HUB_PERSON_KEY_SECRET"]
        else:
            os.environ["YIJIANTONG_HUB_PERSON_KEY_SECRET"] = previous


@pytest.fixture
def database(tmp_path: Path, hub_engine: str) -> Iterator[Database]:
    """An open hub database with today's (``NOW``) demo data."""
    if hub_engine == "sqlite":
        opened = open_with_test_secret(tmp_path / "hub.sqlite3")
        with opened.connection() as conn, write(conn):
            set_meta(conn, "demo_data", NOW.date().isoformat())
            demo_data.load(conn, NOW.date(), NOW)
        yield opened
        opened.close()
        return
    cluster = postgres.cluster()
    url = cluster.create_database(template=cluster.template(NOW.date().isoformat()))
    opened = open_with_test_secret(url)
    yield opened
    opened.close()
    cluster.drop_database(url)


@pytest.fixture
def db(database: Database) -> Iterator[Connection]:
    conn = database.connect()
    yield conn
    conn.close()
