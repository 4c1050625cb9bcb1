"""The Cachet 3 API as an ASGI application, on the same server, store and control API.

Every request under `/api` goes through Cachet 3's middleware chain in its order (spec 2.2,
3.4): route matching (404/405), ForceJsonResponse (errors are always JSON),
EnsureApiIsEnabled (404), AuthenticateApiIfProtected (401), `auth:sanctum` on write and
subscriber routes (401), the `cachet-api` rate limiter (429), route-model binding (404); the
handler then validates (422) before it checks the token's ability (403).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from cachet_emulator import http_io, php_input
from cachet_emulator.app import CachetApp
from cachet_emulator.errors import ApiError
from cachet_emulator.http_io import HttpRequest, HttpResponse, Scope
from cachet_emulator.schema import Row
from cachet_emulator.settings import Settings
from cachet_emulator.state import EmulatorState
from cachet_emulator.store import Store
from cachet_emulator.v3 import tokens
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.control import ACTIONS
from cachet_emulator.v3.encoding import encode
from cachet_emulator.v3.errors import (
    LaravelError,
    model_not_found,
    not_found,
    server_error,
    unauthenticated,
)
from cachet_emulator.v3.routes import PARAMETERS, ROUTES, SANCTUM, Route, find_route
from cachet_emulator.v3.schema import INDEXES, KEPT_ON_RESET, TABLES

# Core's default CACHET_PATH "/" (spec 2.1); installs with the 2024 app config serve
# "/status/api", which this emulator does not (spec 13.2). The middleware chain is core's
# default `api_middleware`, not the old app config's ['api'].
API_PREFIX = "/api"
logger = logging.getLogger("cachet_emulator")


def v3_store(path: str | None) -> Store:
    """A store with Cachet 3's tables."""
    return Store(path, TABLES, INDEXES, KEPT_ON_RESET)


class State3(EmulatorState):
    """The state of a Cachet 3 emulator: also its rate-limit counts and Sanctum tokens."""

    def __init__(self, store: Store, settings: Settings, token: str) -> None:
        self.hits: dict[str, tuple[float, int]] = {}  # rate limiter: key -> (window end, hits)
        self._token_installed = False
        super().__init__(store, settings, token, ROUTES, ACTIONS)  # type: ignore[arg-type]

    def apply_settings(self, settings: Settings) -> None:
        """Switch to new settings; the start-up token is (re)installed at start only."""
        if not settings.is_3:
            raise ValueError("a Cachet 3 emulator cannot switch to another Cachet version")
        if not self._token_installed:
            with self.store.transaction():
                tokens.install_startup_token(self.store, self.token)
            self._token_installed = True
        self.settings = settings
        self.hits.clear()

    def reset(self) -> None:
        """Empty the data, forget faults, rate-limit counts and the tokens made since start."""
        super().reset()
        self.hits.clear()
        with self.store.transaction():
            tokens.forget_other_tokens(self.store)


