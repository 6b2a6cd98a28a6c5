"""The emergency voice call: a supervised baresip child process, driven over ctrl_tcp.

``SipCaller(config, on_state=...)`` is a plain thread (no Qt) that owns one baresip process.
Nothing is installed at run time (``scripts/setup.sh`` installs Debian's ``baresip-core``); the
caller writes a private config directory (``config`` with the ``ctrl_tcp`` module on a loopback
port, ``accounts`` from :class:`SipAccount`, mode 0700 because it holds the SIP password),
starts ``baresip -f DIR`` and talks to it with ctrl_tcp's protocol: netstring-framed JSON
(``{"command": "dial", "params": "sip:...", "token": "..."}`` → a ``{"response": true, ...}``
reply, plus ``{"event": true, "type": "CALL_RINGING" | "CALL_ESTABLISHED" | "CALL_CLOSED" ...}``
events). The ``dial`` / ``hangup`` commands come from baresip's ``menu`` module.

Debian 12 ships baresip 1.0.0 with its modules as ``/usr/lib/baresip/modules/<name>.so``
(``dpkg -L baresip-core``): ``ctrl_tcp.so``, ``menu.so``, ``account.so``, codecs ``opus.so`` /
``g711.so``, audio ``alsa.so`` / ``ausine.so`` (source; 48 kHz only, hence opus) /
``aubridge.so`` (a player that needs no device). There is no "null" audio module in 1.0.0.

:meth:`SipCaller.place_call` and :meth:`SipCaller.hangup` never block: they queue a command for
the thread. ``on_state(phase, detail)`` is called on the thread with ``dialling``, ``ringing``,
``established``, ``ended`` (detail: why) or ``failed`` (detail: a plain reason - baresip not
installed, it crashed, the peer never answered within ``ring_timeout``, the call was refused).
A failed call never stops anything else: the alarm path is separate (alarm_dispatch).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

CallPhase = Literal["dialling", "ringing", "established", "ended", "failed"]
MODULE_DIRS = (
    "/usr/lib/baresip/modules",
    "/usr/lib/x86_64-linux-gnu/baresip/modules",
    "/usr/lib/aarch64-linux-gnu/baresip/modules",
    "/usr/local/lib/baresip/modules",
)
# A SIP URI we are willing to pass to baresip: no spaces or control characters.
_URI = re.compile(r"^sips?:[^\s\x00-\x1f\x7f]{1,200}$")
_MAX_FRAME = 1 << 20


@dataclass(frozen=True, slots=True)
class SipAccount:
    """The kiosk's SIP identity, e.g. ``SipAccount("sip:kiosk7@sip.example.org", "secret")``.

    ``register=False`` makes calls without registering (peer-to-peer, or a trunk that
    accepts unregistered calls from this address)."""

    aor: str
    password: str | None = None
    register: bool = True
    answer_mode: Literal["manual", "auto"] = "manual"
    extra: str = ""  # further baresip account parameters, e.g. ";outbound=sip:proxy"

    def accounts_line(self) -> str:
        for text in (self.aor, self.password or "", self.extra):
            if any(ch in text for ch in "\r\n<>"):
                raise SipError("the SIP account contains a character baresip cannot take")
        if (self.password and ";" in self.password) or not _URI.match(self.aor):
            raise SipError("the SIP account is not valid")
        params = f";regint={3600 if self.register else 0}"
        if self.password:
            params += f";auth_pass={self.password}"
        if self.answer_mode == "auto":
            params += ";answermode=auto"
        return f"<{self.aor}>{params}{self.extra}\n"


@dataclass(frozen=True, slots=True)
class SipConfig:
    account: SipAccount
    sip_listen: str = "0.0.0.0:5060"
    ctrl_port: int = 0  # loopback port for ctrl_tcp; 0 picks a free one
    audio_player: str = "alsa,default"
    audio_source: str = "alsa,default"
    ring_timeout: float = 60.0  # s without an answer before the call is given up
    start_timeout: float = 10.0  # s for baresip to open its control port
    binary: str = "baresip"
    module_dir: str | None = None  # found among MODULE_DIRS when None
    config_dir: Path | None = None  # a private temporary directory when None


class SipError(Exception):
    pass


def find_module_dir(configured: str | None = None) -> Path | None:
    for candidate in (configured, *MODULE_DIRS):
        if candidate and (Path(candidate) / "ctrl_tcp.so").exists():
            return Path(candidate)
    return None


_EADDRINUSE = 98  # baresip exits with the errno of a failed bind
_PORT_ATTEMPTS = 3


class _AddressInUseError(Exception):
    """baresip could not bind one of its ports."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_config(config: SipConfig, directory: Path, ctrl_port: int, module_dir: Path) -> None:
    """Write baresip's ``config``, ``accounts`` and ``contacts`` into ``directory``."""
    drivers = {config.audio_player.split(",")[0], config.audio_source.split(",")[0]}
    wanted = ["opus", "g711", *sorted(drivers)]
    modules = [m for m in wanted if (module_dir / f"{m}.so").exists()]
    missing = [m for m in ("menu", "account", "ctrl_tcp") if not (module_dir / f"{m}.so").exists()]
    if missing:
        raise SipError(f"baresip lacks the module(s) {', '.join(missing)} in {module_dir}")
    lines = [
        "poll_method\t\tepoll",
        f"sip_listen\t\t{config.sip_listen}",
        f"audio_player\t\t{config.audio_player}",
        f"audio_source\t\t{config.audio_source}",
        f"audio_alert\t\t{config.audio_player}",
        f"module_path\t\t{module_dir}",
        *(f"module\t\t\t{m}.so" for m in modules),
        "module_app\t\taccount.so",
        "module_app\t\tmenu.so",
        "module_app\t\tctrl_tcp.so",
        f"ctrl_tcp_listen\t\t127.0.0.1:{ctrl_port}",
    ]
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)  # the accounts file holds the SIP password
    (directory / "config").write_text("\n".join(lines) + "\n")
    (directory / "accounts").write_text(config.account.accounts_line())
    (directory / "contacts").write_text("")


