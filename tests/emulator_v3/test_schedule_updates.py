"""Schedule updates (mirrors core's ScheduleUpdateTest, 18 tests, then spec 6.10 [code]).

Core names six of its tests after the schedule; the docstrings here give those names.
"""

from __future__ import annotations

from typing import Any

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api, ids


def _updates(api: Api) -> list[dict[str, Any]]:
    with api.emulator.store.transaction():
        return api.emulator.store.select("v3_updates")


def _schedule_with_updates(api: Api, count: int, **values: Any) -> int:
    schedule = rows.schedule(api, **values)
    for _ in range(count):
        rows.update(api, "schedule", schedule)
    return schedule


def test_can_list_schedule_updates(api: Api) -> None:
    schedule = _schedule_with_updates(api, 2)
    assert len(api.guest_get(f"schedules/{schedule}/updates").json()["data"]) == 2


def test_does_not_list_more_than_15_schedule_updates_by_default(api: Api) -> None:
    schedule = _schedule_with_updates(api, 20)
    assert len(api.guest_get(f"schedules/{schedule}/updates").json()["data"]) == 15


def test_can_list_more_than_15_schedule_updates(api: Api) -> None:
    schedule = _schedule_with_updates(api, 20)
    response = api.guest_get(f"schedules/{schedule}/updates?per_page=18")
    assert len(response.json()["data"]) == 18


def test_sorts_schedule_updates_by_id_by_default(api: Api) -> None:
    schedule = _schedule_with_updates(api, 5)
    assert ids(api.guest_get(f"schedules/{schedule}/updates")) == [1, 2, 3, 4, 5]


def test_can_sort_schedule_updates_by_created_date(api: Api) -> None:
    schedule = rows.schedule(api)
    for day in ("2022-01-01", "2020-01-01", "2023-01-01", "2021-01-01"):
        rows.update(api, "schedule", schedule, created_at=day + " 00:00:00")
    assert ids(api.guest_get(f"schedules/{schedule}/updates?sort=created_at")) == [2, 4, 1, 3]


def test_can_get_an_schedule_update(api: Api) -> None:
    schedule = _schedule_with_updates(api, 1)
    attributes = api.guest_get(f"schedules/{schedule}/updates/1").json()["data"]["attributes"]
    assert (attributes["id"], attributes["updateable_type"]) == (1, "schedule")
    assert "status" not in attributes


def test_can_list_schedule_updates_with_the_schedule_included(api: Api) -> None:
    schedule = _schedule_with_updates(api, 2)
    body = api.guest_get(f"schedules/{schedule}/updates?include=schedule").json()
    assert len(body["data"]) == 2
    assert [(item["type"], item["id"]) for item in body["included"]] == [
        ("schedules", str(schedule))
    ]


def test_can_get_an_schedule_update_with_schedule(api: Api) -> None:
    schedule = _schedule_with_updates(api, 1)
    body = api.guest_get(f"schedules/{schedule}/updates/1?include=schedule").json()
    assert body["data"]["relationships"]["schedule"] == {
        "data": {"type": "schedules", "id": str(schedule)}
    }


def test_cannot_create_a_schedule_update_if_not_authenticated(api: Api) -> None:
    """Mirrors 'cannot create a schedule if not authenticated'."""
    schedule = rows.schedule(api)
    body = {"message": "This is a message."}
    assert api.post(f"schedules/{schedule}/updates", json=body, token=None).status_code == 401
    assert _updates(api) == []


def test_cannot_create_a_schedule_update_without_the_token_ability(api: Api) -> None:
    """Mirrors 'cannot create a schedule without the token ability'."""
    schedule = rows.schedule(api)
    token = api.token_with("schedules.manage")
    body = {"message": "This is a message."}
    assert api.post(f"schedules/{schedule}/updates", json=body, token=token).status_code == 403


def test_can_create_a_schedule_update(api: Api) -> None:
    schedule = rows.schedule(api)
    token = api.token_with("schedule-updates.manage")
    response = api.post(
        f"schedules/{schedule}/updates", json={"message": "This is a message."}, token=token
    )
    assert response.status_code == 201
    assert [u["message"] for u in _updates(api)] == ["This is a message."]


def test_cannot_update_a_schedule_update_if_not_authenticated(api: Api) -> None:
    """Mirrors 'cannot update a schedule if not authenticated'."""
    schedule = _schedule_with_updates(api, 1)
    path = f"schedules/{schedule}/updates/1"
    assert api.put(path, json={"message": "Changed."}, token=None).status_code == 401


def test_cannot_update_a_schedule_update_without_the_token_ability(api: Api) -> None:
    """Mirrors 'cannot update a schedule without the token ability'."""
    schedule = _schedule_with_updates(api, 1)
    token = api.token_with("schedules.manage")
    path = f"schedules/{schedule}/updates/1"
    assert api.put(path, json={"message": "Changed."}, token=token).status_code == 403


def test_can_update_an_schedule_update(api: Api) -> None:
    schedule = _schedule_with_updates(api, 1)
    token = api.token_with("schedule-updates.manage")
    path = f"schedules/{schedule}/updates/1"
    api.put(path, json={"message": "This is an updated message."}, token=token)
    assert [(u["status"], u["message"]) for u in _updates(api)] == [
        (None, "This is an updated message.")
    ]


def test_cannot_delete_a_schedule_update_if_not_authenticated(api: Api) -> None:
    """Mirrors 'cannot delete a schedule if not authenticated'."""
    schedule = _schedule_with_updates(api, 1)
    assert api.delete(f"schedules/{schedule}/updates/1", token=None).status_code == 401


def test_cannot_delete_a_schedule_update_without_the_token_ability(api: Api) -> None:
    """Mirrors 'cannot delete a schedule without the token ability'."""
    schedule = _schedule_with_updates(api, 1)
    token = api.token_with("schedule-updates.manage")
    assert api.delete(f"schedules/{schedule}/updates/1", token=token).status_code == 403


def test_can_delete_an_schedule_update(api: Api) -> None:
    schedule = _schedule_with_updates(api, 1)
    token = api.token_with("schedule-updates.delete")
    assert api.delete(f"schedules/{schedule}/updates/1", token=token).status_code == 204
    assert _updates(api) == []


def test_cannot_delete_an_schedule_update_from_another_schedule(api: Api) -> None:
    rows.schedule(api)
    _schedule_with_updates(api, 1)
    assert api.delete("schedules/1/updates/1").status_code == 404
    assert len(_updates(api)) == 1


# -- spec 6.10 [code] behaviours ----------------------------------------------------------------


def test_updates_of_an_unpublished_schedule_are_readable(api: Api) -> None:
    """Quirk 14: the schedule's publication is not checked."""
    schedule = _schedule_with_updates(api, 1, published_at=rows.FUTURE)
    assert api.guest_get(f"schedules/{schedule}").status_code == 404
    assert len(api.guest_get(f"schedules/{schedule}/updates").json()["data"]) == 1


def test_an_update_with_completed_at_ends_the_schedule(api: Api) -> None:
    schedule = rows.schedule(api)
    body = {"message": "Done.", "completed_at": "2021-01-01 00:00:00"}
    api.post(f"schedules/{schedule}/updates", json=body)
    status = api.guest_get(f"schedules/{schedule}").json()["data"]["attributes"]["status"]
    assert status["value"] == 2


def test_an_incident_update_is_not_a_schedule_update(api: Api) -> None:
    schedule = rows.schedule(api)
    rows.update(api, "incident", rows.incident(api))
    assert api.guest_get(f"schedules/{schedule}/updates/1").status_code == 404
