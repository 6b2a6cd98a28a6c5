"""A fault-injecting HTTP/1.1 proxy on loopback, between the kiosk's client and a real hub.

    with FaultProxy("127.0.0.1", hub_port) as proxy:
        proxy.set_fault("truncated_json", path="/v1/requests", times=1)
        ...  # point the client at proxy.url

Requests are always forwarded to the hub first (so the hub really processes them); the fault
is applied to the reply on its way back - the nastiest case for exactly-once delivery. Modes:

``drop_mid_body``   send the headers and half the body, then close the connection
``status_500``      replace the reply with a 500 + JSON ErrorBody
``status_400``      replace the reply with a 400 "bad request" (the hub did process it)
``stall``           send nothing for ``stall_seconds`` (longer than the client's read timeout)
``truncated_json``  half the body, with a Content-Length that matches the cut body
``malformed_json``  a syntactically broken JSON body
``huge_body``       a 10 MB body
``drip``            the real reply, one byte every ``drip_seconds`` (never trips a read timeout)
``reset``           no reply: the connection is reset (TCP RST)
``garbage``         bytes that are not HTTP at all, then close
``tls``             (constructor flag) serve TLS with a self-signed certificate

Bounded: threads are daemons, sockets time out, and the proxy shuts itself down after
``lifetime`` seconds even if a test forgets to stop it.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import socket
import ssl
import struct
import subprocess
import threading
from collections import Counter
from pathlib import Path
from types import TracebackType

MODES = (
    "drop_mid_body",
    "status_500",
    "status_400",
    "stall",
    "truncated_json",
    "malformed_json",
    "huge_body",
    "drip",
    "reset",
    "garbage",
)
HUGE_BYTES = 10 * 1024 * 1024
_MAX_HEAD = 64 * 1024


class ProxyClosedError(Exception):
    pass


def make_self_signed(directory: Path) -> tuple[Path, Path] | None:
    """A throwaway self-signed cert/key for 127.0.0.1 (None if openssl is missing)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def _read_head(sock: socket.socket, buf: bytearray) -> bytes:
    while b"\r\n\r\n" not in buf:
        if len(buf) > _MAX_HEAD:
            raise ProxyClosedError("header too large")
        chunk = sock.recv(65536)
        if not chunk:
            raise ProxyClosedError("peer closed")
        buf.extend(chunk)
    end = buf.index(b"\r\n\r\n") + 4
    head = bytes(buf[:end])
    del buf[:end]
    return head


def _read_exact(sock: socket.socket, buf: bytearray, n: int) -> bytes:
    while len(buf) < n:
        chunk = sock.recv(65536)
        if not chunk:
            raise ProxyClosedError("peer closed mid-body")
        buf.extend(chunk)
    data = bytes(buf[:n])
    del buf[:n]
    return data


def _read_line(sock: socket.socket, buf: bytearray) -> bytes:
    while b"\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise ProxyClosedError("peer closed mid-chunk")
        buf.extend(chunk)
    end = buf.index(b"\r\n") + 2
    line = bytes(buf[:end])
    del buf[:end]
    return line


