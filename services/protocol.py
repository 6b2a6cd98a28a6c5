"""Wire protocol v1 between the kiosk and the service hub.

These pydantic models are the single source of truth for the JSON exchanged over
``/v1/...``; the kiosk's hub client and the reference hub both import them. Only
the standard library and pydantic may be imported here (import-linter keeps the
hub away from the rest of the project, and the kiosk must not pull in Qt here).

Conventions
-----------
* Every model forbids unknown fields and is strict about scalar types (a string is
  not an int). Timestamps, dates, times and UUIDs are the exception: they travel
  as ISO-8601 / canonical strings in JSON, so those fields accept strings in both
  ``model_validate`` and ``model_validate_json``.
* Timestamps are timezone-aware; the hub writes them with the Asia/Shanghai offset
  (+08:00). Money is an integer number of fen (1 yuan = 100 fen), never a float.
* ``POST /v1/requests`` answers with one :class:`RequestResult` per envelope, **in
  the order of the batch** (so even an item whose id could not be parsed can be
  matched by position).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Final, Generic, Literal, TypeVar
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails

# Re-exported for the hub, which may import only the wire protocol and identity.
from services.identity import resident_id_check_ok

PROTOCOL_VERSION: Final = 1
MAX_BODY_BYTES: Final = 1024 * 1024  # any request body above this is refused with 413
MAX_BATCH: Final = 500  # envelopes per POST /v1/requests
MAX_STATUS_PAGE: Final = 1000  # updates per GET /v1/status page
MAX_CATALOGUE_ITEMS: Final = 50_000

# ---------------------------------------------------------------------------
# Reusable field types
# ---------------------------------------------------------------------------

# Ids of catalogue entities: short, URL- and log-safe.
Id = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Note = Annotated[str, StringConstraints(max_length=200)]
# strict=False on these only: JSON carries them as strings, which strict mode
# would refuse in python-mode validation (``model_validate(response.json())``).
Uuid = Annotated[UUID, Field(strict=False)]
Timestamp = Annotated[AwareDatetime, Field(strict=False)]
Day = Annotated[date, Field(strict=False)]
ClockTime = Annotated[time, Field(strict=False)]
Fen = Annotated[int, Field(ge=0, le=100_000_000)]
Percent = Annotated[int, Field(ge=0, le=100)]
# Phone numbers entered at the kiosk: mainland mobile, landline with area code, or
# an 8-digit Shanghai landline.
Phone = Annotated[str, StringConstraints(pattern=r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{8})$")]
# Phone numbers published in catalogues (service lines such as "021-5xxx xxxx").
DisplayPhone = Annotated[
    str, StringConstraints(min_length=3, max_length=32, pattern=r"^[0-9+\-() ]+$")
]
ResidentId = Annotated[
    str, StringConstraints(min_length=18, max_length=18, pattern=r"^\d{17}[\dX]$")
]
MaskedId = Annotated[str, StringConstraints(min_length=4, max_length=18, pattern=r"^[\dX*]+$")]
Reference = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[A-Z0-9-]+$")]

RequestKind = Literal[
    "appointment.book", "appointment.cancel", "meal.order", "meal.cancel", "callback.request"
]
REQUEST_KINDS: Final[tuple[RequestKind, ...]] = (
    "appointment.book",
    "appointment.cancel",
    "meal.order",
    "meal.cancel",
    "callback.request",
)
ReasonCode = Literal[
    "slot_taken",
    "slot_unknown",
    "past_cutoff",
    "outside_booking_window",
    "validation",
    "duplicate_booking",
    "unknown_kind",
    "not_found",
    "too_late_to_cancel",
    # Meals: the day's portions are gone; the price the kiosk showed is no longer right.
    "sold_out",
    "price_changed",
]
DietTag = Literal["low_salt", "low_sugar", "soft", "vegetarian", "halal"]
Meal = Literal["lunch", "dinner"]
Fulfilment = Literal["pickup", "delivery", "dine_in"]
AgeBand = Literal["under_60", "60_79", "80_plus"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class LocalizedText(_Model):
    """The same text in the kiosk's three languages; every catalogue name uses it."""

    zh_CN: ShortText  # noqa: N815 - locale codes are the wire names
    zh_HK: ShortText  # noqa: N815
    en: ShortText

    def get(self, locale: str) -> str:
        """Text for ``locale`` ("zh_CN", "zh_HK" or "en"); falls back to zh_CN."""
        return {"zh_CN": self.zh_CN, "zh_HK": self.zh_HK, "en": self.en}.get(locale, self.zh_CN)


