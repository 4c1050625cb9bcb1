"""Components (mirrors core's ComponentTest, 47 tests, then spec 6.2's [code] behaviours)."""

from __future__ import annotations

from tests.emulator_v3 import rows
from tests.emulator_v3.api import PAST, Api, ids

BODY = {"name": "Test", "description": "This is a new component, created by the API.", "order": 2}


def _row(api: Api, component_id: int) -> dict[str, object]:
    with api.emulator.store.transaction():
        found = api.emulator.store.find("v3_components", component_id, with_deleted=True)
    assert found is not None
    return found


def test_can_list_components(api: Api) -> None:
    rows.components(api, 2)
    response = api.guest_get("components")
    assert response.status_code == 200
    assert len(response.json()["data"]) == 2


def test_does_not_list_more_than_15_components_by_default(api: Api) -> None:
    rows.components(api, 20)
    assert len(api.guest_get("components").json()["data"]) == 15


def test_can_list_more_than_15_components(api: Api) -> None:
    rows.components(api, 20)
    assert len(api.guest_get("components?per_page=18").json()["data"]) == 18


def test_sorts_components_by_id_by_default(api: Api) -> None:
    for name in "edcba":
        rows.component(api, name=name)
    assert ids(api.guest_get("components")) == [1, 2, 3, 4, 5]


def test_can_sort_components_by_name(api: Api) -> None:
    for name in "ebadc":
        rows.component(api, name=name)
    assert ids(api.guest_get("components?sort=name")) == [3, 2, 5, 4, 1]


def test_can_sort_components_by_order(api: Api) -> None:
    for order in (5, 1, 3, 2, 4):
        rows.component(api, order=order)
    assert ids(api.guest_get("components?sort=order")) == [2, 4, 3, 5, 1]


def test_can_filter_components_by_name(api: Api) -> None:
    rows.components(api, 20)
    wanted = rows.component(api, name="Name to Filter by.")
    response = api.guest_get("components", params={"filter[name]": "Name to Filter by."})
    assert ids(response) == [wanted]


def test_can_filter_components_by_status(api: Api) -> None:
    rows.components(api, 19, status=2)
    wanted = rows.component(api, status=4)
    assert ids(api.guest_get("components?filter[status]=4")) == [wanted]


def test_can_filter_components_by_enabled(api: Api) -> None:
    rows.components(api, 20, enabled=0)
    wanted = rows.component(api, enabled=1)
    assert ids(api.guest_get("components?filter[enabled]=1")) == [wanted]


def test_can_filter_components_by_disabled(api: Api) -> None:
    token = api.token_with("metrics.manage")
    disabled = rows.components(api, 20, enabled=0)
    rows.component(api, enabled=1)
    response = api.get("components?per_page=25&filter[enabled]=false", token=token)
    assert ids(response) == disabled


def test_can_filter_components_by_meta(api: Api) -> None:
    rows.components(api, 5)
    wanted = rows.component(api)
    rows.meta(api, "component", wanted, {"region": "eu-west"})
    assert ids(api.guest_get("components?filter[meta][region]=eu-west")) == [wanted]


def test_can_filter_components_by_typed_meta_values(api: Api) -> None:
    rows.components(api, 5)
    wanted = rows.component(api)
    rows.meta(api, "component", wanted, {"priority": 3, "critical": True})
    query = "components?filter[meta][priority]=3&filter[meta][critical]=true"
    assert ids(api.guest_get(query)) == [wanted]


def test_can_create_a_component_with_meta(api: Api) -> None:
    token = api.token_with("components.manage")
    meta = {"region": "eu-west", "priority": 3, "critical": True}
    response = api.post("components", json={"name": "Test", "meta": meta}, token=token)
    assert response.status_code == 201
    shown = api.guest_get("components/1?include=meta").json()["data"]["attributes"]
    assert shown["meta"] == meta


def test_can_include_meta_on_a_component(api: Api) -> None:
    component = rows.component(api)
    rows.meta(api, "component", component, {"region": "eu-west", "priority": 3, "critical": True})
    shown = api.guest_get(f"components/{component}?include=meta").json()["data"]["attributes"]
    assert shown["meta"] == {"region": "eu-west", "priority": 3, "critical": True}


