"""Wire protocol v1: strict validation, round-trips and the shared rule helpers."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from services import protocol as p
from services.identity import mask_resident_id, resident_id_check_ok
from tests.helpers.hub_process import envelope, person, resident_id

SH = timezone(timedelta(hours=8))


def lt(text: str = "x") -> dict[str, str]:
    return {"zh_CN": text, "zh_HK": text, "en": text}


def hospital(**over: Any) -> p.Hospital:
    data: dict[str, Any] = {
        "id": "H01",
        "name": lt("医院"),
        "district": lt("静安"),
        "address": lt("路"),
        "phone": "021-6218 3400",
        "cancel_cutoff_hours": 24,
        "booking_window_days": 14,
        "rules_note": lt("note"),
    }
    data.update(over)
    return p.Hospital.model_validate(data)


def test_constants_and_catalogue_mapping() -> None:
    assert p.PROTOCOL_VERSION == 1
    assert p.MAX_BATCH == 500
    assert p.MAX_BODY_BYTES == 1024 * 1024
    assert p.CATALOGUE_NAMES == (
        "hospitals",
        "departments",
        "slots",
        "canteens",
        "menus",
        "benefit_rules",
    )
    assert set(p.CATALOGUE_ITEM_MODELS) == set(p.CATALOGUE_NAMES) == set(p.CATALOGUE_MODELS)
    assert p.CATALOGUE_ITEM_MODELS["menus"] is p.MealSet


def test_protocol_imports_only_the_identity_rules_from_the_project() -> None:
    """The hub shares this module; of the project it needs only the resident-ID rules,
    which live once, in the pydantic-free services.identity."""
    assert p.__file__ is not None
    source = Path(p.__file__).read_text(encoding="utf-8")
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    allowed = ("__future__", "re", "datetime", "typing", "uuid", "pydantic", "pydantic_core")
    for line in imports:
        module = line.split()[1]
        assert module.split(".")[0] in allowed or module == "services.identity", line


@pytest.mark.parametrize(
    "bad",
    [
        {"zh_CN": "a", "zh_HK": "a"},  # missing
        {"zh_CN": "", "zh_HK": "a", "en": "a"},  # empty
        {"zh_CN": "a" * 201, "zh_HK": "a", "en": "a"},  # too long
        {"zh_CN": "a", "zh_HK": "a", "en": "a", "fr": "a"},  # extra
        {"zh_CN": 1, "zh_HK": "a", "en": "a"},  # not a string
    ],
)
def test_localized_text_rejects(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        p.LocalizedText.model_validate(bad)


def test_localized_text_get_falls_back_to_zh_cn() -> None:
    text = p.LocalizedText(zh_CN="简", zh_HK="繁", en="en")
    assert (text.get("zh_HK"), text.get("en"), text.get("fr")) == ("繁", "en", "简")


def test_resident_id_check_digit() -> None:
    assert resident_id_check_ok("11010519491231002X")
    assert not resident_id_check_ok("110105194912310021")
    assert not resident_id_check_ok("11010519491231002x")
    assert mask_resident_id("11010519491231002X") == "1101**********002X"
    for serial in range(50):
        assert resident_id_check_ok(resident_id(serial))


def test_person_ref_repr_hides_the_id() -> None:
    ref = p.PersonRef.model_validate(person(3))
    assert ref.resident_id is not None
    assert ref.resident_id not in repr(ref)
    assert ref.resident_id not in str(ref)


def test_envelope_parses_each_kind_from_json() -> None:
    payloads = {
        "appointment.book": {"slot_id": "S1", "person": person(1), "phone": "13812345678"},
        "appointment.cancel": {"appointment_reference": "YJT-H01-7K3Q9"},
        "meal.order": {
            "meal_set_id": "M1",
            "quantity": 2,
            "fulfilment": "delivery",
            "address": "康宁路1号",
            "person": person(2, with_id=False),
            "age_band": "80_plus",
        },
        "meal.cancel": {"original_request_id": str(uuid.uuid4())},
        "callback.request": {"topic": "benefits", "phone": "021-62183400", "note": "长护险"},
    }
    for kind, payload in payloads.items():
        raw = json.dumps(envelope(kind, payload))
        parsed = p.RequestEnvelope.model_validate_json(raw)
        assert isinstance(parsed.payload, p.PAYLOAD_MODELS[kind])
        assert p.RequestEnvelope.model_validate(json.loads(raw)) == parsed
        again = p.RequestEnvelope.model_validate_json(parsed.model_dump_json())
        assert again == parsed


def test_cancellations_with_same_shape_follow_kind() -> None:
    payload = {"original_request_id": str(uuid.uuid4())}
    a = p.RequestEnvelope.model_validate(envelope("appointment.cancel", payload))
    m = p.RequestEnvelope.model_validate(envelope("meal.cancel", payload))
    assert isinstance(a.payload, p.AppointmentCancellation)
    assert isinstance(m.payload, p.MealCancellation)


@pytest.mark.parametrize(
    ("kind", "payload", "where"),
    [
        ("appointment.book", {"slot_id": "S1", "person": person(1, with_id=False)}, "payload"),
        ("appointment.book", {"slot_id": "S1", "person": person(1), "x": 1}, "payload.x"),
        ("appointment.cancel", {}, "payload"),
        (
            "meal.order",
            {
                "meal_set_id": "M1",
                "quantity": 6,
                "fulfilment": "pickup",
                "person": person(1),
                "age_band": "60_79",
            },
            "payload.quantity",
        ),
        (
            "meal.order",
            {
                "meal_set_id": "M1",
                "quantity": 1,
                "fulfilment": "delivery",
                "person": person(1),
                "age_band": "60_79",
            },
            "payload",
        ),
        ("callback.request", {"topic": "benefits", "phone": "12345"}, "payload.phone"),
        (
            "callback.request",
            {"topic": "other", "phone": "13812345678", "note": "x" * 201},
            "payload.note",
        ),
    ],
)
def test_envelope_rejects_bad_payloads(kind: str, payload: dict[str, Any], where: str) -> None:
    with pytest.raises(ValidationError) as info:
        p.RequestEnvelope.model_validate(envelope(kind, payload))
    locs = [".".join(str(x) for x in e["loc"]) for e in info.value.errors()]
    assert any(loc.startswith(where) for loc in locs), locs


def test_envelope_rejects_naive_time_unknown_kind_and_extra_fields() -> None:
    good = envelope("callback.request", {"topic": "other", "phone": "13812345678"})
    for change in (
        {"created_at": "2025-06-11T10:00:00"},
        {"kind": "taxi.call"},
        {"surprise": True},
        {"id": "not-a-uuid"},
    ):
        with pytest.raises(ValidationError):
            p.RequestEnvelope.model_validate({**good, **change})


def test_strict_scalars() -> None:
    with pytest.raises(ValidationError):
        p.Heartbeat.model_validate(
            {
                "kiosk_version": "1",
                "queue_depth": "3",  # a string is not an int
                "dead_letters": 0,
                "voice_model": "none",
                "sent_at": "2025-06-11T10:00:00+08:00",
            }
        )


def test_batch_limit() -> None:
    item = envelope("callback.request", {"topic": "other", "phone": "13812345678"})
    p.RequestBatch.model_validate({"requests": [item] * p.MAX_BATCH})
    with pytest.raises(ValidationError):
        p.RequestBatch.model_validate({"requests": [item] * (p.MAX_BATCH + 1)})
    with pytest.raises(ValidationError):
        p.RequestBatch.model_validate({"requests": []})


def test_request_result_reason_iff_rejected() -> None:
    now = datetime.now(SH)
    p.RequestResult(id=uuid.uuid4(), status="accepted", reference="YJT-H01-7K3Q9", processed_at=now)
    p.RequestResult(id=uuid.uuid4(), status="rejected", reason_code="slot_taken", processed_at=now)
    with pytest.raises(ValidationError):
        p.RequestResult(id=uuid.uuid4(), status="rejected", processed_at=now)
    with pytest.raises(ValidationError):
        p.RequestResult(
            id=uuid.uuid4(), status="accepted", reason_code="validation", processed_at=now
        )
    with pytest.raises(ValidationError):
        p.RequestResult(
            id=uuid.uuid4(),
            status="rejected",
            reason_code="slot_taken",
            alternatives=[f"S{i}" for i in range(7)],
            processed_at=now,
        )


def test_slot_consistency() -> None:
    start = datetime(2025, 6, 11, 9, tzinfo=SH)
    base: dict[str, Any] = {
        "id": "S1",
        "hospital_id": "H01",
        "department_id": "H01-NK",
        "doctor": lt("王医生"),
        "starts_at": start.isoformat(),
        "ends_at": (start + timedelta(minutes=30)).isoformat(),
        "capacity": 2,
        "remaining": 2,
        "senior_reserved": False,
        "fee_fen": 2500,
    }
    p.Slot.model_validate(base)
    for change in ({"remaining": 3}, {"ends_at": start.isoformat()}, {"fee_fen": -1}):
        with pytest.raises(ValidationError):
            p.Slot.model_validate({**base, **change})


def test_meal_set_tags_unique_and_known() -> None:
    base: dict[str, Any] = {
        "id": "M1",
        "canteen_id": "C01",
        "date": "2025-06-11",
        "meal": "lunch",
        "name": lt("套餐"),
        "dishes": [lt("鱼")],
        "tags": ["low_salt", "soft"],
        "price_fen": 1300,
        "order_cutoff": "2025-06-11T09:30:00+08:00",
    }
    assert p.MealSet.model_validate(base).date == date(2025, 6, 11)
    for tags in (["low_salt", "low_salt"], ["spicy"]):
        with pytest.raises(ValidationError):
            p.MealSet.model_validate({**base, "tags": tags})


def test_catalogue_envelope_round_trip() -> None:
    cat = p.HospitalCatalogue(
        items=[hospital()], version="abc", generated_at=datetime(2025, 6, 11, tzinfo=SH)
    )
    again = p.CATALOGUE_MODELS["hospitals"].model_validate_json(cat.model_dump_json())
    assert again == cat


def test_cancel_deadline_hours() -> None:
    start = datetime(2025, 6, 13, 9, tzinfo=SH)
    assert p.cancel_deadline(hospital(), start) == start - timedelta(hours=24)


@pytest.mark.parametrize(
    ("appointment_day", "deadline_day"),
    [
        (date(2025, 6, 12), date(2025, 6, 12)),  # Thu -> end of Wed
        (date(2025, 6, 16), date(2025, 6, 14)),  # Mon -> end of Fri (Sat 00:00)
        (date(2025, 6, 15), date(2025, 6, 14)),  # Sun -> end of Fri
    ],
)
def test_cancel_deadline_working_days(appointment_day: date, deadline_day: date) -> None:
    rules = hospital(cancel_cutoff_hours=0, cancel_cutoff_working_days=1)
    start = datetime.combine(appointment_day, time(9), tzinfo=SH)
    assert p.cancel_deadline(rules, start) == datetime.combine(deadline_day, time(0), tzinfo=SH)


def test_age_band() -> None:
    assert [p.age_band(a) for a in (59, 60, 79, 80, 101)] == [
        "under_60",
        "60_79",
        "60_79",
        "80_plus",
        "80_plus",
    ]


def test_alarm_models() -> None:
    alarm = p.Alarm.model_validate(
        {
            "id": str(uuid.uuid4()),
            "raised_at": datetime.now(UTC).isoformat(),
            "drill": True,
            "location": "康乐社区中心",
        }
    )
    assert alarm.person is None
    with pytest.raises(ValidationError):
        p.AlarmState.model_validate(
            {"alarm_id": str(alarm.id), "state": "deleted", "at": "2025-06-11T10:00:00+08:00"}
        )


def test_error_body_code_is_machine_readable() -> None:
    p.ErrorBody(code="slot_taken", message="x")
    with pytest.raises(ValidationError):
        p.ErrorBody(code="Slot Taken", message="x")


# -- property tests -----------------------------------------------------------

texts = st.text(min_size=1, max_size=200)


@given(st.builds(p.LocalizedText, zh_CN=texts, zh_HK=texts, en=texts))
def test_localized_text_round_trip(text: p.LocalizedText) -> None:
    assert p.LocalizedText.model_validate_json(text.model_dump_json()) == text


@given(
    quantity=st.integers(min_value=1, max_value=5),
    fulfilment=st.sampled_from(["pickup", "dine_in"]),
    band=st.sampled_from(["under_60", "60_79", "80_plus"]),
    serial=st.integers(min_value=0, max_value=999),
)
def test_meal_order_envelope_round_trip(
    quantity: int, fulfilment: str, band: str, serial: int
) -> None:
    raw = envelope(
        "meal.order",
        {
            "meal_set_id": "C01-20250611-L1",
            "quantity": quantity,
            "fulfilment": fulfilment,
            "person": person(serial, with_id=False),
            "age_band": band,
        },
    )
    parsed = p.RequestEnvelope.model_validate(raw)
    assert p.RequestEnvelope.model_validate_json(parsed.model_dump_json()) == parsed


@given(
    st.text(min_size=1, max_size=20).filter(
        lambda k: k not in ("id", "kind", "created_at", "kiosk_time_zone", "helper_id", "payload")
    )
)
def test_any_extra_envelope_field_is_rejected(extra: str) -> None:
    raw = envelope("meal.cancel", {"original_request_id": str(uuid.uuid4())})
    raw[extra] = 1
    with pytest.raises(ValidationError):
        p.RequestEnvelope.model_validate(raw)


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_quantity_bounds(quantity: int) -> None:
    payload = {
        "meal_set_id": "M1",
        "quantity": quantity,
        "fulfilment": "pickup",
        "person": person(1, with_id=False),
        "age_band": "60_79",
    }
    ok = 1 <= quantity <= 5
    try:
        p.RequestEnvelope.model_validate(envelope("meal.order", payload))
    except ValidationError:
        assert not ok
    else:
        assert ok


@given(st.text(max_size=40))
def test_resident_id_field_accepts_only_valid_ids(candidate: str) -> None:
    try:
        p.PersonRef(masked_id="3101**********123X", resident_id=candidate)
    except ValidationError:
        assert not resident_id_check_ok(candidate)
    else:
        assert resident_id_check_ok(candidate)


def test_every_model_forbids_extra_fields() -> None:
    models = [
        obj
        for obj in vars(p).values()
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel
    ]
    assert len(models) > 25
    for model in models:
        assert model.model_config.get("extra") == "forbid", model
