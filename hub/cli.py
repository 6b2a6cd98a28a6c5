"""``yijiantong-hub``: run the reference hub and manage its kiosks.

yijiantong-hub [--host 127.0.0.1] [--port 8700] [--db PATH] [--demo-data]
yijiantong-hub enrolment-code [--db PATH]
yijiantong-hub revoke-token KIOSK_ID [--db PATH]
yijiantong-hub kiosks [--db PATH]
yijiantong-hub operator create|revoke NAME [--db PATH]
yijiantong-hub meals list [--date YYYY-MM-DD] [--db PATH]
yijiantong-hub meals set-status REFERENCE STATUS [--db PATH]
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

from hub import catalogue_store, demo_data, kiosks, meal_progress, operator
from hub.clock import NOW_ENV, Clock, clock_from_env, iso
from hub.db import connect, get_meta, init_db, set_meta, write

DB_ENV = "YIJIANTONG_HUB_DB"
DEFAULT_DB = "hub.sqlite3"
log = logging.getLogger("hub")


def _db_help() -> str:
    return (
        f"hub database file (SQLite; created if missing). Default: ${DB_ENV} if set, "
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
    parser.add_argument("--db", default=None, help=_db_help(), metavar="PATH")
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
    _meal_commands(commands)
    operator.add_cli(commands, _db_help())
    return parser


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


def _db_path(args: argparse.Namespace) -> Path:
    chosen = getattr(args, "sub_db", None) or args.db or os.environ.get(DB_ENV) or DEFAULT_DB
    return Path(chosen).expanduser().resolve()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    db = _db_path(args)
    clock = clock_from_env()
    if args.command == "enrolment-code":
        return _enrolment_code(db, clock)
    if args.command == "revoke-token":
        return _revoke(db, args.kiosk_id, clock)
    if args.command == "operator":
        return operator.run_cli(args.operator_action, args.operator_name, db, clock)
    if args.command == "kiosks":
        return _list_kiosks(db, clock)
    if args.command == "meals":
        return _meals(db, args, clock)
    return serve(
        db, args.host, args.port, demo=args.demo_data, clock=clock, log_level=args.log_level
    )


def _enrolment_code(db: Path, clock: Clock) -> int:
    init_db(db)
    conn = connect(db)
    try:
        print(kiosks.new_enrolment_code(conn, clock()), flush=True)
    finally:
        conn.close()
    return 0


def _revoke(db: Path, kiosk_id: str, clock: Clock) -> int:
    init_db(db)
    conn = connect(db)
    try:
        if not kiosks.revoke(conn, kiosk_id, clock()):
            print(f"yijiantong-hub: no kiosk {kiosk_id!r}", file=sys.stderr)
            return 1
    finally:
        conn.close()
    print(f"revoked {kiosk_id}", flush=True)
    return 0


def _list_kiosks(db: Path, clock: Clock) -> int:
    init_db(db)
    conn = connect(db)
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
    print(json.dumps(rows, ensure_ascii=False, indent=2), flush=True)
    return 0


def _meals(db: Path, args: argparse.Namespace, clock: Clock) -> int:
    init_db(db)
    conn = connect(db)
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
    print(json.dumps(rows, ensure_ascii=False, indent=2), flush=True)
    return 0


def load_demo_data(db: Path, clock: Clock) -> dict[str, int] | None:
    """Load or top up demo data; None if the db holds non-demo data (left alone)."""
    init_db(db)
    conn = connect(db)
    try:
        now = clock()
        with write(conn):
            if catalogue_store.has_data(conn) and get_meta(conn, "demo_data") is None:
                return None
            set_meta(conn, "demo_data", now.date().isoformat())
            return demo_data.load(conn, now.date(), now)
    finally:
        conn.close()


def serve(
    db: Path, host: str, port: int, *, demo: bool, clock: Clock, log_level: str = "warning"
) -> int:
    import uvicorn  # only the serving path needs it

    from hub.app import create_app

    logging.basicConfig(level=log_level.upper(), stream=sys.stderr)
    if demo:
        added = load_demo_data(db, clock)
        if added is None:
            log.warning("database already holds non-demo data; --demo-data ignored")
        else:
            log.info("demo data rows added: %s", added)
    app = create_app(db, clock=clock)
    config = uvicorn.Config(
        app, host=host, port=port, log_level=log_level, access_log=False, lifespan="on"
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
