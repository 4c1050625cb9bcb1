"""Incidents as Cachet 2.3 serves them (spec 17.5): fewer fields, `created_at` in `d/m/Y H:i`.

2.3 has no command validation (only the model rules, with 2.3's shifted messages), no meta,
no updates, and shows `scheduled_at` as the current time for every incident (Bug).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall, Reply, item
from cachet_emulator.commands import Field, check_model, read_command, save_changes
from cachet_emulator.errors import server_error
from cachet_emulator.presenting import model_array
from cachet_emulator.resources import components, incident_templating
from cachet_emulator.resources import incident_presenter as presenter

MODEL_RULES = {
    "component_id": "int",
    "name": "required",
    "status": "required|int",
    "visible": "required|bool",
    "message": "required",
}
CREATE_FIELDS = (
    Field("name"),
    Field("status"),
    Field("message", clean=False),
    Field("visible", default=True),
    Field("component_id"),
    Field("component_status"),
    Field("notify", default=True),
    Field("created_at"),
    Field("template"),
    Field("vars", default=[]),
)
UPDATE_FIELDS = (
    Field("name"),
    Field("status"),
    Field("message"),
    Field("visible", default=True),  # always written: a hidden incident becomes public
    Field("component_id"),
    Field("component_status"),
    Field("created_at"),
    Field("template"),
    Field("vars"),
)
WRITES = ("name", "status", "message", "visible", "component_id")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})\Z")


def create_incident(call: ApiCall) -> Reply:
    """POST /incidents in 2.3: the create shape ends with `notify` and `scheduled_at`."""
    values = read_command(call, CREATE_FIELDS)
    attributes = {key: values[key] for key in ("name", "status", "visible")}
    attributes["message"] = _message(call, values, values["vars"])
    if php.cast_bool(values["component_id"]):
        attributes["component_id"] = values["component_id"]
    created_at = _created_at(call, values["created_at"])
    if created_at is not None:
        attributes["created_at"] = attributes["updated_at"] = clock.stored(created_at)
    check_model(call, attributes, MODEL_RULES)
    if created_at is None:
        now = clock.stored_now()
        attributes.update(updated_at=now, created_at=now)
    attributes["id"] = call.store.insert(presenter.TABLE, attributes)
    _set_component_status(call, values)
    data = model_array(call, presenter.TABLE, attributes)
    data["notify"] = php.cast_bool(values["notify"])
    data["human_status"] = presenter.human_status(call, php.cast_int(values["status"]))
    data["scheduled_at"] = call.present_time(None)
    return item(data)


def update_incident(call: ApiCall) -> Reply:
    """PUT /incidents/{incident} in 2.3: partial except `visible`; a template needs `vars`."""
    incident = call.bound["incident"]
    values = read_command(call, UPDATE_FIELDS)
    if php.cast_bool(values["template"]):
        if incident_templating.find_template(call.store, values["template"]) is None:
            raise server_error()
        values["message"] = _message(call, values, values["vars"])
    changes = {key: values[key] for key in WRITES if values[key] is not None}
    created_at = _created_at(call, values["created_at"])
    if created_at is not None:
        changes["created_at"] = clock.stored(created_at)
    save_changes(call, presenter.TABLE, incident, changes, MODEL_RULES)
    _set_component_status(call, values)
    return item(presenter.present(call, presenter.fresh(call, incident["id"])))


def _message(call: ApiCall, values: dict[str, Any], variables: Any) -> Any:
    """The rendered template (with `vars` only) when one matches, else the message."""
    template = incident_templating.find_template(call.store, values["template"])
    if template is None:
        return values["message"]
    if not isinstance(variables, list | dict):
        raise server_error()  # Twig cannot render with a non-array context
    return incident_templating.render(template, incident_templating.as_twig_array(variables))


def _set_component_status(call: ApiCall, values: dict[str, Any]) -> None:
    """A truthy `component_id` sets that component's status; an unknown one is a 500."""
    component_id = values["component_id"]
    if not php.cast_bool(component_id) or isinstance(component_id, list | dict):
        return
    component = call.store.find(components.TABLE, php.mysql_number(component_id))
    if component is None:
        raise server_error()
    components.write_changes(call, component, {"status": values["component_status"]})


def _created_at(call: ApiCall, value: Any) -> datetime | None:
    """`created_at` as `d/m/Y H:i` (Cachet timezone); any other format is a 500."""
    if not php.cast_bool(value):
        return None
    match = _DAY_MONTH_YEAR.match(php.to_string(value))
    if match is None:
        raise server_error()
    day, month, year, hour, minute = match.groups()
    return clock.parse_minute(f"{year}-{month}-{day} {hour}:{minute}", call.zone_name)
