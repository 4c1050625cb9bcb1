"""Schedules, Cachet 3's maintenance windows (spec 6.9): a status computed from the dates.

Unpublished schedules are hidden unless the token has schedules.manage. `components` on
update replaces the set when non-empty. Quirk 13: `include=user` is allowed but there is
no such relation, so Cachet fails with a 500.
"""

from __future__ import annotations

from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.v3 import times
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.documents import (
    Kind,
    Relation,
    enum_object,
    meta_member,
    register,
    time_object,
)
from cachet_emulator.v3.errors import server_error
from cachet_emulator.v3.listing import Filter, Listing, meta_filter, relationships
from cachet_emulator.v3.resources import common
from cachet_emulator.v3.schema import COMPONENTS, SCHEDULE_COMPONENTS, SCHEDULES
from cachet_emulator.v3.validation import as_boolean

METABLE = "schedule"


def status_of(row: Row) -> int:
    """0 upcoming, 1 in progress, 2 complete."""
    now = times.now_stored()
    if row["scheduled_at"] is not None and row["scheduled_at"] > now:
        return 0
    if row["completed_at"] is None or row["completed_at"] >= now:
        return 1
    return 2


def attributes(call: Call, row: Row) -> dict[str, Any]:
    """The attributes of a schedule."""
    return {
        "id": row["id"],
        "name": row["name"],
        "message": row["message"],
        **meta_member(row),
        "status": enum_object(status_of(row), common.SCHEDULE_STATUS),
        "scheduled": time_object(call, row["scheduled_at"]),
        "completed": time_object(call, row["completed_at"]),
        "published": time_object(call, row["published_at"]),
        **common.timestamps(call, row),
    }


def _no_user(call: Call, row: Row) -> list[Row]:
    # Quirk 13: Schedule has no user() relation; Laravel throws RelationNotFoundException.
    raise server_error()


KIND = register(
    Kind(
        type="schedules",
        table=SCHEDULES,
        model="Schedule",
        attributes=attributes,
        relations={
            "components": Relation(
                "components", True, common.pivot_components(SCHEDULE_COMPONENTS, "schedule_id")
            ),
            "updates": Relation("updates", True, common.updates_of(METABLE)),
            "user": Relation("users", False, _no_user),
        },
        metable=METABLE,
    )
)


def _status_filter(call: Call, value: Any, table: str) -> tuple[str, list[Any]]:
    """ScheduleStatusFilter: numeric statuses, several OR'ed; anything else is ignored."""
    now = times.now_stored()
    conditions = {
        "0": ("scheduled_at >= ?", [now]),
        "1": ("scheduled_at <= ? AND (completed_at >= ? OR completed_at IS NULL)", [now, now]),
        "2": ("completed_at <= ? AND completed_at IS NOT NULL", [now]),
    }
    values = value if isinstance(value, list) else [value]
    chosen = [conditions[str(v)] for v in values if str(v) in conditions]
    if not chosen:
        return "", []
    sql = " OR ".join(f"({condition})" for condition, _ in chosen)
    return f"({sql})", [p for _, parameters in chosen for p in parameters]


LISTING = Listing(
    filters=(
        Filter("name"),
        Filter("status", "custom", _status_filter),
        Filter("meta", "custom", meta_filter(METABLE)),
    ),
    sorts=("name", "id", "scheduled_at", "completed_at"),
    includes=(
        *relationships("components"), "components.group", *relationships("updates", "user", "meta")
    ),
    field_keys={"components": "components", "updates": "updates", "user": "users",
                "meta": "metas"},
)  # fmt: skip


def published_scope(call: Call) -> tuple[str, list[Any]]:
    """Published schedules, or all with schedules.manage."""
    if call.can("schedules.manage"):
        return "", []
    return common.published_sql(SCHEDULES)


def index(call: Call) -> Answer:
    """GET /schedules."""
    return common.index(call, KIND, LISTING, published_scope(call))


def show(call: Call) -> Answer:
    """GET /schedules/{schedule}."""
    return common.show(call, KIND, LISTING, "schedule", published_scope(call))


_COMPONENTS_RULES = {
    "components": ("array",),
    "components.*.id": ("required", "integer", "distinct", f"exists:{COMPONENTS},id"),
}
CREATE_RULES = {
    "name": ("required", "string", "max:255"),
    "message": ("required", "string"),
    "scheduled_at": ("required", "date"),
    "completed_at": ("nullable", "date"),
    "published_at": ("nullable", "date"),
    "notifications": ("boolean",),
    **_COMPONENTS_RULES,
    "components.*.status": ("required", "integer", common.COMPONENT_STATUS_RULE),
    "meta": ("nullable", "array"),
}
UPDATE_RULES = {
    "name": ("string", "max:255"),
    "message": ("string",),
    "scheduled_at": ("nullable", "date"),
    "completed_at": ("nullable", "date"),
    "published_at": ("nullable", "date"),
    **_COMPONENTS_RULES,
    "components.*.status": ("required", common.COMPONENT_STATUS_RULE),
    "meta": ("nullable", "array"),
}


def _values(call: Call) -> dict[str, Any]:
    values: dict[str, Any] = {n: call.input[n] for n in ("name", "message") if call.given(n)}
    for name in ("scheduled_at", "completed_at", "published_at"):
        if call.given(name):
            values[name] = common.date_input(call, name)
    return values


def _sync_components(call: Call, schedule_id: int) -> None:
    items = call.input.get("components") or []
    if not items:
        return
    call.store.delete(SCHEDULE_COMPONENTS, [("schedule_id", schedule_id)])
    for item in items:
        link = {
            "schedule_id": schedule_id,
            "component_id": int(item["id"]),
            "component_status": common.integer(item["status"]),
        }
        call.store.insert(SCHEDULE_COMPONENTS, link)


def store(call: Call) -> Answer:
    """POST /schedules."""
    call.validated(CREATE_RULES, "schedules.manage")
    values = _values(call)
    values.setdefault("published_at", times.now_stored())
    values["notifications"] = call.given("notifications") and as_boolean(
        call.input["notifications"]
    )
    row = common.insert(call, SCHEDULES, values)
    _sync_components(call, row["id"])
    return common.stored(call, KIND, row)


def update(call: Call) -> Answer:
    """PUT/PATCH /schedules/{schedule}."""
    call.validated(UPDATE_RULES, "schedules.manage")
    schedule_id = common.bound_id(call, "schedule")
    _sync_components(call, schedule_id)
    return common.updated(call, KIND, schedule_id, _values(call))


def destroy(call: Call) -> Answer:
    """DELETE /schedules/{schedule}: a soft delete."""
    call.guard("schedules.delete")
    return common.destroyed(call, KIND, common.bound_id(call, "schedule"))
