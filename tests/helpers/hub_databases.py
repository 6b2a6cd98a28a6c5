"""Fixtures that run each hub test on both engines: SQLite and a real PostgreSQL server.

``hub_engine`` is ``sqlite`` or ``postgresql``; ``hub_database`` is then ``None`` (SQLite: the
hub's default file in its folder) or the URL of a fresh PostgreSQL database copied from a
migrated template (``tests.helpers.postgres``). Conftests import these names.

A test module that sets ``BOTH_ENGINES = True`` (every hub test module does; the unit tests
of hub/ all do) runs each test that uses them once per engine (:func:`pytest_generate_tests`);
other modules (kiosk-side tests that merely need a hub) run on SQLite only.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

from tests.helpers import postgres

ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "hub_engine" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_ENGINES", False):
        metafunc.parametrize("hub_engine", ENGINES, indirect=True)


@pytest.fixture
def hub_engine(request: pytest.FixtureRequest) -> str:
    engine = str(getattr(request, "param", "sqlite"))
    if engine == "postgresql" and postgres.opted_out():
        pytest.skip(f"PostgreSQL tests skipped on request ({postgres.OPT_OUT_ENV}=skip)")
    return engine


@pytest.fixture
def hub_database(hub_engine: str) -> Iterator[str | None]:
    """None for SQLite (each hub keeps its own file), else a fresh PostgreSQL database URL
    (migrated, no data)."""
    if hub_engine == "sqlite":
        yield None
        return
    cluster = postgres.cluster()
    url = cluster.create_database(template=cluster.template())
    yield url
    cluster.drop_database(url)


def today() -> date:
    from hub.clock import system_clock

    return system_clock().date()


def with_demo_data(hub_database: str | None, folder: Path, day: date) -> str | None:
    """The database for a hub in ``folder`` that already holds ``day``'s demo data (the hub's
    own ``--demo-data`` then has nothing to add): for SQLite a copy of a prepared file put in
    ``folder``; for PostgreSQL, ``hub_database`` replaced by a copy of a prepared template."""
    if hub_database is None:
        folder.mkdir(parents=True, exist_ok=True)
        source = _sqlite_template(day)
        for suffix in ("", ".person-key"):
            shutil.copyfile(f"{source}{suffix}", folder / f"hub.sqlite3{suffix}")
        return None
    cluster = postgres.cluster()
    cluster.drop_database(hub_database)
    name = hub_database.rsplit("/", 1)[1]
    cluster._admin(
        f"CREATE DATABASE {name} TEMPLATE {cluster.template(day.isoformat())} STRATEGY FILE_COPY"
    )
    return hub_database


_sqlite_templates: dict[date, Path] = {}
_sqlite_lock = threading.Lock()


def _sqlite_template(day: date) -> Path:
    from hub import demo_data
    from hub.clock import SHANGHAI
    from hub.db import set_meta, write
    from hub.opening import open_database

    with _sqlite_lock:
        if day not in _sqlite_templates:
            path = Path(tempfile.mkdtemp(prefix="yjt-hub-tpl-")) / "hub.sqlite3"
            database = open_database(path)
            try:
                with database.connection() as conn, write(conn):
                    set_meta(conn, "demo_data", day.isoformat())
                    demo_data.load(conn, day, datetime.combine(day, time(8), tzinfo=SHANGHAI))
            finally:
                database.close()  # the last connection closed folds the WAL into the file
            _sqlite_templates[day] = path
        return _sqlite_templates[day]


def dump_text(conn: object) -> str:
    """Every row of every table of a hub database, as text (to search for what must not be
    there, such as an ID number)."""
    engine = getattr(conn, "engine")  # noqa: B009 - hub.db.Connection, without importing hub
    if engine == "sqlite":
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]  # type: ignore[attr-defined]
    else:
        names = [
            r[0]
            for r in conn.execute(  # type: ignore[attr-defined]
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        ]
    lines = []
    for name in names:
        for row in conn.execute(f"SELECT * FROM {name}"):  # type: ignore[attr-defined]
            lines.append(f"{name}: {tuple(row)!r}")
    return "\n".join(lines)
