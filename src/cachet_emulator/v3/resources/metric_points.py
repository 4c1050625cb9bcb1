"""Metric points (spec 6.8): no update route; the threshold rule on create.

Quirk 9: a point posted within `threshold` minutes of the newest point only increments that
point's counter, drops the posted value, and still answers 201 with that point.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from cachet_emulator import clock
from cachet_emulator.schema import Row
from cachet_emulator.v3 import times
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.documents import Kind, Relation, document, register
from cachet_emulator.v3.errors import not_found
from cachet_emulator.v3.listing import Listing
from cachet_emulator.v3.resources import common
from cachet_emulator.v3.schema import METRICS, POINTS
from cachet_emulator.v3.validation import is_integer


def attributes(call: Call, row: Row) -> dict[str, Any]:
    """The attributes of a point; `calculated_value` is value times counter."""
    value = None if row["value"] is None else float(row["value"])
    counter = row["counter"]
    return {
        "id": row["id"],
        "metric_id": row["metric_id"],
        "calculated_value": None if value is None or counter is None else value * counter,
        "value": value,
        "counter": counter,
        **common.timestamps(call, row),
    }


def _metric(call: Call, row: Row) -> list[Row]:
    found = call.store.find(METRICS, row["metric_id"])
    return [found] if found else []


KIND = register(
    Kind(
        type="metricPoints",
        table=POINTS,
        model="MetricPoint",
        attributes=attributes,
        relations={"metric": Relation("metrics", False, _metric)},
    )
)
LISTING = Listing(
    sorts=("id", "value", "created_at"), includes=("metric",), field_keys={"metric": "metrics"}
)


def _ensure_metric_visible(call: Call) -> None:
    metric = call.bound["metric"]
    if metric["visible"] not in ((0, 1) if call.authenticated else (1,)):
        raise not_found()


def index(call: Call) -> Answer:
    """GET /metrics/{metric}/points."""
    _ensure_metric_visible(call)
    return common.index(call, KIND, LISTING, ("metric_id = ?", [common.bound_id(call, "metric")]))


def show(call: Call) -> Answer:
    """GET /metrics/{metric}/points/{metricPoint}."""
    _ensure_metric_visible(call)
    return common.show(call, KIND, LISTING, "metricPoint")


CREATE_RULES = {"value": ("required", "numeric"), "timestamp": ("nullable", "timestamp")}


def _moment(call: Call) -> datetime:
    value = call.input.get("timestamp")
    if value is None:
        return clock.now()
    if is_integer(value) and not isinstance(value, bool):
        return datetime.fromtimestamp(int(float(value)), timezone.utc)
    moment = times.parse_date(value, call.zone)
    assert moment is not None  # validated
    return moment


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def store(call: Call) -> Answer:
    """POST /metrics/{metric}/points: a new point, or the newest one counted again."""
    call.validated(CREATE_RULES, "metric-points.manage")
    metric = call.bound["metric"]
    moment = _moment(call)
    newest = call.store.select(
        POINTS, [("metric_id", metric["id"])], order_by=[("created_at", True)], limit=1
    )
    if newest:
        last = newest[0]
        last_minute = _minute(clock.parse_stored(last["created_at"]))
        minutes = abs((last_minute - _minute(moment)).total_seconds()) // 60
        if minutes < (metric["threshold"] or 0):
            common.update(call, POINTS, last["id"], {"counter": last["counter"] + 1})
            fresh = call.store.find(POINTS, last["id"])
            return Answer(201, document(call, KIND, fresh or last, common.write_tree(call)))
    # created_at is rounded to the nearest 30 seconds (PHP's round: halves away from zero).
    seconds = int(moment.timestamp())
    rounded = 30 * int((seconds + 15) // 30) if seconds >= 0 else -30 * int((-seconds + 15) // 30)
    created = times.stored(datetime.fromtimestamp(rounded, timezone.utc))
    values = {"metric_id": metric["id"], "value": float(call.input["value"]), "counter": 1}
    row_id = call.store.insert(
        POINTS, {**values, "created_at": created, "updated_at": times.now_stored()}
    )
    row = call.store.find(POINTS, row_id)
    assert row is not None
    return Answer(201, document(call, KIND, row, common.write_tree(call)))


def destroy(call: Call) -> Answer:
    """DELETE /metrics/{metric}/points/{metricPoint}."""
    call.guard("metric-points.delete")
    return common.destroyed(call, KIND, common.bound_id(call, "metricPoint"))
