"""Subscriptions (spec 15): the only route deletes one subscription."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply, no_content


def delete_subscription(call: ApiCall) -> Reply:
    """DELETE /subscriptions/{subscription}: hard delete; the subscriber stays as it is."""
    call.store.delete("subscriptions", [("id", call.bound["subscription"]["id"])])
    return no_content()
