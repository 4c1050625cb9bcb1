"""Faults on demand: make the next N matching requests fail the way real networks and servers do.

    emulator.faults.inject("status", status=503, retry_after="2", method="GET", times=2)
    emulator.faults.inject("drop_after", method="POST", path="/api/v1/incidents")
    emulator.faults.reset()

Each fault matches a method (or "*") and a path glob (`fnmatch`, against the path without a
trailing slash) and is used up by `times` matching requests. The first fault that matches a
request handles it; the control API (`/_emulator/...`) is never faulted. Kinds:

    status          answer `status` (500, 502, 503, 429, ...) with Cachet's error body and,
                    if given, `Retry-After`; the request is not processed
    html            answer `status` (default 502) with an HTML page, as a proxy in front would
    truncated_json  process the request, then send its JSON cut in half (Content-Length agrees;
                    an empty 204 becomes a 200 with half a body)
    malformed_json  process the request, then send a 200 whose body is not valid JSON
    no_data         process the request, then send a 200 `{}` without `data`
    delay           process the request, then wait `seconds` before answering
    drop_before     close the connection without processing the request or answering
    drop_after      process (and commit) the request, then close the connection unanswered
"""

from __future__ import annotations

import asyncio
import fnmatch
import threading
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any

from cachet_emulator import php_json
from cachet_emulator.errors import TITLES_AND_DETAILS, ApiError
from cachet_emulator.http_io import HttpResponse, Send

# kind -> (processes the request first, default status)
KINDS: dict[str, tuple[bool, int | None]] = {
    "status": (False, 500),
    "html": (False, 502),
    "truncated_json": (True, None),
    "malformed_json": (True, None),
    "no_data": (True, None),
    "delay": (True, None),
    "drop_before": (False, None),
    "drop_after": (True, None),
}

_HTML_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>{status} Proxy Error</title></head>\n"
    b"<body><h1>Proxy Error</h1><p>The proxy server could not handle the request.</p>"
    b"</body></html>\n"
)


@dataclass
class Fault:
    """One injected fault and how many more requests it will take."""

    kind: str
    method: str = "*"
    path: str = "*"
    times: int = 1
    status: int | None = None
    retry_after: str | None = None
    seconds: float = 0.0
    hits: int = 0

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ValueError(" ".join(problems))
        self.method = self.method.upper()
        if self.status is None:
            self.status = KINDS[self.kind][1]

    def matches(self, method: str, path: str) -> bool:
        """Whether a request with this method and path is one this fault takes."""
        method_ok = self.method in ("*", method) or (self.method == "GET" and method == "HEAD")
        return method_ok and fnmatch.fnmatchcase(path.rstrip("/") or "/", self.path)

    def as_dict(self) -> dict[str, Any]:
        """The fault as the control API shows it."""
        return asdict(self)


def _as_text(retry_after: Any) -> Any:
    """A Retry-After given as whole seconds becomes its text; anything else is checked later."""
    if isinstance(retry_after, int) and not isinstance(retry_after, bool):
        return str(retry_after)
    return retry_after


def _problems(fault: Fault) -> list[str]:
    problems = []
    if fault.kind not in KINDS:
        problems.append(f"Unknown fault kind {fault.kind!r}; kinds: {', '.join(KINDS)}.")
    if not isinstance(fault.times, int) or isinstance(fault.times, bool) or fault.times < 1:
        problems.append("times must be a positive integer.")
    status = fault.status
    if status is not None and not (isinstance(status, int) and 100 <= status <= 599):
        problems.append("status must be an HTTP status code.")
    if not isinstance(fault.seconds, int | float) or not 0 <= fault.seconds <= 300:
        problems.append("seconds must be between 0 and 300.")
    for name in ("method", "path"):
        if not isinstance(getattr(fault, name), str):
            problems.append(f"{name} must be a string.")
    if fault.retry_after is not None and not isinstance(fault.retry_after, str):
        problems.append("retry_after must be a string (seconds or an HTTP date).")
    return problems


