"""Incidents (spec 6.4): created visible to token holders only unless `visible` is true.

The `status` column is canonical: updates with a status re-synchronise it. Components are
attached with an impact (`component_status`) on create only; they never change the
component's own status column.
"""

from __future__ import annotations

import uuid
from typing import Any

from cachet_emulator import clock
from cachet_emulator.schema import Row
from cachet_emulator.store import quote
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
from cachet_emulator.v3.listing import Filter, Listing, meta_filter, relationships
from cachet_emulator.v3.resources import common, templating
from cachet_emulator.v3.schema import (
    COMPONENTS,
    INCIDENT_COMPONENTS,
    INCIDENTS,
    TEMPLATES,
    UPDATES,
    USERS,
)
from cachet_emulator.v3.validation import as_boolean

METABLE = "incident"


def viewable_sql(call: Call, alias: str = INCIDENTS) -> tuple[str, list[Any]]:
    """`viewableBy`: visibility, and published unless the token has incidents.manage."""
    table = quote(alias) if alias == INCIDENTS else alias
    condition = common.visible_sql(call, "visible").replace('"visible"', f"{table}.visible")
    if call.can("incidents.manage"):
        return condition, []
    published = f"({table}.published_at IS NULL OR {table}.published_at <= ?)"
    return f"{condition} AND {published}", [times.now_stored()]


def attributes(call: Call, row: Row) -> dict[str, Any]:
    """The attributes of an incident."""
    result: dict[str, Any] = {
        "id": row["id"],
        "guid": row["guid"],
        "name": row["name"],
        "message": row["message"],
        "visible": row["visible"],
        "stickied": row["stickied"] if isinstance(row["stickied"], bool) else bool(row["stickied"]),
        # No cast in Cachet: SQLite and MySQL give 0/1 (the create answer has the bool).
        "notifications": row["notifications"],
        **meta_member(row),
    }
    if "_components_count" in row:
        result["components_count"] = row["_components_count"]
    result.update(
        {
            "status": enum_object(row["status"], common.INCIDENT_STATUS),
            "occurred": time_object(call, row["occurred_at"]),
            "published": time_object(call, row["published_at"]),
            **common.timestamps(call, row),
        }
    )
    return result


def _user(call: Call, row: Row) -> list[Row]:
    if row["user_id"] is None:
        return []
    found = call.store.find(USERS, row["user_id"])
    return [found] if found else []


KIND = register(
    Kind(
        type="incidents",
        table=INCIDENTS,
        model="Incident",
        attributes=attributes,
        relations={
            "components": Relation(
                "components", True, common.pivot_components(INCIDENT_COMPONENTS, "incident_id")
            ),
            "updates": Relation("updates", True, common.updates_of(METABLE)),
            "user": Relation("users", False, _user),
        },
        metable=METABLE,
    )
)
register(
    Kind(type="users", table=USERS, model="User", attributes=lambda call, row: {"id": row["id"]})
)


def _date_filter(operator: str) -> Any:
    def apply(call: Call, value: Any, table: str) -> tuple[str, list[Any]]:
        moment = times.parse_date(value, call.zone) if isinstance(value, str) else None
        if moment is None:
            return "0", []
        if operator == "on":
            local = moment.astimezone(clock.zone(call.zone))
            start = local.replace(hour=0, minute=0, second=0)
            end = start.replace(hour=23, minute=59, second=59)
            return "occurred_at BETWEEN ? AND ?", [times.stored(start), times.stored(end)]
        return f"occurred_at {operator} ?", [times.stored(moment)]

    return apply


LISTING = Listing(
    filters=(
        Filter("name"),
        Filter("status", "exact"),
        Filter("occurs_after", "custom", _date_filter(">=")),
        Filter("occurs_before", "custom", _date_filter("<=")),
        Filter("occurs_on", "custom", _date_filter("on")),
        Filter("meta", "custom", meta_filter(METABLE)),
    ),
    sorts=("name", "status", "id", "created_at"),
    includes=(
        *relationships("components"), "components.group", *relationships("updates", "user", "meta")
    ),
    field_keys={"components": "components", "updates": "updates", "user": "users",
                "meta": "metas"},
    default_sort=(("created_at", True),),
)  # fmt: skip


def index(call: Call) -> Answer:
    """GET /incidents (newest first by default)."""
    return common.index(call, KIND, LISTING, viewable_sql(call))


