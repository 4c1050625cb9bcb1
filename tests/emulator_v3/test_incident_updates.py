"""Incident updates (mirrors core's IncidentUpdateTest, 23 tests, then spec 6.5 [code])."""

from __future__ import annotations

from typing import Any

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api, ids

BODY = {"status": 2, "message": "This is a test message."}


def _updates(api: Api) -> list[dict[str, Any]]:
    with api.emulator.store.transaction():
        return api.emulator.store.select("v3_updates")


def _incident_with_updates(api: Api, count: int, **values: Any) -> int:
    incident = rows.incident(api, **values)
    for _ in range(count):
        rows.update(api, "incident", incident)
    return incident


def test_can_list_incident_updates(api: Api) -> None:
    incident = _incident_with_updates(api, 2)
    assert len(api.guest_get(f"incidents/{incident}/updates").json()["data"]) == 2


def test_does_not_list_more_than_15_incident_updates_by_default(api: Api) -> None:
    incident = _incident_with_updates(api, 20)
    assert len(api.guest_get(f"incidents/{incident}/updates").json()["data"]) == 15


def test_can_list_more_than_15_incident_updates(api: Api) -> None:
    incident = _incident_with_updates(api, 20)
    response = api.guest_get(f"incidents/{incident}/updates?per_page=18")
    assert len(response.json()["data"]) == 18


def test_sorts_incident_updates_by_id_by_default(api: Api) -> None:
    incident = _incident_with_updates(api, 20)
    assert ids(api.guest_get(f"incidents/{incident}/updates"))[:5] == [1, 2, 3, 4, 5]


def test_can_sort_incident_updates_by_status(api: Api) -> None:
    incident = rows.incident(api)
    for status in (3, 1, 4, 2, 3):
        rows.update(api, "incident", incident, status=status)
    assert ids(api.guest_get(f"incidents/{incident}/updates?sort=status")) == [2, 4, 1, 5, 3]


def test_can_sort_incident_updates_by_created_date(api: Api) -> None:
    for _ in range(5):
        rows.incident(api)
    incident = rows.incident(api)
    for day in ("2022-01-01", "2020-01-01", "2023-01-01", "2021-01-01"):
        rows.update(api, "incident", incident, created_at=day + " 00:00:00")
    assert ids(api.guest_get(f"incidents/{incident}/updates?sort=created_at")) == [2, 4, 1, 3]


def test_can_filter_incident_updates_by_status(api: Api) -> None:
    incident = _incident_with_updates(api, 1, status=1)
    wanted = rows.update(api, "incident", incident, status=3)
    assert ids(api.guest_get(f"incidents/{incident}/updates?filter[status]=3")) == [wanted]


def test_can_get_an_incident_update(api: Api) -> None:
    for _ in range(5):
        _incident_with_updates(api, 1)
    incident = _incident_with_updates(api, 1)
    data = api.guest_get(f"incidents/{incident}/updates/6").json()["data"]
    assert (data["type"], data["attributes"]["id"], data["attributes"]["updateable_id"]) == (
        "updates",
        6,
        incident,
    )


def test_can_list_incident_updates_with_the_incident_included(api: Api) -> None:
    incident = _incident_with_updates(api, 2)
    body = api.guest_get(f"incidents/{incident}/updates?include=incident").json()
    assert len(body["data"]) == 2
    assert [(item["type"], item["id"]) for item in body["included"]] == [
        ("incidents", str(incident))
    ]


def test_can_get_an_incident_update_with_incident(api: Api) -> None:
    incident = _incident_with_updates(api, 1)
    body = api.guest_get(f"incidents/{incident}/updates/1?include=incident").json()
    assert body["data"]["relationships"]["incident"] == {
        "data": {"type": "incidents", "id": str(incident)}
    }


def test_cannot_create_an_incident_update_if_not_authenticated(api: Api) -> None:
    incident = rows.incident(api)
    assert api.post(f"incidents/{incident}/updates", json=BODY, token=None).status_code == 401
    assert _updates(api) == []


def test_cannot_create_an_incident_update_without_the_token_ability(api: Api) -> None:
    incident = rows.incident(api)
    token = api.token_with("incidents.manage")
    assert api.post(f"incidents/{incident}/updates", json=BODY, token=token).status_code == 403
    assert _updates(api) == []


def test_can_create_an_incident_update(api: Api) -> None:
    incident = rows.incident(api, status=1)
    token = api.token_with("incident-updates.manage")
    response = api.post(f"incidents/{incident}/updates", json=BODY, token=token)
    assert response.status_code == 201
    stored = _updates(api)
    assert [(u["status"], u["message"]) for u in stored] == [(2, "This is a test message.")]
    # The incident takes the status of its newest update.
    assert (
        api.guest_get(f"incidents/{incident}").json()["data"]["attributes"]["status"]["value"] == 2
    )


