"""Order, follow and cancel a community meal through the real kiosk against the real
reference hub (subprocess on loopback), real SQLite store, real sync and data threads.

Driven by objectName, as a senior would: the meals tile, keypad keys, ``choice.<id>``.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from typing import Any

from services.appointments import shanghai_today
from services.store import utcnow
from tests.helpers.hub_process import HubProcess, resident_id
from tests.helpers.kiosk_driver import WAIT_MS, Kiosk


def hub_orders(hub: HubProcess) -> list[sqlite3.Row]:
    with sqlite3.connect(hub.db_path) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute("SELECT * FROM meal_orders ORDER BY reference").fetchall()


def to_menu(kiosk: Kiosk, serial: int) -> None:
    kiosk.identify(resident_id(serial), then="meals", tile="meals")
    kiosk.choose(kiosk.choices()[0], "meals.menu")


def tomorrows_meal(kiosk: Kiosk) -> str:
    """A meal still open whatever the hub's clock says (today's lunch may have closed)."""
    tomorrow = shanghai_today(utcnow()) + timedelta(days=1)
    offers = kiosk.app.meals.offers
    return next(o.meal.id for o in offers if o.open and o.meal.date == tomorrow)


def answer_and_collect(kiosk: Kiosk) -> None:
    """Answer the subsidy questions (hukou: yes, anything else: no), then collect it."""
    flow = kiosk.app.meals
    while kiosk.window.current_page() == "meals.question":
        question = flow.question.id
        kiosk.tap("choice.yes" if question == "hukou" else "choice.no")
        kiosk.qtbot.waitUntil(
            lambda q=question: (
                kiosk.window.current_page() != "meals.question" or flow.question.id != q
            ),
            timeout=WAIT_MS,
        )
    if kiosk.window.current_page() == "meals.fulfilment":
        kiosk.choose("pickup", "meals.confirm")
    kiosk.wait_page("meals.confirm")


def order_tomorrow(kiosk: Kiosk, serial: int) -> Any:
    to_menu(kiosk, serial)
    kiosk.choose(tomorrows_meal(kiosk), "meals.question")
    answer_and_collect(kiosk)
    quote = kiosk.app.meals.offer.quote
    kiosk.tap("button.confirm", "meals.result")
    return quote


def test_order_online_then_follow_and_cancel(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    quote = order_tomorrow(kiosk, serial=11)  # born 1945: over 80
    confirm_text = kiosk.app.meals.pages["meals.confirm"].body.plain_text()
    assert "优惠" in confirm_text  # the senior discount is shown, with the subsidy if any
    result = kiosk.page()
    kiosk.qtbot.waitUntil(lambda: result.big.plain_text() != "", timeout=WAIT_MS)
    [row] = hub_orders(hub)
    assert row["reference"] == result.big.plain_text()
    assert row["amount_fen"] == quote.total_fen  # the hub charges what the kiosk showed
    assert quote.total_fen < quote.unit_price_fen  # 85 % and the daily subsidy

    kiosk.tap("button.my_orders", "meals.mine")
    [order_id] = kiosk.choices()
    kiosk.choose(order_id, "meals.order")
    assert kiosk.page().big.plain_text() == row["reference"]
    kiosk.tap("button.cancel_order", "meals.cancel")
    kiosk.tap("button.confirm", "meals.order")
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(lambda: kiosk.page().title.plain_text() == "已取消", timeout=WAIT_MS)
    assert hub_orders(hub)[0]["status"] == "cancelled"
    assert "button.cancel_order" not in kiosk.page().action_buttons


def test_offline_order_waits_then_is_confirmed(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    to_menu(kiosk, serial=12)  # the menu is cached while online
    hub.stop()
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(
        lambda: kiosk.window.header.connection.plain_text().startswith("暂时离线"),
        timeout=WAIT_MS,
    )
    kiosk.choose(tomorrows_meal(kiosk), "meals.question")
    answer_and_collect(kiosk)
    assert "离线" in kiosk.page().warning.plain_text()
    kiosk.tap("button.confirm", "meals.result")
    result = kiosk.page()
    assert result.title.plain_text() == "等待确认" and result.big.plain_text() == ""
    assert "离线" in result.warning.plain_text()

    hub.restart()
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(lambda: result.big.plain_text() != "", timeout=WAIT_MS)
    [row] = hub_orders(hub)
    assert row["reference"] == result.big.plain_text()


def test_status_set_by_the_hub_reaches_the_order_screen(make_kiosk: Any, hub: HubProcess) -> None:
    kiosk = make_kiosk()
    order_tomorrow(kiosk, serial=13)
    result = kiosk.page()
    kiosk.qtbot.waitUntil(lambda: result.big.plain_text() != "", timeout=WAIT_MS)
    reference = result.big.plain_text()
    kiosk.tap("button.my_orders", "meals.mine")
    kiosk.choose(kiosk.choices()[0], "meals.order")
    # The canteen starts cooking: an operator moves the order on at the hub.
    hub.cli("meals", "set-status", reference, "preparing")
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(lambda: kiosk.page().title.plain_text() == "正在制作", timeout=WAIT_MS)


def test_price_changed_at_the_hub_is_refused_and_explained(
    make_kiosk: Any, hub: HubProcess
) -> None:
    kiosk = make_kiosk()
    to_menu(kiosk, serial=14)
    meal_id = tomorrows_meal(kiosk)
    kiosk.choose(meal_id, "meals.question")
    answer_and_collect(kiosk)
    # The canteen raises the price after the kiosk showed the menu (not yet synced here).
    with sqlite3.connect(hub.db_path) as conn:
        conn.execute(
            "UPDATE catalogue_items SET json = json_set(json, '$.price_fen',"
            " json_extract(json, '$.price_fen') + 200) WHERE catalogue = 'menus' AND id = ?",
            (meal_id,),
        )
    kiosk.tap("button.confirm", "meals.result")
    result = kiosk.page()
    kiosk.wake_sync()
    kiosk.qtbot.waitUntil(lambda: result.title.plain_text() == "这份餐没能订上", timeout=WAIT_MS)
    assert "价格" in result.warning.plain_text()  # why, in words; nobody is charged
    assert hub_orders(hub) == []
