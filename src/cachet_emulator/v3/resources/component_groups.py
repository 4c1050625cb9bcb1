"""Component groups (spec 6.3): created hidden from guests unless `visible` is true.

`components` on create or update only ever adds components to the group; deleting a group
ungroups its components, then removes the group.
"""

from __future__ import annotations

from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.documents import Kind, Relation, meta_member, register
from cachet_emulator.v3.listing import Filter, Listing, meta_filter, relationships
from cachet_emulator.v3.resources import common
from cachet_emulator.v3.schema import COMPONENTS, GROUPS
from cachet_emulator.v3.validation import as_boolean

METABLE = "component_group"
ORDER_COLUMNS = ("id", "last_updated", "name", "manual", "status")


def attributes(call: Call, row: Row) -> dict[str, Any]:
    """The attributes of a group."""
    return {
        "id": row["id"],
        "name": row["name"],
        "order": row["order"],
        "order_column": row["order_column"],
        "order_direction": row["order_direction"],
        "collapsed": row["collapsed"],
        "visible": row["visible"],
        **meta_member(row),
        **common.timestamps(call, row),
    }


def _components(call: Call, row: Row) -> list[Row]:
    # A callback include: guests see only enabled components.
    where: list[tuple[str, Any]] = [("component_group_id", row["id"])]
    if not call.authenticated:
        where.append(("enabled", 1))
    return call.store.select(COMPONENTS, where)


KIND = register(
    Kind(
        type="componentGroups",
        table=GROUPS,
        model="ComponentGroup",
        attributes=attributes,
        relations={"components": Relation("components", True, _components)},
        metable=METABLE,
    )
)

LISTING = Listing(
    filters=(Filter("meta", "custom", meta_filter(METABLE)),),
    sorts=("name", "id"),
    includes=("components", *relationships("meta")),
    field_keys={"meta": "metas"},
)


def index(call: Call) -> Answer:
    """GET /component-groups."""
    return common.index(call, KIND, LISTING, (common.visible_sql(call), []))


def show(call: Call) -> Answer:
    """GET /component-groups/{component_group}."""
    return common.show(call, KIND, LISTING, "component_group", (common.visible_sql(call), []))


_RULES = {
    "order": ("integer", "min:0"),
    "visible": ("boolean",),
    "collapsed": ("enum:0,1,2",),
    "order_column": ("enum:" + ",".join(ORDER_COLUMNS),),
    "order_direction": ("nullable", "order_direction", "enum:asc,desc"),
    "components": ("array",),
    "components.*": ("integer", "min:0", f"exists:{COMPONENTS},id"),
    "meta": ("nullable", "array"),
}
CREATE_RULES = {"name": ("required", "string", "max:255"), **_RULES}
UPDATE_RULES = {"name": ("string", "max:255"), **_RULES}


def _values(call: Call) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in ("name", "order_column", "order_direction"):
        if call.given(name):
            values[name] = call.input[name]
    for name in ("order", "collapsed"):
        if call.given(name):
            values[name] = common.integer(call.input[name])
    if call.given("visible"):
        # Typed as the visibility enum but validated as a boolean: 2 (hidden) is unreachable.
        values["visible"] = common.GUEST if as_boolean(call.input["visible"]) else 0
    return values


def _add_components(call: Call, group_id: int) -> None:
    for component_id in call.input.get("components") or []:
        call.store.update(COMPONENTS, int(component_id), {"component_group_id": group_id})


def store(call: Call) -> Answer:
    """POST /component-groups."""
    call.validated(CREATE_RULES, "component-groups.manage")
    row = common.insert(call, GROUPS, _values(call))
    _add_components(call, row["id"])
    return common.stored(call, KIND, row)


def update(call: Call) -> Answer:
    """PUT/PATCH /component-groups/{component_group}."""
    call.validated(UPDATE_RULES, "component-groups.manage")
    group_id = common.bound_id(call, "component_group")
    _add_components(call, group_id)
    return common.updated(call, KIND, group_id, _values(call))


def destroy(call: Call) -> Answer:
    """DELETE /component-groups/{component_group}: its components become ungrouped."""
    call.guard("component-groups.delete")
    group_id = common.bound_id(call, "component_group")
    call.store.execute(
        f'UPDATE "{COMPONENTS}" SET component_group_id = NULL WHERE component_group_id = ?',
        (group_id,),
    )
    return common.destroyed(call, KIND, group_id)
