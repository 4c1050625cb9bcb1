"""Metrics (spec 6.7): `calc_type`, `display_chart` and `places` are create-only; visibility,
order, view and show-when-empty cannot be set through the API at all.
"""

from __future__ import annotations

from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.documents import Kind, Relation, register
from cachet_emulator.v3.listing import Filter, Listing, relationships
from cachet_emulator.v3.resources import common
from cachet_emulator.v3.schema import METRICS, POINTS
from cachet_emulator.v3.validation import as_boolean


def attributes(call: Call, row: Row) -> dict[str, Any]:
    """The attributes of a metric."""
    display_chart = row["display_chart"]
    return {
        "id": row["id"],
        "name": row["name"],
        "suffix": row["suffix"],
        "description": row["description"],
        # No cast in Cachet: a number on SQLite (a numeric string on MySQL and PostgreSQL).
        "default_value": row["default_value"],
        "calc_type": row["calc_type"],
        "display_chart": None if display_chart is None else bool(display_chart),
        "places": row["places"],
        "default_view": row["default_view"],
        "threshold": row["threshold"],
        "order": row["order"],
        "visible": row["visible"],
        **common.timestamps(call, row),
    }


def _points(call: Call, row: Row) -> list[Row]:
    return call.store.select(POINTS, [("metric_id", row["id"])])


KIND = register(
    Kind(
        type="metrics",
        table=METRICS,
        model="Metric",
        attributes=attributes,
        relations={"points": Relation("metricPoints", True, _points)},
    )
)

LISTING = Listing(
    # Quirk 15: calc_type is a partial (LIKE) filter too.
    filters=(Filter("name"), Filter("calc_type")),
    sorts=("name", "order", "id"),
    includes=relationships("points"),
    field_keys={"points": "metric_points"},
    default_sort=(("created_at", True),),
)


def index(call: Call) -> Answer:
    """GET /metrics (newest first by default)."""
    return common.index(call, KIND, LISTING, (common.visible_sql(call), []))


def show(call: Call) -> Answer:
    """GET /metrics/{metric}."""
    return common.show(call, KIND, LISTING, "metric", (common.visible_sql(call), []))


_THRESHOLD = ("integer", "min:0", "max:60", "factor_of_sixty")
CREATE_RULES = {
    "name": ("required", "string", "max:255"),
    "suffix": ("required", "string", "max:255"),
    "calc_type": ("nullable", "enum:0,1"),
    "description": ("string",),
    "default_value": ("decimal:1,2",),
    "display_chart": ("nullable", "boolean"),
    "threshold": _THRESHOLD,
    "places": ("integer", "min:0", "max:4"),
}
UPDATE_RULES = {
    "name": ("string", "max:255"),
    "suffix": ("string", "max:255"),
    "description": ("string",),
    "default_value": ("decimal:1,2",),
    "threshold": _THRESHOLD,
}


def _values(call: Call, names: tuple[str, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in names:
        if not call.given(name):
            continue
        value = call.input[name]
        if name in ("calc_type", "threshold", "places"):
            value = common.integer(value)
        elif name == "default_value":
            value = float(value)
        elif name == "display_chart":
            value = as_boolean(value)
        values[name] = value
    return values


def store(call: Call) -> Answer:
    """POST /metrics."""
    call.validated(CREATE_RULES, "metrics.manage")
    row = common.insert(call, METRICS, _values(call, tuple(CREATE_RULES)))
    return common.created(call, KIND, row)


def update(call: Call) -> Answer:
    """PUT/PATCH /metrics/{metric}."""
    call.validated(UPDATE_RULES, "metrics.manage")
    metric_id = common.bound_id(call, "metric")
    return common.updated(call, KIND, metric_id, _values(call, tuple(UPDATE_RULES)))


def destroy(call: Call) -> Answer:
    """DELETE /metrics/{metric}: its points go first."""
    call.guard("metrics.delete")
    metric_id = common.bound_id(call, "metric")
    return common.destroyed(call, KIND, metric_id, [(POINTS, [("metric_id", metric_id)])])
