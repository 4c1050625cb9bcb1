"""Metric points (spec 12; 2.3 differences 17.6): list, create (aggregating), update, delete."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall, Reply, item, no_content
from cachet_emulator.commands import Field, read_command, save_changes
from cachet_emulator.errors import bad_request, server_error, validation_failed
from cachet_emulator.listing import Query, paginate
from cachet_emulator.presenting import model_array
from cachet_emulator.resources.metrics import stored_decimal
from cachet_emulator.schema import Row
from cachet_emulator.versions import until_23

TABLE = "metric_points"
# The command calls the timestamp `created_at`, so messages say "created at" (quirk 27).
NAMES = {"timestamp": "created at"}
CREATE_FIELDS = (Field("value", "required|numeric"), Field("timestamp", "nullable|int"))
# The update command casts the value to float, so a missing value becomes 0 (quirk 7).
UPDATE_FIELDS = until_23(
    (
        Field("value", "nullable|numeric", cast=php.cast_float),
        Field("timestamp", "nullable|string"),
    ),
    (Field("value", cast=php.cast_float), Field("timestamp")),
)
ORDER = until_23([("created_at", True)], [])
"""The order of a metric's points: newest first (2.3: by id)."""
ROUNDING_SECONDS = 30
# metric_points.value is DECIMAL(15,3).
VALUE_MAXIMUM = 999999999999.999


def present(call: ApiCall, attributes: Row) -> dict[str, Any]:
    """A point with `calculated_value` = value * counter."""
    data = model_array(call, TABLE, attributes)
    data["calculated_value"] = php.cast_float(data.get("value")) * php.cast_int(data.get("counter"))
    return data


def list_points(call: ApiCall) -> Reply:
    """GET /metrics/{metric}/points: newest first (2.3: by id); `sort` is ignored."""
    where = [("metric_id", call.bound["metric"]["id"])]
    return paginate(call, Query(TABLE, where, call.pick(ORDER)), lambda row: present(call, row))


def create_point(call: ApiCall) -> Reply:
    """POST /metrics/{metric}/points: an equal value inside the threshold window is counted."""
    metric = call.bound["metric"]
    values = read_command(call, CREATE_FIELDS, NAMES)
    if values["value"] is None:
        raise bad_request()  # 2.3 only (no command rules): NULL into a NOT NULL column
    value = stored_decimal(values["value"], VALUE_MAXIMUM)
    now = clock.now()
    stamp = clock.stored(now)
    existing = _point_to_aggregate(call, metric, value, now)
    if existing is not None:
        counter = existing["counter"] + 1
        call.store.update(TABLE, existing["id"], {"counter": counter, "updated_at": stamp})
        # The response is the model before its touch: the old updated_at (spec 12.4).
        return item(present(call, {**existing, "counter": counter}))
    number = php.to_number(values["value"]) if php.is_numeric(values["value"]) else value
    attributes: Row = {"value": number, "counter": 1, "metric_id": metric["id"]}
    if php.cast_bool(values["timestamp"]):
        created = _moment(call, values["timestamp"])
        attributes.update(created_at=clock.stored(created), updated_at=stamp)
    else:
        created = call.pick(STORED_MOMENT)(now)
        attributes.update(updated_at=stamp, created_at=clock.stored(created))
    attributes["id"] = call.store.insert(TABLE, {**attributes, "value": value})
    return item(present(call, attributes))


def update_point(call: ApiCall) -> Reply:
    """PUT /metrics/{metric}/points/{metric_point}: value (absent: 0), timestamp, new metric."""
    point = call.bound["metric_point"]
    values = read_command(call, call.pick(UPDATE_FIELDS), NAMES)
    value = stored_decimal(values["value"], VALUE_MAXIMUM)
    changes: Row = {"metric_id": call.bound["metric"]["id"], "value": value}
    if php.cast_bool(values["timestamp"]):
        changes["created_at"] = clock.stored(_moment(call, values["timestamp"]))
    save_changes(call, TABLE, point, changes, {})
    row = call.store.find(TABLE, point["id"])
    assert row is not None
    return item(present(call, row))


def delete_point(call: ApiCall) -> Reply:
    """DELETE /metrics/{metric}/points/{metric_point}: whichever metric the point is in."""
    call.store.delete(TABLE, [("id", call.bound["metric_point"]["id"])])
    return no_content()


def _point_to_aggregate(call: ApiCall, metric: Row, value: float, now: datetime) -> Row | None:
    """The first point of `metric` with `value` created inside the threshold window."""
    since = _window_start(call, php.cast_int(metric["threshold"]), now)
    where = [("metric_id", metric["id"]), ("value", value)]
    sql = '"created_at" >= ?'
    rows = call.store.select(TABLE, where, extra_sql=sql, extra_parameters=[since])
    return rows[0] if rows else None


def _window_start(call: ApiCall, threshold: int, now: datetime) -> str:
    """The start of the aggregation window, as stored."""
    try:
        return clock.stored(call.pick(WINDOW_START)(now, threshold))
    except OverflowError:
        # Only 2.3 stores thresholds this large; the window then reaches either end of time.
        return "0000-00-00 00:00:00" if threshold > 0 else "9999-12-31 23:59:59"


def _moment(call: ApiCall, timestamp: Any) -> datetime:
    """A Unix timestamp as Cachet stores it: 2.4 rounds to 30 s, 2.3 keeps it exact."""
    seconds = php.filter_int(timestamp)
    if seconds is None:
        if not php.is_numeric(timestamp):
            raise server_error()  # Carbon cannot read a non-numeric timestamp
        seconds = int(php.to_number(timestamp))
    try:
        moment = datetime.fromtimestamp(seconds, timezone.utc)
    except (OverflowError, OSError, ValueError):
        # Outside what a timestamp column holds; answered like a bad value (our choice).
        raise validation_failed(["The created at must be an integer."]) from None
    return call.pick(STORED_MOMENT)(moment)


def _rounded(moment: datetime) -> datetime:
    """The moment rounded to the nearest 30 seconds, halves up (may be 15 s ahead)."""
    seconds = int(moment.timestamp())
    rounded = (seconds + ROUNDING_SECONDS // 2) // ROUNDING_SECONDS * ROUNDING_SECONDS
    return datetime.fromtimestamp(rounded, timezone.utc)


def _exact(moment: datetime) -> datetime:
    return moment


def _window_start_24(now: datetime, threshold: int) -> datetime:
    return (now - timedelta(minutes=threshold - 1)).replace(second=0)


def _window_start_23(now: datetime, threshold: int) -> datetime:
    return now - timedelta(minutes=threshold)


STORED_MOMENT = until_23(_rounded, _exact)
"""What a point's moment is stored as: 2.4 rounds it to 30 s, 2.3 keeps it exact."""
WINDOW_START = until_23(_window_start_24, _window_start_23)
"""Where the window of equal values that are counted, not added, starts (`threshold` in
minutes): 2.4 at the start of the minute `threshold - 1` minutes ago, 2.3 `threshold` ago."""
