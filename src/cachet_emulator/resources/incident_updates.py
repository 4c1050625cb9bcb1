"""Incident updates (spec 10): not implemented yet; every route answers 500."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import server_error


def list_updates(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def show_update(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def create_update(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def update_update(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def delete_update(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()