def _headers(head: bytes) -> tuple[str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    fields: dict[str, str] = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            fields[name.strip().lower()] = value.strip()
    return lines[0], fields


def _read_body(sock: socket.socket, buf: bytearray, fields: dict[str, str]) -> bytes:
    if "content-length" in fields:
        return _read_exact(sock, buf, int(fields["content-length"]))
    if fields.get("transfer-encoding", "").lower() == "chunked":
        out = bytearray()
        while True:
            size = int(_read_line(sock, buf).split(b";")[0], 16)
            if size == 0:
                _read_line(sock, buf)
                return bytes(out)
            out.extend(_read_exact(sock, buf, size))
            _read_exact(sock, buf, 2)
    return b""


def _whole(rhead: bytes, body: bytes) -> bytes:
    """The upstream reply re-framed with a Content-Length (the body was read whole)."""
    _, fields = _headers(rhead)
    if "content-length" not in fields and body:
        lines = [
            ln
            for ln in rhead.decode("latin-1").split("\r\n")
            if ln and not ln.lower().startswith("transfer-encoding")
        ]
        rhead = ("\r\n".join([*lines, f"content-length: {len(body)}"]) + "\r\n\r\n").encode()
    return rhead + body


def _response(status: str, body: bytes, content_length: int | None = None) -> bytes:
    length = len(body) if content_length is None else content_length
    head = (
        f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n"
    )
    return head.encode() + body


class FaultProxy:
    def __init__(
        self,
        upstream_host: str,
        upstream_port: int,
        *,
        lifetime: float = 300.0,
        stall_seconds: float = 3.0,
        drip_seconds: float = 2.0,
        tls_files: tuple[Path, Path] | None = None,
    ) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.lifetime = lifetime
        self.stall_seconds = stall_seconds
        self.drip_seconds = drip_seconds
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.port = self._server.getsockname()[1]
        self._tls: ssl.SSLContext | None = None
        if tls_files is not None:
            self._tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._tls.load_cert_chain(str(tls_files[0]), str(tls_files[1]))
        self.url = f"{'https' if self._tls else 'http'}://127.0.0.1:{self.port}"
        self._lock = threading.Lock()
        self._mode: str | None = None
        self._path: str | None = None
        self._times: int | None = None
        self._chaos: tuple[str | None, ...] = ()
        self._rng = random.Random(0)
        self.faults_applied: Counter[str] = Counter()
        self.requests_seen: Counter[str] = Counter()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._socks: set[socket.socket] = set()
        self._acceptor = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)

    # -- control ------------------------------------------------------------------------------
    def set_fault(
        self, mode: str | None, *, path: str | None = None, times: int | None = None
    ) -> None:
        """Apply ``mode`` to replies for paths starting with ``path`` (all if None), ``times``
        times (forever if None). ``None`` switches faults off."""
        if mode is not None and mode not in MODES:
            raise ValueError(f"unknown fault mode {mode!r}")
        with self._lock:
            self._mode, self._path, self._times = mode, path, times
            self._chaos = ()

    def set_chaos(self, modes: tuple[str | None, ...], *, seed: int = 0) -> None:
        """Spoil each reply with a mode drawn at random from ``modes`` (``None``: pass it on)."""
        unknown = [m for m in modes if m is not None and m not in MODES]
        if unknown or not modes:
            raise ValueError(f"bad chaos modes {modes!r}")
        with self._lock:
            self._mode, self._path, self._times = None, None, None
            self._chaos, self._rng = tuple(modes), random.Random(seed)

    def _take_fault(self, target: str) -> str | None:
        with self._lock:
            if self._chaos:
                mode = self._rng.choice(self._chaos)
                if mode is not None:
                    self.faults_applied[mode] += 1
                return mode
            if self._mode is None or (self._path and not target.startswith(self._path)):
                return None
            if self._times is not None:
                if self._times <= 0:
                    return None
                self._times -= 1
            self.faults_applied[self._mode] += 1
            return self._mode

    def start(self) -> FaultProxy:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._acceptor.join(5)
        self._server.close()
        with self._lock:
            socks = list(self._socks)
        for s in socks:  # unblock threads waiting on idle keep-alive connections
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
        for t in list(self._threads):
            t.join(5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- plumbing -----------------------------------------------------------------------------
    def _accept_loop(self) -> None:
        deadline = threading.Timer(self.lifetime, self._stopping.set)
        deadline.daemon = True
        deadline.start()
        try:
            while not self._stopping.is_set():
                try:
                    client, _ = self._server.accept()
                except TimeoutError:
                    continue
                except OSError:
                    return
                t = threading.Thread(target=self._serve, args=(client,), daemon=True)
                self._threads = [x for x in self._threads if x.is_alive()] + [t]
                t.start()
        finally:
            deadline.cancel()

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        with self._lock:
            self._socks.add(client)
        try:
            client.settimeout(10)
            if self._tls is not None:
                try:
                    client = self._tls.wrap_socket(client, server_side=True)
                except (ssl.SSLError, OSError):
                    return  # the client refused our certificate: exactly what TLS tests want
            upstream = socket.create_connection(self.upstream, timeout=10)
            with self._lock:
                self._socks.add(upstream)
            cbuf, ubuf = bytearray(), bytearray()
            while not self._stopping.is_set():
                head = _read_head(client, cbuf)
                request_line, fields = _headers(head)
                body = _read_body(client, cbuf, fields)
                target = request_line.split(" ")[1] if " " in request_line else "/"
                with self._lock:
                    self.requests_seen[target.split("?")[0]] += 1
                upstream.sendall(head + body)
                rhead = _read_head(upstream, ubuf)
                status_line, rfields = _headers(rhead)
                no_body = request_line.startswith("HEAD") or status_line.split(" ")[1] in (
                    "204",
                    "304",
                )
                rbody = b"" if no_body else _read_body(upstream, ubuf, rfields)
                if not self._reply(client, self._take_fault(target), status_line, rhead, rbody):
                    return
        except (ProxyClosedError, OSError, ValueError, IndexError):
            return
        finally:
            for s in (client, upstream):
                if s is not None:
                    with self._lock:
                        self._socks.discard(s)
                    with contextlib.suppress(OSError):
                        s.close()

    def _reply(
        self, client: socket.socket, mode: str | None, status_line: str, rhead: bytes, body: bytes
    ) -> bool:
        """Send the (possibly faulty) reply; False if the connection must be closed."""
        if mode == "drip":
            return self._drip(client, _whole(rhead, body))
        if mode is None:
            client.sendall(_whole(rhead, body))
            return True
        handler = {
            "drop_mid_body": self._drop_mid_body,
            "status_500": self._status_500,
            "status_400": self._status_400,
            "stall": self._stall,
            "truncated_json": self._truncated,
            "malformed_json": self._malformed,
            "huge_body": self._huge,
            "reset": self._reset,
            "garbage": self._garbage,
        }[mode]
        return handler(client, body)

    def _drip(self, client: socket.socket, reply: bytes) -> bool:
        for i in range(len(reply)):
            if self._stopping.wait(self.drip_seconds):
                return False
            client.sendall(reply[i : i + 1])
        return True

    def _reset(self, client: socket.socket, body: bytes) -> bool:
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return False

    def _garbage(self, client: socket.socket, body: bytes) -> bool:
        client.sendall(b"\x00\xff\xfeNOT-HTTP \x1b[2J garbage\r\n\r\n" + bytes(range(256)))
        return False

    def _drop_mid_body(self, client: socket.socket, body: bytes) -> bool:
        client.sendall(_response("200 OK", body[: len(body) // 2], len(body)))
        with contextlib.suppress(OSError):
            client.shutdown(socket.SHUT_RDWR)
        return False

    def _status_500(self, client: socket.socket, body: bytes) -> bool:
        err = b'{"code":"internal","message":"injected fault","details":[]}'
        client.sendall(_response("500 Internal Server Error", err))
        return True

    def _status_400(self, client: socket.socket, body: bytes) -> bool:
        err = b'{"code":"bad_request","message":"injected refusal","details":[]}'
        client.sendall(_response("400 Bad Request", err))
        return True

    def _stall(self, client: socket.socket, body: bytes) -> bool:
        self._stopping.wait(self.stall_seconds)
        return False

    def _truncated(self, client: socket.socket, body: bytes) -> bool:
        client.sendall(_response("200 OK", body[: max(1, len(body) // 2)]))
        return True

    def _malformed(self, client: socket.socket, body: bytes) -> bool:
        client.sendall(_response("200 OK", b'{"results": [oops, "next_cursor": }'))
        return True

    def _huge(self, client: socket.socket, body: bytes) -> bool:
        client.sendall(_response("200 OK", b"", HUGE_BYTES))
        block = b'{"x":"' + b"y" * 65_000 + b'"}'
        sent = 0
        while sent < HUGE_BYTES and not self._stopping.is_set():
            piece = block[: min(len(block), HUGE_BYTES - sent)]
            client.sendall(piece)
            sent += len(piece)
        return False
