"""Component groups (mirrors core's ComponentGroupTest, 43 tests, then spec 6.3 [code])."""

from __future__ import annotations

from typing import Any

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api, ids


def _group_row(api: Api, group_id: int) -> dict[str, Any] | None:
    with api.emulator.store.transaction():
        return api.emulator.store.find("v3_component_groups", group_id)


def _group_of(api: Api, component_id: int) -> Any:
    with api.emulator.store.transaction():
        found = api.emulator.store.find("v3_components", component_id)
    assert found is not None
    return found["component_group_id"]


def _groups_with_components(api: Api, count: int, per_group: int) -> list[int]:
    made = []
    for _ in range(count):
        group = rows.group(api)
        rows.components(api, per_group, component_group_id=group)
        made.append(group)
    return made


def test_can_list_component_groups(api: Api) -> None:
    _groups_with_components(api, 2, 2)
    assert len(api.guest_get("component-groups").json()["data"]) == 2


def test_does_not_list_more_than_15_component_groups_by_default(api: Api) -> None:
    _groups_with_components(api, 20, 2)
    assert len(api.guest_get("component-groups").json()["data"]) == 15


def test_can_list_more_than_15_components(api: Api) -> None:
    _groups_with_components(api, 20, 0)
    assert len(api.guest_get("component-groups?per_page=18").json()["data"]) == 18


def test_sorts_component_groups_by_id_by_default(api: Api) -> None:
    for name in "edcba":
        rows.group(api, name=name)
    assert ids(api.guest_get("component-groups")) == [1, 2, 3, 4, 5]


def test_can_get_a_component_group(api: Api) -> None:
    _groups_with_components(api, 5, 0)
    wanted = rows.group(api)
    assert api.guest_get(f"component-groups/{wanted}").json()["data"]["attributes"]["id"] == wanted


def test_can_get_a_component_group_with_components(api: Api) -> None:
    _groups_with_components(api, 5, 1)
    wanted = _groups_with_components(api, 1, 2)[0]
    body = api.guest_get(f"component-groups/{wanted}?include=components").json()
    assert body["data"]["relationships"]["components"]["data"] == [
        {"type": "components", "id": "6"},
        {"type": "components", "id": "7"},
    ]
    assert [item["id"] for item in body["included"]] == ["6", "7"]


def test_can_filter_component_groups_by_meta(api: Api) -> None:
    _groups_with_components(api, 5, 0)
    wanted = rows.group(api)
    rows.meta(api, "component_group", wanted, {"region": "eu-west"})
    assert ids(api.guest_get("component-groups?filter[meta][region]=eu-west")) == [wanted]


def test_can_include_meta_on_a_component_group(api: Api) -> None:
    group = rows.group(api)
    meta = {"region": "eu-west", "priority": 3, "critical": True}
    rows.meta(api, "component_group", group, meta)
    body = api.guest_get(f"component-groups/{group}?include=meta").json()
    assert body["data"]["attributes"]["meta"] == meta


def test_does_not_include_meta_on_a_component_group_by_default(api: Api) -> None:
    group = rows.group(api)
    rows.meta(api, "component_group", group, {"region": "eu-west"})
    assert "meta" not in api.guest_get(f"component-groups/{group}").json()["data"]["attributes"]


def test_cannot_create_a_component_group_when_not_authenticated(api: Api) -> None:
    response = api.post("component-groups", json={"name": "New Group"}, token=None)
    assert response.status_code == 401
    assert _group_row(api, 1) is None


def test_can_create_a_component_group_with_meta(api: Api) -> None:
    meta = {"region": "eu-west", "priority": 3, "critical": True}
    token = api.token_with("component-groups.manage")
    response = api.post("component-groups", json={"name": "New Group", "meta": meta}, token=token)
    assert response.status_code == 201
    assert api.get("component-groups/1?include=meta").json()["data"]["attributes"]["meta"] == meta


def test_cannot_create_a_component_group_without_the_token_ability(api: Api) -> None:
    token = api.token_with("components.manage")
    response = api.post("component-groups", json={"name": "New Group"}, token=token)
    assert response.status_code == 403
    assert _group_row(api, 1) is None


def test_can_create_a_component_group_without_components(api: Api) -> None:
    data = api.create("component-groups", name="New Group")
    assert data["attributes"]["name"] == "New Group"
    row = _group_row(api, 1)
    assert row is not None and row["name"] == "New Group"


def test_can_create_a_component_group_with_a_collapsed_state(api: Api) -> None:
    api.create("component-groups", name="New Group", collapsed=2)
    row = _group_row(api, 1)
    assert row is not None and row["collapsed"] == 2


