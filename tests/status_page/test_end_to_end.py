"""A change made with the client, read by a visitor: the end-to-end story of the page."""

from __future__ import annotations

import cachetclient
from cachetclient.v1 import enums
from tests.emulator.api import TOKEN, Api
from tests.status_page.browser import Browser
from tests.status_page.test_front_page import texts


def test_client_outage_and_incident_show_on_the_page(api: Api, browser: Browser) -> None:
    group = api.create("components/groups", name="Public", visible=1)
    website = api.create("components", name="Website", status=1, group_id=group["id"])
    api.create("components", name="API", status=1, group_id=group["id"])
    before = browser.open(api.emulator.url + "/")
    assert texts(before, "#status .banner-message") == ["All systems are operational"]

    with cachetclient.Client(endpoint=api.emulator.endpoint, api_token=TOKEN) as client:
        client.components.update(website["id"], status=enums.COMPONENT_STATUS_MAJOR_OUTAGE)
        incident = client.incidents.create(
            name="Website down",
            message="Visitors get errors; we are investigating.",
            status=enums.INCIDENT_INVESTIGATING,
        )

    page = browser.open(api.emulator.url + "/")
    browser.screenshot(page, "end-to-end-1280")

    row = f'.component[data-component-id="{website["id"]}"]'
    assert texts(page, f"{row} .status-name") == ["Major Outage"]
    assert texts(page, "#status .banner-message") == ["Some systems are experiencing major issues"]
    card = f'#timeline .incident[data-incident-id="{incident.id}"]'
    assert texts(page, f"{card} .incident-name") == ["Website down"]
    assert texts(page, f"{card} .incident-head .status-name") == ["Investigating"]
    assert texts(page, f"{card} .message") == ["Visitors get errors; we are investigating."]
    assert browser.console_errors == []