def test_does_not_include_meta_on_a_component_by_default(api: Api) -> None:
    component = rows.component(api)
    rows.meta(api, "component", component, {"region": "eu-west"})
    assert "meta" not in api.guest_get(f"components/{component}").json()["data"]["attributes"]


def test_can_get_a_component(api: Api) -> None:
    rows.components(api, 5)
    wanted = rows.component(api)
    data = api.guest_get(f"components/{wanted}").json()["data"]
    assert (data["id"], data["type"], data["attributes"]["id"]) == (str(wanted), "components", 6)


def test_can_get_a_component_with_group(api: Api) -> None:
    group = rows.group(api)
    component = rows.component(api, component_group_id=group)
    body = api.guest_get(f"components/{component}?include=group").json()
    assert body["data"]["relationships"]["group"] == {
        "data": {"type": "componentGroups", "id": str(group)}
    }
    assert [item["type"] for item in body["included"]] == ["componentGroups"]


def test_cannot_create_a_component_with_a_javascript_link(api: Api) -> None:
    response = api.post("components", json={"name": "Test", "link": "javascript:alert(1)"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"link": ["The link field must be a valid URL."]}


def test_can_create_a_component_with_an_http_link(api: Api) -> None:
    response = api.post(
        "components", json={"name": "Test", "link": "https://status.example.com/api"}
    )
    assert response.status_code == 201


def test_cannot_create_a_component_when_not_authenticated(api: Api) -> None:
    assert api.post("components", json=BODY, token=None).status_code == 401
    assert api.guest_get("components").json()["data"] == []


def test_cannot_create_a_component_without_the_token_ability(api: Api) -> None:
    token = api.token_with("components.delete")
    assert api.post("components", json=BODY, token=token).status_code == 403
    assert api.guest_get("components").json()["data"] == []


def test_can_create_a_component(api: Api) -> None:
    token = api.token_with("components.manage")
    response = api.post("components", json=BODY, token=token)
    assert response.status_code == 201
    assert response.json()["data"]["attributes"]["name"] == "Test"
    row = _row(api, 1)
    assert (row["description"], row["order"], row["component_group_id"]) == (
        BODY["description"],
        2,
        None,
    )


def test_can_create_a_component_and_attach_to_a_component_group(api: Api) -> None:
    group = rows.group(api)
    response = api.post("components", json={"name": "Test", "component_group_id": group})
    assert response.status_code == 201
    assert _row(api, 1)["component_group_id"] == group


def test_cannot_attach_a_new_component_to_a_component_group_that_does_not_exist(api: Api) -> None:
    response = api.post("components", json={"name": "Test", "component_group_id": 1})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "component_group_id": ["The selected component group id is invalid."]
    }
    assert api.get("components").json()["data"] == []


def test_cannot_update_a_component_when_not_authenticated(api: Api) -> None:
    component = rows.component(api, order=10)
    response = api.put(f"components/{component}", json={"name": "Updated"}, token=None)
    assert response.status_code == 401
    assert _row(api, component)["name"] == "Component"


def test_cannot_update_a_component_without_the_token_ability(api: Api) -> None:
    component = rows.component(api, order=10)
    token = api.token_with("components.delete")
    response = api.put(f"components/{component}", json={"name": "Updated"}, token=token)
    assert response.status_code == 403
    assert _row(api, component)["name"] == "Component"


def test_can_update_a_component(api: Api) -> None:
    component = rows.component(api, order=10)
    body = {"name": "Updated Component Name", "description": "This is an updated component."}
    response = api.put(
        f"components/{component}", json=body, token=api.token_with("components.manage")
    )
    assert response.status_code == 200
    attributes = response.json()["data"]["attributes"]
    assert (attributes["name"], attributes["order"]) == ("Updated Component Name", 10)
    assert _row(api, component)["description"] == "This is an updated component."


