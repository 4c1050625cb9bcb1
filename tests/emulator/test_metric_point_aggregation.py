"""Metric point aggregation (spec 12.4, quirk 14): equal values inside the threshold window."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests.emulator.api import Api
from tests.emulator.metric_samples import (
    POINT_GET_KEYS,
    insert_point,
    make_metric,
    points_of,
)

BASE = 1596881100  # 2020-08-08 10:05:00 UTC


def test_equal_value_is_aggregated_quirk_14(api: Api) -> None:
    metric_id = make_metric(api)
    first = api.create(f"metrics/{metric_id}/points", value=2.5)
    second = api.post(f"metrics/{metric_id}/points", json={"value": "2.5"}).json()["data"]
    assert list(second) == POINT_GET_KEYS
    assert (second["id"], second["counter"], second["calculated_value"]) == (first["id"], 2, 5)
    assert len(points_of(api, metric_id)) == 1


def test_aggregation_ignores_the_timestamp_quirk_14(api: Api) -> None:
    metric_id = make_metric(api)
    first = api.create(f"metrics/{metric_id}/points", value=7)
    second = api.create(f"metrics/{metric_id}/points", value=7, timestamp=BASE)
    assert second["id"] == first["id"] and second["created_at"] == first["created_at"]


def test_values_equal_after_three_decimals_are_aggregated(api: Api) -> None:
    metric_id = make_metric(api)
    api.create(f"metrics/{metric_id}/points", value=1.0004)
    assert api.create(f"metrics/{metric_id}/points", value=1)["counter"] == 2
    assert points_of(api, metric_id)[0]["value"] == 1


def test_different_values_make_new_points(api: Api) -> None:
    metric_id = make_metric(api)
    api.create(f"metrics/{metric_id}/points", value=1)
    assert api.create(f"metrics/{metric_id}/points", value=1.001)["counter"] == 1
    assert len(points_of(api, metric_id)) == 2


def test_points_of_other_metrics_are_not_aggregated(api: Api) -> None:
    first, second = make_metric(api), make_metric(api)
    api.create(f"metrics/{first}/points", value=1)
    assert api.create(f"metrics/{second}/points", value=1)["counter"] == 1


def test_aggregated_answer_shows_updated_at_before_the_request(api: Api) -> None:
    metric_id = make_metric(api)
    point_id = insert_point(api, metric_id, 4, datetime.now(timezone.utc))
    data = api.create(f"metrics/{metric_id}/points", value=4)
    assert data["id"] == point_id and data["updated_at"] == "2020-01-01 00:00:00"
    assert points_of(api, metric_id)[0]["updated_at"] != "2020-01-01 00:00:00"


def test_window_starts_at_the_minute_of_threshold_minus_one(api: Api) -> None:
    for _attempt in range(2):
        before = datetime.now(timezone.utc)
        metric_id = make_metric(api, threshold=5)
        # now - 4 minutes, truncated to its minute: inside the window thanks to the truncation.
        inside = (before - timedelta(minutes=4)).replace(second=0, microsecond=0)
        point_id = insert_point(api, metric_id, 9, inside)
        data = api.create(f"metrics/{metric_id}/points", value=9)
        if datetime.now(timezone.utc).minute == before.minute:
            break  # the request ran in the same minute; otherwise the window moved: try again
    assert data["id"] == point_id


def test_points_older_than_the_window_are_not_reused(api: Api) -> None:
    metric_id = make_metric(api, threshold=5)
    outside = datetime.now(timezone.utc) - timedelta(minutes=5, seconds=1)
    point_id = insert_point(api, metric_id, 9, outside)
    data = api.create(f"metrics/{metric_id}/points", value=9)
    assert data["id"] != point_id and data["counter"] == 1


def test_update_keeps_counter_and_does_not_aggregate(api: Api) -> None:
    metric_id = make_metric(api)
    point = api.create(f"metrics/{metric_id}/points", value=5)
    api.create(f"metrics/{metric_id}/points", value=5)
    other = api.create(f"metrics/{metric_id}/points", value=6)
    data = api.put(f"metrics/{metric_id}/points/{other['id']}", json={"value": 5}).json()["data"]
    assert data["counter"] == 1 and data["id"] == other["id"]
    assert (
        api.put(f"metrics/{metric_id}/points/{point['id']}", json={"value": 5}).json()["data"][
            "counter"
        ]
        == 2
    )
