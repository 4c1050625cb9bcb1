"""Fuzzing the emulator from its own OpenAPI document with schemathesis.

Every operation gets generated valid and invalid input (positive and negative modes). The
emulator must answer only statuses its document lists (a 500 only where real Cachet gives one,
spec section 18), bodies in the documented envelopes, and never crash: no unexpected exception
may reach its log. `make test` runs a few cases per operation, `make reliability` many.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, settings

from cachet_emulator import openapi
from cachet_emulator.app import ROUTES
from cachet_emulator.server import CachetEmulator
from tests.fuzzing import Fuzzed, call_and_check, schemas, seeded_emulator

DOCUMENT = openapi.build(ROUTES)
QUICK_SCHEMA, FULL_SCHEMA = schemas(DOCUMENT)
SEEDS: list[tuple[str, dict[str, Any]]] = [
    ("components", {"name": "API", "status": 1}),
    ("components/groups", {"name": "Web"}),
    ("incidents", {"name": "Down", "message": "m", "status": 1}),
    ("incidents/1/updates", {"status": 2, "message": "found"}),
    ("metrics", {"name": "Hits", "suffix": "h", "description": "", "default_value": 0}),
    ("metrics/1/points", {"value": 3}),
    ("schedules", {"name": "Work", "status": 0, "scheduled_at": "2030-01-01 10:00"}),
    ("subscribers", {"email": "a@example.com"}),
]


def _token(emulator: CachetEmulator) -> dict[str, str]:
    return {"X-Cachet-Token": emulator.token}


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[Fuzzed]:
    """An emulator with a component, a group, an incident with an update, a metric with a
    point, a schedule and a subscriber (so that ids 1 exist), and a crash collector."""
    with seeded_emulator(CachetEmulator, _token, SEEDS, created=200) as running:
        yield running


def _call_and_check(case: Any, fuzzed: Fuzzed) -> None:
    call_and_check(case, fuzzed, _token(fuzzed[0]))


@QUICK_SCHEMA.parametrize()
@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_get_documented_answers(case: Any, fuzzed: Fuzzed) -> None:
    _call_and_check(case, fuzzed)


@pytest.mark.slow
@FULL_SCHEMA.parametrize()
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_get_documented_answers_long(case: Any, fuzzed: Fuzzed) -> None:
    _call_and_check(case, fuzzed)


def test_openapi_document_is_served_with_the_token(cachet_emulator: CachetEmulator) -> None:
    url = cachet_emulator.url + "/_emulator/openapi.json"
    assert requests.get(url, timeout=5).status_code == 401
    document = requests.get(url, headers={"X-Cachet-Token": cachet_emulator.token}, timeout=5)
    assert document.json()["openapi"].startswith("3.")
    served = {
        (method.upper(), path)
        for path, operations in document.json()["paths"].items()
        for method in operations
    }
    assert served == {(route.method, "/" + route.path) for route in ROUTES}


def test_openapi_document_of_cachet_23_lists_only_its_routes(
    cachet_emulator: CachetEmulator,
) -> None:
    cachet_emulator.configure(cachet_version="2.3")
    document = requests.get(
        cachet_emulator.url + "/_emulator/openapi.json",
        headers={"X-Cachet-Token": cachet_emulator.token},
        timeout=5,
    ).json()
    assert "/schedules" not in document["paths"]
    assert "/components" in document["paths"]
