"""Every error the client raises, so callers can catch exactly what they can act on.

    CachetError                       base of everything below
    ├── ConfigurationError            bad endpoint, version, timezone or timeout (also ValueError)
    ├── UnsupportedOperationError     Cachet's API cannot do this (e.g. update a subscriber)
    ├── UnknownStatusError            not a status of `enums` (also KeyError and ValueError)
    ├── ConnectionError           no answer: DNS, refused, TLS, reset (a requests ConnectionError)
    ├── TimeoutError                  no answer in time (requests' Timeout)
    ├── InvalidResponseError          an answer that is not Cachet JSON (HTML proxy page, cut body)
    └── HTTPError                     Cachet answered with an error status (requests' HTTPError)
        ├── BadRequestError           400
        │   └── ValidationError       400 with validation messages (API v1), or 422 (Cachet 3)
        ├── AuthenticationError       401
        ├── PermissionDeniedError     403: the token lacks an ability (Cachet 3; a PermissionError)
        ├── NotFoundError             404
        ├── MethodNotAllowedError     405
        ├── TooManyRequestsError      429 (retried first, see `retry`)
        └── ServerError               5xx

HTTP errors carry `status_code`, `method`, `url`, Cachet's `title` and `detail`, the
validation `messages` and, from Cachet 3, `field_errors` (field -> messages). Errors without
an answer carry `delivery`: how far the request went.
"""

from __future__ import annotations

import builtins
from enum import Enum
from typing import Any
from urllib.parse import urlsplit

import requests


class CachetError(Exception):
    """Base class of every error raised by cachetclient."""

    tries: int = 1
    """How many times the request was sent before this error was raised (see `retry`)."""

    def __str__(self) -> str:
        return with_tries(super().__str__(), self.tries)


def with_tries(message: str, tries: int) -> str:
    """`message`, saying how many tries were made when there was more than one."""
    return f"{message} (gave up after {tries} tries)" if tries > 1 else message


class ConfigurationError(CachetError, ValueError):
    """The client was given settings it cannot work with."""


class UnsupportedOperationError(CachetError):
    """The operation exists in the client's vocabulary but Cachet's API cannot perform it."""


class UnknownStatusError(CachetError, KeyError, ValueError):
    """A value that is not one of the statuses in `cachetclient.v1.enums`.

    A KeyError, as the releases raised from `incident_status_human()`, and a ValueError, as
    everywhere else a value is refused: `except` clauses written for either catch it.
    """

    def __str__(self) -> str:
        # KeyError would show the message quoted, as if it were a key.
        return with_tries(Exception.__str__(self), self.tries)


class Delivery(Enum):
    """How far a request that got no answer went, as its transport saw it (read by `retry`)."""

    NOT_SENT = "not sent"
    """The connection failed before any byte of the request left: refused, unreachable,
    name resolution, connect timeout. Sending it again cannot do anything twice."""
    TLS_FAILED = "TLS failed"
    """The TLS handshake failed (certificate, protocol): nothing left, and asking again
    will not help."""
    MAYBE_RECEIVED = "maybe received"
    """The request may have reached the server: read timeout, reset, a cut answer."""


class ConnectionError(CachetError, requests.exceptions.ConnectionError):
    """The request never got an answer: name resolution, refused connection, TLS, reset."""

    delivery: Delivery = Delivery.MAYBE_RECEIVED
    """How far the request went (unknown counts as maybe received)."""


class TimeoutError(CachetError, requests.exceptions.Timeout):
    """Cachet did not answer within the configured timeout."""

    delivery: Delivery = Delivery.MAYBE_RECEIVED
    """How far the request went: `NOT_SENT` for a connect timeout."""


