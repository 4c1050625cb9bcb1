"""Incident templates (spec 6.6): readable by anyone; `include` is never checked.

Quirk 8: on update the slug is always recomputed from `name`, and becomes "" without one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.slugs import slug as slugify
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.documents import Kind, register
from cachet_emulator.v3.listing import Filter, Listing, paginate, parse
from cachet_emulator.v3.resources import common
from cachet_emulator.v3.schema import TEMPLATES


def attributes(call: Call, row: Row) -> dict[str, Any]:
    """The attributes of a template."""
    return {
        "id": row["id"],
        "name": row["name"],
        "slug": row["slug"],
        "template": row["template"],
        "engine": row["engine"],
        **common.timestamps(call, row),
    }


KIND = register(
    Kind(type="incidentTemplates", table=TEMPLATES, model="IncidentTemplate", attributes=attributes)
)
LISTING = Listing(filters=(Filter("name"), Filter("slug")), sorts=("name", "slug", "id"))


def index(call: Call) -> Answer:
    """GET /incident-templates."""
    # Any include is accepted here (allowedIncludes is never called): bypass the check.
    parsed = parse(_without_include(call), LISTING, TEMPLATES, None)
    return Answer(200, paginate(call, KIND, parsed))


def show(call: Call) -> Answer:
    """GET /incident-templates/{incident_template}."""
    return common.show(_without_include(call), KIND, LISTING, "incident_template")


def _without_include(call: Call) -> Call:
    query = {key: value for key, value in call.query.items() if key != "include"}
    return replace(call, query=query)


def rules(creating: bool, blade: bool = True) -> dict[str, tuple[str, ...]]:
    """The rules of a create or an update; `blade` when the Blade renderer is enabled."""
    required = ("required",) if creating else ()
    return {
        "name": (*required, "string", "max:255"),
        "slug": ("string",),
        "template": (*required, "string"),
        "engine": ("enum:twig,blade" if blade else "enum:twig",),
    }


def store(call: Call) -> Answer:
    """POST /incident-templates (duplicate slugs are allowed)."""
    call.validated(rules(True, call.settings.blade_renderer), "incident-templates.manage")
    name = call.input["name"]
    values = {
        "name": name,
        "slug": call.input["slug"] if call.given("slug") else slugify(name),
        "template": call.input["template"],
    }
    if call.given("engine"):
        values["engine"] = call.input["engine"]
    return common.created(call, KIND, common.insert(call, TEMPLATES, values))


def update(call: Call) -> Answer:
    """PUT/PATCH /incident-templates/{incident_template}."""
    call.validated(rules(False, call.settings.blade_renderer), "incident-templates.manage")
    template_id = common.bound_id(call, "incident_template")
    values: dict[str, Any] = {
        n: call.input[n] for n in ("name", "template", "engine") if call.given(n)
    }
    # Quirk 8: the slug given is ignored; it is Str::slug(name), "" when no name was sent.
    values["slug"] = slugify(call.input["name"]) if call.given("name") else ""
    return common.updated(call, KIND, template_id, values)


def destroy(call: Call) -> Answer:
    """DELETE /incident-templates/{incident_template}."""
    call.guard("incident-templates.delete")
    return common.destroyed(call, KIND, common.bound_id(call, "incident_template"))
