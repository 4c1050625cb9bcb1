"""Incidents (mirrors core's IncidentTest, 41 tests, one a todo there; then spec 6.4 [code])."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api, ids

BODY = {"name": "New Incident Occurred", "message": "Something went wrong.", "status": 2}


def _incident_row(api: Api, incident_id: int) -> dict[str, Any] | None:
    with api.emulator.store.transaction():
        return api.emulator.store.find("v3_incidents", incident_id)


def _incidents(api: Api, count: int, **values: Any) -> list[int]:
    return [rows.incident(api, **values) for _ in range(count)]


def test_can_list_incidents(api: Api) -> None:
    _incidents(api, 2)
    assert len(api.guest_get("incidents").json()["data"]) == 2


def test_does_not_list_more_than_15_incidents_by_default(api: Api) -> None:
    _incidents(api, 20)
    assert len(api.guest_get("incidents").json()["data"]) == 15


def test_can_list_more_than_15_incidents(api: Api) -> None:
    _incidents(api, 20)
    assert len(api.guest_get("incidents?per_page=18").json()["data"]) == 18


CREATED = ["2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01", "2023-02-01"]


def test_sorts_incidents_by_created_at_descending_by_default(api: Api) -> None:
    for created in CREATED:
        rows.incident(api, created_at=created + " 00:00:00")
    assert ids(api.guest_get("incidents")) == [5, 4, 3, 2, 1]


def test_can_sort_incidents_by_id(api: Api) -> None:
    for created in CREATED:
        rows.incident(api, created_at=created + " 00:00:00")
    assert ids(api.guest_get("incidents?sort=id")) == [1, 2, 3, 4, 5]


def test_can_sort_incidents_by_name(api: Api) -> None:
    for name, created in zip("cabed", CREATED, strict=True):
        rows.incident(api, name=name, created_at=created + " 00:00:00")
    assert ids(api.guest_get("incidents?sort=name")) == [2, 3, 1, 5, 4]


def test_can_sort_incidents_by_status(api: Api) -> None:
    for status, created in zip((3, 1, 2, 1, 4), CREATED, strict=True):
        rows.incident(api, status=status, created_at=created + " 00:00:00")
    assert ids(api.guest_get("incidents?sort=status")) == [2, 4, 3, 1, 5]


def test_can_filter_incidents_by_name(api: Api) -> None:
    _incidents(api, 20)
    wanted = rows.incident(api, name="Name to filter by.")
    assert ids(api.guest_get("incidents", params={"filter[name]": "Name to filter by."})) == [
        wanted
    ]


def test_can_filter_incidents_by_status(api: Api) -> None:
    """A todo upstream; here the filter reads the canonical status column (spec 6.4)."""
    _incidents(api, 20, status=1)
    wanted = rows.incident(api, status=2)
    assert ids(api.guest_get("incidents?filter[status]=2")) == [wanted]


def test_can_filter_incidents_by_occurred_at_date(api: Api) -> None:
    _incidents(api, 20, occurred_at="2019-01-01 00:00:00")
    wanted = rows.incident(api, occurred_at="2025-01-01 00:00:00")
    assert ids(api.guest_get("incidents?filter[occurs_after]=2024-12-31")) == [wanted]


def test_can_filter_incidents_by_meta(api: Api) -> None:
    _incidents(api, 5)
    wanted = rows.incident(api)
    rows.meta(api, "incident", wanted, {"region": "eu-west"})
    assert ids(api.guest_get("incidents?filter[meta][region]=eu-west")) == [wanted]


def test_can_create_an_incident_with_meta(api: Api) -> None:
    meta = {"region": "eu-west", "priority": 3, "critical": True}
    body = {"name": "Test", "message": "Something happened.", "status": 1, "meta": meta}
    response = api.post("incidents", json=body, token=api.token_with("incidents.manage"))
    assert response.status_code == 201
    assert api.get("incidents/1?include=meta").json()["data"]["attributes"]["meta"] == meta


def test_can_include_meta_on_an_incident(api: Api) -> None:
    incident = rows.incident(api)
    meta = {"region": "eu-west", "priority": 3, "critical": True}
    rows.meta(api, "incident", incident, meta)
    body = api.guest_get(f"incidents/{incident}?include=meta").json()
    assert body["data"]["attributes"]["meta"] == meta


def test_does_not_include_meta_on_an_incident_by_default(api: Api) -> None:
    incident = rows.incident(api)
    rows.meta(api, "incident", incident, {"region": "eu-west"})
    assert "meta" not in api.guest_get(f"incidents/{incident}").json()["data"]["attributes"]


def test_can_get_an_incident(api: Api) -> None:
    _incidents(api, 5)
    wanted = rows.incident(api)
    assert api.guest_get(f"incidents/{wanted}").json()["data"]["attributes"]["id"] == wanted


def test_can_get_an_incident_with_updates(api: Api) -> None:
    for incident in _incidents(api, 2):
        rows.update(api, "incident", incident)
        rows.update(api, "incident", incident)
    body = api.guest_get("incidents/2?include=updates").json()
    assert body["data"]["relationships"]["updates"]["data"] == [
        {"type": "updates", "id": "3"},
        {"type": "updates", "id": "4"},
    ]
    assert [item["attributes"]["updateable_id"] for item in body["included"]] == [2, 2]


def test_can_get_an_incident_with_components_and_their_groups(api: Api) -> None:
    group = rows.group(api, name="The group")
    component = rows.component(api, component_group_id=group)
    incident = rows.incident(api)
    rows.attach(
        api, "incident_components", incident_id=incident, component_id=component, component_status=3
    )
    body = api.guest_get(f"incidents/{incident}?include=components.group").json()
    assert [(item["type"], item["id"]) for item in body["included"]] == [
        ("components", str(component)),
        ("componentGroups", str(group)),
    ]


def test_cannot_create_an_incident_if_not_authenticated(api: Api) -> None:
    assert api.post("incidents", json=BODY, token=None).status_code == 401
    assert _incident_row(api, 1) is None


def test_cannot_create_an_incident_without_the_token_ability(api: Api) -> None:
    response = api.post("incidents", json=BODY, token=api.token_with("incidents.delete"))
    assert response.status_code == 403
    assert _incident_row(api, 1) is None


def test_can_create_an_incident(api: Api) -> None:
    response = api.post("incidents", json=BODY, token=api.token_with("incidents.manage"))
    assert response.status_code == 201
    attributes = response.json()["data"]["attributes"]
    assert (attributes["name"], attributes["message"]) == (BODY["name"], BODY["message"])
    assert attributes["status"] == {"human": "Identified", "value": 2}


def test_can_create_an_incident_with_components(api: Api) -> None:
    first, second = rows.components(api, 2)
    body = {
        "name": "Incident With Components",
        "message": "Something went wrong.",
        "status": 1,
        "components": [{"id": first, "status": 3}, {"id": second, "status": 4}],
    }
    response = api.post("incidents?include=components", json=body)
    assert response.status_code == 201
    document = response.json()
    pivots = {i["id"]: i["attributes"]["pivot"]["component_status"] for i in document["included"]}
    assert pivots == {
        str(first): {"human": "Partial outage", "value": 3},
        str(second): {"human": "Major outage", "value": 4},
    }
    assert "component_id" not in document["data"]["attributes"]
    assert len(document["data"]["relationships"]["components"]["data"]) == 2


def test_can_create_an_incident_with_a_legacy_component_payload(api: Api) -> None:
    component = rows.component(api)
    body = {**BODY, "component_id": component, "component_status": 4}
    document = api.post("incidents?include=components", json=body).json()
    assert document["data"]["relationships"]["components"]["data"] == [
        {"type": "components", "id": str(component)}
    ]
    assert document["included"][0]["attributes"]["pivot"]["component_status"]["value"] == 4


def test_cannot_create_an_incident_with_a_template_that_does_not_exist(api: Api) -> None:
    body = {"name": "New Incident Occurred", "template": "missing-template", "status": 2}
    response = api.post("incidents", json=body)
    assert response.status_code == 422
    assert response.json()["errors"] == {"template": ["The selected template is invalid."]}


def test_can_create_an_incident_with_a_template(api: Api) -> None:
    text = (
        "Hey,\n\nA new incident has been reported:\n\n"
        "Name: {{ incident.name }}\n{{ incident.message }}"
    )
    rows.template(api, slug="reported", template=text)
    body = {"name": "New Incident Occurred", "template": "reported", "status": 2}
    attributes = api.create("incidents", **body)["attributes"]
    assert attributes["message"] == (
        "Hey,\n\nA new incident has been reported:\n\nName: New Incident Occurred\n"
    )
    assert attributes["status"]["value"] == 2


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({"name": None, "message": None}, ["name", "message", "template", "status"]),
        (
            {"name": "New Incident", "message": None, "status": 999},
            ["message", "template", "status"],
        ),
        ({"name": "New Incident", "template": 123, "status": 999}, ["template", "status"]),
    ],
)
def test_cannot_create_an_incident_with_bad_data(
    api: Api, payload: dict[str, Any], fields: list[str]
) -> None:
    response = api.post("incidents", json=payload)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == fields
    assert _incident_row(api, 1) is None


def test_cannot_update_an_incident_if_not_authenticated(api: Api) -> None:
    incident = rows.incident(api)
    assert api.put(f"incidents/{incident}", json=BODY, token=None).status_code == 401


def test_cannot_update_an_incident_without_the_token_ability(api: Api) -> None:
    incident = rows.incident(api)
    token = api.token_with("incidents.delete")
    assert api.put(f"incidents/{incident}", json=BODY, token=token).status_code == 403
    row = _incident_row(api, incident)
    assert row is not None and row["name"] == "Incident"


def test_can_update_an_incident(api: Api) -> None:
    incident = rows.incident(api)
    response = api.put(f"incidents/{incident}", json=BODY, token=api.token_with("incidents.manage"))
    assert response.status_code == 200
    assert response.json()["data"]["attributes"]["name"] == BODY["name"]


def test_can_update_an_incident_while_passing_null_data(api: Api) -> None:
    incident = rows.incident(api, status=3)
    body = {"name": "Updated Incident", "status": 1, "occurred_at": None}
    attributes = api.put(f"incidents/{incident}", json=body).json()["data"]["attributes"]
    assert (attributes["name"], attributes["status"]["value"]) == ("Updated Incident", 1)


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ({"name": None, "message": None}, ["name", "message"]),
        ({"name": "New Incident", "message": None, "status": 999}, ["message", "status"]),
    ],
)
def test_cannot_update_an_incident_with_bad_data(
    api: Api, payload: dict[str, Any], fields: list[str]
) -> None:
    incident = rows.incident(api)
    response = api.put(f"incidents/{incident}", json=payload)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == fields


def test_cannot_delete_an_incident_if_not_authenticated(api: Api) -> None:
    incident = rows.incident(api)
    assert api.delete(f"incidents/{incident}", token=None).status_code == 401


def test_cannot_delete_an_incident_without_the_token_ability(api: Api) -> None:
    incident = rows.incident(api)
    assert (
        api.delete(f"incidents/{incident}", token=api.token_with("incidents.manage")).status_code
        == 403
    )


def test_can_delete_an_incident(api: Api) -> None:
    incident = rows.incident(api)
    rows.update(api, "incident", incident)
    response = api.delete(f"incidents/{incident}", token=api.token_with("incidents.delete"))
    assert response.status_code == 204
    row = _incident_row(api, incident)
    assert row is None  # soft-deleted rows are not found
    with api.emulator.store.transaction():
        assert api.emulator.store.select("v3_updates") == []


def test_does_not_list_incidents_hidden_from_guests(api: Api) -> None:
    for visible in (1, 0, 2):
        rows.incident(api, visible=visible)
    data = api.guest_get("incidents").json()["data"]
    assert [item["attributes"]["visible"] for item in data] == [1]


def test_lists_authenticated_incidents_to_authenticated_users_but_never_hidden_ones(
    api: Api,
) -> None:
    for visible in (1, 0, 2):
        rows.incident(api, visible=visible)
    assert sorted(ids(api.get("incidents", token=api.token_with("metrics.manage")))) == [1, 2]


def test_does_not_show_a_hidden_incident_to_guests(api: Api) -> None:
    assert api.guest_get(f"incidents/{rows.incident(api, visible=2)}").status_code == 404


def test_does_not_show_an_authenticated_incident_to_guests(api: Api) -> None:
    assert api.guest_get(f"incidents/{rows.incident(api, visible=0)}").status_code == 404


def test_shows_an_authenticated_incident_to_authenticated_users(api: Api) -> None:
    incident = rows.incident(api, visible=0)
    token = api.token_with("metrics.manage")
    assert api.get(f"incidents/{incident}", token=token).json()["data"]["attributes"]["id"] == 1


def test_does_not_reveal_component_groups_hidden_from_guests_through_incident_includes(
    api: Api,
) -> None:
    component = rows.component(api, component_group_id=rows.group(api, visible=2))
    incident = rows.incident(api)
    rows.attach(
        api, "incident_components", incident_id=incident, component_id=component, component_status=3
    )
    body = api.guest_get(f"incidents/{incident}?include=components.group").json()
    assert [item["type"] for item in body["included"]] == ["components"]
    assert body["included"][0]["relationships"]["group"] == {"data": None}


def test_lists_authenticated_incidents_to_callers_presenting_a_bearer_token(api: Api) -> None:
    for visible in (1, 0, 2):
        rows.incident(api, visible=visible)
    assert len(api.get("incidents", token=api.token_with()).json()["data"]) == 2


def test_rejects_a_duplicate_component_in_the_same_incident(api: Api) -> None:
    component = rows.component(api)
    body = {**BODY, "components": [{"id": component, "status": 4}, {"id": component, "status": 3}]}
    response = api.post("incidents", json=body)
    assert response.status_code == 422
    assert "components.1.id" in response.json()["errors"]
    assert _incident_row(api, 1) is None


# -- spec 6.4 [code] behaviours -----------------------------------------------------------------


def test_an_api_created_incident_is_for_token_holders_only(api: Api) -> None:
    data = api.create("incidents", **BODY)
    assert data["attributes"]["visible"] == 0
    assert data["attributes"]["occurred"] == {"human": None, "string": None}
    assert data["attributes"]["notifications"] is False
    assert api.get("incidents/1").json()["data"]["attributes"]["notifications"] == 0
    assert api.guest_get("incidents").json()["data"] == []


def test_a_future_publication_hides_an_incident_except_from_incident_managers(api: Api) -> None:
    api.create("incidents", **BODY, visible=True, published_at="2999-01-01 00:00:00")
    assert api.guest_get("incidents/1").status_code == 404
    assert api.get("incidents/1", token=api.token_with("metrics.manage")).status_code == 404
    assert api.get("incidents/1", token=api.token_with("incidents.manage")).status_code == 200


def test_the_user_include_is_null_for_api_created_incidents(api: Api) -> None:
    api.create("incidents", **BODY)
    body = api.get("incidents/1?include=user").json()
    assert body["data"]["relationships"]["user"] == {"data": None}


def test_components_count_include(api: Api) -> None:
    incident = rows.incident(api)
    for component in rows.components(api, 3):
        rows.attach(api, "incident_components", incident_id=incident, component_id=component)
    attributes = api.guest_get(f"incidents/{incident}?include=componentsCount").json()["data"]
    assert attributes["attributes"]["components_count"] == 3


def test_an_impact_never_changes_the_component_status_column(api: Api) -> None:
    component = rows.component(api, status=1)
    api.create("incidents", **BODY, visible=True, components=[{"id": component, "status": 4}])
    attributes = api.guest_get(f"components/{component}").json()["data"]["attributes"]
    assert (attributes["status"]["value"], attributes["latest_status"]["value"]) == (1, 4)


def test_update_cannot_change_components(api: Api) -> None:
    component = rows.component(api)
    api.create("incidents", **BODY, components=[{"id": component, "status": 4}])
    other = rows.component(api)
    api.put("incidents/1", json={"components": [{"id": other, "status": 2}]})
    body = api.get("incidents/1?include=components").json()
    assert [item["id"] for item in body["included"]] == [str(component)]


def test_writes_ignore_visibility(api: Api) -> None:
    """Binding is unscoped: a token can change a hidden incident it cannot read."""
    incident = rows.incident(api, visible=2)
    assert api.get(f"incidents/{incident}").status_code == 404
    assert api.put(f"incidents/{incident}", json={"name": "Renamed"}).status_code == 200
    assert api.delete(f"incidents/{incident}").status_code == 204


def test_meta_on_update_replaces_the_set_and_an_empty_object_clears_it(api: Api) -> None:
    api.create("incidents", **BODY, meta={"a": 1, "b": 2})
    api.put("incidents/1", json={"meta": {"b": 3}})
    assert api.get("incidents/1?include=meta").json()["data"]["attributes"]["meta"] == {"b": 3}
    api.put("incidents/1", json={"meta": None, "name": "Kept meta"})
    assert api.get("incidents/1?include=meta").json()["data"]["attributes"]["meta"] == {"b": 3}
    api.put("incidents/1", json={"meta": {}})
    assert api.get("incidents/1?include=meta").json()["data"]["attributes"]["meta"] == []
