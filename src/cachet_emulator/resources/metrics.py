"""Metrics (spec 11; 2.3 differences 17.6): list, show, create, update, delete."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall, Reply, item, no_content
from cachet_emulator.commands import (
    Field,
    check_model,
    delete_with_dependents,
    read_command,
    save_changes,
    without_nulls,
)
from cachet_emulator.errors import bad_request, server_error, validation_failed
from cachet_emulator.listing import Query, paginate, sort_order
from cachet_emulator.presenting import model_array
from cachet_emulator.schema import Row
from cachet_emulator.versions import until_23

TABLE = "metrics"
_COLUMNS = ("id", "name", "display_chart", "default_value", "calc_type", "order", "visible")
SORTABLE = until_23(_COLUMNS, _COLUMNS[:-1])
HIDDEN = until_23((), ("visible",))
"""Columns 2.3 does not have."""
DEFAULT_VIEW_NAMES = {0: "Last Hour", 1: "Last 12 Hours", 2: "Week", 3: "Month"}
# A fresh Metric holds its defaults in this order; `suffix` and `description` are filled after
# them. Every key is always set on create, so this is the whole create shape (spec 11.4).
CREATE_ORDER = (
    "name", "display_chart", "default_value", "calc_type", "places", "default_view",
    "threshold", "order", "visible", "suffix", "description",
)  # fmt: skip
MODEL_RULES = {
    "name": "required",
    "suffix": "required",
    "display_chart": "required|bool",
    "default_value": "required|numeric",
    "places": "required|numeric|between:0,4",
    "default_view": "required|numeric|between:0,3",
    "visible": "required|numeric|between:0,2",
}
_MODEL_RULES_23 = {
    "name": "required",
    "suffix": "required",
    "display_chart": "bool",
    "default_value": "numeric",
    "places": "numeric|between:0,4",
    "default_view": "numeric|between:0,3",
    "threshold": "int",
}
CREATE_FIELDS = (
    Field("name", "required|string"),
    Field("suffix", "required|string"),
    Field("description", "nullable|string"),
    Field("default_value", "required|int"),
    Field("calc_type", "required|int", default=0),
    Field("display_chart", "nullable|int", default=True),
    Field("places", "nullable|int|between:0,4", default=2),
    Field("default_view", "required|int|between:0,3"),
    Field("threshold", "required|int", default=5),
    Field("order", "nullable|int", default=0),
    Field("visible", "required|int|between:0,2", default=1),
)
UPDATE_FIELDS = (
    Field("name", "nullable|string"),
    Field("suffix", "nullable|string"),
    Field("description", "nullable|string"),
    Field("default_value", "nullable|numeric"),
    Field("calc_type", "nullable|int|in:0,1"),
    Field("display_chart", "nullable|int"),
    Field("places", "nullable|numeric|between:0,4"),
    Field("default_view", "nullable|numeric|between:0,4"),
    Field("threshold", "nullable|int"),
    Field("order", "nullable|int"),
    Field("visible", "nullable|int|between:0,2"),
)
# metrics.default_value is DECIMAL(10,3).
DEFAULT_VALUE_MAXIMUM = 9999999.999
# Columns stored as integers: MySQL rounds a decimal written into them.
INTEGER_COLUMNS = (
    "calc_type", "display_chart", "places", "default_view", "threshold", "order", "visible",
)  # fmt: skip


def stored_decimal(value: Any, maximum: float) -> float:
    """A number as a DECIMAL(…,3) column keeps it: clipped to the column, rounded half up.

    MySQL without strict mode clips out-of-range numbers; INF/NaN it cannot take at all.
    """
    number = php.to_number(value) if php.is_numeric(value) else php.cast_float(value)
    if not math.isfinite(number):
        raise bad_request()
    number = max(-maximum, min(maximum, number))
    return float(Decimal(repr(number)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))


def _stored(name: str, value: Any) -> Any:
    """A value as its column stores it (numbers rounded like MySQL; text and null as is)."""
    if value is None or isinstance(value, list | dict):
        return value
    if name == "default_value":
        return stored_decimal(value, DEFAULT_VALUE_MAXIMUM)
    if name not in INTEGER_COLUMNS:
        return value
    if isinstance(value, bool):
        return int(value)
    if php.is_numeric(value):
        return int(Decimal(repr(php.to_number(value))).quantize(0, rounding=ROUND_HALF_UP))
    return value  # 2.3 only (no command rules); shown as 0 like MySQL would store it


def default_view_name(default_view: Any) -> str:
    """The label of a metric's default view (Appendix A)."""
    view = php.cast_int(default_view)
    return DEFAULT_VIEW_NAMES.get(view, f"cachet.metrics.filter.{view}")


