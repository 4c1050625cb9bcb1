"""Components (spec section 6) over HTTP."""

from __future__ import annotations

import pytest

from tests.emulator.api import Api, details_of, errors_of, insert_row, not_found_detail

CREATE_KEYS = [
    "order", "group_id", "description", "link", "enabled", "meta", "name", "status",
    "updated_at", "created_at", "id", "status_name", "tags",
]  # fmt: skip
GET_KEYS = [
    "id", "name", "description", "link", "status", "order", "group_id", "enabled", "meta",
    "created_at", "updated_at", "deleted_at", "status_name", "tags",
]  # fmt: skip


def test_create_answers_200_with_the_create_shape(api: Api) -> None:
    """Quirks 1 and 11: 200 not 201, the create key set, `tags` an empty array."""
    response = api.post("components", json={"name": "Foo"})
    assert response.status_code == 200
    data = response.json()["data"]
    assert list(data) == CREATE_KEYS
    assert data["status"] == 0
    assert data["status_name"] == "Unknown"
    assert data["enabled"] is True
    assert data["tags"] == []
    assert data["description"] == "" and data["link"] == "" and data["meta"] is None


def test_show_lists_columns_in_table_order(api: Api) -> None:
    created = api.create("components", name="API", status=1)
    data = api.get(f"components/{created['id']}").json()["data"]
    assert list(data) == GET_KEYS
    assert data["deleted_at"] is None
    assert data["status_name"] == "Operational"


