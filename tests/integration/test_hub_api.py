"""The hub over real HTTP: health, OpenAPI, enrolment, auth, ETags, limits, errors."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
import requests

from services.protocol import (
    CATALOGUE_MODELS,
    CATALOGUE_NAMES,
    AlarmState,
    EnrolmentResponse,
    ErrorBody,
    HeartbeatAck,
)
from tests.helpers.hub_process import HubProcess


@pytest.fixture
def hub(shared_hub: HubProcess) -> HubProcess:
    """This module's tests share one hub per engine (each test enrols its own kiosk)."""
    return shared_hub


TIMEOUT = 30


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def error_of(response: requests.Response) -> ErrorBody:
    assert response.headers["content-type"].startswith("application/json")
    return ErrorBody.model_validate(response.json())


def test_health_and_openapi(hub: HubProcess) -> None:
    assert requests.get(f"{hub.url}/v1/health", timeout=TIMEOUT).json() == {
        "status": "ok",
        "protocol": 1,
    }
    doc = requests.get(f"{hub.url}/openapi.json", timeout=TIMEOUT)
    assert doc.status_code == 200
    spec = doc.json()
    paths = spec["paths"]
    for path in (
        "/v1/enrol",
        "/v1/requests",
        "/v1/status",
        "/v1/heartbeat",
        "/v1/alarms",
        "/v1/alarms/{alarm_id}",
        "/v1/alarms/{alarm_id}/cancel",
        *(f"/v1/catalogue/{name}" for name in CATALOGUE_NAMES),
    ):
        assert path in paths, path
    body_ref = paths["/v1/requests"]["post"]["requestBody"]["content"]["application/json"]
    assert body_ref["schema"]["$ref"] == "#/components/schemas/RequestBatch"
    schemas = spec["components"]["schemas"]
    for name in ("RequestBatch", "RequestEnvelope", "AppointmentBooking", "ErrorBody"):
        assert name in schemas
    # Every $ref resolves: the document renders in any OpenAPI viewer.
    text = doc.text
    for ref in {part.split('"')[0] for part in text.split('"$ref":"')[1:]}:
        assert ref.removeprefix("#/components/schemas/") in schemas, ref


def test_enrolment_code_is_single_use(hub: HubProcess) -> None:
    code = hub.enrolment_code()
    body = {"code": code, "kiosk_name": "centre 1", "location": "静安"}
    first = requests.post(f"{hub.url}/v1/enrol", json=body, timeout=TIMEOUT)
    assert first.status_code == 200
    enrolled = EnrolmentResponse.model_validate(first.json())
    assert len(enrolled.token) >= 40
    second = requests.post(f"{hub.url}/v1/enrol", json=body, timeout=TIMEOUT)
    assert second.status_code == 403 and error_of(second).code == "code_used"
    wrong = requests.post(
        f"{hub.url}/v1/enrol", json={**body, "code": "ZZZZ-ZZZZ"}, timeout=TIMEOUT
    )
    assert error_of(wrong).code == "invalid_code"


def test_auth_and_revocation(hub: HubProcess, hub_token: str) -> None:
    url = f"{hub.url}/v1/catalogue/hospitals"
    missing = requests.get(url, timeout=TIMEOUT)
    assert missing.status_code == 401 and error_of(missing).code == "unauthorized"
    assert missing.headers["www-authenticate"] == "Bearer"
    bogus = requests.get(url, headers=auth("x" * 43), timeout=TIMEOUT)
    assert bogus.status_code == 401 and error_of(bogus).code == "unauthorized"
    assert requests.get(url, headers=auth(hub_token), timeout=TIMEOUT).status_code == 200
    hub.revoke(hub.last_kiosk_id)
    revoked = requests.get(url, headers=auth(hub_token), timeout=TIMEOUT)
    assert revoked.status_code == 401 and error_of(revoked).code == "token_revoked"
    # Revocation is stored, so it survives a restart.
    hub.restart()
    again = requests.get(url, headers=auth(hub_token), timeout=TIMEOUT)
    assert error_of(again).code == "token_revoked"


def test_catalogues_validate_and_honour_etag(hub: HubProcess, hub_token: str) -> None:
    for name in CATALOGUE_NAMES:
        url = f"{hub.url}/v1/catalogue/{name}"
        response = requests.get(url, headers=auth(hub_token), timeout=TIMEOUT)
        assert response.status_code == 200, name
        catalogue = CATALOGUE_MODELS[name].model_validate_json(response.content)
        assert catalogue.items, name  # type: ignore[attr-defined]
        etag = response.headers["etag"]
        assert etag == f'"{catalogue.version}"'  # type: ignore[attr-defined]
        cached = requests.get(
            url, headers={**auth(hub_token), "If-None-Match": etag}, timeout=TIMEOUT
        )
        assert cached.status_code == 304 and cached.content == b""
        assert cached.headers["etag"] == etag
        stale = requests.get(
            url, headers={**auth(hub_token), "If-None-Match": '"old"'}, timeout=TIMEOUT
        )
        assert stale.status_code == 200 and stale.content == response.content
    unknown = requests.get(
        f"{hub.url}/v1/catalogue/taxis", headers=auth(hub_token), timeout=TIMEOUT
    )
    assert unknown.status_code == 404 and error_of(unknown).code == "not_found"


