"""Component groups (spec 7): not implemented yet; every route answers 500."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import server_error


def list_groups(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def show_group(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def create_group(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def update_group(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def delete_group(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()
