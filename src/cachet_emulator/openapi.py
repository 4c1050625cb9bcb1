"""An OpenAPI 3.1 description of the Cachet API v1 as the emulator implements it.

Built from the route table (`app.ROUTES`), so it lists exactly the routes served. Request
bodies describe what Cachet validates (spec sections 6-15); responses describe the envelopes
of spec 2.9 and the error body of 4.1. A 500 is listed only on the operations where real
Cachet answers 500 for some input (spec section 18), with the triggers in its description.
Served at `GET /_emulator/openapi.json`; Cachet itself publishes no such document.
"""

from __future__ import annotations

from typing import Any

from cachet_emulator.routing import NEVER, REQUIRED, Route

Schema = dict[str, Any]

INTEGER: Schema = {"type": "integer"}
NUMBER: Schema = {"type": "number"}
STRING: Schema = {"type": "string"}
BOOLEAN: Schema = {"type": "boolean"}
OBJECT: Schema = {"type": "object"}
ARRAY: Schema = {"type": "array", "items": INTEGER}
DATE_MINUTE: Schema = {"type": "string", "pattern": r"^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}$"}


def ranged(low: int, high: int) -> Schema:
    """An integer between low and high."""
    return {"type": "integer", "minimum": low, "maximum": high}


# Request bodies per handler: fields and the ones Cachet requires (spec 6.5 ... 14.4).
# fmt: off
_COMPONENT = {"name": STRING, "description": STRING, "status": ranged(0, 4), "link": STRING,
              "order": INTEGER, "group_id": INTEGER, "enabled": BOOLEAN, "meta": OBJECT,
              "tags": STRING}
_GROUP = {"name": STRING, "order": INTEGER, "collapsed": ranged(0, 4), "visible": ranged(0, 1)}
_INCIDENT = {"name": STRING, "status": ranged(0, 4), "message": STRING, "visible": BOOLEAN,
             "component_id": INTEGER, "component_status": ranged(0, 4), "notify": BOOLEAN,
             "stickied": BOOLEAN, "occurred_at": DATE_MINUTE, "template": STRING,
             "vars": OBJECT}
_UPDATE = {"status": ranged(1, 4), "message": STRING}
_METRIC = {"name": STRING, "suffix": STRING, "description": STRING, "default_value": INTEGER,
           "calc_type": ranged(0, 1), "display_chart": ranged(0, 1), "places": ranged(0, 4),
           "default_view": ranged(0, 3), "threshold": {"type": "integer", "enum": [1, 5, 10, 60]},
           "order": INTEGER, "visible": ranged(0, 2)}
_SCHEDULE = {"name": STRING, "message": STRING, "status": ranged(0, 2),
             "scheduled_at": DATE_MINUTE, "completed_at": DATE_MINUTE, "components": ARRAY}
BODIES: dict[str, tuple[Schema, tuple[str, ...]]] = {
    "create_component": (_COMPONENT, ("name", "status")),
    "update_component": (_COMPONENT, ()),
    "create_group": (_GROUP, ("name",)),
    "update_group": (_GROUP, ()),
    "create_incident": ({**_INCIDENT, "meta": OBJECT}, ("name", "status", "message")),
    "update_incident": (_INCIDENT, ()),
    "create_update": ({**_UPDATE, "component_id": INTEGER, "component_status": ranged(0, 4)},
                      ("status", "message")),
    "update_update": (_UPDATE, ()),
    "create_metric": (_METRIC, ("name", "suffix", "description", "default_value")),
    "update_metric": (_METRIC, ()),
    "create_point": ({"value": NUMBER, "timestamp": INTEGER}, ("value",)),
    "update_point": ({"value": NUMBER, "timestamp": {"type": "string", "pattern": r"^\d{1,10}$"}},
                     ("value",)),
    "create_schedule": ({**_SCHEDULE, "notify": BOOLEAN}, ("name", "status", "scheduled_at")),
    "update_schedule": (_SCHEDULE, ()),
    "create_subscriber": ({"email": {"type": "string", "format": "email"}, "verify": BOOLEAN,
                           "components": ARRAY}, ("email",)),
}

# Lists and their filters (spec 2.10-2.12).
SORTABLE: dict[str, tuple[str, ...]] = {
    "list_components": ("id", "name", "status", "order", "group_id", "enabled"),
    "list_groups": ("id", "name", "order", "collapsed", "visible"),
    "list_incidents": ("id", "user_id", "name", "status", "visible", "stickied", "message",
                       "occurred_at"),
    "list_updates": ("id", "status", "user_id"),
    "list_metrics": ("id", "name", "display_chart", "default_value", "calc_type", "order",
                     "visible"),
    "list_schedules": ("id", "name", "status", "scheduled_at", "completed_at", "created_at",
                       "updated_at"),
}
SEARCHABLE: dict[str, dict[str, Schema]] = {
    "list_components": {"name": STRING, "status": INTEGER, "group_id": INTEGER,
                        "enabled": ranged(0, 1)},
    "list_groups": {"name": STRING, "collapsed": INTEGER, "visible": ranged(0, 1)},
    "list_incidents": {"name": STRING, "status": INTEGER, "component_id": INTEGER,
                       "visible": ranged(0, 1), "stickied": ranged(0, 1)},
}