# ---------------------------------------------------------------------------
# Catalogues (hub -> kiosk, GET /v1/catalogue/{name})
# ---------------------------------------------------------------------------


class Hospital(_Model):
    id: Id
    name: LocalizedText
    district: LocalizedText
    address: LocalizedText
    phone: DisplayPhone
    # Cancellation must happen at least this many hours before the slot starts ...
    cancel_cutoff_hours: int = Field(ge=0, le=24 * 30)
    # ... and, when > 0, before the end of the N-th working day (Mon-Fri) before the
    # appointment day ("cancel >= 1 working day ahead"). Both rules apply.
    cancel_cutoff_working_days: int = Field(default=0, ge=0, le=10)
    # Bookable from today up to and including today + booking_window_days.
    booking_window_days: int = Field(ge=0, le=90)
    # Booking closes this many minutes before the slot starts.
    booking_cutoff_minutes: int = Field(default=60, ge=0, le=7 * 24 * 60)
    rules_note: LocalizedText


class Department(_Model):
    id: Id
    hospital_id: Id
    name: LocalizedText


class Slot(_Model):
    id: Id
    hospital_id: Id
    department_id: Id
    doctor: LocalizedText
    starts_at: Timestamp
    ends_at: Timestamp
    capacity: int = Field(ge=1, le=1000)
    remaining: int = Field(ge=0, le=1000)
    senior_reserved: bool
    fee_fen: Fen

    @model_validator(mode="after")
    def _consistent(self) -> Slot:
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        if self.remaining > self.capacity:
            raise ValueError("remaining cannot exceed capacity")
        return self


class ServiceWindow(_Model):
    start: ClockTime
    end: ClockTime


class Canteen(_Model):
    id: Id
    name: LocalizedText
    address: LocalizedText
    phone: DisplayPhone
    delivery: bool
    pickup: bool
    dine_in: bool = True
    # Service areas (street / 街道 ids) this canteen serves; a kiosk configured with an
    # area shows only canteens serving it. Empty means it serves every kiosk.
    areas: list[Id] = Field(default_factory=list, max_length=50)
    # Home delivery is often limited to the oldest residents (e.g. 80+).
    delivery_min_age: int | None = Field(default=None, ge=0, le=130)
    order_cutoff: ClockTime  # same-day lunch cut-off, e.g. 09:30
    dinner_order_cutoff: ClockTime | None = None
    lunch: ServiceWindow
    dinner: ServiceWindow | None = None


class MealSet(_Model):
    id: Id
    canteen_id: Id
    date: Day
    meal: Meal
    name: LocalizedText
    dishes: list[LocalizedText] = Field(max_length=8)
    tags: list[DietTag] = Field(max_length=5)
    price_fen: Fen
    order_cutoff: Timestamp  # authoritative cut-off for ordering and cancelling
    capacity: int | None = Field(default=None, ge=1, le=10_000)  # portions; None = no limit

    @field_validator("tags")
    @classmethod
    def _unique_tags(cls, tags: list[DietTag]) -> list[DietTag]:
        if len(set(tags)) != len(tags):
            raise ValueError("tags must be unique")
        return tags


BenefitKind = Literal[
    "old_age_allowance", "meal_discount", "meal_subsidy", "ltc_insurance", "care_subsidy"
]


class BenefitConditions(_Model):
    """All given conditions must hold (a rule is a conjunction; alternatives are
    separate rules). ``None`` means "does not matter"."""

    min_age: int | None = Field(default=None, ge=0, le=130)
    max_age: int | None = Field(default=None, ge=0, le=130)  # inclusive
    hukou_required: bool | None = None  # Shanghai household registration
    low_income: bool | None = None  # 低保 / 低收入 status required
    # Finer than low_income where amounts differ: 低保 ("dibao") vs 低收入 ("low_income").
    income_status: Literal["dibao", "low_income"] | None = None
    medical_insurance: Literal["employee", "resident"] | None = None
    min_care_grade: int | None = Field(default=None, ge=0, le=6)  # assessment grade 1-6
    max_care_grade: int | None = Field(default=None, ge=0, le=6)
    min_spend_fen: Fen | None = None  # e.g. subsidy applies when the meal costs >= this

    @model_validator(mode="after")
    def _ranges(self) -> BenefitConditions:
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValueError("min_age > max_age")
        lo, hi = self.min_care_grade, self.max_care_grade
        if lo is not None and hi is not None and lo > hi:
            raise ValueError("min_care_grade > max_care_grade")
        return self


