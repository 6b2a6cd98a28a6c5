"""Fixtures that run each hub test on both engines: SQLite and a real PostgreSQL server.

``hub_engine`` is parametrized ``sqlite`` / ``postgresql``; ``hub_database`` is then a SQLite
path (``None``: the hub's default file in its folder) or the URL of a fresh PostgreSQL database
copied from a migrated template (``tests.helpers.postgres``). Conftests import these names.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers import postgres

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(params=ENGINES)
def hub_engine(request: pytest.FixtureRequest) -> str:
    engine = str(request.param)
    if engine == "postgresql" and postgres.opted_out():
        pytest.skip(f"PostgreSQL tests skipped on request ({postgres.OPT_OUT_ENV}=skip)")
    return engine


@pytest.fixture
def hub_database(hub_engine: str) -> Iterator[str | None]:
    """None for SQLite (each hub keeps its own file), else a fresh PostgreSQL database URL."""
    if hub_engine == "sqlite":
        yield None
        return
    cluster = postgres.cluster()
    url = cluster.create_database(template=cluster.template())
    yield url
    cluster.drop_database(url)


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
