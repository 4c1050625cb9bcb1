"""The front page in headless Chromium: what a visitor reads after the API wrote the data."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from tests.emulator.api import Api
from tests.status_page.browser import Browser

MINUTE_FORMAT = "%Y-%m-%d %H:%M"


def minutes_from_now(minutes: int) -> str:
    """A `Y-m-d H:i` time in UTC (the default Cachet timezone), `minutes` from now."""
    return (datetime.now(timezone.utc) + timedelta(minutes=minutes)).strftime(MINUTE_FORMAT)


def texts(page: Any, selector: str) -> list[str]:
    """The text of every element matching `selector`, in document order."""
    found: list[str] = page.eval_on_selector_all(
        selector, "nodes => nodes.map(node => node.textContent.trim())"
    )
    return found


def attributes(page: Any, selector: str, name: str) -> list[str]:
    """The attribute `name` of every element matching `selector`, in document order."""
    found: list[str] = page.eval_on_selector_all(
        selector, f"nodes => nodes.map(node => node.getAttribute({name!r}))"
    )
    return found


def test_components_show_in_their_groups_with_status_words(api: Api, browser: Browser) -> None:
    shown = api.create("components/groups", name="Public", visible=1, order=1)
    hidden = api.create("components/groups", name="Staff only", visible=0, order=0)
    api.create("components", name="Website", status=1, group_id=shown["id"], order=1)
    api.create("components", name="API", status=4, group_id=shown["id"], order=0)
    api.create("components", name="Back office", status=1, group_id=hidden["id"])
    api.create("components", name="Old relay", status=3, enabled=False)
    api.create("components", name="Mail", status=2)

    page = browser.open(api.emulator.url + "/")

    assert texts(page, ".group .group-name") == ["Public"]
    assert texts(page, ".group .component .component-name") == ["API", "Website"]
    assert texts(page, ".group .component .status-name") == ["Major Outage", "Operational"]
    assert texts(page, ".group summary .status-name") == ["Major Outage"]
    assert texts(page, "#components .subhead") == ["Other components"]
    assert texts(page, ".ungrouped .component-name") == ["Mail"]
    assert texts(page, ".ungrouped .status-name") == ["Performance Issues"]
    assert "Back office" not in page.text_content("main")
    assert "Old relay" not in page.text_content("main")


def test_banner_says_what_the_status_endpoint_says(api: Api, browser: Browser) -> None:
    group = api.create("components/groups", name="Public", visible=1)
    api.create("components", name="Website", status=4, group_id=group["id"])
    api.create("components", name="API", status=1, group_id=group["id"])
    expected = api.get("status", token=None).json()["data"]

    page = browser.open(api.emulator.url + "/")

    assert expected["status"] == "danger"
    assert texts(page, "#status .banner-message") == [expected["message"]]
    assert "banner-danger" in (page.get_attribute("#status", "class") or "")


def test_groups_open_or_collapse_by_their_collapsed_value(api: Api, browser: Browser) -> None:
    for order, (name, collapsed, status) in enumerate(
        (
            ("Expanded", 0, 1),
            ("Collapsed", 1, 4),
            ("Quiet unless trouble", 2, 1),
            ("In trouble", 2, 3),
        )
    ):
        group = api.create(
            "components/groups", name=name, visible=1, collapsed=collapsed, order=order
        )
        api.create("components", name=f"{name} part", status=status, group_id=group["id"])

    page = browser.open(api.emulator.url + "/")

    is_open = page.eval_on_selector_all(".group", "nodes => nodes.map(node => node.open)")
    assert texts(page, ".group .group-name") == [
        "Expanded",
        "Collapsed",
        "Quiet unless trouble",
        "In trouble",
    ]
    assert is_open == [True, False, False, True]


def test_incident_updates_read_newest_first_and_stickied_incidents_lead(
    api: Api, browser: Browser
) -> None:
    older = api.create(
        "incidents",
        name="Slow logins",
        message="Looking.",
        status=1,
        occurred_at=minutes_from_now(-90),
    )
    first = api.create(f"incidents/{older['id']}/updates", status=2, message="Cause found.")
    second = api.create(f"incidents/{older['id']}/updates", status=3, message="Fix **deployed**.")
    stickied = api.create(
        "incidents", name="Planned migration", message="Read this.", status=1, stickied=True
    )
    api.create("incidents", name="Internal drill", message="Hidden.", status=1, visible=0)

    page = browser.open(api.emulator.url + "/")

    assert texts(page, "#stickied .incident-name") == ["Planned migration"]
    assert texts(page, "#timeline .incident-name") == ["Planned migration", "Slow logins"]
    card = f'#timeline .incident[data-incident-id="{older["id"]}"]'
    assert attributes(page, f"{card} .update[data-update-id]", "data-update-id") == [
        str(second["id"]),
        str(first["id"]),
    ]
    assert texts(page, f"{card} .update .status-name") == ["Watching", "Identified"]
    assert texts(page, f"{card} .first-report .message") == ["Looking."]
    assert texts(page, f"{card} .incident-head .status-name") == ["Watching"]
    assert texts(page, f"{card} .update strong") == ["deployed"]
    assert "Internal drill" not in page.text_content("main")
    assert stickied["id"] != older["id"]


def test_maintenance_shows_ongoing_and_upcoming_windows(api: Api, browser: Browser) -> None:
    api.create(
        "schedules",
        name="Disk swap",
        status=1,
        scheduled_at=minutes_from_now(-30),
        completed_at=minutes_from_now(30),
    )
    api.create("schedules", name="Kernel update", status=0, scheduled_at=minutes_from_now(600))
    api.create("schedules", name="Done already", status=2, scheduled_at=minutes_from_now(-600))

    page = browser.open(api.emulator.url + "/")

    assert texts(page, "#maintenance .ongoing .incident-name") == ["Disk swap"]
    assert texts(page, "#maintenance .upcoming .incident-name") == ["Kernel update"]
    assert texts(page, "#maintenance .upcoming .status-name") == ["Upcoming"]
    assert "Done already" not in page.text_content("main")


def test_metric_charts_have_one_point_per_bucket_of_their_view(api: Api, browser: Browser) -> None:
    metric = {"suffix": "ms", "description": "", "default_value": 0, "calc_type": 0}
    hour = api.create("metrics", name="Latency", default_view=0, places=0, **metric)
    week = api.create("metrics", name="Signups", default_view=2, places=0, **metric)
    api.create("metrics", name="Not charted", default_view=0, display_chart=0, **metric)
    api.create(f"metrics/{hour['id']}/points", value=41)
    api.create(f"metrics/{week['id']}/points", value=5)
    api.create(f"metrics/{week['id']}/points", value=7)

    page = browser.open(api.emulator.url + "/")

    assert texts(page, "#metrics .metric-name") == ["Latency", "Signups"]
    hour_points = attributes(page, f"#metric-{hour['id']} circle.point", "data-value")
    week_points = attributes(page, f"#metric-{week['id']} circle.point", "data-value")
    assert len(hour_points) == 60
    assert len(week_points) == 7
    assert float(week_points[-1]) == 12  # calc_type 0: today's submissions add up
    assert 41 in [float(value) for value in hour_points[-2:]]  # this minute (or the next)
    assert texts(page, f"#metric-{hour['id']} .metric-view") == ["Last Hour · sum"]


def test_timeline_covers_the_configured_number_of_days(api: Api, browser: Browser) -> None:
    api.emulator.configure(incident_days=3)
    api.create(
        "incidents",
        name="Yesterday's",
        message="m",
        status=4,
        occurred_at=minutes_from_now(-24 * 60),
    )
    api.create(
        "incidents",
        name="Last week's",
        message="m",
        status=4,
        occurred_at=minutes_from_now(-5 * 24 * 60),
    )

    page = browser.open(api.emulator.url + "/")

    days = attributes(page, "#timeline .day", "data-day")
    assert len(days) == 3
    assert texts(page, "#timeline .incident-name") == ["Yesterday's"]
    assert len(texts(page, "#timeline .none")) == 2


def test_average_metric_shows_the_mean_of_its_submissions(api: Api, browser: Browser) -> None:
    metric = api.create(
        "metrics",
        name="Queue wait",
        suffix="s",
        description="",
        default_value=3,
        calc_type=1,
        default_view=3,
        places=1,
    )
    for value in (10, 20):
        api.create(f"metrics/{metric['id']}/points", value=value)

    page = browser.open(api.emulator.url + "/")

    values = [float(v) for v in attributes(page, "circle.point", "data-value")]
    assert len(values) == 30
    assert values[-1] == 15  # (10 + 20) / 2
    assert set(values[:-1]) == {3}  # days without points show the default value
    assert texts(page, "circle.point title")[-1].endswith(": 15.0 s")


def test_timeline_days_are_those_of_the_cachet_timezone(api: Api, browser: Browser) -> None:
    api.emulator.configure(timezone="Pacific/Kiritimati")  # UTC+14: days start 14 h earlier
    local_now = datetime.now(ZoneInfo("Pacific/Kiritimati"))
    api.create(
        "incidents",
        name="Early today",
        message="m",
        status=4,
        occurred_at=local_now.replace(hour=0, minute=5).strftime(MINUTE_FORMAT),
    )

    page = browser.open(api.emulator.url + "/")

    first_day = f'#timeline .day[data-day="{local_now.date().isoformat()}"]'
    assert texts(page, f"{first_day} .incident-name") == ["Early today"]
    assert "Times are shown in Pacific/Kiritimati." in page.text_content("footer")
