"""Benefit screening, application status and a callback request through the real kiosk
against the real reference hub (subprocess on loopback), online and offline.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from tests.helpers.hub_process import HubProcess, resident_id
from tests.helpers.kiosk_driver import WAIT_MS, Kiosk


def to_benefits(kiosk: Kiosk, serial: int) -> None:
    kiosk.identify(resident_id(serial), then="benefits", tile="benefits")


def answer_all(kiosk: Kiosk, answers: dict[str, str], default: str = "no") -> list[str]:
    """Answer each question as given; returns the question ids in the order asked."""
    flow, asked = kiosk.app.benefits, []
    while kiosk.window.current_page() == "benefits.question":
        question = flow.question.id
        asked.append(question)
        kiosk.tap(f"choice.{answers.get(question, default)}")
        count = len(asked)
        kiosk.qtbot.waitUntil(
            lambda n=count: (
                kiosk.window.current_page() != "benefits.question" or len(flow.asked) == n
            ),
            timeout=WAIT_MS,
        )
    return asked


def test_screening_asks_only_what_the_rules_need(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    to_benefits(kiosk, serial=21)  # born 1945: 81 years old
    kiosk.choose("screen", "benefits.question")
    asked = answer_all(kiosk, {"hukou": "yes"})
    kiosk.wait_page("benefits.result")
    assert len(asked) == len(set(asked)) and "hukou" in asked
    result = kiosk.page()
    texts = [item.text for item in result.choices.items()]
    # 80-89 band of the seniors' allowance, with its monthly amount.
    assert any("老年综合津贴" in t and "180.00" in t for t in texts), texts
    first = result.choices.items()[0].id
    kiosk.choose(first, "benefits.detail")
    assert kiosk.page().body.plain_text()  # how to apply, ready to be spoken


def test_status_online_then_saved_answer_offline(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    to_benefits(kiosk, serial=3)  # the hub's demo records: one has a code new to kiosks
    kiosk.choose("status", "benefits.status")
    kiosk.qtbot.waitUntil(lambda: not kiosk.app.benefits.looking, timeout=WAIT_MS)
    lines = [item.text for item in kiosk.page().choices.items()]
    assert lines, "the hub's records are listed"
    assert kiosk.page().info.plain_text() == ""  # fresh
    unknown = [t for t in lines if "工作人员" in t]
    assert unknown, "an unknown status code is shown as 'ask staff', not dropped"

    hub.stop()
    kiosk.window.go_back()
    kiosk.wait_page("benefits")
    kiosk.choose("status", "benefits.status")
    kiosk.qtbot.waitUntil(lambda: not kiosk.app.benefits.looking, timeout=WAIT_MS)
    assert "保存" in kiosk.page().info.plain_text()  # the saved answer, with its age
    assert [item.text for item in kiosk.page().choices.items()] == lines


def test_callback_request_reaches_the_hub(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    to_benefits(kiosk, serial=22)
    kiosk.choose("callback", "phone")
    for digit in "110":
        kiosk.tap(f"keypad.{digit}")
    kiosk.tap("keypad.enter")
    assert kiosk.window.current_page() == "phone"  # an emergency number cannot be called back
    assert "服务号码" in kiosk.page().error.plain_text()
    kiosk.tap("keypad.clear")
    for digit in "13812345678":
        kiosk.tap(f"keypad.{digit}")
    kiosk.tap("keypad.enter", "benefits.callback")
    assert "138****5678" in kiosk.page().body.plain_text()
    kiosk.tap("button.confirm", "benefits.callback_done")
    kiosk.wake_sync()
    done = kiosk.page()
    kiosk.qtbot.waitUntil(lambda: done.big.plain_text() != "", timeout=WAIT_MS)
    with sqlite3.connect(hub.db_path) as conn:
        [(reference, phone, topic)] = conn.execute(
            "SELECT reference, phone, topic FROM callbacks"
        ).fetchall()
    assert reference == done.big.plain_text()
    assert (phone, topic) == ("13812345678", "benefits")


def test_lookups_carry_the_session_in_which_the_id_was_typed(
    make_kiosk: Any, hub: HubProcess
) -> None:
    """The hub answers a person lookup only for the kiosk session in which the ID was
    entered: two lookups in one visit are one session, the next visitor a new one."""
    kiosk = make_kiosk()

    def look_up_status(serial: int) -> None:
        to_benefits(kiosk, serial)
        kiosk.choose("status", "benefits.status")
        kiosk.qtbot.waitUntil(lambda: not kiosk.app.benefits.looking, timeout=WAIT_MS)
        assert kiosk.page().choices.items(), "the hub answered"

    look_up_status(3)
    kiosk.window.go_back()
    kiosk.wait_page("benefits")
    kiosk.choose("status", "benefits.status")  # the same visit, asked again
    kiosk.qtbot.waitUntil(lambda: not kiosk.app.benefits.looking, timeout=WAIT_MS)
    kiosk.window.reset_session("zh_CN", 100)  # the privacy wipe: the next person
    look_up_status(4)
    conn = hub.connect()
    try:
        rows = conn.execute(
            "SELECT session_id, helper_id, outcome FROM lookup_log ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    sessions = [row["session_id"] for row in rows]
    assert [row["outcome"] for row in rows] == ["allowed"] * 3, [dict(r) for r in rows]
    assert sessions[0] == sessions[1] != sessions[2]
    assert all(row["helper_id"] is None for row in rows)