def netstring(payload: dict[str, Any]) -> bytes:
    data = json.dumps(payload, separators=(",", ":")).encode()
    return str(len(data)).encode() + b":" + data + b","


def parse_netstrings(buffer: bytearray) -> list[dict[str, Any]]:
    """Take every complete frame out of ``buffer`` (what is left is an incomplete frame)."""
    out: list[dict[str, Any]] = []
    while True:
        colon = buffer.find(b":")
        if colon < 0:
            if len(buffer) > 20:
                raise SipError("garbage on the baresip control connection")
            return out
        length_text = bytes(buffer[:colon])
        if not length_text.isdigit() or int(length_text) > _MAX_FRAME:
            raise SipError("garbage on the baresip control connection")
        end = colon + 1 + int(length_text)
        if len(buffer) < end + 1:
            return out
        if buffer[end : end + 1] != b",":
            raise SipError("garbage on the baresip control connection")
        frame = bytes(buffer[colon + 1 : end])
        del buffer[: end + 1]
        with contextlib.suppress(ValueError):
            value = json.loads(frame)
            if isinstance(value, dict):
                out.append(value)


class SipCaller(threading.Thread):
    """``start()``; ``place_call(uri)``; ``hangup()``; ``stop()``. Callbacks on this thread."""

    def __init__(
        self,
        config: SipConfig,
        *,
        on_state: Callable[[CallPhase, str | None], None] | None = None,
        prestart: bool = True,
    ) -> None:
        super().__init__(name="sip-caller", daemon=True)
        self.config = config
        self._on_state = on_state
        self._prestart = prestart
        self._commands: queue.SimpleQueue[tuple[str, str]] = queue.SimpleQueue()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._phase: CallPhase | None = None
        self.events: list[dict[str, Any]] = []  # every ctrl_tcp event seen (diagnostics, tests)
        # Thread-only.
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None
        self._buffer = bytearray()
        self._dir: Path | None = None
        self._own_dir = False
        self._in_call = False
        self._dialled_at = 0.0
        self._token = 0

    # -- public, any thread --------------------------------------------------------------
    def place_call(self, uri: str) -> None:
        self._commands.put(("call", uri))

    def hangup(self) -> None:
        self._commands.put(("hangup", ""))

    def stop(self, timeout: float | None = 10.0) -> bool:
        self._stopping.set()
        self._commands.put(("stop", ""))
        if self.is_alive():
            self.join(timeout)
        return not self.is_alive()

    @property
    def phase(self) -> CallPhase | None:
        with self._lock:
            return self._phase

    @property
    def pid(self) -> int | None:
        """baresip's process id while it runs (diagnostics)."""
        proc = self._proc
        return proc.pid if proc is not None and proc.poll() is None else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    # -- thread ------------------------------------------------------------------------
    def _report(self, phase: CallPhase, detail: str | None = None) -> None:
        with self._lock:
            self._phase = phase
        if phase in ("ended", "failed"):
            self._in_call = False
        if self._on_state is not None:
            try:
                self._on_state(phase, detail)
            except Exception:
                log.exception("sip on_state callback failed")

    def run(self) -> None:
        try:
            if self._prestart:
                try:
                    self._ensure_running()
                except SipError as exc:
                    log.warning("baresip not started: %s", exc)
            while not self._stopping.is_set():
                self._handle_commands()
                self._read_events(0.1)
                self._watch()
        finally:
            self._shutdown()

    def _handle_commands(self) -> None:
        while True:
            try:
                kind, arg = self._commands.get_nowait()
            except queue.Empty:
                return
            if kind == "call":
                self._call(arg)
            elif kind == "hangup" and self._in_call:
                self._send("hangup", "")
            elif kind == "stop":
                return

    def _call(self, uri: str) -> None:
        if self._in_call:
            log.info("a call is already in progress; %s not dialled", uri)
            return
        if not _URI.match(uri):
            self._report("failed", "the service-centre address is not a valid SIP address")
            return
        try:
            self._ensure_running()
        except SipError as exc:
            self._report("failed", str(exc))
            return
        self._in_call = True
        self._dialled_at = time.monotonic()
        self._report("dialling", uri)
        if not self._send("dial", uri):
            self._report("failed", "baresip did not take the call command")

    def _send(self, command: str, params: str) -> bool:
        if self._sock is None:
            return False
        self._token += 1
        frame = netstring({"command": command, "params": params, "token": f"t{self._token}"})
        try:
            self._sock.sendall(frame)
            return True
        except OSError as exc:
            log.warning("baresip control connection failed: %s", exc)
            self._close_socket()
            return False

    def _read_events(self, wait: float) -> None:
        if self._sock is None:
            self._stopping.wait(wait)
            return
        try:
            chunk = self._sock.recv(65536)
        except TimeoutError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._close_socket()
            return
        self._buffer.extend(chunk)
        try:
            frames = parse_netstrings(self._buffer)
        except SipError as exc:
            log.warning("%s", exc)
            self._close_socket()
            return
        for frame in frames:
            self._on_frame(frame)

    def _on_frame(self, frame: dict[str, Any]) -> None:
        if frame.get("response"):
            if not frame.get("ok") and self._in_call and self._phase == "dialling":
                reason = str(frame.get("data") or "refused").strip()
                self._report("failed", f"baresip refused the call: {reason}"[:200])
            return
        if not frame.get("event"):
            return
        self.events.append(frame)
        kind = frame.get("type")
        if not self._in_call:
            return
        if kind in ("CALL_RINGING", "CALL_PROGRESS") and self._phase == "dialling":
            self._report("ringing", None)
        elif kind == "CALL_ESTABLISHED":
            self._report("established", str(frame.get("peeruri") or ""))
        elif kind == "CALL_CLOSED":
            reason = str(frame.get("param") or "call closed")
            if self._phase == "established":
                self._report("ended", reason)
            else:
                self._report("failed", f"the call did not connect: {reason}"[:200])

    def _watch(self) -> None:
        if self._proc is not None and self._proc.poll() is not None:
            code = self._proc.returncode
            self._proc = None
            self._close_socket()
            log.warning("baresip exited with %s", code)
            if self._in_call:
                self._report("failed", f"the phone program stopped unexpectedly (exit {code})")
        if (
            self._in_call
            and self._phase in ("dialling", "ringing")
            and time.monotonic() - self._dialled_at > self.config.ring_timeout
        ):
            self._send("hangup", "")
            self._report("failed", "no answer from the service centre")

    def _ensure_running(self) -> None:
        if self.running and self._sock is not None:
            return
        self._shutdown_process()
        binary = shutil.which(self.config.binary)
        if binary is None:
            raise SipError("baresip is not installed (run scripts/setup.sh)")
        module_dir = find_module_dir(self.config.module_dir)
        if module_dir is None:
            raise SipError("baresip's modules (ctrl_tcp.so) were not found")
        if self._dir is None:
            if self.config.config_dir is not None:
                self._dir = self.config.config_dir
            else:
                self._dir = Path(tempfile.mkdtemp(prefix="yijiantong-sip-"))
                self._own_dir = True
        # A control port picked here can be taken by another program before baresip binds
        # it (exit 98, EADDRINUSE): pick another and try again, a few times.
        for attempt in range(_PORT_ATTEMPTS):
            port = self.config.ctrl_port or _free_port()
            try:
                self._launch(binary, module_dir, port)
                return
            except _AddressInUseError:
                if self.config.ctrl_port or attempt == _PORT_ATTEMPTS - 1:
                    raise SipError(
                        f"baresip could not listen (address in use, exit {_EADDRINUSE});"
                        f" see {self._dir}"
                    ) from None
                log.info("baresip's control port %d was taken; trying another", port)

    def _launch(self, binary: str, module_dir: Path, port: int) -> None:
        assert self._dir is not None
        write_config(self.config, self._dir, port, module_dir)
        log_file = (self._dir / "baresip.log").open("ab")
        try:
            self._proc = subprocess.Popen(
                [binary, "-f", str(self._dir)],
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a Ctrl-C at the terminal is not a hang-up
            )
        except OSError as exc:
            raise SipError(f"baresip could not be started: {exc}") from exc
        finally:
            log_file.close()
        self._sock = self._connect(port)

    def _connect(self, port: int) -> socket.socket:
        deadline = time.monotonic() + self.config.start_timeout
        while True:
            assert self._proc is not None
            if self._proc.poll() is not None:
                code = self._proc.returncode
                self._proc = None
                if code == _EADDRINUSE:
                    raise _AddressInUseError()
                raise SipError(f"baresip stopped at start (exit {code}); see {self._dir}")
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=0.5)
            except OSError:
                if time.monotonic() > deadline:
                    self._shutdown_process()
                    raise SipError("baresip did not open its control port in time") from None
                self._stopping.wait(0.05)
                continue
            sock.settimeout(0.1)
            self._buffer.clear()
            return sock

    def _close_socket(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.close()
            self._sock = None

    def _shutdown_process(self) -> None:
        self._close_socket()
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(3)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(3)

    def _shutdown(self) -> None:
        if self._in_call:
            self._send("hangup", "")
            self._report("ended", "the kiosk is shutting down")
        self._shutdown_process()
        if self._own_dir and self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