def test_oversized_body_is_refused_with_413(hub: HubProcess, hub_token: str) -> None:
    big = b'{"requests":[' + b" " * (10 * 1024 * 1024) + b"]}"
    response = requests.post(
        f"{hub.url}/v1/requests",
        data=big,
        headers={**auth(hub_token), "Content-Type": "application/json"},
        timeout=TIMEOUT,
    )
    assert response.status_code == 413
    assert error_of(response).code == "payload_too_large"

    def chunks():  # no Content-Length: counted while streaming
        for _ in range(40):
            yield b" " * 65536

    streamed = requests.post(
        f"{hub.url}/v1/heartbeat", data=chunks(), headers=auth(hub_token), timeout=TIMEOUT
    )
    assert streamed.status_code == 413
    assert requests.get(f"{hub.url}/v1/health", timeout=TIMEOUT).status_code == 200


@pytest.mark.parametrize("path", ["/v1/requests", "/v1/heartbeat", "/v1/enrol", "/v1/alarms"])
def test_malformed_json_is_422_error_body(hub: HubProcess, hub_token: str, path: str) -> None:
    response = requests.post(
        f"{hub.url}{path}",
        data=b'{"requests": [',
        timeout=TIMEOUT,
        headers={**auth(hub_token), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert error_of(response).code == "malformed_json"


def test_schema_violation_is_422_error_body(hub: HubProcess, hub_token: str) -> None:
    bad_beat = {
        "kiosk_version": "0.1",
        "queue_depth": -1,
        "dead_letters": 0,
        "voice_model": "x",
        "sent_at": datetime.now(UTC).isoformat(),
    }
    response = requests.post(
        f"{hub.url}/v1/heartbeat", json=bad_beat, headers=auth(hub_token), timeout=TIMEOUT
    )
    assert response.status_code == 422
    error = error_of(response)
    assert error.code == "validation" and any("queue_depth" in d for d in error.details)
    for body in ({"requests": []}, {"requests": [{}], "x": 1}, [1]):
        batch = requests.post(
            f"{hub.url}/v1/requests", json=body, headers=auth(hub_token), timeout=TIMEOUT
        )
        assert batch.status_code == 422 and error_of(batch).code == "validation"
    wrong_route = requests.get(f"{hub.url}/v2/nothing", timeout=TIMEOUT)
    assert wrong_route.status_code == 404 and error_of(wrong_route).code == "not_found"


def test_heartbeat(hub: HubProcess, hub_token: str) -> None:
    beat = {
        "kiosk_version": "0.1.0",
        "queue_depth": 3,
        "dead_letters": 1,
        "last_error": None,
        "voice_model": "vosk-model-small-cn-0.22",
        "sent_at": datetime.now(UTC).isoformat(),
    }
    response = requests.post(
        f"{hub.url}/v1/heartbeat", json=beat, headers=auth(hub_token), timeout=TIMEOUT
    )
    assert response.status_code == 200
    ack = HeartbeatAck.model_validate(response.json())
    assert ack.silent_after_s == 180
    listing = hub.cli("kiosks")
    assert '"silent": false' in listing and '"queue_depth": 3' in listing


def test_alarm_lifecycle_over_http(hub: HubProcess, hub_token: str) -> None:
    alarm_id = str(uuid.uuid4())
    alarm = {
        "id": alarm_id,
        "raised_at": datetime.now(UTC).isoformat(),
        "drill": True,
        "person": None,
        "location": "康乐社区中心 一楼",
    }
    url = f"{hub.url}/v1/alarms"
    first = requests.post(url, json=alarm, headers=auth(hub_token), timeout=TIMEOUT)
    assert AlarmState.model_validate(first.json()).state == "received"
    retry = requests.post(url, json=alarm, headers=auth(hub_token), timeout=TIMEOUT)
    assert retry.json() == first.json()
    got = requests.get(f"{url}/{alarm_id}", headers=auth(hub_token), timeout=TIMEOUT)
    assert got.json() == first.json()
    cancel = {"alarm_id": alarm_id, "reason": "误触"}
    mismatch = requests.post(
        f"{url}/{uuid.uuid4()}/cancel", json=cancel, headers=auth(hub_token), timeout=TIMEOUT
    )
    assert mismatch.status_code == 422
    done = requests.post(
        f"{url}/{alarm_id}/cancel", json=cancel, headers=auth(hub_token), timeout=TIMEOUT
    )
    assert done.json()["state"] == "cancelled"
    other = hub.enrol("other kiosk")
    hidden = requests.get(f"{url}/{alarm_id}", headers=auth(other), timeout=TIMEOUT)
    assert hidden.status_code == 404 and error_of(hidden).code == "not_found"
