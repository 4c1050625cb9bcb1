"""HttpClient: the only place that talks HTTP (session, token, timezone, timeouts, errors, logs)."""

from __future__ import annotations

import logging
import os
import re
import threading
import time
import warnings
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import timezone, tzinfo
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import requests
from urllib3.exceptions import InsecureRequestWarning

from cachetclient import errors
from cachetclient.apirequest import ApiRequest, Plan, RawResponse, read_response, run_plan
from cachetclient.batch import BATCH_ERRORS, BatchResult
from cachetclient.defaults import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
from cachetclient.defaults import DEFAULT_TIMEZONE as DEFAULT_TIMEZONE
from cachetclient.defaults import Timeout as Timeout
from cachetclient.pagination import Item, ListWalker
from cachetclient.retry import RetryPolicy

logger = logging.getLogger("cachetclient")

T = TypeVar("T")
ResourceT = TypeVar("ResourceT")
ItemT = TypeVar("ItemT")


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
            warn_insecure(self.base_url)
        from cachetclient import __version__  # the package finishes importing first

        self.headers = {
            "Accept": "application/json",
            "User-Agent": user_agent or f"cachet-client/{__version__}",
        }
        """The headers every request carries (token and timezone included)."""
        if self.api_token:
            self.headers["X-Cachet-Token"] = self.api_token
        if timezone:
            self.headers["Time-Zone"] = timezone

    def url_for(self, path: str) -> str:
        """The absolute URL of a path below the endpoint."""
        return f"{self.base_url}/{path.lstrip('/')}"


