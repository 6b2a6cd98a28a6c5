"""``yijiantong demo``: the reference hub with demo data on loopback, an enrolled kiosk
connected to it, everything in a throw-away folder. Closing the kiosk stops the hub.

The hub runs as a separate process (``python -m hub``): the kiosk never imports it,
exactly as in a real deployment where the hub is another machine.
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


class DemoHub:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db = folder / "hub.sqlite3"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        if importlib.util.find_spec("fastapi") is None:
            raise DemoHubError(
                "the reference hub is not installed: pip install 'yijiantong[hub]' "
                "(scripts/setup.sh does this)"
            )
        log = (self.folder / "hub.log").open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hub",
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
            [sys.executable, "-m", "hub", "enrolment-code", "--db", str(self.db)],
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
