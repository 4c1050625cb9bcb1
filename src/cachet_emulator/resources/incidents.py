"""Incidents (spec 8; 2.3's create and update in `incidents_23`, shapes in
`incident_presenter`): the handlers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall, Reply, item, no_content
from cachet_emulator.commands import Field, check_model, read_command, save_changes
from cachet_emulator.errors import server_error
from cachet_emulator.listing import Query, paginate, search_conditions, sort_order
from cachet_emulator.resources import components, incident_templating
from cachet_emulator.resources import incident_presenter as presenter
from cachet_emulator.schema import Row
from cachet_emulator.versions import until_23

TABLE = presenter.TABLE
META_TABLE = presenter.META_TABLE
SEARCHABLE = until_23(
    ("id", "user_id", "component_id", "name", "status", "visible", "stickied"),
    ("id", "component_id", "name", "status", "visible"),
)
SORTABLE = until_23(
    ("id", "user_id", "name", "status", "visible", "stickied", "message", "occurred_at"),
    ("id", "name", "status", "visible", "message"),
)
# The model's attribute defaults, in the order a fresh Incident holds them.
DEFAULTS: dict[str, Any] = {"stickied": False, "notifications": False}
MODEL_RULES = {
    "user_id": "nullable|int",
    "component_id": "nullable|int",
    "name": "required|string",
    "status": "required|int",
    "visible": "required|bool",
    "stickied": "required|bool",
    "notifications": "nullable|bool",
    "message": "required|string",
}
CREATE_FIELDS = (
    Field("name", "required|string"),
    Field("status", "required|int|min:0|max:4"),
    Field("message", "nullable|string", clean=False),
    Field("visible", "nullable|bool", cast=php.cast_bool, default=True),
    Field("component_id", "nullable|required_with:component_status|int"),
    Field("component_status", "nullable|required_with:component_id|int|min:0|max:4"),
    Field("notify", "nullable|bool", cast=php.cast_bool, default=True),
    Field("stickied", "required|bool", cast=php.cast_bool, default=False),
    Field("occurred_at", "nullable|string"),
    Field("template", "nullable|string"),
    Field("vars", default=[]),
    Field("meta", "nullable|array", default=[]),
)
UPDATE_FIELDS = (
    Field("name", "nullable|string"),
    Field("status", "nullable|int|min:0|max:4"),
    Field("message", "nullable|string"),
    Field("visible", "nullable|bool", cast=php.cast_bool, default=True),
    Field("component_id", "nullable|int"),
    Field("component_status", "nullable|int|min:0|max:4|required_with:component_id"),
    Field("notify", "nullable|bool", cast=php.cast_bool, default=True),
    Field("stickied", "nullable|bool", cast=php.cast_bool, default=False),
    Field("occurred_at", "nullable|string"),
    Field("template", "nullable|string"),
    Field("vars", default=[]),
)
# What PUT writes when not null: visible and stickied are never null (Bug, quirk 6).
UPDATE_WRITES = ("name", "status", "message", "visible", "stickied", "component_id")
# The variables a template sees as `incident.*` besides `component`.
TEMPLATE_INCIDENT_KEYS = ("name", "status", "message", "visible", "notify", "stickied")


def list_incidents(call: ApiCall) -> Reply:
    """GET /incidents: guests see visible incidents only; search, sort, pages."""
    where = [] if call.authenticated else [("visible", 1)]
    hidden = call.pick(presenter.HIDDEN)
    where += search_conditions(call, TABLE, call.pick(SEARCHABLE), hidden)
    query = Query(TABLE, where, sort_order(call, call.pick(SORTABLE)))
    return paginate(call, query, lambda row: presenter.present(call, row))


def show_incident(call: ApiCall) -> Reply:
    """GET /incidents/{incident}: hidden incidents too, to anyone (quirk 17)."""
    return item(presenter.present(call, call.bound["incident"]))


def require_array(call: ApiCall, name: str) -> None:
    """PHP's `array` parameter type of a command: null or a scalar is a 500 (quirk 24)."""
    if name in call.input and not isinstance(call.input[name], list | dict):
        raise server_error()


def create_incident(call: ApiCall) -> Reply:
    """POST /incidents: template, meta, the component side effect and the `component` key."""
    require_array(call, "vars")
    require_array(call, "meta")
    values = read_command(call, CREATE_FIELDS)
    component = _existing_component(call, values["component_id"])
    attributes: dict[str, Any] = {**DEFAULTS, "user_id": call.user_id}
    attributes.update({key: values[key] for key in ("name", "status", "visible", "stickied")})
    attributes["message"] = _message(call, values, component)
    if php.cast_bool(values["component_id"]):
        attributes["component_id"] = values["component_id"]
    attributes["occurred_at"] = clock.stored(_occurred_at(call, values) or clock.now())
    check_model(call, attributes, MODEL_RULES)
    now = clock.stored_now()
    attributes.update(updated_at=now, created_at=now)
    attributes["id"] = call.store.insert(TABLE, attributes)
    _store_meta(call, attributes["id"], values["meta"])
    component = _set_component_status(call, component, values["component_status"])
    notified = values["notify"] and values["visible"] and notifications_allowed(call)
    return item(presenter.present_created(call, attributes, notified, component))


