"""Subscribers (spec 6.11): every route needs a token with subscribers.manage.

Quirk 21: POST with a known email answers 200 with that subscriber and attaches the
components again. PUT `components` replaces the set, and `[]` clears it.
"""

from __future__ import annotations

import secrets
from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.store import quote
from cachet_emulator.v3 import times
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.documents import Kind, Relation, meta_member, register, time_object
from cachet_emulator.v3.listing import Filter, Listing, meta_filter, relationships
from cachet_emulator.v3.resources import common
from cachet_emulator.v3.schema import COMPONENTS, SUBSCRIBERS, SUBSCRIPTIONS
from cachet_emulator.v3.validation import as_boolean

METABLE = "subscriber"


def attributes(call: Call, row: Row) -> dict[str, Any]:
    """The attributes of a subscriber."""
    return {
        "id": row["id"],
        "email": row["email"],
        "global": bool(row["global"]) if row["global"] is not None else True,
        "verified": row["email_verified_at"] is not None,
        "verified_at": time_object(call, row["email_verified_at"]),
        **meta_member(row),
        **common.timestamps(call, row),
    }


def _components(call: Call, row: Row) -> list[Row]:
    return call.store.execute(
        f"SELECT c.* FROM {quote(COMPONENTS)} c JOIN {quote(SUBSCRIPTIONS)} s"
        " ON s.component_id = c.id WHERE s.subscriber_id = ? AND c.deleted_at IS NULL"
        " ORDER BY s.id",
        (row["id"],),
    )


KIND = register(
    Kind(
        type="subscribers",
        table=SUBSCRIBERS,
        model="Subscriber",
        attributes=attributes,
        relations={"components": Relation("components", True, _components)},
        metable=METABLE,
    )
)
LISTING = Listing(
    filters=(
        Filter("email"),
        Filter("global", "exact"),
        Filter("meta", "custom", meta_filter(METABLE)),
    ),
    sorts=("email", "id"),
    includes=relationships("components", "meta"),
    field_keys={"components": "components", "meta": "metas"},
)


def index(call: Call) -> Answer:
    """GET /subscribers."""
    call.guard("subscribers.manage")
    return common.index(call, KIND, LISTING)


def show(call: Call) -> Answer:
    """GET /subscribers/{subscriber}."""
    call.guard("subscribers.manage")
    return common.show(call, KIND, LISTING, "subscriber")


_COMPONENTS_RULES = {
    "components": ("array",),
    "components.*": ("integer", "min:0", f"exists:{COMPONENTS},id"),
}
CREATE_RULES = {
    "email": ("required", "email", "max:255"),
    "global": ("boolean",),
    **_COMPONENTS_RULES,
    "verified": ("boolean",),
    "meta": ("nullable", "array"),
}
UPDATE_RULES = {
    "email": ("email", "max:255"),
    "global": ("boolean",),
    **_COMPONENTS_RULES,
    "meta": ("nullable", "array"),
}


def _attach(call: Call, subscriber_id: int, component_ids: list[Any]) -> None:
    for component_id in component_ids:
        link = {"subscriber_id": subscriber_id, "component_id": int(component_id)}
        call.store.insert(SUBSCRIPTIONS, link)


def store(call: Call) -> Answer:
    """POST /subscribers: firstOrCreate by email."""
    call.validated(CREATE_RULES, "subscribers.manage")
    existing = call.store.select(SUBSCRIBERS, [("email", call.input["email"])], limit=1)
    if existing:
        row, status = existing[0], 200
    else:
        values: dict[str, Any] = {
            "email": call.input["email"],
            "verify_code": secrets.token_hex(16),
        }
        values["global"] = as_boolean(call.input["global"]) if call.given("global") else True
        if call.given("verified") and as_boolean(call.input["verified"]):
            values["email_verified_at"] = times.now_stored()
        row, status = common.insert(call, SUBSCRIBERS, values), 201
    _attach(call, row["id"], call.input.get("components") or [])
    return common.stored(call, KIND, row, status)


def update(call: Call) -> Answer:
    """PUT/PATCH /subscribers/{subscriber}; a new email is no longer verified."""
    call.validated(UPDATE_RULES, "subscribers.manage")
    row = call.bound["subscriber"]
    values: dict[str, Any] = {}
    if call.given("email") and call.input["email"] != row["email"]:
        values.update(email=call.input["email"], email_verified_at=None)
    if call.given("global"):
        values["global"] = as_boolean(call.input["global"])
    if isinstance(call.input.get("components"), list | dict):
        call.store.delete(SUBSCRIPTIONS, [("subscriber_id", row["id"])])
        components = call.input["components"]
        _attach(
            call,
            row["id"],
            list(components.values() if isinstance(components, dict) else components),
        )
    return common.updated(call, KIND, row["id"], values)


def destroy(call: Call) -> Answer:
    """DELETE /subscribers/{subscriber}: subscriptions first, then a hard delete."""
    call.guard("subscribers.delete")
    subscriber_id = common.bound_id(call, "subscriber")
    subscriptions = [("subscriber_id", subscriber_id)]
    return common.destroyed(call, KIND, subscriber_id, [(SUBSCRIPTIONS, subscriptions)])
