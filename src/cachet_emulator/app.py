"""The Cachet API v1 as an ASGI application: one route table, the request pipeline, errors.

Every request under `/api/v1` goes through the steps of spec 2.2, in order: route matching
(404/405/OPTIONS), model binding of path ids (404), the Accept check (406), the Time-Zone
header, authentication (401), then the resource handler inside one database transaction.
Requests under `/_emulator` go to the control API (`control.py`), every other path to the
status page (`status_page`). How a resource module plugs into this is described in
`cachet_emulator.resources`.
"""

from __future__ import annotations

import hmac
import logging
import sqlite3
from typing import Any, TypeVar

from cachet_emulator import (
    clock,
    control,
    faults,
    http_io,
    php,
    php_input,
    php_json,
    request_log,
)
from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import (
    ApiError,
    bad_request,
    method_not_allowed,
    not_acceptable,
    not_found_model,
    server_error,
    unauthorized,
)
from cachet_emulator.http_io import (
    HttpRequest,
    HttpResponse,
    Receive,
    Scope,
    Send,
    accepts,
    render_error,
)
from cachet_emulator.resources import component_groups as groups
from cachet_emulator.resources import (
    components,
    general,
    incidents,
    incidents_23,
    metrics,
    schedules,
    subscribers,
    subscriptions,
)
from cachet_emulator.resources import incident_templates as templates
from cachet_emulator.resources import incident_updates as updates
from cachet_emulator.resources import metric_points as points
from cachet_emulator.routing import NEVER, ONLY_24, OPTIONAL, PUBLIC, REQUIRED, Route, RouteTable
from cachet_emulator.schema import Row
from cachet_emulator.settings import CACHET_VERSIONS, Settings
from cachet_emulator.state import EmulatorState
from cachet_emulator.status_page import pages as status_page
from cachet_emulator.store import Store, mysql_collation_key
from cachet_emulator.versions import Versioned, until_23

API_PREFIX = "/api/v1"
CONTROL_PREFIX = "/_emulator"
logger = logging.getLogger("cachet_emulator")
T = TypeVar("T")

# 2.3 creates and updates incidents its own way (spec 17.5).
CREATE_INCIDENT = until_23(incidents.create_incident, incidents_23.create_incident)
UPDATE_INCIDENT = until_23(incidents.update_incident, incidents_23.update_incident)

# Appendix B, in Cachet's declaration order: static segments win over parameters.
# (method, path under /api/v1, handler, auth class, Cachet versions that have the route);
# a handler that differs as a whole between versions is `Versioned` (see `versions`).
# fmt: off
ROUTES: tuple[Route, ...] = tuple(Route(*row) for row in (
    ("GET", "ping", general.ping, NEVER),
    ("GET", "version", general.version, NEVER),
    ("GET", "status", general.status, NEVER),
    ("GET", "components", components.list_components, PUBLIC),
    ("GET", "components/groups", groups.list_groups, PUBLIC),
    ("GET", "components/groups/{component_group}", groups.show_group, PUBLIC),
    ("GET", "components/{component}", components.show_component, PUBLIC),
    ("GET", "incidents", incidents.list_incidents, PUBLIC),
    ("GET", "incidents/templates", templates.list_templates, PUBLIC, ONLY_24),
    ("GET", "incidents/templates/{incident_template}", templates.show_template, PUBLIC, ONLY_24),
    ("GET", "incidents/{incident}", incidents.show_incident, PUBLIC),
    ("GET", "incidents/{incident}/updates", updates.list_updates, PUBLIC, ONLY_24),
    ("GET", "incidents/{incident}/updates/{update}", updates.show_update, PUBLIC, ONLY_24),
    ("GET", "metrics", metrics.list_metrics, PUBLIC),
    ("GET", "metrics/{metric}", metrics.show_metric, PUBLIC),
    ("GET", "metrics/{metric}/points", points.list_points, PUBLIC),
    ("GET", "schedules", schedules.list_schedules, PUBLIC, ONLY_24),
    ("GET", "schedules/{schedule}", schedules.show_schedule, PUBLIC, ONLY_24),
    ("GET", "subscribers", subscribers.list_subscribers, REQUIRED),
    ("POST", "components", components.create_component, REQUIRED),
    ("POST", "components/groups", groups.create_group, REQUIRED),
    ("POST", "incidents", CREATE_INCIDENT, REQUIRED),
    ("POST", "incidents/{incident}/updates", updates.create_update, REQUIRED, ONLY_24),
    ("POST", "metrics", metrics.create_metric, REQUIRED),
    ("POST", "metrics/{metric}/points", points.create_point, REQUIRED),
    ("POST", "schedules", schedules.create_schedule, REQUIRED, ONLY_24),
    ("POST", "subscribers", subscribers.create_subscriber, REQUIRED),
    ("PUT", "components/groups/{component_group}", groups.update_group, REQUIRED),
    ("PUT", "components/{component}", components.update_component, REQUIRED),
    ("PUT", "incidents/{incident}", UPDATE_INCIDENT, REQUIRED),
    ("PUT", "incidents/{incident}/updates/{update}", updates.update_update, REQUIRED, ONLY_24),
    ("PUT", "metrics/{metric}", metrics.update_metric, REQUIRED),
    ("PUT", "metrics/{metric}/points/{metric_point}", points.update_point, REQUIRED),
    ("PUT", "schedules/{schedule}", schedules.update_schedule, REQUIRED, ONLY_24),
    ("DELETE", "components/groups/{component_group}", groups.delete_group, REQUIRED),
    ("DELETE", "components/{component}", components.delete_component, REQUIRED),
    ("DELETE", "incidents/{incident}", incidents.delete_incident, REQUIRED),
    ("DELETE", "incidents/{incident}/updates/{update}", updates.delete_update, REQUIRED, ONLY_24),
    ("DELETE", "metrics/{metric}", metrics.delete_metric, REQUIRED),
    ("DELETE", "metrics/{metric}/points/{metric_point}", points.delete_point, REQUIRED),
    ("DELETE", "schedules/{schedule}", schedules.delete_schedule, REQUIRED, ONLY_24),
    ("DELETE", "subscribers/{subscriber}", subscribers.delete_subscriber, REQUIRED),
    ("DELETE", "subscriptions/{subscription}", subscriptions.delete_subscription, REQUIRED),
))
# fmt: on