class BenefitRule(_Model):
    id: Id
    kind: BenefitKind
    name: LocalizedText
    description: LocalizedText
    conditions: BenefitConditions
    amount_fen: Fen | None = None  # money per period (allowance, subsidy)
    pay_percent: Percent | None = None  # share of the price the senior pays (discounts)
    cover_percent: Percent | None = None  # share an insurance covers (长护险)
    period: Literal["month", "day", "week", "once"] | None = None
    visits_per_week: int | None = Field(default=None, ge=0, le=21)
    # What the senior does to get it ("granted automatically", "apply at the 社区事务受理
    # 服务中心") and what to bring; shown and spoken on the screening result.
    how_to_apply: LocalizedText | None = None
    documents: list[LocalizedText] = Field(default_factory=list, max_length=8)
    verified: bool
    source: Annotated[str, StringConstraints(min_length=1, max_length=300)]


ItemT = TypeVar("ItemT", bound=BaseModel)


class Catalogue(_Model, Generic[ItemT]):
    """Body of ``GET /v1/catalogue/{name}``. ``version`` equals the ETag (without
    quotes): a hash of the canonical JSON of ``items``."""

    items: list[ItemT] = Field(max_length=MAX_CATALOGUE_ITEMS)
    version: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    generated_at: Timestamp


HospitalCatalogue = Catalogue[Hospital]
DepartmentCatalogue = Catalogue[Department]
SlotCatalogue = Catalogue[Slot]
CanteenCatalogue = Catalogue[Canteen]
MenuCatalogue = Catalogue[MealSet]
BenefitRuleCatalogue = Catalogue[BenefitRule]

CatalogueName = Literal["hospitals", "departments", "slots", "canteens", "menus", "benefit_rules"]
CATALOGUE_NAMES: Final[tuple[CatalogueName, ...]] = (
    "hospitals",
    "departments",
    "slots",
    "canteens",
    "menus",
    "benefit_rules",
)
CATALOGUE_ITEM_MODELS: Final[dict[str, type[BaseModel]]] = {
    "hospitals": Hospital,
    "departments": Department,
    "slots": Slot,
    "canteens": Canteen,
    "menus": MealSet,
    "benefit_rules": BenefitRule,
}
CATALOGUE_MODELS: Final[dict[str, type[BaseModel]]] = {
    "hospitals": HospitalCatalogue,
    "departments": DepartmentCatalogue,
    "slots": SlotCatalogue,
    "canteens": CanteenCatalogue,
    "menus": MenuCatalogue,
    "benefit_rules": BenefitRuleCatalogue,
}

# ---------------------------------------------------------------------------
# Requests (kiosk -> hub, POST /v1/requests)
# ---------------------------------------------------------------------------


class PersonRef(_Model):
    """The minimum personal data a request needs.

    ``masked_id`` is for display and operator screens. ``resident_id`` is sent only
    where the law requires it (real-name hospital booking); elsewhere send
    ``person_key``: an opaque, kiosk-chosen key (e.g. an HMAC of the ID) used only to
    group one person's requests. Never log ``resident_id``.
    """

    masked_id: MaskedId
    resident_id: ResidentId | None = None
    person_key: Annotated[str, StringConstraints(min_length=8, max_length=128)] | None = None
    name: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None

    @field_validator("resident_id")
    @classmethod
    def _check_digit(cls, value: str | None) -> str | None:
        if value is not None and not resident_id_check_ok(value):
            raise ValueError("resident_id check digit is wrong")
        return value

    def __repr__(self) -> str:  # keep the full ID out of logs and tracebacks
        return f"PersonRef(masked_id={self.masked_id!r})"

    __str__ = __repr__


class AppointmentBooking(_Model):
    slot_id: Id
    person: PersonRef
    phone: Phone | None = None

    @model_validator(mode="after")
    def _real_name(self) -> AppointmentBooking:
        if self.person.resident_id is None:
            raise ValueError("real-name booking needs person.resident_id")
        return self


