"""ping, version and status (mirrors core's GeneralTest, plus the status rules of spec 6.1)."""

from __future__ import annotations

from tests.emulator_v3.api import PAST, Api, insert_row


def test_can_ping_the_api(api: Api) -> None:
    response = api.guest_get("ping")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"data": "Pong!"}


def test_can_get_the_api_version(api: Api) -> None:
    assert api.guest_get("version").json() == {"data": {"version": "3.x-dev"}}


def _status(api: Api) -> str:
    status: str = api.guest_get("status").json()["data"]["status"]
    return status


def test_status_is_operational_with_no_components(api: Api) -> None:
    body = api.guest_get("status").json()
    assert body == {"data": {"status": "operational", "message": "All systems are operational."}}


def test_a_component_created_without_status_makes_the_status_a_partial_outage(api: Api) -> None:
    api.create("components", name="New")  # status 5, unknown (quirk 11)
    assert _status(api) == "partial_outage"


def test_major_outage_from_a_quarter_of_the_components(api: Api) -> None:
    for status in (4, 1, 1, 1):
        api.create("components", name="C", status=status)
    assert _status(api) == "major_outage"
    api.create("components", name="C", status=1)
    assert _status(api) == "partial_outage"


def test_the_major_outage_threshold_is_a_setting(api: Api) -> None:
    for status in (4, 1, 1, 1):
        api.create("components", name="C", status=status)
    api.configure(major_outage_threshold=50)
    assert _status(api) == "partial_outage"


def test_maintenance_wins_over_other_issues(api: Api) -> None:
    api.create("components", name="A", status=6)
    api.create("components", name="B", status=2)
    body = api.guest_get("status").json()["data"]
    assert body == {"status": "under_maintenance", "message": "Some systems are under maintenance."}


def test_a_public_unresolved_incident_makes_a_partial_outage(api: Api) -> None:
    api.create("components", name="A", status=1)
    api.create("incidents", name="Down", status=1, message="m", visible=True)
    assert _status(api) == "partial_outage"


def test_an_incident_for_token_holders_only_leaves_the_status_operational(api: Api) -> None:
    api.create("components", name="A", status=1)
    api.create("incidents", name="Down", status=1, message="m")  # visible 0 by default
    assert _status(api) == "operational"


def test_disabled_components_do_not_count(api: Api) -> None:
    api.create("components", name="A", status=4, enabled=False)
    api.create("components", name="B", status=1)
    assert _status(api) == "operational"


def test_an_impact_on_a_component_raises_its_effective_status(api: Api) -> None:
    component = api.create("components", name="A", status=1)
    impacts = [{"id": component["attributes"]["id"], "status": 4}]
    api.create("incidents", name="Down", status=1, message="m", visible=True, components=impacts)
    assert _status(api) == "major_outage"


def test_a_maintenance_in_progress_sets_the_effective_status(api: Api) -> None:
    component = api.create("components", name="A", status=1)
    window = [{"id": component["attributes"]["id"], "status": 6}]
    api.create("schedules", name="M", message="m", scheduled_at=PAST, components=window)
    assert _status(api) == "under_maintenance"
    shown = api.guest_get("components/1").json()["data"]["attributes"]
    assert shown["status"]["value"] == 1
    assert shown["latest_status"] == {"human": "Under maintenance", "value": 6}


def test_a_resolved_incident_no_longer_counts(api: Api) -> None:
    api.create("components", name="A", status=1)
    insert_row(api, "incidents", name="Old", status=4, visible=1, published_at=PAST)
    assert _status(api) == "operational"