# Where real Cachet answers 500 for some input (spec section 18 and the sections cited).
KNOWN_500: dict[str, str] = {
    "list": "a non-numeric `per_page` (2.10)",
    "list_components": "filter keys that are not columns, array values, `tags` with a filter "
                       "(2.12)",
    "list_groups": "filter keys that are not columns, array values (2.12)",
    "list_incidents": "filter keys that are not columns, array values (2.12)",
    "list_templates": "any `sort` (2.11)",
    "create_incident": "`occurred_at` not `Y-m-d H:i`, `vars`/`meta` null or scalar (8.4)",
    "update_incident": "`occurred_at` not `Y-m-d H:i`, `vars` null (8.5)",
    "update_component": "`tags` sent as an array (6.6)",
    "create_metric": "`threshold: 0` (11.4)",
    "update_metric": "`threshold: 0` (11.5)",
    "update_point": "a non-numeric `timestamp` string (12.5)",
    "update_schedule": "dates not `Y-m-d H:i`, `components: null` (13.5)",
    "create_subscriber": "a non-array `components` (14.4)",
    "version": "the latest-release lookup failing (5.2)",
}
# fmt: on

_ERROR_BODY: Schema = {
    "type": "object",
    "required": ["errors"],
    "properties": {
        "errors": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "status", "title", "detail"],
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "status": INTEGER,
                    "title": STRING,
                    "detail": STRING,
                    "meta": {"type": "object", "properties": {"details": {"type": "array"}}},
                },
            },
        }
    },
}
_ITEM: Schema = {"type": "object", "required": ["id"], "properties": {"id": INTEGER}}
_PAGINATION_KEYS = ("total", "count", "per_page", "current_page", "total_pages")
_LIST_BODY: Schema = {
    "type": "object",
    "required": ["meta", "data"],
    "properties": {
        "meta": {
            "type": "object",
            "required": ["pagination"],
            "properties": {
                "pagination": {
                    "type": "object",
                    "required": [*_PAGINATION_KEYS, "links"],
                    "properties": {
                        **{key: INTEGER for key in _PAGINATION_KEYS},
                        "links": {
                            "type": "object",
                            "required": ["next_page", "previous_page"],
                            "properties": {
                                "next_page": {"type": ["string", "null"]},
                                "previous_page": {"type": ["string", "null"]},
                            },
                        },
                    },
                }
            },
        },
        "data": {"type": "array", "items": _ITEM},
    },
}
_SPECIAL_DATA: dict[str, Schema] = {
    "ping": {"type": "object", "required": ["data"], "properties": {"data": {"const": "Pong!"}}},
    "version": {"type": "object", "required": ["meta", "data"], "properties": {"data": STRING}},
    "status": {
        "type": "object",
        "required": ["data"],
        "properties": {
            "data": {"type": "object", "required": ["status", "message"]},
        },
    },
}


_ERROR_REF: Schema = {"$ref": "#/components/schemas/Error"}


def _json(schema: Schema, description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _success(route: Route) -> tuple[str, Schema]:
    name = route.name
    if route.method == "DELETE":
        return "204", {"description": "Deleted (empty body)"}
    if name in _SPECIAL_DATA:
        return "200", _json(_SPECIAL_DATA[name], "OK")
    if name.startswith("list_"):
        return "200", _json({"$ref": "#/components/schemas/List"}, "A page of items")
    body = {"type": "object", "required": ["data"], "properties": {"data": _ITEM}}
    return "200", _json(body, "One item")


def _parameters(route: Route) -> list[Schema]:
    name = route.name
    parameters: list[Schema] = [
        {"name": segment[1:-1], "in": "path", "required": True, "schema": INTEGER}
        for segment in route.segments
        if segment.startswith("{")
    ]
    if name.startswith("list_"):
        parameters += [
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
        ]
    if name in SORTABLE:
        parameters += [
            {"name": "sort", "in": "query", "schema": {"enum": list(SORTABLE[name])}},
            {"name": "order", "in": "query", "schema": {"enum": ["asc", "desc"]}},
        ]
    parameters += [
        {"name": key, "in": "query", "schema": schema}
        for key, schema in SEARCHABLE.get(name, {}).items()
    ]
    return parameters


def _operation(route: Route) -> Schema:
    name = route.name
    status, success = _success(route)
    error = _json(_ERROR_REF, "Cachet's error body (spec 4.1)")
    responses = {status: success, "404": error, "405": error, "406": error}
    if route.method in ("POST", "PUT"):
        responses["400"] = error
    if route.auth != NEVER:
        responses["401"] = error
    known_500 = [KNOWN_500[key] for key in (name, "list" if name.startswith("list_") else "")
                 if key in KNOWN_500]  # fmt: skip
    if known_500:
        responses["500"] = _json(_ERROR_REF, "Real Cachet fails on: " + "; ".join(known_500))
    operation: Schema = {
        "operationId": name,
        "parameters": _parameters(route),
        "responses": responses,
        "security": [{"token": []}] if route.auth == REQUIRED else [{}, {"token": []}],
    }
    if name in BODIES:
        properties, required = BODIES[name]
        schema = {"type": "object", "properties": properties, "required": list(required)}
        operation["requestBody"] = {
            "required": bool(required),
            "content": {"application/json": {"schema": schema}},
        }
    return operation


def build(routes: tuple[Route, ...], cachet_version: str = "2.4") -> Schema:
    """The OpenAPI document for the routes a Cachet version has."""
    paths: dict[str, Schema] = {}
    for route in routes:
        if cachet_version in route.versions:
            paths.setdefault("/" + route.path, {})[route.method.lower()] = _operation(route)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Cachet API v1 (as emulated)",
            "version": cachet_version,
            "description": "The routes, bodies and answers of Cachet's API as the emulator "
            "serves them. Lists are paginated; errors use one body shape.",
        },
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {
                "token": {"type": "apiKey", "in": "header", "name": "X-Cachet-Token"}
            },
            "schemas": {"Error": _ERROR_BODY, "List": _LIST_BODY},
        },
        "paths": paths,
    }