def test_create_without_token_is_401_and_creates_nothing(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.post("components", json={"name": "Foo"}, token=None)
    assert response.status_code == 401
    assert errors_of(response)["title"] == "Unauthorized"
    assert api.get("components").json()["meta"]["pagination"]["total"] == 0


def test_create_with_wrong_token_is_401(api: Api) -> None:
    assert api.post("components", json={"name": "Foo"}, token="nope").status_code == 401


def test_token_matches_case_insensitively_quirk_26(api: Api) -> None:
    response = api.post("components", json={"name": "Foo"}, token="testtoken1234567890A")
    assert response.status_code == 200


def test_create_with_empty_body_lists_name_required(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    assert details_of(api.post("components")) == ["The name field is required."]


def test_create_full_data_is_echoed(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    data = api.create(
        "components",
        name="Foo",
        description="Bar",
        status=1,
        link="http://example.com",
        order=1,
        group_id=1,
        enabled=True,
    )
    assert (data["name"], data["description"], data["status"]) == ("Foo", "Bar", 1)
    assert (data["link"], data["order"], data["group_id"]) == ("http://example.com", 1, 1)


def test_create_tags_builds_slug_map(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    data = api.create("components", name="Foo", status=1, tags="Foo,Bar")
    assert data["tags"] == {"foo": "Foo", "bar": "Bar"}


def test_tag_slugs_follow_laravel_rules(api: Api) -> None:
    data = api.create("components", name="Foo", tags="Another Test Tag , a_b@c, Ünïcode")
    assert data["tags"] == {
        "another-test-tag": "Another Test Tag",
        "a-b-at-c": "a_b@c",
        "unicode": "Ünïcode",
    }


def test_tags_are_found_by_name_case_insensitively(api: Api) -> None:
    api.create("components", name="A", tags="Web")
    data = api.create("components", name="B", tags="WEB")
    assert data["tags"] == {"web": "Web"}


def test_tags_as_array_is_rejected(api: Api) -> None:
    response = api.post("components", json={"name": "A", "tags": ["a", "b"]})
    assert details_of(response) == ["The tags must be a string."]


def test_enabled_defaults_to_true_and_zero_disables(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    assert api.create("components", name="A")["enabled"] is True
    assert api.create("components", name="B", enabled=0)["enabled"] is False


def test_enabled_null_on_create_is_false_quirk_12(api: Api) -> None:
    assert api.create("components", name="A", enabled=None)["enabled"] is False


def test_form_enabled_false_string_creates_enabled_component_quirk_12(api: Api) -> None:
    response = api.post("components", data={"name": "A", "enabled": "false"})
    assert response.json()["data"]["enabled"] is True


def test_meta_is_echoed_as_object(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    meta = {"uuid": "172ff3fb-41f7-49d3-8bcd-f57b53627fa0"}
    data = api.create("components", name="A", status=1, meta=meta)
    assert data["status"] == 1 and data["meta"] == meta


def test_query_string_fields_create_a_component(api: Api) -> None:
    response = api.post("components?name=API&status=1")
    assert response.json()["data"]["name"] == "API"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": 5}, "The name must be a string."),
        ({"name": "A", "description": 5}, "The description must be a string."),
        ({"name": "A", "status": 5}, "The status may not be greater than 4."),
        ({"name": "A", "status": -1}, "The status must be at least 0."),
        ({"name": "A", "link": "not a url"}, "The link format is invalid."),
        ({"name": "A", "order": "x"}, "The order must be an integer."),
        ({"name": "A", "order": 1.5}, "The order must be an integer."),
        ({"name": "A", "group_id": "1.0"}, "The group id must be an integer."),
        ({"name": "A", "meta": "text"}, "The meta must be an array."),
        ({"name": "A", "order": 10**20}, "The order must be an integer."),
    ],
)
def test_create_rule_messages(api: Api, fields: dict[str, object], message: str) -> None:
    assert details_of(api.post("components", json=fields)) == [message]


def test_garbage_status_is_cast_to_zero_on_create(api: Api) -> None:
    assert api.create("components", name="A", status="abc")["status"] == 0


def test_messages_come_in_declaration_order(api: Api) -> None:
    response = api.post("components", json={"status": 9, "link": "x", "order": "y"})
    assert details_of(response) == [
        "The name field is required.",
        "The status may not be greater than 4.",
        "The link format is invalid.",
        "The order must be an integer.",
    ]


def test_update_name_keeps_everything_else(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    created = api.create("components", name="A", status=3, enabled=False)
    data = api.put(f"components/{created['id']}", json={"name": "Foo"}).json()["data"]
    assert list(data) == GET_KEYS
    assert (data["name"], data["status"], data["enabled"]) == ("Foo", 3, False)


def test_update_status(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    created = api.create("components", name="A", status=1)
    data = api.put(f"components/{created['id']}", json={"status": 2}).json()["data"]
    assert data["status"] == 2 and data["status_name"] == "Performance Issues"


def test_update_tags_replaces_them(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    created = api.create("components", name="A", tags="Foo,Bar")
    data = api.put(f"components/{created['id']}", json={"tags": "Hello"}).json()["data"]
    assert data["tags"] == {"hello": "Hello"}


def test_update_empty_tags_cannot_remove_tags(api: Api) -> None:
    created = api.create("components", name="A", tags="Foo")
    data = api.put(f"components/{created['id']}", json={"tags": ""}).json()["data"]
    assert data["tags"] == {"foo": "Foo"}


def test_update_tags_array_is_500(api: Api) -> None:
    created = api.create("components", name="A")
    assert api.put(f"components/{created['id']}", json={"tags": ["x"]}).status_code == 500


def test_plain_string_in_the_json_meta_column_reads_back_as_that_string(api: Api) -> None:
    row_id = insert_row(api, "components", name="A", status=1, enabled=1, meta="plain")
    assert api.get(f"components/{row_id}").json()["data"]["meta"] == "plain"


def test_empty_string_meta_is_echoed_and_stored_as_empty_string(api: Api) -> None:
    """`nullable` lets "" through; the json cast encodes it as '""', so PHP shows ""."""
    data = api.create("components", name="A", status=1, meta="")
    assert data["meta"] == ""
    assert api.get(f"components/{data['id']}").json()["data"]["meta"] == ""


def test_update_meta_replaces_whole_object(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    created = api.create("components", name="A", meta={"a": 1})
    data = api.put(f"components/{created['id']}", json={"meta": {"b": 2}}).json()["data"]
    assert data["meta"] == {"b": 2}


def test_update_empty_string_clears_description(api: Api) -> None:
    created = api.create("components", name="A", description="D", link="http://x.io")
    update = {"description": "", "link": ""}
    data = api.put(f"components/{created['id']}", json=update).json()["data"]
    assert data["description"] == "" and data["link"] == ""


def test_update_empty_name_fails_the_model_rule(api: Api) -> None:
    created = api.create("components", name="A")
    response = api.put(f"components/{created['id']}", json={"name": ""})
    assert details_of(response) == ["The name field is required."]
    assert api.get(f"components/{created['id']}").json()["data"]["name"] == "A"


def test_update_enabled_false_string_is_rejected_quirk_12(api: Api) -> None:
    created = api.create("components", name="A")
    response = api.put(f"components/{created['id']}", json={"enabled": "false"})
    assert details_of(response) == ["The enabled field must be true or false."]


def test_delete_soft_deletes_and_hides(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    created = api.create("components", name="A")
    response = api.delete(f"components/{created['id']}")
    assert response.status_code == 204 and response.content == b""
    assert "content-type" not in response.headers
    assert api.get(f"components/{created['id']}").status_code == 404
    assert api.get("components").json()["data"] == []


def test_deleted_component_ids_are_not_reused(api: Api) -> None:
    first = api.create("components", name="A")
    api.delete(f"components/{first['id']}")
    assert api.create("components", name="B")["id"] == first["id"] + 1


def test_delete_removes_tag_links_but_keeps_tags(api: Api) -> None:
    first = api.create("components", name="A", tags="Web")
    api.delete(f"components/{first['id']}")
    second = api.create("components", name="B", tags="web")
    assert second["tags"] == {"web": "Web"}


def test_unknown_component_is_404_with_model_detail(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.get("components/1")
    assert response.status_code == 404
    assert errors_of(response)["detail"] == not_found_detail("Component")


def test_path_ids_compare_like_mysql(api: Api) -> None:
    created = api.create("components", name="A")
    assert api.get(f"components/{created['id']}abc").json()["data"]["id"] == created["id"]
    assert api.get(f"components/0{created['id']}").status_code == 200
    assert api.get("components/abc").status_code == 404


def test_model_binding_precedes_auth_quirk_18(api: Api) -> None:
    assert api.delete("components/999", token=None).status_code == 404


def test_guests_see_only_enabled_components_in_lists(api: Api) -> None:
    """Quirk 17: disabled components are hidden from guest lists only, not by id."""
    api.create("components", name="On")
    hidden = api.create("components", name="Off", enabled=False)
    names = [c["name"] for c in api.get("components", token=None).json()["data"]]
    assert names == ["On"]
    assert api.get(f"components/{hidden['id']}", token=None).status_code == 200
    assert len(api.get("components").json()["data"]) == 2


def test_wrong_token_on_optional_route_is_served_as_guest(api: Api) -> None:
    api.create("components", name="Off", enabled=False)
    response = api.get("components", token="wrong")
    assert response.status_code == 200 and response.json()["data"] == []


def test_tag_filter_returns_components_with_any_tag(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    api.create("components", name="A", tags="Foo,Bar")
    api.create("components", name="B", tags="Hello World")
    api.create("components", name="C", tags="Bar")
    names = [c["name"] for c in api.get("components?tags[]=foo&tags[]=BAR").json()["data"]]
    assert names == ["A", "C"]
    assert api.get("components?tags=nothing").json()["data"] == []


def test_tag_filter_with_searchable_key_is_500_quirk_4(api: Api) -> None:
    api.create("components", name="A", tags="Foo")
    assert api.get("components?name=A&tags[]=foo").status_code == 500


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": 5}, "The name must be a string."),
        ({"description": ["x"]}, "The description must be a string."),
        ({"status": 5}, "The status may not be greater than 4."),
        ({"status": "-1"}, "The status must be at least 0."),
        ({"status": "abc"}, "The status must be an integer."),
        ({"link": "ftp//nope"}, "The link format is invalid."),
        ({"order": "1.5"}, "The order must be an integer."),
        ({"group_id": False}, "The group id must be an integer."),
        ({"enabled": 2}, "The enabled field must be true or false."),
        ({"meta": 5}, "The meta must be an array."),
    ],
)
def test_update_rule_messages(api: Api, fields: dict[str, object], message: str) -> None:
    created = api.create("components", name="A")
    assert details_of(api.put(f"components/{created['id']}", json=fields)) == [message]
    assert api.get(f"components/{created['id']}").json()["data"]["name"] == "A"


def test_update_without_token_is_401_and_changes_nothing(api: Api) -> None:
    created = api.create("components", name="A")
    assert api.put(f"components/{created['id']}", json={"name": "B"}, token=None).status_code == 401
    assert api.get(f"components/{created['id']}").json()["data"]["name"] == "A"


def test_update_null_values_change_nothing(api: Api) -> None:
    created = api.create("components", name="A", status=2, enabled=False, meta={"a": 1})
    fields = {"name": None, "status": None, "enabled": None, "meta": None}
    data = api.put(f"components/{created['id']}", json=fields).json()["data"]
    assert (data["name"], data["status"], data["enabled"], data["meta"]) == (
        "A",
        2,
        False,
        {"a": 1},
    )


def test_update_status_zero_is_written(api: Api) -> None:
    created = api.create("components", name="A", status=3)
    assert api.put(f"components/{created['id']}", json={"status": 0}).json()["data"]["status"] == 0


def test_delete_without_token_is_401_and_keeps_component(api: Api) -> None:
    created = api.create("components", name="A")
    assert api.delete(f"components/{created['id']}", token=None).status_code == 401
    assert api.get(f"components/{created['id']}").status_code == 200


def test_create_shape_converts_string_numbers(api: Api) -> None:
    data = api.create("components", name="A", order="3", group_id="7", status="2")
    assert (data["order"], data["group_id"], data["status"]) == (3, 7, 2)
