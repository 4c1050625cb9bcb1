"""Metric points (spec section 12; 2.3 differences 17.6) over HTTP."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.emulator.api import Api, details_of, errors_of, not_found_detail
from tests.emulator.json_values import JSON_VALUES, fuzzing
from tests.emulator.metric_samples import (
    POINT_GET_KEYS,
    STORED,
    make_metric,
    points_of,
)

CREATE_KEYS = [
    "value",
    "counter",
    "metric_id",
    "updated_at",
    "created_at",
    "id",
    "calculated_value",
]
CREATE_KEYS_WITH_TIMESTAMP = [
    "value", "counter", "metric_id", "created_at", "updated_at", "id", "calculated_value",
]  # fmt: skip
# 2020-08-08 10:05:00 UTC
BASE = 1596881100


def test_create_pinned_by_cachet_answers_create_shape(api: Api) -> None:
    metric_id = make_metric(api)
    response = api.post(f"metrics/{metric_id}/points", json={"value": 12.5})
    assert response.status_code == 200
    data = response.json()["data"]
    assert list(data) == CREATE_KEYS
    assert (data["value"], data["counter"], data["metric_id"]) == (12.5, 1, metric_id)
    assert data["calculated_value"] == 12.5
    assert type(data["counter"]) is int and type(data["metric_id"]) is int


def test_create_with_timestamp_has_created_at_before_updated_at(api: Api) -> None:
    metric_id = make_metric(api)
    data = api.create(f"metrics/{metric_id}/points", value=1, timestamp=BASE)
    assert list(data) == CREATE_KEYS_WITH_TIMESTAMP
    assert data["created_at"] == "2020-08-08 10:05:00"


def test_list_shows_get_shape(api: Api) -> None:
    metric_id = make_metric(api)
    created = api.create(f"metrics/{metric_id}/points", value=3)
    [point] = points_of(api, metric_id)
    assert list(point) == POINT_GET_KEYS
    assert {key: point[key] for key in CREATE_KEYS if key != "updated_at"} == {
        key: created[key] for key in CREATE_KEYS if key != "updated_at"
    }


@pytest.mark.parametrize(
    ("offset", "created_at"),
    [
        (0, "2020-08-08 10:05:00"),
        (14, "2020-08-08 10:05:00"),
        (15, "2020-08-08 10:05:30"),
        (44, "2020-08-08 10:05:30"),
        (45, "2020-08-08 10:06:00"),
    ],
)
def test_timestamp_is_rounded_to_30_seconds_quirk_14(
    api: Api, offset: int, created_at: str
) -> None:
    metric_id = make_metric(api)
    data = api.create(f"metrics/{metric_id}/points", value=1, timestamp=BASE + offset)
    assert data["created_at"] == created_at


def test_timestamp_string_is_accepted_on_create(api: Api) -> None:
    metric_id = make_metric(api)
    data = api.create(f"metrics/{metric_id}/points", value=1, timestamp=str(BASE + 20))
    assert data["created_at"] == "2020-08-08 10:05:30"


def test_created_at_without_timestamp_is_on_a_30_second_boundary(api: Api) -> None:
    metric_id = make_metric(api)
    data = api.create(f"metrics/{metric_id}/points", value=1)
    assert data["created_at"][-2:] in ("00", "30")


def test_created_at_is_shown_in_the_cachet_timezone(api: Api) -> None:
    api.emulator.configure(timezone="Europe/Paris")
    metric_id = make_metric(api)
    data = api.create(f"metrics/{metric_id}/points", value=1, timestamp=BASE)
    assert data["created_at"] == "2020-08-08 12:05:00"


def test_time_zone_header_changes_created_at(api: Api) -> None:
    metric_id = make_metric(api)
    headers = {"Time-Zone": "America/Mexico_City"}
    response = api.post(
        f"metrics/{metric_id}/points", json={"value": 1, "timestamp": BASE}, headers=headers
    )
    assert response.json()["data"]["created_at"] == "2020-08-08 05:05:00"


def test_list_is_newest_first(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    metric_id = make_metric(api)
    for hour in (14, 13, 16):
        stamp = int(datetime(2020, 8, 8, hour, tzinfo=timezone.utc).timestamp())
        api.create(f"metrics/{metric_id}/points", value=1, timestamp=stamp)
    hours = [point["created_at"][11:13] for point in points_of(api, metric_id)]
    assert hours == ["16", "14", "13"]


def test_list_ignores_sort(api: Api) -> None:
    metric_id = make_metric(api)
    for offset in (0, 3600):
        api.create(f"metrics/{metric_id}/points", value=offset, timestamp=BASE + offset)
    data = api.get(f"metrics/{metric_id}/points?sort=id&order=asc").json()["data"]
    assert [point["value"] for point in data] == [3600, 0]


def test_list_paginates_and_is_public(api: Api) -> None:
    metric_id = make_metric(api)
    for offset in range(3):
        api.create(f"metrics/{metric_id}/points", value=offset, timestamp=BASE + offset * 60)
    body = api.get(f"metrics/{metric_id}/points?per_page=2", token=None).json()
    assert body["meta"]["pagination"]["total"] == 3 and len(body["data"]) == 2


@pytest.mark.parametrize(
    ("fields", "messages"),
    [
        ({}, ["The value field is required."]),
        ({"value": None}, ["The value field is required."]),
        ({"value": "abc"}, ["The value must be a number."]),
        ({"value": [1]}, ["The value must be a number."]),
        ({"value": 1, "timestamp": "abc"}, ["The created at must be an integer."]),
        ({"value": 1, "timestamp": 1.5}, ["The created at must be an integer."]),
        (
            {"value": "x", "timestamp": "y"},
            ["The value must be a number.", "The created at must be an integer."],
        ),
    ],
)
def test_create_messages_name_timestamp_created_at_quirk_27(
    api: Api, fields: dict[str, Any], messages: list[str]
) -> None:
    metric_id = make_metric(api)
    assert details_of(api.post(f"metrics/{metric_id}/points", json=fields)) == messages
    assert points_of(api, metric_id) == []


def test_numeric_strings_and_exponents_are_values(api: Api) -> None:
    metric_id = make_metric(api)
    assert api.create(f"metrics/{metric_id}/points", value="1e3")["value"] == 1000


def test_huge_value_is_clipped_to_the_column(api: Api) -> None:
    metric_id = make_metric(api)
    api.create(f"metrics/{metric_id}/points", value=1e300)
    assert points_of(api, metric_id)[0]["value"] == 999999999999.999


def test_timestamp_beyond_any_date_is_400(api: Api) -> None:
    metric_id = make_metric(api)
    response = api.post(f"metrics/{metric_id}/points", json={"value": 1, "timestamp": 10**15})
    assert details_of(response) == ["The created at must be an integer."]


def test_update_pinned_by_cachet(api: Api) -> None:
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=1)
    response = api.put(f"metrics/{metric_id}/points/{point['id']}", json={"value": 999})
    assert response.status_code == 200
    data = response.json()["data"]
    assert list(data) == POINT_GET_KEYS
    assert data["value"] == 999 and '"value":999,' in response.text


def test_update_without_value_sets_zero_quirk_7(api: Api) -> None:
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=5)
    data = api.put(f"metrics/{metric_id}/points/{point['id']}", json={}).json()["data"]
    assert data["value"] == 0 and data["calculated_value"] == 0


def test_update_timestamp_string_is_rounded(api: Api) -> None:
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=1)
    fields = {"value": 1, "timestamp": str(BASE + 50)}
    data = api.put(f"metrics/{metric_id}/points/{point['id']}", json=fields).json()["data"]
    assert data["created_at"] == "2020-08-08 10:06:00"


def test_update_timestamp_integer_is_400_quirk_7(api: Api) -> None:
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=1)
    response = api.put(
        f"metrics/{metric_id}/points/{point['id']}", json={"value": 2, "timestamp": BASE}
    )
    assert details_of(response) == ["The created at must be a string."]
    assert points_of(api, metric_id)[0]["value"] == 1


def test_update_non_numeric_timestamp_is_500(api: Api) -> None:
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=1)
    fields = {"value": 2, "timestamp": "yesterday"}
    response = api.put(f"metrics/{metric_id}/points/{point['id']}", json=fields)
    assert response.status_code == 500
    assert points_of(api, metric_id)[0]["value"] == 1


def test_update_non_numeric_value_becomes_zero(api: Api) -> None:
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=1)
    data = api.put(f"metrics/{metric_id}/points/{point['id']}", json={"value": "abc"})
    assert data.json()["data"]["value"] == 0


def test_update_moves_point_to_the_url_metric_quirk_16(api: Api) -> None:
    """Quirks 7 and 16: PUT re-assigns the point to the metric of the URL."""
    first, second = make_metric(api), make_metric(api)
    point = api.create(f"metrics/{first}/points", value=1)
    data = api.put(f"metrics/{second}/points/{point['id']}", json={"value": 1}).json()["data"]
    assert data["metric_id"] == second
    assert points_of(api, first) == [] and len(points_of(api, second)) == 1


def test_delete_removes_point_of_any_metric_quirk_16(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    first, second = make_metric(api), make_metric(api)
    point = api.create(f"metrics/{first}/points", value=1)
    response = api.delete(f"metrics/{second}/points/{point['id']}")
    assert response.status_code == 204 and response.content == b""
    assert points_of(api, first) == []


def test_single_point_get_is_405(api: Api) -> None:
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=1)
    response = api.get(f"metrics/{metric_id}/points/{point['id']}")
    assert response.status_code == 405
    assert response.headers["allow"] == "PUT, DELETE"


@pytest.mark.parametrize(
    ("method", "fields"), [("POST", {"value": 1}), ("PUT", {"value": 9}), ("DELETE", None)]
)
def test_writes_need_a_token_and_change_nothing(
    api: Api, method: str, fields: dict[str, Any] | None
) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=1, timestamp=BASE)
    path = f"metrics/{metric_id}/points" + ("" if method == "POST" else f"/{point['id']}")
    for token in (None, "wrong"):
        response = api.request(method, path, token=token, json=fields)
        assert response.status_code == 401
    [stored] = points_of(api, metric_id)
    assert (stored["value"], stored["counter"]) == (1, 1)


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("metrics/9/points", "Metric"),
        ("metrics/9/points/9", "Metric"),
        ("metrics/1/points/9", "MetricPoint"),
    ],
)
def test_unknown_ids_are_404_first_unknown_wins(api: Api, path: str, model: str) -> None:
    make_metric(api)
    for method in ("GET", "POST") if path.endswith("points") else ("PUT", "DELETE"):
        response = api.request(method, path, json={"value": 1})
        assert response.status_code == 404
        assert errors_of(response)["detail"] == not_found_detail(model)


@pytest.mark.parametrize(
    ("zone", "headers"),
    [("UTC", {}), ("Europe/Paris", {}), ("UTC", {"Time-Zone": "America/Mexico_City"})],
)
def test_timestamp_now_pinned_by_cachet_is_rounded_in_the_shown_zone(
    api: Api, zone: str, headers: dict[str, str]
) -> None:
    api.emulator.configure(timezone=zone)
    metric_id = make_metric(api)
    now = int(time.time())
    response = api.post(
        f"metrics/{metric_id}/points", json={"value": 1, "timestamp": now}, headers=headers
    )
    rounded = datetime.fromtimestamp((now + 15) // 30 * 30, timezone.utc)
    shown_zone = ZoneInfo(headers.get("Time-Zone", zone))
    assert response.json()["data"]["created_at"] == rounded.astimezone(shown_zone).strftime(STORED)


def test_query_string_and_form_fields_create_and_update_points(api: Api) -> None:
    metric_id = make_metric(api)
    point = api.post(f"metrics/{metric_id}/points?value=5").json()["data"]
    assert point["value"] == 5
    # Form values are strings, so a form PUT can carry the timestamp.
    form = {"value": "6", "timestamp": str(BASE)}
    data = api.put(f"metrics/{metric_id}/points/{point['id']}", data=form).json()["data"]
    assert (data["value"], data["created_at"]) == (6, "2020-08-08 10:05:00")


def test_unknown_and_internal_fields_are_ignored_on_create(api: Api) -> None:
    metric_id = make_metric(api)
    fields = {"value": 1, "counter": 10, "metric_id": 99, "created_at": "2001-01-01", "x": 1}
    data = api.create(f"metrics/{metric_id}/points", **fields)
    assert (data["counter"], data["metric_id"]) == (1, metric_id) and "x" not in data


_POINT_FIELDS = st.dictionaries(
    st.sampled_from(["value", "timestamp"]),
    JSON_VALUES | st.sampled_from([1, "2.5", str(BASE), BASE]),
)


@fuzzing()
@given(fields=_POINT_FIELDS)
def test_any_json_create_is_200_or_400_and_listed(api: Api, fields: dict[str, Any]) -> None:
    api.emulator.reset()  # hypothesis runs many examples in one test
    metric_id = make_metric(api)
    response = api.post(f"metrics/{metric_id}/points", json=fields)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 200:
        assert [p["id"] for p in points_of(api, metric_id)] == [response.json()["data"]["id"]]


@fuzzing()
@given(fields=_POINT_FIELDS)
def test_any_json_update_is_200_or_400_or_500_for_garbage_timestamp(
    api: Api, fields: dict[str, Any]
) -> None:
    api.emulator.reset()  # hypothesis runs many examples in one test
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=1)
    response = api.put(f"metrics/{metric_id}/points/{point['id']}", json=fields)
    if response.status_code == 500:  # a non-numeric timestamp string (spec 12.5)
        assert isinstance(fields.get("timestamp"), str)
        return
    assert response.status_code in (200, 400), response.text


def test_infinite_value_is_a_bare_400_and_writes_nothing(api: Api) -> None:
    metric_id = make_metric(api)
    headers = {"Content-Type": "application/json"}
    response = api.post(f"metrics/{metric_id}/points", data=b'{"value": 1e400}', headers=headers)
    assert response.status_code == 400 and "meta" not in errors_of(response)
    assert points_of(api, metric_id) == []
