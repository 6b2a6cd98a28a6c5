"""The PyInstaller bundle (packaging/build.sh) runs on its own, offscreen.

Every test runs the bundle's executables as a kiosk would: no virtualenv on PATH, no
PYTHONPATH, started from another folder. The kiosk under systemd is imitated with a
real NOTIFY_SOCKET; the hub and the kiosk talk over loopback HTTP.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from pathlib import Path

import pytest
import requests

from tests.helpers.hub_process import free_port
from tests.helpers.waiting import wait_until
from tests.packaging.conftest import REPO_ROOT

pytestmark = pytest.mark.packaging


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a kiosk PC: nothing from this checkout or its virtualenv."""
    keep = ("PATH", "HOME", "LANG", "TMPDIR", "XDG_RUNTIME_DIR")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env["PATH"] = ":".join(
        p for p in env.get("PATH", "/usr/bin:/bin").split(":") if ".venv" not in p
    )
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run(cmd: list[str], tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        check=False,
        capture_output=True,
        text=True,
        env=clean_env(**extra),
        cwd=tmp_path,
        timeout=300,
    )


def test_bundle_self_test_passes_offscreen(bundle: Path, tmp_path: Path) -> None:
    result = run([str(bundle / "yijiantong"), "--self-test"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test (bundle;" in result.stdout  # the frozen app, not this checkout
    for check in ("Qt platform plugins", "translations", "database", "home screen"):
        assert f"ok       {check}:" in result.stdout
    assert "pocketsphinx en-us model loaded" in result.stdout
    assert "self-test passed" in result.stdout


def test_bundle_self_test_reports_what_is_wrong(bundle: Path, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be")
    result = run(
        [str(bundle / "yijiantong"), "--self-test", "--data-dir", str(not_a_folder)], tmp_path
    )
    assert result.returncode == 1
    assert "FAILED   database:" in result.stdout
    assert "self-test FAILED: database" in result.stdout


def test_bundle_carries_plugins_translations_and_phrases(bundle: Path) -> None:
    internal = bundle / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    expected = [
        plugins / "platforms" / "libqoffscreen.so",
        plugins / "platforms" / "libqxcb.so",
        plugins / "platforms" / "libqwayland-egl.so",
        plugins / "wayland-shell-integration" / "libxdg-shell.so",
        plugins / "imageformats" / "libqsvg.so",
        internal / "assets" / "icons" / "emergency.svg",
        internal / "hub" / "static" / "operator.html",
    ]
    expected += [internal / "locales" / f"yijiantong_{loc}.qm" for loc in ("zh_CN", "zh_HK", "en")]
    source_phrases = sorted(p.relative_to(REPO_ROOT) for p in REPO_ROOT.glob("locales/**/*.json"))
    assert source_phrases, "no voice phrase or table files in the checkout"
    expected += [internal / p for p in source_phrases]
    assert [str(p) for p in expected if not p.is_file()] == []
    assert (bundle / "yijiantong-hub").is_file()
    assert not (internal / "pytest").exists()


def test_bundled_kiosk_enrols_with_the_bundled_hub(bundle: Path, tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    hub_db = str(tmp_path / "hub.sqlite3")
    with subprocess.Popen(
        [str(bundle / "yijiantong-hub"), "--port", str(port), "--db", hub_db, "--demo-data"],
        env=clean_env(),
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as hub:
        try:
            wait_until(lambda: _healthy(url), timeout=60)
            code = run([str(bundle / "yijiantong-hub"), "enrolment-code", "--db", hub_db], tmp_path)
            assert code.returncode == 0, code.stderr
            data = str(tmp_path / "kiosk")
            enrol = [str(bundle / "yijiantong"), "enrol", "--hub-url", url, "--code"]
            result = run([*enrol, code.stdout.strip(), "--data-dir", data], tmp_path)
            assert result.returncode == 0, result.stdout + result.stderr
            status = run([str(bundle / "yijiantong"), "status", "--data-dir", data], tmp_path)
            assert '"enrolled": true' in status.stdout
        finally:
            hub.terminate()
            hub.wait(timeout=30)


def _healthy(url: str) -> bool:
    try:
        return requests.get(f"{url}/v1/health", timeout=1).status_code == 200
    except requests.RequestException:
        return False


def test_bundled_kiosk_notifies_systemd_and_stops_on_sigterm(bundle: Path, tmp_path: Path) -> None:
    """What yijiantong.service relies on: READY=1, WATCHDOG=1, STOPPING=1, exit 0 on TERM."""
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        sock.settimeout(60)
        env = clean_env(NOTIFY_SOCKET=address, WATCHDOG_USEC="1000000")
        cmd = [str(bundle / "yijiantong"), "run", "--windowed", "--data-dir", str(tmp_path / "d")]
        with subprocess.Popen(cmd, env=env, cwd=tmp_path, stderr=subprocess.DEVNULL) as kiosk:
            try:
                messages = [sock.recv(4096).decode()]
                while "WATCHDOG=1" not in messages:
                    messages.append(sock.recv(4096).decode())
                assert any(m.startswith("READY=1") for m in messages)
                kiosk.send_signal(signal.SIGTERM)
                while "STOPPING=1" not in messages:
                    messages.append(sock.recv(4096).decode())
                assert kiosk.wait(timeout=60) == 0
            finally:
                if kiosk.poll() is None:
                    kiosk.kill()


def test_bundled_demo_starts_the_bundled_hub_and_a_kiosk(bundle: Path, tmp_path: Path) -> None:
    """``yijiantong demo`` from the bundle: the hub is the bundle's own executable (there is
    no ``python -m hub`` in a frozen kiosk); the kiosk comes up (READY=1) and, on TERM, the
    demo hub goes with it."""
    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        sock.settimeout(90)
        env = clean_env(NOTIFY_SOCKET=address, TMPDIR=str(tmp_path))
        cmd = [str(bundle / "yijiantong"), "demo"]
        log = tmp_path / "demo.log"
        with (
            log.open("wb") as out,
            subprocess.Popen(
                cmd, env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT
            ) as demo,
        ):
            try:
                while not sock.recv(4096).decode().startswith("READY=1"):
                    pass
                [folder] = tmp_path.glob("yijiantong-demo-*")
                assert (folder / "hub.sqlite3").is_file() and (folder / "kiosk").is_dir()
                demo.send_signal(signal.SIGTERM)
                assert demo.wait(timeout=60) == 0
            finally:
                if demo.poll() is None:
                    demo.kill()
        output = log.read_text(errors="replace")
        assert "starting the reference hub" in output, output
        assert not list(tmp_path.glob("yijiantong-demo-*")), "the demo folder is left behind"


def test_install_and_uninstall_into_a_root_folder_twice(bundle: Path, tmp_path: Path) -> None:
    """install.sh / uninstall.sh --root: the files land where the units expect, twice over."""
    root = tmp_path / "root"
    install = ["bash", str(REPO_ROOT / "packaging" / "install.sh"), "--bundle", str(bundle)]
    for _ in range(2):  # idempotent: the second run replaces the bundle in place
        result = run([*install, "--root", str(root)], tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
    unit = root / "etc/systemd/system/yijiantong.service"
    assert "/opt/yijiantong/yijiantong run" in unit.read_text()
    for path in (
        "opt/yijiantong/yijiantong",
        "opt/yijiantong/yijiantong-hub",
        "opt/yijiantong/docs/deployment.md",
        "etc/systemd/system/yijiantong-hub.service",
        "etc/logrotate.d/yijiantong",
        "usr/share/applications/yijiantong.desktop",
        "usr/local/bin/yijiantong",
        "var/lib/yijiantong/logs",
    ):
        assert (root / path).exists(), path
    assert not (root / "opt/yijiantong.new").exists()
    assert not (root / "opt/yijiantong.old").exists()

    uninstall = ["bash", str(REPO_ROOT / "packaging" / "uninstall.sh"), "--root", str(root)]
    for _ in range(2):
        assert run(uninstall, tmp_path).returncode == 0
    assert not (root / "opt/yijiantong").exists()
    assert not unit.exists()
    assert (root / "var/lib/yijiantong").is_dir()  # data kept without --purge
    assert run([*uninstall, "--purge"], tmp_path).returncode == 0
    assert not (root / "var/lib/yijiantong").exists()
