"""Rendering an incident template into a new incident's message (spec 6.4).

Twig templates go through the emulator's Twig-like renderer; Blade templates (only with
the `blade_renderer` setting) get `{{ $name }}` and `{{ $incident['name'] }}` substitution,
the subset a status template needs.
"""

from __future__ import annotations

import re
from typing import Any

from cachet_emulator.resources import incident_templating
from cachet_emulator.v3.call import Call
from cachet_emulator.v3.schema import COMPONENTS, TEMPLATES

_BLADE_ECHO = re.compile(r"\{\{\s*\$(\w+)((?:\[\s*'[^']*'\s*\])*)\s*\}\}")


def render_for_incident(call: Call, values: dict[str, Any]) -> str:
    """The first template with the requested slug, rendered with `template_vars` + incident."""
    template = call.store.select(TEMPLATES, [("slug", call.input["template"])], limit=1)[0]
    component = None
    if call.given("component_id"):
        component = call.store.find(COMPONENTS, int(call.input["component_id"]))
    incident = {
        "name": values.get("name"),
        "status": values.get("status"),
        "message": call.input.get("message"),
        "visible": bool(values.get("visible")),
        "notify": bool(values.get("notifications")),
        "stickied": bool(values.get("stickied")),
        "occurred_at": values.get("occurred_at"),
        "component": component,
        "component_status": call.input.get("component_status"),
    }
    given = call.input.get("template_vars")
    variables = {**(given if isinstance(given, dict) else {}), "incident": incident}
    if template["engine"] == "blade":
        return _render_blade(str(template["template"]), variables)
    return incident_templating.render(template, variables)


def _render_blade(text: str, variables: dict[str, Any]) -> str:
    def echo(match: re.Match[str]) -> str:
        value: Any = variables.get(match.group(1))
        for key in re.findall(r"'([^']*)'", match.group(2)):
            value = value.get(key) if isinstance(value, dict) else None
        return "" if value is None else str(value)

    return _BLADE_ECHO.sub(echo, text)
