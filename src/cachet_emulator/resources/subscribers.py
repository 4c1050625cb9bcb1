"""Subscribers (spec 14): not implemented yet; every route answers 500."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import server_error


def list_subscribers(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def create_subscriber(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def delete_subscriber(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()
