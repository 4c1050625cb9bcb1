"""Fuzzing the emulator from its own OpenAPI document with schemathesis.

Every operation gets generated valid and invalid input (positive and negative modes). The
emulator must answer only statuses its document lists (a 500 only where real Cachet gives one,
spec section 18), bodies in the documented envelopes, and never crash: no unexpected exception
may reach its log. `make test` runs a few cases per operation, `make reliability` many.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from cachet_emulator import openapi
from cachet_emulator.app import ROUTES
from cachet_emulator.server import CachetEmulator

DOCUMENT = openapi.build(ROUTES)
QUICK_SCHEMA = schemathesis.openapi.from_dict(DOCUMENT)
QUICK_SCHEMA.config.phases.update(phases=["fuzzing"])  # no exhaustive coverage phase
FULL_SCHEMA = schemathesis.openapi.from_dict(DOCUMENT)  # coverage and fuzzing phases
CASES_RUN = [0]
CHECKS = [
    checks.status_code_conformance,
    checks.response_schema_conformance,
    checks.content_type_conformance,
]


class _Crashes(logging.Handler):
    """Collects the errors the emulator and its server log (unexpected exceptions)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def fuzzed() -> Iterator[tuple[CachetEmulator, _Crashes]]:
    """An emulator with a component, a group, an incident with an update, a metric with a
    point, a schedule and a subscriber (so that ids 1 exist), and a crash collector."""
    crashes = _Crashes()
    loggers = [logging.getLogger("cachet_emulator"), logging.getLogger("uvicorn.error")]
    for logger in loggers:
        logger.addHandler(crashes)
    with CachetEmulator() as emulator:
        _seed(emulator)
        yield emulator, crashes
    print(f"\nfuzzing: {CASES_RUN[0]} generated requests checked")
    for logger in loggers:
        logger.removeHandler(crashes)


def _seed(emulator: CachetEmulator) -> None:
    with requests.Session() as session:
        session.headers["X-Cachet-Token"] = emulator.token
        for path, body in [
            ("components", {"name": "API", "status": 1}),
            ("components/groups", {"name": "Web"}),
            ("incidents", {"name": "Down", "message": "m", "status": 1}),
            ("incidents/1/updates", {"status": 2, "message": "found"}),
            ("metrics", {"name": "Hits", "suffix": "h", "description": "", "default_value": 0}),
            ("metrics/1/points", {"value": 3}),
            ("schedules", {"name": "Work", "status": 0, "scheduled_at": "2030-01-01 10:00"}),
            ("subscribers", {"email": "a@example.com"}),
        ]:
            response = session.post(f"{emulator.endpoint}/{path}", json=body, timeout=10)
            assert response.status_code == 200, response.text


def _call_and_check(case: Any, fuzzed: tuple[CachetEmulator, _Crashes]) -> None:
    emulator, crashes = fuzzed
    crashes.records.clear()
    CASES_RUN[0] += 1
    response = case.call(base_url=emulator.endpoint, headers={"X-Cachet-Token": emulator.token})
    case.validate_response(response, checks=CHECKS)
    assert crashes.records == [], [record.getMessage() for record in crashes.records]


@QUICK_SCHEMA.parametrize()
@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_get_documented_answers(
    case: Any, fuzzed: tuple[CachetEmulator, _Crashes]
) -> None:
    _call_and_check(case, fuzzed)


@pytest.mark.slow
@FULL_SCHEMA.parametrize()
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_get_documented_answers_long(
    case: Any, fuzzed: tuple[CachetEmulator, _Crashes]
) -> None:
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
