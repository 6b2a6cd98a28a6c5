"""Walks to every admin page for ``yijiantong screenshot`` (see :mod:`kiosk.preview`).

Admin pages exist only while the admin screen is open, so the walk signs in for real
(a preview PIN is set in the temporary store) and then opens the page. The status page
gets a little invented history so its lists and usage chart are not empty.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from kiosk.preview.driving import wait_for
from ui.admin.menu import ENTRIES

PIN = "2468"
PAGES = (
    "admin.pin",
    "admin.set_pin",
    "admin.menu",
    *ENTRIES,  # every page the admin menu opens
    "admin.keyboard",  # the kiosk settings page with the on-screen keyboard open
)


def prepare_store(data_dir: str, page: str) -> None:
    from services import admin_pin, usage
    from services.outbox import Outbox
    from services.store import Store, utcnow

    with Store(data_dir).connect() as conn:
        if page != "admin.set_pin":
            admin_pin.set_admin_pin(conn, PIN)
        admin_pin.add_helper(conn, "李卫 Li Wei", pin="13579")
        admin_pin.add_helper(conn, "王芳 Wang Fang", badge="00912345")
        now = utcnow()
        for day in range(30):
            moment = now - timedelta(days=day)
            usage.record(conn, usage.BOOKINGS, moment, count=(day * 7) % 5 + 1)
            usage.record(conn, usage.ORDERS, moment, count=(day * 3) % 6 + 2)
            usage.record(conn, usage.BENEFIT_CHECKS, moment, count=day % 3)
        rid = Outbox.enqueue(
            conn,
            "callback.request",
            {"topic": "benefits", "phone": "13800000000", "note": None},
            now=time.time(),
        )
        Outbox(conn, lane=None).dead_letter([rid], "phone number refused by the hub", 422)


def walk(kiosk: Any, page: str) -> None:

    window, ctl = kiosk.window, kiosk.admin
    ctl.open_entry()
    first = "admin.set_pin" if page == "admin.set_pin" else "admin.pin"
    wait_for(lambda: window.current_page() == first)
    if page in ("admin.pin", "admin.set_pin"):
        return
    pin_page = window.pages["admin.pin"]
    for digit in PIN:
        pin_page.keypad.button(digit).click()
    pin_page.keypad.button("enter").click()
    wait_for(lambda: window.current_page() == "admin.menu")
    if page == "admin.menu":
        return
    if page == "admin.keyboard":
        _open_keyboard(kiosk)
        return
    ctl._open_admin_page(page)
    wait_for(lambda: window.current_page() == page)
    if page == "admin.status":
        wait_for(lambda: bool(window.pages[page].status))
    if page == "admin.helpers":
        wait_for(lambda: bool(window.pages[page]._helpers))


def _open_keyboard(kiosk: Any) -> None:
    """Open the kiosk settings and tap the kiosk-name field, as staff would."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    window, target = kiosk.window, "admin.settings.kiosk"
    kiosk.admin._open_admin_page(target)
    wait_for(lambda: window.current_page() == target)
    page = window.pages[target]
    field = page.findChild(QLineEdit, "field.kiosk_name")
    wait_for(field.isVisible)
    field.setText("Centre 3")
    field.setFocus(Qt.FocusReason.MouseFocusReason)
    page.keyboard.open_for(field)  # what a tap does (the offscreen window may be inactive)
    wait_for(page.keyboard.isVisible)
