"""Metric points (spec 12): not implemented yet; every route answers 500."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import server_error


def list_points(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def create_point(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def update_point(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def delete_point(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()