class Faults:
    """The emulator's pending faults (thread-safe: tests add them while the server runs)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[Fault] = []

    def inject(
        self,
        kind: str,
        *,
        method: str = "*",
        path: str = "*",
        times: int = 1,
        status: int | None = None,
        retry_after: str | int | None = None,
        seconds: float = 0.0,
    ) -> Fault:
        """Add a fault and return it (kinds and their effect: see the module docstring).

        Args:
            kind: what goes wrong, e.g. "status", "drop_after".
            method: the HTTP method it takes ("*": any; "GET" also takes HEAD).
            path: `fnmatch` glob on the request path, e.g. "/api/v1/incidents*".
            times: how many matching requests it takes before it expires.
            status: the status of "status" (default 500) and "html" (default 502) faults.
            retry_after: the `Retry-After` value of a "status" fault (seconds or HTTP date).
            seconds: how long a "delay" fault holds the answer back.

        Raises:
            ValueError: an unknown kind or an option out of range.
        """
        fault = Fault(kind, method, path, times, status, _as_text(retry_after), seconds)
        with self._lock:
            self._pending.append(fault)
        return fault

    def reset(self) -> None:
        """Forget every pending fault."""
        with self._lock:
            self._pending.clear()

    def pending(self) -> list[Fault]:
        """The faults that still have requests to take, oldest first."""
        with self._lock:
            return list(self._pending)

    def take(self, method: str, path: str) -> Fault | None:
        """The first fault matching the request, counted as used once; None when none does."""
        if not self._pending:  # the usual case, answered without taking the lock
            return None
        with self._lock:
            for fault in self._pending:
                if fault.matches(method, path):
                    fault.hits += 1
                    if fault.hits >= fault.times:
                        self._pending.remove(fault)
                    return fault
        return None


OPTIONS = ("method", "path", "times", "status", "retry_after", "seconds")
"""What a fault can be given besides its kind."""


class DroppedConnection(Exception):
    """Raised out of the application so the server closes the connection unanswered."""


async def answer(
    fault: Fault, process: Callable[[], Awaitable[HttpResponse]], send: Send
) -> HttpResponse:
    """The response a faulty server gives; raises DroppedConnection for the drop kinds."""
    processes_first, _ = KINDS[fault.kind]
    response = await process() if processes_first else HttpResponse(200)
    if fault.kind in ("drop_before", "drop_after"):
        await _drop(send)
    if fault.kind == "delay":
        await asyncio.sleep(fault.seconds)
        return response
    return _faulty_response(fault, response)


def _faulty_response(fault: Fault, response: HttpResponse) -> HttpResponse:
    status = fault.status or 500
    if fault.kind == "status":
        headers = {"retry-after": fault.retry_after} if fault.retry_after else {}
        return HttpResponse(status, _error_body(status), "application/json", headers)
    if fault.kind == "html":
        return HttpResponse(
            status, _HTML_PAGE.replace(b"{status}", str(status).encode()), "text/html"
        )
    if fault.kind == "truncated_json":
        # An empty answer (204) has nothing to cut: send half of a 200's body instead.
        status, body = (response.status, response.body) if response.body else (200, b'{"data":{}}')
        return HttpResponse(status, body[: len(body) // 2], "application/json")
    if fault.kind == "malformed_json":
        return HttpResponse(200, b'{"data": {"id": 1,, "name": }', "application/json")
    return HttpResponse(200, b"{}", "application/json")  # no_data


def _error_body(status: int) -> bytes:
    """Cachet's error body (spec 4.1); statuses Cachet never sends get their reason phrase."""
    if status in TITLES_AND_DETAILS:
        return ApiError(status).json()
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    error = {"id": str(uuid.uuid4()), "status": status, "title": phrase, "detail": phrase}
    return php_json.encode_error({"errors": [error]})


async def _drop(send: Send) -> None:
    # An ASGI server closes the connection when the application fails after starting its
    # response. A start message carrying an invalid header value is refused by the server
    # before a single byte is written, so the client sees the connection close, not an answer.
    try:
        await send({"type": "http.response.start", "status": 200, "headers": [(b"x", b"\n")]})
    except Exception as exc:  # the server's own refusal
        raise DroppedConnection from exc
    raise DroppedConnection("the server wrote a response it should have refused")
