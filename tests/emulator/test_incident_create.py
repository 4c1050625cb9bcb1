"""Creating incidents (spec 8.4) over HTTP; templates are in test_incident_templating.py."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.emulator.api import Api, details_of, errors_of, insert_row
from tests.emulator.incident_samples import BASIC, CREATE_KEYS, total_incidents
from tests.emulator.json_values import fuzzing


def test_create_answers_200_with_its_own_key_set_quirk_1(api: Api) -> None:
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
    insert_row(api, "schedules", name="Upgrade", status=1, scheduled_at="2000-01-01 00:00:00")


def test_running_maintenance_suppresses_the_component_key(api: Api) -> None:
    _running_schedule(api)
    assert "component" not in api.create("incidents", **BASIC)
    api.emulator.configure(suppress_notifications_in_maintenance=False)
    assert "component" in api.create("incidents", **BASIC)


def test_finished_maintenance_does_not_suppress_the_component_key(api: Api) -> None:
    done = {"scheduled_at": "2000-01-01 00:00:00", "completed_at": "2000-01-02 00:00:00"}
    insert_row(api, "schedules", name="Old", status=2, **done)
    assert "component" in api.create("incidents", **BASIC)


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
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.post("incidents")
    assert details_of(response) == ["The name field is required.", "The status field is required."]


def test_model_rule_message_comes_after_command_rules_pass(api: Api) -> None:
    response = api.post("incidents", json={"name": "A", "status": 1})
    assert details_of(response) == ["The message field is required."]
    assert total_incidents(api) == 0


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
    assert total_incidents(api) == 0


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
    """Pinned by Cachet's own API tests (spec 16)."""
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
    assert total_incidents(api) == 0


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
    assert total_incidents(api) == 0


@pytest.mark.parametrize(
    ("text", "zone"),
    [("9999-99-99 99:99", "UTC"), ("0000-01-01 00:00", "UTC"), ("9999-12-31 23:00", "Etc/GMT+5")],
)
def test_occurred_at_no_date_column_can_hold_is_a_bare_400(api: Api, text: str, zone: str) -> None:
    """PHP rolls such dates over happily; the database cannot store the year (as schedules)."""
    fields = {**BASIC, "occurred_at": text}
    response = api.post("incidents", json=fields, headers={"Time-Zone": zone})
    assert response.status_code == 400 and "meta" not in errors_of(response)
    assert total_incidents(api) == 0


def test_dates_near_year_9999_show_year_10000_east_of_utc(api: Api) -> None:
    """PHP formats a year past 9999 with five digits instead of failing."""
    data = api.create("incidents", **BASIC, occurred_at="9999-12-31 23:30")
    shown = api.get(f"incidents/{data['id']}", headers={"Time-Zone": "Asia/Tokyo"}).json()
    assert shown["data"]["occurred_at"] == "10000-01-01 08:30:00"


def test_occurred_at_is_read_in_the_request_time_zone(api: Api) -> None:
    headers = {"Time-Zone": "Europe/Paris"}
    fields = {**BASIC, "occurred_at": "2020-08-01 14:30"}
    data = api.post("incidents", json=fields, headers=headers).json()["data"]
    assert data["occurred_at"] == "2020-08-01 14:30:00"
    shown = api.get(f"incidents/{data['id']}").json()["data"]["occurred_at"]
    assert shown == "2020-08-01 12:30:00"


def test_create_with_explicit_flags_pinned(api: Api) -> None:
    fields = {"name": "Foo", "message": "Lorem ipsum", "status": 1, "visible": 1}
    response = api.post("incidents", json={**fields, "stickied": False})
    assert response.status_code == 200
    assert response.json()["data"]["stickied"] is False


def test_create_with_component_status_one_pinned(api: Api) -> None:
    component = api.create("components", name="API", status=3)
    fields = {**BASIC, "component_id": component["id"], "component_status": 1}
    assert api.post("incidents", json=fields).status_code == 200
    assert api.get(f"components/{component['id']}").json()["data"]["status"] == 1


def test_create_message_skips_the_xss_filter_that_update_applies(api: Api) -> None:
    created = api.create("incidents", name="A", status=1, message="<script>x</script>")
    assert created["message"] == "<script>x</script>"
    path = f"incidents/{created['id']}"
    response = api.put(path, json={"message": "<script>x</script>"})
    assert "<script>" not in response.json()["data"]["message"]


_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_json_values = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=6,
)
# Every create field except those the spec makes a 500 on purpose (occurred_at, vars, meta).
_incident_fields = st.dictionaries(
    st.sampled_from(
        ["name", "status", "message", "visible", "component_id", "component_status", "notify",
         "stickied", "template", "colour"]
    ),
    _json_values,
).map(lambda fields: {"name": "N", "status": 1, "message": "m", **fields})  # fmt: skip


@fuzzing()
@given(fields=_incident_fields, meta=st.dictionaries(st.text(max_size=5), _json_values))
def test_any_json_create_is_200_or_400_and_reads_back(
    api: Api, fields: dict[str, Any], meta: dict[str, Any]
) -> None:
    response = api.post("incidents", json={**fields, "meta": meta})
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        data = response.json()["data"]
        data.pop("component", None)
        shown = api.get(f"incidents/{data['id']}").json()["data"]
        assert {key: shown[key] for key in data if key in shown} == data
