"""Incident updates and schedule updates (spec 6.5, 6.10): one polymorphic `updates` table.

Incident update reads 404 with an empty message when the caller may not see the incident;
schedule update reads do not check the schedule (quirk 14). Writes re-synchronise the
incident's status from its newest update.
"""

from __future__ import annotations

from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.documents import Kind, Relation, enum_object, register, time_object
from cachet_emulator.v3.errors import not_found
from cachet_emulator.v3.listing import Filter, Listing, paginate, parse, relationships
from cachet_emulator.v3.resources import common, incidents
from cachet_emulator.v3.schema import INCIDENTS, SCHEDULES, UPDATES


def attributes(call: Call, row: Row) -> dict[str, Any]:
    """The attributes of an update; `status` only on incident updates."""
    result: dict[str, Any] = {
        "id": row["id"],
        "updateable_id": row["updateable_id"],
        "updateable_type": row["updateable_type"],
        "message": row["message"],
    }
    if row["updateable_type"] == "incident":
        result["status"] = enum_object(row["status"], common.INCIDENT_STATUS)
    result["created"] = time_object(call, row["created_at"])
    result["updated"] = time_object(call, row["updated_at"])
    return result


def _parent(kind: str, table: str) -> Any:
    def load(call: Call, row: Row) -> list[Row]:
        if row["updateable_type"] != kind:
            return []
        found = call.store.find(table, row["updateable_id"])
        return [found] if found else []

    return load


KIND = register(
    Kind(
        type="updates",
        table=UPDATES,
        model="Update",
        attributes=attributes,
        relations={
            "incident": Relation("incidents", False, _parent("incident", INCIDENTS)),
            "schedule": Relation("schedules", False, _parent("schedule", SCHEDULES)),
        },
    )
)

INCIDENT_LISTING = Listing(
    filters=(Filter("status", "exact"),),
    sorts=("status", "created_at"),
    includes=relationships("incident"),
    field_keys={"incident": "updateables"},
)
SCHEDULE_LISTING = Listing(
    sorts=("created_at",),
    includes=relationships("schedule"),
    field_keys={"schedule": "updateables"},
)


def _ensure_incident_visible(call: Call) -> None:
    condition, parameters = incidents.viewable_sql(call)
    found = call.store.select(
        INCIDENTS,
        [("id", call.bound["incident"]["id"])],
        extra_sql=condition,
        extra_parameters=parameters,
    )
    if not found:
        raise not_found()


def _parent_scope(parent: str, parent_id: int) -> tuple[str, list[Any]]:
    return "updateable_type = ? AND updateable_id = ?", [parent, parent_id]


def incident_index(call: Call) -> Answer:
    """GET /incidents/{incident}/updates."""
    _ensure_incident_visible(call)
    parsed = parse(call, INCIDENT_LISTING, UPDATES, None)
    scope = _parent_scope("incident", common.bound_id(call, "incident"))
    return Answer(200, paginate(call, KIND, parsed, scope))


def incident_show(call: Call) -> Answer:
    """GET /incidents/{incident}/updates/{update}."""
    _ensure_incident_visible(call)
    return common.show(call, KIND, INCIDENT_LISTING, "update")


def schedule_index(call: Call) -> Answer:
    """GET /schedules/{schedule}/updates (the schedule's publication is not checked)."""
    parsed = parse(call, SCHEDULE_LISTING, UPDATES, None)
    scope = _parent_scope("schedule", common.bound_id(call, "schedule"))
    return Answer(200, paginate(call, KIND, parsed, scope))


def schedule_show(call: Call) -> Answer:
    """GET /schedules/{schedule}/updates/{update}."""
    return common.show(call, KIND, SCHEDULE_LISTING, "update")


INCIDENT_CREATE_RULES = {
    "status": ("required", common.INCIDENT_STATUS_RULE),
    "message": ("required", "string"),
}
INCIDENT_EDIT_RULES = {"status": (common.INCIDENT_STATUS_RULE,), "message": ("string",)}
SCHEDULE_CREATE_RULES = {"message": ("required", "string"), "completed_at": ("nullable", "date")}
SCHEDULE_EDIT_RULES = {"message": ("string",)}


def incident_store(call: Call) -> Answer:
    """POST /incidents/{incident}/updates."""
    call.validated(INCIDENT_CREATE_RULES, "incident-updates.manage")
    incident_id = common.bound_id(call, "incident")
    values = {
        "updateable_type": "incident",
        "updateable_id": incident_id,
        "status": common.integer(call.input["status"]),
        "message": call.input["message"],
        "user_id": call.user_id,
    }
    row = common.insert(call, UPDATES, values)
    incidents.sync_status(call, incident_id)
    return common.created(call, KIND, row)


def incident_update(call: Call) -> Answer:
    """PUT/PATCH /incidents/{incident}/updates/{update}."""
    call.validated(INCIDENT_EDIT_RULES, "incident-updates.manage")
    update_id = common.bound_id(call, "update")
    values: dict[str, Any] = {}
    if call.given("status"):
        values["status"] = common.integer(call.input["status"])
    if call.given("message"):
        values["message"] = call.input["message"]
    common.update(call, UPDATES, update_id, values)
    incidents.sync_status(call, common.bound_id(call, "incident"))
    return common.refreshed(call, KIND, update_id)


def incident_destroy(call: Call) -> Answer:
    """DELETE /incidents/{incident}/updates/{update}."""
    call.guard("incident-updates.delete")
    call.store.delete(UPDATES, [("id", common.bound_id(call, "update"))])
    incidents.sync_status(call, common.bound_id(call, "incident"))
    return common.no_content()


def schedule_store(call: Call) -> Answer:
    """POST /schedules/{schedule}/updates; `completed_at` also ends the schedule."""
    call.validated(SCHEDULE_CREATE_RULES, "schedule-updates.manage")
    schedule_id = common.bound_id(call, "schedule")
    if call.given("completed_at"):
        completed = common.date_input(call, "completed_at")
        call.store.update(SCHEDULES, schedule_id, {"completed_at": completed})
    values = {
        "updateable_type": "schedule",
        "updateable_id": schedule_id,
        "message": call.input["message"],
        "user_id": call.user_id,
    }
    return common.created(call, KIND, common.insert(call, UPDATES, values))


def schedule_update(call: Call) -> Answer:
    """PUT/PATCH /schedules/{schedule}/updates/{update}."""
    call.validated(SCHEDULE_EDIT_RULES, "schedule-updates.manage")
    update_id = common.bound_id(call, "update")
    values = {"message": call.input["message"]} if call.given("message") else {}
    return common.updated(call, KIND, update_id, values)


def schedule_destroy(call: Call) -> Answer:
    """DELETE /schedules/{schedule}/updates/{update}."""
    call.guard("schedule-updates.delete")
    return common.destroyed(call, KIND, common.bound_id(call, "update"))
