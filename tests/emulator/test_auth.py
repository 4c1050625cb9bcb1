"""Authentication on every route (spec section 3, Appendix B)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from cachet_emulator.app import ROUTES
from cachet_emulator.routing import NEVER, REQUIRED, Route
from tests.emulator.api import Api, errors_of, insert_row

_ROWS: dict[str, dict[str, Any]] = {
    "components": {"name": "C"},
    "component_groups": {"name": "G"},
    "incidents": {"name": "I", "status": 1, "message": "m"},
    "incident_updates": {"incident_id": 1, "status": 1, "message": "m"},
    "incident_templates": {"name": "T", "slug": "t", "template": "x"},
    "metrics": {"name": "M", "suffix": "s", "description": "d", "default_value": 0},
    "metric_points": {"metric_id": 1, "value": 1},
    "schedules": {"name": "S", "status": 0},
    "subscribers": {"email": "a@example.com", "verify_code": "x"},
    "subscriptions": {"subscriber_id": 1, "component_id": 1},
}


def _seed_one_of_each(api: Api) -> None:
    now = "2020-01-01 00:00:00"
    with api.emulator.store.transaction():
        for table, values in _ROWS.items():
            api.emulator.store.insert(table, {**values, "created_at": now, "updated_at": now})


def _path(route: Route) -> str:
    return re.sub(r"\{\w+\}", "1", route.path)


def _ids(route: Route) -> str:
    return f"{route.method} {route.path}"


REQUIRED_ROUTES = [route for route in ROUTES if route.auth == REQUIRED]
GUEST_ROUTES = [route for route in ROUTES if route.auth != REQUIRED]


def test_appendix_b_has_43_routes() -> None:
    assert len(ROUTES) == 43
    assert len({(route.method, route.path) for route in ROUTES}) == 43


@pytest.mark.parametrize("route", REQUIRED_ROUTES, ids=_ids)
def test_write_routes_need_a_token(api: Api, route: Route) -> None:
    _seed_one_of_each(api)
    for token in (None, "wrong-token", ""):
        response = api.request(route.method, _path(route), token=token, json={})
        assert response.status_code == 401, (token, response.text)
        assert errors_of(response)["detail"] == (
            "Authentication is required and has failed or has not yet been provided."
        )


@pytest.mark.parametrize("route", GUEST_ROUTES, ids=_ids)
def test_read_routes_need_a_token_only_with_always_authenticate(api: Api, route: Route) -> None:
    _seed_one_of_each(api)
    api.emulator.configure(always_authenticate=True)
    response = api.request(route.method, _path(route), token=None)
    assert response.status_code == (200 if route.auth == NEVER else 401)


def test_extra_api_keys_match_case_insensitively(api: Api) -> None:
    api.emulator.configure(api_keys=["other"])
    assert api.post("components", json={"name": "A"}, token="OTHER").status_code == 200


def test_a_removed_api_key_stops_working_at_once(api: Api) -> None:
    api.emulator.configure(api_keys=["other"])
    assert api.post("components", json={"name": "A"}, token="other").status_code == 200
    api.emulator.configure(api_keys=[])
    assert api.post("components", json={"name": "B"}, token="other").status_code == 401


def test_a_user_written_to_the_database_is_known_at_once(api: Api) -> None:
    assert api.post("components", json={"name": "A"}, token="Fresh").status_code == 401
    insert_row(api, "users", username="u", email="u@example.com", api_key="fresh")
    assert api.post("components", json={"name": "A"}, token="Fresh").status_code == 200


def test_a_user_rolled_back_is_not_known(api: Api) -> None:
    store = api.emulator.store
    with pytest.raises(RuntimeError), store.transaction():
        values = {"username": "u", "email": "u@example.com", "api_key": "gone"}
        store.insert("users", {**values, "created_at": "", "updated_at": ""})
        assert api.emulator.app.user_for_token("gone") is not None
        raise RuntimeError("abandon the transaction")
    assert api.post("components", json={"name": "A"}, token="gone").status_code == 401
