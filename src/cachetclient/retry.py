"""The retry policy: which failed calls are tried again, and after how long.

    RetryPolicy(max_retries=2, backoff_base=0.5, backoff_cap=8.0, retry_after_cap=30.0)

Rules, all in `RetryPolicy.reason_to_retry` and `RetryPolicy.delay`:

* GET, HEAD, PUT and DELETE are retried on connection errors, timeouts and the statuses 429,
  502, 503 and 504: sending them twice does no more than sending them once.
* POST is retried only when the connection failed before the request could have been sent
  (connection refused, name resolution, connect timeout). Cachet has no idempotency keys, so a
  POST that may have reached the server (read timeout, reset, any HTTP answer) is never
  repeated: that would create a second incident. TLS failures are never retried.
* The wait is exponential backoff with jitter (`backoff_base * 2**(retry - 1)`, at most
  `backoff_cap`, then a random 50-100 % of it), or the server's `Retry-After` (seconds or an
  HTTP date) when it sent one, at most `retry_after_cap`.
* Each retry is logged at INFO on the `cachetclient` logger with the reason and the delay; the
  error raised after the last try carries `tries` and says how many were made.
* A retried DELETE that finds the resource gone (404) succeeds: an earlier try deleted it.

Whether a request without an answer could have reached the server is its transport's report
(`errors.Delivery` on the error), so this module imports no HTTP library. The loop itself is a
plan (`RetryPolicy.retried`) that both transports drive.

This is a loop of our own around one send rather than urllib3's `Retry`: urllib3 cannot tell
a POST that never left from one that did (it only knows methods), it raises its own errors
instead of the answer's typed error, and it neither logs retries nor reports the tries made.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, TypeVar

from cachetclient import errors
from cachetclient.apirequest import ApiRequest, Pause, Plan, run_plan
from cachetclient.defaults import (
    DEFAULT_BACKOFF_BASE,
    DEFAULT_BACKOFF_CAP,
    DEFAULT_MAX_RETRIES,
    DEFAULT_RETRY_AFTER_CAP,
)

logger = logging.getLogger("cachetclient")

T = TypeVar("T")

RETRY_STATUSES = frozenset({429, 502, 503, 504})
"""Answers that mean "not now": the server did not act on the request."""

REPEATABLE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
"""Methods whose repetition has no further effect (RFC 9110 idempotent methods)."""


@dataclass(frozen=True)
class RetryPolicy:
    """When and how often a failed call is tried again (see the module docstring).

    Args:
        max_retries: retries after the first try (0 turns retrying off).
        backoff_base: seconds before the first retry, doubled for each further one.
        backoff_cap: the longest backoff, in seconds.
        retry_after_cap: the longest wait a server's `Retry-After` can impose, in seconds.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    backoff_base: float = DEFAULT_BACKOFF_BASE
    backoff_cap: float = DEFAULT_BACKOFF_CAP
    retry_after_cap: float = DEFAULT_RETRY_AFTER_CAP

    def __post_init__(self) -> None:
        numbers = (self.backoff_base, self.backoff_cap, self.retry_after_cap)
        if not _is_count(self.max_retries) or not all(_is_seconds(n) for n in numbers):
            raise errors.ConfigurationError(
                "max_retries must be a whole number >= 0 and backoff_base, backoff_cap and "
                f"retry_after_cap seconds >= 0, not {self!r}"
            )

    def reason_to_retry(self, method: str, error: errors.CachetError) -> str | None:
        """Why the call that failed with `error` may be sent again, or None if it may not."""
        if isinstance(error, errors.HTTPError):
            repeatable = method in REPEATABLE_METHODS and error.status_code in RETRY_STATUSES
            return f"{error.status_code} {error.title or 'answer'}" if repeatable else None
        if not isinstance(error, errors.ConnectionError | errors.TimeoutError):
            return None
        if error.delivery is errors.Delivery.NOT_SENT:
            return f"could not connect ({type(error.__cause__).__name__})"
        if error.delivery is errors.Delivery.MAYBE_RECEIVED and method in REPEATABLE_METHODS:
            return "no answer" if isinstance(error, errors.TimeoutError) else "connection lost"
        return None  # TLS_FAILED: a certificate problem does not heal by asking again

    def delay(self, retry: int, error: errors.CachetError) -> float:
        """Seconds to wait before retry number `retry` (1-based) after `error`."""
        retry_after = _retry_after_seconds(error)
        if retry_after is not None:
            return min(retry_after, self.retry_after_cap)
        backoff: float = min(self.backoff_cap, self.backoff_base * 2 ** (retry - 1))
        return backoff * random.uniform(0.5, 1.0)

    def call(self, request: ApiRequest, send_once: Callable[[ApiRequest], T]) -> T:
        """Send `request` with `send_once`, retrying as the rules allow (`retried`, driven)."""
        answer: T = run_plan(self.retried(request), send_once)
        return answer

    def retried(self, request: ApiRequest) -> Plan[Any]:
        """The retry loop as a plan: `request` is yielded once per try, a `Pause` between tries.

        Both transports drive it (`run_plan`, `AsyncHttpClient.drive`) with their send-once,
        so the loop exists once. Returns the answer of the try that succeeded.
        """
        tries = 0
        while True:
            tries += 1
            try:
                return (yield request)
            except errors.CachetError as error:
                if self.already_done(request, error, tries):
                    return None
                wait = self.wait_before_retry(request, error, tries)
                if wait is None:
                    raise
            yield Pause(wait)

    def already_done(self, request: ApiRequest, error: errors.CachetError, tries: int) -> bool:
        """Whether a failed retry shows an earlier try did the work (a DELETE finding 404)."""
        error.tries = tries
        gone = isinstance(error, errors.NotFoundError) and request.method == "DELETE"
        if gone and tries > 1:
            # An earlier try was acted on but its answer was lost: the work is done.
            logger.info("%s %s: gone on retry, so deleted", request.method, request.path)
            return True
        return False

    def wait_before_retry(
        self, request: ApiRequest, error: errors.CachetError, tries: int
    ) -> float | None:
        """Seconds to wait before the next try after try `tries` failed; None: give up."""
        error.tries = tries
        reason = self.reason_to_retry(request.method, error)
        if reason is None or tries > self.max_retries:
            return None
        wait = self.delay(tries, error)
        logger.info(
            "retrying %s %s in %.2f s (try %d of %d): %s",
            request.method,
            request.path,
            wait,
            tries + 1,
            self.max_retries + 1,
            reason,
        )
        return wait


def _retry_after_seconds(error: errors.CachetError) -> float | None:
    """The `Retry-After` of an HTTP error answer, in seconds from now (None if absent).

    Without one, a rate limit's `X-RateLimit-Reset` (a Unix time, Cachet 3) tells when to
    come back.
    """
    response = getattr(error, "response", None)
    value = response.headers.get("Retry-After") if response is not None else None
    if not value and response is not None:
        reset = (response.headers.get("X-RateLimit-Reset") or "").strip()
        return max(0.0, int(reset) - time.time()) if reset.isdigit() else None
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_seconds(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
