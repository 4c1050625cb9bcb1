"""Every default of the library in one place: timeouts, timezone, page size, retries.

The `Client()` factories, both transports, `RetryPolicy` and the managers read them here. A
module of its own, importing only the version, so that `import cachetclient` does not load the
transports to learn them. The `cachet` command has two of its own, named for what they
are: `cli.app.COMMAND_TIMEOUT_SECONDS` and `cli.resources.ROWS_PER_PAGE`.
"""

from __future__ import annotations

from cachetclient.__version__ import __version__

DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 30.0)
"""Seconds to wait for the connection and then for each read of the answer."""

DEFAULT_TIMEZONE: str | None = None
"""No `Time-Zone` header: Cachet's own zone, naive datetimes, as every release did."""

DEFAULT_USER_AGENT = f"cachet-client/{__version__}"
"""The `User-Agent` header."""

Timeout = float | tuple[float, float]
"""A timeout: seconds, or a (connect, read) pair of seconds."""

DEFAULT_PER_PAGE = 500
"""Items per request when the caller does not say; Cachet has no maximum.

Measured with `python -m bench --only page-size`: 500 needs a fifth of the requests of 100
and is within about 15% of the fastest walk, while the first item still arrives within a few
milliseconds and a page stays well under a megabyte in memory."""

DEFAULT_MAX_RETRIES = 2
"""Retries after a failed first try (see `retry` for which failures count)."""

DEFAULT_BACKOFF_BASE = 0.5
"""Seconds before the first retry, doubled for each further one (with jitter)."""

DEFAULT_BACKOFF_CAP = 8.0
"""The longest backoff between two tries, in seconds."""

DEFAULT_RETRY_AFTER_CAP = 30.0
"""The longest wait a server's `Retry-After` can impose, in seconds."""

DEFAULT_V3_PER_PAGE = 100
"""Items per request of a Cachet 3 list: its maximum (it clamps `per_page` to 1..100)."""

DEFAULT_V3_TIMEZONE = "UTC"
"""The zone Cachet 3 writes its offset-less times in unless told: Laravel's default app zone."""
