"""Metrics and metric points over HTTP."""

from __future__ import annotations

import datetime as dt

import pytest

from cachetclient import CLEAR
from cachetclient.errors import BadRequestError, MethodNotAllowedError, NotFoundError
from cachetclient.v1.client import Client
from cachetclient.v1.metric_points import MetricPoint, MetricPointsManager
from cachetclient.v1.metrics import Metric, MetricsManager

UTC = dt.timezone.utc


def test_managers_declare_documented_paths_and_resource_classes() -> None:
    assert MetricsManager.path == "metrics"
    assert MetricsManager.resource_class is Metric
    assert MetricPointsManager.path == "metrics/{}/points"
    assert MetricPointsManager.resource_class is MetricPoint


def test_create_and_get_with_documented_attributes(client: Client) -> None:
    metric = client.metrics.create(
        name="Response time",
        description="API latency",
        suffix="ms",
        default_value=1,
        display_chart=1,
    )
    fetched = client.metrics.get(metric.id)
    assert fetched.name == "Response time"
    assert fetched.description == "API latency"
    assert fetched.suffix == "ms"
    assert fetched.default_value == 1
    assert fetched.display_chart is True
    assert fetched.places == 2
    assert fetched.threshold == 5
    assert fetched.visible == 1
    assert fetched.order == 0
    assert fetched.calc_type == 0
    assert fetched.default_view == 1
    assert isinstance(fetched.created_at, dt.datetime)
    assert isinstance(fetched.updated_at, dt.datetime)


def test_display_chart_off_is_accepted(client: Client) -> None:
    metric = client.metrics.create(name="m", description="d", suffix="s", display_chart=0)
    assert client.metrics.get(metric.id).display_chart is False


def test_threshold_that_does_not_divide_60_is_a_bad_request(client: Client) -> None:
    with pytest.raises(BadRequestError, match="Threshold must divide by 60"):
        client.metrics.create(name="m", description="d", suffix="s", threshold=7)
    assert client.metrics.count() == 0


def test_update_via_manager_and_resource(client: Client) -> None:
    metric = client.metrics.create(name="m", description="d", suffix="s")
    updated = client.metrics.update(metric.id, name="Foo", default_view=2)
    assert (updated.name, updated.default_view, updated.suffix) == ("Foo", 2, "s")
    updated.suffix = "req/s"
    updated.update()
    assert client.metrics.get(metric.id).suffix == "req/s"


def test_list_sort_count_and_delete(client: Client) -> None:
    for name in ["b", "c", "a"]:
        client.metrics.create(name=name, description="d", suffix="s")
    assert [m.name for m in client.metrics.list(per_page=1)] == ["b", "c", "a"]
    assert [m.name for m in client.metrics.list(sort="name")] == ["a", "b", "c"]
    assert client.metrics.count() == 3
    first = next(client.metrics.list())
    first.delete()
    client.metrics.delete(next(client.metrics.list()).id)
    assert [m.name for m in client.metrics.list()] == ["a"]
    with pytest.raises(NotFoundError):
        client.metrics.get(first.id)


def test_points_create_list_count_and_attributes(client: Client) -> None:
    metric = client.metrics.create(name="m", description="d", suffix="s")
    client.metric_points.create(metric_id=metric.id, value=12.5)
    client.metric_points.create(metric_id=metric.id, value=3)
    points = list(metric.points())
    assert sorted(point.value or 0 for point in points) == [3.0, 12.5]
    point = points[0]
    assert point.metric_id == metric.id
    assert point.counter == 1
    assert point.calculated_value == point.value
    assert isinstance(point.created_at, dt.datetime)
    assert isinstance(point.updated_at, dt.datetime)
    assert client.metric_points.count(metric.id) == 2


def test_point_timestamp_on_create(client: Client) -> None:
    metric = client.metrics.create(name="m", description="d", suffix="s")
    when = dt.datetime(2020, 8, 8, 10, 5, 0)
    point = client.metric_points.create(metric_id=metric.id, value=1, timestamp=when)
    assert point.created_at == when


def test_point_update_keeps_value_when_only_timestamp_changes(client: Client) -> None:
    metric = client.metrics.create(name="m", description="d", suffix="s")
    point = client.metric_points.create(metric_id=metric.id, value=7)
    when = dt.datetime(2021, 1, 2, 3, 4, 30)
    updated = client.metric_points.update(metric.id, point.id, value=7, timestamp=when)
    assert (updated.value, updated.created_at) == (7.0, when)


def test_point_resource_update_sends_value(client: Client) -> None:
    metric = client.metrics.create(name="m", description="d", suffix="s")
    point = client.metric_points.create(metric_id=metric.id, value=7)
    point.value = 999
    point.update()
    assert [p.value for p in metric.points()] == [999.0]


def test_point_delete_via_manager_and_resource(client: Client) -> None:
    metric = client.metrics.create(name="m", description="d", suffix="s")
    first = client.metric_points.create(metric_id=metric.id, value=1)
    second = client.metric_points.create(metric_id=metric.id, value=2)
    first.delete()
    client.metric_points.delete(metric.id, second.id)
    assert client.metric_points.count(metric.id) == 0


def test_points_list_across_pages(client: Client) -> None:
    metric = client.metrics.create(name="m", description="d", suffix="s")
    for value in range(1, 8):
        client.metric_points.create(metric_id=metric.id, value=value)
    listed = list(client.metric_points.list(metric.id, per_page=2))
    assert sorted(point.value or 0 for point in listed) == [float(v) for v in range(1, 8)]


def test_single_point_get_is_not_an_endpoint(client: Client) -> None:
    metric = client.metrics.create(name="m", description="d", suffix="s")
    point = client.metric_points.create(metric_id=metric.id, value=1)
    with pytest.raises(MethodNotAllowedError):
        client.http_client.request("GET", f"metrics/{metric.id}/points/{point.id}")


def test_none_keeps_the_description_and_clear_empties_it(client: Client) -> None:
    metric = client.metrics.create(name="m", description="about", suffix="s")
    assert client.metrics.update(metric.id, name="n").description == "about"
    assert client.metrics.update(metric.id, description=None).description == "about"
    assert client.metrics.update(metric.id, description=CLEAR).description == ""
