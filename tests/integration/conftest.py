"""Fixtures for integration tests against a real hub subprocess."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.hub_process import HubProcess


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    """A running hub with demo data for today (real clock), stopped after the test."""
    with HubProcess(tmp_path / "hub", demo_data=True) as process:
        yield process


@pytest.fixture
def hub_token(hub: HubProcess) -> str:
    """A bearer token of a kiosk enrolled with ``hub``."""
    return hub.enrol("integration-kiosk")
