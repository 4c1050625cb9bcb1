"""Incidents in Cachet 2.3 mode (spec 17.5) over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.api import Api, details_of, errors_of

GET_KEYS = [
    "id", "component_id", "name", "status", "visible", "message", "scheduled_at", "created_at",
    "updated_at", "deleted_at", "human_status",
]  # fmt: skip
CREATE_KEYS = [
    "name", "status", "visible", "message", "updated_at", "created_at", "id", "notify",
    "human_status", "scheduled_at",
]  # fmt: skip
BASIC = {"name": "Database slow", "status": 1, "message": "Looking into it"}


def test_create_has_the_23_create_shape(api23: Api) -> None:
    data = api23.create("incidents", **BASIC)
    assert list(data) == CREATE_KEYS
    assert data["notify"] is True and data["visible"] == 1
    assert data["human_status"] == "Investigating"


def test_show_has_the_23_shape_with_scheduled_at_now(api23: Api) -> None:
    created = api23.create("incidents", **BASIC)
    data = api23.get(f"incidents/{created['id']}").json()["data"]
    assert list(data) == GET_KEYS
    assert data["scheduled_at"] >= data["created_at"]  # shown as the current time (Bug)


def test_status_zero_is_scheduled(api23: Api) -> None:
    assert api23.create("incidents", **{**BASIC, "status": 0})["human_status"] == "Scheduled"


def test_empty_body_gives_the_shifted_model_messages(api23: Api) -> None:
    assert details_of(api23.post("incidents")) == [
        "The name format is invalid.",
        "The status format is invalid.",
        "The message format is invalid.",
    ]


def test_no_command_rules_only_model_rules(api23: Api) -> None:
    assert api23.create("incidents", **{**BASIC, "status": 9})["status"] == 9
    response = api23.post("incidents", json={**BASIC, "status": "x"})
    assert details_of(response) == ["The selected status is invalid."]


def test_visible_is_not_cast(api23: Api) -> None:
    response = api23.post("incidents", json={**BASIC, "visible": "false"})
    assert details_of(response) == ["The visible must have between :min and :max items."]


def test_created_at_in_d_m_y_sets_both_timestamps(api23: Api) -> None:
    data = api23.create("incidents", **BASIC, created_at="25/12/2016 14:30")
    assert list(data) == [*CREATE_KEYS[:4], "created_at", "updated_at", *CREATE_KEYS[6:]]
    assert data["created_at"] == data["updated_at"] == "2016-12-25 14:30:00"


@pytest.mark.parametrize("text", ["2016-12-25 14:30", "25/12/2016 14:30:00", "soon"])
def test_created_at_in_another_format_is_500(api23: Api, text: str) -> None:
    assert api23.post("incidents", json={**BASIC, "created_at": text}).status_code == 500
    assert api23.get("incidents").json()["data"] == []


def test_component_status_is_set_directly(api23: Api) -> None:
    component = api23.create("components", name="API", status=1)
    data = api23.create("incidents", **BASIC, component_id=component["id"], component_status=3)
    assert data["component_id"] == component["id"]
    assert api23.get(f"components/{component['id']}").json()["data"]["status"] == 3


def test_unknown_component_is_500(api23: Api) -> None:
    response = api23.post("incidents", json={**BASIC, "component_id": 9, "component_status": 2})
    assert response.status_code == 500
    assert api23.get("incidents").json()["data"] == []


def test_missing_component_status_fails_the_component_rule(api23: Api) -> None:
    component = api23.create("components", name="API", status=1)
    response = api23.post("incidents", json={**BASIC, "component_id": component["id"]})
    assert details_of(response) == ["The status format is invalid."]
    assert api23.get("incidents").json()["data"] == []


def test_template_renders_vars_only(api23: Api) -> None:
    api23.emulator.create_incident_template("Tpl", "{{ who }} [{{ incident.name }}]")
    vars_ = {"who": "Ops & Co"}
    data = api23.create("incidents", name="N", status=1, template="tpl", vars=vars_)
    assert data["message"] == "Ops &amp; Co []"


def test_update_resets_visible_and_keeps_other_fields(api23: Api) -> None:
    created = api23.create("incidents", **BASIC, visible=0)
    data = api23.put(f"incidents/{created['id']}", json={"name": "Foo"}).json()["data"]
    assert list(data) == GET_KEYS
    assert (data["name"], data["visible"], data["status"]) == ("Foo", 1, 1)


def test_created_at_no_date_column_can_hold_is_a_bare_400(api23: Api) -> None:
    response = api23.post("incidents", json={**BASIC, "created_at": "99/99/9999 99:99"})
    assert response.status_code == 400 and "meta" not in errors_of(response)


def test_update_created_at(api23: Api) -> None:
    created = api23.create("incidents", **BASIC)
    path = f"incidents/{created['id']}"
    data = api23.put(path, json={"created_at": "01/02/2015 03:04"}).json()["data"]
    assert data["created_at"] == "2015-02-01 03:04:00"


@pytest.mark.parametrize(
    "fields",
    [{"template": "missing", "vars": {}}, {"template": "tpl"}, {"template": "tpl", "vars": None}],
)
def test_update_template_needs_an_existing_template_and_vars(
    api23: Api, fields: dict[str, Any]
) -> None:
    api23.emulator.create_incident_template("Tpl", "{{ who }}")
    created = api23.create("incidents", **BASIC)
    assert api23.put(f"incidents/{created['id']}", json=fields).status_code == 500


def test_update_renders_a_template(api23: Api) -> None:
    api23.emulator.create_incident_template("Tpl", "By {{ who }}")
    created = api23.create("incidents", **BASIC)
    fields = {"template": "tpl", "vars": {"who": "Ops"}}
    assert api23.put(f"incidents/{created['id']}", json=fields).json()["data"]["message"] == (
        "By Ops"
    )


def test_unknown_incident_has_the_generic_404(api23: Api) -> None:
    response = api23.get("incidents/1")
    assert response.status_code == 404
    assert errors_of(response)["detail"] == (
        "The requested resource could not be found but may be available again in the future."
    )


def test_filters_and_sorts_know_only_23_columns(api23: Api) -> None:
    api23.create("incidents", **BASIC)
    api23.create("incidents", **{**BASIC, "name": "Z"})
    assert len(api23.get("incidents?status=1").json()["data"]) == 2
    assert api23.get("incidents?name=Z&stickied=0").status_code == 500
    names = [i["name"] for i in api23.get("incidents?sort=name&order=asc").json()["data"]]
    assert names == ["Z", "Database slow"]


def test_delete_and_auth_work_as_in_24(api23: Api) -> None:
    created = api23.create("incidents", **BASIC)
    path = f"incidents/{created['id']}"
    assert api23.delete(path, token=None).status_code == 401
    assert api23.delete(path).status_code == 204
    assert api23.get(path).status_code == 404
