"""Incidents (spec 8): not implemented yet; every route answers 500."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import server_error


def list_incidents(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def show_incident(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def create_incident(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def update_incident(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def delete_incident(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()
