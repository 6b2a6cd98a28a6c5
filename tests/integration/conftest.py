"""Fixtures for integration tests against a real hub subprocess.

Hub fixtures run on both engines (``hub_engine``: SQLite, and PostgreSQL on the test run's own
server, see ``tests.helpers.hub_databases``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import postgres
from tests.helpers.hub_databases import (
    ENGINES,
    hub_database,
    hub_engine,
    pytest_generate_tests,
    today,
    with_demo_data,
)
from tests.helpers.hub_process import HubProcess

__all__ = [
    "hub",
    "hub_database",
    "hub_engine",
    "hub_token",
    "pytest_generate_tests",
    "shared_hub",
]


@pytest.fixture
def hub(tmp_path: Path, hub_database: str | None) -> Iterator[HubProcess]:
    """A running hub with demo data for today (real clock), stopped after the test."""
    folder = tmp_path / "hub"
    database = with_demo_data(hub_database, folder, today())
    with HubProcess(folder, demo_data=True, database=database) as process:
        yield process


@pytest.fixture(scope="module", params=ENGINES)
def shared_hub(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[HubProcess]:
    """One hub per test module and engine, for modules whose tests each enrol their own kiosk
    and change nothing others see (a module opts in by defining ``hub`` as this)."""
    engine = str(request.param)
    if engine == "postgresql" and postgres.opted_out():
        pytest.skip(f"PostgreSQL tests skipped on request ({postgres.OPT_OUT_ENV}=skip)")
    folder = tmp_path_factory.mktemp("shared-hub")
    url = None
    if engine == "postgresql":
        cluster = postgres.cluster()
        url = cluster.create_database(template=cluster.template(today().isoformat()))
    else:
        with_demo_data(None, folder, today())
    with HubProcess(folder, demo_data=True, database=url) as process:
        yield process
    if url is not None:
        postgres.cluster().drop_database(url)


@pytest.fixture
def hub_token(hub: HubProcess) -> str:
    """A bearer token of a kiosk enrolled with ``hub``."""
    return hub.enrol("integration-kiosk")
