"""Metrics on the status page: each metric's points over its default view, drawn as SVG.

Shown are the metrics with `display_chart` on (and, in 2.4, `visible` = 1, public), by
`order`. The default view sets the buckets: 60 minutes (last hour), 12 hours (last 12
hours), 7 days (week) or 30 days (month), ending now in the Cachet timezone. A bucket's
value is the sum of its submissions (`calc_type` 0) or their average (1), each point
weighing `value x counter` over `counter` submissions; a bucket without points shows the
metric's `default_value`. Values are rounded to the metric's `places`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from functools import cache

from cachet_emulator import clock
from cachet_emulator.api_call import ApiCall
from cachet_emulator.resources import metrics
from cachet_emulator.schema import Row

# default_view -> (number of buckets, bucket unit)
VIEWS = {0: (60, "minute"), 1: (12, "hour"), 2: (7, "day"), 3: (30, "day")}
AVERAGE = 1
ROUNDING_AHEAD = timedelta(seconds=30)
# The drawing area of every chart (SVG user units); the SVG scales to the page's width.
WIDTH, HEIGHT = 640, 180
# The value labels sit just above their rules, inside the drawing, so they never get cut off.
LEFT, RIGHT, TOP, BOTTOM = 8, 8, 26, 30


@dataclass(frozen=True)
class ChartPoint:
    """One bucket: its label, value and place in the drawing."""

    label: str
    value: float
    text: str  # the value as shown, with the metric's decimal places and suffix
    x: float
    y: float


@dataclass(frozen=True)
class Chart:
    """What the template draws: the points, the line and area through them, the grid."""

    points: list[ChartPoint]
    line: str
    area: str
    grid: list[tuple[float, str]]  # (y, label) of each horizontal rule
    middle: ChartPoint  # the point whose label goes under the middle of the chart
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: int = HEIGHT - BOTTOM


@dataclass(frozen=True)
class MetricView:
    """A metric with its chart."""

    id: int
    name: str
    description: str
    suffix: str
    view_name: str
    calculation: str
    chart: Chart


def shown_metrics(call: ApiCall, now: datetime) -> list[MetricView]:
    """The metrics a guest sees on the front page, each charted up to `now`."""
    where: list[tuple[str, object]] = [("display_chart", 1)]
    if not call.is_23:
        where.append(("visible", 1))
    rows = call.store.select(metrics.TABLE, where, [("order", False)])
    return [_metric_view(call, row, now) for row in rows]


def _metric_view(call: ApiCall, row: Row, now: datetime) -> MetricView:
    data = metrics.present(call, row)
    view = int(data["default_view"]) if int(data["default_view"]) in VIEWS else 1
    edges = bucket_edges(view, now, clock.zone(call.settings.timezone))
    values = bucket_values(call, row, edges)
    places = max(0, min(4, int(data["places"])))
    return MetricView(
        id=int(data["id"]),
        name=str(data["name"]),
        description=str(data.get("description") or ""),
        suffix=str(data.get("suffix") or ""),
        view_name=metrics.default_view_name(view),
        calculation="average" if int(data["calc_type"]) == AVERAGE else "sum",
        chart=draw(edges, values, view, places, str(data.get("suffix") or "")),
    )


def bucket_edges(view: int, now: datetime, zone: tzinfo) -> list[datetime]:
    """The n + 1 edges of the view's n buckets, the last one just after `now`."""
    count, unit = VIEWS[view]
    local = now.astimezone(zone)
    if unit == "day":
        tomorrow = local.date() + timedelta(days=1)
        days = [tomorrow - timedelta(days=back) for back in range(count, -1, -1)]
        return [datetime.combine(day, time(), zone) for day in days]
    step = timedelta(minutes=1) if unit == "minute" else timedelta(hours=1)
    if unit == "minute":
        start = local.replace(second=0, microsecond=0)
    else:
        start = local.replace(minute=0, second=0, microsecond=0)
    end = start.astimezone(clock.zone("UTC")) + step  # count in UTC: DST days stay exact
    return [(end - step * back).astimezone(zone) for back in range(count, -1, -1)]


def bucket_values(call: ApiCall, metric: Row, edges: list[datetime]) -> list[float]:
    """Each bucket's value (sum or average), or the default value when it has no point."""
    # New points are rounded to 30 s, so up to 15 s ahead: they count in the newest bucket.
    bounds = [clock.stored(edge) for edge in [*edges[:-1], edges[-1] + ROUNDING_AHEAD]]
    parameters: list[object] = []
    for number in range(len(edges) - 1):
        parameters += [number, bounds[number], bounds[number + 1]]
    parameters.append(metric["id"])
    totals = {
        int(number): (float(total), float(count))
        for number, total, count in call.store.connection.execute(
            _bucket_sql(len(edges) - 1), parameters
        )
    }
    default = float(metric["default_value"] or 0)
    average = int(metric["calc_type"] or 0) == AVERAGE
    values = []
    for number in range(len(edges) - 1):
        total, count = totals.get(number, (default, 0.0))
        values.append(total / count if average and count else total)
    return values


@cache
def _bucket_sql(buckets: int) -> str:
    rows = ", ".join("(?, ?, ?)" for _ in range(buckets))
    return (
        f'WITH buckets("number", "start", "finish") AS (VALUES {rows})'
        ' SELECT b."number", SUM(p."value" * p."counter"), SUM(p."counter")'
        ' FROM buckets b JOIN metric_points p ON p."metric_id" = ?'
        ' AND p."created_at" >= b."start" AND p."created_at" < b."finish"'
        ' GROUP BY b."number"'
    )


def draw(edges: list[datetime], values: list[float], view: int, places: int, suffix: str) -> Chart:
    """The chart's geometry: one point per bucket, scaled between the lowest value (or 0)
    and the highest."""
    rounded = [round(value, places) for value in values]
    low, high = min(0.0, *rounded), max(rounded)
    if high == low:
        high = low + 1
    span_x = WIDTH - LEFT - RIGHT
    span_y = HEIGHT - TOP - BOTTOM
    step = span_x / (len(rounded) - 1)
    unit = VIEWS[view][1]
    points = [
        ChartPoint(
            label=_label(edges[number], unit),
            value=value,
            text=_number(value, places, suffix),
            x=round(LEFT + number * step, 2),
            y=round(TOP + (high - value) / (high - low) * span_y, 2),
        )
        for number, value in enumerate(rounded)
    ]
    line = " ".join(f"{'M' if n == 0 else 'L'}{p.x},{p.y}" for n, p in enumerate(points))
    base = HEIGHT - BOTTOM
    area = f"{line} L{points[-1].x},{base} L{points[0].x},{base} Z"
    grid = [
        (round(TOP + fraction * span_y, 2), _number(high - fraction * (high - low), places, ""))
        for fraction in (0.0, 0.5, 1.0)
    ]
    return Chart(points, line, area, grid, points[len(points) // 2])


def _label(start: datetime, unit: str) -> str:
    if unit == "day":
        return f"{start.day} {start:%b}"
    return f"{start:%H:%M}"


def _number(value: float, places: int, suffix: str) -> str:
    text = f"{value:,.{places}f}"
    return f"{text} {suffix}".rstrip()
