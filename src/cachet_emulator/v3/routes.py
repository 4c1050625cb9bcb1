"""The 52 route registrations of core's routes/api.php (spec 9), in Laravel's match order.

Each row: methods, path under /api, handler, auth ("public" or "sanctum"); the route
name follows from the path and verb as in Laravel's resource routes. An update
route answers PUT and PATCH; every GET also answers HEAD. `PARAMETERS` says which table
each path parameter binds to, and how a child is scoped to its parent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cachet_emulator.routing import match_segments
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.resources import component_groups as groups
from cachet_emulator.v3.resources import (
    components,
    general,
    incident_templates,
    incidents,
    metric_points,
    metrics,
    schedules,
    subscribers,
    updates,
)
from cachet_emulator.v3.schema import (
    COMPONENTS,
    GROUPS,
    INCIDENTS,
    METRICS,
    POINTS,
    SCHEDULES,
    SUBSCRIBERS,
    TEMPLATES,
    UPDATES,
)

Handler = Callable[[Call], Answer]
PUBLIC = "public"  # no token needed unless api_protected is on
SANCTUM = "sanctum"  # 401 without a valid token
VERBS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
_UPDATE = ("PUT", "PATCH")


@dataclass(frozen=True)
class Route:
    """One registration: methods, path (with `{parameter}` segments), handler, auth, name."""

    methods: tuple[str, ...]
    path: str
    handler: Handler
    auth: str
    name: str
    segments: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "segments", tuple(self.path.split("/")))

    def match(self, segments: Sequence[str]) -> dict[str, str] | None:
        """The path parameters when `segments` match, else None."""
        return match_segments(self.segments, segments)


# The action of a resource route, as Laravel's resource registrar names it.
_ACTIONS = {"POST": "store", "PUT": "update", "DELETE": "destroy"}


def _resource_name(verb: str, path: str) -> str:
    """`components/{component}` + PUT -> `components.update`; a collection GET is `index`."""
    segments = path.split("/")
    action = _ACTIONS.get(verb) or ("show" if segments[-1].startswith("{") else "index")
    resource = ".".join(segment for segment in segments if not segment.startswith("{"))
    return f"{resource}.{action}"


def _route(
    methods: str | tuple[str, ...], path: str, handler: Handler, auth: str, name: str = ""
) -> Route:
    """A registration; `name` defaults to the resource route name of the path and verb."""
    verbs = (methods,) if isinstance(methods, str) else methods
    return Route(verbs, path, handler, auth, name or _resource_name(verbs[0], path))


# fmt: off
ROUTES: tuple[Route, ...] = (
    _route("GET", "components", components.index, PUBLIC),
    _route("GET", "components/{component}", components.show, PUBLIC),
    _route("GET", "component-groups", groups.index, PUBLIC),
    _route("GET", "component-groups/{component_group}", groups.show, PUBLIC),
    _route("GET", "incidents", incidents.index, PUBLIC),
    _route("GET", "incidents/{incident}", incidents.show, PUBLIC),
    _route("GET", "incident-templates", incident_templates.index, PUBLIC),
    _route("GET", "incident-templates/{incident_template}", incident_templates.show, PUBLIC),
    _route("GET", "metrics", metrics.index, PUBLIC),
    _route("GET", "metrics/{metric}", metrics.show, PUBLIC),
    _route("GET", "schedules", schedules.index, PUBLIC),
    _route("GET", "schedules/{schedule}", schedules.show, PUBLIC),
    _route("GET", "incidents/{incident}/updates", updates.incident_index, PUBLIC),
    _route("GET", "incidents/{incident}/updates/{update}", updates.incident_show, PUBLIC),
    _route("GET", "schedules/{schedule}/updates", updates.schedule_index, PUBLIC),
    _route("GET", "schedules/{schedule}/updates/{update}", updates.schedule_show, PUBLIC),
    _route("GET", "metrics/{metric}/points", metric_points.index, PUBLIC),
    _route("GET", "metrics/{metric}/points/{metricPoint}", metric_points.show, PUBLIC),
    _route("POST", "components", components.store, SANCTUM),
    _route(_UPDATE, "components/{component}", components.update, SANCTUM),
    _route("DELETE", "components/{component}", components.destroy, SANCTUM),
    _route("POST", "component-groups", groups.store, SANCTUM),
    _route(_UPDATE, "component-groups/{component_group}", groups.update, SANCTUM),
    _route("DELETE", "component-groups/{component_group}", groups.destroy, SANCTUM),
    _route("POST", "incidents", incidents.store, SANCTUM),
    _route(_UPDATE, "incidents/{incident}", incidents.update, SANCTUM),
    _route("DELETE", "incidents/{incident}", incidents.destroy, SANCTUM),
    _route("POST", "incident-templates", incident_templates.store, SANCTUM),
    _route(_UPDATE, "incident-templates/{incident_template}", incident_templates.update, SANCTUM),
    _route("DELETE", "incident-templates/{incident_template}", incident_templates.destroy, SANCTUM),
    _route("POST", "metrics", metrics.store, SANCTUM),
    _route(_UPDATE, "metrics/{metric}", metrics.update, SANCTUM),
    _route("DELETE", "metrics/{metric}", metrics.destroy, SANCTUM),
    _route("POST", "schedules", schedules.store, SANCTUM),
    _route(_UPDATE, "schedules/{schedule}", schedules.update, SANCTUM),
    _route("DELETE", "schedules/{schedule}", schedules.destroy, SANCTUM),
    _route("POST", "incidents/{incident}/updates", updates.incident_store, SANCTUM),
    _route(_UPDATE, "incidents/{incident}/updates/{update}", updates.incident_update, SANCTUM),
    _route("DELETE", "incidents/{incident}/updates/{update}", updates.incident_destroy, SANCTUM),
    _route("POST", "schedules/{schedule}/updates", updates.schedule_store, SANCTUM),
    _route(_UPDATE, "schedules/{schedule}/updates/{update}", updates.schedule_update, SANCTUM),
    _route("DELETE", "schedules/{schedule}/updates/{update}", updates.schedule_destroy, SANCTUM),
    _route("POST", "metrics/{metric}/points", metric_points.store, SANCTUM),
    _route("DELETE", "metrics/{metric}/points/{metricPoint}", metric_points.destroy, SANCTUM),
    _route("GET", "subscribers", subscribers.index, SANCTUM),
    _route("POST", "subscribers", subscribers.store, SANCTUM),
    _route("GET", "subscribers/{subscriber}", subscribers.show, SANCTUM),
    _route(_UPDATE, "subscribers/{subscriber}", subscribers.update, SANCTUM),
    _route("DELETE", "subscribers/{subscriber}", subscribers.destroy, SANCTUM),
    _route("GET", "ping", general.ping, PUBLIC, "ping"),
    _route("GET", "version", general.version, PUBLIC, "version"),
    _route("GET", "status", general.status, PUBLIC, "status"),
)
# fmt: on

# (parent parameter, type column, type value, parent id column) of a scoped child binding.
Scope = tuple[str, str | None, str | None, str]


def _update_scope(route: Route) -> Scope:
    parent = "incident" if route.path.startswith("incidents/") else "schedule"
    return parent, "updateable_type", parent, "updateable_id"


def _point_scope(route: Route) -> Scope:
    return "metric", None, None, "metric_id"


# Path parameter -> (table, Cachet model named in the 404 message, scope of a child).
PARAMETERS: dict[str, tuple[str, str, Callable[[Route], Scope] | None]] = {
    "component": (COMPONENTS, "Component", None),
    "component_group": (GROUPS, "ComponentGroup", None),
    "incident": (INCIDENTS, "Incident", None),
    "incident_template": (TEMPLATES, "IncidentTemplate", None),
    "metric": (METRICS, "Metric", None),
    "schedule": (SCHEDULES, "Schedule", None),
    "subscriber": (SUBSCRIBERS, "Subscriber", None),
    "update": (UPDATES, "Update", _update_scope),
    "metricPoint": (POINTS, "MetricPoint", _point_scope),
}


def find_route(
    method: str, segments: Sequence[str]
) -> tuple[tuple[Route, dict[str, str]] | None, list[str]]:
    """The first route of `method` matching the path, else the methods the path has."""
    wanted = "GET" if method == "HEAD" else method
    allowed: set[str] = set()
    for route in ROUTES:
        parameters = route.match(segments)
        if parameters is None:
            continue
        if wanted in route.methods:
            return (route, parameters), []
        allowed.update(route.methods)
    if "GET" in allowed:
        allowed.add("HEAD")
    return None, [verb for verb in VERBS if verb in allowed]
