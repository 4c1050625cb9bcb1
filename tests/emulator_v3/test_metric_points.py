"""Metric points (mirrors core's MetricPointTest, 17 tests, then the threshold rule of 6.8)."""

from __future__ import annotations

import time
from typing import Any

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api, ids


def _points(api: Api) -> list[dict[str, Any]]:
    with api.emulator.store.transaction():
        return api.emulator.store.select("v3_metric_points")


def _metric_with_points(api: Api, count: int, **values: Any) -> int:
    metric = rows.metric(api, **values)
    for _ in range(count):
        rows.point(api, metric)
    return metric


def test_can_list_metric_points(api: Api) -> None:
    metric = _metric_with_points(api, 2)
    assert len(api.guest_get(f"metrics/{metric}/points").json()["data"]) == 2


def test_does_not_list_more_than_15_metric_points_by_default(api: Api) -> None:
    metric = _metric_with_points(api, 20)
    assert len(api.guest_get(f"metrics/{metric}/points").json()["data"]) == 15


def test_can_list_more_than_15_metric_points(api: Api) -> None:
    metric = _metric_with_points(api, 20)
    assert len(api.guest_get(f"metrics/{metric}/points?per_page=18").json()["data"]) == 18


def test_sorts_metric_points_by_id_by_default(api: Api) -> None:
    for _ in range(5):
        _metric_with_points(api, 20)
    metric = _metric_with_points(api, 20)
    assert ids(api.guest_get(f"metrics/{metric}/points"))[:5] == [101, 102, 103, 104, 105]


def test_can_sort_metric_points_by_value(api: Api) -> None:
    metric = rows.metric(api)
    for value in (3.0, 1.0, 2.0):
        rows.point(api, metric, value=value)
    assert ids(api.guest_get(f"metrics/{metric}/points?sort=value")) == [2, 3, 1]


def test_can_get_a_metric_point(api: Api) -> None:
    for _ in range(5):
        _metric_with_points(api, 1)
    metric = _metric_with_points(api, 1)
    data = api.guest_get(f"metrics/{metric}/points/6?per_page=18").json()["data"]
    assert (data["type"], data["attributes"]["metric_id"]) == ("metricPoints", metric)


def test_cannot_create_a_metric_point_if_not_authenticated(api: Api) -> None:
    metric = rows.metric(api)
    assert api.post(f"metrics/{metric}/points", json={"value": 10}, token=None).status_code == 401
    assert _points(api) == []


def test_cannot_create_a_metric_point_without_the_token_ability(api: Api) -> None:
    metric = rows.metric(api)
    token = api.token_with("metrics.manage")
    assert api.post(f"metrics/{metric}/points", json={"value": 10}, token=token).status_code == 403
    assert _points(api) == []


def test_can_create_a_metric_point(api: Api) -> None:
    metric = rows.metric(api)
    token = api.token_with("metric-points.manage")
    response = api.post(f"metrics/{metric}/points", json={"value": 10}, token=token)
    assert response.status_code == 201
    attributes = response.json()["data"]["attributes"]
    assert (attributes["value"], attributes["counter"], attributes["calculated_value"]) == (
        10,
        1,
        10,
    )


def test_cannot_create_a_metric_point_with_an_invalid_timestamp(api: Api) -> None:
    metric = rows.metric(api)
    body = {"value": 1, "timestamp": "not-a-timestamp"}
    response = api.post(f"metrics/{metric}/points", json=body)
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "timestamp": ["The timestamp must be a date or Unix timestamp."]
    }


def test_can_create_a_metric_point_with_a_unix_timestamp(api: Api) -> None:
    metric = rows.metric(api)
    an_hour_ago = (int(time.time()) - 3600) // 60 * 60
    response = api.post(f"metrics/{metric}/points", json={"value": 1, "timestamp": an_hour_ago})
    assert response.status_code == 201
    shown = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(an_hour_ago))
    assert response.json()["data"]["attributes"]["created"]["string"] == shown


def test_cannot_delete_a_metric_point_if_not_authenticated(api: Api) -> None:
    metric = _metric_with_points(api, 1)
    assert api.delete(f"metrics/{metric}/points/1", token=None).status_code == 401


def test_cannot_delete_a_metric_point_without_the_token_ability(api: Api) -> None:
    metric = _metric_with_points(api, 1)
    token = api.token_with("metric-points.manage")
    assert api.delete(f"metrics/{metric}/points/1", token=token).status_code == 403
    assert len(_points(api)) == 1


def test_can_delete_a_metric_point(api: Api) -> None:
    metric = _metric_with_points(api, 1)
    token = api.token_with("metric-points.delete")
    assert api.delete(f"metrics/{metric}/points/1", token=token).status_code == 204
    assert _points(api) == []


def test_does_not_list_points_of_a_metric_hidden_from_guests(api: Api) -> None:
    metric = _metric_with_points(api, 2, visible=2)
    response = api.guest_get(f"metrics/{metric}/points")
    assert (response.status_code, response.json()) == (404, {"message": ""})


def test_lists_points_of_an_authenticated_metric_to_authenticated_users(api: Api) -> None:
    metric = _metric_with_points(api, 2, visible=0)
    token = api.token_with("incidents.manage")
    assert len(api.get(f"metrics/{metric}/points", token=token).json()["data"]) == 2


def test_does_not_show_a_point_of_a_metric_hidden_from_guests(api: Api) -> None:
    metric = _metric_with_points(api, 1, visible=2)
    assert api.guest_get(f"metrics/{metric}/points/1").status_code == 404


# -- the threshold rule (spec 6.8, quirk 9) -----------------------------------------------------


def test_a_point_within_the_threshold_counts_the_newest_point_again_and_drops_its_value(
    api: Api,
) -> None:
    metric = rows.metric(api, threshold=5)
    first = api.post(f"metrics/{metric}/points", json={"value": 10})
    second = api.post(f"metrics/{metric}/points", json={"value": 99})
    assert (first.status_code, second.status_code) == (201, 201)
    attributes = second.json()["data"]["attributes"]
    assert (attributes["id"], attributes["value"], attributes["counter"]) == (1, 10, 2)
    assert attributes["calculated_value"] == 20
    assert len(_points(api)) == 1


def test_a_point_outside_the_threshold_is_a_new_point(api: Api) -> None:
    metric = rows.metric(api, threshold=5)
    rows.point(api, metric, value=1.0, created_at="2020-01-01 00:00:00")
    response = api.post(f"metrics/{metric}/points", json={"value": 7})
    assert response.json()["data"]["attributes"]["id"] == 2
    assert [p["value"] for p in _points(api)] == [1.0, 7.0]


def test_a_point_time_is_rounded_to_the_nearest_30_seconds(api: Api) -> None:
    metric = rows.metric(api)
    body = {"value": 1, "timestamp": "2024-05-01T10:00:44Z"}
    response = api.post(f"metrics/{metric}/points", json=body)
    assert response.json()["data"]["attributes"]["created"]["string"] == "2024-05-01 10:00:30"
    body = {"value": 1, "timestamp": "2024-05-01T11:00:45Z"}
    response = api.post(f"metrics/{metric}/points", json=body)
    assert response.json()["data"]["attributes"]["created"]["string"] == "2024-05-01 11:01:00"


def test_points_have_no_update_route(api: Api) -> None:
    metric = _metric_with_points(api, 1)
    response = api.put(f"metrics/{metric}/points/1", json={"value": 2})
    assert response.status_code == 405
