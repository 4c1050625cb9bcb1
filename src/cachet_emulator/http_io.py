"""HTTP between ASGI and the pipeline: reading requests (spec 2.4), content negotiation
(2.3), rendering errors (4.1) and writing responses (2.13 headers)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl

from cachet_emulator import php_input
from cachet_emulator.errors import ApiError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_BASE_HEADERS = [(b"cache-control", b"no-cache, private")]


@dataclass
class HttpRequest:
    """The parts of an HTTP request the pipeline needs."""

    method: str
    path: str
    raw_path: str
    query_string: str
    headers: dict[str, str]
    body: bytes
    scheme: str

    @property
    def root_url(self) -> str:
        """scheme://host of the request as the client addressed it."""
        return f"{self.scheme}://{self.headers.get('host', 'localhost')}"


@dataclass
class HttpResponse:
    """What goes back on the wire."""

    status: int
    body: bytes = b""
    content_type: str | None = "application/json"
    headers: dict[str, str] | None = None


def accepted_types(request: HttpRequest) -> list[str]:
    """The media types of the Accept header, without parameters."""
    return list(_media_types(request.headers.get("accept", "")))


# Clients send the same few Accept headers over and over.
@lru_cache(maxsize=256)
def _media_types(header: str) -> tuple[str, ...]:
    return tuple(part.split(";")[0].strip().lower() for part in header.split(",") if part.strip())


def accepts(request: HttpRequest, media_type: str) -> bool:
    """Laravel's `$request->accepts()`: absent header, wildcards or the exact type."""
    return _accepts(request.headers.get("accept", ""), media_type)


@lru_cache(maxsize=256)
def _accepts(header: str, media_type: str) -> bool:
    types = _media_types(header)
    if not types:
        return True
    family = media_type.split("/")[0] + "/*"
    return any(kind in ("*/*", "*", family, media_type) for kind in types)


def render_error(error: ApiError, request: HttpRequest) -> HttpResponse:
    """An error in the format the client accepts: JSON, JSON API, else an HTML page."""
    headers = dict(error.headers)
    if accepts(request, "application/json"):
        return HttpResponse(error.status, error.json(), "application/json", headers)
    if accepts(request, "application/vnd.api+json"):
        return HttpResponse(error.status, error.json(), "application/vnd.api+json", headers)
    return HttpResponse(error.status, error.html(), "text/html; charset=UTF-8", headers)


async def input_fields(request: HttpRequest, method: str, scope: Scope) -> dict[str, Any]:
    """The body's fields (spec 2.4); the query string is merged in by the caller."""
    content_type = request.headers.get("content-type", "")
    if php_input.is_json_content_type(content_type):
        return php_input.json_body_fields(request.body)
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded" and method not in ("GET", "HEAD"):
        return php_input.build_php_array(
            parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True)
        )
    if kind == "multipart/form-data" and request.method == "POST":
        return await _multipart_fields(request, scope)
    return {}


async def _multipart_fields(request: HttpRequest, scope: Scope) -> dict[str, Any]:
    """Form fields of a multipart body (files are ignored), parsed by Starlette."""
    from starlette.requests import Request

    body = request.body

    async def replay() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(scope, replay).form()
    except Exception:
        return {}
    pairs = [(key, value) for key, value in form.multi_items() if isinstance(value, str)]
    return php_input.build_php_array(pairs)


async def read_request(scope: Scope, receive: Receive) -> HttpRequest:
    """Collect an ASGI request: method, paths, query string, headers and the whole body."""
    chunks = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    raw_path = scope.get("raw_path") or scope["path"].encode()
    return HttpRequest(
        method=scope["method"].upper(),
        path=scope["path"],
        raw_path=raw_path.decode("latin-1"),
        query_string=scope.get("query_string", b"").decode("utf-8", "replace"),
        headers=headers,
        body=b"".join(chunks),
        scheme=scope.get("scheme", "http"),
    )


async def send_response(send: Send, request: HttpRequest, response: HttpResponse) -> None:
    """Write a response; `Cache-Control: no-cache, private` unless it brings its own."""
    headers = list(_BASE_HEADERS)
    extra = response.headers or {}
    if "cache-control" in extra:
        headers = []
    if response.content_type is not None:
        headers.append((b"content-type", response.content_type.encode()))
    headers.append((b"content-length", str(len(response.body)).encode()))
    headers.extend((key.encode(), value.encode("latin-1")) for key, value in extra.items())
    await send({"type": "http.response.start", "status": response.status, "headers": headers})
    body = b"" if request.method == "HEAD" else response.body
    await send({"type": "http.response.body", "body": body})
