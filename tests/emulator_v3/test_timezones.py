"""Input dates normalised to the app timezone (mirrors core's TimezoneNormalizationTest, 9).

The emulator stores UTC and shows the app timezone (the `timezone` setting), so where core
checks its database these tests read the time back through the API.
"""

from __future__ import annotations

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api

INCIDENT = {"name": "Incident", "message": "Something went wrong.", "status": 1}


def _berlin(api: Api) -> None:
    api.configure(timezone="Europe/Berlin")


def _shown(api: Api, path: str, member: str) -> str:
    value: str = api.get(path).json()["data"]["attributes"][member]["string"]
    return value


def test_normalizes_incident_occurred_at_with_a_utc_designator_to_the_app_timezone(
    api: Api,
) -> None:
    _berlin(api)
    data = api.create("incidents", **INCIDENT, occurred_at="2026-08-06T18:31:37Z")
    assert data["attributes"]["occurred"]["string"] == "2026-08-06 20:31:37"
    assert _shown(api, "incidents/1", "occurred") == "2026-08-06 20:31:37"


def test_normalizes_incident_occurred_at_with_an_explicit_offset_to_the_app_timezone(
    api: Api,
) -> None:
    _berlin(api)
    data = api.create("incidents", **INCIDENT, occurred_at="2026-08-06T18:31:37+05:30")
    assert data["attributes"]["occurred"]["string"] == "2026-08-06 15:01:37"


def test_interprets_offset_less_incident_occurred_at_as_app_timezone_wall_clock(api: Api) -> None:
    _berlin(api)
    data = api.create("incidents", **INCIDENT, occurred_at="2026-08-06 18:31:37")
    assert data["attributes"]["occurred"]["string"] == "2026-08-06 18:31:37"
    api.configure(timezone="UTC")
    assert _shown(api, "incidents/1", "occurred") == "2026-08-06 16:31:37"


def test_normalizes_incident_published_at_with_an_explicit_offset_to_the_app_timezone(
    api: Api,
) -> None:
    _berlin(api)
    api.create("incidents", **INCIDENT, published_at="2026-08-06T18:31:37+05:30")
    assert _shown(api, "incidents/1", "published") == "2026-08-06 15:01:37"


def test_normalizes_occurred_at_on_incident_update(api: Api) -> None:
    _berlin(api)
    incident = rows.incident(api)
    api.put(f"incidents/{incident}", json={"occurred_at": "2026-08-06T18:31:37+05:30"})
    assert _shown(api, f"incidents/{incident}", "occurred") == "2026-08-06 15:01:37"


def test_normalizes_schedule_scheduled_at_and_completed_at_with_explicit_offsets_to_the_app_timezone(  # noqa: E501
    api: Api,
) -> None:
    _berlin(api)
    body = {
        "name": "Maintenance",
        "message": "Something will go wrong.",
        "scheduled_at": "2026-08-06T18:31:37Z",
        "completed_at": "2026-08-06T22:31:37+05:30",
    }
    attributes = api.create("schedules", **body)["attributes"]
    assert attributes["scheduled"]["string"] == "2026-08-06 20:31:37"
    assert attributes["completed"]["string"] == "2026-08-06 19:01:37"


def test_normalizes_completed_at_with_an_explicit_offset_on_schedule_update(api: Api) -> None:
    _berlin(api)
    schedule = rows.schedule(api)
    api.put(f"schedules/{schedule}", json={"completed_at": "2026-08-06T18:31:37+05:30"})
    assert _shown(api, f"schedules/{schedule}", "completed") == "2026-08-06 15:01:37"


def test_normalizes_an_iso_8601_metric_point_timestamp_with_an_explicit_offset_to_the_app_timezone(
    api: Api,
) -> None:
    _berlin(api)
    metric = rows.metric(api)
    body = {"value": 1, "timestamp": "2026-08-06T18:31:30+05:30"}
    data = api.post(f"metrics/{metric}/points", json=body).json()["data"]
    assert data["attributes"]["created"]["string"] == "2026-08-06 15:01:30"


def test_normalizes_incident_occurred_at_with_an_explicit_offset_when_the_app_timezone_is_utc(
    api: Api,
) -> None:
    data = api.create("incidents", **INCIDENT, occurred_at="2026-08-06T18:31:37+05:30")
    assert data["attributes"]["occurred"]["string"] == "2026-08-06 13:01:37"