def test_cannot_create_a_component_group_with_an_invalid_collapsed_state(api: Api) -> None:
    response = api.post("component-groups", json={"name": "New Group", "collapsed": 99})
    assert response.status_code == 422
    assert response.json()["errors"] == {"collapsed": ["The selected collapsed is invalid."]}
    assert _group_row(api, 1) is None


def test_can_create_a_component_group_and_attach_existing_components(api: Api) -> None:
    component = rows.component(api)
    data = api.create("component-groups", name="New Group", components=[component])
    assert _group_of(api, component) == int(data["id"])


def test_cannot_update_a_component_group_when_not_authenticated(api: Api) -> None:
    group = rows.group(api)
    response = api.put(f"component-groups/{group}", json={"name": "Updated"}, token=None)
    assert response.status_code == 401


def test_cannot_update_a_component_group_without_the_token_ability(api: Api) -> None:
    group = rows.group(api)
    token = api.token_with("components.manage")
    response = api.put(f"component-groups/{group}", json={"name": "Updated"}, token=token)
    assert response.status_code == 403
    row = _group_row(api, group)
    assert row is not None and row["name"] == "Group"


def test_can_update_a_component_group(api: Api) -> None:
    group = rows.group(api)
    response = api.put(f"component-groups/{group}", json={"name": "Updated Component Group Name"})
    assert response.json()["data"]["attributes"]["name"] == "Updated Component Group Name"


def test_can_update_a_component_group_collapsed_state(api: Api) -> None:
    group = rows.group(api, collapsed=0)
    api.put(f"component-groups/{group}", json={"collapsed": 2})
    row = _group_row(api, group)
    assert row is not None and row["collapsed"] == 2


def test_cannot_update_a_component_group_with_an_invalid_collapsed_state(api: Api) -> None:
    group = rows.group(api, collapsed=0)
    response = api.put(f"component-groups/{group}", json={"collapsed": 99})
    assert response.json()["errors"] == {"collapsed": ["The selected collapsed is invalid."]}
    row = _group_row(api, group)
    assert row is not None and row["collapsed"] == 0


def test_can_update_a_component_group_with_components(api: Api) -> None:
    components = rows.components(api, 3)
    group = rows.group(api)
    body = {"name": "Updated Component Group Name", "components": components}
    assert api.put(f"component-groups/{group}", json=body).status_code == 200
    assert [_group_of(api, c) for c in components] == [group] * 3


def test_cannot_delete_a_component_group_when_not_authenticated(api: Api) -> None:
    group = rows.group(api)
    assert api.delete(f"component-groups/{group}", token=None).status_code == 401


def test_cannot_delete_a_component_group_without_the_token_ability(api: Api) -> None:
    group = rows.group(api)
    token = api.token_with("component-groups.manage")
    assert api.delete(f"component-groups/{group}", token=token).status_code == 403
    assert _group_row(api, group) is not None


def test_can_delete_a_component_group(api: Api) -> None:
    group = rows.group(api)
    token = api.token_with("component-groups.delete")
    assert api.delete(f"component-groups/{group}", token=token).status_code == 204
    assert _group_row(api, group) is None  # a hard delete


def test_updates_components_group_id_when_a_group_is_deleted(api: Api) -> None:
    group = _groups_with_components(api, 1, 2)[0]
    api.delete(f"component-groups/{group}")
    assert [_group_of(api, 1), _group_of(api, 2)] == [None, None]


def test_exposes_the_order_column_and_direction_in_the_resource(api: Api) -> None:
    group = rows.group(api, order_column="name", order_direction="desc")
    attributes = api.guest_get(f"component-groups/{group}").json()["data"]["attributes"]
    assert (attributes["order_column"], attributes["order_direction"]) == ("name", "desc")


def test_exposes_an_ascending_order_direction_in_the_resource(api: Api) -> None:
    group = rows.group(api, order_column="name", order_direction="asc")
    attributes = api.guest_get(f"component-groups/{group}").json()["data"]["attributes"]
    assert attributes["order_direction"] == "asc"


def test_can_create_a_component_group_with_a_manual_order_column(api: Api) -> None:
    api.create("component-groups", name="New Group", order_column="manual")
    row = _group_row(api, 1)
    assert row is not None and (row["order_column"], row["order_direction"]) == ("manual", None)


def test_can_create_a_component_group_with_an_order_column_and_direction(api: Api) -> None:
    api.create("component-groups", name="New Group", order_column="name", order_direction="asc")
    row = _group_row(api, 1)
    assert row is not None and (row["order_column"], row["order_direction"]) == ("name", "asc")


def test_requires_an_order_direction_when_the_order_column_is_not_manual(api: Api) -> None:
    response = api.post("component-groups", json={"name": "New Group", "order_column": "status"})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "order_direction": ["The order direction field is required."]
    }


