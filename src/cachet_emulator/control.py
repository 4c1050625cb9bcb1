"""The emulator's control API under /_emulator, guarded by the emulator's token.

    POST /_emulator/reset       empty tables (users stay), faults, requests -> 204
    GET  /_emulator/templates   the incident templates                      -> 200 {"data": [...]}
    POST /_emulator/templates   {"name": ..., "template": ...} creates one  -> 200 {"data": {...}}
    GET  /_emulator/settings    the current settings                        -> 200 {"data": {...}}
    PUT  /_emulator/settings    {"timezone": "Europe/Paris"} changes some   -> 200 {"data": {...}}
    GET  /_emulator/faults      the pending faults                          -> 200 {"data": [...]}
    POST /_emulator/faults      {"kind": ..., ...} adds one (faults.py)     -> 200 {"data": {...}}
    DELETE /_emulator/faults    forget every pending fault                  -> 204
    GET  /_emulator/requests    the requests received (request_log.py)     -> 200 {"data": [...]}
    DELETE /_emulator/requests  forget them                                 -> 204
    GET  /_emulator/openapi.json  the OpenAPI description of the API (openapi.py)

The token goes in `X-Cachet-Token` (compared exactly and in constant time); errors use the
API's error body. Nothing here is part of Cachet. The handlers work on the emulator's
`EmulatorState`, not on the application.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from cachet_emulator import faults, openapi, php_json
from cachet_emulator.errors import ApiError, method_not_allowed, unauthorized, validation_failed
from cachet_emulator.http_io import HttpRequest, HttpResponse
from cachet_emulator.resources import incident_templates
from cachet_emulator.settings import Settings
from cachet_emulator.state import EmulatorState


def handle(state: EmulatorState, request: HttpRequest) -> HttpResponse:
    """Answer one control request."""
    token = request.headers.get("x-cachet-token", "")
    if not hmac.compare_digest(token.encode(), state.token.encode()):
        raise unauthorized()
    action = request.path.rstrip("/")[len("/_emulator") :]
    methods = state.control_actions.get(action)
    if methods is None:
        raise ApiError(404)
    handler = methods.get(request.method)
    if handler is None:
        raise method_not_allowed(sorted(methods))
    result = handler(state, _body(request))
    if isinstance(result, HttpResponse):  # a document of its own, not wrapped in `data`
        return result
    status, data = result
    if status == 204:
        return HttpResponse(204, b"", None)
    return HttpResponse(status, php_json.encode({"data": data}))


def _body(request: HttpRequest) -> dict[str, Any]:
    try:
        decoded = json.loads(request.body) if request.body else {}
    except ValueError:
        raise validation_failed(["The body must be a JSON object."]) from None
    if not isinstance(decoded, dict):
        raise validation_failed(["The body must be a JSON object."])
    return decoded


def _reset(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    state.reset()
    return 204, None


def _list_templates(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    with state.store.transaction():
        rows = state.store.select(incident_templates.TABLE)
    return 200, [incident_templates.present(row) for row in rows]


def _create_template(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    name, template = body.get("name"), body.get("template")
    if not isinstance(name, str) or not name.strip() or not isinstance(template, str):
        raise validation_failed(["A template needs a non-empty string name and a string template."])
    with state.store.transaction():
        row = incident_templates.create_template(state.store, name, template)
    return 200, incident_templates.present(row)


def _openapi(state: EmulatorState, body: dict[str, Any]) -> HttpResponse:
    document = openapi.build(state.routes, state.settings.cachet_version)
    return HttpResponse(200, json.dumps(document).encode())


def _get_settings(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    return 200, state.settings.as_dict()


def _put_settings(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    unknown = sorted(set(body) - set(Settings.names()))
    if unknown:
        raise validation_failed([f"Unknown setting: {name}." for name in unknown])
    mistyped = [name for name, value in body.items() if not _fits(getattr(Settings(), name), value)]
    if mistyped:
        raise validation_failed([f"The setting {name} has the wrong type." for name in mistyped])
    try:
        updated = replace(state.settings, **body)
    except (TypeError, ValueError) as error:
        raise validation_failed([str(error)]) from None
    state.apply_settings(updated)
    return 200, state.settings.as_dict()


def _fits(default: Any, value: Any) -> bool:
    """Whether `value` may replace a setting whose default is `default`.

    Settings that default to None are optional strings; None is accepted everywhere.
    """
    if value is None:
        return True
    if default is None:
        return isinstance(value, str)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, type(default))


def _list_faults(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    return 200, [fault.as_dict() for fault in state.faults.pending()]


def _inject_fault(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    options = dict(body)
    kind = options.pop("kind", None)
    unknown = sorted(set(options) - set(faults.OPTIONS))
    if not isinstance(kind, str) or unknown:
        messages = [f"Unknown fault option: {name}." for name in unknown]
        raise validation_failed(messages or ["The kind field is required."])
    try:
        return 200, state.faults.inject(kind, **options).as_dict()
    except (TypeError, ValueError) as error:
        raise validation_failed([str(error)]) from None


def _forget_faults(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    state.faults.reset()
    return 204, None


def _list_requests(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    return 200, state.request_log.entries()


def _forget_requests(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    state.request_log.clear()
    return 204, None


# A control handler: (status, data) to wrap in `{"data": ...}`, or a finished response.
Action = Callable[[EmulatorState, dict[str, Any]], "tuple[int, Any] | HttpResponse"]
ACTIONS: dict[str, dict[str, Action]] = {
    "/reset": {"POST": _reset},
    "/templates": {"GET": _list_templates, "POST": _create_template},
    "/settings": {"GET": _get_settings, "PUT": _put_settings},
    "/faults": {
        "GET": _list_faults,
        "POST": _inject_fault,
        "DELETE": _forget_faults,
    },
    "/requests": {"GET": _list_requests, "DELETE": _forget_requests},
    "/openapi.json": {"GET": _openapi},
}