class InvalidResponseError(CachetError):
    """Cachet (or something in front of it) answered with a body that is not Cachet's JSON."""

    def __init__(self, message: str, *, status_code: int, method: str, url: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.method = method
        self.url = url


class HTTPError(CachetError, requests.exceptions.HTTPError):
    """Cachet answered with an error status."""

    def __init__(
        self,
        *,
        status_code: int,
        method: str,
        url: str,
        title: str = "",
        detail: str = "",
        messages: list[str] | None = None,
        hint: str = "",
        response: requests.Response | None = None,
        field_errors: dict[str, list[str]] | None = None,
    ) -> None:
        self.status_code = status_code
        self.method = method
        self.url = url
        self.title = title
        self.detail = detail
        self.messages = list(messages or [])
        self.field_errors: dict[str, list[str]] = dict(field_errors or {})
        """Cachet 3's validation errors by field (dotted paths such as `components.1.id`)."""
        self.hint = hint
        super().__init__(self._describe(), response=response)

    def _describe(self) -> str:
        path = urlsplit(self.url).path or self.url
        reason = " ".join(self.messages) or self.detail or self.title or "no details given"
        text = f"Cachet rejected {self.method} {path} ({self.status_code}): {reason}"
        return f"{text} {self.hint}" if self.hint else text

    def __str__(self) -> str:
        return with_tries(self._describe(), self.tries)


class BadRequestError(HTTPError):
    """400: Cachet could not use the request (a database constraint, or validation)."""


class ValidationError(BadRequestError):
    """Validation failed: 400 with `messages` (API v1), or 422 with `field_errors` (Cachet 3)."""


class AuthenticationError(HTTPError):
    """401: the API token is missing or wrong."""


class PermissionDeniedError(HTTPError, builtins.PermissionError):
    """403: the token is valid but lacks the ability the route needs (Cachet 3).

    Cachet's answer does not name the ability; the client sets `ability` from the route.
    """

    ability: str | None = None
    """The ability the request needed, e.g. `incidents.manage` (None if unknown)."""

    def _describe(self) -> str:
        text = super()._describe()
        if self.ability:
            text += f" The token lacks the ability {self.ability}: create one that has it."
        return text


class TooManyRequestsError(HTTPError):
    """429: the rate limit was hit, also after the retries `retry` allows."""


class NotFoundError(HTTPError):
    """404: no such resource (or route)."""


class MethodNotAllowedError(HTTPError):
    """405: the path exists, but not for this method (e.g. GET of one subscriber)."""


class ServerError(HTTPError):
    """5xx: Cachet failed while handling the request."""


_ERROR_BY_STATUS: dict[int, type[HTTPError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    422: ValidationError,
    429: TooManyRequestsError,
    404: NotFoundError,
    405: MethodNotAllowedError,
}


def error_class_for(status_code: int, messages: list[str]) -> type[HTTPError]:
    """The most specific error class for a status (and whether validation messages came)."""
    if status_code == 400 and messages:
        return ValidationError
    if status_code >= 500:
        return ServerError
    return _ERROR_BY_STATUS.get(status_code, HTTPError)


def describe_error_body(body: Any) -> tuple[str, str, list[str]]:
    """`title`, `detail` and validation messages of an error body.

    API v1 sends `{"errors": [{"title", "detail", "meta": {"details": [...]}}]}`; Cachet 3
    (Laravel) sends `{"message": "...", "errors": {"field": ["..."]}}`.
    """
    if not isinstance(body, dict):
        return "", "", []
    errors = body.get("errors")
    if isinstance(body.get("message"), str) and not isinstance(errors, list):
        fields = field_errors_of(body)
        messages = [message for texts in fields.values() for message in texts]
        return "", body["message"], messages
    first = errors[0] if isinstance(errors, list) and errors else {}
    if not isinstance(first, dict):
        return "", "", []
    meta = first.get("meta")
    details = meta.get("details") if isinstance(meta, dict) else None
    messages = [str(item) for item in details] if isinstance(details, list) else []
    return str(first.get("title") or ""), str(first.get("detail") or ""), messages


def field_errors_of(body: Any) -> dict[str, list[str]]:
    """Cachet 3's validation errors by field, from `{"errors": {"field": ["..."]}}`."""
    errors = body.get("errors") if isinstance(body, dict) else None
    if not isinstance(errors, dict):
        return {}
    return {
        str(name): [str(text) for text in texts] if isinstance(texts, list) else [str(texts)]
        for name, texts in errors.items()
    }
