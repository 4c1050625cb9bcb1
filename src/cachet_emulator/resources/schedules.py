"""Schedules (spec 13): not implemented yet; every route answers 500."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import server_error


def list_schedules(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def show_schedule(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def create_schedule(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def update_schedule(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def delete_schedule(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()
