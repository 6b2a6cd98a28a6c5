"""``yijiantong-hub``: run the reference hub and manage its kiosks.

yijiantong-hub [--host 127.0.0.1] [--port 8700] [--db PATH|postgresql://...] [--demo-data]
yijiantong-hub enrolment-code [--db PATH]
yijiantong-hub revoke-token KIOSK_ID [--db PATH]
yijiantong-hub kiosks [--db PATH]
yijiantong-hub operator create|revoke NAME [--db PATH]
yijiantong-hub meals list [--date YYYY-MM-DD] [--db PATH]
yijiantong-hub meals set-status REFERENCE STATUS [--db PATH]
yijiantong-hub lookups [--kiosk KIOSK_ID] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from hub import (
    catalogue_store,
    demo_data,
    kiosks,
    lookup_guard,
    meal_progress,
    operator,
    person_secret,
)
from hub import settings as settings_module
from hub.clock import NOW_ENV, Clock, clock_from_env, iso
from hub.db import Database, get_meta, is_postgres, set_meta, write
from hub.opening import init_db, open_database
from hub.settings import HubSettings

DB_ENV = "YIJIANTONG_HUB_DB"
DEFAULT_DB = "hub.sqlite3"
log = logging.getLogger("hub")


def _db_help() -> str:
    return (
        "hub database: a SQLite file (created if missing) or a postgresql://user@host/db URL "
        f"(several hub processes may share one). Default: ${DB_ENV} if set, "
        f"else ./{DEFAULT_DB} in the current directory"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yijiantong-hub",
        description="Reference service hub for Yijiantong kiosks (protocol v1). Without a "
        "command it serves HTTP until interrupted.",
        epilog=f"Set {NOW_ENV}=ISO-8601 to start the hub's clock at a fixed instant "
        "(tests and demos); it then advances in real time.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on")
    parser.add_argument(
        "--port", type=int, default=8700, help="TCP port to listen on (0 picks a free one)"
    )
    parser.add_argument("--db", default=None, help=_db_help(), metavar="PATH|URL")
    parser.add_argument(
        "--person-key-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="file holding the secret that keys resident IDs (kept out of the database; "
        f"default: ${person_secret.FILE_ENV}, ${person_secret.SECRET_ENV}, or for SQLite "
        "the file DB.person-key beside the database)",
    )
    for name in HubSettings.names():
        parser.add_argument(
            "--" + name.replace("_", "-"),
            type=_positive,
            default=None,
            metavar="N",
            help=f"{HubSettings.help_for(name)} (default {getattr(HubSettings(), name)}; "
            f"${settings_module.env_name(name)})",
        )
    parser.add_argument(
        "--demo-data",
        action="store_true",
        help="load invented demo hospitals, slots (14 days from today), canteens, menus and "
        "benefit rules, unless the database already holds other data; re-running on a later "
        "day only adds the new days",
    )
    parser.add_argument(
        "--log-level",
        default="warning",
        choices=["critical", "error", "warning", "info", "debug"],
        help="server log level (logs go to stderr)",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", help="administration command (omit to serve)"
    )
    code = commands.add_parser(
        "enrolment-code",
        help="print a new one-time enrolment code (valid 24 h) on stdout",
        description="Create a one-time code for `yijiantong enrol`. Only the code is printed.",
    )
    code.add_argument("--db", dest="sub_db", default=None, help=_db_help(), metavar="PATH")
    revoke = commands.add_parser(
        "revoke-token",
        help="revoke a kiosk's token; its next call gets 401 token_revoked",
        description="Revoke the bearer token of one kiosk (it must enrol again).",
    )
    revoke.add_argument("kiosk_id", metavar="KIOSK_ID", help="the kiosk id given at enrolment")
    revoke.add_argument("--db", dest="sub_db", default=None, help=_db_help(), metavar="PATH")
    listing = commands.add_parser(
        "kiosks",
        help="print enrolled kiosks as JSON, flagging those silent for 3 heartbeat intervals",
        description="List kiosks with last-seen time, last heartbeat and a `silent` flag.",
    )
    listing.add_argument("--db", dest="sub_db", default=None, help=_db_help(), metavar="PATH")
    lookups = commands.add_parser(
        "lookups",
        help="print the log of person lookups (newest first) as JSON",
        description="Every person lookup, allowed or refused: when, which kiosk and session, "
        "which helper, a short form of the person's key (never the ID) and the outcome.",
    )
    lookups.add_argument("--kiosk", default=None, help="only this kiosk's lookups")
    lookups.add_argument("--db", dest="sub_db", default=None, help=_db_help(), metavar="PATH")
    _meal_commands(commands)
    operator.add_cli(commands, _db_help())
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a positive whole number")
    return value


def _meal_commands(commands: Any) -> None:
    meals = commands.add_parser(
        "meals",
        help="list meal orders or set one's status (operators)",
        description="Meal orders at this hub. Statuses move on by the clock; operators may "
        "move an order on early or cancel it before it is handed over.",
    )
    actions = meals.add_subparsers(
        dest="meals_command", metavar="ACTION", required=True, help="what to do"
    )
    listing = actions.add_parser(
        "list",
        help="print meal orders (today's and later, or one day's) as JSON",
        description="Print meal orders for meals today and later (hub clock), or on --date.",
    )
    listing.add_argument("--date", default=None, help="only meals on this day (YYYY-MM-DD)")
    listing.add_argument("--db", dest="sub_db", default=None, help=_db_help(), metavar="PATH")
    setter = actions.add_parser(
        "set-status",
        help="set a meal order's status; the kiosk sees it in its status feed",
        description="Move an order forward (preparing, out_for_delivery, ready_for_pickup, "
        "delivered) or cancel it while it is received or preparing.",
    )
    setter.add_argument("reference", metavar="REFERENCE", help="the order's reference")
    setter.add_argument(
        "status",
        metavar="STATUS",
        choices=meal_progress.STATUSES,
        help="one of: " + ", ".join(meal_progress.STATUSES),
    )
    setter.add_argument("--db", dest="sub_db", default=None, help=_db_help(), metavar="PATH")


def _db_target(args: argparse.Namespace) -> str:
    chosen = getattr(args, "sub_db", None) or args.db or os.environ.get(DB_ENV) or DEFAULT_DB
    if is_postgres(chosen):
        return str(chosen)
    return str(Path(chosen).expanduser().resolve())


def _admin_database(target: str) -> Database:
    """The database for an administration command (these need no person-key secret)."""
    database = Database(target)
    init_db(database)
    return database


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    target = _db_target(args)
    clock = clock_from_env()
    if args.command is None:
        try:
            config = settings_module.from_env().with_overrides(
                {name: getattr(args, name) for name in HubSettings.names()}
            )
        except ValueError as exc:
            print(f"yijiantong-hub: {exc}", file=sys.stderr)
            return 2
        return serve(
            target,
            args.host,
            args.port,
            demo=args.demo_data,
            clock=clock,
            log_level=args.log_level,
            secret_file=args.person_key_file,
            settings=config,
        )
    database = _admin_database(target)
    try:
        return _admin(args, database, clock)
    finally:
        database.close()


def _admin(args: argparse.Namespace, database: Database, clock: Clock) -> int:
    if args.command == "enrolment-code":
        return _with_conn(database, lambda conn: _print(kiosks.new_enrolment_code(conn, clock())))
    if args.command == "revoke-token":
        return _revoke(database, args.kiosk_id, clock)
    if args.command == "operator":
        return operator.run_cli(args.operator_action, args.operator_name, database, clock)
    if args.command == "kiosks":
        return _list_kiosks(database, clock)
    if args.command == "lookups":
        return _with_conn(
            database, lambda conn: _print_json(lookup_guard.log_rows(conn, args.kiosk))
        )
    return _meals(database, args, clock)


def _print(text: str) -> int:
    print(text, flush=True)
    return 0


def _print_json(rows: Any) -> int:
    print(json.dumps(rows, ensure_ascii=False, indent=2), flush=True)
    return 0


def _with_conn(database: Database, work: Any) -> int:
    conn = database.connect()
    try:
        return int(work(conn))
    finally:
        conn.close()


def _revoke(database: Database, kiosk_id: str, clock: Clock) -> int:
    conn = database.connect()
    try:
        if not kiosks.revoke(conn, kiosk_id, clock()):
            print(f"yijiantong-hub: no kiosk {kiosk_id!r}", file=sys.stderr)
            return 1
    finally:
        conn.close()
    print(f"revoked {kiosk_id}", flush=True)
    return 0


def _list_kiosks(database: Database, clock: Clock) -> int:
    conn = database.connect()
    try:
        rows: list[dict[str, Any]] = [
            {
                "kiosk_id": k.kiosk_id,
                "name": k.name,
                "location": k.location,
                "last_seen": iso(k.last_seen) if k.last_seen else None,
                "revoked": k.revoked,
                "silent": k.silent,
                "queue_depth": k.last_heartbeat.queue_depth if k.last_heartbeat else None,
                "last_error": k.last_heartbeat.last_error if k.last_heartbeat else None,
            }
            for k in kiosks.kiosk_statuses(conn, clock())
        ]
    finally:
        conn.close()
    return _print_json(rows)


def _meals(database: Database, args: argparse.Namespace, clock: Clock) -> int:
    conn = database.connect()
    try:
        now = clock()
        if args.meals_command == "set-status":
            try:
                status = meal_progress.set_status(conn, args.reference, args.status, now)
            except meal_progress.MealStatusError as exc:
                print(f"yijiantong-hub: {exc.message}", file=sys.stderr)
                return 1
            print(json.dumps({"reference": args.reference, "status": status}), flush=True)
            return 0
        day = date.fromisoformat(args.date) if args.date else None
        meal_progress.advance(conn, now)
        rows = meal_progress.list_orders(conn, now.date(), day)
    finally:
        conn.close()
    return _print_json(rows)


def load_demo_data(database: Database, clock: Clock) -> dict[str, int] | None:
    """Load or top up demo data; None if the db holds non-demo data (left alone)."""
    conn = database.connect()
    try:
        now = clock()
        with write(conn):
            conn.lock("demo_data")  # hub processes starting together load it once
            loaded = get_meta(conn, "demo_data")
            if catalogue_store.has_data(conn) and loaded is None:
                return None
            if loaded == now.date().isoformat():
                return {}  # today's already there (another process, or a copied database)
            set_meta(conn, "demo_data", now.date().isoformat())
            return demo_data.load(conn, now.date(), now)
    finally:
        conn.close()


def serve(
    target: str | Path,
    host: str,
    port: int,
    *,
    demo: bool,
    clock: Clock,
    log_level: str = "warning",
    secret_file: Path | None = None,
    settings: HubSettings | None = None,
) -> int:
    import uvicorn  # only the serving path needs it

    from hub.app import create_app

    logging.basicConfig(level=log_level.upper(), stream=sys.stderr)
    try:
        database = open_database(target, secret_file=secret_file)
    except person_secret.SecretError as exc:
        print(f"yijiantong-hub: {exc}", file=sys.stderr)
        return 2
    if demo:
        added = load_demo_data(database, clock)
        if added is None:
            log.warning("database already holds non-demo data; --demo-data ignored")
        else:
            log.info("demo data rows added: %s", added)
    app = create_app(database, clock=clock, settings=settings)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        lifespan="on",
        # Operator consoles hold event streams open: do not wait for them at shutdown.
        timeout_graceful_shutdown=2,
        h11_max_incomplete_event_size=16 * 1024,
    )
    server = _make_server(config)
    server.run()
    return 0 if server.started else 1


def _server_class() -> type:
    import uvicorn

    class Server(uvicorn.Server):
        """Announces the bound address on stdout once it really accepts connections."""

        async def startup(self, sockets: Any = None) -> None:
            await super().startup(sockets=sockets)
            if self.should_exit or not self.servers:
                return
            bound = self.servers[0].sockets[0].getsockname()
            host = self.config.host
            print(f"hub listening on http://{host}:{bound[1]}", flush=True)

    return Server


def _make_server(config: Any) -> Any:
    return _server_class()(config)
