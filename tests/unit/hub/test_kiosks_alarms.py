"""Enrolment codes, tokens, silent kiosks, the alarm state machine, ETags, CLI."""

from __future__ import annotations

import argparse
import json
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from hub import alarms, catalogue_store, cli, kiosks
from hub.db import Connection
from hub.opening import open_database
from services.protocol import Alarm, AlarmCancel, Heartbeat
from tests.unit.hub.conftest import NOW


def test_enrolment_code_single_use_and_expiry(db: Connection) -> None:
    code = kiosks.new_enrolment_code(db, NOW)
    assert len(code) == 9 and code[4] == "-"
    kiosk_id, token = kiosks.enrol(db, code.lower(), "k", "here", NOW)
    assert kiosks.authenticate(db, token) == (kiosk_id, False)
    with pytest.raises(kiosks.EnrolmentError) as used:
        kiosks.enrol(db, code, "k2", "", NOW)
    assert used.value.code == "code_used"
    old = kiosks.new_enrolment_code(db, NOW)
    with pytest.raises(kiosks.EnrolmentError) as expired:
        kiosks.enrol(db, old, "k3", "", NOW + timedelta(hours=24, seconds=1))
    assert expired.value.code == "code_expired"
    with pytest.raises(kiosks.EnrolmentError):
        kiosks.enrol(db, "ZZZZ-ZZZZ", "k4", "", NOW)
    # Only digests are stored.
    stored = db.execute("SELECT token_hash FROM kiosks").fetchone()[0]
    assert token not in stored and len(stored) == 64


def test_revocation(db: Connection) -> None:
    kiosk_id, token = kiosks.enrol(db, kiosks.new_enrolment_code(db, NOW), "k", "", NOW)
    assert kiosks.revoke(db, kiosk_id, NOW)
    assert kiosks.authenticate(db, token) == (kiosk_id, True)
    assert not kiosks.revoke(db, "KNOPE", NOW)
    assert kiosks.authenticate(db, "made-up") == (None, False)


def test_silent_after_three_intervals(db: Connection) -> None:
    a, _ = kiosks.enrol(db, kiosks.new_enrolment_code(db, NOW), "a", "", NOW)
    b, _ = kiosks.enrol(db, kiosks.new_enrolment_code(db, NOW), "b", "", NOW)
    beat = Heartbeat(
        kiosk_version="0.1.0", queue_depth=2, dead_letters=0, voice_model="none", sent_at=NOW
    )
    kiosks.record_heartbeat(db, a, beat, NOW + timedelta(minutes=2))
    later = NOW + timedelta(minutes=4)
    status = {k.kiosk_id: k for k in kiosks.kiosk_statuses(db, later)}
    assert not status[a].silent and status[b].silent
    assert status[a].last_heartbeat == beat
    assert kiosks.SILENT_AFTER_S == 3 * kiosks.HEARTBEAT_INTERVAL_S
    much_later = NOW + timedelta(minutes=6)
    assert all(k.silent for k in kiosks.kiosk_statuses(db, much_later))


def alarm(drill: bool = False) -> Alarm:
    return Alarm(id=uuid.uuid4(), raised_at=NOW, drill=drill, location="康乐社区中心")


def test_alarm_state_machine(db: Connection) -> None:
    raised = alarm()
    assert alarms.raise_alarm(db, "K1", raised, NOW).state == "received"
    # Retries have no second effect.
    assert alarms.raise_alarm(db, "K1", raised, NOW + timedelta(seconds=5)).at == NOW
    with pytest.raises(alarms.AlarmError) as clash:
        alarms.raise_alarm(db, "K2", raised, NOW)
    assert clash.value.status == 409
    assert [a.alarm_id for a in alarms.open_alarms(db)] == [raised.id]
    ack = alarms.operator_transition(db, raised.id, "acknowledged", NOW, "on it")
    assert (ack.state, ack.operator_note) == ("acknowledged", "on it")
    resolved = alarms.operator_transition(db, raised.id, "resolved", NOW)
    assert resolved.state == "resolved" and resolved.operator_note == "on it"
    with pytest.raises(alarms.AlarmError):
        alarms.operator_transition(db, raised.id, "acknowledged", NOW)
    # A late cancel is recorded but does not reopen or change a resolved alarm.
    after = alarms.cancel_alarm(db, "K1", AlarmCancel(alarm_id=raised.id, reason="ok"), NOW)
    assert after.state == "resolved"
    events = [e for e, _, _ in alarms.alarm_events(db, raised.id)]
    assert events == ["received", "acknowledged", "resolved", "cancel"]
    assert alarms.open_alarms(db) == []


def test_alarm_cancel_and_visibility(db: Connection) -> None:
    raised = alarm(drill=True)
    alarms.raise_alarm(db, "K1", raised, NOW)
    cancel = AlarmCancel(alarm_id=raised.id, reason="pressed by mistake")
    assert alarms.cancel_alarm(db, "K1", cancel, NOW).state == "cancelled"
    assert alarms.cancel_alarm(db, "K1", cancel, NOW).state == "cancelled"
    with pytest.raises(alarms.AlarmError):
        alarms.operator_transition(db, raised.id, "acknowledged", NOW)
    with pytest.raises(alarms.AlarmError) as other:
        alarms.get_alarm(db, "K2", raised.id)
    assert other.value.status == 404
    assert db.execute("SELECT COUNT(*) FROM alarms").fetchone()[0] == 1


def test_catalogue_etag_changes_with_bookings(db: Connection) -> None:
    cache = catalogue_store.CatalogueCache()
    first = cache.get(db, "slots", NOW.date())
    assert cache.get(db, "slots", NOW.date()) is first
    body = json.loads(first.body)
    assert first.etag == f'"{body["version"]}"'
    assert all(item["starts_at"] >= "2025-06-11" for item in body["items"])
    catalogue_store.bump_rev(db, "slots", NOW)
    assert cache.get(db, "slots", NOW.date()) is not first
    assert catalogue_store.etag_matches(f'W/{first.etag}, "x"', first.etag)
    assert catalogue_store.etag_matches("*", first.etag)
    assert not catalogue_store.etag_matches('"other"', first.etag)
    assert not catalogue_store.etag_matches(None, first.etag)


def test_cli_help_documents_every_option() -> None:
    parser = cli.build_parser()
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    every = [parser, *(p for s in subparsers for p in s.choices.values())]
    for each in every:
        for action in each._actions:
            assert action.help, action
    text = parser.format_help()
    for word in ("--host", "--port", "--db", "--demo-data", "enrolment-code", "revoke-token"):
        assert word in text


def test_cli_enrolment_code_prints_only_the_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "hub.sqlite3"
    assert cli.main(["enrolment-code", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 1 and len(out.strip()) == 9
    assert cli.main(["kiosks", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert cli.main(["revoke-token", "KNOPE", "--db", str(db)]) == 1


def test_demo_data_left_alone_when_db_has_other_data(tmp_path: Path) -> None:
    db = open_database(tmp_path / "hub.sqlite3")
    assert cli.load_demo_data(db, lambda: NOW) is not None
    again = cli.load_demo_data(db, lambda: NOW + timedelta(days=1))
    assert again is not None and again["slots"] > 0 and again["hospitals"] == 0