def test_cannot_update_an_incident_update_if_not_authenticated(api: Api) -> None:
    incident = _incident_with_updates(api, 1)
    path = f"incidents/{incident}/updates/1"
    assert api.put(path, json={"message": "Changed."}, token=None).status_code == 401


def test_cannot_update_an_incident_update_without_the_token_ability(api: Api) -> None:
    incident = _incident_with_updates(api, 1)
    token = api.token_with("incidents.manage")
    path = f"incidents/{incident}/updates/1"
    assert api.put(path, json={"message": "Changed."}, token=token).status_code == 403
    assert _updates(api)[0]["message"] == "Update."


def test_can_update_an_incident_update(api: Api) -> None:
    incident = _incident_with_updates(api, 1)
    token = api.token_with("incident-updates.manage")
    path = f"incidents/{incident}/updates/1"
    response = api.put(path, json={"message": "This is an updated message."}, token=token)
    assert response.status_code == 200
    assert [(u["status"], u["message"]) for u in _updates(api)] == [
        (1, "This is an updated message.")
    ]


def test_cannot_delete_an_incident_update_if_not_authenticated(api: Api) -> None:
    incident = _incident_with_updates(api, 1)
    assert api.delete(f"incidents/{incident}/updates/1", token=None).status_code == 401


def test_cannot_delete_an_incident_update_without_the_token_ability(api: Api) -> None:
    incident = _incident_with_updates(api, 1)
    token = api.token_with("incident-updates.manage")
    assert api.delete(f"incidents/{incident}/updates/1", token=token).status_code == 403
    assert len(_updates(api)) == 1


def test_can_delete_an_incident_update(api: Api) -> None:
    incident = _incident_with_updates(api, 1)
    token = api.token_with("incident-updates.delete")
    assert api.delete(f"incidents/{incident}/updates/1", token=token).status_code == 204
    assert _updates(api) == []


def test_cannot_delete_an_incident_update_from_another_incident(api: Api) -> None:
    rows.incident(api)
    other = _incident_with_updates(api, 1)
    response = api.delete("incidents/1/updates/1")
    assert response.status_code == 404
    assert response.json() == {"message": "No query results for model [Cachet\\Models\\Update] 1"}
    assert [u["updateable_id"] for u in _updates(api)] == [other]


def test_does_not_list_updates_of_an_incident_hidden_from_guests(api: Api) -> None:
    incident = _incident_with_updates(api, 2, visible=2)
    response = api.guest_get(f"incidents/{incident}/updates")
    assert (response.status_code, response.json()) == (404, {"message": ""})


def test_does_not_show_an_update_of_an_incident_hidden_from_guests(api: Api) -> None:
    incident = _incident_with_updates(api, 1, visible=2)
    assert api.guest_get(f"incidents/{incident}/updates/1").status_code == 404


def test_lists_updates_of_an_authenticated_incident_to_authenticated_users(api: Api) -> None:
    incident = _incident_with_updates(api, 2, visible=0)
    token = api.token_with("metrics.manage")
    assert len(api.get(f"incidents/{incident}/updates", token=token).json()["data"]) == 2


# -- spec 6.5 [code] behaviours -----------------------------------------------------------------


def test_deleting_the_newest_update_resyncs_the_incident_status(api: Api) -> None:
    incident = rows.incident(api, status=1)
    api.post(f"incidents/{incident}/updates", json={"status": 2, "message": "a"})
    api.post(f"incidents/{incident}/updates", json={"status": 4, "message": "b"})
    assert api.get(f"incidents/{incident}").json()["data"]["attributes"]["status"]["value"] == 4
    api.delete(f"incidents/{incident}/updates/2")
    assert api.get(f"incidents/{incident}").json()["data"]["attributes"]["status"]["value"] == 2


def test_updates_of_an_embargoed_incident_are_hidden_unless_incidents_manage(api: Api) -> None:
    incident = _incident_with_updates(api, 1, published_at=rows.FUTURE)
    assert api.get(f"incidents/{incident}/updates", token=api.token_with()).status_code == 200
    token = api.token_with("incident-updates.manage")
    assert api.get(f"incidents/{incident}/updates", token=token).status_code == 404


def test_an_update_needs_a_status_and_a_message(api: Api) -> None:
    incident = rows.incident(api)
    response = api.post(f"incidents/{incident}/updates", json={"status": 9})
    assert response.json() == {
        "message": "The selected status is invalid. (and 1 more error)",
        "errors": {
            "status": ["The selected status is invalid."],
            "message": ["The message field is required."],
        },
    }
