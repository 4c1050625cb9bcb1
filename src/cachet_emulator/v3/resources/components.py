"""Components (spec 6.2): guests never see disabled ones, nor those of groups hidden to them.

`status` is the baseline column; `latest_status` the effective status, from maintenance in
progress and the public, unresolved incidents that impact the component.
"""

from __future__ import annotations

from typing import Any

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
)
from cachet_emulator.v3.listing import Filter, Listing, meta_filter, relationships
from cachet_emulator.v3.resources import common
from cachet_emulator.v3.resources.incidents import viewable_sql
from cachet_emulator.v3.schema import (
    COMPONENTS,
    GROUPS,
    INCIDENT_COMPONENTS,
    INCIDENTS,
    SCHEDULE_COMPONENTS,
    SCHEDULES,
    STATUS_CHANGES,
    SUBSCRIPTIONS,
)
from cachet_emulator.v3.validation import as_boolean

METABLE = "component"


def effective_status(call: Call, row: Row) -> int | None:
    """`Component::latestStatus`: maintenance baseline, then the worst incident impact."""
    now = times.now_stored()
    windows = call.store.execute(
        f"SELECT p.component_status FROM {quote(SCHEDULE_COMPONENTS)} p"
        f" JOIN {quote(SCHEDULES)} s ON s.id = p.schedule_id"
        " WHERE p.component_id = ? AND s.deleted_at IS NULL AND s.scheduled_at <= ?"
        " AND (s.completed_at IS NULL OR s.completed_at >= ?)"
        " AND (s.published_at IS NULL OR s.published_at <= ?)",
        (row["id"], now, now, now),
    )
    # A window's pivot status defaults to under maintenance.
    statuses = [w["component_status"] or 6 for w in windows]
    baseline = _worst(statuses) if statuses else row["status"]
    impacts = call.store.execute(
        f"SELECT p.component_status FROM {quote(INCIDENT_COMPONENTS)} p"
        f" JOIN {quote(INCIDENTS)} i ON i.id = p.incident_id"
        " WHERE p.component_id = ? AND i.deleted_at IS NULL AND p.component_status IS NOT NULL"
        " AND (i.status IS NULL OR i.status != 4) AND i.visible = 1"
        " AND (i.published_at IS NULL OR i.published_at <= ?)",
        (row["id"], now),
    )
    found = [s for s in [baseline, *(i["component_status"] for i in impacts)] if s is not None]
    return _worst(found) if found else None


def _worst(statuses: list[int]) -> int:
    return max(statuses, key=lambda status: common.SEVERITY.get(status, 0))


def attributes(call: Call, row: Row) -> dict[str, Any]:
    """The attributes of a component."""
    result: dict[str, Any] = {
        "id": row["id"],
        "name": row["name"],
        "description": row["description"],
        "link": row["link"],
        "order": row["order"],
        "status": enum_object(row["status"], common.COMPONENT_STATUS),
        "latest_status": enum_object(effective_status(call, row), common.COMPONENT_STATUS),
        "enabled": None if row["enabled"] is None else bool(row["enabled"]),
        **meta_member(row),
        **common.timestamps(call, row),
    }
    if row.get("_pivot_status") is not None:
        pivot_status = enum_object(row["_pivot_status"], common.COMPONENT_STATUS)
        result["pivot"] = {"component_status": pivot_status}
    return result


def _group(call: Call, row: Row) -> list[Row]:
    # Scoped to the groups the caller sees: `components.group` on incidents and schedules is
    # a callback include that does so; on components themselves a component in a group the
    # caller cannot see is not listed at all, so the scope changes nothing there.
    if row["component_group_id"] is None:
        return []
    where = [("id", row["component_group_id"])]
    return call.store.select(GROUPS, where, extra_sql=common.visible_sql(call))


def _incidents(call: Call, row: Row) -> list[Row]:
    # A callback include: only the incidents the caller may see.
    condition, parameters = viewable_sql(call, "i")
    return call.store.execute(
        f"SELECT i.*, p.component_status AS _pivot_status FROM {quote(INCIDENTS)} i"
        f" JOIN {quote(INCIDENT_COMPONENTS)} p ON p.incident_id = i.id"
        f" WHERE p.component_id = ? AND i.deleted_at IS NULL AND {condition} ORDER BY p.id",
        (row["id"], *parameters),
    )


