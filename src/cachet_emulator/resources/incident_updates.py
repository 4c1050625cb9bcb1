"""Incident updates (spec 10; absent in 2.3): list, show, create, update, delete.

The `{update}` of a path is found by id alone, whatever `{incident}` says (quirk 16).
"""

from __future__ import annotations

from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall, Reply, item, no_content
from cachet_emulator.commands import Field, check_model, read_command, save_changes
from cachet_emulator.listing import Query, paginate, sort_order
from cachet_emulator.resources import incident_presenter as presenter
from cachet_emulator.resources import incidents

TABLE = presenter.UPDATES_TABLE
SORTABLE = ("id", "status", "user_id")
MODEL_RULES = {
    "incident_id": "required|int",
    "status": "required|int",
    "user_id": "required|int",
    "message": "required|string",
}
CREATE_FIELDS = (
    Field("status", "required|int|min:1|max:4"),
    Field("message", "required|string"),
    # Validated, then dropped: an update never changes a component (quirk 15).
    Field("component_id", "nullable|required_with:component_status|int"),
    Field("component_status", "nullable|required_with:component_id|int|min:0|max:4"),
)
UPDATE_FIELDS = (
    Field("status", "nullable|int|min:1|max:4"),
    Field("message", "nullable|string"),
)


def list_updates(call: ApiCall) -> Reply:
    """GET /incidents/{incident}/updates: newest first; `sort` only breaks ties."""
    incident_id = call.bound["incident"]["id"]
    order_by = [("created_at", True), *sort_order(call, SORTABLE), ("id", True)]
    query = Query(TABLE, [("incident_id", incident_id)], order_by)
    return paginate(call, query, lambda row: presenter.present_update(call, row))


def show_update(call: ApiCall) -> Reply:
    """GET /incidents/{incident}/updates/{update}."""
    return item(presenter.present_update(call, call.bound["update"]))


def create_update(call: ApiCall) -> Reply:
    """POST /incidents/{incident}/updates: also sets the incident's status (quirk 15).

    The answer embeds the incident under `incident` (quirk 28), with a `component` key
    when notifications went out for a visible incident.
    """
    incident = call.bound["incident"]
    values = read_command(call, CREATE_FIELDS)
    attributes: dict[str, Any] = {
        "incident_id": incident["id"],
        "status": values["status"],
        "message": values["message"],
        "user_id": call.user_id,
    }
    check_model(call, attributes, MODEL_RULES)
    now = clock.stored_now()
    attributes.update(updated_at=now, created_at=now)
    attributes["id"] = call.store.insert(TABLE, attributes)
    changes = {"status": values["status"]}
    save_changes(call, incidents.TABLE, incident, changes, incidents.MODEL_RULES)
    parent = presenter.fresh(call, incident["id"])
    notified = php.cast_bool(parent["visible"]) and incidents.notifications_allowed(call)
    component = call.store.find("components", parent["component_id"] or 0)
    data = presenter.present_update(call, attributes)
    embedded = presenter.present(call, parent, notified, component)
    return item(_put_before(data, "human_status", "incident", embedded))


def update_update(call: ApiCall) -> Reply:
    """PUT /incidents/{incident}/updates/{update}: partial; the editor becomes its user."""
    update = call.bound["update"]
    values = read_command(call, UPDATE_FIELDS)
    changes = {key: value for key, value in values.items() if value is not None}
    changes["user_id"] = call.user_id
    save_changes(call, TABLE, update, changes, MODEL_RULES)
    fresh = call.store.find(TABLE, update["id"])
    assert fresh is not None
    return item(presenter.present_update(call, fresh))


def delete_update(call: ApiCall) -> Reply:
    """DELETE /incidents/{incident}/updates/{update}: the incident's status stays."""
    call.store.delete(TABLE, [("id", call.bound["update"]["id"])])
    return no_content()


def _put_before(data: dict[str, Any], before: str, key: str, value: Any) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, item_value in data.items():
        if name == before:
            result[key] = value
        result[name] = item_value
    return result
