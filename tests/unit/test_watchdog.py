"""kiosk/watchdog.py: sd_notify over a real unix datagram socket, as systemd provides it.

The main test runs the real kiosk (KioskApp.start/exec) in a subprocess with
NOTIFY_SOCKET pointing at a socket this test owns and a short WATCHDOG_USEC, then blocks
the kiosk's GUI thread (a slot that waits on stdin, as a frozen interface would) and
checks that the pings stop while it is blocked and resume after, with READY=1 after the
first frame and STOPPING=1 at shutdown. systemd itself is not needed: the socket and
the datagrams are exactly what it would read.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QWidget

from kiosk.watchdog import Notifier, Watchdog, ping_interval_ms

PING_USEC = 200_000  # systemd's WatchdogSec=0.2 s: the kiosk pings every 100 ms
SILENCE_S = 2.0  # twenty ping intervals with the GUI thread blocked

DRIVER = """
import os, sys
from PySide6.QtCore import QSocketNotifier
from kiosk.app import AppOptions, KioskApp

app = KioskApp(AppOptions(data_dir=sys.argv[1], overrides={"fullscreen": False},
                          capture_crashes=False, log_to_stderr=False))
app.start()

def command():
    line = os.read(0, 64).decode().strip()
    if line == "block":
        print("blocking", flush=True)
        os.read(0, 64)  # the GUI thread waits here, as a frozen interface would
        print("unblocked", flush=True)
    else:  # "quit" or end of input
        notifier.setEnabled(False)
        app.quit()

notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
notifier.activated.connect(command)
sys.exit(app.exec())
"""


@contextlib.contextmanager
def notify_socket(path: Path) -> Iterator[socket.socket]:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    try:
        yield sock
    finally:
        sock.close()


def receive(sock: socket.socket, timeout: float) -> str | None:
    sock.settimeout(timeout)
    try:
        return sock.recv(4096).decode()
    except TimeoutError:
        return None


def wait_for(sock: socket.socket, wanted: str, timeout: float = 60.0) -> list[str]:
    """Messages received up to and including the first containing ``wanted``."""
    seen: list[str] = []
    while True:
        message = receive(sock, timeout)
        assert message is not None, f"no {wanted!r} within {timeout} s; got {seen[-5:]}"
        seen.append(message)
        if wanted in message.splitlines():
            return seen


def drain(sock: socket.socket) -> list[str]:
    sock.setblocking(False)
    messages = []
    with contextlib.suppress(BlockingIOError):
        while True:
            messages.append(sock.recv(4096).decode())
    sock.setblocking(True)
    return messages


def read_line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


@pytest.mark.slow
def test_blocked_gui_thread_stops_the_pings_and_they_resume(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WATCHDOG_USEC": str(PING_USEC)}
    env.pop("WATCHDOG_PID", None)
    with notify_socket(tmp_path / "notify.sock") as sock:
        env["NOTIFY_SOCKET"] = str(tmp_path / "notify.sock")
        with subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(tmp_path / "data")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        ) as proc:
            assert proc.stdin is not None
            try:
                started = wait_for(sock, "READY=1")
                assert any("STATUS=Home screen shown" in m for m in started)
                for _ in range(3):
                    wait_for(sock, "WATCHDOG=1", timeout=10)

                proc.stdin.write("block\n")
                proc.stdin.flush()
                assert read_line(proc) == "blocking"
                drain(sock)  # pings sent before the block began
                assert receive(sock, SILENCE_S) is None, "pinged while the GUI thread was blocked"

                proc.stdin.write("unblock\n")
                proc.stdin.flush()
                assert read_line(proc) == "unblocked"
                wait_for(sock, "WATCHDOG=1", timeout=10)

                proc.stdin.write("quit\n")
                proc.stdin.flush()
                wait_for(sock, "STOPPING=1", timeout=30)
                assert proc.wait(timeout=60) == 0
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()


def test_first_frame_sends_ready_once_and_pings_run_on_the_timer(qtbot, tmp_path: Path) -> None:
    with notify_socket(tmp_path / "n.sock") as sock:
        widget = QWidget()
        qtbot.addWidget(widget)
        watchdog = Watchdog(widget, Notifier(str(tmp_path / "n.sock")), interval_ms=20)
        widget.show()
        received: list[str] = []

        def has(message: str) -> bool:
            received.extend(drain(sock))
            return message in received

        qtbot.waitUntil(lambda: has("WATCHDOG=1"), timeout=10_000)  # the event loop runs here
        assert received.count("READY=1\nSTATUS=Home screen shown") == 1
        assert watchdog.ready_sent
        widget.repaint()
        watchdog.stop()
        rest = drain(sock)
        assert rest[-1] == "STOPPING=1"
        assert not any("READY=1" in m for m in rest)


def test_abstract_namespace_address(tmp_path: Path) -> None:
    name = f"yijiantong-test-{os.getpid()}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind("\0" + name)
    try:
        notifier = Notifier("@" + name)
        assert notifier.notify("WATCHDOG=1")
        assert receive(sock, 5) == "WATCHDOG=1"
    finally:
        notifier.close()
        sock.close()


def test_outside_systemd_everything_is_a_no_op(qtbot) -> None:
    notifier = Notifier.from_environment({})
    assert not notifier.enabled
    assert notifier.notify("READY=1") is False
    widget = QWidget()
    qtbot.addWidget(widget)
    watchdog = Watchdog(widget, notifier, interval_ms=None)
    assert not watchdog._timer.isActive()
    watchdog.stop()


def test_a_vanished_socket_is_reported_not_raised(tmp_path: Path) -> None:
    notifier = Notifier(str(tmp_path / "gone.sock"))
    assert notifier.notify("WATCHDOG=1") is False
    notifier.close()


def test_watchdog_meant_for_another_process_is_ignored() -> None:
    env = {"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid() + 1)}
    assert ping_interval_ms(env) is None
    assert ping_interval_ms({**env, "WATCHDOG_PID": str(os.getpid())}) == 15_000
    assert ping_interval_ms({"WATCHDOG_USEC": "0"}) is None
    assert ping_interval_ms({"WATCHDOG_USEC": "soon"}) is None
    assert ping_interval_ms({}) is None


@given(st.integers(min_value=1, max_value=10**12))
def test_pings_come_at_least_twice_per_watchdog_period(usec: int) -> None:
    interval = ping_interval_ms({"WATCHDOG_USEC": str(usec)})
    assert interval is not None
    assert interval >= 1
    assert interval * 1000 <= max(usec // 2, 1000)
