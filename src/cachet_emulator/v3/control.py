"""The control API of the Cachet 3 mode: the shared actions plus tokens with abilities.

    GET  /_emulator/tokens   the tokens (never their secrets)               -> 200
    POST /_emulator/tokens   {"name": "ci", "abilities": ["incidents.manage"],
                              "expires_at": "2030-01-01 00:00:00"}          -> 201 {"data":
                             {"token": "2|...", "id": 2, "name": ..., "abilities": [...]}}

Cachet creates tokens only in its dashboard; no abilities means `["*"]`, as there. The
incident templates action of Cachet 2 is absent: Cachet 3 has an API for templates.
`GET /_emulator/openapi.json` describes the Cachet 3 API (`v3/openapi.py`).
"""

from __future__ import annotations

import json
from typing import Any

from cachet_emulator import control
from cachet_emulator.errors import validation_failed
from cachet_emulator.http_io import HttpResponse
from cachet_emulator.state import EmulatorState
from cachet_emulator.v3 import openapi, times, tokens
from cachet_emulator.v3.schema import TOKENS


def _openapi(state: EmulatorState, body: dict[str, Any]) -> HttpResponse:
    return HttpResponse(200, json.dumps(openapi.build()).encode())


def _list_tokens(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    with state.store.transaction():
        return 200, [tokens.present(row) for row in state.store.select(TOKENS)]


def _create_token(state: EmulatorState, body: dict[str, Any]) -> tuple[int, Any]:
    name = body.get("name", "token")
    abilities = body.get("abilities", [])
    expires_at = body.get("expires_at")
    problems = []
    if not isinstance(name, str) or not name.strip():
        problems.append("The name must be a non-empty string.")
    allowed = {*tokens.ABILITIES, "*"}
    if not isinstance(abilities, list) or not all(a in allowed for a in abilities):
        problems.append(f"The abilities must be a list of: *, {', '.join(tokens.ABILITIES)}.")
    expires = None
    if expires_at is not None:
        moment = times.parse_date(expires_at, "UTC")
        if moment is None:
            problems.append("The expires_at must be a date.")
        else:
            expires = times.stored(moment)
    if problems:
        raise validation_failed(problems)
    with state.store.transaction():
        plaintext = tokens.create_token(state.store, name, list(abilities), expires)
        row = state.store.find(TOKENS, int(plaintext.split("|")[0]))
    assert row is not None
    return 201, {"token": plaintext, **tokens.present(row)}


ACTIONS: dict[str, dict[str, control.Action]] = {
    **{path: methods for path, methods in control.ACTIONS.items() if path != "/templates"},
    "/tokens": {"GET": _list_tokens, "POST": _create_token},
    "/openapi.json": {"GET": _openapi},
}
