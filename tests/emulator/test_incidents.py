"""Incidents (spec 8.1-8.3, 8.5, 8.6) over HTTP; create (8.4) is in test_incident_create.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.api import Api, details_of, errors_of, insert_row
from tests.emulator.incident_samples import (
    BASIC,
    GET_KEYS,
    INCIDENT_404,
    total_incidents,
)


def test_show_lists_columns_in_table_order_with_int_and_bool_types(api: Api) -> None:
    created = api.create("incidents", **BASIC, stickied=True)
    data = api.get(f"incidents/{created['id']}").json()["data"]
    assert list(data) == GET_KEYS
    assert data["deleted_at"] is None and data["component_id"] == 0
    assert data["visible"] == 1 and type(data["visible"]) is int
    assert data["stickied"] is True and data["notifications"] is False
    assert type(data["status"]) is int and type(data["user_id"]) is int


def test_update_name_keeps_the_rest_pinned(api: Api) -> None:
    created = api.create("incidents", **BASIC, meta={"k": "v"})
    response = api.put(f"incidents/{created['id']}", json={"name": "Foo"})
    data = response.json()["data"]
    assert response.status_code == 200 and list(data) == GET_KEYS
    assert (data["name"], data["message"], data["status"]) == ("Foo", BASIC["message"], 1)
    assert data["meta"] == {"k": "v"}


def test_update_resets_visible_and_stickied_when_omitted_quirk_6(api: Api) -> None:
    created = api.create("incidents", **BASIC, visible=0, stickied=True)
    data = api.put(f"incidents/{created['id']}", json={"name": "Foo"}).json()["data"]
    assert data["visible"] == 1 and data["stickied"] is False


def test_update_keeps_a_null_user_id(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    incident = insert_row(api, "incidents", name="Old", status=1, message="m", user_id=None)
    data = api.put(f"incidents/{incident}", json={"name": "Foo"}).json()["data"]
    assert data["user_id"] is None


def test_update_cannot_change_meta(api: Api) -> None:
    created = api.create("incidents", **BASIC, meta={"k": "v"})
    data = api.put(f"incidents/{created['id']}", json={"meta": {"x": 1}}).json()["data"]
    assert data["meta"] == {"k": "v"}


def test_update_sets_component_status_and_stores_any_component_id(api: Api) -> None:
    component = api.create("components", name="API", status=1)
    created = api.create("incidents", **BASIC)
    fields = {"component_id": component["id"], "component_status": 3}
    data = api.put(f"incidents/{created['id']}", json=fields).json()["data"]
    assert data["component_id"] == component["id"] and "component" not in data
    assert api.get(f"components/{component['id']}").json()["data"]["status"] == 3
    fields = {"component_id": 99, "component_status": 2}
    assert api.put(f"incidents/{created['id']}", json=fields).json()["data"]["component_id"] == 99


def test_update_occurred_at(api: Api) -> None:
    created = api.create("incidents", **BASIC)
    path = f"incidents/{created['id']}"
    data = api.put(path, json={"occurred_at": "2021-01-02 03:04"}).json()["data"]
    assert data["occurred_at"] == "2021-01-02 03:04:00"
    assert (
        api.put(path, json={"occurred_at": "2021-01-02 03:04:05", "name": "X"}).status_code == 500
    )
    assert api.get(path).json()["data"]["name"] == BASIC["name"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": 5}, "The name must be a string."),
        ({"status": 9}, "The status may not be greater than 4."),
        ({"message": []}, "The message must be a string."),
        ({"component_id": "x", "component_status": 1}, "The component id must be an integer."),
        ({"component_id": 1},
         "The component status field is required when component id is present."),
        ({"component_status": 8}, "The component status may not be greater than 4."),
        ({"name": ""}, "The name field is required."),
        ({"message": "   "}, "The message field is required."),
    ],
)  # fmt: skip
def test_update_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    created = api.create("incidents", **BASIC)
    assert details_of(api.put(f"incidents/{created['id']}", json=fields)) == [message]
    assert api.get(f"incidents/{created['id']}").json()["data"]["name"] == BASIC["name"]


def test_update_with_vars_null_is_500_quirk_24(api: Api) -> None:
    created = api.create("incidents", **BASIC)
    assert api.put(f"incidents/{created['id']}", json={"vars": None}).status_code == 500


def test_delete_soft_deletes_and_hides_the_incident_and_its_updates(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    created = api.create("incidents", **BASIC)
    api.create(f"incidents/{created['id']}/updates", status=2, message="Found it")
    response = api.delete(f"incidents/{created['id']}")
    assert response.status_code == 204 and response.content == b""
    assert api.get(f"incidents/{created['id']}").status_code == 404
    assert api.get(f"incidents/{created['id']}/updates").status_code == 404
    assert api.get("incidents").json()["data"] == []
    assert api.create("incidents", **BASIC)["id"] == created["id"] + 1


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "incidents/1"), ("GET", "incidents/0"),
                         ("PUT", "incidents/1"), ("DELETE", "incidents/1"),
                         ("PUT", "incidents/templates"), ("DELETE", "incidents/abc")],
)  # fmt: skip
def test_unknown_incident_is_404_with_model_detail(api: Api, method: str, path: str) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.request(method, path, json={})
    assert response.status_code == 404
    assert errors_of(response)["detail"] == INCIDENT_404


def test_model_binding_precedes_auth_quirk_18(api: Api) -> None:
    assert api.delete("incidents/999", token=None).status_code == 404


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_writes_without_a_valid_token_are_401_and_change_nothing(
    api: Api, token: str | None
) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    created = api.create("incidents", **BASIC)
    path = f"incidents/{created['id']}"
    assert api.post("incidents", json=BASIC, token=token).status_code == 401
    assert api.put(path, json={"name": "Changed"}, token=token).status_code == 401
    assert api.delete(path, token=token).status_code == 401
    assert total_incidents(api) == 1
    assert api.get(path).json()["data"]["name"] == BASIC["name"]


def test_guests_list_visible_incidents_only_but_can_show_hidden_ones_quirk_17(api: Api) -> None:
    api.create("incidents", **BASIC)
    hidden = api.create("incidents", **BASIC, visible=0)
    assert len(api.get("incidents", token=None).json()["data"]) == 1
    assert len(api.get("incidents", token="wrong").json()["data"]) == 1
    assert len(api.get("incidents").json()["data"]) == 2
    assert api.get(f"incidents/{hidden['id']}", token=None).status_code == 200


def test_list_filters_by_searchable_columns(api: Api) -> None:
    api.create("incidents", **BASIC)
    api.create("incidents", **{**BASIC, "status": 2, "name": "Other"})
    assert [i["name"] for i in api.get("incidents?status=2").json()["data"]] == ["Other"]
    assert len(api.get("incidents?name=database%20SLOW").json()["data"]) == 1
    assert len(api.get("incidents?stickied=0&visible=1").json()["data"]) == 2


def test_list_filter_with_page_or_unknown_key_is_500_quirk_4(api: Api) -> None:
    api.create("incidents", **BASIC)
    assert api.get("incidents?status=1&page=2").status_code == 500
    assert api.get("incidents?status=1&foo=x").status_code == 500
    assert api.get("incidents?page=1").status_code == 200


def test_list_sort_is_always_descending_quirk_2(api: Api) -> None:
    for name in ("B", "A", "C"):
        api.create("incidents", **{**BASIC, "name": name})
    assert [i["name"] for i in api.get("incidents").json()["data"]] == ["B", "A", "C"]
    for order in ("asc", "desc", ""):
        names = [i["name"] for i in api.get(f"incidents?sort=name&order={order}").json()["data"]]
        assert names == ["C", "B", "A"]


def test_list_paginates(api: Api) -> None:
    for _ in range(3):
        api.create("incidents", **BASIC)
    body = api.get("incidents?per_page=1&page=2").json()
    assert body["meta"]["pagination"]["total"] == 3 and len(body["data"]) == 1
    assert body["meta"]["pagination"]["links"]["next_page"].endswith("?per_page=1&page=3")


def test_sql_metacharacters_are_stored_and_matched_literally(api: Api) -> None:
    name = "x'; DROP TABLE incidents; --"
    api.create("incidents", **{**BASIC, "name": name})
    found = api.get("incidents", params={"name": name}).json()["data"]
    assert [i["name"] for i in found] == [name]


def test_malformed_json_counts_as_no_fields(api: Api) -> None:
    headers = {"Content-Type": "application/json"}
    response = api.post("incidents", data=b"{not json", headers=headers)
    assert details_of(response) == ["The name field is required.", "The status field is required."]


def test_huge_strings_and_unknown_fields_are_accepted(api: Api) -> None:
    data = api.create("incidents", **{**BASIC, "name": "n" * 100_000}, colour="red")
    assert len(data["name"]) == 100_000 and "colour" not in data


def test_status_zero_shows_the_untranslated_label(api: Api) -> None:
    data = api.create("incidents", **{**BASIC, "status": 0})
    assert data["human_status"] == "cachet.incidents.status.0"
    assert data["latest_icon"] == "icon ion-android-calendar"


def test_is_resolved_and_latest_fields_follow_the_newest_update(api: Api) -> None:
    fixed = api.create("incidents", **{**BASIC, "status": 4})
    assert fixed["is_resolved"] is True
    created = api.create("incidents", **BASIC)
    path = f"incidents/{created['id']}"
    api.create(f"{path}/updates", status=4, message="Fixed")
    second = api.create(f"{path}/updates", status=3, message="Watching again")
    data = api.get(path).json()["data"]
    assert data["is_resolved"] is False and data["latest_update_id"] == second["id"]
    assert (data["latest_status"], data["latest_human_status"]) == (3, "Watching")
    assert data["latest_icon"] == "icon ion-eye blues"
    assert [u["id"] for u in data["updates"]] == [second["id"], second["id"] - 1]


def test_duration_counts_from_creation_to_now_once_updated_quirk_9(api: Api) -> None:
    incident = insert_row(api, "incidents", name="Old", status=1, message="m", user_id=1)
    assert api.get(f"incidents/{incident}").json()["data"]["duration"] == 0
    insert_row(api, "incident_updates", incident_id=incident, status=2, message="u", user_id=1)
    duration = api.get(f"incidents/{incident}").json()["data"]["duration"]
    assert duration > 365 * 24 * 3600  # created 2020-01-01; updated then too


def test_permalink_uses_the_configured_site_url(api: Api) -> None:
    api.emulator.configure(site_url="https://status.example.com")
    data = api.create("incidents", **BASIC)
    assert data["permalink"] == f"https://status.example.com/incidents/{data['id']}"


def test_list_returns_every_created_incident_pinned(api: Api) -> None:
    ids = [api.create("incidents", **BASIC)["id"] for _ in range(3)]
    assert [i["id"] for i in api.get("incidents").json()["data"]] == ids
