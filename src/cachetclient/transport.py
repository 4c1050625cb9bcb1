"""What both transports share, independent of the HTTP library: the endpoint's settings,
the error for a request that got no answer, and the decoding of an answer.

`HttpClient` (requests) and `AsyncHttpClient` (httpx) build on `EndpointSettings`; each only
translates its library's exceptions into `errors.Delivery`, which `retry` then reads.
"""

from __future__ import annotations

import json
import logging
import ssl
import sys
import time
import warnings
from datetime import timezone, tzinfo
from typing import Any, ClassVar
from urllib.parse import urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cachetclient import errors
from cachetclient.apirequest import ApiRequest, RawResponse, read_response
from cachetclient.defaults import DEFAULT_TIMEOUT, DEFAULT_TIMEZONE, DEFAULT_USER_AGENT, Timeout
from cachetclient.retry import RetryPolicy

logger = logging.getLogger("cachetclient")

HEADER_REFUSED = "the API token or timezone holds characters an HTTP header cannot carry"
"""Why a request could not be built; the library's own message would quote the token."""


JSON_BODY_HEADERS = {"Content-Type": "application/json"}
"""The header of a request that carries a JSON body."""


def encode_body(request: ApiRequest) -> bytes:
    """The JSON text of `request`'s body, encoded once here so both transports refuse alike.

    Raises:
        ValueError: NaN, infinity or a value JSON has no type for; nothing is sent.
    """
    try:
        return json.dumps(request.json, allow_nan=False).encode()
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{request.method} {request.path}: the body is not JSON: {exc}") from None


class InsecureTLSWarning(UserWarning):
    """TLS certificates are not verified: anyone on the path can read the API token."""