class CachetApp3(CachetApp):
    """The Cachet 3 API under /api and the control API under /_emulator."""

    def new_state(self, store: Store, settings: Settings, token: str) -> EmulatorState:
        """A `State3`."""
        return State3(store, settings, token)

    async def outside_api(self, request: HttpRequest, scope: Scope) -> HttpResponse:
        """Every path but the control API's goes through the Cachet 3 API (its 404 for unknown)."""
        return await self._api(request, scope)

    @property
    def _hits(self) -> dict[str, tuple[float, int]]:
        assert isinstance(self.state, State3)
        return self.state.hits

    async def _api(self, request: HttpRequest, scope: Scope) -> HttpResponse:
        try:
            return await self._answer(request, scope)
        except LaravelError as error:
            return error.response()
        except ApiError as error:  # raised by shared helpers (e.g. an unknown timezone)
            message = "Server Error" if error.status >= 500 else ""
            return LaravelError(error.status, message).response()
        except Exception:
            logger.exception("unexpected error in %s %s", request.method, request.path)
            return server_error().response()

    async def _answer(self, request: HttpRequest, scope: Scope) -> HttpResponse:
        if request.method == "OPTIONS":
            return _options(request)
        route, parameters = _match(request)
        query = php_input.parse_query(request.query_string)
        fields = await http_io.input_fields(request, request.method, scope)
        raw_input = _cleaned(php_input.merge(fields, query))
        rate_headers: dict[str, str] = {}
        try:
            with self.store.transaction():
                if not self.settings.api_enabled:
                    raise not_found()
                token = self._token(request)
                if token is None and (self.settings.api_protected or route.auth == SANCTUM):
                    raise unauthenticated()
                rate_headers = self._throttle(scope)
                call = Call(
                    store=self.store,
                    settings=self.settings,
                    method=request.method,
                    url=request.root_url + request.raw_path.rstrip("/"),
                    query=query,
                    input=raw_input,
                    bound=self._bind_scoped(route, parameters),
                    token=token,
                    abilities=frozenset(token["abilities"] or []) if token else frozenset(),
                )
                answer = route.handler(call)
        except LaravelError as error:
            error.headers = {**error.headers, **rate_headers}
            raise
        return _response(answer, rate_headers)

    def _token(self, request: HttpRequest) -> Row | None:
        header = request.headers.get("authorization", "")
        scheme, _, plaintext = header.partition(" ")
        if scheme.lower() != "bearer" or not plaintext.strip():
            return None
        return tokens.find(self.store, plaintext.strip())

    def _throttle(self, scope: Scope) -> dict[str, str]:
        """Count the request against the per-minute limit of its client address.

        Laravel's limiter keeps a 60-second window from a key's first hit. The key is the client
        address, for token callers too: `$request->user()` uses the default guard, which is
        not Sanctum, and throttling runs before the route's own auth middleware (spec 2.2).
        """
        limit = self.settings.api_rate_limit
        if limit <= 0:
            return {}
        client = scope.get("client") or ("unknown", 0)
        now = time.monotonic()
        window_end, hits = self._hits.get(client[0], (now + 60, 0))
        if now >= window_end:
            window_end, hits = now + 60, 0
        if hits >= limit:
            retry_after = max(1, int(window_end - now + 0.999))
            headers = {
                "x-ratelimit-limit": str(limit),
                "x-ratelimit-remaining": "0",
                "retry-after": str(retry_after),
                "x-ratelimit-reset": str(int(time.time()) + retry_after),
            }
            raise LaravelError(429, "Too Many Attempts.", headers=headers)
        self._hits[client[0]] = (window_end, hits + 1)
        return {"x-ratelimit-limit": str(limit), "x-ratelimit-remaining": str(limit - hits - 1)}

    def _bind_scoped(self, route: Route, parameters: dict[str, str]) -> dict[str, Row]:
        """Implicit binding, left to right; a child must belong to its parent (scoped)."""
        bound: dict[str, Row] = {}
        for name, raw_id in parameters.items():
            table, model, scoped_by = PARAMETERS[name]
            row = self.store.find(table, int(raw_id)) if _is_row_id(raw_id) else None
            if row is not None and scoped_by is not None:
                parent_name, type_column, type_value, id_column = scoped_by(route)
                wrong_type = type_column is not None and row[type_column] != type_value
                if wrong_type or row[id_column] != bound[parent_name]["id"]:
                    row = None
            if row is None:
                raise model_not_found(model, raw_id)
            bound[name] = row
        return bound


def _laravel_path(path: str) -> str:
    """`$request->path()`: without the outer slashes, `/` for the root."""
    return path.strip("/") or "/"


def _is_row_id(text: str) -> bool:
    """ASCII digits of a value a BIGINT column can hold; anything else matches no row."""
    return text.isascii() and text.isdigit() and int(text) < 2**63


def _api_segments(path: str) -> list[str] | None:
    """The path below /api as segments, or None outside it."""
    if path != API_PREFIX and not path.startswith(API_PREFIX + "/"):
        return None
    return [part for part in path[len(API_PREFIX) :].split("/") if part != ""]


def _unknown_route(path: str) -> LaravelError:
    return LaravelError(404, f"The route {_laravel_path(path)} could not be found.")


def _match(request: HttpRequest) -> tuple[Route, dict[str, str]]:
    segments = _api_segments(request.path)
    if segments is None:
        raise _unknown_route(request.path)
    found, allowed = find_route(request.method, segments)
    if found is not None:
        return found
    if not allowed:
        raise _unknown_route(request.path)
    supported = ", ".join(allowed)
    raise LaravelError(
        405,
        f"The {request.method} method is not supported for route "
        f"{_laravel_path(request.path)}. Supported methods: {supported}.",
        headers={"allow": supported},
    )


def _options(request: HttpRequest) -> HttpResponse:
    """Laravel answers OPTIONS for any existing path with its methods in `Allow`."""
    segments = _api_segments(request.path)
    allowed = find_route("OPTIONS", segments)[1] if segments is not None else []
    if not allowed:
        raise _unknown_route(request.path)
    return HttpResponse(200, b"", "text/html; charset=UTF-8", {"allow": ",".join(allowed)})


def _cleaned(value: Any) -> Any:
    """Laravel's TrimStrings and ConvertEmptyStringsToNull, through arrays."""
    if isinstance(value, str):
        trimmed = value.strip()
        return trimmed if trimmed else None
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def _response(answer: Answer, headers: dict[str, str]) -> HttpResponse:
    if answer.status == 204 or answer.body is None:
        return HttpResponse(answer.status, b"", None, headers or None)
    return HttpResponse(answer.status, encode(answer.body), answer.content_type, headers or None)
