"""``yijiantong --self-test``: is this installation (venv or bundle) able to run a kiosk?

Run by packaging/build.sh after every build, by tests/packaging on the bundle and by
staff on a kiosk after installing or updating (docs/deployment.md). Each check uses the
real part, not a description of it:

* Qt platform plugins: offscreen, xcb and wayland (cage) are present and load;
* translations: every locale's .qm file loads into a QTranslator and is not empty;
* database: the kiosk's SQLite file opens and migrates to the latest schema;
* home screen: the real kiosk window is built and painted offscreen, with its tiles;
* Chinese fonts, speech output (espeak-ng speaks one sentence per language to memory),
  speech input (pocketsphinx loads its bundled English model; vosk loads; any installed
  vosk model loads, and "no model" is a normal state: that language is touch-only).

A failed check prints what is wrong and how to fix it, and the exit code is 1. A
warning (no audio device, a display plugin that needs a system library) is printed
but does not fail the test: the kiosk still runs, with that part missing.

The data dir is a throw-away temporary folder unless ``--data-dir`` is given, in which
case that kiosk's own database is migrated (exactly what starting the kiosk would do).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

OK, WARNING, FAILED = "ok", "warning", "FAILED"
LOCALES = ("zh_CN", "zh_HK", "en")
# Sentences espeak-ng must be able to say, one per voice the kiosk uses.
SPEECH_SAMPLES = {"zh_CN": "一键通", "zh_HK": "一鍵通", "en": "One touch"}
HOME_TILES = ("tile.appointments", "tile.meals", "tile.benefits", "tile.emergency")


@dataclass(frozen=True)
class CheckResult:
    name: str
    state: str
    detail: str


class CheckError(Exception):
    """A check found a problem; the message says what and how to fix it."""


class DegradedError(Exception):
    """A check found something missing that the kiosk can run without."""


def _qapp() -> object:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        # A self-test renders offscreen whatever display there is (or is not).
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication([sys.argv[0]])
    return app


def _plugin_dirs() -> list[Path]:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo

    found = [Path(p) for p in QCoreApplication.libraryPaths()]
    found.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)))
    return [p for p in dict.fromkeys(found) if p.is_dir()]


def check_platform_plugins() -> str:
    from PySide6.QtCore import QPluginLoader

    wanted = {
        "offscreen": ["platforms/libqoffscreen.so"],
        "xcb": ["platforms/libqxcb.so"],
        "wayland": ["platforms/libqwayland-egl.so", "wayland-shell-integration/libxdg-shell.so"],
    }
    dirs = _plugin_dirs()
    missing, unloadable = [], []
    for name, files in wanted.items():
        for relative in files:
            path = next((d / relative for d in dirs if (d / relative).is_file()), None)
            if path is None:
                missing.append(f"{name} ({relative})")
                continue
            loader = QPluginLoader(str(path))
            if not loader.load():
                unloadable.append(f"{name}: {loader.errorString()}")
    if missing:
        raise CheckError(
            "Qt plugins missing from " + ", ".join(map(str, dirs)) + ": " + ", ".join(missing)
        )
    if unloadable:
        raise DegradedError(
            "cannot load " + "; ".join(unloadable) + " (install the system libraries "
            "packaging/install.sh lists)"
        )
    return "offscreen, xcb, wayland"


def check_translations() -> str:
    from PySide6.QtCore import QTranslator

    from ui.i18n import qm_path

    bad = []
    for locale in LOCALES:
        translator = QTranslator()
        if not translator.load(str(qm_path(locale))) or translator.isEmpty():
            bad.append(str(qm_path(locale)))
    if bad:
        raise CheckError(
            "translations missing or empty: " + ", ".join(bad) + " (run scripts/setup.sh)"
        )
    return ", ".join(LOCALES)


def check_database(data_dir: Path) -> str:
    from services import migrations
    from services.store import Store

    store = Store(data_dir)
    version, latest = store.schema_version(), migrations.latest_version()
    if version != latest:
        raise CheckError(f"{store.path} is at schema {version}, expected {latest}")
    if not store.integrity_ok():
        raise CheckError(f"{store.path} failed SQLite's integrity check")
    return f"{store.path} (schema {version})"


def check_home_screen(data_dir: Path) -> str:
    from PySide6.QtWidgets import QWidget

    from kiosk.app import AppOptions, KioskApp

    app = KioskApp(
        AppOptions(
            data_dir=str(data_dir),
            overrides={"fullscreen": False},
            install_signal_handlers=False,
            capture_crashes=False,
            log_to_stderr=False,
            defer_services=False,
        )
    )
    window = app.start()
    try:
        window.resize(1920, 1080)
        window.show()
        image = window.grab().toImage()
        if image.isNull() or image.width() < 1920:
            raise CheckError("the home screen did not render")
        colours = {image.pixel(x, y) for x in range(0, 1920, 40) for y in range(0, 1080, 40)}
        if len(colours) < 3:
            raise CheckError("the home screen rendered blank")
        missing = [name for name in HOME_TILES if window.findChild(QWidget, name) is None]
        if window.current_page() != "home" or missing:
            raise CheckError(f"home screen incomplete: page {window.current_page()!r}, {missing}")
    finally:
        app.shutdown()
    return f"{image.width()}x{image.height()}, {len(colours)} colours sampled"


def check_fonts() -> str:
    from ui.fonts import cjk_fonts_available

    if not cjk_fonts_available():
        raise CheckError("no Chinese fonts: Chinese shows as boxes (apt install fonts-noto-cjk)")
    return "Simplified and Traditional Chinese"


def check_speech_output() -> str:
    from voice.tts import DEFAULT_RATE_WPM, Synthesizer

    synthesizer = Synthesizer()
    try:
        for locale, text in SPEECH_SAMPLES.items():
            pcm = synthesizer.synthesize(text, locale, DEFAULT_RATE_WPM, 80)
            if pcm.seconds <= 0:
                raise CheckError(f"espeak-ng produced no audio for {locale}")
    except CheckError:
        raise
    except Exception as exc:
        raise CheckError(f"espeak-ng cannot speak ({exc}); apt install espeak-ng") from exc
    finally:
        synthesizer.close()
    return "espeak-ng: " + ", ".join(SPEECH_SAMPLES)


def check_speech_input(models_dir: Path) -> str:
    from voice.sphinx_engine import SphinxEngine

    sphinx = SphinxEngine()
    status = sphinx.status()
    sphinx.close()
    if not status.ready:
        raise CheckError(status.detail)
    try:
        import vosk  # noqa: F401  (loads libvosk.so)
    except Exception as exc:
        raise CheckError(f"vosk cannot load: {exc}") from exc
    from voice.models import installed_model_for
    from voice.vosk_engine import VoskEngine

    parts = ["pocketsphinx en-us model loaded"]
    for locale in LOCALES:
        folder = installed_model_for(models_dir, locale)
        if folder is None:
            fallback = "pocketsphinx is used" if locale == "en" else "touch input only"
            parts.append(f"{locale}: vosk model missing (normal; {fallback})")
            continue
        engine = VoskEngine(folder)
        model = engine.status()
        engine.close()
        if not model.ready:
            raise CheckError(model.detail)
        parts.append(f"{locale}: {folder.name} loaded")
    return "; ".join(parts)


def check_audio_device() -> str:
    try:
        import sounddevice
    except OSError as exc:
        raise DegradedError(f"PortAudio missing ({exc}); apt install libportaudio2") from exc
    try:
        devices = sounddevice.query_devices()
    except Exception as exc:
        raise DegradedError(f"cannot list audio devices: {exc}") from exc
    inputs = sum(1 for d in devices if d["max_input_channels"] > 0)
    outputs = sum(1 for d in devices if d["max_output_channels"] > 0)
    if not inputs or not outputs:
        raise DegradedError(f"{outputs} speaker(s), {inputs} microphone(s) found")
    return f"{outputs} output(s), {inputs} input(s)"


def _run_check(name: str, check: Callable[[], str]) -> CheckResult:
    try:
        return CheckResult(name, OK, check())
    except DegradedError as exc:
        return CheckResult(name, WARNING, str(exc))
    except CheckError as exc:
        return CheckResult(name, FAILED, str(exc))
    except Exception as exc:  # an unexpected error is a finding, not a crash
        return CheckResult(name, FAILED, f"{type(exc).__name__}: {exc}")


def run_checks(data_dir: Path) -> list[CheckResult]:
    from kiosk.paths import resolve_paths

    # Never tell a supervising systemd "ready" from a self-test.
    os.environ.pop("NOTIFY_SOCKET", None)
    _qapp()
    models_dir = resolve_paths(data_dir).voice_models_dir
    checks: list[tuple[str, Callable[[], str]]] = [
        ("Qt platform plugins", check_platform_plugins),
        ("translations", check_translations),
        ("database", lambda: check_database(data_dir)),
        ("home screen", lambda: check_home_screen(data_dir)),
        ("Chinese fonts", check_fonts),
        ("speech output", check_speech_output),
        ("speech input", lambda: check_speech_input(models_dir)),
        ("audio devices", check_audio_device),
    ]
    return [_run_check(name, check) for name, check in checks]


def report(results: list[CheckResult], out: TextIO) -> int:
    for result in results:
        print(f"  {result.state:<8} {result.name}: {result.detail}", file=out)
    failed = [r.name for r in results if r.state == FAILED]
    warnings = sum(1 for r in results if r.state == WARNING)
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", file=out)
        return 1
    print(f"self-test passed ({len(results)} checks, {warnings} warning(s))", file=out)
    return 0


def run_self_test(data_dir: str | None = None, out: TextIO | None = None) -> int:
    """Run every check, print one line each, return the exit code (0 passed, 1 failed)."""
    from kiosk import __version__

    out = out or sys.stdout
    kind = "bundle" if getattr(sys, "frozen", False) else "python"
    with tempfile.TemporaryDirectory(prefix="yijiantong-selftest-") as tmp:
        folder = Path(data_dir).expanduser() if data_dir else Path(tmp) / "data"
        print(f"yijiantong {__version__} self-test ({kind}; data dir {folder})", file=out)
        out.flush()
        return report(run_checks(folder), out)
