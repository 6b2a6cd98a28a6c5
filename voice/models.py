"""Speech-model catalogue and installer: ``yijiantong voice models list | install``.

The catalogue is data: the official vosk small models from
https://alphacephei.com/vosk/models with their download URLs, sizes and checksums.
Only figures we could check are filled in; ``None`` means "not known offline" and the
list output says the download will be unverified rather than pretend otherwise.
alphacephei publishes no Cantonese model, so zh_HK has no catalogue entry: a kiosk
running in Cantonese has spoken output but touch-only input unless a Cantonese model
is installed from a zip (``install NAME --from-zip PATH --locale zh_HK``).

Installing is safe to interrupt at any point:

* download to ``<name>.zip.part`` and resume with an HTTP ``Range`` request;
* verify size and checksum before unpacking;
* refuse zips that are corrupt (CRC), escape their folder, or hold no vosk model;
* unpack into a temporary folder beside the target, check the model's files, then
  ``rename`` into place, so a half-unpacked model is never seen by the kiosk.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from voice.vosk_engine import model_problem

MARKER = ".yijiantong-model.json"
MAX_UNPACKED_BYTES = 4 * 1024**3  # refuse zip bombs: the largest official models are ~2 GB
CHUNK = 64 * 1024  # a dropped line loses at most one block of progress


@dataclass(frozen=True)
class ModelInfo:
    name: str
    locale: str
    url: str
    approx_mb: int
    size_bytes: int | None = None
    sha256: str | None = None
    md5: str | None = None

    @property
    def verifiable(self) -> bool:
        return self.sha256 is not None or self.md5 is not None


CATALOGUE: tuple[ModelInfo, ...] = (
    ModelInfo(
        "vosk-model-small-cn-0.22",
        "zh_CN",
        "https://alphacephei.com/vosk/models/vosk-model-small-cn-0.22.zip",
        approx_mb=42,
    ),
    ModelInfo(
        "vosk-model-small-en-us-0.15",
        "en",
        "https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip",
        approx_mb=40,
        size_bytes=41_205_931,
        md5="09ab50ccd62b674cbaa231b825f9c1cb",
    ),
)


class ModelInstallError(RuntimeError):
    """Installation failed; the message is meant for the person running the command."""


Progress = Callable[[int, int | None], None]  # bytes done, total (None when unknown)


def find_model(name: str) -> ModelInfo | None:
    return next((m for m in CATALOGUE if m.name == name), None)


def installed_model_for(models_dir: Path, locale: str) -> Path | None:
    """The folder of an installed (possibly broken) model for ``locale``, or None."""
    for info in CATALOGUE:
        if info.locale == locale and (models_dir / info.name).is_dir():
            return models_dir / info.name
    for marker in sorted(models_dir.glob(f"*/{MARKER}")):
        try:
            if json.loads(marker.read_text(encoding="utf-8")).get("locale") == locale:
                return marker.parent
        except (OSError, ValueError):
            continue
    return None


def model_status(models_dir: Path) -> dict[str, dict[str, object]]:
    """Per locale: which model is installed and whether its files are complete."""
    status: dict[str, dict[str, object]] = {}
    for locale in ("zh_CN", "zh_HK", "en"):
        folder = installed_model_for(models_dir, locale)
        if folder is None:
            fallback = "pocketsphinx (bundled English)" if locale == "en" else "touch only"
            status[locale] = {"model": None, "state": "not installed", "fallback": fallback}
            continue
        problem = model_problem(folder)
        status[locale] = {
            "model": folder.name,
            "state": "installed" if problem is None else str(problem[0]),
            "detail": "" if problem is None else problem[1],
        }
    return status


def list_models(models_dir: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for info in CATALOGUE:
        folder = models_dir / info.name
        problem = model_problem(folder) if folder.is_dir() else None
        rows.append(
            {
                "name": info.name,
                "locale": info.locale,
                "size": f"~{info.approx_mb} MB",
                "url": info.url,
                "checksum": (
                    f"sha256 {info.sha256}"
                    if info.sha256
                    else f"md5 {info.md5}"
                    if info.md5
                    else "none known offline: download will be unverified"
                ),
                "installed": folder.is_dir() and problem is None,
                "problem": problem[1] if problem else None,
            }
        )
    return rows


# --- download ------------------------------------------------------------------------


def download(url: str, dest: Path, progress: Progress | None = None, timeout: float = 30) -> Path:
    """Download ``url`` to ``dest``, resuming ``dest.part`` with a Range request."""
    import requests

    part = dest.with_name(dest.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    try:
        with requests.get(url, headers=headers, stream=True, timeout=timeout) as response:
            if response.status_code == 416:  # already complete
                part.replace(dest)
                return dest
            response.raise_for_status()
            if have and response.status_code != 206:
                have = 0  # the server ignored Range: start again
            length = response.headers.get("Content-Length")
            total = have + int(length) if length is not None else None
            with part.open("ab" if have else "wb") as out:
                done = have
                for block in response.iter_content(CHUNK):
                    out.write(block)
                    done += len(block)
                    if progress:
                        progress(done, total)
    except requests.RequestException as exc:
        raise ModelInstallError(
            f"download of {url} stopped ({exc}); run the same command again to resume"
        ) from exc
    part.replace(dest)
    return dest


def verify(path: Path, info: ModelInfo | None) -> str:
    """Check size and checksum; returns a one-line verification note or raises."""
    if info is None:
        return "unverified (not a catalogue model)"
    size = path.stat().st_size
    if info.size_bytes is not None and size != info.size_bytes:
        raise ModelInstallError(
            f"{path.name} is {size:,} bytes, expected {info.size_bytes:,}: incomplete or wrong file"
        )
    for algorithm, expected in (("sha256", info.sha256), ("md5", info.md5)):
        if expected is None:
            continue
        digest = hashlib.new(algorithm)
        with path.open("rb") as fh:
            while block := fh.read(CHUNK):
                digest.update(block)
        if digest.hexdigest() != expected:
            raise ModelInstallError(
                f"{path.name}: {algorithm} is {digest.hexdigest()}, expected {expected}; "
                "the file is damaged or not the official model. Delete it and try again."
            )
        return f"{algorithm} verified"
    return "unverified: no checksum known offline"


# --- unpack --------------------------------------------------------------------------


def _check_zip(archive: zipfile.ZipFile, zip_path: Path) -> None:
    total = 0
    for member in archive.infolist():
        parts = PurePosixPath(member.filename).parts
        if member.filename.startswith("/") or ".." in parts or ":" in member.filename:
            raise ModelInstallError(f"{zip_path.name} has an unsafe path {member.filename!r}")
        total += member.file_size
    if total > MAX_UNPACKED_BYTES:
        raise ModelInstallError(f"{zip_path.name} unpacks to {total:,} bytes; refusing")
    bad = archive.testzip()
    if bad is not None:
        raise ModelInstallError(f"{zip_path.name} is corrupt (bad CRC in {bad})")


def _model_root(folder: Path) -> Path | None:
    for mdl in sorted(folder.rglob("am/final.mdl")):
        return mdl.parent.parent
    return None


def unpack(zip_path: Path, models_dir: Path, name: str, locale: str, note: str) -> Path:
    """Unpack atomically into ``models_dir/name``; a broken zip leaves nothing behind."""
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / name
    with tempfile.TemporaryDirectory(prefix=f".{name}-", dir=models_dir) as tmp:
        scratch = Path(tmp)
        try:
            with zipfile.ZipFile(zip_path) as archive:
                _check_zip(archive, zip_path)
                archive.extractall(scratch / "unpacked")
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ModelInstallError(f"{zip_path.name} is not a readable zip file ({exc})") from exc
        root = _model_root(scratch / "unpacked")
        if root is None:
            raise ModelInstallError(f"{zip_path.name} holds no vosk model (no am/final.mdl inside)")
        problem = model_problem(root)
        if problem is not None:
            raise ModelInstallError(f"{zip_path.name}: {problem[1]}")
        (root / MARKER).write_text(
            json.dumps(
                {"name": name, "locale": locale, "verification": note, "installed": time.time()}
            ),
            encoding="utf-8",
        )
        staged = scratch / "model"
        root.rename(staged)
        old = scratch / "previous"
        if target.exists():
            target.rename(old)
        staged.rename(target)
    return target


def install(
    name: str,
    models_dir: Path,
    *,
    from_zip: Path | None = None,
    locale: str | None = None,
    url: str | None = None,
    progress: Progress | None = None,
) -> tuple[Path, str]:
    """Install a model; returns (folder, verification note). Raises ModelInstallError."""
    info = find_model(name)
    if info is None and from_zip is None:
        known = ", ".join(m.name for m in CATALOGUE)
        raise ModelInstallError(f"unknown model {name!r}; known models: {known}")
    model_locale = locale or (info.locale if info else None)
    if model_locale is None:
        raise ModelInstallError("a model from a zip outside the catalogue needs --locale")
    if from_zip is not None:
        if not from_zip.is_file():
            raise ModelInstallError(f"no such file: {from_zip}")
        zip_path = from_zip
    else:
        assert info is not None
        models_dir.mkdir(parents=True, exist_ok=True)
        zip_path = download(url or info.url, models_dir / f"{name}.zip", progress)
    try:
        note = verify(zip_path, info)
    except ModelInstallError:
        if from_zip is None:
            zip_path.unlink(missing_ok=True)  # a damaged download must not be resumed
        raise
    folder = unpack(zip_path, models_dir, name, model_locale, note)
    if from_zip is None:
        zip_path.unlink(missing_ok=True)
    return folder, note
