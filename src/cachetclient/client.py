"""The `Client()` factory: finds the endpoint, token and API version, builds the client."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from cachetclient.defaults import DEFAULT_TIMEOUT, DEFAULT_TIMEZONE, Timeout
from cachetclient.errors import ConfigurationError

if TYPE_CHECKING:
    from cachetclient.retry import RetryPolicy
    from cachetclient.v1.async_client import AsyncClient as AsyncClientV1
    from cachetclient.v1.client import Client as ClientV1

SUPPORTED_VERSIONS = ("1",)
_API_SUFFIX = re.compile(r"/api(?:/v(?P<version>[^/]*))?$")


def Client(
    endpoint: str | None = None,
    api_token: str | None = None,
    version: str | int | None = None,
    verify_tls: bool = True,
    *,
    timeout: Timeout = DEFAULT_TIMEOUT,
    timezone: str | None = DEFAULT_TIMEZONE,
    user_agent: str | None = None,
    max_retries: int = 2,
    backoff_base: float = 0.5,
    backoff_cap: float = 8.0,
    retry_policy: RetryPolicy | None = None,
) -> ClientV1:
    """Create a Cachet client.

    Args:
        endpoint: The API endpoint, e.g. `https://status.example.test/api/v1`; the site root
            or a trailing slash work too. Default: the `CACHET_ENDPOINT` environment variable.
        api_token: The API token. Default: `CACHET_API_TOKEN`. Without one, reads work as a
            guest and writes fail with AuthenticationError.
        version: The API version; `"1"` (or 1). Default: taken from the endpoint, else 1.
        verify_tls: Verify TLS certificates (turn off only for self-signed certificates;
            `False` warns once with `InsecureTLSWarning`).
        timeout: Seconds, or a (connect, read) pair, before a request gives up.
        timezone: An IANA zone such as `"UTC"` (recommended for new code): sent as
            `Time-Zone`, so dates are read and returned aware in that zone, and aware
            datetimes you pass are converted to it. Default `None`, as every release: no
            header, Cachet's own zone, naive datetimes that round-trip what you sent; an
            aware datetime passed then is sent as the wall-clock time it shows (its zone
            is dropped, not converted).
        user_agent: The `User-Agent` header.
        max_retries: Retries after a failed first try (0: none). GET, PUT and DELETE are
            retried on connection errors, timeouts, 429, 502, 503 and 504; POST only when
            the connection failed before the request could be sent, so nothing is created
            twice. `Retry-After` is honoured (at most 30 s). Each retry is logged at INFO.
        backoff_base: Seconds before the first retry, doubled for each further one (with
            jitter).
        backoff_cap: The longest backoff between two tries, in seconds.
        retry_policy: A `cachetclient.retry.RetryPolicy` (or subclass) used instead of the
            three settings above.

    Raises:
        ConfigurationError: no endpoint, an endpoint that is not http(s), or an unsupported
            version.
    """
    base_url, api_token = _resolved_endpoint(endpoint, api_token, version)
    from cachetclient.httpclient import HttpClient
    from cachetclient.retry import RetryPolicy
    from cachetclient.v1.client import Client as ClientV1

    http_client = HttpClient(
        base_url,
        api_token,
        verify_tls=verify_tls,
        timeout=timeout,
        timezone=timezone,
        user_agent=user_agent,
        retry_policy=retry_policy or RetryPolicy(max_retries, backoff_base, backoff_cap),
    )
    return ClientV1(http_client)


def AsyncClient(
    endpoint: str | None = None,
    api_token: str | None = None,
    version: str | int | None = None,
    verify_tls: bool = True,
    *,
    timeout: Timeout = DEFAULT_TIMEOUT,
    timezone: str | None = DEFAULT_TIMEZONE,
    user_agent: str | None = None,
    max_retries: int = 2,
    backoff_base: float = 0.5,
    backoff_cap: float = 8.0,
    retry_policy: RetryPolicy | None = None,
) -> AsyncClientV1:
    """Create a Cachet client for asyncio (needs the `async` extra: httpx).

    Takes the arguments of `Client()`. Use it as `async with AsyncClient(...) as client:`;
    every method that talks to Cachet is awaited (`await client.components.get(1)`) and lists
    are async iterators (`async for c in client.components.list()`).

    Raises:
        ConfigurationError: as `Client()`.
    """
    base_url, api_token = _resolved_endpoint(endpoint, api_token, version)
    from cachetclient.async_httpclient import AsyncHttpClient
    from cachetclient.retry import RetryPolicy
    from cachetclient.v1.async_client import AsyncClient as AsyncClientV1

    http_client = AsyncHttpClient(
        base_url,
        api_token,
        verify_tls=verify_tls,
        timeout=timeout,
        timezone=timezone,
        user_agent=user_agent,
        retry_policy=retry_policy or RetryPolicy(max_retries, backoff_base, backoff_cap),
    )
    return AsyncClientV1(http_client)


def _resolved_endpoint(
    endpoint: str | None, api_token: str | None, version: str | int | None
) -> tuple[str, str | None]:
    """The API base URL and token, from the arguments or the environment."""
    endpoint = endpoint or os.environ.get("CACHET_ENDPOINT")
    if not endpoint:
        raise ConfigurationError(
            "No Cachet endpoint: pass endpoint='https://status.example.com/api/v1' "
            "or set CACHET_ENDPOINT"
        )
    api_token = api_token if api_token is not None else os.environ.get("CACHET_API_TOKEN")
    base_url, endpoint_version = normalise_endpoint(endpoint)
    chosen = _chosen_version(version, endpoint_version)
    if chosen != "1":  # pragma: no cover
        raise ConfigurationError(f"unsupported API version {chosen!r}")
    return base_url, api_token or None


def normalise_endpoint(endpoint: str) -> tuple[str, str | None]:
    """The API base URL (`…/api/v1`) for an endpoint or site root, and the version it names."""
    parts = urlsplit(endpoint.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(
            f"The Cachet endpoint must be an http(s) URL such as "
            f"'https://status.example.com/api/v1', not {endpoint!r}"
        )
    path = parts.path.rstrip("/")
    match = _API_SUFFIX.search(path)
    version = match["version"] if match else None
    if match:
        path = path[: match.start()]
    base = urlunsplit((parts.scheme, parts.netloc, f"{path}/api/v{version or '1'}", "", ""))
    return base, version


def _chosen_version(version: str | int | None, endpoint_version: str | None) -> str:
    wanted = None if version is None else str(version).strip().lstrip("vV")
    if wanted is not None and wanted not in SUPPORTED_VERSIONS:
        raise ConfigurationError(
            f"Unsupported Cachet API version {version!r}: supported are "
            f"{', '.join(SUPPORTED_VERSIONS)}"
        )
    if endpoint_version is not None and endpoint_version not in SUPPORTED_VERSIONS:
        raise ConfigurationError(
            f"The endpoint names API version {endpoint_version!r}; supported are "
            f"{', '.join(SUPPORTED_VERSIONS)}"
        )
    if wanted and endpoint_version and wanted != endpoint_version:
        raise ConfigurationError(
            f"version={version!r} contradicts the endpoint, which names v{endpoint_version}"
        )
    return wanted or endpoint_version or "1"
