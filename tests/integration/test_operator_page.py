"""The operator web page driven in real headless Chromium (Debian's chromium + chromedriver,
selenium from PyPI) against the real hub (SQLite and PostgreSQL), with a real kiosk-side
dispatcher: an alarm is pushed to the page with the senior's masked ID and the kiosk's
location; pressing Acknowledge and then Resolve (confirmed) on the page changes what the
kiosk's dispatcher reports; silent kiosks are listed. A second test covers the alert: sound and
flashing until acknowledged, the time waited, the senior's record, overdue and escalated
alarms, many alarms at once, and English as a choice."""

from __future__ import annotations

import contextlib
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
import requests

from hub import people
from services.alarm_dispatch import AlarmDispatcher, DispatchConfig
from services.store import Store
from tests.helpers.hub_databases import today, with_demo_data
from tests.helpers.hub_process import HubProcess, person, resident_id
from tests.helpers.kiosk_side import kiosk_store
from tests.helpers.waiting import wait_until

BOTH_ENGINES = True  # each test runs on SQLite and on PostgreSQL

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="needs Debian's chromium and chromium-driver (scripts/setup.sh installs them)",
)
LONG_AGO = "2020-01-06T09:00:00+08:00"
T = TypeVar("T")


def settled(action: Callable[[], T], timeout: float = 10.0) -> T:
    """Run ``action`` until the page is not re-rendering under it (stale elements)."""
    from selenium.common.exceptions import StaleElementReferenceException

    def attempt() -> tuple[T] | None:
        try:
            return (action(),)
        except StaleElementReferenceException:
            return None

    return wait_until(attempt, timeout=timeout)[0]


def browser() -> Any:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-extensions",
        "--no-first-run",
        # An operator's browser is set up to allow the alarm sound without a click first.
        "--autoplay-policy=no-user-gesture-required",
    ):
        options.add_argument(flag)
    options.add_argument("--window-size=1280,1000")
    return webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)


@pytest.fixture
def hub_with_silent_kiosk(tmp_path: Path, hub_database: str | None) -> Iterator[HubProcess]:
    """A hub where one kiosk enrolled long ago (hub clock in 2020) and never called in."""
    with HubProcess(tmp_path / "hub", demo_data=False, now=LONG_AGO, database=hub_database) as old:
        old.enrol("旧终端 old kiosk")
    with HubProcess(tmp_path / "hub", demo_data=False, database=hub_database) as hub:
        yield hub


def test_acknowledge_and_resolve_on_the_page_reach_the_kiosk(
    tmp_path: Path, hub_with_silent_kiosk: HubProcess
) -> None:
    hub = hub_with_silent_kiosk
    token = hub.cli("operator", "create", "王芳").strip()
    store: Store = kiosk_store(tmp_path / "kiosk", hub.url, hub.enrol("康乐1号机"))
    worker = AlarmDispatcher(store, config=DispatchConfig(follow_interval=0.2))
    worker.start()
    driver = browser()
    try:
        from selenium.webdriver.common.by import By

        driver.get(f"{hub.url}/operator#token={token}")
        wait_until(lambda: "王芳" in driver.find_element(By.ID, "who").text, timeout=20)
        # The first board arrives on the event stream just after sign-in.
        silent = wait_until(
            lambda: settled(
                lambda: [s.text for s in driver.find_elements(By.CSS_SELECTOR, "#silent li")]
            ),
            timeout=10,
        )
        assert [s.split(" · ")[0] for s in silent] == ["旧终端 old kiosk"]
        assert "#token" not in driver.current_url  # the token does not linger in the address

        with store.connect() as conn:
            alarm_id = worker.raise_alarm(
                conn,
                kiosk_name="康乐1号机",
                location="长寿路100号",
                person=None,
                helper=None,
                drill=True,
            )
        card = f'li[data-alarm-id="{alarm_id}"]'
        wait_until(lambda: driver.find_elements(By.CSS_SELECTOR, card), timeout=10)
        text = settled(lambda: driver.find_element(By.CSS_SELECTOR, card).text)
        assert "康乐1号机 · 长寿路100号" in text and "演练" in text and "()" not in text
        assert "未识别" in text  # no senior identified

        settled(lambda: driver.find_element(By.CSS_SELECTOR, f"{card} button.ack").click())
        wait_until(lambda: worker.state_of(alarm_id) == ("acknowledged", "王芳"), timeout=10)
        wait_until(
            lambda: (
                driver.find_element(By.CSS_SELECTOR, card).get_attribute("data-state")
                == "acknowledged"
            ),
            timeout=10,
        )
        settled(lambda: driver.find_element(By.CSS_SELECTOR, f"{card} button.resolve").click())
        # Resolving asks first.
        settled(lambda: driver.find_element(By.CSS_SELECTOR, f"{card} button.confirm-yes").click())
        wait_until(lambda: worker.state_of(alarm_id) == ("resolved", "王芳"), timeout=10)
    finally:
        driver.quit()
        assert worker.stop(15)


def click(driver: Any, selector: str) -> None:
    from selenium.webdriver.common.by import By

    settled(lambda: driver.find_element(By.CSS_SELECTOR, selector).click())


