"""The service-centre operator: tokens, the operator API and the operator web page.

An operator is created with ``yijiantong-hub operator create NAME``, which prints a bearer
token once (only its SHA-256 digest is stored, like kiosk tokens). Operator tokens and kiosk
tokens live in different tables, so neither can call the other's endpoints.

API (all ``Authorization: Bearer <operator token>``):

* ``GET  /v1/operator/board`` - live alarms (with kiosk name / location, the senior's masked
  ID and record, the drill marker, the operator who acted, when it arrived, was acknowledged
  or escalated), kiosks whose heartbeat went silent, and the alert timings;
* ``GET  /v1/operator/events`` - the same board as server-sent events, pushed on every alarm
  change in any hub process (``hub.live``); the page reads it with ``fetch`` so the token
  travels in the Authorization header, never in a URL;
* ``POST /v1/operator/alarms/{id}/acknowledge`` and ``.../resolve`` - the operator's name
  (from the token) becomes the alarm's ``operator_note``, which the kiosk shows;
* ``GET  /v1/operator/me`` - checks a token.

The page (``GET /operator``) is plain HTML + one small script from ``hub/static`` - no build
step. It takes the token from ``#token=...`` in the address or from its sign-in box.

FastAPI is imported inside :func:`mount` so the CLI (``operator create``) starts fast.
No ``from __future__ import annotations``: FastAPI reads the endpoint annotations at runtime.
"""

import hashlib
import json
import secrets
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

from hub import alarms, kiosks, live
from hub.clock import Clock, iso
from hub.db import Connection, Database, write
from hub.lane import Lane
from hub.settings import HubSettings
from services.protocol import AlarmState

if TYPE_CHECKING:
    from fastapi import FastAPI

STATIC_DIR = Path(__file__).with_name("static")
# Files the page may load; anything else is a 404 (no path is ever built from the URL).
STATIC_FILES = {
    "operator.js": "text/javascript; charset=utf-8",
    "operator.css": "text/css; charset=utf-8",
}
MAX_NAME = 40


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_operator(conn: Connection, name: str, now: datetime) -> str:
    """Register an operator called ``name``; returns the bearer token (shown once)."""
    clean = " ".join(name.split())[:MAX_NAME]
    if not clean:
        raise ValueError("an operator needs a name")
    token = "op_" + secrets.token_urlsafe(32)
    with write(conn):
        conn.execute(
            "INSERT INTO operators (name, token_hash, created_at) VALUES (?, ?, ?)",
            (clean, _digest(token), iso(now)),
        )
    return token


def revoke_operator(conn: Connection, name: str, now: datetime) -> int:
    """Revoke every token of the operator called ``name``; returns how many."""
    with write(conn):
        cur = conn.execute(
            "UPDATE operators SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
            (iso(now), name),
        )
    return cur.rowcount


def authenticate(conn: Connection, token: str) -> str | None:
    """The operator's name for a valid, unrevoked token; otherwise None."""
    row = conn.execute(
        "SELECT name FROM operators WHERE token_hash = ? AND revoked_at IS NULL",
        (_digest(token),),
    ).fetchone()
    return None if row is None else str(row["name"])


def board(conn: Connection, now: datetime, settings: HubSettings | None = None) -> dict[str, Any]:
    """Everything the operator page shows, in one JSON-ready dict."""
    timings = settings or HubSettings()
    alarms.escalate_overdue(conn, now, timings.alarm_escalate_after_s)
    silent = [
        {"kiosk_id": k["id"], "name": k["name"], "location": k["location"], "last_seen": k[3]}
        for k in kiosks.silent_kiosks(conn, now)
    ]
    return {
        "server_time": iso(now),
        "alarms": [asdict(a) for a in alarms.live_alarms(conn, now)],
        "silent_kiosks": silent,
        "silent_after_s": kiosks.SILENT_AFTER_S,
        "timings": {
            "ack_target_s": timings.alarm_ack_target_s,
            "realert_every_s": timings.alarm_realert_every_s,
            "escalate_after_s": timings.alarm_escalate_after_s,
        },
    }


