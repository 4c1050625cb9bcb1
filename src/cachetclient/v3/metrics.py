"""Metrics (`/metrics`) and their points (`/metrics/{id}/points`)."""

from __future__ import annotations

from typing import Any

from cachetclient.v3.enums import MetricType, MetricView, Visibility
from cachetclient.v3.manager import Manager, counted_includes
from cachetclient.v3.resource import Resource, boolean, enum, integer, number, text, timestamp


class Metric(Resource):
    """A metric."""

    json_type = "metrics"
    repr_fields = ("name", "suffix")
    __slots__ = ()

    name = text("Name")
    suffix = text("Unit shown after values")
    description = text("Description")
    default_value = number("Value shown when there are no points")
    calc_type = enum(MetricType, "How points are combined")
    display_chart = boolean("Whether the status page draws it")
    places = integer("Decimal places shown")
    default_view = enum(MetricView, "The chart's default period")
    threshold = integer("Minutes within which a new point only counts again")
    order = integer("Position")
    visible = enum(Visibility, "Who may read it")

    @property
    def points(self) -> list[Any]:
        """All its points (include `points`)."""
        return self.related_list("points")


class MetricManager(Manager[Metric]):
    """Metrics. `calc_type`, `display_chart` and `places` can be set on create only."""

    path = "metrics"
    resource_class = Metric
    ability = "metrics"
    filters = ("name", "calc_type")
    sorts = ("name", "order", "id")
    includes = counted_includes("points")
    create_fields = (
        "name",
        "suffix",
        "calc_type",
        "description",
        "default_value",
        "display_chart",
        "threshold",
        "places",
    )
    update_fields = ("name", "suffix", "description", "default_value", "threshold")


class MetricPoint(Resource):
    """A point of a metric; `counter` counts the posts that fell within the threshold."""

    json_type = "metricPoints"
    repr_fields = ("value", "counter")
    __slots__ = ()

    metric_id = integer("Its metric's id")
    value = number("The value first posted")
    counter = integer("How many posts it stands for")
    calculated_value = number("value x counter")
    created_at = timestamp("Its time (rounded to 30 s)", key="created")


class MetricPointManager(Manager[MetricPoint]):
    """Points of one metric: `create(metric_id, value=, timestamp=)`; no update in Cachet 3.

    A post within the metric's threshold of the newest point only increments that point's
    counter: its value is dropped, and the answer is the older point.
    """

    path = "metrics/{}/points"
    resource_class = MetricPoint
    ability = "metric-points"
    sorts = ("id", "value", "created_at")
    includes = counted_includes("metric")
    create_fields = ("value", "timestamp")
    update_fields = None