class AppointmentCancellation(_Model):
    """Identify the booking by the reference the hub gave, or by the id of the
    original ``appointment.book`` envelope (works even before its result arrived).

    A booking made at *another* kiosk is cancelled by reference and needs ``person`` with
    the ``resident_id`` it was booked for: a reference is printed on slips and read aloud,
    so it alone must not let anyone cancel someone else's appointment. The hub answers
    ``not_found`` when the person does not match (it does not confirm that the booking
    exists).
    """

    appointment_reference: Reference | None = None
    original_request_id: Uuid | None = None
    person: PersonRef | None = None

    @model_validator(mode="after")
    def _one_key(self) -> AppointmentCancellation:
        if self.appointment_reference is None and self.original_request_id is None:
            raise ValueError("give appointment_reference or original_request_id")
        return self


class MealOrder(_Model):
    meal_set_id: Id
    quantity: int = Field(ge=1, le=5)
    fulfilment: Fulfilment
    address: Note | None = None
    person: PersonRef
    age_band: AgeBand  # drives the 助餐 discount
    phone: Phone | None = None
    # Facts the daily 助餐 subsidy depends on, as the senior answered them (None: not
    # asked / not sure, so no subsidy is applied; the canteen can still apply it).
    hukou: bool | None = None
    income_status: Literal["dibao", "low_income", "none"] | None = None
    # The total the kiosk showed. When given, the hub refuses with ``price_changed`` if
    # its own total differs, so nobody is charged a price they did not see.
    quoted_amount_fen: Fen | None = None

    @model_validator(mode="after")
    def _address_for_delivery(self) -> MealOrder:
        if self.fulfilment == "delivery" and not (self.address and self.address.strip()):
            raise ValueError("delivery needs an address")
        return self


class MealCancellation(_Model):
    original_request_id: Uuid


class CallbackRequest(_Model):
    topic: Literal["benefits", "appointments", "meals", "care", "other"]
    phone: Phone
    note: Note | None = None
    person: PersonRef | None = None


RequestPayload = (
    AppointmentBooking | AppointmentCancellation | MealOrder | MealCancellation | CallbackRequest
)
PAYLOAD_MODELS: Final[dict[str, type[_Model]]] = {
    "appointment.book": AppointmentBooking,
    "appointment.cancel": AppointmentCancellation,
    "meal.order": MealOrder,
    "meal.cancel": MealCancellation,
    "callback.request": CallbackRequest,
}


class RequestEnvelope(_Model):
    """One write from the kiosk. ``id`` is generated by the kiosk and makes the
    request idempotent: the hub answers a repeated id with the original result."""

    id: Uuid
    kind: RequestKind
    created_at: Timestamp
    kiosk_time_zone: Annotated[str, StringConstraints(max_length=64)] | None = None
    helper_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    payload: RequestPayload

    @model_validator(mode="before")
    @classmethod
    def _payload_by_kind(cls, data: Any) -> Any:
        # Several payloads share field names, so pick the model from ``kind`` instead
        # of letting a union guess; errors keep their location under "payload".
        if not isinstance(data, dict):
            return data
        kind = data.get("kind")
        # A list or object as ``kind`` is unhashable: leave it to the field validation.
        model = PAYLOAD_MODELS.get(kind) if isinstance(kind, str) else None
        payload = data.get("payload")
        if model is None or not isinstance(payload, dict):
            return data
        try:
            parsed = model.model_validate(payload)
        except ValidationError as exc:
            details: list[InitErrorDetails] = []
            for err in exc.errors():
                detail: InitErrorDetails = {
                    "type": err["type"],
                    "loc": ("payload", *err["loc"]),
                    "input": err["input"],
                }
                if "ctx" in err:
                    detail["ctx"] = err["ctx"]
                details.append(detail)
            raise ValidationError.from_exception_data(cls.__name__, details) from None
        return {**data, "payload": parsed}

    @model_validator(mode="after")
    def _payload_matches_kind(self) -> RequestEnvelope:
        if not isinstance(self.payload, PAYLOAD_MODELS[self.kind]):
            raise ValueError(f"payload does not match kind {self.kind!r}")
        return self


class RequestBatch(_Model):
    requests: list[RequestEnvelope] = Field(min_length=1, max_length=MAX_BATCH)


