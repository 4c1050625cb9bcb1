"""Metrics and metric points: CRUD, the resources, points of a metric."""

from __future__ import annotations

from tests.compat.observe import Steps
from tests.compat.scenarios import scenario


def _metric(client, **fields):  # type: ignore[no-untyped-def]
    values = {"name": "Latency", "description": "API latency", "suffix": "ms", **fields}
    return client.metrics.create(**values)


@scenario
def metric_crud_through_the_manager(steps: Steps) -> None:
    client = steps.client()
    metric = steps.do("create", _metric, client, default_value=1, display_chart=1)
    steps.do("get", client.metrics.get, metric.id)
    steps.do("list(per_page=10)", client.metrics.list, per_page=10)
    steps.do("count", client.metrics.count)
    steps.do("delete", client.metrics.delete, metric.id)
    steps.do("get after delete", client.metrics.get, metric.id)


@scenario
def metric_list_defaults(steps: Steps) -> None:
    client = steps.client()
    for number in range(3):
        steps.do("create", _metric, client, name=f"M{number}")
    steps.see("names", lambda: [m.name for m in client.metrics.list()])


@scenario
def metric_update_through_the_resource(steps: Steps) -> None:
    client = steps.client()
    metric = steps.do("create", _metric, client)
    metric.name = "Response time"
    metric.suffix = "s"
    steps.do("metric.update()", metric.update)
    steps.do("get", client.metrics.get, 1)
    steps.do("metric.delete()", metric.delete)
    steps.do("count", client.metrics.count)


@scenario
def metric_points_crud(steps: Steps) -> None:
    client = steps.client()
    metric = steps.do("create metric", _metric, client)
    point = steps.do("create point", client.metric_points.create, metric_id=metric.id, value=12.5)
    steps.do("create point 2", client.metric_points.create, metric_id=metric.id, value=3)
    steps.see("point.value", lambda: point.value)
    steps.do("list", client.metric_points.list, metric.id)
    steps.do("count", client.metric_points.count, metric.id)
    steps.do("metric.points()", metric.points)
    steps.do("delete", client.metric_points.delete, metric.id, point.id)
    steps.do("count after delete", client.metric_points.count, metric.id)


@scenario
def metric_points_read_value_and_created_at(steps: Steps) -> None:
    client = steps.client()
    steps.do("create metric", _metric, client)
    for value in (1, 2.5, 7):
        steps.do("create point", client.metric_points.create, metric_id=1, value=value)
    steps.see(
        "(value, type(created_at)) of each",
        lambda: [(p.value, type(p.created_at).__name__) for p in client.metric_points.list(1)],
    )


@scenario
def metric_point_update_and_delete_through_the_resource(steps: Steps) -> None:
    client = steps.client()
    steps.do("create metric", _metric, client)
    point = steps.do("create point", client.metric_points.create, metric_id=1, value=1)
    steps.do("point.delete()", point.delete)
    steps.do("count", client.metric_points.count, 1)
    point = steps.do("create point", client.metric_points.create, metric_id=1, value=1)
    point.value = 5
    steps.do("point.update()", point.update)


@scenario
def metric_string_ids(steps: Steps) -> None:
    client = steps.client()
    steps.do("create metric", _metric, client)
    steps.do("get('1')", client.metrics.get, "1")
    steps.do("create point(metric_id='1')", client.metric_points.create, metric_id="1", value=2)
    steps.do("count('1')", client.metric_points.count, "1")
    steps.do("delete point('1', '1')", client.metric_points.delete, "1", "1")
    steps.do("delete('1')", client.metrics.delete, "1")
