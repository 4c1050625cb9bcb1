"""Schedules (spec section 13; absent in 2.3, 17.1) over HTTP."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.emulator.api import Api, details_of, errors_of, not_found_detail
from tests.emulator.json_values import JSON_VALUES, fuzzing

CREATE_KEYS = [
    "status", "completed_at", "name", "message", "scheduled_at", "updated_at", "created_at",
    "id", "human_status",
]  # fmt: skip
GET_KEYS = [
    "id", "name", "message", "status", "scheduled_at", "completed_at", "created_at",
    "updated_at", "deleted_at", "components", "human_status",
]  # fmt: skip
MINIMAL = {"name": "Upgrade", "status": 0, "scheduled_at": "2020-09-01 20:00"}
STORED = "%Y-%m-%d %H:%M:%S"


def make_schedule(api: Api, **fields: Any) -> dict[str, Any]:
    """A created schedule (create shape)."""
    return api.create("schedules", **{**MINIMAL, **fields})


def shown(api: Api, schedule_id: int, **kwargs: Any) -> dict[str, Any]:
    """The GET shape of a schedule."""
    data: dict[str, Any] = api.get(f"schedules/{schedule_id}", **kwargs).json()["data"]
    return data


def test_create_pinned_by_cachet_echoes_fields_in_create_shape(api: Api) -> None:
    now = datetime.now().strftime("%Y-%m-%d %H:%M")
    fields = {"name": "Test Schedule", "message": "Foo bar, baz.", "status": 1}
    response = api.post("schedules", json={**fields, "scheduled_at": now})
    assert response.status_code == 200
    data = response.json()["data"]
    assert list(data) == CREATE_KEYS
    assert (data["name"], data["message"], data["status"]) == tuple(fields.values())
    assert data["scheduled_at"] == now + ":00" and data["human_status"] == "In Progress"


def test_create_without_message_omits_the_key(api: Api) -> None:
    """Quirk 1: a key the insert did not set is missing from the create shape."""
    data = make_schedule(api)
    assert list(data) == [key for key in CREATE_KEYS if key != "message"]
    assert "components" not in data and "deleted_at" not in data


def test_unset_completed_at_shows_now_quirk_8(api: Api) -> None:
    data = make_schedule(api)
    datetime.strptime(data["completed_at"], STORED)
    assert data["completed_at"] >= data["created_at"]
    again = shown(api, data["id"])["completed_at"]
    assert again is not None and again >= data["created_at"]
    with api.emulator.store.transaction():
        assert api.emulator.store.find("schedules", data["id"])["completed_at"] is None


def test_show_lists_columns_in_table_order(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    created = make_schedule(api, message="m", completed_at="2020-09-01 21:00")
    data = shown(api, created["id"])
    assert list(data) == GET_KEYS
    assert data["deleted_at"] is None and data["components"] == []
    assert data["completed_at"] == "2020-09-01 21:00:00"
    assert type(data["status"]) is int and type(data["id"]) is int


@pytest.mark.parametrize(
    ("status", "label"), [(0, "Upcoming"), (1, "In Progress"), (2, "Complete")]
)
def test_human_status(api: Api, status: int, label: str) -> None:
    assert make_schedule(api, status=status)["human_status"] == label


def test_message_is_not_cleaned_on_create_but_is_on_update(api: Api) -> None:
    data = make_schedule(api, message="  100%25 done  ")
    assert data["message"] == "  100%25 done  "
    updated = api.put(f"schedules/{data['id']}", json={"message": "  100%25 done  "})
    assert updated.json()["data"]["message"] == "100% done"


def test_dates_are_read_and_shown_in_the_cachet_timezone(api: Api) -> None:
    api.emulator.configure(timezone="Europe/Paris")
    data = make_schedule(api, scheduled_at="2020-09-01 20:00")
    assert data["scheduled_at"] == "2020-09-01 20:00:00"
    in_utc = shown(api, data["id"], headers={"Time-Zone": "UTC"})
    assert in_utc["scheduled_at"] == "2020-09-01 18:00:00"


def test_time_zone_header_is_used_to_read_dates(api: Api) -> None:
    response = api.post(
        "schedules",
        json={**MINIMAL, "scheduled_at": "2020-09-01 20:00"},
        headers={"Time-Zone": "America/Mexico_City"},
    )
    assert shown(api, response.json()["data"]["id"])["scheduled_at"] == "2020-09-02 01:00:00"


def test_out_of_range_date_rolls_over(api: Api) -> None:
    assert make_schedule(api, scheduled_at="2020-02-30 10:00")["scheduled_at"] == (
        "2020-03-01 10:00:00"
    )


@pytest.mark.parametrize("field", ["scheduled_at", "completed_at"])
def test_create_bad_date_is_400_with_parser_message_quirk_10(api: Api, field: str) -> None:
    response = api.post("schedules", json={**MINIMAL, field: "2020-09-01 20:00:00"})
    assert details_of(response) == ["Trailing data"]
    assert api.get("schedules").json()["data"] == []


def test_create_with_empty_body_lists_required_fields_in_order(api: Api) -> None:
    assert details_of(api.post("schedules")) == [
        "The name field is required.",
        "The status field is required.",
        "The scheduled at field is required.",
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": 5}, "The name must be a string."),
        ({"message": 5}, "The message must be a string."),
        ({"status": 3}, "The status may not be greater than 2."),
        ({"status": -1}, "The status must be at least 0."),
        ({"status": "x"}, "The status must be an integer."),
        ({"scheduled_at": 20200901}, "The scheduled at must be a string."),
        ({"completed_at": ["x"]}, "The completed at must be a string."),
        ({"components": "1,2"}, "The components must be an array."),
        ({"notify": "true"}, "The notify field must be true or false."),
    ],
)
def test_create_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    assert details_of(api.post("schedules", json={**MINIMAL, **fields})) == [message]


def test_huge_status_fails_both_integer_and_max(api: Api) -> None:
    response = api.post("schedules", json={**MINIMAL, "status": 10**20})
    assert details_of(response) == [
        "The status must be an integer.",
        "The status may not be greater than 2.",
    ]


def test_components_are_accepted_but_ignored(api: Api) -> None:
    component = api.create("components", name="C")
    data = make_schedule(api, components={str(component["id"]): 2}, notify=True)
    assert shown(api, data["id"])["components"] == []


def test_components_rows_are_raw_with_utc_timestamps(api: Api) -> None:
    data = make_schedule(api)
    link = {"schedule_id": data["id"], "component_id": 3, "component_status": 2}
    stamp = "2020-01-01 10:00:00"
    with api.emulator.store.transaction():
        api.emulator.store.insert(
            "schedule_components", {**link, "created_at": stamp, "updated_at": stamp}
        )
    components = shown(api, data["id"], headers={"Time-Zone": "Europe/Paris"})["components"]
    assert components == [{"id": 1, **link, "created_at": stamp, "updated_at": stamp}]


def test_create_without_token_is_401_and_creates_nothing(api: Api) -> None:
    for token in (None, "wrong"):
        assert api.post("schedules", json=MINIMAL, token=token).status_code == 401
    assert api.get("schedules").json()["meta"]["pagination"]["total"] == 0


def test_update_pinned_by_cachet_answers_full_shape(api: Api) -> None:
    created = make_schedule(api, message="keep")
    response = api.put(f"schedules/{created['id']}", json={"name": "Updated schedule"})
    assert response.status_code == 200
    data = response.json()["data"]
    assert list(data) == GET_KEYS
    assert (data["name"], data["message"], data["status"]) == ("Updated schedule", "keep", 0)


def test_update_dates_and_status(api: Api) -> None:
    created = make_schedule(api)
    fields = {"status": 2, "scheduled_at": "2021-01-02 03:04", "completed_at": "2021-01-02 05:00"}
    data = api.put(f"schedules/{created['id']}", json=fields).json()["data"]
    assert (data["status"], data["human_status"]) == (2, "Complete")
    assert data["scheduled_at"] == "2021-01-02 03:04:00"
    assert data["completed_at"] == "2021-01-02 05:00:00"


def test_update_cannot_clear_completed_at(api: Api) -> None:
    created = make_schedule(api, completed_at="2020-09-01 21:00")
    data = api.put(f"schedules/{created['id']}", json={"completed_at": None}).json()["data"]
    assert data["completed_at"] == "2020-09-01 21:00:00"


@pytest.mark.parametrize("field", ["scheduled_at", "completed_at"])
def test_update_bad_date_is_500_quirk_10(api: Api, field: str) -> None:
    created = make_schedule(api)
    response = api.put(
        f"schedules/{created['id']}", json={"name": "New", field: "2020-09-01T20:00"}
    )
    assert response.status_code == 500
    assert shown(api, created["id"])["name"] == "Upgrade"


def test_update_components_null_is_500_quirk_24(api: Api) -> None:
    created = make_schedule(api)
    response = api.put(f"schedules/{created['id']}", json={"name": "New", "components": None})
    assert response.status_code == 500
    assert shown(api, created["id"])["name"] == "Upgrade"


def test_update_components_array_is_ignored(api: Api) -> None:
    created = make_schedule(api)
    data = api.put(f"schedules/{created['id']}", json={"components": [1]}).json()["data"]
    assert data["components"] == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": 5}, "The name must be a string."),
        ({"status": 7}, "The status may not be greater than 2."),
        ({"status": -2}, "The status must be at least 0."),
        ({"status": "x"}, "The status must be an integer."),
        ({"message": 5}, "The message must be a string."),
        ({"completed_at": ["x"]}, "The completed at must be a string."),
        ({"scheduled_at": 5}, "The scheduled at must be a string."),
        ({"components": "x"}, "The components must be an array."),
        ({"name": ""}, "The name field is required."),
    ],
)
def test_update_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    created = make_schedule(api)
    before = shown(api, created["id"])
    assert details_of(api.put(f"schedules/{created['id']}", json=fields)) == [message]
    after = shown(api, created["id"])
    assert after["name"] == before["name"] and after["status"] == before["status"]


def test_update_without_token_is_401_and_changes_nothing(api: Api) -> None:
    created = make_schedule(api)
    for token in (None, "wrong"):
        response = api.put(f"schedules/{created['id']}", json={"name": "X"}, token=token)
        assert response.status_code == 401
    assert shown(api, created["id"])["name"] == "Upgrade"


def test_delete_soft_deletes(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    created = make_schedule(api)
    response = api.delete(f"schedules/{created['id']}")
    assert response.status_code == 204 and response.content == b""
    assert api.get(f"schedules/{created['id']}").status_code == 404
    assert api.get("schedules").json()["data"] == []
    assert api.delete(f"schedules/{created['id']}").status_code == 404
    with api.emulator.store.transaction():
        row = api.emulator.store.find("schedules", created["id"], with_deleted=True)
    assert row is not None and row["deleted_at"] is not None


def test_delete_without_token_is_401_and_keeps_schedule(api: Api) -> None:
    created = make_schedule(api)
    for token in (None, "wrong"):
        assert api.delete(f"schedules/{created['id']}", token=token).status_code == 401
    assert api.get(f"schedules/{created['id']}").status_code == 200


@pytest.mark.parametrize(("method", "path"), [("GET", "0"), ("PUT", "9"), ("DELETE", "x")])
def test_unknown_schedule_is_404_with_model_detail(api: Api, method: str, path: str) -> None:
    response = api.request(method, f"schedules/{path}", json={})
    assert errors_of(response)["detail"] == not_found_detail("Schedule")


def test_list_is_public_and_sorted_descending_whatever_order_quirk_2(api: Api) -> None:
    for name in ("b", "a", "c"):
        make_schedule(api, name=name)
    assert [s["name"] for s in api.get("schedules", token=None).json()["data"]] == ["b", "a", "c"]
    for order in ("asc", "desc"):
        data = api.get(f"schedules?sort=name&order={order}").json()["data"]
        assert [schedule["name"] for schedule in data] == ["c", "b", "a"]
    assert list(api.get("schedules").json()["data"][0]) == GET_KEYS


def test_list_paginates(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    for name in ("a", "b", "c"):
        make_schedule(api, name=name)
    body = api.get("schedules?per_page=2&page=2").json()
    assert [schedule["name"] for schedule in body["data"]] == ["c"]


def test_malformed_json_and_metacharacters(api: Api) -> None:
    headers = {"Content-Type": "application/json"}
    response = api.post("schedules", data=b'{"name": ', headers=headers)
    assert details_of(response)[0] == "The name field is required."
    name = "'); DELETE FROM schedules; --" + "z" * 50_000
    created = make_schedule(api, name=name)
    assert shown(api, created["id"])["name"] == name


def test_23_has_no_schedules(api23: Api) -> None:
    assert api23.get("schedules").status_code == 404
    assert api23.post("schedules", json=MINIMAL).status_code == 404


def test_fields_outside_the_api_are_ignored(api: Api) -> None:
    data = make_schedule(api, deleted_at="2020-01-01 00:00", id=40, human_status="x")
    assert data["id"] == 1 and data["human_status"] == "Upcoming"
    assert shown(api, 1)["deleted_at"] is None


@pytest.mark.parametrize("date", ["9999-13-01 00:00", "0000-01-01 00:00"])
def test_dates_no_column_can_hold_are_a_bare_400(api: Api, date: str) -> None:
    response = api.post("schedules", json={**MINIMAL, "scheduled_at": date})
    assert response.status_code == 400 and "meta" not in errors_of(response)
    created = make_schedule(api)
    response = api.put(f"schedules/{created['id']}", json={"completed_at": date})
    assert response.status_code == 400 and "meta" not in errors_of(response)


_SCHEDULE_FIELDS = st.dictionaries(
    st.sampled_from(
        ["name", "message", "status", "scheduled_at", "completed_at", "components", "notify"]
    ),
    JSON_VALUES | st.sampled_from(["2020-09-01 20:00", "2020-9-1 7:05", "1", 1, 2]),
)


@fuzzing()
@given(fields=_SCHEDULE_FIELDS)
def test_any_json_create_is_200_or_400_and_reads_back(api: Api, fields: dict[str, Any]) -> None:
    api.emulator.reset()  # hypothesis runs many examples in one test
    response = api.post("schedules", json=fields)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        created = response.json()["data"]
        data = shown(api, created["id"])
        assert (data["name"], data["status"]) == (created["name"], created["status"])
        assert data["scheduled_at"] == created["scheduled_at"]
