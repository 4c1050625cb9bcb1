"""Incidents (spec section 8) over HTTP; templates are in test_incident_templating.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.conftest import Api, details_of, errors_of

CREATE_KEYS = [
    "stickied", "notifications", "user_id", "name", "status", "visible", "message",
    "occurred_at", "updated_at", "created_at", "id", "is_resolved", "updates", "human_status",
    "latest_update_id", "latest_status", "latest_human_status", "latest_icon", "permalink",
    "duration", "meta",
]  # fmt: skip
GET_KEYS = [
    "id", "user_id", "component_id", "name", "status", "visible", "stickied", "notifications",
    "message", "occurred_at", "created_at", "updated_at", "deleted_at", "is_resolved", "meta",
    "updates", "human_status", "latest_update_id", "latest_status", "latest_human_status",
    "latest_icon", "permalink", "duration",
]  # fmt: skip
INCIDENT_404 = "No query results for model [CachetHQ\\Cachet\\Models\\Incident]."
BASIC = {"name": "Database slow", "status": 1, "message": "Looking into it"}


def _insert(api: Api, table: str, **values: Any) -> int:
    """Put a row straight into the store (for states the API cannot make)."""
    now = "2020-01-01 00:00:00"
    with api.emulator.store.transaction():
        return api.emulator.store.insert(table, {"created_at": now, "updated_at": now, **values})


def _total(api: Api) -> int:
    total: int = api.get("incidents").json()["meta"]["pagination"]["total"]
    return total


def test_create_hidden_incident_has_the_create_shape_without_component(api: Api) -> None:
    data = api.create("incidents", **BASIC, visible=0)
    assert list(data) == CREATE_KEYS
    assert (data["stickied"], data["notifications"], data["visible"]) == (False, False, 0)
    assert data["updates"] == [] and data["meta"] == [] and data["duration"] == 0
    assert data["latest_update_id"] is None and data["latest_status"] == 1
    assert data["human_status"] == data["latest_human_status"] == "Investigating"
    assert data["latest_icon"] == "icon ion-flag oranges"
    assert data["permalink"] == f"{api.emulator.url}/incidents/{data['id']}"


def test_create_with_defaults_adds_null_component_key_quirk_28(api: Api) -> None:
    data = api.create("incidents", **BASIC)
    assert list(data) == [*CREATE_KEYS[:12], "component", *CREATE_KEYS[12:]]
    assert data["component"] is None
    assert data["visible"] == 1


def test_create_with_component_sets_its_status_and_embeds_it_quirk_28(api: Api) -> None:
    component = api.create("components", name="API", status=1)
    data = api.create("incidents", **BASIC, component_id=component["id"], component_status=4)
    assert data["component_id"] == component["id"]
    assert list(data).index("component_id") == 7
    assert data["component"]["status"] == 4
    assert data["component"]["status_name"] == "Major Outage"
    assert api.get(f"components/{component['id']}").json()["data"]["status"] == 4


def test_create_with_unknown_component_keeps_its_id(api: Api) -> None:
    data = api.create("incidents", **BASIC, component_id=42, component_status=2)
    assert data["component_id"] == 42 and data["component"] is None
    assert api.get(f"incidents/{data['id']}").json()["data"]["component_id"] == 42


def test_create_with_zero_component_id_leaves_the_key_out(api: Api) -> None:
    data = api.create("incidents", **BASIC, component_id=0, component_status=1)
    assert "component_id" not in data
    assert api.get(f"incidents/{data['id']}").json()["data"]["component_id"] == 0


@pytest.mark.parametrize(
    ("fields", "has_key"),
    [({"notify": False}, False), ({"notify": 0}, False), ({"notify": "false"}, True),
     ({"visible": False}, False), ({"visible": 1, "notify": True}, True)],
)  # fmt: skip
def test_component_key_needs_notify_and_visible_quirk_28(
    api: Api, fields: dict[str, Any], has_key: bool
) -> None:
    assert ("component" in api.create("incidents", **BASIC, **fields)) is has_key


def _running_schedule(api: Api) -> None:
    _insert(api, "schedules", name="Upgrade", status=1, scheduled_at="2000-01-01 00:00:00")


def test_running_maintenance_suppresses_the_component_key(api: Api) -> None:
    _running_schedule(api)
    assert "component" not in api.create("incidents", **BASIC)
    api.emulator.configure(suppress_notifications_in_maintenance=False)
    assert "component" in api.create("incidents", **BASIC)


def test_finished_maintenance_does_not_suppress_the_component_key(api: Api) -> None:
    done = {"scheduled_at": "2000-01-01 00:00:00", "completed_at": "2000-01-02 00:00:00"}
    _insert(api, "schedules", name="Old", status=2, **done)
    assert "component" in api.create("incidents", **BASIC)


def test_show_lists_columns_in_table_order_with_int_and_bool_types(api: Api) -> None:
    created = api.create("incidents", **BASIC, stickied=True)
    data = api.get(f"incidents/{created['id']}").json()["data"]
    assert list(data) == GET_KEYS
    assert data["deleted_at"] is None and data["component_id"] == 0
    assert data["visible"] == 1 and type(data["visible"]) is int
    assert data["stickied"] is True and data["notifications"] is False
    assert type(data["status"]) is int and type(data["user_id"]) is int


def test_user_id_is_the_token_owner(api: Api) -> None:
    api.emulator.configure(api_keys=["SecondUserToken"])
    assert api.create("incidents", **BASIC)["user_id"] == 1
    response = api.post("incidents", json=BASIC, token="SecondUserToken")
    assert response.json()["data"]["user_id"] == 2


def test_create_accepts_form_posts_and_query_strings(api: Api) -> None:
    response = api.post("incidents?status=2", data={"name": "Form", "message": "m"})
    assert response.json()["data"]["status"] == 2
    assert response.json()["data"]["name"] == "Form"


def test_form_visible_false_string_creates_a_public_incident_quirk_12(api: Api) -> None:
    response = api.post("incidents", data={**BASIC, "visible": "false", "stickied": "false"})
    data = response.json()["data"]
    assert data["visible"] == 1 and data["stickied"] is True


def test_json_null_visible_creates_a_hidden_incident_quirk_12(api: Api) -> None:
    assert api.create("incidents", **BASIC, visible=None)["visible"] == 0


def test_create_message_is_not_trimmed_but_update_message_is(api: Api) -> None:
    created = api.create("incidents", name="A", status=1, message="  spaced  ")
    assert created["message"] == "  spaced  "
    response = api.put(f"incidents/{created['id']}", json={"message": "  again  "})
    assert response.json()["data"]["message"] == "again"


def test_name_is_trimmed_and_cleaned(api: Api) -> None:
    assert api.create("incidents", **{**BASIC, "name": "  100%25 down\t"})["name"] == "100% down"


def test_empty_body_lists_command_rule_messages(api: Api) -> None:
    response = api.post("incidents")
    assert details_of(response) == ["The name field is required.", "The status field is required."]


def test_model_rule_message_comes_after_command_rules_pass(api: Api) -> None:
    response = api.post("incidents", json={"name": "A", "status": 1})
    assert details_of(response) == ["The message field is required."]
    assert _total(api) == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": 5}, "The name must be a string."),
        ({"status": 5}, "The status may not be greater than 4."),
        ({"status": -1}, "The status must be at least 0."),
        ({"status": "abc"}, "The status must be an integer."),
        ({"status": 1.5}, "The status must be an integer."),
        ({"message": 5}, "The message must be a string."),
        ({"component_id": 1},
         "The component status field is required when component id is present."),
        ({"component_status": 1},
         "The component id field is required when component status is present."),
        ({"component_id": "x", "component_status": 1}, "The component id must be an integer."),
        ({"component_id": 1, "component_status": 5},
         "The component status may not be greater than 4."),
        ({"component_id": 1, "component_status": -1}, "The component status must be at least 0."),
        ({"occurred_at": 5}, "The occurred at must be a string."),
        ({"template": 5}, "The template must be a string."),
    ],
)  # fmt: skip
def test_create_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    assert details_of(api.post("incidents", json={**BASIC, **fields})) == [message]
    assert _total(api) == 0


def test_huge_status_fails_integer_and_maximum(api: Api) -> None:
    assert details_of(api.post("incidents", json={**BASIC, "status": 10**20})) == [
        "The status must be an integer.",
        "The status may not be greater than 4.",
    ]


def test_create_messages_come_in_declaration_order(api: Api) -> None:
    fields = {"status": 9, "message": 5, "component_status": 7, "occurred_at": 1, "template": 2}
    assert details_of(api.post("incidents", json=fields)) == [
        "The name field is required.",
        "The status may not be greater than 4.",
        "The message must be a string.",
        "The component id field is required when component status is present.",
        "The component status may not be greater than 4.",
        "The occurred at must be a string.",
        "The template must be a string.",
    ]


def test_status_accepts_integer_strings_and_stores_integers(api: Api) -> None:
    data = api.create("incidents", **{**BASIC, "status": "3"})
    assert data["status"] == 3 and data["human_status"] == "Watching"


def test_meta_is_stored_and_echoed_last(api: Api) -> None:
    data = api.create("incidents", **BASIC, meta={"id": 123456789})
    assert list(data)[-1] == "meta" and data["meta"] == {"id": 123456789}
    assert api.get(f"incidents/{data['id']}").json()["data"]["meta"] == {"id": 123456789}


def test_meta_skips_empty_values_and_empty_array_elements(api: Api) -> None:
    meta = {"a": "", "b": 0, "c": None, "d": False, "e": [], "f": "0", "g": ["x", "", 0], "h": 2}
    data = api.create("incidents", **BASIC, meta=meta)
    assert data["meta"] == {"g": ["x"], "h": 2}


def test_meta_without_entries_is_an_empty_array_quirk_11(api: Api) -> None:
    data = api.create("incidents", **BASIC, meta={"a": ""})
    assert data["meta"] == []


@pytest.mark.parametrize("field", ["meta", "vars"])
@pytest.mark.parametrize("value", [None, "text", 5])
def test_meta_or_vars_not_an_array_is_500_quirk_24(api: Api, field: str, value: Any) -> None:
    response = api.post("incidents", json={**BASIC, field: value})
    assert response.status_code == 500
    assert _total(api) == 0


def test_vars_null_beats_validation_errors_quirk_24(api: Api) -> None:
    assert api.post("incidents", json={"vars": None}).status_code == 500


def test_occurred_at_in_y_m_d_h_i_is_stored_with_zero_seconds(api: Api) -> None:
    data = api.create("incidents", **BASIC, occurred_at="2020-08-01 14:30")
    assert data["occurred_at"] == "2020-08-01 14:30:00"
    rolled = api.create("incidents", **BASIC, occurred_at="2020-02-30 10:00")
    assert rolled["occurred_at"] == "2020-03-01 10:00:00"


@pytest.mark.parametrize(
    "text", ["2020-08-01 14:30:00", "2020-08-01T14:30", "2020-08-01", "yesterday"]
)
def test_occurred_at_in_another_format_is_500_quirk_10(api: Api, text: str) -> None:
    assert api.post("incidents", json={**BASIC, "occurred_at": text}).status_code == 500
    assert _total(api) == 0


def test_occurred_at_is_read_in_the_request_time_zone(api: Api) -> None:
    headers = {"Time-Zone": "Europe/Paris"}
    fields = {**BASIC, "occurred_at": "2020-08-01 14:30"}
    data = api.post("incidents", json=fields, headers=headers).json()["data"]
    assert data["occurred_at"] == "2020-08-01 14:30:00"
    shown = api.get(f"incidents/{data['id']}").json()["data"]["occurred_at"]
    assert shown == "2020-08-01 12:30:00"


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
    incident = _insert(api, "incidents", name="Old", status=1, message="m", user_id=None)
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
    response = api.request(method, path, json={})
    assert response.status_code == 404
    assert errors_of(response)["detail"] == INCIDENT_404


def test_model_binding_precedes_auth_quirk_18(api: Api) -> None:
    assert api.delete("incidents/999", token=None).status_code == 404


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_writes_without_a_valid_token_are_401_and_change_nothing(
    api: Api, token: str | None
) -> None:
    created = api.create("incidents", **BASIC)
    path = f"incidents/{created['id']}"
    assert api.post("incidents", json=BASIC, token=token).status_code == 401
    assert api.put(path, json={"name": "Changed"}, token=token).status_code == 401
    assert api.delete(path, token=token).status_code == 401
    assert _total(api) == 1
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
    incident = _insert(api, "incidents", name="Old", status=1, message="m", user_id=1)
    assert api.get(f"incidents/{incident}").json()["data"]["duration"] == 0
    _insert(api, "incident_updates", incident_id=incident, status=2, message="u", user_id=1)
    duration = api.get(f"incidents/{incident}").json()["data"]["duration"]
    assert duration > 365 * 24 * 3600  # created 2020-01-01; updated then too


def test_permalink_uses_the_configured_site_url(api: Api) -> None:
    api.emulator.configure(site_url="https://status.example.com")
    data = api.create("incidents", **BASIC)
    assert data["permalink"] == f"https://status.example.com/incidents/{data['id']}"
