"""The ``yijiantong`` commands. Nothing here imports Qt: ``status``, ``sync``, ``enrol``,
``voice`` and ``--help`` run on machines without a display; ``run``, ``demo``,
``screenshot`` and ``--self-test`` load the kiosk application when they start.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiosk.cli.parser import build_parser


def _voice(args: argparse.Namespace) -> int:
    from kiosk.config import load_config
    from kiosk.paths import resolve_paths
    from voice import commands

    paths = resolve_paths(args.data_dir)
    if args.voice_command == "say":
        config = load_config(paths.config_file).config
        out = Path(args.out) if args.out else None
        return commands.say(
            args.text, args.locale, out, config.speech_rate_wpm, config.volume_percent
        )
    if args.voice_command == "recognize":
        return commands.recognize(Path(args.wav), args.locale, args.page, paths.voice_models_dir)
    if args.voice_command == "intent":
        return commands.intent(args.text, args.locale, args.page)
    if args.voice_command == "models" and args.models_command == "list":
        return commands.models_list(paths.voice_models_dir)
    if args.voice_command == "models" and args.models_command == "install":
        from_zip = Path(args.from_zip) if args.from_zip else None
        return commands.models_install(
            args.name, paths.voice_models_dir, from_zip, args.locale, args.url
        )
    print("yijiantong voice: say, recognize, intent or models list|install", file=sys.stderr)
    return 2


def _run(args: argparse.Namespace, *, windowed: bool) -> int:
    from kiosk.app import AppOptions, KioskApp

    overrides: dict[str, Any] = {
        "hub_url": getattr(args, "hub_url", None),
        "locale": getattr(args, "locale", None),
        "theme": getattr(args, "theme", None),
        "text_scale": getattr(args, "text_scale", None),
    }
    if windowed:
        overrides["fullscreen"] = False
    app = KioskApp(AppOptions(data_dir=args.data_dir, overrides=overrides))
    app.start()
    return app.exec()


def _demo(args: argparse.Namespace) -> int:
    import tempfile

    from kiosk.cli.demo import DemoHub, DemoHubError
    from kiosk.cli.sync import enrol

    with tempfile.TemporaryDirectory(prefix="yijiantong-demo-") as tmp:
        folder = Path(tmp)
        args.data_dir = args.data_dir or str(folder / "kiosk")
        hub = DemoHub(folder)
        try:
            print(f"demo: starting the reference hub on {hub.url} ...", flush=True)
            hub.start()
            if enrol(Path(args.data_dir), hub.url, hub.enrolment_code(), "Demo kiosk") != 0:
                return 1
            args.hub_url = hub.url
            return _run(args, windowed=True)
        except DemoHubError as exc:
            print(f"demo: {exc}", file=sys.stderr)
            return 1
        finally:
            hub.stop()


def _screenshot(args: argparse.Namespace) -> int:
    from kiosk.preview.screenshot import page_names, parse_size, take_screenshot

    if args.list:
        print("\n".join(page_names()))
        return 0
    if not args.page or not args.out:
        print("yijiantong screenshot: --page and --out are required (or --list)", file=sys.stderr)
        return 2
    try:
        size = parse_size(args.size)
        out = take_screenshot(
            args.page,
            Path(args.out),
            locale=args.locale,
            theme=args.theme,
            scale=args.scale,
            size=size,
            data_dir=args.data_dir,
        )
    except (KeyError, ValueError, OSError) as exc:
        print(f"yijiantong screenshot: {exc}", file=sys.stderr)
        return 2
    print(out)
    return 0


def _status(args: argparse.Namespace) -> int:
    import json

    from kiosk.status import collect_status

    print(json.dumps(collect_status(args.data_dir), ensure_ascii=False, indent=2))
    return 0


def resolve_data_dir(args: argparse.Namespace) -> str:
    from kiosk.paths import resolve_paths

    paths = resolve_paths(args.data_dir)
    paths.ensure()
    return str(paths.data_dir)


def _enrol(args: argparse.Namespace) -> int:
    from kiosk.cli.sync import enrol

    return enrol(Path(resolve_data_dir(args)), args.hub_url, args.code, args.name)


def _admin(args: argparse.Namespace) -> int:
    from kiosk.cli.admin_pin import set_pin

    if args.admin_command != "set-pin":
        print("yijiantong admin: set-pin", file=sys.stderr)
        return 2
    return set_pin(Path(resolve_data_dir(args)))


def _sync(args: argparse.Namespace) -> int:
    from kiosk.cli.sync import sync_once

    return sync_once(Path(resolve_data_dir(args)), args.hub_url)


COMMANDS = {
    "run": lambda args: _run(args, windowed=args.windowed),
    "demo": _demo,
    "screenshot": _screenshot,
    "status": _status,
    "enrol": _enrol,
    "sync": _sync,
    "voice": _voice,
    "admin": _admin,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir:
        os.environ["YIJIANTONG_DATA_DIR"] = args.data_dir
    if args.self_test:
        from kiosk.selftest import run_self_test

        return run_self_test(args.data_dir)
    command = COMMANDS.get(args.command)
    if command is None:
        parser.print_help()
        return 2
    return command(args)
