"""Metrics: graphs of numbers on the status page (see metric_points for their values)."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any, ClassVar

from cachetclient.base import Manager, Resource
from cachetclient.clear import Clear
from cachetclient.fields import FLAG, FLAG_AS_INTEGER, INTEGER, TEXT, TIMESTAMP, Codec, Field
from cachetclient.pagination import DEFAULT_PER_PAGE
from cachetclient.v1.metric_points import MetricPoint, MetricPointsManager

if TYPE_CHECKING:
    from cachetclient.httpclient import HttpClient


class Metric(Resource):
    """A metric."""

    name = Field(TEXT, writable=True, doc="Get or set the name (str)")
    description = Field(TEXT, writable=True, doc="Get or set the description (str)")
    suffix = Field(TEXT, writable=True, doc="Get or set the unit shown after values (str)")
    default_value = Field(INTEGER, writable=True, doc="Value of the graph with no points (int)")
    display_chart = Field(FLAG, writable=True, doc="Get or set whether the chart shows (bool)")
    places = Field(INTEGER, writable=True, doc="Decimal places, 0-4 (int)")
    threshold = Field(INTEGER, writable=True, doc="Minutes equal values are merged over (int)")
    visible = Field(INTEGER, writable=True, doc="0 authenticated, 1 public, 2 hidden (int)")
    order = Field(INTEGER, writable=True, doc="Get or set the order (int)")
    calc_type = Field(INTEGER, writable=True, doc="0 sum, 1 average (int)")
    default_view = Field(INTEGER, writable=True, doc="0 hour, 1 12 hours, 2 week, 3 month")
    default_view_name = Field(TEXT, doc="Label of default_view (str)")
    created_at = Field(TIMESTAMP, doc="When the metric was created (datetime)")
    updated_at = Field(TIMESTAMP, doc="Last time the metric was updated (datetime)")

    def points(self) -> Generator[MetricPoint, None, None]:
        """The points of this metric, newest first (a request per page)."""
        manager = self._manager
        if not isinstance(manager, MetricsManager):
            raise TypeError("this metric is not bound to a MetricsManager")
        return manager.metric_points_manager.list(self._require_id())


_FIELDS: dict[str, Codec[Any]] = {
    "name": TEXT,
    "description": TEXT,
    "suffix": TEXT,
    "default_value": INTEGER,
    # JSON false fails Cachet's integer rule; 0/1 pass everywhere.
    "display_chart": FLAG_AS_INTEGER,
    "calc_type": INTEGER,
    "places": INTEGER,
    "default_view": INTEGER,
    "threshold": INTEGER,
    "order": INTEGER,
    "visible": INTEGER,
}


class MetricsManager(Manager[Metric]):
    """`/metrics`."""

    path: ClassVar[str] = "metrics"
    resource_class: ClassVar[type[Resource]] = Metric
    create_fields: ClassVar[dict[str, Codec[Any]]] = _FIELDS
    update_fields: ClassVar[dict[str, Codec[Any]] | None] = _FIELDS
    clear_values: ClassVar[dict[str, Any]] = {"description": ""}
    sortable: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "display_chart",
        "default_value",
        "calc_type",
        "order",
        "visible",
    )

    def __init__(self, http_client: HttpClient, metric_update_manager: MetricPointsManager) -> None:
        """Manager initializer.

        Args:
            http_client: The httpclient.
            metric_update_manager: The metric points manager (for `Metric.points()`).
        """
        super().__init__(http_client)
        self.metric_points_manager = metric_update_manager

    def create(
        self,
        *,
        name: str,
        description: str,
        suffix: str,
        default_value: int = 0,
        display_chart: int = 0,
        calc_type: int | None = None,
        places: int | None = None,
        default_view: int | None = None,
        threshold: int | None = None,
        order: int | None = None,
        visible: int | None = None,
    ) -> Metric:
        """Create a metric.

        Args:
            name: Name/title of the metric.
            description: Description of what the metric is measuring.
            suffix: Measurements in.
            default_value: The default value to use when a point is added.
            display_chart: Whether to display the chart on the status page.
            calc_type, places, default_view, threshold, order, visible: see `Metric`
                (Cachet's defaults when not given; `threshold` must divide 60).
        """
        values: dict[str, Any] = dict(name=name, description=description, suffix=suffix)
        values.update(default_value=default_value, display_chart=display_chart)
        values.update(calc_type=calc_type, places=places, default_view=default_view)
        values.update(threshold=threshold, order=order, visible=visible)
        return self.create_in((), values)

    def update(
        self,
        metric_id: int,
        *,
        name: str | None = None,
        description: str | Clear | None = None,
        suffix: str | None = None,
        default_value: int | None = None,
        display_chart: int | None = None,
        calc_type: int | None = None,
        places: int | None = None,
        default_view: int | None = None,
        threshold: int | None = None,
        order: int | None = None,
        visible: int | None = None,
        **kwargs: Any,
    ) -> Metric:
        """Update a metric; fields left at `None` keep their value (`CLEAR` empties description)."""
        values: dict[str, Any] = dict(name=name, description=description, suffix=suffix)
        values.update(default_value=default_value, display_chart=display_chart)
        values.update(calc_type=calc_type, places=places, default_view=default_view)
        values.update(threshold=threshold, order=order, visible=visible)
        return self.update_by_ids((metric_id,), values, kwargs)

    def get(self, metric_id: int) -> Metric:
        """Get a single metric.

        Raises:
            NotFoundError: (a requests HTTPError) if the metric does not exist.
        """
        return self.get_by_ids((metric_id,))

    def list(
        self,
        page: int = 1,
        per_page: int = DEFAULT_PER_PAGE,
        *,
        sort: str | None = None,
        order: str | None = None,
    ) -> Generator[Metric, None, None]:
        """List all metrics lazily, optionally sorted.

        Args:
            page: Page to start on.
            per_page: Entries per request.
            sort: a column of `MetricsManager.sortable`.
            order: `asc` (default) or `desc`.
        """
        query = self.list_query(page=page, per_page=per_page, sort=sort, order=order)
        return self.iterate(query)

    def count(self) -> int:
        """Count the number of metrics."""
        return self.count_matching(self.list_query(page=1, per_page=1))

    def delete(self, metric_id: int) -> None:
        """Delete a metric (and, on Cachet 2.4, its points)."""
        return self.delete_by_ids((metric_id,))
