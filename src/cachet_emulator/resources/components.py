"""Components (spec 6; 2.3 differences 17.3): list, show, create, update, delete."""

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
from cachet_emulator.errors import server_error
from cachet_emulator.listing import Query, paginate, search_conditions, sort_order
from cachet_emulator.presenting import model_array
from cachet_emulator.resources import tags
from cachet_emulator.schema import Row
from cachet_emulator.store import Store
from cachet_emulator.versions import until_23

TABLE = "components"
SEARCHABLE = ("id", "name", "status", "order", "group_id", "enabled")
SORTABLE = SEARCHABLE
_STATUS_NAMES = {
    0: "Unknown",
    1: "Operational",
    2: "Performance Issues",
    3: "Partial Outage",
    4: "Major Outage",
}
STATUS_NAMES = until_23(_STATUS_NAMES, {k: v for k, v in _STATUS_NAMES.items() if k != 0})
"""The labels of component statuses (2.3 has none for 0)."""
# The model's attribute defaults, in the order a fresh Component holds them.
DEFAULTS: dict[str, Any] = {
    "order": 0,
    "group_id": 0,
    "description": "",
    "link": "",
    "enabled": True,
    "meta": None,
}
MODEL_RULES = until_23(
    {
        "name": "required|string",
        "status": "required|int",
        "order": "nullable|int",
        "group_id": "nullable|int",
        "link": "nullable|url",
        "enabled": "required|bool",
    },
    {"name": "required|string", "status": "required|int", "link": "url"},
)
CREATE_FIELDS = (
    Field("name", "required|string"),
    Field("description", "nullable|string"),
    Field("status", "required|int|min:0|max:4", cast=php.cast_int),
    Field("link", "nullable|url"),
    Field("order", "nullable|int"),
    Field("group_id", "nullable|int"),
    Field("enabled", "nullable|bool", cast=php.cast_bool, default=True),
    Field("meta", "nullable|array"),
    Field("tags", "nullable|string"),
)
_UPDATE_FIELDS_24 = (
    Field("name", "nullable|string"),
    Field("description", "nullable|string"),
    Field("status", "nullable|int|min:0|max:4"),
    Field("link", "nullable|url"),
    Field("order", "nullable|int"),
    Field("group_id", "nullable|int"),
    Field("enabled", "nullable|bool"),
    Field("meta", "nullable|array"),
    Field("tags"),
    Field("silent", "nullable|bool", cast=php.cast_bool, default=False),
)
# 2.3 casts status and enabled on update too, so omitting them writes 0 / true (Bug, 17.3);
# it has no command rules, no meta and no silent.
UPDATE_FIELDS = until_23(
    _UPDATE_FIELDS_24,
    (
        Field("name"),
        Field("description"),
        Field("status", cast=php.cast_int),
        Field("link"),
        Field("order"),
        Field("group_id"),
        Field("enabled", cast=php.cast_bool, default=True),
        Field("tags"),
    ),
)
HIDDEN = until_23((), ("meta",))
"""Columns 2.3 does not have."""
FILTERS_BY_TAG = until_23(True, False)
"""Whether `GET /components?tags=...` filters (2.3 ignores `tags`)."""
KEEPS_EMPTY_TAG_NAMES = until_23(False, True)
"""Whether `tags=a,,b` makes a tag of the empty name (2.3 does)."""
WRITABLE = ("name", "description", "status", "link", "order", "group_id", "enabled", "meta")


def status_name(call: ApiCall, status: int) -> str:
    """The label of a component status."""
    return call.pick(STATUS_NAMES).get(status, f"cachet.components.status.{status}")


def present(call: ApiCall, attributes: Row) -> dict[str, Any]:
    """A component as the API shows it (GET shape for a row, create shape for a fresh one)."""
    data = model_array(call, TABLE, attributes, hidden=call.pick(HIDDEN))
    data["status_name"] = status_name(call, php.cast_int(attributes.get("status")))
    data["tags"] = tags.tag_map(call.store, int(attributes["id"]))
    return data


def list_components(call: ApiCall) -> Reply:
    """GET /components: guests see enabled ones only; tag filter, search, sort, pages."""
    where = [] if call.authenticated else [("enabled", 1)]
    extra_sql, extra_parameters = "", list[str]()
    requested_tags = call.input.get("tags")
    if call.pick(FILTERS_BY_TAG) and php.cast_bool(requested_tags):
        slugs = requested_tags if isinstance(requested_tags, list) else [requested_tags]
        if isinstance(requested_tags, dict):
            slugs = list(requested_tags.values())
        extra_sql, extra_parameters = tags.components_with_any_tag([str(s) for s in slugs])
    where += search_conditions(call, TABLE, SEARCHABLE, call.pick(HIDDEN))
    query = Query(TABLE, where, sort_order(call, SORTABLE), extra_sql, extra_parameters)
    return paginate(call, query, lambda row: present(call, row))


def show_component(call: ApiCall) -> Reply:
    """GET /components/{component}: any component, enabled or not, to anyone."""
    return item(present(call, call.bound["component"]))


def create_component(call: ApiCall) -> Reply:
    """POST /components."""
    values = read_command(call, CREATE_FIELDS)
    attributes = {**DEFAULTS, **without_nulls(values, WRITABLE)}
    for name in call.pick(HIDDEN):
        del attributes[name]
    check_model(call, attributes, call.pick(MODEL_RULES))
    now = clock.stored_now()
    attributes.update(updated_at=now, created_at=now)
    attributes["id"] = call.store.insert(TABLE, attributes)
    _apply_tags(call, attributes["id"], values["tags"])
    return item(present(call, attributes))


def update_component(call: ApiCall) -> Reply:
    """PUT /components/{component}: partial; `tags` replaces the tags when non-empty."""
    component = call.bound["component"]
    values = read_command(call, call.pick(UPDATE_FIELDS))
    changes = without_nulls(values, [name for name in WRITABLE if name in values])
    write_changes(call, component, changes)
    _apply_tags(call, component["id"], values["tags"])
    return item(present(call, _fresh(call.store, component["id"])))


def write_changes(call: ApiCall, component: Row, changes: dict[str, Any]) -> None:
    """Save changed attributes of a component after its model rules (also used by incidents)."""
    save_changes(call, TABLE, component, changes, call.pick(MODEL_RULES))


def delete_component(call: ApiCall) -> Reply:
    """DELETE /components/{component}: soft delete, drop its subscriptions and tag links."""
    component_id = call.bound["component"]["id"]
    now = clock.stored_now()
    call.store.update(TABLE, component_id, {"deleted_at": now, "updated_at": now})
    call.store.delete("subscriptions", [("component_id", component_id)])
    tags.unlink_all(call.store, component_id)
    return no_content()


def _apply_tags(call: ApiCall, component_id: int, value: Any) -> None:
    if isinstance(value, list | dict):
        raise server_error()  # preg_split() on an array crashes in Cachet
    if not php.cast_bool(value):
        return
    names = tags.split_names(php.to_string(value), keep_empty=call.pick(KEEPS_EMPTY_TAG_NAMES))
    tags.replace_tags(call.store, component_id, names)


def _fresh(store: Store, component_id: int) -> Row:
    row = store.find(TABLE, component_id)
    assert row is not None
    return row