def test_does_not_require_an_order_direction_when_the_order_column_is_manual(api: Api) -> None:
    response = api.post("component-groups", json={"name": "New Group", "order_column": "manual"})
    assert response.status_code == 201


def test_cannot_create_a_component_group_with_an_invalid_order_column(api: Api) -> None:
    body = {"name": "New Group", "order_column": "not-a-column"}
    response = api.post("component-groups", json=body)
    assert response.status_code == 422
    assert "order_column" in response.json()["errors"]


def test_cannot_create_a_component_group_with_an_invalid_order_direction(api: Api) -> None:
    body = {"name": "New Group", "order_column": "name", "order_direction": "sideways"}
    response = api.post("component-groups", json=body)
    assert response.json()["errors"] == {
        "order_direction": ["The selected order direction is invalid."]
    }


def test_can_update_a_component_group_order_column_and_direction(api: Api) -> None:
    group = rows.group(api, order_column="manual")
    body = {"order_column": "last_updated", "order_direction": "desc"}
    assert api.put(f"component-groups/{group}", json=body).status_code == 200
    row = _group_row(api, group)
    assert row is not None
    assert [row["order_column"], row["order_direction"]] == ["last_updated", "desc"]


def test_can_update_an_unrelated_attribute_without_supplying_an_order_direction(api: Api) -> None:
    group = rows.group(api, order_column="manual")
    assert api.put(f"component-groups/{group}", json={"name": "Renamed Group"}).status_code == 200


def test_does_not_list_component_groups_hidden_from_guests(api: Api) -> None:
    for visible in (1, 0, 2):
        rows.group(api, visible=visible)
    assert ids(api.guest_get("component-groups")) == [1]


def test_lists_authenticated_component_groups_to_authenticated_users_but_never_hidden_ones(
    api: Api,
) -> None:
    for visible in (1, 0, 2):
        rows.group(api, visible=visible)
    assert ids(api.get("component-groups", token=api.token_with("metrics.manage"))) == [1, 2]


def test_does_not_show_a_hidden_component_group_to_guests(api: Api) -> None:
    group = rows.group(api, visible=2)
    assert api.guest_get(f"component-groups/{group}").status_code == 404


def test_shows_an_authenticated_component_group_to_authenticated_users(api: Api) -> None:
    group = rows.group(api, visible=0)
    token = api.token_with("metrics.manage")
    assert api.get(f"component-groups/{group}", token=token).json()["data"]["id"] == str(group)


def test_does_not_include_disabled_components_in_a_group_to_guests(api: Api) -> None:
    group = rows.group(api)
    rows.component(api, component_group_id=group, enabled=1)
    rows.component(api, component_group_id=group, enabled=0)
    body = api.guest_get(f"component-groups/{group}?include=components").json()
    assert [item["id"] for item in body["included"]] == ["1"]


def test_includes_disabled_components_in_a_group_to_authenticated_users(api: Api) -> None:
    group = rows.group(api)
    rows.component(api, component_group_id=group, enabled=1)
    rows.component(api, component_group_id=group, enabled=0)
    token = api.token_with("metrics.manage")
    body = api.get(f"component-groups/{group}?include=components", token=token).json()
    assert [item["id"] for item in body["included"]] == ["1", "2"]


def test_lists_authenticated_component_groups_to_callers_presenting_a_bearer_token(
    api: Api,
) -> None:
    rows.group(api, visible=0)
    assert len(api.get("component-groups", token=api.token_with()).json()["data"]) == 1


# -- spec 6.3 [code] behaviours -----------------------------------------------------------------


def test_a_created_group_is_for_token_holders_only_and_hides_its_components(api: Api) -> None:
    component = rows.component(api)
    data = api.create("component-groups", name="G", components=[component])
    # The create answer shows the model as built: database defaults read null there.
    assert (data["attributes"]["visible"], data["attributes"]["collapsed"]) == (None, None)
    shown = api.get("component-groups/1").json()["data"]["attributes"]
    assert (shown["visible"], shown["collapsed"]) == (0, 1)
    assert api.guest_get("components").json()["data"] == []


def test_visible_true_makes_a_group_public_and_2_is_unreachable(api: Api) -> None:
    assert api.create("component-groups", name="G", visible=True)["attributes"]["visible"] == 1
    response = api.post("component-groups", json={"name": "H", "visible": 2})
    assert response.json()["errors"] == {"visible": ["The visible field must be true or false."]}


def test_update_components_only_adds(api: Api) -> None:
    group = rows.group(api)
    first = rows.component(api, component_group_id=group)
    second = rows.component(api)
    api.put(f"component-groups/{group}", json={"components": [second]})
    assert [_group_of(api, first), _group_of(api, second)] == [group, group]
    api.put(f"component-groups/{group}", json={"components": []})
    assert _group_of(api, first) == group
