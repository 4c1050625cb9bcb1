"""The other pages in Chromium, the visit as a whole, and 2.3 mode."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import requests

from cachet_emulator.seed import seed_demo
from tests.emulator.api import Api
from tests.status_page.browser import Browser
from tests.status_page.test_front_page import attributes, texts

# `make screenshots` sets this to refresh the image in the README and the emulator guide.
README_IMAGE = os.environ.get("STATUS_PAGE_README_IMAGE")


def test_demo_page_loads_nothing_from_outside_and_logs_no_error(api: Api, browser: Browser) -> None:
    seed_demo(api.emulator.store)
    shots: list[Path] = []
    for scheme in ("light", "dark"):
        for width in (1280, 375):
            page = browser.open(api.emulator.url + "/", width=width, scheme=scheme)
            shots.append(browser.screenshot(page, f"front-{width}-{scheme}"))
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width, f"the page is {scroll_width} px wide at {width} px"
            assert texts(page, "#components .component-name")
    if README_IMAGE:
        page = browser.open(api.emulator.url + "/", width=1280)
        browser.screenshot(page, "readme", full_page=False)
        shutil.copyfile(browser.screenshot_folder / "readme.png", README_IMAGE)

    assert browser.console_errors == []
    assert browser.outside_requests() == []
    assert any(url.endswith("/status-page.css") for url in browser.requested)
    assert all(shot.stat().st_size > 0 for shot in shots)


def test_incident_permalink_opens_the_incident_with_its_updates(api: Api, browser: Browser) -> None:
    incident = api.create("incidents", name="Queue stuck", message="Jobs wait.", status=1)
    update = api.create(f"incidents/{incident['id']}/updates", status=4, message="Drained.")

    page = browser.open(update["permalink"], width=375)
    browser.screenshot(page, "incident-375")

    assert texts(page, "h1.incident-name") == ["Queue stuck"]
    assert texts(page, "#incident .incident-head .status-name") == ["Fixed"]
    assert texts(page, f"#update-{update['id']} .message") == ["Drained."]
    assert texts(page, "#incident .first-report .message") == ["Jobs wait."]
    assert browser.console_errors == []


def test_schedule_page_shows_the_window(api: Api, browser: Browser) -> None:
    schedule = api.create(
        "schedules",
        name="Network work",
        message="Short *blips*.",
        status=0,
        scheduled_at="2031-05-04 22:00",
        completed_at="2031-05-04 23:30",
    )

    page = browser.open(f"{api.emulator.url}/schedules/{schedule['id']}")

    assert texts(page, "#schedule .incident-name") == ["Network work"]
    assert texts(page, "#schedule .incident-facts") == [
        "From 4 May 2031, 22:00 until 4 May 2031, 23:30"
    ]
    assert texts(page, "#schedule .message em") == ["blips"]


def test_refresh_parameter_makes_the_page_reload(api: Api, browser: Browser) -> None:
    page = browser.open(api.emulator.url + "/?refresh=30")

    assert attributes(page, 'meta[http-equiv="refresh"]', "content") == ["30"]
    assert "reloads every 30 seconds" in page.text_content("footer")


def test_cachet_23_page_has_no_group_visibility_updates_or_maintenance(
    api23: Api, browser: Browser
) -> None:
    group = api23.create("components/groups", name="Everything")
    api23.create("components", name="Website", status=1, group_id=group["id"])
    api23.create("components", name="Fresh", status=0)
    api23.create("incidents", name="Outage", message="Down.", status=1, visible=1)

    page = browser.open(api23.emulator.url + "/")

    expected = api23.get("status", token=None).json()["data"]["message"]
    assert texts(page, "#status .banner-message") == [expected]
    assert texts(page, ".group .group-name") == ["Everything"]
    assert texts(page, ".ungrouped .status-name") == ["cachet.components.status.0"]
    assert texts(page, "#timeline .incident-name") == ["Outage"]
    assert texts(page, "#timeline .update[data-update-id]") == []
    assert page.query_selector("#maintenance") is None
    assert requests.get(f"{api23.emulator.url}/schedules/1", timeout=10).status_code == 404


def test_front_page_reflects_a_change_on_the_next_load(api: Api, browser: Browser) -> None:
    component = api.create("components", name="Search", status=1)
    first = browser.open(api.emulator.url + "/")
    assert texts(first, ".ungrouped .status-name") == ["Operational"]

    api.put(f"components/{component['id']}", json={"status": 3})
    second = browser.open(api.emulator.url + "/")

    assert texts(second, ".ungrouped .status-name") == ["Partial Outage"]
