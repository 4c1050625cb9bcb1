"""Schedules (mirrors core's ScheduleTest, 36 tests, then spec 6.9 [code])."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.emulator_v3 import rows
from tests.emulator_v3.api import PAST, Api, ids

NEXT_WEEK = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() + 7 * 86400))
NEXT_WEEK_AND_A_DAY = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() + 8 * 86400))
BODY = {
    "name": "New Scheduled Maintenance",
    "message": "Something will go wrong.",
    "scheduled_at": NEXT_WEEK,
    "completed_at": NEXT_WEEK_AND_A_DAY,
}


def _schedule_row(api: Api, schedule_id: int) -> dict[str, Any] | None:
    with api.emulator.store.transaction():
        return api.emulator.store.find("v3_schedules", schedule_id, with_deleted=True)


def _pivots(api: Api) -> list[dict[str, Any]]:
    with api.emulator.store.transaction():
        return api.emulator.store.select("v3_schedule_components")


def _schedules(api: Api, count: int, **values: Any) -> list[int]:
    return [rows.schedule(api, **values) for _ in range(count)]


def test_can_list_schedules(api: Api) -> None:
    _schedules(api, 2)
    assert len(api.guest_get("schedules").json()["data"]) == 2


def test_does_not_list_more_than_15_schedules_by_default(api: Api) -> None:
    _schedules(api, 20)
    assert len(api.guest_get("schedules").json()["data"]) == 15


def test_can_list_more_than_15_schedules(api: Api) -> None:
    _schedules(api, 20)
    assert len(api.guest_get("schedules?per_page=18").json()["data"]) == 18


def test_sorts_schedules_by_id_by_default(api: Api) -> None:
    for name in "edcba":
        rows.schedule(api, name=name)
    assert ids(api.guest_get("schedules")) == [1, 2, 3, 4, 5]


def test_can_sort_schedules_by_name(api: Api) -> None:
    for name in "cabed":
        rows.schedule(api, name=name)
    assert ids(api.guest_get("schedules?sort=name")) == [2, 3, 1, 5, 4]


DAYS = ("2022-01-01 00:00:00", "2020-01-01 00:00:00", "2023-01-01 00:00:00", "2021-01-01 00:00:00")


def test_can_sort_schedules_by_scheduled_at_date(api: Api) -> None:
    for day in DAYS:
        rows.schedule(api, scheduled_at=day)
    assert ids(api.guest_get("schedules?sort=scheduled_at")) == [2, 4, 1, 3]


def test_can_sort_schedules_by_completed_at_date(api: Api) -> None:
    for day in DAYS:
        rows.schedule(api, completed_at=day)
    assert ids(api.guest_get("schedules?sort=completed_at")) == [2, 4, 1, 3]


def test_can_filter_schedules_by_name(api: Api) -> None:
    _schedules(api, 20)
    wanted = rows.schedule(api, name="Name to filter by.")
    assert ids(api.guest_get("schedules", params={"filter[name]": "Name to filter by."})) == [
        wanted
    ]


def _one_of_each(api: Api) -> tuple[int, int, int]:
    upcoming = rows.schedule(api, scheduled_at=rows.FUTURE)
    complete = rows.schedule(api, completed_at="2021-01-01 00:00:00")
    in_progress = rows.schedule(api)
    return upcoming, complete, in_progress


def test_can_filter_schedules_by_status_upcoming(api: Api) -> None:
    upcoming, _, _ = _one_of_each(api)
    data = api.guest_get("schedules?filter[status]=0").json()["data"]
    assert [item["attributes"]["id"] for item in data] == [upcoming]
    assert data[0]["attributes"]["status"] == {"human": "Upcoming", "value": 0}


def test_can_filter_schedules_by_status_complete(api: Api) -> None:
    _, complete, _ = _one_of_each(api)
    assert ids(api.guest_get("schedules?filter[status]=2")) == [complete]


def test_can_filter_schedules_by_status_in_progress(api: Api) -> None:
    _, _, in_progress = _one_of_each(api)
    assert ids(api.guest_get("schedules?filter[status]=1")) == [in_progress]


def test_can_filter_schedules_by_multiple_statuses(api: Api) -> None:
    _, complete, in_progress = _one_of_each(api)
    assert ids(api.guest_get("schedules?filter[status]=1,2")) == [complete, in_progress]


def test_can_filter_schedules_by_meta(api: Api) -> None:
    _schedules(api, 5)
    wanted = rows.schedule(api)
    rows.meta(api, "schedule", wanted, {"region": "eu-west"})
    assert ids(api.guest_get("schedules?filter[meta][region]=eu-west")) == [wanted]


def test_can_create_a_schedule_with_meta(api: Api) -> None:
    meta = {"region": "eu-west", "priority": 3, "critical": True}
    body = {"name": "Test", "message": "Scheduled maintenance.", "scheduled_at": NEXT_WEEK}
    token = api.token_with("schedules.manage")
    assert api.post("schedules", json={**body, "meta": meta}, token=token).status_code == 201
    assert api.get("schedules/1?include=meta").json()["data"]["attributes"]["meta"] == meta


def test_can_include_meta_on_a_schedule(api: Api) -> None:
    schedule = rows.schedule(api)
    meta = {"region": "eu-west", "priority": 3, "critical": True}
    rows.meta(api, "schedule", schedule, meta)
    body = api.guest_get(f"schedules/{schedule}?include=meta").json()
    assert body["data"]["attributes"]["meta"] == meta


def test_does_not_include_meta_on_a_schedule_by_default(api: Api) -> None:
    schedule = rows.schedule(api)
    rows.meta(api, "schedule", schedule, {"region": "eu-west"})
    assert "meta" not in api.guest_get(f"schedules/{schedule}").json()["data"]["attributes"]


def test_can_get_a_schedule(api: Api) -> None:
    schedule = rows.schedule(api)
    data = api.guest_get(f"schedules/{schedule}").json()["data"]
    assert (data["type"], data["attributes"]["id"]) == ("schedules", schedule)
    assert data["attributes"]["status"] == {"human": "In progress", "value": 1}


def test_can_get_a_schedule_with_components_and_their_groups(api: Api) -> None:
    group = rows.group(api, name="The group")
    component = rows.component(api, component_group_id=group)
    schedule = rows.schedule(api)
    rows.attach(
        api, "schedule_components", schedule_id=schedule, component_id=component, component_status=3
    )
    body = api.guest_get(f"schedules/{schedule}?include=components.group").json()
    assert [(item["type"], item["id"]) for item in body["included"]] == [
        ("components", str(component)),
        ("componentGroups", str(group)),
    ]


def test_cannot_create_a_schedule_if_not_authenticated(api: Api) -> None:
    assert api.post("schedules", json=BODY, token=None).status_code == 401
    assert _schedule_row(api, 1) is None


def test_cannot_create_a_schedule_without_the_token_ability(api: Api) -> None:
    token = api.token_with("schedule-updates.manage")
    assert api.post("schedules", json=BODY, token=token).status_code == 403
    assert _schedule_row(api, 1) is None


def test_can_create_a_schedule(api: Api) -> None:
    response = api.post("schedules", json=BODY, token=api.token_with("schedules.manage"))
    assert response.status_code == 201
    attributes = response.json()["data"]["attributes"]
    assert attributes["name"] == BODY["name"]
    assert attributes["scheduled"]["string"] == NEXT_WEEK
    assert attributes["completed"]["string"] == NEXT_WEEK_AND_A_DAY
    assert _pivots(api) == []


def test_can_create_a_schedule_with_iso_8601_dates(api: Api) -> None:
    body = {**BODY, "scheduled_at": "2033-11-07T05:31:56Z", "completed_at": "2033-11-08T05:31:56Z"}
    attributes = api.create("schedules", **body)["attributes"]
    assert (attributes["scheduled"]["string"], attributes["completed"]["string"]) == (
        "2033-11-07 05:31:56",
        "2033-11-08 05:31:56",
    )


def test_can_create_a_schedule_with_iso_8601_dates_carrying_a_non_utc_offset(api: Api) -> None:
    body = {
        **BODY,
        "scheduled_at": "2033-11-07T05:31:56+05:30",
        "completed_at": "2033-11-08T05:31:56+05:30",
    }
    attributes = api.create("schedules", **body)["attributes"]
    assert (attributes["scheduled"]["string"], attributes["completed"]["string"]) == (
        "2033-11-07 00:01:56",
        "2033-11-08 00:01:56",
    )


def test_responds_with_a_json_validation_error_when_the_accept_header_is_not_set(
    api: Api,
) -> None:
    response = api.post(
        "schedules",
        data={"name": "Missing Message and Scheduled At"},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"
    assert list(response.json()["errors"]) == ["message", "scheduled_at"]


def test_cannot_create_a_schedule_with_a_component_missing_a_status(api: Api) -> None:
    component = rows.component(api)
    response = api.post("schedules", json={**BODY, "components": [{"id": component}]})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "components.0.status": ["The components.0.status field is required."]
    }


def test_can_create_a_schedule_with_components(api: Api) -> None:
    first, second = rows.components(api, 2)
    body = {**BODY, "components": [{"id": first, "status": 3}, {"id": second, "status": 4}]}
    assert api.post("schedules", json=body).status_code == 201
    assert [(p["component_id"], p["component_status"]) for p in _pivots(api)] == [
        (first, 3),
        (second, 4),
    ]


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({"name": "Missing Message", "message": None}, ["message", "scheduled_at"]),
        ({"name": None, "message": "Missing Name & Scheduled At"}, ["name", "scheduled_at"]),
        (
            {"name": "Invalid Scheduled At", "message": "Something", "scheduled_at": "invalid"},
            ["scheduled_at"],
        ),
    ],
)
def test_cannot_create_a_schedule_with_bad_data(
    api: Api, payload: dict[str, Any], fields: list[str]
) -> None:
    response = api.post("schedules", json=payload)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == fields


def test_cannot_update_a_schedule_if_not_authenticated(api: Api) -> None:
    schedule = rows.schedule(api)
    assert api.put(f"schedules/{schedule}", json={"name": "U"}, token=None).status_code == 401


def test_cannot_update_a_schedule_without_the_token_ability(api: Api) -> None:
    schedule = rows.schedule(api)
    token = api.token_with("schedules.delete")
    assert api.put(f"schedules/{schedule}", json={"name": "U"}, token=token).status_code == 403
    row = _schedule_row(api, schedule)
    assert row is not None and row["name"] == "Schedule"


def test_can_update_a_schedule(api: Api) -> None:
    schedule = rows.schedule(api)
    body = {"name": "Updated Scheduled Maintenance", "message": "Something went wrong."}
    response = api.put(f"schedules/{schedule}", json=body, token=api.token_with("schedules.manage"))
    assert response.json()["data"]["attributes"]["name"] == "Updated Scheduled Maintenance"


def test_can_update_a_schedule_completed_at(api: Api) -> None:
    schedule = rows.schedule(api, completed_at=None)
    api.put(f"schedules/{schedule}", json={"completed_at": "2026-06-11 10:00:00"})
    row = _schedule_row(api, schedule)
    assert row is not None and row["completed_at"] == "2026-06-11 10:00:00"


def test_can_update_a_schedule_with_components(api: Api) -> None:
    first, second = rows.components(api, 2)
    schedule = rows.schedule(api)
    body = {
        "name": "Updated",
        "components": [{"id": first, "status": 3}, {"id": second, "status": 4}],
    }
    document = api.put(f"schedules/{schedule}?include=components", json=body).json()
    assert document["data"]["attributes"]["name"] == "Updated"
    assert len(document["data"]["relationships"]["components"]["data"]) == 2


def test_cannot_delete_a_schedule_if_not_authenticated(api: Api) -> None:
    schedule = rows.schedule(api)
    assert api.delete(f"schedules/{schedule}", token=None).status_code == 401


def test_cannot_delete_a_schedule_without_the_token_ability(api: Api) -> None:
    schedule = rows.schedule(api)
    token = api.token_with("schedules.manage")
    assert api.delete(f"schedules/{schedule}", token=token).status_code == 403


def test_can_delete_a_schedule(api: Api) -> None:
    schedule = rows.schedule(api)
    assert (
        api.delete(f"schedules/{schedule}", token=api.token_with("schedules.delete")).status_code
        == 204
    )
    row = _schedule_row(api, schedule)
    assert row is not None and row["deleted_at"] is not None  # soft-deleted
    assert api.get(f"schedules/{schedule}").status_code == 404


def test_does_not_reveal_component_groups_hidden_from_guests_through_schedule_includes(
    api: Api,
) -> None:
    component = rows.component(api, component_group_id=rows.group(api, visible=2))
    schedule = rows.schedule(api)
    rows.attach(
        api, "schedule_components", schedule_id=schedule, component_id=component, component_status=6
    )
    body = api.guest_get(f"schedules/{schedule}?include=components.group").json()
    assert [item["type"] for item in body["included"]] == ["components"]


# -- spec 6.9 [code] behaviours -----------------------------------------------------------------


def test_unpublished_schedules_are_hidden_unless_schedules_manage(api: Api) -> None:
    schedule = rows.schedule(api, published_at=rows.FUTURE)
    assert api.guest_get(f"schedules/{schedule}").status_code == 404
    assert api.get("schedules", token=api.token_with("incidents.manage")).json()["data"] == []
    assert ids(api.get("schedules", token=api.token_with("schedules.manage"))) == [schedule]


def test_update_components_replace_the_set_and_an_empty_list_keeps_it(api: Api) -> None:
    first, second = rows.components(api, 2)
    schedule = rows.schedule(api)
    rows.attach(
        api, "schedule_components", schedule_id=schedule, component_id=first, component_status=6
    )
    api.put(f"schedules/{schedule}", json={"components": [{"id": second, "status": 2}]})
    assert [p["component_id"] for p in _pivots(api)] == [second]
    api.put(f"schedules/{schedule}", json={"components": []})
    assert [p["component_id"] for p in _pivots(api)] == [second]


def test_include_user_is_allowed_but_fails(api: Api) -> None:
    """Quirk 13: Schedule has no user relation; Cachet answers 500."""
    schedule = rows.schedule(api)
    response = api.guest_get(f"schedules/{schedule}?include=user")
    assert (response.status_code, response.json()) == (500, {"message": "Server Error"})


def test_a_schedule_in_the_past_is_complete(api: Api) -> None:
    schedule = rows.schedule(api, scheduled_at=PAST, completed_at="2020-01-02 00:00:00")
    status = api.guest_get(f"schedules/{schedule}").json()["data"]["attributes"]["status"]
    assert status == {"human": "Complete", "value": 2}
