"""``yijiantong demo``: the reference hub with demo data on loopback, an enrolled kiosk
connected to it, everything in a throw-away folder. Closing the kiosk stops the hub.

The hub runs as a separate process (``python -m hub``, or the ``yijiantong-hub``
executable next to a bundled kiosk): the kiosk never imports it, exactly as in a real
deployment where the hub is another machine.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

HEALTH_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class DemoHubError(RuntimeError):
    pass


def hub_command() -> list[str]:
    """How to start the reference hub from this kiosk.

    In the PyInstaller bundle ``sys.executable`` is the kiosk itself (``-m`` means nothing
    to it); the hub is its own executable in the same folder.
    """
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).with_name("yijiantong-hub"))]
    return [sys.executable, "-m", "hub"]


def _check_hub_installed() -> None:
    if getattr(sys, "frozen", False):
        if not Path(hub_command()[0]).is_file():
            raise DemoHubError(f"the reference hub is missing from the bundle: {hub_command()[0]}")
    elif importlib.util.find_spec("fastapi") is None:
        raise DemoHubError(
            "the reference hub is not installed: pip install 'yijiantong[hub]' "
            "(scripts/setup.sh does this)"
        )


class DemoHub:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db = folder / "hub.sqlite3"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        _check_hub_installed()
        log = (self.folder / "hub.log").open("wb")
        self.process = subprocess.Popen(
            [
                *hub_command(),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--db",
                str(self.db),
                "--demo-data",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise DemoHubError(f"the demo hub stopped; see {self.folder / 'hub.log'}")
            try:
                if requests.get(f"{self.url}/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)  # polling a starting server, bounded by the deadline
        raise DemoHubError(f"the demo hub did not answer within {HEALTH_TIMEOUT_S:.0f} s")

    def enrolment_code(self) -> str:
        result = subprocess.run(
            [*hub_command(), "enrolment-code", "--db", str(self.db)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return result.stdout.strip()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