def card_attr(driver: Any, alarm_id: str, name: str) -> str | None:
    """An attribute of an alarm's card (None while the card is not there)."""
    from selenium.webdriver.common.by import By

    def read() -> str | None:
        found = driver.find_elements(By.CSS_SELECTOR, f'li[data-alarm-id="{alarm_id}"]')
        return found[0].get_attribute(name) if found else None

    return settled(read)


def escalations(conn: Any, alarm_id: str) -> int:
    return int(
        conn.execute(
            "SELECT COUNT(*) FROM alarm_events WHERE alarm_id = ? AND event = 'escalated'",
            (alarm_id,),
        ).fetchone()[0]
    )


def english_on_request(driver: Any, alarm_id: str) -> None:
    """English is a choice: after it, the console speaks English only."""
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, "language").click()
    card = f'li[data-alarm-id="{alarm_id}"]'
    text = lambda: settled(lambda: driver.find_element(By.CSS_SELECTOR, card).text)  # noqa: E731
    wait_until(lambda: "Acknowledged, in hand" in text(), timeout=10)
    assert "已确认" not in text() and "Resolve" in text()
    assert driver.find_element(By.TAG_NAME, "h1").text == "Yijiantong emergency alarms"


def raise_alarm(hub: HubProcess, token: str, *, serial: int | None, drill: bool, where: str) -> str:
    alarm_id = str(uuid.uuid4())
    body = {
        "id": alarm_id,
        "raised_at": datetime.now(UTC).isoformat(),
        "drill": drill,
        "person": None if serial is None else person(serial),
        "location": where,
    }
    reply = requests.post(
        f"{hub.url}/v1/alarms",
        json=body,
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert reply.status_code == 200, reply.text
    return alarm_id


def test_the_console_alerts_until_acknowledged_and_escalates(
    tmp_path: Path, hub_database: str | None
) -> None:
    folder = tmp_path / "hub"
    database = with_demo_data(hub_database, folder, today())
    timings = ["--alarm-ack-target-s", "2", "--alarm-escalate-after-s", "4"]
    timings += ["--alarm-realert-every-s", "1"]
    with HubProcess(folder, database=database, args=timings) as hub:
        operator = hub.cli("operator", "create", "李娜").strip()
        kiosk = hub.enrol("康乐1号机")
        driver = browser()
        try:
            from selenium.webdriver.common.by import By

            driver.get(f"{hub.url}/operator#token={operator}")
            wait_until(lambda: "李娜" in driver.find_element(By.ID, "who").text, timeout=20)
            assert driver.execute_script("return window.yjtAlert.alerting") is False
            first = raise_alarm(hub, kiosk, serial=1, drill=False, where="长寿路100号 3楼")
            card = f'li[data-alarm-id="{first}"]'
            wait_until(lambda: driver.find_elements(By.CSS_SELECTOR, card), timeout=10)
            text = settled(lambda: driver.find_element(By.CSS_SELECTOR, card).text)
            age = people.age_on(resident_id(1), today())
            for expected in (
                "康乐1号机 · 长寿路100号 3楼",
                "新警报",
                "已等待",
                "3101**********",
                f"{age} 岁",
                "13912345601",
                "李明（儿子） 13812345611",
                "高血压",
            ):
                assert expected in text, (expected, text)
            assert "Acknowledge" not in text  # Chinese only, English is a choice
            # Sound and flashing until someone acknowledges.
            assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-alerting") == "true"
            assert driver.find_element(By.ID, "alert-banner").is_displayed()
            wait_until(lambda: driver.execute_script("return window.yjtAlert.beeps") >= 2)
            assert not driver.find_elements(By.CSS_SELECTOR, f"{card} button.resolve")
            # Not acknowledged in time: overdue, sounded again, then escalated (and recorded).
            wait_until(lambda: card_attr(driver, first, "data-overdue") == "true", timeout=10)
            wait_until(lambda: driver.execute_script("return window.yjtAlert.realerts") >= 1)
            wait_until(lambda: card_attr(driver, first, "data-escalated") == "true", timeout=10)
            assert "超时未确认" in driver.find_element(By.ID, "alert-banner").text
            with contextlib.closing(hub.connect()) as conn:
                wait_until(lambda: escalations(conn, first) == 1, timeout=15)
            # Many alarms at once, each on the page; each acknowledged there.
            others = [
                raise_alarm(hub, kiosk, serial=None, drill=True, where=f"{n}号楼") for n in range(5)
            ]
            for alarm_id in [first, *others]:
                wait_until(lambda a=alarm_id: card_attr(driver, a, "data-state") == "received")
                click(driver, f'li[data-alarm-id="{alarm_id}"] button.ack')
                wait_until(
                    lambda a=alarm_id: card_attr(driver, a, "data-state") == "acknowledged",
                    timeout=10,
                )
            wait_until(lambda: driver.execute_script("return window.yjtAlert.alerting") is False)
            assert not driver.find_element(By.ID, "alert-banner").is_displayed()
            # Resolve asks for confirmation; "back" leaves the alarm as it was.
            click(driver, f"{card} button.resolve")
            click(driver, f"{card} button.confirm-no")
            assert card_attr(driver, first, "data-state") == "acknowledged"
            click(driver, f"{card} button.resolve")
            click(driver, f"{card} button.confirm-yes")
            wait_until(lambda: card_attr(driver, first, "data-state") == "resolved", timeout=10)
            english_on_request(driver, others[0])
        finally:
            driver.quit()
