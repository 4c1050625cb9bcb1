"""The log of requests the emulator received, so a test can check what a client really sent.

    emulator.request_log.entries()   [{"method": "POST", "path": "/api/v1/components", ...}]
    emulator.request_log.clear()
    GET    /_emulator/requests       the same entries, oldest first
    DELETE /_emulator/requests       forget them

Every request outside the control API is kept, answered or not (faults included), up to the
last `LIMIT`. Each entry holds `method`, `path` (as sent, without the query string), `query`
(the query string parsed as Cachet reads it) and `body`: decoded JSON for a JSON content
type, the fields of a form, else the text (None when empty). Headers are not kept: they carry
the API token. `reset()` of the emulator forgets the log too.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from cachet_emulator import php_input
from cachet_emulator.http_io import HttpRequest

if TYPE_CHECKING:
    from cachet_emulator.app import CachetApp

LIMIT = 1000


@dataclass(frozen=True)
class ReceivedRequest:
    """One request as it arrived; decoded only when someone reads the log."""

    method: str
    path: str
    query_string: str
    content_type: str
    body: bytes

    def as_dict(self) -> dict[str, Any]:
        """The entry as the log shows it."""
        return {
            "method": self.method,
            "path": self.path,
            "query": php_input.parse_query(self.query_string),
            "body": _decoded_body(self.content_type, self.body),
        }


def _decoded_body(content_type: str, body: bytes) -> Any:
    if not body:
        return None
    text = body.decode("utf-8", "replace")
    if php_input.is_json_content_type(content_type):
        try:
            return json.loads(text)
        except ValueError:
            return text
    if content_type.split(";")[0].strip().lower() == "application/x-www-form-urlencoded":
        return php_input.build_php_array(parse_qsl(text, keep_blank_values=True))
    return text


class RequestLog:
    """The last `limit` requests received (thread-safe: the server writes, tests read)."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._lock = threading.Lock()
        self._received: deque[ReceivedRequest] = deque(maxlen=limit)

    def record(self, request: HttpRequest) -> None:
        """Keep one request (the server calls this for every request outside the control API)."""
        received = ReceivedRequest(
            request.method,
            request.raw_path,
            request.query_string,
            request.headers.get("content-type", ""),
            request.body,
        )
        with self._lock:
            self._received.append(received)

    def entries(self) -> list[dict[str, Any]]:
        """The kept requests, oldest first (see the module docstring for an entry's keys)."""
        with self._lock:
            received = list(self._received)
        return [request.as_dict() for request in received]

    def clear(self) -> None:
        """Forget every kept request."""
        with self._lock:
            self._received.clear()


def control_list(app: CachetApp, body: dict[str, Any]) -> tuple[int, Any]:
    """GET /_emulator/requests: the kept requests, oldest first."""
    return 200, app.request_log.entries()


def control_clear(app: CachetApp, body: dict[str, Any]) -> tuple[int, Any]:
    """DELETE /_emulator/requests: forget every kept request."""
    app.request_log.clear()
    return 204, None
