"""Typed HTTP client for the hub protocol v1 (one instance per owning thread).

Every reply is read with a hard size cap and validated against ``services.protocol``. Failures
come out as a small exception family the sync engine can act on:

* :class:`HubUnavailable` - no usable answer: refused/reset/dropped connection, timeout, DNS,
  TLS (the message says "certificate" when verification failed). Retry later.
* :class:`HubServerError` - 5xx (and 429). Retry later.
* :class:`HubProtocolError` - the body is not JSON, breaks the schema, or is too large.
* :class:`HubAuthError` - 401; ``code`` is ``"unauthorized"`` or ``"token_revoked"``.
* :class:`HubRejected` - any other 4xx: the hub refuses this request as such.

TLS is always verified (certifi's bundle, or a CA bundle path); it cannot be turned off.

Every call has an overall deadline besides the per-read timeouts (``services.deadline``): a hub
that drips its reply a byte at a time fails the call with :class:`HubUnavailable` when the
deadline passes. :meth:`HubClient.abort` ends the call in flight from another thread.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urljoin

import requests
from pydantic import BaseModel, ValidationError
from requests.structures import CaseInsensitiveDict

from services import protocol
from services.deadline import CallWatch, fit_session

DEFAULT_TIMEOUT: tuple[float, float] = (3.05, 10.0)
DEFAULT_DEADLINE = 30.0  # s for a whole call, however the hub paces its bytes
CATALOGUE_DEADLINE = 90.0  # a full catalogue may be 8 MB on a slow line
MAX_REPLY_BYTES = 2 * 1024 * 1024
MAX_CATALOGUE_BYTES = 8 * 1024 * 1024
_CHUNK = 64 * 1024

M = TypeVar("M", bound=BaseModel)


class HubError(Exception):
    """Base class: the hub could not be used for this call."""


class HubUnavailable(HubError):  # noqa: N818 - name fixed by the API contract
    pass


class HubCallAborted(HubUnavailable):
    """The call was ended on purpose by :meth:`HubClient.abort`; nothing is wrong with the hub."""


class HubServerError(HubError):
    def __init__(self, status: int, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after  # s, from a Retry-After header (429, 503)


class HubProtocolError(HubError):
    pass


class HubAuthError(HubError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code

    @property
    def revoked(self) -> bool:
        return self.code == "token_revoked"


class HubRejected(HubError):  # noqa: N818 - name fixed by the API contract
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclass(frozen=True, slots=True)
class NotModified:
    name: str
    etag: str | None


@dataclass(frozen=True, slots=True)
class CatalogueBody:
    name: str
    etag: str | None
    catalogue: BaseModel  # a ``protocol.Catalogue[...]`` for ``name``


def _describe_ssl(exc: BaseException, url: str) -> str:
    text = str(exc)
    if "CERTIFICATE" in text.upper():
        return (
            f"TLS certificate verification failed for {url}: the hub's certificate is not trusted"
        )
    return f"TLS error talking to {url}: {text[:200]}"


_REASONS = (
    ("refused", "connection refused"),
    ("reset", "connection reset"),
    ("name or service not known", "host name not found"),
    ("nodename nor servname", "host name not found"),
    ("temporary failure in name resolution", "host name not found"),
    ("timed out", "timed out"),
    ("incompleteread", "reply cut short"),
    ("connection broken", "connection dropped"),
    ("remotedisconnected", "connection closed by the hub"),
    ("no route to host", "no route to host"),
    ("network is unreachable", "network unreachable"),
)


def _reason(exc: BaseException) -> str:
    """A short, plain cause for a transport failure (no urllib3 noise)."""
    text = repr(exc).lower()
    for needle, reason in _REASONS:
        if needle in text:
            return reason
    return type(exc).__name__


class HubClient:
    """Talks to one hub with one bearer token, over a caller-owned ``requests.Session``."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        *,
        verify: bool | str = True,
        max_reply_bytes: int = MAX_REPLY_BYTES,
        max_catalogue_bytes: int = MAX_CATALOGUE_BYTES,
        deadline: float = DEFAULT_DEADLINE,
    ) -> None:
        if verify is False:
            raise ValueError("TLS verification cannot be disabled; pass a CA bundle path instead")
        self.base_url = base_url.rstrip("/") + "/"
        self.token = token
        self.session = session if session is not None else requests.Session()
        self.timeout = timeout
        self.verify = verify
        self.max_reply_bytes = max_reply_bytes
        self.max_catalogue_bytes = max_catalogue_bytes
        self.deadline = deadline
        fit_session(self.session)
        self._watch: CallWatch | None = None
        # abort() may land in the instant before a call has registered its watch; the call
        # then ends as soon as it starts instead of running to its full deadline.
        self._watch_lock = threading.Lock()
        self._abort_pending = False
        self._closed = False

    def abort(self) -> None:
        """End the call in flight from another thread (it raises HubCallAborted); with none in
        flight, end the next call as soon as it starts."""
        with self._watch_lock:
            if self._watch is not None:
                self._watch.abort()
            else:
                self._abort_pending = True

    def forget_abort(self) -> None:
        """Drop an abort that arrived after the call it was meant for had finished."""
        with self._watch_lock:
            self._abort_pending = False

    def close(self) -> None:
        """End the call in flight and refuse every later one (the owner is stopping)."""
        with self._watch_lock:
            self._closed = True
        self.abort()

    # -- transport ----------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        cap: int | None = None,
        auth: bool = True,
        deadline: float | None = None,
    ) -> tuple[int, CaseInsensitiveDict[str], bytes]:
        seconds = deadline if deadline is not None else self.deadline
        with CallWatch(seconds) as watch:
            with self._watch_lock:
                if self._closed or self._abort_pending:
                    self._abort_pending = False
                    raise HubCallAborted("the call to the hub was ended before it began")
                self._watch = watch
            try:
                reply = self._call(
                    method, path, body=body, params=params, headers=headers, cap=cap, auth=auth
                )
                if watch.fired:  # cut off at a point where the bytes so far looked whole
                    raise HubUnavailable("the hub's reply was cut off")
                return reply
            except HubError as exc:
                if watch.reason == "aborted":
                    raise HubCallAborted("the call to the hub was ended early") from exc
                if watch.reason == "deadline":
                    raise HubUnavailable(
                        f"the hub at {self.base_url} did not finish answering within {seconds:g} s"
                    ) from exc
                raise
            finally:
                with self._watch_lock:
                    self._watch = None

    def _call(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None,
        params: dict[str, Any] | None,
        headers: dict[str, str] | None,
        cap: int | None,
        auth: bool,
    ) -> tuple[int, CaseInsensitiveDict[str], bytes]:
        url = urljoin(self.base_url, path.lstrip("/"))
        hdrs = {"Accept": "application/json", **(headers or {})}
        data: bytes | None = None
        if body is not None:
            data = body.model_dump_json().encode()
            hdrs["Content-Type"] = "application/json"
        if auth and self.token:
            hdrs["Authorization"] = f"Bearer {self.token}"
        limit = cap or self.max_reply_bytes
        try:
            resp = self.session.request(
                method,
                url,
                data=data,
                params=params,
                headers=hdrs,
                timeout=self.timeout,
                verify=self.verify,
                stream=True,
                allow_redirects=False,
            )
        except requests.exceptions.SSLError as exc:
            raise HubUnavailable(_describe_ssl(exc, self.base_url)) from exc
        except requests.exceptions.Timeout as exc:
            raise HubUnavailable(f"the hub at {self.base_url} did not answer in time") from exc
        except requests.exceptions.RequestException as exc:
            raise HubUnavailable(
                f"cannot reach the hub at {self.base_url} ({_reason(exc)})"
            ) from exc
        with resp:
            declared = resp.headers.get("Content-Length")
            if declared is not None and declared.isdigit() and int(declared) > limit:
                raise HubProtocolError(f"reply of {declared} bytes exceeds the {limit}-byte limit")
            chunks: list[bytes] = []
            size = 0
            try:
                for chunk in resp.iter_content(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise HubProtocolError(f"reply exceeds the {limit}-byte limit")
                    chunks.append(chunk)
            except requests.exceptions.SSLError as exc:
                raise HubUnavailable(_describe_ssl(exc, self.base_url)) from exc
            except requests.exceptions.RequestException as exc:
                raise HubUnavailable(
                    f"the connection to the hub broke mid-reply ({_reason(exc)})"
                ) from exc
            return resp.status_code, resp.headers, b"".join(chunks)

    @staticmethod
    def _error_body(raw: bytes) -> protocol.ErrorBody | None:
        try:
            return protocol.ErrorBody.model_validate_json(raw)
        except ValidationError:
            return None

    def _check(
        self, status: int, raw: bytes, headers: CaseInsensitiveDict[str] | None = None
    ) -> None:
        if 200 <= status < 300:
            return
        err = self._error_body(raw)
        code = err.code if err else f"http_{status}"
        message = err.message if err else raw[:200].decode("utf-8", "replace")
        if status == 401:
            raise HubAuthError(code, f"the hub refused this kiosk's token ({code})")
        if status >= 500 or status == 429:
            retry = headers.get("Retry-After", "") if headers is not None else ""
            raise HubServerError(
                status,
                f"hub error {status} ({code}): {message}"[:300],
                float(retry) if retry.isdigit() else None,
            )
        if 300 <= status < 400:
            raise HubProtocolError(f"unexpected redirect ({status}) from the hub")
        raise HubRejected(
            status, code, f"hub refused the request {status} ({code}): {message}"[:300]
        )

    @staticmethod
    def _parse(model: type[M], raw: bytes) -> M:
        try:
            return model.model_validate_json(raw)
        except ValidationError as exc:
            first = exc.errors()[0] if exc.errors() else {"type": "?", "loc": ()}
            where = ".".join(str(p) for p in first["loc"])
            raise HubProtocolError(
                f"malformed reply from the hub: {first['type']} at {where or 'body'}"
            ) from exc

    # -- endpoints ------------------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        status, _, raw = self._request("GET", "/v1/health", auth=False)
        self._check(status, raw)
        try:
            value = json.loads(raw)
        except ValueError as exc:
            raise HubProtocolError("malformed health reply") from exc
        if not isinstance(value, dict):
            raise HubProtocolError("malformed health reply")
        return value

    def enrol(self, request: protocol.EnrolmentRequest) -> protocol.EnrolmentResponse:
        status, headers, raw = self._request("POST", "/v1/enrol", body=request, auth=False)
        self._check(status, raw, headers)
        return self._parse(protocol.EnrolmentResponse, raw)

    def get_catalogue(self, name: str, etag: str | None = None) -> NotModified | CatalogueBody:
        model = protocol.CATALOGUE_MODELS.get(name)
        if model is None:
            raise ValueError(f"unknown catalogue {name!r}")
        headers = {"If-None-Match": etag} if etag else {}
        status, hdrs, raw = self._request(
            "GET",
            f"/v1/catalogue/{name}",
            headers=headers,
            cap=self.max_catalogue_bytes,
            deadline=max(self.deadline, CATALOGUE_DEADLINE),
        )
        if status == 304:
            return NotModified(name, hdrs.get("ETag", etag))
        self._check(status, raw)
        return CatalogueBody(name, hdrs.get("ETag"), self._parse(model, raw))

    def submit(self, batch: protocol.RequestBatch) -> protocol.BatchResult:
        status, _, raw = self._request("POST", "/v1/requests", body=batch)
        self._check(status, raw)
        return self._parse(protocol.BatchResult, raw)

    def status(self, cursor: int, limit: int | None = None) -> protocol.StatusFeed:
        params: dict[str, Any] = {"cursor": cursor}
        if limit is not None:
            params["limit"] = limit
        status, _, raw = self._request("GET", "/v1/status", params=params)
        self._check(status, raw)
        return self._parse(protocol.StatusFeed, raw)

    def heartbeat(self, beat: protocol.Heartbeat) -> protocol.HeartbeatAck:
        status, _, raw = self._request("POST", "/v1/heartbeat", body=beat)
        self._check(status, raw)
        return self._parse(protocol.HeartbeatAck, raw)

    def lookup_person(self, lookup: protocol.PersonLookup) -> protocol.PersonRecord:
        """One senior's appointments and benefit statuses (the ID goes in the body only)."""
        status, _, raw = self._request("POST", "/v1/people/lookup", body=lookup)
        self._check(status, raw)
        return self._parse(protocol.PersonRecord, raw)
