"""Run the reference hub as a real subprocess for integration tests.

    with HubProcess(tmp_path) as hub:
        token = hub.enrol()
        requests.get(f"{hub.url}/v1/catalogue/slots",
                     headers={"Authorization": f"Bearer {token}"})

The hub is started with ``sys.executable -m hub`` on a free loopback port, with its
database at ``<tmp_path>/hub.sqlite3`` or, given ``database="postgresql://..."``, on that
PostgreSQL database (several ``HubProcess`` may share one: a city's hub processes);
readiness is detected by polling ``/v1/health`` against a deadline (no blind sleeps).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import requests

from tests.helpers.waiting import wait_until

REPO_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class HubProcess:
    """A ``yijiantong-hub`` server in a subprocess (context manager).

    ``now`` (ISO-8601, optional) starts the hub's clock at that instant via
    ``YIJIANTONG_HUB_NOW``; it then advances in real time. The CLI subcommands run
    by this helper see the same clock.
    """

    def __init__(
        self,
        tmp_path: Path,
        demo_data: bool = True,
        port: int | None = None,
        *,
        now: str | None = None,
        env: Mapping[str, str] | None = None,
        database: str | None = None,
        args: Sequence[str] = (),
    ) -> None:
        self.tmp_path = Path(tmp_path)
        self.tmp_path.mkdir(parents=True, exist_ok=True)
        self.db_path = self.tmp_path / "hub.sqlite3"
        # What --db is given: the SQLite file, or a PostgreSQL URL.
        self.database = database or str(self.db_path)
        self.postgres = self.database.startswith("postgresql://")
        self.args = list(args)
        self.demo_data = demo_data
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.tmp_path / "hub.log"
        self._env = dict(os.environ)
        self._env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH", "")) if p
        )
        if now is not None:
            self._env["YIJIANTONG_HUB_NOW"] = now
        if self.postgres:
            self._env.setdefault("YIJIANTONG_HUB_PERSON_KEY_SECRET", "5eed" * 16)
        self._env.update(env or {})
        self._proc: subprocess.Popen[bytes] | None = None
        self._log = None

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> HubProcess:
        if self._proc is not None:
            raise RuntimeError("hub already running")
        cmd = [
            sys.executable,
            "-m",
            "hub",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--db",
            self.database,
            *self.args,
        ]
        if self.demo_data:
            cmd.append("--demo-data")
        self._log = self.log_path.open("ab")
        self._proc = subprocess.Popen(
            cmd, cwd=REPO_ROOT, env=self._env, stdout=self._log, stderr=subprocess.STDOUT
        )
        try:
            wait_until(self._ready, timeout=START_TIMEOUT, interval=0.05)
        except AssertionError:
            self.stop()
            raise RuntimeError(f"hub did not start; log:\n{self.log_text()}") from None
        except BaseException:
            self.stop()
            raise
        return self

    def _ready(self) -> bool:
        assert self._proc is not None
        if self._proc.poll() is not None:
            raise RuntimeError(f"hub exited with {self._proc.returncode}:\n{self.log_text()}")
        try:
            return requests.get(f"{self.url}/v1/health", timeout=1).status_code == 200
        except requests.ConnectionError:
            return False

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=STOP_TIMEOUT)
        if self._log is not None:
            self._log.close()
            self._log = None

    def restart(self) -> HubProcess:
        """Stop and start again on the same port and database."""
        self.stop()
        return self.start()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> HubProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    # -- administration ------------------------------------------------------

    def cli(self, *args: str) -> str:
        """Run a ``yijiantong-hub`` subcommand against this hub's db; returns stdout."""
        done = subprocess.run(
            [sys.executable, "-m", "hub", *args, "--db", self.database],
            cwd=REPO_ROOT,
            env=self._env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"hub {args} failed ({done.returncode}): {done.stderr}")
        return done.stdout

    def enrolment_code(self) -> str:
        """A one-time code, made directly in the hub's database (as ``yijiantong-hub
        enrolment-code`` would, without starting another Python)."""
        from hub import kiosks
        from hub.clock import clock_from_env, shifted_clock

        now_text = self._env.get("YIJIANTONG_HUB_NOW")
        clock = shifted_clock(datetime.fromisoformat(now_text)) if now_text else clock_from_env()
        conn = self.connect()
        try:
            return kiosks.new_enrolment_code(conn, clock())
        finally:
            conn.close()

    def enrol(self, kiosk_name: str = "test") -> str:
        """Enrol a new kiosk; returns its bearer token (``last_kiosk_id`` keeps its id)."""
        response = requests.post(
            f"{self.url}/v1/enrol",
            json={"code": self.enrolment_code(), "kiosk_name": kiosk_name, "location": "test"},
            timeout=10,
        )
        response.raise_for_status()
        body = response.json()
        self.last_kiosk_id: str = body["kiosk_id"]
        return str(body["token"])

    def revoke(self, kiosk_id: str) -> None:
        self.cli("revoke-token", kiosk_id)

    def kill(self) -> None:
        """Kill the server outright (SIGKILL), as a crash would."""
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.kill()
            proc.wait(timeout=STOP_TIMEOUT)
        if self._log is not None:
            self._log.close()
            self._log = None

    def connect(self) -> Any:
        """A connection to this hub's database (``hub.db``; the caller closes it)."""
        from hub.db import connect

        return connect(self.database)


# -- request builders shared by hub and kiosk integration tests -----------------

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(serial: int, birth: str = "19450312") -> str:
    """A syntactically valid (GB 11643 check digit) invented Shanghai ID number."""
    body = f"310104{birth}{serial % 1000:03d}"
    total = sum(int(c) * w for c, w in zip(body, _WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def person(serial: int, *, with_id: bool = True) -> dict[str, str]:
    rid = resident_id(serial)
    ref = {"masked_id": rid[:4] + "*" * 10 + rid[-4:]}
    if with_id:
        ref["resident_id"] = rid
    return ref


def envelope(
    kind: str, payload: dict[str, object], request_id: str | None = None
) -> dict[str, object]:
    return {
        "id": request_id or str(uuid.uuid4()),
        "kind": kind,
        "created_at": datetime.now(UTC).isoformat(),
        "helper_id": None,
        "payload": payload,
    }
