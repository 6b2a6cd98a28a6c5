"""Admin PIN lockout, helper accounts, audit log, usage counts: real SQLite files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services import admin_pin, audit, protocol, usage
from services.identity import check_character
from services.outbox import Outbox
from services.store import Store, open_read_only

ID17 = "31010119450220123"
RESIDENT_ID = ID17 + check_character(ID17)


def booking(name: str = "张三丰") -> dict[str, object]:
    return protocol.AppointmentBooking(
        slot_id="slot-1",
        person=protocol.PersonRef(
            masked_id=RESIDENT_ID[:4] + "*" * 10 + RESIDENT_ID[-4:],
            resident_id=RESIDENT_ID,
            name=name,
        ),
    ).model_dump(mode="json", exclude_none=True)


def test_pin_is_stored_only_as_a_salted_scrypt_hash(tmp_path: Path) -> None:
    with Store(tmp_path).connect() as conn:
        assert not admin_pin.admin_pin_set(conn)
        admin_pin.set_admin_pin(conn, "246810")
        assert admin_pin.admin_pin_set(conn)
        row = conn.query("SELECT * FROM staff_accounts")[0]
        assert b"246810" not in bytes(row["pin_hash"]) and len(row["pin_salt"]) == 16
        assert admin_pin.check_admin_pin(conn, "246810", 1000.0).ok
    assert b"246810" not in (tmp_path / "yijiantong.sqlite3").read_bytes()


def test_lockout_grows_with_each_failure_and_survives_a_restart(tmp_path: Path) -> None:
    clock = 1_000_000.0
    with Store(tmp_path).connect() as conn:
        admin_pin.set_admin_pin(conn, "1234")
        for attempt in range(1, 5):
            result = admin_pin.check_admin_pin(conn, "9999", clock)
            assert not result.ok and result.wait_s == 0 and result.failures == attempt
        fifth = admin_pin.check_admin_pin(conn, "9999", clock)
        assert fifth.wait_s == admin_pin.BASE_DELAY_S
    # A restart: a new Store and connection on the same file.
    with Store(tmp_path).connect() as conn:
        locked = admin_pin.check_admin_pin(conn, "1234", clock + 10)
        assert not locked.ok and locked.wait_s == pytest.approx(admin_pin.BASE_DELAY_S - 10)
        clock += admin_pin.BASE_DELAY_S
        sixth = admin_pin.check_admin_pin(conn, "0000", clock)
        assert sixth.wait_s == 2 * admin_pin.BASE_DELAY_S
        clock += sixth.wait_s
        seventh = admin_pin.check_admin_pin(conn, "0000", clock)
        assert seventh.wait_s == 4 * admin_pin.BASE_DELAY_S > sixth.wait_s
        clock += seventh.wait_s
        assert admin_pin.check_admin_pin(conn, "1234", clock).ok
        assert admin_pin.lockout(conn, admin_pin.ADMIN, clock) == (0, 0.0)


@given(st.integers(min_value=0, max_value=60))
def test_delay_never_shrinks_and_is_capped(failures: int) -> None:
    assert admin_pin.delay_after(failures) <= admin_pin.delay_after(failures + 1)
    assert admin_pin.delay_after(failures) <= admin_pin.MAX_DELAY_S


def test_a_read_only_store_still_checks_the_pin_and_locks_in_memory(tmp_path: Path) -> None:
    """A read-only data folder: the PIN is read, failures cannot be written but still lock
    (a persisted lockout is honoured too), and nothing is written."""
    clock = 2_000_000.0
    with Store(tmp_path).connect() as conn:
        admin_pin.set_admin_pin(conn, "1234")
        admin_pin.check_admin_pin(conn, "9999", clock)  # one failure on disk
    with open_read_only(tmp_path) as conn:
        for attempt in range(2, admin_pin.FREE_ATTEMPTS + 1):
            assert admin_pin.check_admin_pin(conn, "9999", clock).failures == attempt
        locked = admin_pin.check_admin_pin(conn, "9999", clock)
        assert locked.wait_s == admin_pin.BASE_DELAY_S
        assert not admin_pin.check_admin_pin(conn, "1234", clock + 1).ok  # inside the wait
        assert admin_pin.check_admin_pin(conn, "1234", clock + admin_pin.BASE_DELAY_S).ok
    with Store(tmp_path).connect() as conn:
        assert admin_pin.lockout(conn, admin_pin.ADMIN, clock) == (1, 0.0)  # as it was


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=14))
def test_only_4_to_12_ascii_digits_are_pins(text: str) -> None:
    good = text.strip().isascii() and text.strip().isdigit() and 4 <= len(text.strip()) <= 12
    if good:
        assert admin_pin.validate_pin(text) == text.strip()
    else:
        with pytest.raises(admin_pin.CredentialError):
            admin_pin.validate_pin(text)


def test_helpers_sign_in_by_pin_or_badge_and_the_admin_pin_wins(tmp_path: Path) -> None:
    with Store(tmp_path).connect() as conn:
        admin_pin.set_admin_pin(conn, "1111")
        admin_pin.add_helper(conn, "Li Wei", pin="2222")
        admin_pin.add_helper(conn, "Wang Fang", badge="00912345")
        with pytest.raises(admin_pin.CredentialError) as taken:
            admin_pin.add_helper(conn, "Li Wei", pin="3333")
        assert taken.value.reason == "name_taken"
        with pytest.raises(admin_pin.CredentialError):
            admin_pin.add_helper(conn, "Nobody")
        assert [h.name for h in admin_pin.list_helpers(conn)] == ["Li Wei", "Wang Fang"]
        assert admin_pin.check_staff(conn, "1111", 0).role == admin_pin.ADMIN
        by_pin = admin_pin.check_staff(conn, "2222", 0)
        assert (by_pin.ok, by_pin.role, by_pin.name) == (True, admin_pin.HELPER, "Li Wei")
        assert admin_pin.check_staff(conn, "00912345", 0).name == "Wang Fang"
        assert not admin_pin.check_staff(conn, "5555", 0).ok
        helper = admin_pin.list_helpers(conn)[0]
        assert admin_pin.remove_helper(conn, helper.id)
        assert not admin_pin.check_staff(conn, "2222", 0).ok


def test_requests_after_the_watermark_are_audited_with_masked_people(tmp_path: Path) -> None:
    with Store(tmp_path).connect() as conn:
        before = Outbox.enqueue(conn, "appointment.book", booking(), now=1.0)
        mark = audit.request_watermark(conn)
        during = Outbox.enqueue(conn, "appointment.book", booking(), now=2.0)
        new_mark = audit.audit_new_requests(conn, "Li Wei", mark)
        assert new_mark > mark
        assert audit.audit_new_requests(conn, "Li Wei", new_mark) == new_mark  # nothing twice
        entries = audit.entries(conn)
        assert [(e.helper, e.action, e.request_id) for e in entries] == [
            ("Li Wei", "booking", str(during))
        ]
        assert entries[0].masked_person == "3101**********" + RESIDENT_ID[-4:]
        helper_of = dict(conn.execute("SELECT id, helper_id FROM requests").fetchall())
        assert helper_of == {str(before): None, str(during): "Li Wei"}
        audit.record(conn, "Li Wei", audit.BENEFIT_CHECK, masked_person=RESIDENT_ID)
        assert audit.entries(conn, 1)[0].masked_person == "3101**********" + RESIDENT_ID[-4:]


def test_usage_counts_each_request_once_and_alarms_from_history(tmp_path: Path) -> None:
    now = datetime(2025, 3, 10, 4, 0, tzinfo=UTC)
    with Store(tmp_path).connect() as conn:
        Outbox.enqueue(
            conn, "appointment.book", booking(), now=(now - timedelta(days=1)).timestamp()
        )
        assert usage.count_new_requests(conn) == 1
        assert usage.count_new_requests(conn) == 0
        usage.record(conn, usage.BENEFIT_CHECKS, now)
        usage.record(conn, usage.BENEFIT_CHECKS, now)
        days = usage.daily_usage(conn, 30, now)
        assert len(days) == 30 and days[-1].day.isoformat() == "2025-03-10"
        assert days[-1].counts[usage.BENEFIT_CHECKS] == 2
        assert sum(d.counts[usage.BOOKINGS] for d in days) == 1
        with pytest.raises(ValueError):
            usage.record(conn, "naps")
