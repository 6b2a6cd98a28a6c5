"""JSON errors everywhere (``ErrorBody``) and the request body size limit.

Kiosks act on ``code``; people read ``message``. Handlers cover FastAPI's own
errors too (unknown route, wrong method, schema validation, malformed JSON), so
no HTML or bare-string error ever reaches a kiosk.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.protocol import ErrorBody

log = logging.getLogger("hub")

_DEFAULT_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    422: "validation",
    429: "rate_limited",
    431: "headers_too_large",
}
# When a client announces a huge body we still read (and drop) up to this much so
# it sees our 413 instead of a reset connection; beyond it we just close.
_DRAIN_LIMIT = 64 * 1024 * 1024


class HubError(HTTPException):
    """An HTTP error with a machine ``code``; raised anywhere in the hub."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code


def error_response(
    status: int,
    code: str,
    message: str,
    details: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(code=code, message=message[:2000], details=(details or [])[:50])
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


# FastAPI's words when the body of a typed endpoint cannot be read at all (nested too deep for
# the JSON parser, a number of thousands of digits): the same answer as any malformed JSON.
_FASTAPI_PARSE_FAILURE = "There was an error parsing the body"


async def http_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 400 and exc.detail == _FASTAPI_PARSE_FAILURE:
        return error_response(422, "malformed_json", "The request body is not valid JSON.")
    code = getattr(exc, "code", None) or _DEFAULT_CODES.get(exc.status_code, "http_error")
    headers = dict(exc.headers or {})
    if exc.status_code == 401:
        headers.setdefault("WWW-Authenticate", "Bearer")
    return error_response(exc.status_code, code, str(exc.detail), headers=headers)


async def validation_error(_: Request, exc: Exception) -> Response:
    errors: list[Any] = list(getattr(exc, "errors", list)())
    malformed = any(e.get("type") == "json_invalid" for e in errors)
    details = [
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}"[:500] for e in errors
    ]
    if malformed:
        return error_response(422, "malformed_json", "The request body is not valid JSON.", details)
    return error_response(422, "validation", "The request did not match the protocol.", details)


async def internal_error(_: Request, exc: Exception) -> Response:
    log.exception("unhandled error", exc_info=exc)
    return error_response(500, "internal", "The hub hit an unexpected error.")


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes`` with 413 before anything parses them.

    A declared Content-Length is checked up front; a chunked body is counted as it
    streams in and cut off as soon as it passes the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _drain(receive, min(int(declared), _DRAIN_LIMIT))
            await _too_large(self.max_bytes)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise HubError(413, "payload_too_large", _too_large_text(self.max_bytes))
            return message

        await self.app(scope, counted, send)


async def _drain(receive: Receive, limit: int) -> None:
    read = 0
    while read < limit:
        message = await receive()
        if message["type"] != "http.request":
            return
        read += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def _too_large_text(max_bytes: int) -> str:
    return f"The request body is larger than {max_bytes} bytes."


def _too_large(max_bytes: int) -> JSONResponse:
    return error_response(413, "payload_too_large", _too_large_text(max_bytes))


class HeaderLimitMiddleware:
    """Refuse requests with too many or too large headers (431) before any work is done.

    The HTTP server already refuses a header block over its own buffer (16 KiB); this keeps
    what reaches the hub far below that, in number and size.
    """

    def __init__(self, app: ASGIApp, max_count: int, max_bytes: int) -> None:
        self.app = app
        self.max_count = max_count
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = scope["headers"]
            size = sum(len(name) + len(value) + 4 for name, value in headers)
            if len(headers) > self.max_count or size > self.max_bytes:
                response = error_response(
                    431,
                    "headers_too_large",
                    f"At most {self.max_count} headers of {self.max_bytes} bytes in all.",
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
