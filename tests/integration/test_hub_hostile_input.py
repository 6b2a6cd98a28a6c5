"""Hostile input over real HTTP: every malformed request gets a 4xx JSON error (never a 500),
and one bad envelope never stops the valid envelopes of the same batch from being processed."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import requests

from services.protocol import BatchResult, ErrorBody
from tests.helpers.hub_process import HubProcess, envelope


@pytest.fixture
def hub(shared_hub: HubProcess) -> HubProcess:
    """This module's tests share one hub per engine (each test enrols its own kiosk)."""
    return shared_hub


TIMEOUT = 30


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def error_of(response: requests.Response) -> ErrorBody:
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    return ErrorBody.model_validate(response.json())


def callback_request() -> dict[str, Any]:
    return envelope("callback.request", {"topic": "benefits", "phone": "13800138000"})


def post_batch(hub: HubProcess, token: str, data: bytes) -> requests.Response:
    return requests.post(
        f"{hub.url}/v1/requests",
        data=data,
        headers={**auth(token), "Content-Type": "application/json"},
        timeout=TIMEOUT,
    )


@pytest.mark.parametrize("kind", [["appointment.book"], {"a": 1}, 7, None])
def test_an_envelope_whose_kind_is_not_a_string_is_rejected_alone(
    hub: HubProcess, hub_token: str, kind: object
) -> None:
    good = callback_request()
    bad = {**callback_request(), "kind": kind}
    response = requests.post(
        f"{hub.url}/v1/requests",
        json={"requests": [bad, good]},
        headers=auth(hub_token),
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text[:300]
    results = BatchResult.model_validate_json(response.content).results
    assert [r.status for r in results] == ["rejected", "accepted"]
    assert results[0].reason_code == "validation"
    assert str(results[1].id) == good["id"] and results[1].reference


def test_an_envelope_nested_50000_deep_is_rejected_alone(hub: HubProcess, hub_token: str) -> None:
    good = callback_request()
    deep = b"[" * 50_000 + b"]" * 50_000
    bad_id = str(uuid.uuid4())
    bad = (
        b'{"id":"'
        + bad_id.encode()
        + b'","kind":"callback.request","payload":{"note":'
        + deep
        + b"}}"
    )
    body = b'{"requests":[' + bad + b"," + json.dumps(good).encode() + b"]}"
    response = post_batch(hub, hub_token, body)
    assert response.status_code == 200, response.text[:300]
    results = BatchResult.model_validate_json(response.content).results
    assert [r.status for r in results] == ["rejected", "accepted"]
    assert str(results[0].id) == bad_id and results[0].reason_code == "validation"
    assert results[0].message is not None and "deep" in results[0].message.en


def test_a_body_nested_50000_deep_is_a_json_error(hub: HubProcess, hub_token: str) -> None:
    deep = b"[" * 50_000 + b"]" * 50_000
    for path in ("/v1/requests", "/v1/heartbeat", "/v1/alarms", "/v1/people/lookup"):
        response = requests.post(
            f"{hub.url}{path}",
            data=deep,
            headers={**auth(hub_token), "Content-Type": "application/json"},
            timeout=TIMEOUT,
        )
        assert error_of(response).code in {"malformed_json", "validation"}, path
    inner = post_batch(hub, hub_token, b'{"requests":' + deep + b"}")
    assert inner.status_code == 200  # one envelope, itself absurd: rejected on its own
    [result] = BatchResult.model_validate_json(inner.content).results
    assert result.status == "rejected" and result.reason_code == "validation"


@pytest.mark.parametrize("cursor", ["9" * 400, "-1", "1e3", str(2**63)])
def test_a_status_cursor_out_of_range_is_a_4xx(
    hub: HubProcess, hub_token: str, cursor: str
) -> None:
    response = requests.get(
        f"{hub.url}/v1/status", params={"cursor": cursor}, headers=auth(hub_token), timeout=30
    )
    assert error_of(response).code == "validation"
    fine = requests.get(
        f"{hub.url}/v1/status", params={"cursor": 2**63 - 1}, headers=auth(hub_token), timeout=30
    )
    assert fine.status_code == 200 and fine.json()["updates"] == []


def test_items_that_are_not_objects_are_rejected_alone(hub: HubProcess, hub_token: str) -> None:
    good = callback_request()
    items: list[Any] = [[], "x", 1e308, None, {"id": ["x"]}, {"id": "not-a-uuid", "kind": []}]
    response = requests.post(
        f"{hub.url}/v1/requests",
        json={"requests": [*items, good]},
        headers=auth(hub_token),
        timeout=TIMEOUT,
    )
    assert response.status_code == 200, response.text[:300]
    results = BatchResult.model_validate_json(response.content).results
    assert [r.status for r in results] == ["rejected"] * len(items) + ["accepted"]


def test_huge_numbers_and_strings_in_an_envelope_are_rejected_alone(
    hub: HubProcess, hub_token: str
) -> None:
    good = callback_request()
    huge_int = {**callback_request(), "payload": {"topic": "benefits", "phone": 10**4000}}
    # Python's int parser refuses more than 4300 digits; the body must still be answered.
    body = (
        b'{"requests":[{"id":"'
        + str(uuid.uuid4()).encode()
        + b'","kind":"meal.order","payload":{"quantity":'
        + b"9" * 5000
        + b"}},"
        + json.dumps(good).encode()
        + b"]}"
    )
    response = post_batch(hub, hub_token, body)
    if response.status_code == 200:
        results = BatchResult.model_validate_json(response.content).results
        assert [r.status for r in results] == ["rejected", "accepted"]
    else:
        assert error_of(response).code in {"malformed_json", "validation"}
    second = requests.post(
        f"{hub.url}/v1/requests",
        json={"requests": [huge_int, good]},
        headers=auth(hub_token),
        timeout=TIMEOUT,
    )
    assert second.status_code == 200, second.text[:300]
    assert [r.status for r in BatchResult.model_validate_json(second.content).results] == [
        "rejected",
        "accepted",
    ]
