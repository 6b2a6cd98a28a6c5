"""Packaging tests: build the bundle, verify units and scripts. Run by packaging/test.sh.

They are not in the default test paths (pyproject's testpaths): building the bundle
takes about a minute. ``YIJIANTONG_BUNDLE=DIR`` reuses a bundle built beforehand
(packaging/test.sh builds it once and times the build); without it the first test that
needs the bundle builds it with packaging/build.sh.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "packaging: builds or inspects the installable bundle")


@pytest.fixture(scope="session")
def bundle() -> Path:
    given = os.environ.get("YIJIANTONG_BUNDLE")
    if given:
        folder = Path(given).resolve()
    else:
        subprocess.run(
            ["bash", str(REPO_ROOT / "packaging" / "build.sh"), "--no-self-test"],
            check=True,
            timeout=1800,
        )
        folder = REPO_ROOT / "dist" / "yijiantong"
    assert (folder / "yijiantong").is_file(), f"no bundle at {folder}"
    return folder
