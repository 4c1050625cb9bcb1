"""Fuzzing the Cachet 3 mode from its own OpenAPI document with schemathesis.

Every operation gets generated valid and invalid input. The emulator must answer only the
statuses its document lists (a 500 only where Cachet gives one), bodies in the documented
envelopes and media types, and never crash: no unexpected exception may reach its log.
`make test` runs a few cases per operation, `make reliability` many.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, settings

from cachet_emulator.server import CachetEmulator
from cachet_emulator.v3 import openapi
from cachet_emulator.v3.routes import ROUTES
from tests.fuzzing import Fuzzed, call_and_check, schemas, seeded_emulator

DOCUMENT = openapi.build()
QUICK_SCHEMA, FULL_SCHEMA = schemas(DOCUMENT)
SEEDS: list[tuple[str, dict[str, Any]]] = [
    ("component-groups", {"name": "Web", "visible": True}),
    ("components", {"name": "API", "status": 1, "component_group_id": 1}),
    ("incident-templates", {"name": "Down", "template": "{{ incident.name }} is down"}),
    ("incidents", {"name": "Down", "message": "m", "status": 1, "visible": True}),
    ("incidents/1/updates", {"status": 2, "message": "found"}),
    ("metrics", {"name": "Hits", "suffix": "h"}),
    ("metrics/1/points", {"value": 3}),
    ("schedules", {"name": "Work", "message": "m", "scheduled_at": "2030-01-01 10:00"}),
    ("schedules/1/updates", {"message": "started"}),
    ("subscribers", {"email": "a@example.com"}),
]


def _bearer(emulator: CachetEmulator) -> dict[str, str]:
    return {"Authorization": f"Bearer {emulator.token}"}


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[Fuzzed]:
    """A Cachet 3 emulator where every resource has a row 1 (two updates), and a collector."""

    def start() -> CachetEmulator:
        return CachetEmulator(cachet_version="3")

    with seeded_emulator(start, _bearer, SEEDS, created=201) as running:
        yield running


def _call_and_check(case: Any, fuzzed: Fuzzed) -> None:
    call_and_check(case, fuzzed, _bearer(fuzzed[0]))


@QUICK_SCHEMA.parametrize()
@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_get_documented_answers(case: Any, fuzzed: Fuzzed) -> None:
    _call_and_check(case, fuzzed)


@pytest.mark.slow
@FULL_SCHEMA.parametrize()
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_get_documented_answers_long(case: Any, fuzzed: Fuzzed) -> None:
    _call_and_check(case, fuzzed)


def test_the_document_lists_every_route_and_method(cachet_emulator_v3: CachetEmulator) -> None:
    url = cachet_emulator_v3.url + "/_emulator/openapi.json"
    assert requests.get(url, timeout=5).status_code == 401
    served = requests.get(url, headers={"X-Cachet-Token": cachet_emulator_v3.token}, timeout=5)
    operations = {
        (method.upper(), path)
        for path, methods in served.json()["paths"].items()
        for method in methods
    }
    expected = {(method, "/" + route.path) for route in ROUTES for method in route.methods}
    assert operations == expected
    assert (len(ROUTES), len(operations)) == (52, 61)
