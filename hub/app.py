"""The reference hub's HTTP API (protocol v1), built by ``create_app``.

Endpoints are plain ``def`` functions: FastAPI runs them on its thread pool, where each
unit of work borrows a database connection (``Database.run``: SQLite's per-thread one, or one
from the PostgreSQL pool, retried after a deadlock or a lost connection), so the event loop
never waits on the database. Only the operator's event stream is ``async``.

No ``from __future__ import annotations`` here: FastAPI reads the endpoint
annotations at runtime, and the dependencies they name are closures.
"""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID

from fastapi import Depends, FastAPI, Query, Request, Response  # noqa: TID253
from fastapi.exceptions import RequestValidationError  # noqa: TID253
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer  # noqa: TID253
from starlette.exceptions import HTTPException

from hub import (
    alarms,
    batch_body,
    catalogue_store,
    errors,
    fulfilment,
    kiosks,
    limits,
    live,
    lookup_guard,
    meal_progress,
    people,
)
from hub import operator as operator_page
from hub.clock import Clock, system_clock
from hub.db import Connection, Database, get_meta
from hub.errors import HubError
from hub.lane import Lane
from hub.opening import open_database
from hub.settings import HubSettings
from services.protocol import (
    CATALOGUE_MODELS,
    CATALOGUE_NAMES,
    MAX_BODY_BYTES,
    MAX_STATUS_PAGE,
    PROTOCOL_VERSION,
    Alarm,
    AlarmCancel,
    AlarmState,
    BatchResult,
    EnrolmentRequest,
    EnrolmentResponse,
    ErrorBody,
    Heartbeat,
    HeartbeatAck,
    PersonLookup,
    PersonRecord,
    RequestBatch,
    StatusFeed,
)

# Cursors are SQL integers (64-bit); a larger one is a 422, not an overflow deep inside.
MAX_CURSOR = 2**63 - 1
_bearer = HTTPBearer(auto_error=False, description="The kiosk token issued by POST /v1/enrol.")
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "Missing, unknown or revoked token."},
    422: {"model": ErrorBody, "description": "Malformed JSON or protocol violation."},
}


