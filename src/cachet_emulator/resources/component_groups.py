"""Component groups (spec 7; 2.3 differences 17.4): list, show, create, update, delete."""

from __future__ import annotations

from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall, Reply, item, no_content
from cachet_emulator.commands import (
    Field,
    check_model,
    read_command,
    save_changes,
    without_nulls,
)
from cachet_emulator.listing import Query, paginate, search_conditions, sort_order
from cachet_emulator.presenting import model_array
from cachet_emulator.resources import components
from cachet_emulator.schema import Row
from cachet_emulator.versions import until_23

TABLE = "component_groups"
SEARCHABLE = until_23(("id", "name", "order", "collapsed", "visible"), ("id", "name", "collapsed"))
SORTABLE = until_23(SEARCHABLE.newest, ("id", "name", "order", "collapsed"))
HIDDEN = until_23((), ("visible",))
"""Columns 2.3 does not have (its groups are all visible)."""
GUESTS_SEE_HIDDEN_GROUPS = until_23(False, True)
ORDER_HONOURED = until_23(True, False)
"""2.3 shares the always-descending bug of other lists; 2.4 honours `order` here."""
# The model's attribute defaults, in the order a fresh ComponentGroup holds them.
DEFAULTS: dict[str, Any] = {"order": 0, "collapsed": 0, "visible": 0}
MODEL_RULES = until_23(
    {
        "name": "required|string",
        "order": "required|int",
        "collapsed": "required|int|between:0,4",
        "visible": "required|bool",
    },
    {"name": "required|string", "order": "int", "collapsed": "int"},
)
CREATE_FIELDS = (
    Field("name", "required|string"),
    Field("order", "required|int", cast=php.cast_int, default=0),
    Field("collapsed", "required|int|between:0,4", default=0),
    Field("visible", "required|bool", cast=php.cast_int, default=0),
)
# `order` and `visible` are cast, so when absent they are written as 0 (Bug, quirk 5).
UPDATE_FIELDS = (
    Field("name", "nullable|string"),
    Field("order", "nullable|int", cast=php.cast_int),
    Field("collapsed", "nullable|int|between:0,4"),
    Field("visible", "nullable|bool", cast=php.cast_int),
)


def _fields(call: ApiCall, fields: tuple[Field, ...]) -> tuple[Field, ...]:
    return tuple(field for field in fields if field.name not in call.pick(HIDDEN))


def _enabled_components(call: ApiCall, group_id: int) -> list[Row]:
    where = [("group_id", group_id), ("enabled", 1)]
    return call.store.select(components.TABLE, where, [("order", False)])


def lowest_human_status(call: ApiCall, members: list[Row]) -> str | None:
    """The status name of the worst enabled component, or None without any."""
    if not members:
        return None
    worst = max(php.cast_int(member["status"]) for member in members)
    return components.status_name(call, worst)


def present(call: ApiCall, attributes: Row, with_components: bool = True) -> dict[str, Any]:
    """A group; the create shape has no `enabled_components*` (Quirk)."""
    data = model_array(call, TABLE, attributes, hidden=call.pick(HIDDEN))
    members = _enabled_components(call, int(attributes["id"]))
    if with_components:
        data["enabled_components"] = [components.present(call, row) for row in members]
        lowest = sorted(members, key=lambda row: (-php.cast_int(row["status"]), row["id"]))
        data["enabled_components_lowest"] = [components.present(call, row) for row in lowest]
    data["lowest_human_status"] = lowest_human_status(call, members)
    return data


def list_groups(call: ApiCall) -> Reply:
    """GET /components/groups: guests see visible groups only (2.4); search, sort, pages."""
    sees_hidden = call.authenticated or call.pick(GUESTS_SEE_HIDDEN_GROUPS)
    where = [] if sees_hidden else [("visible", 1)]
    hidden = call.pick(HIDDEN)
    where += search_conditions(call, TABLE, call.pick(SEARCHABLE), hidden=hidden)
    ordering = sort_order(call, call.pick(SORTABLE), call.pick(ORDER_HONOURED))
    return paginate(call, Query(TABLE, where, ordering), lambda row: present(call, row))


def show_group(call: ApiCall) -> Reply:
    """GET /components/groups/{component_group}: hidden groups too, to anyone (Quirk)."""
    return item(present(call, call.bound["component_group"]))


def create_group(call: ApiCall) -> Reply:
    """POST /components/groups: new groups are hidden from guests by default (quirk 22)."""
    values = read_command(call, _fields(call, CREATE_FIELDS))
    defaults = {k: v for k, v in DEFAULTS.items() if k not in call.pick(HIDDEN)}
    attributes = {**defaults, **values}
    check_model(call, attributes, call.pick(MODEL_RULES))
    now = clock.stored_now()
    attributes.update(updated_at=now, created_at=now)
    attributes["id"] = call.store.insert(TABLE, attributes)
    return item(present(call, attributes, with_components=False))


def update_group(call: ApiCall) -> Reply:
    """PUT /components/groups/{component_group}: absent order/visible become 0 (quirk 5)."""
    group = call.bound["component_group"]
    changes = without_nulls(read_command(call, _fields(call, UPDATE_FIELDS)))
    save_changes(call, TABLE, group, changes, call.pick(MODEL_RULES))
    fresh = call.store.find(TABLE, group["id"])
    assert fresh is not None
    return item(present(call, fresh))


def delete_group(call: ApiCall) -> Reply:
    """DELETE /components/groups/{component_group}: members move to group 0, row deleted."""
    group_id = call.bound["component_group"]["id"]
    now = clock.stored_now()
    for member in call.store.select(components.TABLE, [("group_id", group_id)]):
        call.store.update(components.TABLE, member["id"], {"group_id": 0, "updated_at": now})
    call.store.delete(TABLE, [("id", group_id)])
    return no_content()
