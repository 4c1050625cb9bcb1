"""Metric points: the values of a metric over time."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import Any, ClassVar

from cachetclient.apirequest import Plan
from cachetclient.base import Id, Manager, Resource
from cachetclient.batch import BatchResult
from cachetclient.fields import (
    INTEGER,
    NUMBER,
    TIMESTAMP,
    UNIX_SECONDS,
    UNIX_SECONDS_STRING,
    Codec,
    DateInput,
    Field,
)
from cachetclient.pagination import DEFAULT_PER_PAGE


class MetricPoint(Resource):
    """A point of a metric. Cachet merges equal values within the metric's threshold."""

    parent_id_field: ClassVar[str] = "metric_id"
    repr_fields: ClassVar[tuple[str, ...]] = ("metric_id", "value")

    metric_id = Field(INTEGER, writable=True, doc="Get or set metric id for this point (int)")
    value = Field(NUMBER, writable=True, doc="Value to plot on the metric graph (a number)")
    counter = Field(INTEGER, doc="How many equal submissions were merged into it (int)")
    calculated_value = Field(NUMBER, doc="value x counter (a number)")
    created_at = Field(TIMESTAMP, doc="When the metric point was created (datetime)")
    updated_at = Field(TIMESTAMP, doc="Last time the point was updated (datetime)")


class MetricPointsManager(Manager[MetricPoint]):
    """`/metrics/{metric}/points` (newest first; there is no single GET)."""

    path: ClassVar[str] = "metrics/{}/points"
    resource_class: ClassVar[type[Resource]] = MetricPoint
    _create_fields: ClassVar[dict[str, Codec[Any]]] = {"value": NUMBER, "timestamp": UNIX_SECONDS}
    # PUT wants the timestamp as a string (an integer is a 400 on Cachet 2.4).
    _update_fields: ClassVar[dict[str, Codec[Any]] | None] = {
        "value": NUMBER,
        "timestamp": UNIX_SECONDS_STRING,
    }
    # Cachet sets the value to 0 when an update omits it.
    _reset_on_omit: ClassVar[tuple[str, ...]] = ("value",)

    def create(
        self, *, metric_id: Id, value: float, timestamp: DateInput | None = None
    ) -> MetricPoint:
        """Create a metric point.

        Args:
            metric_id: The metric to add the point to.
            value: Metric point value for the graph.
            timestamp: When the value was measured (datetime or Unix seconds); Cachet rounds
                it to 30 seconds and ignores it when the value is merged into a recent point.
        """
        return self._create_in((metric_id,), {"value": value, "timestamp": timestamp})

    def create_many(
        self,
        metric_id: Id,
        values: Iterable[float | tuple[float, DateInput]],
        *,
        concurrency: int = 8,
    ) -> BatchResult[MetricPoint]:
        """Create many points of a metric; a point Cachet refuses does not stop the others.

        Args:
            metric_id: The metric to add the points to.
            values: Values, or (value, timestamp) pairs.
            concurrency: How many requests are in flight at once (the sync client runs
                them in that many threads, each with its own connection).

        Returns:
            A `BatchResult`: the created points in input order and the failures (index, value,
            error). With `AsyncClient`, an awaitable of it.
        """
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise ValueError(f"concurrency must be a positive integer, not {concurrency!r}")

        def plan_for(item: float | tuple[float, DateInput]) -> Plan[MetricPoint]:
            value, timestamp = item if isinstance(item, tuple) else (item, None)
            return self._create_plan((metric_id,), {"value": value, "timestamp": timestamp})

        return self._http.run_many(list(values), plan_for, concurrency)

    def update(
        self,
        metric_id: Id,
        point_id: Id,
        *,
        value: float,
        timestamp: DateInput | None = None,
    ) -> MetricPoint:
        """Update a metric point (`value` is required: Cachet writes 0 when it is omitted).

        The point is moved to `metric_id` if it belonged to another metric.
        """
        values: dict[str, Any] = {"value": value, "timestamp": timestamp}
        return self._update_by_ids((metric_id, point_id), values, {})

    def list(
        self, metric_id: Id, page: int = 1, per_page: int = DEFAULT_PER_PAGE
    ) -> Generator[MetricPoint, None, None]:
        """List the points of a metric lazily, newest first.

        Args:
            metric_id: The metric id to list points of.
            page: The first page to request.
            per_page: Entries per request.
        """
        return self._iterate(self._list_query((metric_id,), page=page, per_page=per_page))

    def count(self, metric_id: Id) -> int:
        """Count the number of points of a metric."""
        return self._count_matching(self._list_query((metric_id,), page=1, per_page=1))

    def delete(self, metric_id: Id, point_id: Id) -> None:
        """Delete a metric point."""
        return self._delete_by_ids((metric_id, point_id))
