"""The emergency SIP call with REAL baresip processes on loopback (Debian's baresip-core 1.0.0).

The "service centre" is a second baresip, itself run by a :class:`SipCaller` with
``answermode=auto``; both sides are checked through their ctrl_tcp events. Audio: ``ausine``
(a 440 Hz tone, needs opus at 48 kHz) as the source and ``aubridge`` as a player that needs no
sound card - the machine running the tests has none.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.sip_call import (
    CallPhase,
    SipAccount,
    SipCaller,
    SipConfig,
    SipError,
    netstring,
    parse_netstrings,
    write_config,
)
from tests.helpers.hub_process import free_port
from tests.helpers.waiting import wait_until

needs_baresip = pytest.mark.skipif(
    shutil.which("baresip") is None, reason="baresip is not installed (scripts/setup.sh)"
)


class Calls:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: list[tuple[CallPhase, str | None]] = []

    def __call__(self, phase: CallPhase, detail: str | None) -> None:
        with self.lock:
            self.seen.append((phase, detail))

    def phases(self) -> list[CallPhase]:
        with self.lock:
            return [p for p, _ in self.seen]

    def last(self) -> tuple[CallPhase, str | None] | None:
        with self.lock:
            return self.seen[-1] if self.seen else None

    def last_phase(self) -> CallPhase | None:
        last = self.last()
        return None if last is None else last[0]


def sip_port() -> int:
    """A port free for TCP and UDP, with the next one free too (baresip binds UDP and TCP
    on it, and TLS on the next); a plain free TCP port collided now and then (exit 98)."""
    for _ in range(50):
        port = free_port()
        try:
            with contextlib.ExitStack() as held:
                for p in (port, port + 1):
                    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
                        sock = held.enter_context(socket.socket(socket.AF_INET, kind))
                        sock.bind(("127.0.0.1", p))
        except OSError:
            continue
        return port
    raise RuntimeError("no free SIP port pair on loopback")


def config(tmp: Path, user: str, *, answer: str = "manual", **kw: object) -> SipConfig:
    port = sip_port()
    return SipConfig(
        account=SipAccount(f"sip:{user}@127.0.0.1:{port}", register=False, answer_mode=answer),  # type: ignore[arg-type]
        sip_listen=f"127.0.0.1:{port}",
        audio_player="aubridge,nil",
        audio_source="ausine,440",
        config_dir=tmp / user,
        **kw,  # type: ignore[arg-type]
    )


def centre_uri(cfg: SipConfig) -> str:
    return cfg.account.aor


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[SipCaller]:
    """The service centre: a second baresip that answers every call by itself."""
    peer = SipCaller(config(tmp_path, "centre", answer="auto"))
    peer.start()
    wait_until(lambda: peer.running, timeout=15)
    yield peer
    assert peer.stop(15)


@needs_baresip
def test_call_is_established_to_an_auto_answering_peer_and_hung_up(
    tmp_path: Path, centre: SipCaller
) -> None:
    calls = Calls()
    kiosk = SipCaller(config(tmp_path, "kiosk"), on_state=calls)
    kiosk.start()
    try:
        kiosk.place_call(centre_uri(centre.config))
        wait_until(lambda: "established" in calls.phases(), timeout=15)
        types = lambda caller: [e.get("type") for e in list(caller.events)]  # noqa: E731
        wait_until(lambda: "CALL_ESTABLISHED" in types(centre), timeout=10)
        kiosk.hangup()
        wait_until(lambda: calls.last_phase() == "ended", timeout=10)
        wait_until(lambda: "CALL_CLOSED" in types(centre), timeout=10)
    finally:
        assert kiosk.stop(15)
    assert calls.phases()[:1] == ["dialling"]
    assert calls.phases()[-2:] == ["established", "ended"]
    incoming = [e for e in centre.events if e.get("type") == "CALL_ESTABLISHED"]
    assert incoming[0]["direction"] == "incoming" and "kiosk@" in incoming[0]["peeruri"]


@needs_baresip
def test_a_peer_that_never_answers_fails_after_the_ring_timeout(tmp_path: Path) -> None:
    silent = SipCaller(config(tmp_path, "silent", answer="manual"))
    silent.start()
    calls = Calls()
    kiosk = SipCaller(config(tmp_path, "kiosk", ring_timeout=1.5), on_state=calls)
    kiosk.start()
    try:
        wait_until(lambda: silent.running, timeout=15)
        kiosk.place_call(centre_uri(silent.config))
        wait_until(lambda: "failed" in calls.phases(), timeout=15)
        assert calls.last() == ("failed", "no answer from the service centre")
        assert "ringing" in calls.phases() and "established" not in calls.phases()
        wait_until(lambda: any(e.get("type") == "CALL_CLOSED" for e in silent.events))
    finally:
        assert kiosk.stop(15)
        assert silent.stop(15)


def test_baresip_missing_is_reported_not_raised(tmp_path: Path) -> None:
    calls = Calls()
    kiosk = SipCaller(config(tmp_path, "kiosk", binary="baresip-not-installed"), on_state=calls)
    kiosk.start()
    try:
        kiosk.place_call("sip:centre@127.0.0.1:5999")
        wait_until(lambda: calls.last() is not None, timeout=5)
        assert calls.last() == ("failed", "baresip is not installed (run scripts/setup.sh)")
    finally:
        assert kiosk.stop(5)


@needs_baresip
def test_baresip_crashing_mid_call_is_reported_and_the_next_call_restarts_it(
    tmp_path: Path, centre: SipCaller
) -> None:
    calls = Calls()
    kiosk = SipCaller(config(tmp_path, "kiosk"), on_state=calls)
    kiosk.start()
    try:
        kiosk.place_call(centre_uri(centre.config))
        wait_until(lambda: "established" in calls.phases(), timeout=15)
        pid = kiosk.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        wait_until(lambda: calls.last_phase() == "failed", timeout=10)
        assert "stopped unexpectedly" in str(calls.last())
        # The centre still holds the dead call (no BYE came); its side hangs up first,
        # as an operator would, so it can answer the kiosk's next call.
        centre.hangup()
        kiosk.place_call(centre_uri(centre.config))
        wait_until(lambda: calls.phases().count("established") == 2, timeout=15)
        assert kiosk.pid not in (None, pid)
    finally:
        assert kiosk.stop(15)


def test_invalid_address_and_account_are_refused(tmp_path: Path) -> None:
    calls = Calls()
    kiosk = SipCaller(config(tmp_path, "kiosk"), on_state=calls, prestart=False)
    kiosk.start()
    try:
        kiosk.place_call("sip:centre@example.org\r\nquit")
        wait_until(lambda: calls.last() is not None, timeout=5)
        assert calls.last_phase() == "failed"
    finally:
        assert kiosk.stop(5)
    with pytest.raises(SipError):
        SipAccount("sip:k@example.org", password="a;b").accounts_line()
    with pytest.raises(SipError):
        SipAccount("not a uri").accounts_line()


def test_config_and_netstrings(tmp_path: Path) -> None:
    modules = tmp_path / "modules"
    modules.mkdir()
    for name in ("ctrl_tcp", "menu", "account", "opus", "alsa"):
        (modules / f"{name}.so").touch()
    cfg = SipConfig(SipAccount("sip:kiosk7@sip.example.org", password="s3cret"))
    write_config(cfg, tmp_path / "conf", 4444, modules)
    text = (tmp_path / "conf" / "config").read_text()
    assert "ctrl_tcp_listen\t\t127.0.0.1:4444" in text and "module\t\t\topus.so" in text
    assert "g711" not in text  # only modules that exist are loaded
    accounts = (tmp_path / "conf" / "accounts").read_text()
    assert accounts == "<sip:kiosk7@sip.example.org>;regint=3600;auth_pass=s3cret\n"
    assert (tmp_path / "conf").stat().st_mode & 0o077 == 0
    (modules / "menu.so").unlink()
    with pytest.raises(SipError, match="menu"):
        write_config(cfg, tmp_path / "conf", 4444, modules)
    buffer = bytearray(netstring({"event": True, "type": "CALL_RINGING"}) + b'12:{"resp')
    assert parse_netstrings(buffer) == [{"event": True, "type": "CALL_RINGING"}]
    assert buffer == bytearray(b'12:{"resp')
    with pytest.raises(SipError):
        parse_netstrings(bytearray(b"xx:{}"))
