"""Model install: resumable download over real HTTP on loopback, checks, atomic unpack.

The server is a real http.server on 127.0.0.1 with Range support, serving small zips
made here (a real vosk model cannot be downloaded on this offline machine). The first
response can be cut short to test resuming.
"""

from __future__ import annotations

import hashlib
import http.server
import random
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from voice.models import (
    ModelInfo,
    ModelInstallError,
    install,
    installed_model_for,
    list_models,
    model_status,
    verify,
)

CN = "vosk-model-small-cn-0.22"


def make_model_zip(path: Path, *, top: str = CN, with_graph: bool = True) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        # Incompressible, so the download is several blocks long and can be cut mid-way.
        archive.writestr(f"{top}/am/final.mdl", random.Random(7).randbytes(400_000))
        archive.writestr(f"{top}/conf/model.conf", "--min-active=200\n")
        if with_graph:
            archive.writestr(f"{top}/graph/HCLr.fst", b"g" * 50_000)
        archive.writestr(f"{top}/README", "test model\n")
    return path


class _Server:
    def __init__(self, payload: bytes, cut_first_at: int | None) -> None:
        self.payload = payload
        self.cut_first_at = cut_first_at
        self.ranges: list[str | None] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                rng = self.headers.get("Range")
                server.ranges.append(rng)
                start = int(rng.split("=")[1].rstrip("-")) if rng else 0
                body = server.payload[start:]
                self.send_response(206 if rng else 200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.cut_first_at is not None and len(server.ranges) == 1:
                    self.wfile.write(body[: server.cut_first_at])
                    self.wfile.flush()
                    self.connection.shutdown(2)  # the line drops mid-download
                    return
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{CN}.zip"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    servers: list[_Server] = []

    def start(payload: bytes, cut_first_at: int | None = None) -> _Server:
        server = _Server(payload, cut_first_at)
        server.thread.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.httpd.shutdown()
        server.httpd.server_close()


def test_download_resumes_with_range_and_installs(tmp_path: Path, serve: object) -> None:
    payload = make_model_zip(tmp_path / "m.zip").read_bytes()
    server = serve(payload, cut_first_at=len(payload) // 3)  # type: ignore[operator]
    models = tmp_path / "models"
    seen: list[tuple[int, int | None]] = []
    with pytest.raises(ModelInstallError, match="run the same command again to resume"):
        install(CN, models, url=server.url, progress=lambda d, t: seen.append((d, t)))
    part = models / f"{CN}.zip.part"
    kept = part.stat().st_size
    assert 0 < kept <= len(payload) // 3
    folder, note = install(CN, models, url=server.url, progress=lambda d, t: seen.append((d, t)))
    assert server.ranges == [None, f"bytes={kept}-"]
    assert seen[-1] == (len(payload), len(payload))
    assert note == "unverified: no checksum known offline"
    assert (folder / "am" / "final.mdl").is_file()
    assert not part.exists() and not (models / f"{CN}.zip").exists()
    assert installed_model_for(models, "zh_CN") == folder
    assert model_status(models)["zh_CN"]["state"] == "installed"
    assert [row["installed"] for row in list_models(models) if row["name"] == CN] == [True]


def test_checksum_mismatch_is_refused(tmp_path: Path) -> None:
    zip_path = make_model_zip(tmp_path / "m.zip")
    good = hashlib.sha256(zip_path.read_bytes()).hexdigest()
    info = ModelInfo("x", "en", "http://unused", 1, sha256=good)
    assert verify(zip_path, info) == "sha256 verified"
    with pytest.raises(ModelInstallError, match="sha256 is"):
        verify(zip_path, ModelInfo("x", "en", "http://unused", 1, sha256="0" * 64))
    with pytest.raises(ModelInstallError, match=r"expected 1: incomplete"):
        verify(zip_path, ModelInfo("x", "en", "http://unused", 1, size_bytes=1))


def test_corrupt_zip_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    data = bytearray(make_model_zip(tmp_path / "m.zip").read_bytes())
    data[200:260] = b"\xff" * 60  # damage compressed data: CRC check fails
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(data))
    models = tmp_path / "models"
    with pytest.raises(ModelInstallError, match=r"corrupt|not a readable zip"):
        install(CN, models, from_zip=bad)
    assert list(models.iterdir()) == []


def test_not_a_zip_and_not_a_model_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.zip"
    text.write_text("hello")
    with pytest.raises(ModelInstallError, match="not a readable zip"):
        install(CN, tmp_path / "models", from_zip=text)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("photos/cat.jpg", b"x")
    with pytest.raises(ModelInstallError, match="holds no vosk model"):
        install(CN, tmp_path / "models", from_zip=other)
    incomplete = make_model_zip(tmp_path / "inc.zip", with_graph=False)
    with pytest.raises(ModelInstallError, match="incomplete"):
        install(CN, tmp_path / "models", from_zip=incomplete)


def test_unsafe_paths_are_refused(tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../escape/am/final.mdl", b"x")
    with pytest.raises(ModelInstallError, match="unsafe path"):
        install(CN, tmp_path / "models", from_zip=evil)
    assert not (tmp_path / "escape").exists()


def test_reinstall_replaces_atomically_and_custom_models_need_a_locale(tmp_path: Path) -> None:
    models = tmp_path / "models"
    zip_path = make_model_zip(tmp_path / "m.zip")
    first, _ = install(CN, models, from_zip=zip_path)
    second, _ = install(CN, models, from_zip=zip_path)
    assert first == second and (second / "conf" / "model.conf").is_file()
    assert sorted(p.name for p in models.iterdir()) == [CN]  # no temp folders left
    with pytest.raises(ModelInstallError, match="needs --locale"):
        install("my-cantonese", models, from_zip=zip_path)
    folder, note = install("my-cantonese", models, from_zip=zip_path, locale="zh_HK")
    assert installed_model_for(models, "zh_HK") == folder
    assert note.startswith("unverified")
    with pytest.raises(ModelInstallError, match="unknown model"):
        install("nope", models)