def present(call: ApiCall, attributes: Row) -> dict[str, Any]:
    """A metric as the API shows it (GET shape for a row, create shape for a fresh one)."""
    data = model_array(call, TABLE, attributes, hidden=call.pick(HIDDEN))
    data["default_view_name"] = default_view_name(attributes.get("default_view"))
    return data


def list_metrics(call: ApiCall) -> Reply:
    """GET /metrics: every metric to anyone (visible is not enforced), sortable, paged."""
    order_by = sort_order(call, call.pick(SORTABLE))
    return paginate(call, Query(TABLE, [], order_by), lambda row: present(call, row))


def show_metric(call: ApiCall) -> Reply:
    """GET /metrics/{metric}."""
    return item(present(call, call.bound["metric"]))


def create_metric(call: ApiCall) -> Reply:
    """POST /metrics: command rules, model rules, the divide-by-60 check, then the insert."""
    values = read_command(call, _with_view_alias(call, CREATE_FIELDS, 1))
    attributes = {name: values[name] for name in CREATE_ORDER if name not in call.pick(HIDDEN)}
    call.pick(CHECK_MODEL)(call, attributes)
    stored = {name: _stored(name, value) for name, value in attributes.items()}
    now = clock.stored_now()
    attributes.update(updated_at=now, created_at=now)
    attributes["id"] = call.store.insert(TABLE, {**stored, "updated_at": now, "created_at": now})
    return item(present(call, attributes))


def update_metric(call: ApiCall) -> Reply:
    """PUT /metrics/{metric}: partial; only the non-null fields are written."""
    metric = call.bound["metric"]
    values = read_command(call, _with_view_alias(call, UPDATE_FIELDS, None))
    changes = {k: v for k, v in without_nulls(values).items() if k not in call.pick(HIDDEN)}
    call.pick(CHECK_MODEL)(call, {**metric, **changes})
    stored = {name: _stored(name, value) for name, value in changes.items()}
    save_changes(call, TABLE, metric, stored, {})
    row = call.store.find(TABLE, metric["id"])
    assert row is not None
    return item(present(call, row))


def delete_metric(call: ApiCall) -> Reply:
    """DELETE /metrics/{metric}: its points first (2.4 only), then the metric itself."""
    delete_with_dependents(call, TABLE, call.bound["metric"]["id"], "metric_points", "metric_id")
    return no_content()


def _with_view_alias(call: ApiCall, fields: tuple[Field, ...], fallback: Any) -> tuple[Field, ...]:
    """The fields with `view` standing in for an absent `default_view` (else `fallback`)."""
    if "default_view" in call.input:
        return fields
    alias = call.input.get("view", fallback)
    return tuple(
        Field(f.name, f.rules, default=alias) if f.name == "default_view" else f for f in fields
    )


def _check_model_23(call: ApiCall, attributes: Row) -> None:
    """The model rules of 2.3 (Laravel 5.2 skips every non-implicit rule of an empty value)."""
    check_model(call, without_nulls(attributes), _MODEL_RULES_23)


def _check_model(call: ApiCall, attributes: Row) -> None:
    """The model rules, then Cachet's own check that the threshold divides an hour."""
    check_model(call, attributes, MODEL_RULES)
    threshold = php.cast_int(attributes.get("threshold"))
    if threshold == 0:
        raise server_error()  # 60 % 0: PHP's division by zero
    if 60 % abs(threshold) != 0:
        raise validation_failed(["Threshold must divide by 60."])


CHECK_MODEL = until_23(_check_model, _check_model_23)
"""How a metric about to be saved is checked."""
