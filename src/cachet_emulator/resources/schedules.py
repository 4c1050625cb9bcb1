"""Schedules (spec 13; absent in 2.3): list, show, create, update, delete."""

from __future__ import annotations

from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall, Reply, item, no_content
from cachet_emulator.commands import Field, check_model, read_command, save_changes, without_nulls
from cachet_emulator.errors import server_error, validation_failed
from cachet_emulator.listing import Query, paginate, sort_order
from cachet_emulator.presenting import model_array, utc_array
from cachet_emulator.schema import Row

TABLE = "schedules"
SORTABLE = (
    "id", "name", "status", "scheduled_at", "completed_at", "created_at", "updated_at",
)  # fmt: skip
HUMAN_STATUSES = {0: "Upcoming", 1: "In Progress", 2: "Complete"}
PRESENTED = ("scheduled_at", "completed_at", "created_at", "updated_at")
DATES = ("scheduled_at", "completed_at")
MODEL_RULES = {
    "name": "required|string",
    "message": "nullable|string",
    "status": "required|int|between:0,2",
}
CREATE_FIELDS = (
    Field("name", "required|string"),
    Field("message", "nullable|string", clean=False),
    Field("status", "required|int|min:0|max:2"),
    Field("scheduled_at", "required|string"),
    Field("completed_at", "nullable|string"),
    Field("components", "nullable|array", default=[]),
    Field("notify", "nullable|bool", default=False),
)
UPDATE_FIELDS = (
    Field("name", "nullable|string"),
    Field("message", "nullable|string"),
    Field("status", "nullable|int|min:0|max:2"),
    Field("scheduled_at", "nullable|string"),
    Field("completed_at", "nullable|string"),
    Field("components", "nullable|array"),
)


def present(call: ApiCall, attributes: Row, with_components: bool = False) -> dict[str, Any]:
    """A schedule; completed_at shows now when unset (Cachet's bug, quirk 8).

    The GET shape (`with_components`) adds the raw component links, UTC timestamps and all;
    the create shape has none.
    """
    data = model_array(call, TABLE, attributes, timestamps=PRESENTED)
    if with_components:
        links = call.store.select("schedule_components", [("schedule_id", attributes["id"])])
        data["components"] = [utc_array("schedule_components", link) for link in links]
    status = php.cast_int(attributes.get("status"))
    data["human_status"] = HUMAN_STATUSES.get(status, f"cachet.schedules.status.{status}")
    return data


def list_schedules(call: ApiCall) -> Reply:
    """GET /schedules: no visibility rules, no filters; sortable (always descending), paged."""
    query = Query(TABLE, [], sort_order(call, SORTABLE))
    return paginate(call, query, lambda row: present(call, row, with_components=True))


def show_schedule(call: ApiCall) -> Reply:
    """GET /schedules/{schedule}."""
    return item(present(call, call.bound["schedule"], with_components=True))


def create_schedule(call: ApiCall) -> Reply:
    """POST /schedules: bad dates are a 400 with the parser's message; components ignored."""
    values = read_command(call, CREATE_FIELDS)
    dates = _parsed_dates(call, values)
    # A fresh Schedule holds status and completed_at first; message only when it was sent.
    attributes: Row = {"status": values["status"], "completed_at": dates.get("completed_at")}
    attributes["name"] = values["name"]
    if values["message"] is not None:
        attributes["message"] = values["message"]
    attributes["scheduled_at"] = dates["scheduled_at"]
    check_model(call, attributes, MODEL_RULES)
    now = clock.stored_now()
    attributes.update(updated_at=now, created_at=now)
    attributes["id"] = call.store.insert(TABLE, attributes)
    return item(present(call, attributes))


def update_schedule(call: ApiCall) -> Reply:
    """PUT /schedules/{schedule}: partial; bad dates and `components: null` are a 500."""
    schedule = call.bound["schedule"]
    values = read_command(call, UPDATE_FIELDS)
    if "components" in call.input and call.input["components"] is None:
        raise server_error()  # the handler iterates over the null it was given
    changes = without_nulls(values, ["name", "message", "status"])
    for name in DATES:
        if php.cast_bool(values[name]):
            try:
                changes[name] = _stored_date(call, values[name])
            except clock.DateFormatError:
                raise server_error() from None  # update does not catch the parser's error
    save_changes(call, TABLE, schedule, changes, MODEL_RULES)
    row = call.store.find(TABLE, schedule["id"])
    assert row is not None
    return item(present(call, row, with_components=True))


def delete_schedule(call: ApiCall) -> Reply:
    """DELETE /schedules/{schedule}: soft delete (404 afterwards)."""
    now = clock.stored_now()
    call.store.update(TABLE, call.bound["schedule"]["id"], {"deleted_at": now, "updated_at": now})
    return no_content()


def _parsed_dates(call: ApiCall, values: Row) -> dict[str, str]:
    """The given create dates as stored UTC; the first bad one is a 400 with PHP's message."""
    dates: dict[str, str] = {}
    for name in DATES:
        if not php.cast_bool(values[name]):
            continue
        try:
            dates[name] = _stored_date(call, values[name])
        except clock.DateFormatError as error:
            raise validation_failed([str(error)]) from None
    return dates


def _stored_date(call: ApiCall, text: Any) -> str:
    """A `Y-m-d H:i` date in the request's timezone as stored UTC."""
    return clock.stored(clock.parse_minute(str(text), call.zone_name))