def test_does_not_re_enable_a_disabled_component_when_enabled_is_omitted_from_an_update(
    api: Api,
) -> None:
    component = rows.component(api, enabled=0)
    assert api.put(f"components/{component}", json={"name": "Updated"}).status_code == 200
    assert _row(api, component)["enabled"] == 0


def test_can_enable_a_component_via_an_update(api: Api) -> None:
    component = rows.component(api, enabled=0)
    response = api.put(f"components/{component}", json={"enabled": True})
    assert response.json()["data"]["attributes"]["enabled"] is True
    assert _row(api, component)["enabled"] == 1


def test_can_update_a_component_and_attach_it_to_a_component_group(api: Api) -> None:
    group = rows.group(api)
    component = rows.component(api, order=10)
    response = api.put(f"components/{component}", json={"component_group_id": group})
    assert response.json()["data"]["attributes"]["order"] == 10
    assert _row(api, component)["component_group_id"] == group


def test_cannot_update_a_component_and_attach_it_to_a_component_group_that_does_not_exist(
    api: Api,
) -> None:
    component = rows.component(api)
    response = api.put(f"components/{component}", json={"name": "U", "component_group_id": 1})
    assert response.status_code == 422
    assert _row(api, component)["component_group_id"] is None
    assert _row(api, component)["name"] == "Component"


def test_cannot_delete_a_component_when_not_authenticated(api: Api) -> None:
    component = rows.component(api)
    assert api.delete(f"components/{component}", token=None).status_code == 401
    assert _row(api, component)["deleted_at"] is None


def test_cannot_delete_a_component_without_the_token_ability(api: Api) -> None:
    component = rows.component(api)
    token = api.token_with("components.manage")
    assert api.delete(f"components/{component}", token=token).status_code == 403
    assert _row(api, component)["deleted_at"] is None


def test_can_delete_a_component(api: Api) -> None:
    component = rows.component(api)
    response = api.delete(f"components/{component}", token=api.token_with("components.delete"))
    assert (response.status_code, response.content) == (204, b"")
    assert _row(api, component)["deleted_at"] is not None  # soft-deleted
    assert api.get(f"components/{component}").status_code == 404


def test_does_not_list_components_belonging_to_groups_hidden_from_guests(api: Api) -> None:
    for visible in (1, 0, 2):
        rows.component(api, component_group_id=rows.group(api, visible=visible))
    ungrouped = rows.component(api)
    assert ids(api.guest_get("components?per_page=50")) == [1, ungrouped]


def test_lists_components_in_authenticated_groups_to_authenticated_users_but_never_hidden_ones(
    api: Api,
) -> None:
    token = api.token_with("metrics.manage")
    for visible in (0, 2):
        rows.component(api, component_group_id=rows.group(api, visible=visible))
    rows.component(api)
    assert ids(api.get("components?per_page=50", token=token)) == [1, 3]


def test_does_not_show_a_component_in_a_hidden_group_to_guests(api: Api) -> None:
    component = rows.component(api, component_group_id=rows.group(api, visible=2))
    response = api.guest_get(f"components/{component}")
    assert response.status_code == 404
    assert response.json() == {
        "message": f"No query results for model [Cachet\\Models\\Component] {component}"
    }


def test_does_not_list_disabled_components_by_default(api: Api) -> None:
    rows.components(api, 3, enabled=1)
    rows.components(api, 2, enabled=0)
    assert len(api.get("components?per_page=50").json()["data"]) == 3


def test_does_not_list_disabled_components_to_guests_even_when_explicitly_filtered(
    api: Api,
) -> None:
    rows.components(api, 3, enabled=1)
    rows.components(api, 2, enabled=0)
    assert api.guest_get("components?per_page=50&filter[enabled]=false").json()["data"] == []


def test_lists_disabled_components_to_authenticated_users_when_explicitly_filtered(
    api: Api,
) -> None:
    rows.components(api, 3, enabled=1)
    rows.components(api, 2, enabled=0)
    token = api.token_with("metrics.manage")
    assert ids(api.get("components?per_page=50&filter[enabled]=false", token=token)) == [4, 5]


