"""Subscriptions (spec 15): not implemented yet; every route answers 500."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import server_error


def delete_subscription(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()
