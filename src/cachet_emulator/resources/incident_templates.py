"""Incident templates (spec 9): read-only through the API, raw model with UTC timestamps."""

from __future__ import annotations

from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall, Reply, item
from cachet_emulator.errors import server_error
from cachet_emulator.listing import Query, paginate
from cachet_emulator.presenting import utc_array
from cachet_emulator.schema import Row
from cachet_emulator.slugs import slug
from cachet_emulator.store import Store

TABLE = "incident_templates"


def create_template(store: Store, name: str, template: str) -> Row:
    """Store a template as Cachet's dashboard would (slug from the name); returns the row."""
    now = clock.stored_now()
    values = {"name": name, "slug": slug(name), "template": template}
    template_id = store.insert(TABLE, {**values, "created_at": now, "updated_at": now})
    row = store.find(TABLE, template_id)
    assert row is not None
    return row


def present(row: Row) -> dict[str, Any]:
    """A template: no presenter, so timestamps stay in UTC."""
    return utc_array(TABLE, row)


def list_templates(call: ApiCall) -> Reply:
    """GET /incidents/templates; any `sort` is a 500 (the model cannot sort, Bug)."""
    if php.cast_bool(call.input.get("sort")):
        raise server_error()
    return paginate(call, Query(TABLE, [], []), present)


def show_template(call: ApiCall) -> Reply:
    """GET /incidents/templates/{incident_template}."""
    return item(present(call.bound["incident_template"]))
