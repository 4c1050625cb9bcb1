"""What one API call sends and how its answer is read, independent of the HTTP library.

Managers describe calls as `ApiRequest`s inside plans; a transport (`HttpClient`,
`AsyncHttpClient`) drives the plans, performs the requests and hands each raw answer to
`read_response`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from cachetclient import errors

# Laravel APP_KEYs look like this; people paste them where the API token belongs.
_APP_KEY_PREFIX = "base64:"


@dataclass(frozen=True)
class ApiRequest:
    """One call: method, path below the endpoint, query parameters and JSON body."""

    method: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)
    json: dict[str, Any] | None = None


@dataclass(frozen=True)
class Pause:
    """A step of a plan: wait this many seconds before going on (a retry's backoff)."""

    seconds: float


T = TypeVar("T")

Plan = Generator[ApiRequest | Pause, Any, T]
"""An operation written without I/O: it yields the requests it needs, receives each one's
decoded JSON (or has the request's `CachetError` thrown in) and returns its result; it may
also yield a `Pause`. A transport drives it: `HttpClient.run` at once, `AsyncHttpClient.run`
as a coroutine. The retry loop is a plan too (`RetryPolicy.retried`)."""


def run_plan(
    plan: Plan[T],
    send: Callable[[ApiRequest], Any],
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Drive `plan` to its result, sending each request it yields with `send`.

    The async twin is `AsyncHttpClient.drive`: the same loop with `await`.
    """
    try:
        step = next(plan)
        while True:
            if isinstance(step, Pause):
                sleep(step.seconds)
                step = plan.send(None)
                continue
            try:
                answer = send(step)
            except errors.CachetError as error:
                step = plan.throw(error)
            else:
                step = plan.send(answer)
    except StopIteration as done:
        return cast(T, done.value)


@dataclass(frozen=True)
class RawResponse:
    """An HTTP answer as the transport got it."""

    status_code: int
    content_type: str
    body: bytes
    method: str
    url: str


def read_response(response: RawResponse, *, api_token: str | None) -> Any:
    """The decoded JSON of a successful answer (`None` for 204), or the matching error.

    Raises:
        HTTPError: a subclass chosen by status, for error statuses.
        InvalidResponseError: a success status whose body is not JSON.
    """
    decoded, decode_problem = _decode(response)
    if response.status_code >= 400:
        raise _http_error(response, decoded, decode_problem, api_token)
    if response.status_code == 204 or not response.body.strip():
        return None
    if decode_problem:
        raise errors.InvalidResponseError(
            f"{response.method} {response.url} answered {response.status_code} with "
            f"{decode_problem}; is the endpoint a Cachet API (…/api/v1)?",
            status_code=response.status_code,
            method=response.method,
            url=response.url,
        )
    return decoded


def _decode(response: RawResponse) -> tuple[Any, str]:
    if not response.body.strip():
        return None, "an empty body"
    try:
        return json.loads(response.body), ""
    except (ValueError, UnicodeDecodeError):
        kind = response.content_type.split(";")[0].strip() or "unknown content type"
        return None, f"a body that is not JSON ({kind}, {len(response.body)} bytes)"


def _http_error(
    response: RawResponse, body: Any, decode_problem: str, api_token: str | None
) -> errors.HTTPError:
    title, detail, messages = errors.describe_error_body(body)
    if decode_problem and not detail:
        detail = f"the answer was {decode_problem}, not Cachet's JSON."
    error_class = errors.error_class_for(response.status_code, messages)
    if error_class is errors.ValidationError and not detail and messages:
        detail = messages[0]
    hint = ""
    if error_class is errors.AuthenticationError:
        hint = authentication_hint(api_token)
    return error_class(
        status_code=response.status_code,
        method=response.method,
        url=response.url,
        title=title,
        detail=detail,
        messages=messages,
        hint=hint,
        field_errors=errors.field_errors_of(body),
    )


def authentication_hint(api_token: str | None) -> str:
    """What to do about a 401, judged from the token the client holds (never shown)."""
    if not api_token:
        return "No API token was given: pass api_token= or set CACHET_API_TOKEN."
    if "|" in api_token:  # Sanctum's `<id>|<secret>`: a Cachet 3 token
        return "Check the API token: it may have expired or been deleted in Cachet's dashboard."
    if api_token.startswith(_APP_KEY_PREFIX):
        return (
            "The token looks like a Laravel APP_KEY (base64:…); use the API key shown on "
            "your Cachet user profile instead."
        )
    return "Check the API token: it must be the API key of a Cachet user."
