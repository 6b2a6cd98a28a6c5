"""Fixtures for integration tests against a real hub subprocess.

Hub fixtures run on both engines (``hub_engine``: SQLite, and PostgreSQL on the test run's own
server, see ``tests.helpers.hub_databases``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.hub_databases import (
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
]


@pytest.fixture
def hub(tmp_path: Path, hub_database: str | None) -> Iterator[HubProcess]:
    """A running hub with demo data for today (real clock), stopped after the test."""
    folder = tmp_path / "hub"
    database = with_demo_data(hub_database, folder, today())
    with HubProcess(folder, demo_data=True, database=database) as process:
        yield process


@pytest.fixture
def hub_token(hub: HubProcess) -> str:
    """A bearer token of a kiosk enrolled with ``hub``."""
    return hub.enrol("integration-kiosk")
