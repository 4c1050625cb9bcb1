"""Defaults shared by the `Client()` factories and both transports.

A module of its own, importing nothing, so that `import cachetclient` does not load the
transports to learn them.
"""

from __future__ import annotations

DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 30.0)
"""Seconds to wait for the connection and then for each read of the answer."""

DEFAULT_TIMEZONE: str | None = None
"""No `Time-Zone` header: Cachet's own zone, naive datetimes, as every release did."""

Timeout = float | tuple[float, float]
"""A timeout: seconds, or a (connect, read) pair of seconds."""
