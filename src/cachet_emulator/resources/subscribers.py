"""Subscribers (spec 14; 2.3 differences 17.7): list, create (with subscriptions), delete."""

from __future__ import annotations

import secrets
import string
from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall, Reply, item, no_content
from cachet_emulator.commands import Field, check_model, delete_with_dependents, read_command
from cachet_emulator.errors import server_error
from cachet_emulator.listing import Query, paginate
from cachet_emulator.presenting import model_array, utc_array
from cachet_emulator.schema import Row
from cachet_emulator.versions import until_23

TABLE = "subscribers"
VERIFY_CODE_LENGTH = 42
VERIFY_CODE_ALPHABET = string.ascii_letters + string.digits
MODEL_RULES = until_23({"email": "nullable|email"}, {"email": "required|email"})
CREATE_FIELDS = (Field("email", "required|email"), Field("verify"), Field("components"))
HIDDEN = until_23((), ("phone_number", "slack_webhook_url"))
"""Columns 2.3 does not have."""
HAS_VERIFICATION_SETTING = until_23(True, False)
"""2.4 takes the skip_subscriber_verification setting; 2.3 has no such setting."""


def present(call: ApiCall, attributes: Row) -> dict[str, Any]:
    """A subscriber: verified_at in the long format (now when unverified), subscriptions raw."""
    data = model_array(call, TABLE, attributes, hidden=call.pick(HIDDEN))
    verified_at = clock.present_long(attributes.get("verified_at"), call.zone_name)
    if "verified_at" in data:
        data["verified_at"] = verified_at
    rows = call.store.select("subscriptions", [("subscriber_id", attributes["id"])])
    data["subscriptions"] = [utc_array("subscriptions", row) for row in rows]
    if "verified_at" not in attributes:
        # A fresh unverified subscriber lacks the attribute; the presenter still shows now.
        data["verified_at"] = verified_at
    return data


def list_subscribers(call: ApiCall) -> Reply:
    """GET /subscribers (token required): every subscriber, id ascending, paged."""
    return paginate(call, Query(TABLE, [], []), lambda row: present(call, row))


def create_subscriber(call: ApiCall) -> Reply:
    """POST /subscribers: an existing e-mail is returned unchanged (quirk 23)."""
    values = read_command(call, CREATE_FIELDS)
    email = values["email"]
    if isinstance(email, str):
        existing = call.store.select(TABLE, [("email", email)], limit=1)
        if existing:
            return item(present(call, existing[0]))
    check_model(call, {"email": email}, call.pick(MODEL_RULES))
    component_ids = _subscribed_components(call, values["components"])
    now = clock.stored_now()
    code = "".join(secrets.choice(VERIFY_CODE_ALPHABET) for _ in range(VERIFY_CODE_LENGTH))
    # `global` is left to the column default (true), so the create shape lacks it.
    attributes: Row = {"email": email, "verify_code": code, "updated_at": now, "created_at": now}
    attributes["id"] = call.store.insert(TABLE, attributes)
    for component_id in component_ids:
        link = {"subscriber_id": attributes["id"], "component_id": component_id}
        call.store.insert("subscriptions", {**link, "created_at": now, "updated_at": now})
    verify = values["verify"] if "verify" in call.input else _verify_default(call)
    if php.cast_bool(verify):
        attributes["verified_at"] = now
        call.store.update(TABLE, attributes["id"], {"verified_at": now})
    return item(present(call, attributes))


def delete_subscriber(call: ApiCall) -> Reply:
    """DELETE /subscribers/{subscriber}: its subscriptions first (2.4 only), then itself."""
    subscriber_id = call.bound["subscriber"]["id"]
    delete_with_dependents(call, TABLE, subscriber_id, "subscriptions", "subscriber_id")
    return no_content()


def _verify_default(call: ApiCall) -> bool:
    """Whether a subscriber is verified when the request does not say."""
    return call.pick(HAS_VERIFICATION_SETTING) and call.settings.skip_subscriber_verification


def _subscribed_components(call: ApiCall, requested: Any) -> list[int]:
    """The ids to subscribe to: the existing requested ones, else every component."""
    if php.cast_bool(requested) and not isinstance(requested, list | dict):
        raise server_error()  # Cachet iterates over what must be an array
    everything = call.store.select("components")
    if not php.cast_bool(requested):
        return [int(row["id"]) for row in everything]
    wanted = requested.values() if isinstance(requested, dict) else requested
    numbers = {php.mysql_number(value) for value in wanted if not isinstance(value, list | dict)}
    return [int(row["id"]) for row in everything if row["id"] in numbers]
