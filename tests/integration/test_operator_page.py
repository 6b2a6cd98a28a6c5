"""The operator web page driven in real headless Chromium (Debian's chromium + chromedriver,
selenium from PyPI) against the real hub, with a real kiosk-side dispatcher: an alarm appears
on the page with the senior's masked ID and the kiosk's location; pressing Acknowledge and
Resolve on the page changes what the kiosk's dispatcher reports; silent kiosks are listed."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from services.alarm_dispatch import AlarmDispatcher, DispatchConfig
from services.store import Store
from tests.helpers.hub_process import HubProcess
from tests.helpers.kiosk_side import kiosk_store
from tests.helpers.waiting import wait_until

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
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
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
        silent = settled(
            lambda: [s.text for s in driver.find_elements(By.CSS_SELECTOR, "#silent li")]
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
        assert "长寿路100号" in text and "康乐1号机" in text and "DRILL" in text
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
        driver.find_element(By.CSS_SELECTOR, f"{card} button.resolve").click()
        wait_until(lambda: worker.state_of(alarm_id) == ("resolved", "王芳"), timeout=10)
    finally:
        driver.quit()
        assert worker.stop(15)