class RequestResult(_Model):
    id: Uuid
    status: Literal["accepted", "rejected"]
    reference: Reference | None = None
    reason_code: ReasonCode | None = None
    message: LocalizedText | None = None
    alternatives: list[Id] = Field(default_factory=list, max_length=6)
    processed_at: Timestamp
    # What the senior pays for an accepted meal order, after the age discount.
    amount_fen: Fen | None = None

    @model_validator(mode="after")
    def _reason_iff_rejected(self) -> RequestResult:
        if (self.status == "rejected") != (self.reason_code is not None):
            raise ValueError("reason_code is required for, and only for, rejected results")
        return self


class BatchResult(_Model):
    results: list[RequestResult] = Field(max_length=MAX_BATCH)


# ---------------------------------------------------------------------------
# Status feed, heartbeat, enrolment, errors
# ---------------------------------------------------------------------------

StatusValue = Literal[
    "accepted",
    "rejected",
    "confirmed",
    "cancelled",
    "acknowledged",
    "in_progress",
    "completed",
    "resolved",
    # Meal orders: accepted (received) -> preparing -> out_for_delivery | ready_for_pickup
    # -> delivered (handed over, at the door or the counter); or cancelled.
    "preparing",
    "out_for_delivery",
    "ready_for_pickup",
    "delivered",
]


class StatusUpdate(_Model):
    seq: int = Field(ge=1)
    request_id: Uuid
    status: StatusValue
    kind: RequestKind | None = None
    reference: Reference | None = None
    reason_code: ReasonCode | None = None
    message: LocalizedText | None = None
    at: Timestamp


class StatusFeed(_Model):
    """``GET /v1/status?cursor=N&limit=M``: updates with seq > N for this kiosk;
    pass ``next_cursor`` back next time (it equals N when there is nothing new)."""

    updates: list[StatusUpdate] = Field(max_length=MAX_STATUS_PAGE)
    next_cursor: int = Field(ge=0)


class Heartbeat(_Model):
    kiosk_version: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    queue_depth: int = Field(ge=0, le=10_000_000)
    dead_letters: int = Field(ge=0, le=10_000_000)
    last_error: Annotated[str, StringConstraints(max_length=500)] | None = None
    voice_model: Annotated[str, StringConstraints(max_length=64)]
    sent_at: Timestamp


class HeartbeatAck(_Model):
    server_time: Timestamp
    # The hub flags a kiosk it has not heard from for this long (3 intervals).
    silent_after_s: int = Field(ge=1)


class EnrolmentRequest(_Model):
    code: Annotated[str, StringConstraints(min_length=6, max_length=64)]
    kiosk_name: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    location: Annotated[str, StringConstraints(max_length=200)] = ""


class EnrolmentResponse(_Model):
    kiosk_id: Id
    token: Annotated[str, StringConstraints(min_length=16, max_length=256)]
    hub_name: Annotated[str, StringConstraints(min_length=1, max_length=100)]


class ErrorBody(_Model):
    """Every non-2xx JSON response. ``code`` is machine-readable (snake_case)."""

    code: Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z0-9_]+$")]
    message: Annotated[str, StringConstraints(max_length=2000)]
    details: list[Annotated[str, StringConstraints(max_length=500)]] = Field(
        default_factory=list, max_length=50
    )


# ---------------------------------------------------------------------------
# Person lookup (POST /v1/people/lookup): one senior's records held by the hub
# ---------------------------------------------------------------------------

# Status codes are open-ended on purpose: a hub may add one (a new payment state) before
# kiosks learn it; a kiosk shows an unknown code as "ask staff", never fails on it.
StatusCode = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=r"^[a-z0-9_]+$")]
KNOWN_BENEFIT_STATUSES: Final = (
    "not_applied",
    "applied",
    "under_review",
    "approved",
    "rejected",
    "paying",
    "suspended",
    "ended",
)


class KioskSession(_Model):
    """What shows that a person is at the kiosk asking about themself: the ID was entered on
    this kiosk (keypad or card reader) in the live session ``session_id`` at
    ``identified_at``, or a helper (``helper_id``, the helper's badge or account on the kiosk)
    acts for the senior. A new session begins after every privacy wipe.

    The hub refuses a lookup without one, in a session it first saw too long ago, in a
    session of another kiosk, or for a second person in a session without a helper; it logs
    every lookup with its session.
    """

    session_id: Uuid
    identified_at: Timestamp
    entry: Literal["keypad", "card_reader"]
    helper_id: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None


