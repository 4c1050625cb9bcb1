"""General endpoints (spec 5): ping, version, status."""

from __future__ import annotations

from cachet_emulator.api_call import ApiCall, Reply, item
from cachet_emulator.errors import server_error


def ping(call: ApiCall) -> Reply:
    """GET /ping."""
    return item("Pong!")


def version(call: ApiCall) -> Reply:
    """GET /version (filled in with the settings)."""
    raise server_error()


def status(call: ApiCall) -> Reply:
    """GET /status (filled in later)."""
    raise server_error()