class HttpClient(EndpointSettings):
    """Sends `ApiRequest`s to one Cachet API endpoint and returns the decoded JSON.

    Takes the arguments of `EndpointSettings`.
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
    ) -> None:
        super().__init__(
            base_url,
            api_token,
            verify_tls=verify_tls,
            timeout=timeout,
            timezone=timezone,
            user_agent=user_agent,
            retry_policy=retry_policy,
        )
        self._session = requests.Session()
        self._session.headers.update(self.headers)
        _read_environment_once(self._session, self.base_url, verify_tls)
        self._local = threading.local()  # `run_many`'s worker threads keep a session here

    def __repr__(self) -> str:
        return f"<HttpClient {self.base_url}>"

    def send(self, request: ApiRequest) -> Any:
        """Perform one call, retried per `retry_policy`; return the decoded JSON (`None` for 204).

        Raises:
            the error of the last try (its `tries` says how many were made):
            HTTPError: (a subclass by status) when Cachet answers with an error.
            ConnectionError, TimeoutError: when no answer arrives.
            InvalidResponseError: when the answer is not Cachet's JSON.
        """
        return self.retry_policy.call(request, self.send_once)

    def run(self, plan: Plan[T]) -> T:
        """Perform an operation described as a plan (see `apirequest.Plan`)."""
        return run_plan(plan, self.send)

    def walk(
        self, walker: ListWalker, make: Callable[[Item], ResourceT]
    ) -> Generator[ResourceT, None, None]:
        """Yield the items of a list as `make` builds them, a request per page when needed."""
        while (request := walker.next_request()) is not None:
            yield from map(make, walker.receive(self.send(request)))

    def run_many(
        self, items: Sequence[ItemT], plan_for: Callable[[ItemT], Plan[T]], concurrency: int
    ) -> BatchResult[T]:
        """Run one plan per item, `concurrency` at once; a failed item does not stop the others.

        With a `concurrency` above 1 the plans run in that many threads, each with its own
        session (connection), so the answers of one do not wait for the others.
        """
        batch: BatchResult[T] = BatchResult(results=[None] * len(items))

        def outcome_of(item: ItemT) -> T | Exception:
            try:
                return self.run(plan_for(item))
            except BATCH_ERRORS as error:
                return error

        workers = min(concurrency, len(items))
        if workers <= 1:
            outcomes: Iterable[T | Exception] = map(outcome_of, items)
            for index, outcome in enumerate(outcomes):
                batch.record(index, items[index], outcome)
            return batch
        sessions: list[requests.Session] = []

        def open_session() -> None:
            self._local.session = _session_like(self._session)
            sessions.append(self._local.session)

        pool = ThreadPoolExecutor(workers, "cachetclient", initializer=open_session)
        try:
            for index, outcome in enumerate(pool.map(outcome_of, items)):
                batch.record(index, items[index], outcome)
        finally:
            pool.shutdown(cancel_futures=True)
            for session in sessions:
                session.close()
        return batch

    def send_once(self, request: ApiRequest) -> Any:
        """Perform one call without retrying (errors as for `send`)."""
        shown_url, started, response = self.exchange(request)
        return decode_answer(request, shown_url, started, response, self.api_token)

    def send_once_for_response(self, request: ApiRequest) -> requests.Response:
        """Perform one call without retrying; return requests' `Response` of a success.

        Raises:
            HTTPError: (a subclass by status) when Cachet answers with an error.
            ConnectionError, TimeoutError: when no answer arrives.
        """
        shown_url, started, response = self.exchange(request)
        if response.status_code >= 400:
            decode_answer(request, shown_url, started, response, self.api_token)
        return response

    def exchange(self, request: ApiRequest) -> tuple[str, float, requests.Response]:
        """Send one request: the URL to show in messages, when it started, and the answer.

        Raises:
            ConnectionError, TimeoutError: when no answer arrives.
        """
        url = self.url_for(request.path)
        shown_url = f"{url}?{urlencode(request.params, doseq=True)}" if request.params else url
        started = time.perf_counter()
        session = getattr(self._local, "session", None) or self._session
        try:
            response = session.request(
                request.method,
                url,
                params=request.params or None,
                json=request.json,
                timeout=self.timeout,
            )
        except requests.exceptions.InvalidHeader:
            # The message of this error would quote the header, i.e. the token.
            raise errors.ConfigurationError(
                "the API token or timezone holds characters an HTTP header cannot carry"
            ) from None
        except requests.exceptions.Timeout as exc:
            raise errors.TimeoutError(
                f"{request.method} {shown_url} got no answer within {self.timeout} seconds"
            ) from exc
        except requests.exceptions.RequestException as exc:
            raise errors.ConnectionError(
                f"{request.method} {shown_url} could not reach Cachet: {exc}"
            ) from exc
        return shown_url, started, response

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
    ) -> Any:
        """Shortcut for `send(ApiRequest(method, path, params, json))`."""
        return self.send(ApiRequest(method.upper(), path, params or {}, json))

    def close(self) -> None:
        """Close the pooled connections."""
        self._session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class InsecureTLSWarning(UserWarning):
    """TLS certificates are not verified: anyone on the path can read the API token."""


def warn_insecure(base_url: str) -> None:
    """Warn once for a client created with `verify_tls=False`.

    urllib3 would warn again on every request to that host; those repeats are silenced.
    """
    warnings.warn(
        f"TLS certificate verification is off for {base_url}: the API token can be read by "
        "anyone between you and the server. Use verify_tls=False only with test servers.",
        InsecureTLSWarning,
        stacklevel=5,  # EndpointSettings, the transport, Client(), the caller
    )
    host = re.escape(urlsplit(base_url).hostname or "")
    warnings.filterwarnings(
        "ignore", f"Unverified HTTPS request is being made to host '{host}'", InsecureRequestWarning
    )


def _read_environment_once(session: requests.Session, base_url: str, verify_tls: bool) -> None:
    """Settle what requests would otherwise look up in the environment on every request.

    The proxy variables (`HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY`), the CA bundle
    (`REQUESTS_CA_BUNDLE`, `CURL_CA_BUNDLE`) and `~/.netrc` credentials count as they are
    when the client is created; every request goes to the same host, so one reading holds.
    """
    session.trust_env = False
    session.proxies = requests.utils.get_environ_proxies(base_url)
    bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
    session.verify = (bundle or True) if verify_tls else False
    session.auth = requests.utils.get_netrc_auth(base_url)


def _session_like(template: requests.Session) -> requests.Session:
    """A new session with the headers and settings of `template`, sharing no connection."""
    session = requests.Session()
    session.headers.update(template.headers)
    session.trust_env = template.trust_env
    session.proxies = dict(template.proxies)
    session.verify = template.verify
    session.auth = template.auth
    return session


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


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    if name.upper() == "UTC":
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise errors.ConfigurationError(f"unknown timezone {name!r}: use an IANA name") from exc


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