class EndpointSettings:
    """What both transports (`HttpClient`, `AsyncHttpClient`) know of the endpoint.

    Args:
        base_url: the API root, e.g. `https://status.example.com/api/v1`.
        api_token: the Cachet API key; `None` sends requests as a guest.
        verify_tls: verify TLS certificates (turn off only for self-signed test servers).
        timeout: seconds, or (connect, read) seconds; `None` is refused so nothing hangs.
        timezone: IANA zone sent as `Time-Zone` (aware dates); `None` (the default) leaves
            Cachet's own zone in force (naive dates).
        user_agent: the `User-Agent` header.
        retry_policy: when failed calls are retried (`RetryPolicy()`: 2 retries, and a POST
            only when it provably never left); `RetryPolicy(max_retries=0)` turns it off.
        bearer_token: send the token as `Authorization: Bearer` (Cachet 3) instead of
            `X-Cachet-Token` (API v1).
    """

    def __init__(
        self,
        base_url: str,
        api_token: str | None = None,
        *,
        verify_tls: bool = True,
        timeout: Timeout = DEFAULT_TIMEOUT,
        timezone: str | None = DEFAULT_TIMEZONE,
        user_agent: str | None = None,
        retry_policy: RetryPolicy | None = None,
        bearer_token: bool = False,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retry_policy = retry_policy or RetryPolicy()
        # Cachet ignores surrounding spaces; a newline from an env file would break the header.
        self.api_token = (api_token or "").strip() or None
        self.verify_tls = verify_tls
        self.timeout = _checked_timeout(timeout)
        self.timezone_name = timezone
        self.timezone = _zone(timezone)
        if not verify_tls:
            _warn_insecure(self.base_url)
        self.headers = {
            "Accept": "application/json",
            "User-Agent": user_agent or DEFAULT_USER_AGENT,
        }
        """The headers every request carries (token and timezone included)."""
        if self.api_token and bearer_token:
            self.headers["Authorization"] = f"Bearer {self.api_token}"
        elif self.api_token:
            self.headers["X-Cachet-Token"] = self.api_token
        if timezone:
            self.headers["Time-Zone"] = timezone
        self._open()

    def _open(self) -> None:
        """Set up the transport's connections once the settings are known (none here)."""

    def url_for(self, path: str) -> str:
        """The absolute URL of a path below the endpoint."""
        return f"{self.base_url}/{path.lstrip('/')}"

    body_keyword: ClassVar[str] = "data"
    """The keyword under which the HTTP library takes a body of bytes."""

    def request_arguments(self, request: ApiRequest) -> dict[str, Any]:
        """Method, URL, query and the encoded JSON body of `request`, for the HTTP library.

        Raises:
            ValueError: the body holds what JSON cannot carry (NaN, infinity, an object);
                nothing is sent.
        """
        arguments: dict[str, Any] = {
            "method": request.method,
            "url": self.url_for(request.path),
            "params": request.params or None,
        }
        if request.json is not None:
            arguments[self.body_keyword] = encode_body(request)
            arguments["headers"] = JSON_BODY_HEADERS
        return arguments

    def shown_url(self, request: ApiRequest) -> str:
        """The URL of `request` with its query, as logs and error messages show it."""
        url = self.url_for(request.path)
        return f"{url}?{urlencode(request.params, doseq=True)}" if request.params else url

    def timed_out(self, request: ApiRequest, delivery: errors.Delivery) -> errors.TimeoutError:
        """The error for `request` that waited past its timeout; raise it `from` the cause.

        `delivery` is the transport's report of how far the request went.
        """
        message = f"{request.method} {self.shown_url(request)} got no answer within"
        error = errors.TimeoutError(f"{message} {self.timeout} seconds")
        error.delivery = delivery
        return error

    def unreachable(
        self, request: ApiRequest, delivery: errors.Delivery, detail: str
    ) -> errors.ConnectionError:
        """The error for `request` whose connection failed; raise it `from` the cause.

        `delivery` is the transport's report of how far the request went, `detail` its
        library's description of the failure.
        """
        message = f"{request.method} {self.shown_url(request)} could not reach Cachet"
        error = errors.ConnectionError(f"{message}: {detail}")
        error.delivery = delivery
        return error


def decode_answer(
    request: ApiRequest, shown_url: str, started: float, response: Any, api_token: str | None
) -> Any:
    """Log an answer and decode it (both transports; `response` is requests' or httpx's).

    Raises:
        HTTPError: (a subclass by status) carrying `response`, when Cachet answers an error.
        InvalidResponseError: when the answer is not Cachet's JSON.
    """
    elapsed_ms = (time.perf_counter() - started) * 1000
    logger.debug(
        "%s %s -> %s (%.1f ms)", request.method, shown_url, response.status_code, elapsed_ms
    )
    raw = RawResponse(
        status_code=response.status_code,
        content_type=response.headers.get("Content-Type", ""),
        body=response.content,
        method=request.method,
        url=str(response.url),
    )
    try:
        return read_response(raw, api_token=api_token)
    except errors.HTTPError as exc:
        exc.response = response  # requests' or httpx's Response: the same attributes
        raise


def caused_by_tls(failure: BaseException | None) -> bool:
    """Whether `failure` or an exception it was raised from is an `ssl.SSLError`."""
    for _ in range(8):  # exception chains are short; a bound guards against cycles
        if failure is None:
            return False
        if isinstance(failure, ssl.SSLError):
            return True
        failure = failure.__cause__ or failure.__context__
    return False


def _warn_insecure(base_url: str) -> None:
    """Warn once for a client created with `verify_tls=False`."""
    warnings.warn(
        f"TLS certificate verification is off for {base_url}: the API token can be read by "
        "anyone between you and the server. Use verify_tls=False only with test servers.",
        InsecureTLSWarning,
        stacklevel=_first_frame_outside_the_package(),
    )


def _first_frame_outside_the_package() -> int:
    """The `stacklevel` that points a warning at the caller's line, not at ours."""
    frame, level = sys._getframe(1), 1  # level 1: the function that warns
    while frame.f_back is not None and frame.f_globals["__name__"].startswith("cachetclient"):
        frame, level = frame.f_back, level + 1
    return level


def _checked_timeout(timeout: Timeout) -> Timeout:
    values = timeout if isinstance(timeout, tuple) else (timeout,)
    if timeout is None or not all(
        isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
        for value in values
    ):
        raise errors.ConfigurationError(
            f"timeout must be positive seconds or a (connect, read) pair, not {timeout!r}"
        )
    return timeout


def zone_named(name: str | None) -> tzinfo | None:
    """The timezone of an IANA name (`None` for none).

    Raises:
        ConfigurationError: for a name that is not a known zone.
    """
    return _zone(name)


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    if name.upper() == "UTC":
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise errors.ConfigurationError(f"unknown timezone {name!r}: use an IANA name") from exc