def update_incident(call: ApiCall) -> Reply:
    """PUT /incidents/{incident}: visible/stickied reset when omitted (quirk 6); no meta."""
    incident = call.bound["incident"]
    require_array(call, "vars")
    values = read_command(call, UPDATE_FIELDS)
    component = _existing_component(call, values["component_id"])
    template = incident_templating.find_template(call.store, values["template"])
    if template is not None:
        values["message"] = render_template(call, template, values, component)
    changes = {key: values[key] for key in UPDATE_WRITES if values[key] is not None}
    occurred_at = _occurred_at(call, values)
    if occurred_at is not None:
        changes["occurred_at"] = clock.stored(occurred_at)
    save_changes(call, TABLE, incident, changes, MODEL_RULES)
    _set_component_status(call, component, values["component_status"])
    return item(presenter.present(call, presenter.fresh(call, incident["id"])))


def delete_incident(call: ApiCall) -> Reply:
    """DELETE /incidents/{incident}: soft delete; updates and meta stay, unreachable."""
    now = clock.stored_now()
    call.store.update(TABLE, call.bound["incident"]["id"], {"deleted_at": now, "updated_at": now})
    return no_content()


def notifications_allowed(call: ApiCall) -> bool:
    """False while a maintenance window runs and the settings suppress notifications."""
    if not call.settings.suppress_notifications_in_maintenance:
        return True
    now = clock.stored_now()
    running = call.store.execute(
        'SELECT 1 FROM schedules WHERE "deleted_at" IS NULL AND "status" != 2'
        ' AND "scheduled_at" <= ? AND ("completed_at" IS NULL OR "completed_at" > ?) LIMIT 1',
        [now, now],
    )
    return not running


def _message(call: ApiCall, values: dict[str, Any], component: Row | None) -> Any:
    template = incident_templating.find_template(call.store, values["template"])
    if template is None:
        return values["message"]
    return render_template(call, template, values, component)


def render_template(
    call: ApiCall, template: Row, values: dict[str, Any], component: Row | None
) -> str:
    """The template rendered with `vars` plus `incident` (the request's values)."""
    incident = {key: values[key] for key in TEMPLATE_INCIDENT_KEYS}
    incident.update(
        occurred_at=values["occurred_at"],
        component=component,
        component_status=values["component_status"],
    )
    variables = incident_templating.as_twig_array(values["vars"])
    return incident_templating.render(template, {**variables, "incident": incident})


def _existing_component(call: ApiCall, component_id: Any) -> Row | None:
    if not php.cast_bool(component_id) or isinstance(component_id, list | dict):
        return None
    return call.store.find(components.TABLE, php.mysql_number(component_id))


def _set_component_status(call: ApiCall, component: Row | None, status: Any) -> Row | None:
    """Update the linked component like PUT /components does; returns its new row."""
    if component is None:
        return None
    components.write_changes(call, component, {"status": status})
    return call.store.find(components.TABLE, component["id"])


def _occurred_at(call: ApiCall, values: dict[str, Any]) -> datetime | None:
    """`occurred_at` parsed as `Y-m-d H:i`; any other format is a 500 (quirk 10)."""
    text = values["occurred_at"]
    if not php.cast_bool(text):
        return None
    try:
        return clock.parse_minute(php.to_string(text), call.zone_name)
    except clock.DateFormatError:
        raise server_error() from None


def _store_meta(call: ApiCall, incident_id: int, meta: dict[str, Any] | list[Any]) -> None:
    """Store each non-empty meta value (empty elements of array values dropped)."""
    pairs = meta.items() if isinstance(meta, dict) else enumerate(meta)
    now = clock.stored_now()
    for key, value in pairs:
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if php.cast_bool(v)}
        elif isinstance(value, list):
            value = _php_array({i: v for i, v in enumerate(value) if php.cast_bool(v)})
        if not php.cast_bool(value):
            continue
        row = {"key": str(key), "value": value, "incident_id": incident_id}
        call.store.insert(META_TABLE, {**row, "created_at": now, "updated_at": now})


def _php_array(elements: dict[int, Any]) -> list[Any] | dict[str, Any]:
    """A PHP array after array_filter(): a list only while its keys are still 0..n-1."""
    if list(elements) == list(range(len(elements))):
        return list(elements.values())
    return {str(key): value for key, value in elements.items()}
