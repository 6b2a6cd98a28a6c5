"""The reference hub's HTTP API (protocol v1), built by ``create_app``.

Endpoints are plain ``def`` functions: FastAPI runs them on its thread pool, and
each pool thread owns one SQLite connection (``ConnectionPool``), so the event loop
never waits on the disk.

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
    meal_progress,
    people,
)
from hub import operator as operator_page
from hub.clock import Clock, system_clock
from hub.db import ConnectionPool, get_meta, init_db
from hub.errors import HubError
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


def create_app(db_path: Path, *, clock: Clock | None = None) -> FastAPI:
    """A hub serving the SQLite file at ``db_path`` (created if missing)."""
    now: Clock = clock or system_clock
    init_db(db_path)
    pool = ConnectionPool(db_path)
    cache = catalogue_store.CatalogueCache()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="Yijiantong hub",
        version=f"{PROTOCOL_VERSION}",
        summary="Reference service hub for 一键通 kiosks (wire protocol v1).",
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.clock = now
    app.add_middleware(errors.BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    app.add_exception_handler(HTTPException, errors.http_error)
    app.add_exception_handler(RequestValidationError, errors.validation_error)
    app.add_exception_handler(Exception, errors.internal_error)

    def kiosk(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> str:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HubError(401, "unauthorized", "A bearer token is required.")
        kiosk_id, revoked = kiosks.authenticate(pool.get(), credentials.credentials)
        if kiosk_id is None:
            raise HubError(401, "unauthorized", "Unknown token.")
        if revoked:
            raise HubError(401, "token_revoked", "This kiosk's token has been revoked.")
        return kiosk_id

    Kiosk = Annotated[str, Depends(kiosk)]  # noqa: N806 - a type alias

    @app.get("/v1/health", tags=["meta"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol": PROTOCOL_VERSION}

    @app.post(
        "/v1/enrol",
        response_model=EnrolmentResponse,
        tags=["kiosks"],
        responses={403: {"model": ErrorBody}, 422: _ERRORS[422]},
    )
    def enrol(body: EnrolmentRequest) -> EnrolmentResponse:
        conn = pool.get()
        try:
            kiosk_id, token = kiosks.enrol(conn, body.code, body.kiosk_name, body.location, now())
        except kiosks.EnrolmentError as exc:
            raise HubError(403, exc.code, exc.message) from None
        hub_name = get_meta(conn, "hub_name") or "Yijiantong hub"
        return EnrolmentResponse(kiosk_id=kiosk_id, token=token, hub_name=hub_name)

    _catalogue_routes(app, pool, cache, now, kiosk)

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
        results = fulfilment.process_batch(pool.get(), kiosk_id, items, now())
        body = '{"results":[' + ",".join(results) + "]}"
        return Response(body.encode(), media_type="application/json")

    @app.get("/v1/status", response_model=StatusFeed, tags=["requests"], responses=_ERRORS)
    def status(
        kiosk_id: Kiosk,
        cursor: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_STATUS_PAGE)] = 200,
    ) -> Response:
        # Meal orders move on by the clock; apply what fell due before answering (cheap
        # when nothing is due), so no background thread is needed.
        meal_progress.advance(pool.get(), now())
        updates, next_cursor = fulfilment.status_feed(pool.get(), kiosk_id, cursor, limit)
        body = '{"updates":[' + ",".join(updates) + f'],"next_cursor":{next_cursor}}}'
        return Response(body.encode(), media_type="application/json")

    @app.post("/v1/heartbeat", response_model=HeartbeatAck, tags=["kiosks"], responses=_ERRORS)
    def heartbeat(kiosk_id: Kiosk, body: Heartbeat) -> HeartbeatAck:
        moment = now()
        kiosks.record_heartbeat(pool.get(), kiosk_id, body, moment)
        return HeartbeatAck(server_time=moment, silent_after_s=kiosks.SILENT_AFTER_S)

    @app.post("/v1/people/lookup", response_model=PersonRecord, tags=["people"], responses=_ERRORS)
    def lookup_person(kiosk_id: Kiosk, body: PersonLookup) -> PersonRecord:
        """One senior's appointments (from any kiosk) and benefit statuses; the ID travels
        in the body, is hashed at once and is never stored or logged. Unknown: empty lists."""
        return people.lookup(pool.get(), kiosk_id, body, now())

    _alarm_routes(app, pool, now, kiosk)
    operator_page.mount(app, pool, now)
    _document_request_batch(app)
    return app


async def _batch_items(request: Request) -> list[Any]:
    """Parse only the batch container; each envelope is validated on its own later."""
    return batch_body.batch_items(await request.body())


def _catalogue_routes(
    app: FastAPI,
    pool: ConnectionPool,
    cache: catalogue_store.CatalogueCache,
    now: Clock,
    kiosk: Callable[..., str],
) -> None:
    def make(name: str) -> Callable[..., Response]:
        def serve(request: Request, kiosk_id: Annotated[str, Depends(kiosk)]) -> Response:
            del kiosk_id  # authentication only
            found = cache.get(pool.get(), name, now().date())
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


def _alarm_routes(
    app: FastAPI, pool: ConnectionPool, now: Clock, kiosk: Callable[..., str]
) -> None:
    Kiosk = Annotated[str, Depends(kiosk)]  # noqa: N806 - a type alias
    responses: dict[int | str, dict[str, Any]] = {
        404: {"model": ErrorBody},
        409: {"model": ErrorBody},
        **_ERRORS,
    }

    def run(action: Callable[[], AlarmState]) -> AlarmState:
        try:
            return action()
        except alarms.AlarmError as exc:
            raise HubError(exc.status, exc.code, exc.message) from None

    @app.post("/v1/alarms", response_model=AlarmState, tags=["alarms"], responses=responses)
    def raise_alarm(kiosk_id: Kiosk, body: Alarm) -> AlarmState:
        """Idempotent by alarm id: a retry returns the current state."""
        return run(lambda: alarms.raise_alarm(pool.get(), kiosk_id, body, now()))

    @app.post(
        "/v1/alarms/{alarm_id}/cancel",
        response_model=AlarmState,
        tags=["alarms"],
        responses=responses,
    )
    def cancel_alarm(kiosk_id: Kiosk, alarm_id: UUID, body: AlarmCancel) -> AlarmState:
        if body.alarm_id != alarm_id:
            raise HubError(422, "validation", "alarm_id in the body does not match the path.")
        return run(lambda: alarms.cancel_alarm(pool.get(), kiosk_id, body, now()))

    @app.get(
        "/v1/alarms/{alarm_id}", response_model=AlarmState, tags=["alarms"], responses=responses
    )
    def get_alarm(kiosk_id: Kiosk, alarm_id: UUID) -> AlarmState:
        return run(lambda: alarms.get_alarm(pool.get(), kiosk_id, alarm_id))


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
