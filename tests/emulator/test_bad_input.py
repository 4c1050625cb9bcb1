"""Bad input never crashes the emulator: clear 400s, nothing lost, 500 only where Cachet has one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.emulator.api import Api, details_of
from tests.emulator.json_values import JSON_VALUES, fuzzing


def test_unknown_fields_are_ignored(api: Api) -> None:
    data = api.create("components", name="A", colour="red", id=99, deleted_at="2020-01-01")
    assert data["id"] == 1 and "colour" not in data
    assert api.get("components/1").json()["data"]["deleted_at"] is None


def test_huge_string_is_stored_whole(api: Api) -> None:
    name = "x" * 200_000
    data = api.create("components", name="A", description=name)
    assert api.get(f"components/{data['id']}").json()["data"]["description"] == name


@pytest.mark.parametrize("number", [2**63, -(2**63) - 1, 10**30, 1e300])
def test_huge_numbers_fail_the_int_rule(api: Api, number: float) -> None:
    assert details_of(api.post("components", json={"name": "A", "order": number})) == [
        "The order must be an integer."
    ]


def test_largest_int64_order_is_accepted(api: Api) -> None:
    assert api.create("components", name="A", order=2**63 - 1)["order"] == 2**63 - 1


@pytest.mark.parametrize("value", [[], {}, [1, 2], {"a": 1}, True, 1.5])
def test_wrong_types_for_name(api: Api, value: object) -> None:
    assert details_of(api.post("components", json={"name": value})) in (
        ["The name field is required."],
        ["The name must be a string."],
    )


def test_non_utf8_json_body_is_no_fields(api: Api) -> None:
    response = api.post(
        "components", data=b'{"name": "\xff\xfe"}', headers={"Content-Type": "application/json"}
    )
    assert details_of(response) == ["The name field is required."]


@pytest.mark.parametrize("constant", [b"NaN", b"Infinity", b"-Infinity"])
def test_nan_and_infinity_make_an_invalid_json_body(api: Api, constant: bytes) -> None:
    """PHP's json_decode rejects these non-standard constants: the body counts as no fields."""
    body = b'{"name": "A", "status": 1, "order": ' + constant + b"}"
    response = api.post("components", data=body, headers={"Content-Type": "application/json"})
    assert details_of(response) == ["The name field is required."]
    assert api.get("components").json()["data"] == []


def test_deeply_nested_meta_is_kept(api: Api) -> None:
    meta: dict[str, object] = {"leaf": 1}
    for _ in range(50):
        meta = {"n": meta}
    assert api.create("components", name="A", meta=meta)["meta"] == meta


def test_absurdly_nested_json_is_no_fields(api: Api) -> None:
    body = b'{"name": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = api.post("components", data=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400


def test_meta_nulls_inside_arrays_are_dropped(api: Api) -> None:
    data = api.create("components", name="A", meta={"a": None, "b": 1, "c": [1, None, 2]})
    assert data["meta"] == {"b": 1, "c": [1, 2]}


def test_form_brackets_build_meta(api: Api) -> None:
    response = api.post("components", data={"name": "A", "meta[k]": "v", "meta[n][]": "1"})
    assert response.json()["data"]["meta"] == {"k": "v", "n": ["1"]}


def test_put_with_form_body_is_read(api: Api) -> None:
    api.create("components", name="A")
    assert api.put("components/1", data={"name": "B"}).json()["data"]["name"] == "B"


def test_empty_json_object_updates_nothing(api: Api) -> None:
    created = api.create("components", name="A", status=2)
    data = api.put("components/1", json={}).json()["data"]
    assert data["updated_at"] == created["updated_at"] and data["status"] == 2


def test_failed_write_leaves_no_trace(api: Api) -> None:
    api.create("components", name="A", tags="Keep")
    assert api.put("components/1", json={"name": "B", "tags": ["x"]}).status_code == 500
    data = api.get("components/1").json()["data"]
    assert (data["name"], data["tags"]) == ("A", {"keep": "Keep"})


_component_fields = st.dictionaries(
    st.sampled_from(
        ["name", "description", "status", "link", "order", "group_id", "enabled", "meta", "tags"]
    ),
    JSON_VALUES,
)


@fuzzing()
@given(fields=_component_fields)
def test_any_json_create_is_200_or_400(api: Api, fields: dict[str, object]) -> None:
    response = api.post("components", json=fields)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        data = response.json()["data"]
        shown = api.get(f"components/{data['id']}").json()["data"]
        assert {key: shown[key] for key in data if key in shown} == data
