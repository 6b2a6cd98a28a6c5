"""Bundle benchmark: size of the PyInstaller bundle and how fast it starts.

Run: python tests/bench/bench_bundle.py [--bundle dist/yijiantong] [--runs 5]
(build the bundle first: bash packaging/build.sh). Prints one JSON object:

* ``size_mb`` / ``files``: the whole one-folder bundle as installed in /opt/yijiantong;
* ``self_test_s``: wall time of ``yijiantong --self-test`` (offscreen), median of N;
* ``ready_s``: process start to the READY=1 notification systemd would receive, i.e. the
  home screen's first painted frame (``yijiantong run --windowed`` offscreen, with a real
  NOTIFY_SOCKET), median of N; the same for the venv (``python -m kiosk``) alongside.

"Cold" here means a new process each time. The OS file cache stays warm (dropping it
needs root and slows every other job on the machine); ``first_*`` is the first run of
the batch, the nearest to a freshly booted kiosk.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def bundle_size(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return round(sum(p.stat().st_size for p in files) / 1024**2, 1), len(files)


def env_for(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(extra or {})}
    env.pop("WATCHDOG_PID", None)
    return env


def time_self_test(cmd: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [*cmd, "--self-test"], check=False, capture_output=True, text=True, env=env_for()
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"self-test failed:\n{result.stdout}{result.stderr}")
    return elapsed


def time_ready(cmd: list[str]) -> float:
    """Seconds from exec to READY=1 on a real notify socket; then SIGTERM and wait."""
    with tempfile.TemporaryDirectory(prefix="yijiantong-bench-") as tmp:
        address = str(Path(tmp) / "notify.sock")
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.bind(address)
            sock.settimeout(120)
            env = env_for({"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "30000000"})
            args = [*cmd, "run", "--windowed", "--data-dir", str(Path(tmp) / "data")]
            started = time.perf_counter()
            with subprocess.Popen(args, env=env, stderr=subprocess.DEVNULL) as proc:
                try:
                    while not sock.recv(4096).startswith(b"READY=1"):
                        pass
                    elapsed = time.perf_counter() - started
                    proc.send_signal(signal.SIGTERM)
                    proc.wait(timeout=60)
                finally:
                    if proc.poll() is None:
                        proc.kill()
    return elapsed


def series(measure: Callable[[list[str]], float], cmd: list[str], runs: int) -> dict[str, float]:
    values = [measure(cmd) for _ in range(runs)]
    return {
        "first_s": round(values[0], 3),
        "median_s": round(statistics.median(values), 3),
        "min_s": round(min(values), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO_ROOT / "dist" / "yijiantong")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = args.bundle / "yijiantong"
    if not exe.is_file():
        print(f"no bundle at {args.bundle}; run: bash packaging/build.sh", file=sys.stderr)
        return 2
    size_mb, files = bundle_size(args.bundle)
    venv = [sys.executable, "-m", "kiosk"]
    report = {
        "bundle": str(args.bundle),
        "size_mb": size_mb,
        "files": files,
        "runs": args.runs,
        "self_test_s": series(time_self_test, [str(exe)], args.runs),
        "ready_s": series(time_ready, [str(exe)], args.runs),
        "venv_self_test_s": series(time_self_test, venv, args.runs),
        "venv_ready_s": series(time_ready, venv, args.runs),
        "cpu_count": os.cpu_count(),
        "load_avg_1min": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