# Path parameter -> (table, Cachet model class named in the 404 message).
PARAMETER_MODELS: dict[str, tuple[str, str]] = {
    "component": ("components", "Component"),
    "component_group": ("component_groups", "ComponentGroup"),
    "incident": ("incidents", "Incident"),
    "incident_template": ("incident_templates", "IncidentTemplate"),
    "update": ("incident_updates", "IncidentUpdate"),
    "metric": ("metrics", "Metric"),
    "metric_point": ("metric_points", "MetricPoint"),
    "schedule": ("schedules", "Schedule"),
    "subscriber": ("subscribers", "Subscriber"),
    "subscription": ("subscriptions", "Subscription"),
}

_ROUTE_TABLES = {version: RouteTable(ROUTES, version) for version in CACHET_VERSIONS}

NAMES_THE_MODEL_NOT_FOUND = until_23(True, False)
"""Whether a 404 of an unknown path id names the model (2.3's message does not)."""
HAS_ALWAYS_AUTHENTICATE = until_23(True, False)
"""Whether the `always_authenticate` setting exists (2.3 has no such setting)."""
CORS_ON_EVERY_ROUTE = until_23(False, True)
"""Whether every route answers cross-origin requests with CORS headers (2.4: public ones)."""


class CachetApp:
    """The ASGI application: the API under /api/v1 and the control API under /_emulator."""

    def __init__(self, store: Store, settings: Settings, token: str) -> None:
        self.state = self.new_state(store, settings, token)
        """What the control API and the faults work on (settings change through it)."""
        self.store = store
        # (users_version they were read at, (user id, collation key of the api_key) by id)
        self._user_keys: tuple[tuple[int, int], tuple[tuple[int, bytes], ...]] = ((-1, -1), ())
        self.state.apply_settings(settings)

    @property
    def settings(self) -> Settings:
        """The live settings."""
        return self.state.settings

    @property
    def faults(self) -> faults.Faults:
        """Faults on demand (`cachet_emulator.faults`)."""
        return self.state.faults

    async def outside_api(self, request: HttpRequest, scope: Scope) -> HttpResponse:
        """A path outside the API and the control API: Cachet 2's status page."""
        return status_page.respond(self.store, self.settings, request)

    def new_state(self, store: Store, settings: Settings, token: str) -> EmulatorState:
        """The state this API works on (Cachet 3 keeps more of it)."""
        return EmulatorState(store, settings, token, ROUTES, control.ACTIONS)

    @property
    def request_log(self) -> request_log.RequestLog:
        """What clients sent (`cachet_emulator.request_log`)."""
        return self.state.request_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = await http_io.read_request(scope, receive)
        path = request.path
        fault = None
        if not _is_control(path):
            self.request_log.record(request)
            fault = self.faults.take(request.method, path)
        if fault is None:
            response = await self.respond(request, scope)
        else:
            response = await faults.answer(fault, lambda: self.respond(request, scope), send)
        await http_io.send_response(send, request, response)

    async def respond(self, request: HttpRequest, scope: Scope) -> HttpResponse:
        """Answer one request (never raises)."""
        try:
            if _is_control(request.path):
                return control.handle(self.state, request)
            if request.path != API_PREFIX and not request.path.startswith(API_PREFIX + "/"):
                return await self.outside_api(request, scope)
            return await self._api(request, scope)
        except ApiError as error:
            return render_error(error, request)
        except Exception:
            logger.exception("unexpected error in %s %s", request.method, request.path)
            return render_error(server_error(), request)

    async def _api(self, request: HttpRequest, scope: Scope) -> HttpResponse:
        segments = _api_segments(request.path)
        table = _ROUTE_TABLES[self.settings.cachet_version]
        query = php_input.parse_query(request.query_string)
        fields = await http_io.input_fields(request, request.method, scope)
        raw_input = php_input.merge(fields, query)
        method = _effective_method(request, raw_input)
        found = table.find(method, segments) if segments is not None else None
        if found is None:
            return self._unmatched(request, table, method, segments)
        route, parameters = found
        with self.store.transaction():
            bound = self._bind(parameters)
            if not accepts(request, "application/json"):
                raise not_acceptable()
            user_id = self._authenticate(request, route)
            call = ApiCall(
                store=self.store,
                settings=self.settings,
                method=method,
                raw_input=raw_input,
                query=query,
                bound=bound,
                user_id=user_id,
                zone_name=request.headers.get("time-zone") or self.settings.timezone,
                root_url=request.root_url,
                path=request.raw_path.rstrip("/"),
            )
            try:
                reply = route.handler_for(self.settings.cachet_version)(call)
            except sqlite3.IntegrityError:
                raise bad_request() from None
            except clock.InvalidTimeZone:
                # Cachet formats dates after its command committed: the write stays. Handlers
                # parse input dates before writing, so nothing half-done is committed here.
                self.store.connection.commit()
                raise
        response = _reply_response(reply)
        if self._cors(request, route.auth == PUBLIC):
            response.headers = {**(response.headers or {}), **_CORS_HEADERS}
        return response

    def _unmatched(
        self, request: HttpRequest, table: RouteTable, method: str, segments: list[str] | None
    ) -> HttpResponse:
        allowed = table.allowed(method, segments) if segments is not None else []
        if not allowed:
            raise ApiError(404)
        if method == "OPTIONS":
            headers = {"allow": ",".join(allowed)}
            if self._cors(request, True):
                headers.update(_CORS_HEADERS)
            return HttpResponse(200, b"", "text/html; charset=UTF-8", headers)
        raise method_not_allowed(allowed)

    def _bind(self, parameters: dict[str, str]) -> dict[str, Row]:
        """Look up each path id, left to right, like Laravel's implicit model binding."""
        bound: dict[str, Row] = {}
        for name, raw_id in parameters.items():
            table, model = PARAMETER_MODELS[name]
            row = self.store.find(table, php.mysql_number(raw_id))
            if row is None:
                raise not_found_model(model if self._pick(NAMES_THE_MODEL_NOT_FOUND) else None)
            bound[name] = row
        return bound

    def _authenticate(self, request: HttpRequest, route: Route) -> int | None:
        """The user id of a valid token; 401 where the route (or the setting) needs one."""
        token = request.headers.get("x-cachet-token", "")
        user_id = self.user_for_token(token) if token else None
        required = route.auth == REQUIRED or (
            route.auth in (OPTIONAL, PUBLIC)
            and self.settings.always_authenticate
            and self._pick(HAS_ALWAYS_AUTHENTICATE)
        )
        if required and user_id is None:
            raise unauthorized()
        return user_id

    def user_for_token(self, token: str) -> int | None:
        """The user whose api_key equals `token` under MySQL's case-insensitive collation.

        Every key is compared, in constant time, so answer times do not reveal a key.
        """
        wanted = mysql_collation_key(token).encode()
        found = None
        for user_id, key in self._api_keys():
            if hmac.compare_digest(key, wanted) and found is None:
                found = user_id
        return found

    def _api_keys(self) -> tuple[tuple[int, bytes], ...]:
        """Each user's id and api_key collation key, read again only after users changed."""
        version = self.store.users_version
        if version != self._user_keys[0]:
            keys = tuple(
                (int(row["id"]), mysql_collation_key(str(row["api_key"])).encode())
                for row in self.store.select("users")
            )
            self._user_keys = (version, keys)
        return self._user_keys[1]

    def _cors(self, request: HttpRequest, route_cors: bool) -> bool:
        origin = request.headers.get("origin")
        if not origin or origin == request.root_url:
            return False
        return route_cors or self._pick(CORS_ON_EVERY_ROUTE)

    def _pick(self, versioned: Versioned[T]) -> T:
        """What the emulated Cachet version does where versions differ (see `versions`)."""
        return versioned.for_version(self.settings.cachet_version)


_CORS_HEADERS = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "X-Cachet-Token",
}


def _is_control(path: str) -> bool:
    """Whether a request is for the control API (which is never faulted)."""
    return path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/")


def _api_segments(path: str) -> list[str] | None:
    """The path below /api/v1 as segments (trailing slash ignored), or None outside it."""
    if path != API_PREFIX and not path.startswith(API_PREFIX + "/"):
        return None
    rest = path[len(API_PREFIX) :].strip("/")
    return rest.split("/") if rest else None


def _effective_method(request: HttpRequest, fields: dict[str, Any]) -> str:
    """The method, with Laravel's POST tunnelling (X-HTTP-Method-Override or `_method`)."""
    if request.method == "POST":
        override = request.headers.get("x-http-method-override") or fields.get("_method")
        if isinstance(override, str) and override:
            return override.upper()
    return request.method


def _reply_response(reply: Reply) -> HttpResponse:
    if reply.status == 204 or reply.body is None:
        return HttpResponse(reply.status, b"", None, reply.headers or None)
    return HttpResponse(reply.status, php_json.encode(reply.body), headers=reply.headers or None)
