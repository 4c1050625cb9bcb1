"""Metrics (spec 11): not implemented yet; every route answers 500."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import server_error


def list_metrics(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def show_metric(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def create_metric(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def update_metric(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()


def delete_metric(call: ApiCall) -> Reply:
    """Not implemented yet."""
    raise server_error()
