"""HttpClient: the only place that talks HTTP (session, token, timezone, timeouts, errors, logs)."""

from __future__ import annotations

import os
import re
import threading
import time
import warnings
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import (
    ConnectTimeoutError,
    InsecureRequestWarning,
    MaxRetryError,
    NewConnectionError,
)

from cachetclient import errors
from cachetclient.apirequest import ApiRequest, Plan, run_plan
from cachetclient.batch import BATCH_ERRORS, BatchResult
from cachetclient.pagination import Item, PageWalker
from cachetclient.transport import HEADER_REFUSED, EndpointSettings, caused_by_tls, decode_answer
from cachetclient.transport import InsecureTLSWarning as InsecureTLSWarning

T = TypeVar("T")
ResourceT = TypeVar("ResourceT")
ItemT = TypeVar("ItemT")


class HttpClient(EndpointSettings):
    """Sends `ApiRequest`s to one Cachet API endpoint and returns the decoded JSON.

    Takes the arguments of `EndpointSettings`.
    """

    def _open(self) -> None:
        """One pooled session for the endpoint, its environment read once."""
        self._session = requests.Session()
        self._session.headers.update(self.headers)
        _read_environment_once(self._session, self.base_url, self.verify_tls)
        if not self.verify_tls:
            _silence_urllib3_tls_warnings(self.base_url)
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
        self, walker: PageWalker, make: Callable[[Item], ResourceT]
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
        started = time.perf_counter()
        session = getattr(self._local, "session", None) or self._session
        try:
            response = session.request(**self.request_arguments(request), timeout=self.timeout)
        except requests.exceptions.InvalidHeader:
            raise errors.ConfigurationError(HEADER_REFUSED) from None
        except requests.exceptions.Timeout as exc:
            raise self.timed_out(request, _delivery(exc)) from exc
        except requests.exceptions.RequestException as exc:
            raise self.unreachable(request, _delivery(exc), str(exc)) from exc
        return self.shown_url(request), started, response

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

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _delivery(failure: requests.exceptions.RequestException) -> errors.Delivery:
    """How far a request went before requests raised `failure`.

    Only connect failures count as not sent: refused, unreachable, name resolution, connect
    timeout. Everything after the connection was made may have reached the server.
    """
    if isinstance(failure, requests.exceptions.SSLError) or caused_by_tls(failure):
        return errors.Delivery.TLS_FAILED
    if isinstance(failure, requests.exceptions.ConnectTimeout):
        return errors.Delivery.NOT_SENT
    if isinstance(failure, requests.exceptions.ConnectionError):
        reason = failure.args[0] if failure.args else None
        if isinstance(reason, MaxRetryError):
            reason = reason.reason
        if isinstance(reason, NewConnectionError | ConnectTimeoutError):
            return errors.Delivery.NOT_SENT
    return errors.Delivery.MAYBE_RECEIVED


def _silence_urllib3_tls_warnings(base_url: str) -> None:
    """urllib3 would warn on every request to a host whose certificate is not verified.

    `EndpointSettings` warned once already (`InsecureTLSWarning`).
    """
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
