"""The `Client()` factory: finds the endpoint, token and API version, builds the client."""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Callable, Mapping
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar, cast, overload
from urllib.parse import urlsplit, urlunsplit

from cachetclient.defaults import (
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    DEFAULT_TIMEZONE,
    DEFAULT_V3_TIMEZONE,
    Timeout,
)
from cachetclient.errors import ConfigurationError

if TYPE_CHECKING:
    from cachetclient.async_httpclient import AsyncHttpClient
    from cachetclient.httpclient import HttpClient
    from cachetclient.retry import RetryPolicy
    from cachetclient.v1.async_client import AsyncClient as AsyncClientV1
    from cachetclient.v1.client import Client as ClientV1
    from cachetclient.v3.client import Client as ClientV3

_P = ParamSpec("_P")
_T = TypeVar("_T")
_TransportT = TypeVar("_TransportT", "HttpClient", "AsyncHttpClient")

SUPPORTED_VERSIONS = ("1", "3")
V3 = Literal["3", 3]
"""`version=` values that choose Cachet 3 (experimental)."""
_API_SUFFIX = re.compile(r"/api(?:/v(?P<version>[^/]*))?$")


def _client_parameters(
    endpoint: str | None = None,
    api_token: str | None = None,
    version: str | int | None = None,
    verify_tls: bool = True,
    *,
    timeout: Timeout = DEFAULT_TIMEOUT,
    timezone: str | None = DEFAULT_TIMEZONE,
    user_agent: str | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    backoff_base: float = DEFAULT_BACKOFF_BASE,
    backoff_cap: float = DEFAULT_BACKOFF_CAP,
    retry_policy: RetryPolicy | None = None,
    guest: bool = False,
) -> None:
    """The parameters of `Client()` without its overloads: `AsyncClient()` takes them too."""


@overload
def Client(  # type: ignore[overload-overlap]  # "3" is also a str: the v3 client wins
    endpoint: str | None = None,
    api_token: str | None = None,
    *,
    version: V3,
    verify_tls: bool = True,
    timeout: Timeout = DEFAULT_TIMEOUT,
    timezone: str | None = DEFAULT_TIMEZONE,
    user_agent: str | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    backoff_base: float = DEFAULT_BACKOFF_BASE,
    backoff_cap: float = DEFAULT_BACKOFF_CAP,
    retry_policy: RetryPolicy | None = None,
    guest: bool = False,
) -> ClientV3: ...
@overload
def Client(
    endpoint: str | None = None,
    api_token: str | None = None,
    version: str | int | None = None,
    verify_tls: bool = True,
    *,
    timeout: Timeout = DEFAULT_TIMEOUT,
    timezone: str | None = DEFAULT_TIMEZONE,
    user_agent: str | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    backoff_base: float = DEFAULT_BACKOFF_BASE,
    backoff_cap: float = DEFAULT_BACKOFF_CAP,
    retry_policy: RetryPolicy | None = None,
    guest: bool = False,
) -> ClientV1: ...
def Client(
    endpoint: str | None = None,
    api_token: str | None = None,
    version: str | int | None = None,
    verify_tls: bool = True,
    *,
    timeout: Timeout = DEFAULT_TIMEOUT,
    timezone: str | None = DEFAULT_TIMEZONE,
    user_agent: str | None = None,
    max_retries: int = DEFAULT_MAX_RETRIES,
    backoff_base: float = DEFAULT_BACKOFF_BASE,
    backoff_cap: float = DEFAULT_BACKOFF_CAP,
    retry_policy: RetryPolicy | None = None,
    guest: bool = False,
) -> Any:
    """Create a Cachet client.

    Args:
        endpoint: The API endpoint, e.g. `https://status.example.test/api/v1`; the site root
            or a trailing slash work too. Default: the `CACHET_ENDPOINT` environment variable.
        api_token: The API token. Default: `CACHET_API_TOKEN`. Without either, a ValueError
            (`ConfigurationError`), as in every release, unless `guest=True`.
        version: `"1"` (Cachet 2's API v1) or `"3"` (Cachet 3, experimental: a
            `cachetclient.v3.Client`). Default: what the endpoint names (`…/api/v1`);
            for a site root or `…/api`, the client asks the server once, at first use,
            and logs which API it found (`client.api_version`). Type checkers see the v1
            client unless `version="3"` is given.
        verify_tls: Verify TLS certificates (turn off only for self-signed certificates;
            `False` warns once with `InsecureTLSWarning`).
        timeout: Seconds, or a (connect, read) pair, before a request gives up.
        timezone: With Cachet 3: the zone Cachet writes its times in (its app timezone,
            default `"UTC"`); its dates are aware. With API v1: an IANA zone such as
            `"UTC"` (recommended for new code): sent as
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
        guest: Send no token at all (`CACHET_API_TOKEN` is not read): reads show what the
            public sees, writes fail with AuthenticationError.

    Raises:
        ConfigurationError: (a ValueError) no endpoint, an endpoint that is not http(s), an
            unsupported version, or no token (and not `guest=True`).
    """
    arguments = dict(locals())  # every parameter above, by name
    from cachetclient.httpclient import HttpClient

    root_url, chosen = _root_and_version(arguments)
    arguments["api_token"] = _token(arguments)

    def build(api_version: str) -> Any:
        http_client = _transport(HttpClient, arguments, root_url, api_version)
        if api_version == "3":
            from cachetclient.v3.client import Client as ClientV3

            return ClientV3(http_client, _v3_zone(timezone))
        from cachetclient.v1.client import Client as ClientV1

        return ClientV1(http_client)

    if chosen is None:
        from cachetclient.detection import DetectingClient

        settings = {"verify_tls": verify_tls, "timeout": timeout, "user_agent": user_agent}
        return DetectingClient(root_url, build, **settings)
    return build(chosen)


