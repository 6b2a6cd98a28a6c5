"""The ``yijiantong`` command line's arguments. Command names are a fixed contract:
tests and tooling outside the package rely on them."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk import __version__
from kiosk.config import LOCALES, TEXT_SCALES, THEMES, describe_options

EPILOG = describe_options()


def _data_dir_parent(default: Any) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="folder for this kiosk's database, settings and logs "
        "(default: $YIJIANTONG_DATA_DIR or the platform's user data folder)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    # Accepted before or after the command; SUPPRESS keeps a subcommand's default from
    # overwriting a value given before the command name.
    common = _data_dir_parent(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="yijiantong",
        description="Yijiantong (一键通): one-touch doctor, meals, benefits and emergency "
        "help for older people, at community kiosks.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_data_dir_parent(None)],
    )
    parser.add_argument("--version", action="version", version=f"yijiantong {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (display plugins, translations, database, home screen, "
        "fonts, speech) and exit 0, or print what is wrong and exit 1",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser(
        "run",
        parents=[common],
        help="start the kiosk (fullscreen unless --windowed)",
        description="Start the kiosk. Fullscreen and frameless unless --windowed.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("--hub-url", metavar="URL", help="service hub base URL")
    run.add_argument("--locale", choices=LOCALES, help="language each session starts in")
    run.add_argument("--windowed", action="store_true", help="run in a normal window")
    run.add_argument("--theme", choices=THEMES, help="colour theme")
    run.add_argument("--text-scale", type=int, choices=TEXT_SCALES, help="starting text size (%%)")

    demo = sub.add_parser(
        "demo",
        parents=[common],
        help="start a demo kiosk (windowed) in a temporary folder",
        description="Start the kiosk windowed with a throw-away data folder, for a first look.",
    )
    demo.add_argument("--locale", choices=LOCALES, help="language each session starts in")

    shot = sub.add_parser(
        "screenshot",
        parents=[common],
        help="render a page offscreen to a PNG file",
        description="Render one page offscreen (no display needed) and save it as PNG. Pages"
        " reached by walking a flow (service steps, emergency.*, admin.*) are drawn with"
        " sample data in a throw-away folder that takes only the settings of --data-dir: the"
        " kiosk's own data is never changed.",
    )
    shot.add_argument("--list", action="store_true", help="print every page name and exit")
    shot.add_argument("--page", metavar="NAME", help="page to render (see --list)")
    shot.add_argument("--out", metavar="FILE.png", help="where to write the PNG")
    shot.add_argument("--locale", choices=LOCALES, help="language (default zh_CN)")
    shot.add_argument("--theme", choices=THEMES, help="colour theme (default light)")
    shot.add_argument("--scale", type=int, choices=TEXT_SCALES, help="text size in percent")
    shot.add_argument("--size", default="1920x1080", metavar="WxH", help="window size in pixels")

    enrol = sub.add_parser(
        "enrol",
        parents=[common],
        help="exchange a one-time code for this kiosk's hub token",
        description="Enrol this kiosk with a service hub using a one-time code from the hub "
        "operator (yijiantong-hub enrolment-code).",
    )
    enrol.add_argument("--hub-url", required=True, metavar="URL", help="service hub base URL")
    enrol.add_argument("--code", required=True, help="the one-time enrolment code")
    enrol.add_argument("--name", default="Yijiantong kiosk", help="this kiosk's name at the hub")

    sync = sub.add_parser(
        "sync",
        parents=[common],
        help="run one sync pass with the hub and print a JSON report",
        description="Send queued requests, pull status updates and catalogues, send a heartbeat.",
    )
    sync.add_argument("--once", action="store_true", required=True, help="one pass, then exit")
    sync.add_argument("--hub-url", metavar="URL", help="use this hub URL for this pass")

    _add_voice_parser(sub, common)

    admin = sub.add_parser(
        "admin",
        parents=[common],
        help="staff settings from the terminal",
        description="Staff settings that can be made without the screen.",
    )
    asub = admin.add_subparsers(dest="admin_command", metavar="set-pin")
    asub.add_parser(
        "set-pin",
        parents=[common],
        help="set the admin PIN (typed twice; two lines from a pipe)",
        description="Set the admin PIN of the admin screen. It is read twice, without echo.",
    )

    sub.add_parser(
        "status",
        parents=[common],
        help="print this kiosk's state as JSON",
        description="Print version, settings problems, sync queue, alarms and voice model "
        "state as one JSON object.",
    )
    return parser


def _add_voice_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    voice = sub.add_parser(
        "voice",
        parents=[common],
        help="speak, recognise and match phrases; manage speech models",
        description="Speech output and input without the screen.",
    )
    vsub = voice.add_subparsers(dest="voice_command", metavar="VOICE_COMMAND")
    say = vsub.add_parser("say", parents=[common], help="speak TEXT (or write it to a WAV)")
    say.add_argument("text", metavar="TEXT", help="what to say; numbers and dates are spelled out")
    say.add_argument("--locale", choices=LOCALES, default="zh_CN", help="voice (default zh_CN)")
    say.add_argument("--out", metavar="FILE.wav", help="write a WAV file instead of playing")
    rec = vsub.add_parser("recognize", parents=[common], help="recognise a WAV file; prints JSON")
    rec.add_argument("wav", metavar="FILE.wav", help="16-bit PCM WAV, any rate")
    rec.add_argument("--locale", choices=LOCALES, default="zh_CN", help="language (default zh_CN)")
    rec.add_argument("--page", metavar="NAME", help="page grammar: home (default) or keypad")
    intent = vsub.add_parser("intent", parents=[common], help="match TEXT to an intent; no audio")
    intent.add_argument("text", metavar="TEXT", help="what the person said")
    intent.add_argument("--locale", choices=LOCALES, default="zh_CN", help="language")
    intent.add_argument("--page", metavar="NAME", help="page grammar: home (default) or keypad")
    models = vsub.add_parser("models", parents=[common], help="list or install speech models")
    msub = models.add_subparsers(dest="models_command", metavar="list|install")
    msub.add_parser("list", parents=[common], help="catalogue and installed models as JSON")
    install = msub.add_parser("install", parents=[common], help="download or unpack a model")
    install.add_argument("name", metavar="NAME", help="model name from `voice models list`")
    install.add_argument("--from-zip", metavar="PATH", help="install from a zip already here")
    install.add_argument("--locale", choices=LOCALES, help="language of a non-catalogue model")
    install.add_argument("--url", metavar="URL", help="download from a mirror instead")