KIND = register(
    Kind(
        type="components",
        table=COMPONENTS,
        model="Component",
        attributes=attributes,
        relations={
            "group": Relation("componentGroups", False, _group),
            "incidents": Relation("incidents", True, _incidents),
        },
        metable=METABLE,
    )
)

LISTING = Listing(
    filters=(
        Filter("name"),
        Filter("status", "exact"),
        # Quirk 16: enabled defaults to true, for token holders too.
        Filter("enabled", "exact", default=True),
        Filter("meta", "custom", meta_filter(METABLE)),
    ),
    sorts=("name", "order", "id"),
    includes=(*relationships("group"), "incidents", *relationships("meta")),
    field_keys={"group": "groups", "meta": "metas"},
)


def visible_scope(call: Call) -> tuple[str, list[Any]]:
    """`visibleComponents()`: ungrouped or in a group the caller sees; enabled for guests."""
    groups = f"SELECT id FROM {quote(GROUPS)} WHERE {common.visible_sql(call)}"
    condition = f"(component_group_id IS NULL OR component_group_id IN ({groups}))"
    if not call.authenticated:
        condition += " AND enabled = 1"
    return condition, []


def index(call: Call) -> Answer:
    """GET /components."""
    return common.index(call, KIND, LISTING, visible_scope(call))


def show(call: Call) -> Answer:
    """GET /components/{component}."""
    return common.show(call, KIND, LISTING, "component", visible_scope(call))


# No `max` on description: on MySQL a text over 255 characters fails in the VARCHAR(255)
# column; SQLite stores it whole, and so does the emulator (spec 13.4).
_COMMON_RULES = {
    "description": ("string",),
    "status": (common.COMPONENT_STATUS_RULE,),
    "link": ("string", "url:http,https"),
    "order": ("integer", "min:0"),
    "enabled": ("boolean",),
    "component_group_id": ("integer", "min:0", f"exists:{GROUPS},id"),
    "meta": ("nullable", "array"),
}
CREATE_RULES = {"name": ("string", "required", "max:255"), **_COMMON_RULES}
UPDATE_RULES = {"name": ("string", "max:255"), **_COMMON_RULES}
_COLUMNS = ("name", "description", "link", "order", "component_group_id")


def _values(call: Call) -> dict[str, Any]:
    values: dict[str, Any] = {name: call.input[name] for name in _COLUMNS if call.given(name)}
    for name in ("order", "component_group_id"):
        if name in values:
            values[name] = common.integer(values[name])
    if call.given("enabled"):
        values["enabled"] = as_boolean(call.input["enabled"])
    if call.given("status"):
        values["status"] = common.integer(call.input["status"])
    return values


def store(call: Call) -> Answer:
    """POST /components."""
    call.validated(CREATE_RULES, "components.manage")
    values = {"status": 5, "enabled": True, **_values(call)}
    row = common.insert(call, COMPONENTS, values)
    return common.stored(call, KIND, row)


def update(call: Call) -> Answer:
    """PUT/PATCH /components/{component}."""
    call.validated(UPDATE_RULES, "components.manage")
    row = call.bound["component"]
    values = _values(call)
    new_status = values.get("status")
    if new_status is not None and new_status != row["status"]:
        now = times.now_stored()
        change = {
            "component_id": row["id"],
            "old_status": row["status"],
            "new_status": new_status,
            "source": "manual",
            "user_id": call.user_id,
            "created_at": now,
            "updated_at": now,
        }
        call.store.insert(STATUS_CHANGES, change)
    return common.updated(call, KIND, row["id"], values)


def destroy(call: Call) -> Answer:
    """DELETE /components/{component}: subscribers detached, then a soft delete."""
    call.guard("components.delete")
    row_id = common.bound_id(call, "component")
    return common.destroyed(call, KIND, row_id, [(SUBSCRIPTIONS, [("component_id", row_id)])])