def test_does_not_show_a_disabled_component_to_guests(api: Api) -> None:
    component = rows.component(api, enabled=0)
    assert api.guest_get(f"components/{component}").status_code == 404


def test_shows_a_disabled_component_to_authenticated_users(api: Api) -> None:
    component = rows.component(api, enabled=0)
    token = api.token_with("metrics.manage")
    response = api.get(f"components/{component}", token=token)
    assert response.json()["data"]["attributes"]["id"] == component


def test_does_not_include_incidents_hidden_from_guests_on_visible_components(api: Api) -> None:
    component = rows.component(api)
    for visible in (1, 2):
        rows.attach(
            api,
            "incident_components",
            incident_id=rows.incident(api, visible=visible),
            component_id=component,
        )
    body = api.guest_get(f"components/{component}?include=incidents").json()
    assert [item["id"] for item in body["included"]] == ["1"]


def test_does_not_include_incidents_that_are_not_yet_published_on_visible_components(
    api: Api,
) -> None:
    component = rows.component(api)
    for published in (PAST, rows.FUTURE):
        rows.attach(
            api,
            "incident_components",
            component_id=component,
            incident_id=rows.incident(api, published_at=published),
        )
    body = api.guest_get(f"components/{component}?include=incidents").json()
    assert [item["id"] for item in body["included"]] == ["1"]


def test_includes_unpublished_incidents_on_visible_components_for_incident_managers(
    api: Api,
) -> None:
    component = rows.component(api)
    rows.attach(
        api,
        "incident_components",
        component_id=component,
        incident_id=rows.incident(api, published_at=rows.FUTURE),
    )
    token = api.token_with("incidents.manage")
    body = api.get(f"components/{component}?include=incidents", token=token).json()
    assert len(body["included"]) == 1


def test_lists_components_in_authenticated_groups_to_callers_presenting_a_bearer_token(
    api: Api,
) -> None:
    rows.component(api, component_group_id=rows.group(api, visible=0))
    token = api.token_with("metrics.manage")
    assert len(api.get("components", token=token).json()["data"]) == 1
    assert api.guest_get("components").json()["data"] == []


def test_exposes_the_baseline_status_alongside_the_effective_status(api: Api) -> None:
    component = rows.component(api, status=1)
    incident = rows.incident(api, status=2, visible=1)
    rows.attach(
        api, "incident_components", incident_id=incident, component_id=component, component_status=4
    )
    attributes = api.guest_get(f"components/{component}").json()["data"]["attributes"]
    assert attributes["status"] == {"human": "Operational", "value": 1}
    assert attributes["latest_status"] == {"human": "Major outage", "value": 4}


# -- spec 6.2 [code] behaviours -----------------------------------------------------------------


def test_a_created_component_defaults_to_unknown_and_enabled(api: Api) -> None:
    attributes = api.create("components", name="New")["attributes"]
    assert attributes["status"] == {"human": "Unknown", "value": 5}
    assert attributes["enabled"] is True


def test_null_cannot_clear_a_group(api: Api) -> None:
    component = rows.component(api, component_group_id=rows.group(api))
    response = api.put(f"components/{component}", json={"component_group_id": None})
    assert response.status_code == 422
    assert response.json()["errors"]["component_group_id"] == [
        "The component group id field must be an integer.",
        "The selected component group id is invalid.",
    ]


def test_a_status_change_is_recorded(api: Api) -> None:
    component = rows.component(api, status=1)
    api.put(f"components/{component}", json={"status": 3})
    with api.emulator.store.transaction():
        changes = api.emulator.store.select("v3_component_status_changes")
    assert [(c["old_status"], c["new_status"], c["source"]) for c in changes] == [(1, 3, "manual")]


def test_an_unknown_include_is_a_400(api: Api) -> None:
    response = api.guest_get("components?include=nope")
    assert response.status_code == 400
    assert response.json()["message"] == (
        "Requested include(s) `nope` are not allowed. Allowed include(s) are `group, groupCount,"
        " groupExists, incidents, meta, metaCount, metaExists`."
    )