def create_app(
    database: Database | str | Path,
    *,
    clock: Clock | None = None,
    settings: HubSettings | None = None,
) -> FastAPI:
    """A hub serving ``database``: an open :class:`Database`, a SQLite path or a
    ``postgresql://`` URL (created or upgraded if needed)."""
    now: Clock = clock or system_clock
    config = settings or HubSettings()
    db = database if isinstance(database, Database) else open_database(database)
    cache = catalogue_store.CatalogueCache()
    wakeups, stop_live = live.start(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stop_live()
        app.state.lane.close()
        db.close()

    app = FastAPI(
        title="Yijiantong hub",
        version=f"{PROTOCOL_VERSION}",
        summary="Reference service hub for 一键通 kiosks (wire protocol v1).",
        lifespan=lifespan,
    )
    app.state.database = db
    app.state.clock = now
    app.state.settings = config
    app.add_middleware(errors.BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(
        errors.HeaderLimitMiddleware,
        max_count=config.max_header_count,
        max_bytes=config.max_header_bytes,
    )
    app.add_exception_handler(HTTPException, errors.http_error)
    app.add_exception_handler(RequestValidationError, errors.validation_error)
    app.add_exception_handler(Exception, errors.internal_error)

    def kiosk(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> str:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HubError(401, "unauthorized", "A bearer token is required.")
        kiosk_id, revoked = db.run(lambda conn: kiosks.authenticate(conn, credentials.credentials))
        if kiosk_id is None:
            raise HubError(401, "unauthorized", "Unknown token.")
        if revoked:
            raise HubError(401, "token_revoked", "This kiosk's token has been revoked.")
        return kiosk_id

    @app.get("/v1/health", tags=["meta"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol": PROTOCOL_VERSION}

    @app.post(
        "/v1/enrol",
        response_model=EnrolmentResponse,
        tags=["kiosks"],
        responses={403: {"model": ErrorBody}, 429: {"model": ErrorBody}, 422: _ERRORS[422]},
    )
    def enrol(request: Request, body: EnrolmentRequest) -> EnrolmentResponse:
        """Spend a one-time code. Attempts are limited per client address (codes cannot be
        guessed by trying)."""
        address = request.client.host if request.client else "unknown"

        def work(conn: Connection) -> EnrolmentResponse:
            limits.hit(
                conn, f"enrol|{address}", config.enrol_attempts, config.enrol_window_s, now()
            )
            try:
                kiosk_id, token = kiosks.enrol(
                    conn, body.code, body.kiosk_name, body.location, now()
                )
            except kiosks.EnrolmentError as exc:
                raise HubError(403, exc.code, exc.message) from None
            hub_name = get_meta(conn, "hub_name") or "Yijiantong hub"
            return EnrolmentResponse(kiosk_id=kiosk_id, token=token, hub_name=hub_name)

        return db.run(work)

    _catalogue_routes(app, db, cache, now, kiosk)

    _kiosk_routes(app, db, now, config, kiosk)
    lane = Lane(db)

    async def kiosk_on_lane(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> str:
        return await lane.run(lambda: kiosk(credentials))

    _alarm_routes(app, lane, now, kiosk_on_lane)
    operator_page.mount(app, lane, now, config, wakeups)
    app.state.lane = lane
    _document_request_batch(app)
    return app


async def _batch_items(request: Request) -> list[Any]:
    """Parse only the batch container; each envelope is validated on its own later."""
    return batch_body.batch_items(await request.body())


def _kiosk_routes(
    app: FastAPI, db: Database, now: Clock, config: HubSettings, kiosk: Callable[..., str]
) -> None:
    Kiosk = Annotated[str, Depends(kiosk)]  # noqa: N806 - a type alias

    @app.post(
        "/v1/requests",
        response_model=BatchResult,
        tags=["requests"],
        responses={413: {"model": ErrorBody}, **_ERRORS},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/RequestBatch"}}
                },
            }
        },
    )
    def submit(kiosk_id: Kiosk, items: Annotated[list[Any], Depends(_batch_items)]) -> Response:
        """Process a batch; results come back in batch order, one per envelope."""
        results = db.run(lambda conn: fulfilment.process_batch(conn, kiosk_id, items, now()))
        body = '{"results":[' + ",".join(results) + "]}"
        return Response(body.encode(), media_type="application/json")

    @app.get("/v1/status", response_model=StatusFeed, tags=["requests"], responses=_ERRORS)
    def status(
        kiosk_id: Kiosk,
        cursor: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_STATUS_PAGE)] = 200,
    ) -> Response:
        def work(conn: Connection) -> tuple[list[str], int]:
            # Meal orders move on by the clock; apply what fell due before answering (cheap
            # when nothing is due), so no background thread is needed.
            meal_progress.advance(conn, now())
            return fulfilment.status_feed(conn, kiosk_id, cursor, limit)

        updates, next_cursor = db.run(work)
        body = '{"updates":[' + ",".join(updates) + f'],"next_cursor":{next_cursor}}}'
        return Response(body.encode(), media_type="application/json")

    @app.post("/v1/heartbeat", response_model=HeartbeatAck, tags=["kiosks"], responses=_ERRORS)
    def heartbeat(kiosk_id: Kiosk, body: Heartbeat) -> HeartbeatAck:
        moment = now()
        db.run(lambda conn: kiosks.record_heartbeat(conn, kiosk_id, body, moment))
        return HeartbeatAck(server_time=moment, silent_after_s=kiosks.SILENT_AFTER_S)

    @app.post(
        "/v1/people/lookup",
        response_model=PersonRecord,
        tags=["people"],
        responses={403: {"model": ErrorBody}, 429: {"model": ErrorBody}, **_ERRORS},
    )
    def lookup_person(kiosk_id: Kiosk, body: PersonLookup) -> PersonRecord:
        """One senior's appointments (from any kiosk) and benefit statuses; the ID travels
        in the body, is hashed at once and is never stored or logged. Unknown: empty lists.

        Needs ``session``: the kiosk session in which the ID was entered (see
        ``KioskSession``); refused (403) outside a live session or for a second person in a
        session without a helper, limited per kiosk (429), and logged in every case."""

        def work(conn: Connection) -> PersonRecord:
            moment = now()
            key = fulfilment.person_key(conn.secret, body.resident_id)
            lookup_guard.admit(
                conn, kiosk_id, session=body.session, key=key, settings=config, now=moment
            )
            return people.lookup(conn, kiosk_id, body, moment)

        return db.run(work)


def _catalogue_routes(
    app: FastAPI,
    db: Database,
    cache: catalogue_store.CatalogueCache,
    now: Clock,
    kiosk: Callable[..., str],
) -> None:
    def make(name: str) -> Callable[..., Response]:
        def serve(request: Request, kiosk_id: Annotated[str, Depends(kiosk)]) -> Response:
            del kiosk_id  # authentication only
            found = db.run(lambda conn: cache.get(conn, name, now().date()))
            headers = {"ETag": found.etag, "Cache-Control": "no-cache"}
            if catalogue_store.etag_matches(request.headers.get("if-none-match"), found.etag):
                return Response(status_code=304, headers=headers)
            return Response(found.body, media_type="application/json", headers=headers)

        serve.__name__ = f"catalogue_{name}"
        return serve

    for name in CATALOGUE_NAMES:
        app.add_api_route(
            f"/v1/catalogue/{name}",
            make(name),
            methods=["GET"],
            response_model=CATALOGUE_MODELS[name],
            tags=["catalogues"],
            responses={304: {"description": "Not modified (If-None-Match matched)."}, **_ERRORS},
            summary=f"The {name} catalogue (ETag / If-None-Match)",
        )

    @app.get("/v1/catalogue/{name}", include_in_schema=False)
    def unknown_catalogue(name: str, kiosk_id: Annotated[str, Depends(kiosk)]) -> None:
        raise HubError(404, "not_found", f"No catalogue named {name[:64]!r}.")


def _alarm_routes(app: FastAPI, lane: Lane, now: Clock, kiosk: Callable[..., Any]) -> None:
    Kiosk = Annotated[str, Depends(kiosk)]  # noqa: N806 - a type alias
    responses: dict[int | str, dict[str, Any]] = {
        404: {"model": ErrorBody},
        409: {"model": ErrorBody},
        **_ERRORS,
    }

    async def run(action: Callable[[Connection], AlarmState]) -> AlarmState:
        try:
            return await lane.run(lambda: lane.database.run(action))
        except alarms.AlarmError as exc:
            raise HubError(exc.status, exc.code, exc.message) from None

    @app.post("/v1/alarms", response_model=AlarmState, tags=["alarms"], responses=responses)
    async def raise_alarm(kiosk_id: Kiosk, body: Alarm) -> AlarmState:
        """Idempotent by alarm id: a retry (to this or another hub process) returns the
        current state. A resident ID in ``person`` is used to find the senior's record (age,
        contacts) for the operator, then dropped: only its keyed hash is kept."""

        def work(conn: Connection) -> AlarmState:
            key, age = people.alarm_person(conn.secret, body, now())
            return alarms.raise_alarm(conn, kiosk_id, body, now(), person_key=key, age=age)

        return await run(work)

    @app.post(
        "/v1/alarms/{alarm_id}/cancel",
        response_model=AlarmState,
        tags=["alarms"],
        responses=responses,
    )
    async def cancel_alarm(kiosk_id: Kiosk, alarm_id: UUID, body: AlarmCancel) -> AlarmState:
        if body.alarm_id != alarm_id:
            raise HubError(422, "validation", "alarm_id in the body does not match the path.")
        return await run(lambda conn: alarms.cancel_alarm(conn, kiosk_id, body, now()))

    @app.get(
        "/v1/alarms/{alarm_id}", response_model=AlarmState, tags=["alarms"], responses=responses
    )
    async def get_alarm(kiosk_id: Kiosk, alarm_id: UUID) -> AlarmState:
        return await run(lambda conn: alarms.get_alarm(conn, kiosk_id, alarm_id))


def _document_request_batch(app: FastAPI) -> None:
    """Add RequestBatch (validated by hand, per item) to the OpenAPI components."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = original()
        extra = RequestBatch.model_json_schema(ref_template="#/components/schemas/{model}")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in extra.pop("$defs", {}).items():
            components.setdefault(name, definition)
        components["RequestBatch"] = extra
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
