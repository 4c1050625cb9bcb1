"""Incident updates (spec section 10) over HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.emulator.api import Api, details_of, errors_of, not_found_detail
from tests.emulator.json_values import fuzzing

CREATE_KEYS = [
    "incident_id", "status", "message", "user_id", "updated_at", "created_at", "id", "incident",
    "human_status", "permalink",
]  # fmt: skip
GET_KEYS = [
    "id", "incident_id", "status", "message", "user_id", "created_at", "updated_at",
    "human_status", "permalink",
]  # fmt: skip
INCIDENT_404 = not_found_detail("Incident")
UPDATE_404 = not_found_detail("IncidentUpdate")
FIXED = {"status": 4, "message": "Incident fixed!"}


def _incident(api: Api, **fields: Any) -> int:
    data = api.create("incidents", name="Database slow", status=1, message="m", **fields)
    incident_id: int = data["id"]
    return incident_id


def _update(api: Api, incident_id: int, status: int = 2, message: str = "Found it") -> int:
    data = api.create(f"incidents/{incident_id}/updates", status=status, message=message)
    update_id: int = data["id"]
    return update_id


def _insert_update(api: Api, incident_id: int, created_at: str, status: int = 2) -> int:
    values = {"incident_id": incident_id, "status": status, "message": "m", "user_id": 1}
    with api.emulator.store.transaction():
        stamps = {"created_at": created_at, "updated_at": created_at}
        return api.emulator.store.insert("incident_updates", {**values, **stamps})


def test_create_has_its_own_shape_with_the_incident_embedded_quirks_1_28(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    incident = _incident(api)
    response = api.post(f"incidents/{incident}/updates", json=FIXED)
    data = response.json()["data"]
    assert response.status_code == 200 and list(data) == CREATE_KEYS
    assert (data["incident_id"], data["status"], data["user_id"]) == (incident, 4, 1)
    assert data["human_status"] == "Fixed"
    assert data["permalink"] == f"{api.emulator.url}/incidents/{incident}#update-{data['id']}"
    embedded = data["incident"]
    assert embedded["status"] == 4 and embedded["is_resolved"] is True
    assert [u["id"] for u in embedded["updates"]] == [data["id"]]
    keys = list(embedded)
    assert keys.index("component") == keys.index("updates") + 1
    assert keys[keys.index("component") + 1] == "human_status"
    assert embedded["component"] is None and "deleted_at" in embedded


def test_embedded_incident_shows_its_component(api: Api) -> None:
    component = api.create("components", name="API", status=1)
    incident = _incident(api, component_id=component["id"], component_status=2)
    data = api.create(f"incidents/{incident}/updates", **FIXED)
    assert data["incident"]["component"]["name"] == "API"
    assert data["incident"]["component"]["status"] == 2


def test_embedded_hidden_incident_has_no_component_key(api: Api) -> None:
    incident = _incident(api, visible=0)
    data = api.create(f"incidents/{incident}/updates", **FIXED)
    assert "component" not in data["incident"]


def test_create_sets_the_parent_status_but_not_visible_or_stickied_quirk_15(api: Api) -> None:
    incident = _incident(api, visible=0, stickied=True)
    _update(api, incident, status=3)
    data = api.get(f"incidents/{incident}").json()["data"]
    assert (data["status"], data["visible"], data["stickied"]) == (3, 0, True)


def test_create_ignores_component_fields_after_validating_them_quirk_15(api: Api) -> None:
    component = api.create("components", name="API", status=1)
    fields = {**FIXED, "component_id": component["id"], "component_status": 4}
    api.create(f"incidents/{_incident(api)}/updates", **fields)
    assert api.get(f"components/{component['id']}").json()["data"]["status"] == 1


def test_create_with_empty_body_lists_both_required_fields(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.post(f"incidents/{_incident(api)}/updates")
    assert details_of(response) == [
        "The status field is required.",
        "The message field is required.",
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": 0}, "The status must be at least 1."),
        ({"status": 5}, "The status may not be greater than 4."),
        ({"status": "x"}, "The status must be an integer."),
        ({"message": 5}, "The message must be a string."),
        ({"message": "  "}, "The message field is required."),
        ({"component_id": 1},
         "The component status field is required when component id is present."),
        ({"component_status": 1},
         "The component id field is required when component status is present."),
        ({"component_id": "a", "component_status": 1}, "The component id must be an integer."),
        ({"component_id": 1, "component_status": 9},
         "The component status may not be greater than 4."),
    ],
)  # fmt: skip
def test_create_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    incident = _incident(api)
    response = api.post(f"incidents/{incident}/updates", json={**FIXED, **fields})
    assert details_of(response) == [message]
    assert api.get(f"incidents/{incident}/updates").json()["data"] == []
    assert api.get(f"incidents/{incident}").json()["data"]["status"] == 1


def test_show_and_list_use_the_get_shape(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    incident = _incident(api)
    update = _update(api, incident)
    data = api.get(f"incidents/{incident}/updates/{update}").json()["data"]
    assert list(data) == GET_KEYS and data["human_status"] == "Identified"
    listed = api.get(f"incidents/{incident}/updates").json()["data"]
    assert listed == [data]


def test_list_is_newest_first_and_sort_only_breaks_ties(api: Api) -> None:
    """Quirk 2: updates are listed newest first whatever `order` says."""
    incident = _incident(api)
    old = _insert_update(api, incident, "2020-01-01 00:00:00", status=4)
    new = _insert_update(api, incident, "2020-01-02 00:00:00", status=1)
    same = _insert_update(api, incident, "2020-01-02 00:00:00", status=3)
    ids = [u["id"] for u in api.get(f"incidents/{incident}/updates").json()["data"]]
    assert ids == [same, new, old]
    by_status = api.get(f"incidents/{incident}/updates?sort=status&order=asc").json()["data"]
    assert [u["id"] for u in by_status] == [same, new, old]
    by_id = api.get(f"incidents/{incident}/updates?sort=id").json()["data"]
    assert [u["id"] for u in by_id] == [same, new, old]


def test_list_shows_only_the_incidents_updates_and_paginates(api: Api) -> None:
    first, second = _incident(api), _incident(api)
    _update(api, first)
    _update(api, first)
    _update(api, second)
    body = api.get(f"incidents/{first}/updates?per_page=1").json()
    assert body["meta"]["pagination"]["total"] == 2 and body["meta"]["pagination"]["count"] == 1


def test_guests_see_updates_of_hidden_incidents(api: Api) -> None:
    incident = _incident(api, visible=0)
    update = _update(api, incident)
    assert len(api.get(f"incidents/{incident}/updates", token=None).json()["data"]) == 1
    assert api.get(f"incidents/{incident}/updates/{update}", token=None).status_code == 200


def test_nested_ids_are_not_checked_quirk_16(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    first, second = _incident(api), _incident(api)
    update = _update(api, second)
    shown = api.get(f"incidents/{first}/updates/{update}").json()["data"]
    assert shown["incident_id"] == second
    message = "Message updated :smile:"
    response = api.put(f"incidents/{first}/updates/{update}", json={"message": message})
    assert response.json()["data"]["message"] == message
    assert response.json()["data"]["incident_id"] == second
    assert api.delete(f"incidents/{first}/updates/{update}").status_code == 204
    assert api.get(f"incidents/{second}/updates").json()["data"] == []


def test_update_is_partial_and_makes_the_editor_its_user(api: Api) -> None:
    api.emulator.configure(api_keys=["SecondUserToken"])
    incident = _incident(api)
    update = _update(api, incident, status=2, message="Found it")
    path = f"incidents/{incident}/updates/{update}"
    response = api.put(path, json={"status": 3}, token="SecondUserToken")
    data = response.json()["data"]
    assert list(data) == GET_KEYS and "incident" not in data
    assert (data["status"], data["message"], data["user_id"]) == (3, "Found it", 2)


def test_update_does_not_change_the_parent_status_quirk_15(api: Api) -> None:
    incident = _incident(api)
    update = _update(api, incident, status=2)
    api.put(f"incidents/{incident}/updates/{update}", json={"status": 4})
    assert api.get(f"incidents/{incident}").json()["data"]["status"] == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": 0}, "The status must be at least 1."),
        ({"status": 7}, "The status may not be greater than 4."),
        ({"message": 3}, "The message must be a string."),
    ],
)
def test_update_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    incident = _incident(api)
    update = _update(api, incident)
    assert details_of(api.put(f"incidents/{incident}/updates/{update}", json=fields)) == [message]


def test_delete_is_hard_and_keeps_the_parent_status(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    incident = _incident(api)
    update = _update(api, incident, status=4)
    response = api.delete(f"incidents/{incident}/updates/{update}")
    assert response.status_code == 204 and response.content == b""
    assert api.get(f"incidents/{incident}/updates/{update}").status_code == 404
    data = api.get(f"incidents/{incident}").json()["data"]
    assert data["status"] == 4 and data["updates"] == []


@pytest.mark.parametrize(
    ("method", "path", "detail"),
    [
        ("GET", "incidents/9/updates", INCIDENT_404),
        ("POST", "incidents/9/updates", INCIDENT_404),
        ("GET", "incidents/1/updates/9", UPDATE_404),
        ("PUT", "incidents/1/updates/9", UPDATE_404),
        ("DELETE", "incidents/1/updates/9", UPDATE_404),
        ("GET", "incidents/9/updates/1", INCIDENT_404),
        ("DELETE", "incidents/9/updates/9", INCIDENT_404),
    ],
)
def test_unknown_ids_are_404_and_the_first_unknown_wins(
    api: Api, method: str, path: str, detail: str
) -> None:
    _update(api, _incident(api))
    response = api.request(method, path, json=FIXED, token=None)
    assert response.status_code == 404
    assert errors_of(response)["detail"] == detail


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_writes_without_a_valid_token_are_401_and_change_nothing(
    api: Api, token: str | None
) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    incident = _incident(api)
    update = _update(api, incident)
    path = f"incidents/{incident}/updates"
    assert api.post(path, json=FIXED, token=token).status_code == 401
    assert api.put(f"{path}/{update}", json={"message": "x"}, token=token).status_code == 401
    assert api.delete(f"{path}/{update}", token=token).status_code == 401
    listed = api.get(path).json()["data"]
    assert [(u["id"], u["message"]) for u in listed] == [(update, "Found it")]


def test_bad_json_and_sql_metacharacters(api: Api) -> None:
    incident = _incident(api)
    headers = {"Content-Type": "application/json"}
    response = api.post(f"incidents/{incident}/updates", data=b"[1, 2", headers=headers)
    assert details_of(response) == [
        "The status field is required.",
        "The message field is required.",
    ]
    text = "'); DELETE FROM incident_updates; --"
    data = api.create(f"incidents/{incident}/updates", status=2, message=text, extra="ignored")
    assert data["message"] == text and "extra" not in data


def test_unknown_update_of_an_incident_without_updates_is_404_pinned(api: Api) -> None:
    incident = _incident(api)
    response = api.get(f"incidents/{incident}/updates/1")
    assert errors_of(response)["detail"] == UPDATE_404
    assert api.get(f"incidents/{incident}/updates").json()["data"] == []


_values = st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.lists(st.integers())
_update_fields = st.dictionaries(
    st.sampled_from(["status", "message", "component_id", "component_status", "incident_id"]),
    _values,
)


@fuzzing(40)
@given(fields=_update_fields)
def test_any_json_create_and_update_is_200_or_400(api: Api, fields: dict[str, Any]) -> None:
    incident = _incident(api)
    response = api.post(f"incidents/{incident}/updates", json=fields)
    assert response.status_code in (200, 400), response.text
    update = _update(api, incident)
    response = api.put(f"incidents/{incident}/updates/{update}", json=fields)
    assert response.status_code in (200, 400), response.text


def test_status_stays_info_until_a_fixed_update_quirk_20(api: Api) -> None:
    api.create("components", name="API", status=1)
    incident = _incident(api, visible=0)
    assert api.get("status").json()["data"]["status"] == "info"
    _update(api, incident, status=4)
    assert api.get("status").json()["data"] == {
        "status": "success",
        "message": "System operational",
    }


def test_parent_updated_at_moves_only_when_its_status_changes(api: Api) -> None:
    values = {"name": "Old", "status": 2, "message": "m", "user_id": 1}
    stamps = {"created_at": "2020-01-01 00:00:00", "updated_at": "2020-01-01 00:00:00"}
    with api.emulator.store.transaction():
        incident = api.emulator.store.insert("incidents", {**values, **stamps})
    _update(api, incident, status=2)
    assert api.get(f"incidents/{incident}").json()["data"]["updated_at"] == stamps["updated_at"]
    _update(api, incident, status=3)
    assert api.get(f"incidents/{incident}").json()["data"]["updated_at"] > stamps["updated_at"]