class PersonLookup(_Model):
    """Sent in a POST body (never in a URL, which proxies log)."""

    resident_id: ResidentId
    # Optional in the model so an older kiosk's request still parses; the hub answers a
    # lookup without it with 403 ``session_required``.
    session: KioskSession | None = None

    @field_validator("resident_id")
    @classmethod
    def _check_digit(cls, value: str) -> str:
        if not resident_id_check_ok(value):
            raise ValueError("resident_id check digit is wrong")
        return value

    def __repr__(self) -> str:
        return "PersonLookup(resident_id=<hidden>)"

    __str__ = __repr__


class AppointmentRecord(_Model):
    """A booking the hub holds for the person, made at any kiosk."""

    reference: Reference
    slot_id: Id
    hospital_id: Id
    department_id: Id
    starts_at: Timestamp
    status: Literal["booked", "cancelled", "attended", "missed"]
    booked_here: bool  # made by the asking kiosk


class BenefitPayment(_Model):
    paid_on: Day
    amount_fen: Fen


class BenefitStatus(_Model):
    """One benefit's application and payment state for the person."""

    kind: BenefitKind
    name: LocalizedText
    status: StatusCode  # usually one of KNOWN_BENEFIT_STATUSES
    amount_fen: Fen | None = None
    period: Literal["month", "day", "week", "once", "quarter"] | None = None
    applied_on: Day | None = None
    next_payment_on: Day | None = None
    payments: list[BenefitPayment] = Field(default_factory=list, max_length=12)  # newest first
    note: LocalizedText | None = None


class PersonRecord(_Model):
    masked_id: MaskedId
    appointments: list[AppointmentRecord] = Field(default_factory=list, max_length=200)
    benefits: list[BenefitStatus] = Field(default_factory=list, max_length=50)
    as_of: Timestamp


# ---------------------------------------------------------------------------
# Emergency alarms (own lane: POST /v1/alarms, POST /v1/alarms/{id}/cancel,
# GET /v1/alarms/{id})
# ---------------------------------------------------------------------------

AlarmStateValue = Literal["received", "acknowledged", "resolved", "cancelled"]


class Alarm(_Model):
    id: Uuid
    raised_at: Timestamp
    drill: bool
    person: PersonRef | None = None
    location: Annotated[str, StringConstraints(max_length=200)]


class AlarmCancel(_Model):
    """A follow-up that cancels an alarm; the alarm itself is never deleted."""

    alarm_id: Uuid
    reason: Note


class AlarmState(_Model):
    alarm_id: Uuid
    state: AlarmStateValue
    at: Timestamp
    operator_note: Annotated[str, StringConstraints(max_length=500)] | None = None


# ---------------------------------------------------------------------------
# Shared rule helpers (kiosk and hub must agree on these)
# ---------------------------------------------------------------------------


def cancel_deadline(hospital: Hospital, starts_at: datetime) -> datetime:
    """Last moment an appointment starting at ``starts_at`` may be cancelled.

    The earlier of: ``cancel_cutoff_hours`` before the start, and (when
    ``cancel_cutoff_working_days`` > 0) midnight after the N-th working day
    (Monday-Friday; public holidays are not modelled) before the appointment day.
    """
    deadline = starts_at - timedelta(hours=hospital.cancel_cutoff_hours)
    if hospital.cancel_cutoff_working_days > 0:
        day = starts_at.date()
        found = 0
        while found < hospital.cancel_cutoff_working_days:
            day -= timedelta(days=1)
            if day.weekday() < 5:
                found += 1
        end_of_day = datetime.combine(day + timedelta(days=1), time(0), tzinfo=starts_at.tzinfo)
        deadline = min(deadline, end_of_day)
    return deadline


def booking_window(hospital: Hospital, today: date) -> tuple[date, date]:
    """Inclusive range of appointment days bookable on ``today``."""
    return today, today + timedelta(days=hospital.booking_window_days)


def age_band(age: int) -> AgeBand:
    """The 助餐 discount band for an age in whole years."""
    if age >= 80:
        return "80_plus"
    if age >= 60:
        return "60_79"
    return "under_60"