def _with_the_parameters_of(
    model: Callable[_P, object],
) -> Callable[[Callable[..., _T]], Callable[_P, _T]]:
    """Give a factory the parameters of `model`: for type checkers, `help()` and the docs."""

    def give(factory: Callable[..., _T]) -> Callable[_P, _T]:
        returns = inspect.signature(factory).return_annotation
        factory.__signature__ = inspect.signature(model).replace(  # type: ignore[attr-defined]
            return_annotation=returns
        )
        return cast("Callable[_P, _T]", factory)

    return give


@_with_the_parameters_of(_client_parameters)
def AsyncClient(*args: Any, **kwargs: Any) -> AsyncClientV1:
    """Create a Cachet client for asyncio (needs the `async` extra: httpx).

    Takes the arguments of `Client()`. Use it as `async with AsyncClient(...) as client:`;
    every method that talks to Cachet is awaited (`await client.components.get(1)`) and lists
    are async iterators (`async for c in client.components.list()`). It does not detect the
    API version: without `version="3"` it speaks API v1, as every release did (its type is
    the v1 client's; `cachetclient.v3.AsyncClient` with `version="3"`).

    Raises:
        ConfigurationError: as `Client()`.
    """
    given = inspect.signature(_client_parameters).bind(
        *args, **kwargs
    )  # a TypeError as Client() would
    given.apply_defaults()
    from cachetclient.async_httpclient import AsyncHttpClient

    root_url, chosen = _root_and_version(given.arguments)
    given.arguments["api_token"] = _token(given.arguments)
    version = chosen or "1"
    http_client = _transport(AsyncHttpClient, given.arguments, root_url, version)
    if version == "3":
        from cachetclient.v3.client import AsyncClient as AsyncClientV3

        zone = _v3_zone(given.arguments["timezone"])
        return cast("AsyncClientV1", AsyncClientV3(http_client, zone))
    from cachetclient.v1.async_client import AsyncClient as AsyncClientV1

    return AsyncClientV1(http_client)


def _transport(
    kind: type[_TransportT], arguments: Mapping[str, Any], root_url: str, version: str
) -> _TransportT:
    """The transport of class `kind` for the arguments of `Client()` and an API version."""
    from cachetclient.retry import RetryPolicy

    retry_policy = arguments["retry_policy"] or RetryPolicy(
        arguments["max_retries"], arguments["backoff_base"], arguments["backoff_cap"]
    )
    v3 = version == "3"
    return kind(
        _api_base(root_url, version),
        arguments["api_token"],
        retry_policy=retry_policy,
        verify_tls=arguments["verify_tls"],
        timeout=arguments["timeout"],
        timezone=None if v3 else arguments["timezone"],  # Cachet 3 reads no Time-Zone
        user_agent=arguments["user_agent"],
        bearer_token=v3,
    )


def _token(arguments: Mapping[str, Any]) -> str | None:
    """The token given, else `CACHET_API_TOKEN`; `None` for a guest (`guest=True`).

    Raises:
        ConfigurationError: no token, as every release raised, and not `guest=True`; or both.
    """
    api_token = arguments["api_token"]
    if arguments["guest"]:
        if api_token:
            raise ConfigurationError("guest=True sends no token: leave api_token out")
        return None
    api_token = api_token if api_token is not None else os.environ.get("CACHET_API_TOKEN")
    if not api_token:
        raise ConfigurationError(
            "No api_token specified: pass api_token='...' or set CACHET_API_TOKEN "
            "(guest=True reads what the public sees, without a token)"
        )
    return api_token


def _root_and_version(arguments: Mapping[str, Any]) -> tuple[str, str | None]:
    """The site root and the chosen API version (`None`: to be detected), from the arguments
    of `Client()` or the environment."""
    endpoint = arguments["endpoint"] or os.environ.get("CACHET_ENDPOINT")
    if not endpoint:
        raise ConfigurationError(
            "No Cachet endpoint: pass endpoint='https://status.example.com/api/v1' "
            "or set CACHET_ENDPOINT"
        )
    base_url, endpoint_version = normalise_endpoint(endpoint)
    if endpoint_version == "3":
        raise ConfigurationError(
            "Cachet 3's API has no version in its path: use the endpoint …/api with version='3'"
        )
    chosen = _chosen_version(arguments["version"], endpoint_version)
    return base_url[: base_url.rindex("/api/")], chosen


def _api_base(root_url: str, version: str) -> str:
    """The API base URL below a site root: `/api/v1`, or `/api` for Cachet 3."""
    return f"{root_url}/api" if version == "3" else f"{root_url}/api/v1"


def _v3_zone(timezone: str | None) -> tzinfo:
    """The zone Cachet 3 writes its times in (`timezone=`, else Laravel's default, UTC)."""
    from cachetclient.transport import zone_named

    zone = zone_named(timezone or DEFAULT_V3_TIMEZONE)
    assert zone is not None
    return zone


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


def _chosen_version(version: str | int | None, endpoint_version: str | None) -> str | None:
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
    return wanted or endpoint_version
