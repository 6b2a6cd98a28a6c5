"""A throw-away PostgreSQL server for the hub tests: Debian's ``postgresql`` package, a
cluster made with ``initdb`` in a temporary folder, started once per test process and
stopped when it exits.

Tests get fresh databases cheaply: ``CREATE DATABASE ... TEMPLATE`` copies a template that
already holds the migrated schema (and, on request, a day's demo data), which takes tens of
milliseconds instead of the seconds a migration and demo load would.

``initdb`` and ``postgres`` refuse to run as root, and CI runs as root: then the server runs
as ``nobody`` (its folder is handed to that user). The cluster is made for speed, not
durability (``fsync=off``): it lives for one test run.

If the server cannot start, :func:`cluster` raises, and every PostgreSQL test fails. A developer
without PostgreSQL may set ``YIJIANTONG_TEST_POSTGRES=skip`` to skip them, with that reason.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Final

from tests.helpers.hub_process import free_port

OPT_OUT_ENV: Final = "YIJIANTONG_TEST_POSTGRES"
START_TIMEOUT: Final = 60.0
# The fixed person-key secret of every PostgreSQL test database (templates are copied, and
# a database refuses a secret other than the one it was made with).
TEST_SECRET: Final = "5eed" * 16


def opted_out() -> bool:
    return os.environ.get(OPT_OUT_ENV, "").strip().lower() == "skip"


def pg_bin() -> Path:
    """Where ``initdb`` and ``postgres`` live (the newest installed major version)."""
    explicit = os.environ.get("YIJIANTONG_PG_BIN")
    if explicit:
        return Path(explicit)
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parts[-3])
    )
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed (expected /usr/lib/postgresql/15/bin); "
            "run scripts/setup.sh, or set YIJIANTONG_TEST_POSTGRES=skip to skip those tests"
        )
    return found[-1].parent


class PostgresCluster:
    """``durable=False`` (tests) turns fsync off; a benchmark wants ``durable=True``."""

    def __init__(self, *, durable: bool = False) -> None:
        self.durable = durable
        self.base = Path(tempfile.mkdtemp(prefix="yjt-pg-"))
        self.data = self.base / "data"
        self.port = free_port()
        self.log_path = self.base / "postgres.log"
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._templates: dict[str, str] = {}
        self._counter = 0
        self._as_user: dict[str, object] = {}
        if os.geteuid() == 0:
            self._as_user = {"user": "nobody", "group": "nogroup", "extra_groups": []}
            os.chown(self.base, 65534, 65534)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> PostgresCluster:
        binary = pg_bin()
        done = subprocess.run(
            [
                str(binary / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            **self._as_user,  # type: ignore[arg-type]
        )
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed ({done.returncode}): {done.stderr[-2000:]}")
        log = self.log_path.open("ab")
        self._proc = subprocess.Popen(
            [
                str(binary / "postgres"),
                "-D",
                str(self.data),
                "-p",
                str(self.port),
                "-k",
                str(self.base),
                "-c",
                "listen_addresses=127.0.0.1",
                *(() if self.durable else ("-c", "fsync=off", "-c", "synchronous_commit=off")),
                *(() if self.durable else ("-c", "full_page_writes=off")),
                "-c",
                "max_connections=300",
                "-c",
                "shared_buffers=64MB",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            **self._as_user,  # type: ignore[arg-type]
        )
        log.close()
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise RuntimeError(f"postgres exited:\n{self.log_text()}")
            try:
                psycopg.connect(self.url(), connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"postgres did not start:\n{self.log_text()}") from None
                time.sleep(0.05)  # polling a starting server, not a test waiting

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.send_signal(2)  # SIGINT: fast shutdown
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        shutil.rmtree(self.base, ignore_errors=True)

    # -- databases -------------------------------------------------------------------------

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def new_name(self, prefix: str = "t") -> str:
        with self._lock:
            self._counter += 1
            return f"{prefix}_{os.getpid()}_{self._counter}"

    def create_database(self, template: str | None = None) -> str:
        """A new database (a copy of ``template`` if given); returns its URL."""
        name = self.new_name()
        suffix = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self._admin(f"CREATE DATABASE {name}{suffix}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        with contextlib.suppress(Exception):
            self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def template(self, demo_day: str | None = None) -> str:
        """A template database: migrated, with the test secret, and with the demo data of
        ``demo_day`` (ISO date) if given. Made once per test process."""
        key = demo_day or "-"
        with self._lock:
            if key in self._templates:
                return self._templates[key]
        name = self.new_name("tpl")
        self._admin(f"CREATE DATABASE {name}")
        _prepare(self.url(name), demo_day)
        with self._lock:
            self._templates.setdefault(key, name)
            return self._templates[key]


def _prepare(url: str, demo_day: str | None) -> None:
    from datetime import date, datetime
    from datetime import time as day_time

    from hub import demo_data
    from hub.clock import SHANGHAI
    from hub.db import set_meta, write
    from hub.opening import open_database

    previous = os.environ.get("YIJIANTONG_HUB_PERSON_KEY_SECRET")
    os.environ["YIJIANTONG_HUB_PERSON_KEY_SECRET"] = TEST_SECRET
    try:
        database = open_database(url)
    finally:
        if previous is None:
            del os.environ["YIJIANTONG_HUB_PERSON_KEY_SECRET"]
        else:
            os.environ["YIJIANTONG_HUB_PERSON_KEY_SECRET"] = previous
    try:
        if demo_day is not None:
            day = date.fromisoformat(demo_day)
            now = datetime.combine(day, day_time(8), tzinfo=SHANGHAI)
            with database.connection() as conn, write(conn):
                set_meta(conn, "demo_data", demo_day)
                demo_data.load(conn, day, now)
    finally:
        database.close()


_cluster: PostgresCluster | None = None
_cluster_error: BaseException | None = None
_cluster_lock = threading.Lock()


def cluster() -> PostgresCluster:
    """This test process's server, started on first use (and stopped at exit)."""
    global _cluster, _cluster_error  # noqa: PLW0603 - one server per test process
    with _cluster_lock:
        if _cluster_error is not None:
            raise RuntimeError(f"PostgreSQL could not be started: {_cluster_error}")
        if _cluster is None:
            candidate = PostgresCluster()
            try:
                candidate.start()
            except BaseException as exc:
                candidate.stop()
                _cluster_error = exc
                raise
            atexit.register(candidate.stop)
            _cluster = candidate
        return _cluster