def mount(
    app: "FastAPI",
    lane: Lane,
    now: Callable[[], datetime],
    settings: HubSettings,
    wakeups: live.Wakeups,
) -> None:
    """Add the operator page and API to ``app``; their work runs on the emergency lane."""
    import anyio

    database = lane.database
    from fastapi import Depends, Request, Response
    from fastapi.responses import StreamingResponse
    from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

    from hub.errors import HubError

    bearer = HTTPBearer(auto_error=False, description="An operator token (yijiantong-hub).")

    async def operator(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> str:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HubError(401, "unauthorized", "An operator token is required.")
        token = credentials.credentials
        name = await lane.run(lambda: database.run(lambda conn: authenticate(conn, token)))
        if name is None:
            raise HubError(401, "unauthorized", "Unknown or revoked operator token.")
        return name

    Operator = Annotated[str, Depends(operator)]  # noqa: N806 - a type alias

    async def act(action: Callable[[Connection], AlarmState]) -> AlarmState:
        try:
            return await lane.run(lambda: database.run(action))
        except alarms.AlarmError as exc:
            raise HubError(exc.status, exc.code, exc.message) from None

    def current_board() -> str:
        return json.dumps(
            database.run(lambda conn: board(conn, now(), settings)), ensure_ascii=False
        )

    @app.get("/operator", include_in_schema=False)
    def page() -> Response:
        body = (STATIC_DIR / "operator.html").read_bytes()
        return Response(
            body, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"}
        )

    @app.get("/operator/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        media = STATIC_FILES.get(name)
        if media is None:
            raise HubError(404, "not_found", "No such file.")
        body = (STATIC_DIR / name).read_bytes()
        return Response(body, media_type=media, headers={"Cache-Control": "no-cache"})

    @app.get("/v1/operator/me", tags=["operator"])
    def me(name: Operator) -> dict[str, str]:
        return {"name": name}

    @app.get("/v1/operator/board", tags=["operator"])
    async def get_board(name: Operator) -> Response:
        del name  # authentication only
        text = await lane.run(current_board)
        return Response(text.encode(), media_type="application/json")

    @app.get("/v1/operator/events", tags=["operator"])
    async def events(request: Request, name: Operator) -> StreamingResponse:
        """Server-sent events: ``board`` (the whole board) on connect, on every alarm change
        in any hub process, and at least every ``board_refresh_s``."""
        del name  # authentication only
        wake = wakeups.open()

        async def stream() -> Any:
            try:
                while not await request.is_disconnected():
                    wake.clear()
                    text = await lane.run(current_board)
                    yield live.sse("board", text)
                    with anyio.move_on_after(settings.board_refresh_s):
                        await wake.wait()
            finally:
                wakeups.close(wake)

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    @app.post(
        "/v1/operator/alarms/{alarm_id}/acknowledge", response_model=AlarmState, tags=["operator"]
    )
    async def acknowledge(name: Operator, alarm_id: UUID) -> AlarmState:
        return await act(lambda conn: alarms.acknowledge(conn, alarm_id, name, now()))

    @app.post(
        "/v1/operator/alarms/{alarm_id}/resolve", response_model=AlarmState, tags=["operator"]
    )
    async def resolve(name: Operator, alarm_id: UUID) -> AlarmState:
        return await act(lambda conn: alarms.resolve(conn, alarm_id, name, now()))


# -- command line: yijiantong-hub operator create NAME | revoke NAME ----------------------------


def add_cli(commands: Any, db_help: str) -> None:
    """Add the ``operator`` command to the hub CLI's subparsers."""
    parser = commands.add_parser(
        "operator",
        help="create or revoke service-centre operators (for the /operator page)",
        description="`operator create NAME` prints a new operator token once; open "
        "http://HUB/operator#token=TOKEN to use it. `operator revoke NAME` revokes NAME's tokens.",
    )
    parser.add_argument(
        "operator_action",
        choices=["create", "revoke"],
        metavar="ACTION",
        help="create (print a new token) or revoke (all of NAME's tokens)",
    )
    parser.add_argument("operator_name", metavar="NAME", help="the name the kiosk will show")
    parser.add_argument("--db", dest="sub_db", default=None, help=db_help, metavar="PATH")


def run_cli(action: str, name: str, database: Database, clock: Clock) -> int:
    conn = database.connect()
    try:
        if action == "create":
            try:
                print(create_operator(conn, name, clock()), flush=True)
            except ValueError as exc:
                print(f"yijiantong-hub: {exc}", file=sys.stderr)
                return 2
            return 0
        count = revoke_operator(conn, name, clock())
    finally:
        conn.close()
    if not count:
        print(f"yijiantong-hub: no active operator {name!r}", file=sys.stderr)
        return 1
    print(f"revoked {count} token(s) of {name}", flush=True)
    return 0