def show(call: Call) -> Answer:
    """GET /incidents/{incident}."""
    return common.show(call, KIND, LISTING, "incident", viewable_sql(call))


_FLAGS = {"visible": ("boolean",), "stickied": ("boolean",), "notifications": ("boolean",)}
CREATE_RULES = {
    "name": ("required", "string", "max:255"),
    "message": ("required_without:template", "string"),
    "template": ("required_without:message", "string", f"exists:{TEMPLATES},slug"),
    "status": ("required", common.INCIDENT_STATUS_RULE),
    **_FLAGS,
    "occurred_at": ("nullable", "date"),
    "published_at": ("nullable", "date"),
    "template_vars": ("array",),
    "component_id": (f"exists:{COMPONENTS},id",),
    "component_status": ("nullable", common.COMPONENT_STATUS_RULE, "required_with:component_id"),
    "components": ("array",),
    "components.*.id": ("required", "integer", "distinct", f"exists:{COMPONENTS},id"),
    "components.*.status": ("required", "integer", common.COMPONENT_STATUS_RULE),
    "meta": ("nullable", "array"),
}
UPDATE_RULES = {
    "name": ("string", "max:255"),
    "message": ("string",),
    "status": (common.INCIDENT_STATUS_RULE,),
    **_FLAGS,
    "occurred_at": ("nullable", "date"),
    "published_at": ("nullable", "date"),
    "meta": ("nullable", "array"),
}


def _values(call: Call) -> dict[str, Any]:
    values: dict[str, Any] = {n: call.input[n] for n in ("name", "message") if call.given(n)}
    if call.given("status"):
        values["status"] = common.integer(call.input["status"])
    for name in ("stickied", "notifications"):
        if call.given(name):
            values[name] = as_boolean(call.input[name])
    if call.given("visible"):
        values["visible"] = common.GUEST if as_boolean(call.input["visible"]) else 0
    for name in ("occurred_at", "published_at"):
        if call.given(name):
            values[name] = common.date_input(call, name)
    return values


def _impacts(call: Call) -> dict[int, int | None]:
    """component id -> impact: the `components` list, then the legacy pair."""
    impacts: dict[int, int | None] = {}
    for item in call.input.get("components") or []:
        impacts[int(item["id"])] = common.integer(item["status"])
    if call.given("component_id"):
        impacts[int(call.input["component_id"])] = common.integer(
            call.input.get("component_status")
        )
    return impacts


def store(call: Call) -> Answer:
    """POST /incidents."""
    call.validated(CREATE_RULES, "incidents.manage")
    values = _values(call)
    values.setdefault("visible", 0)  # the DTO's default false wins over the column's 1
    values.setdefault("stickied", False)
    values.setdefault("notifications", False)
    values.setdefault("published_at", times.now_stored())
    if call.given("template"):
        values["message"] = templating.render_for_incident(call, values)
    row = common.insert(call, INCIDENTS, {"guid": str(uuid.uuid4()), **values})
    for component_id, impact in _impacts(call).items():
        link = {"incident_id": row["id"], "component_id": component_id, "component_status": impact}
        call.store.insert(INCIDENT_COMPONENTS, link)
    return common.stored(call, KIND, row)


def update(call: Call) -> Answer:
    """PUT/PATCH /incidents/{incident}: no components, null leaves a field unchanged."""
    call.validated(UPDATE_RULES, "incidents.manage")
    incident_id = common.bound_id(call, "incident")
    return common.updated(call, KIND, incident_id, _values(call))


def destroy(call: Call) -> Answer:
    """DELETE /incidents/{incident}: updates removed, the incident soft-deleted."""
    call.guard("incidents.delete")
    incident_id = common.bound_id(call, "incident")
    updates = [("updateable_type", METABLE), ("updateable_id", incident_id)]
    return common.destroyed(call, KIND, incident_id, [(UPDATES, updates)])


def sync_status(call: Call, incident_id: int) -> None:
    """SyncIncidentStatus: the incident takes the status of its newest update that has one."""
    rows = call.store.execute(
        f"SELECT status FROM {quote(UPDATES)} WHERE updateable_type = 'incident'"
        " AND updateable_id = ? AND status IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1",
        (incident_id,),
    )
    if rows:
        call.store.update(INCIDENTS, incident_id, {"status": rows[0]["status"]})
