"""Fuzzing the Cachet 3 mode from its own OpenAPI document with schemathesis.

Every operation gets generated valid and invalid input. The emulator must answer only the
statuses its document lists (a 500 only where Cachet gives one), bodies in the documented
envelopes and media types, and never crash: no unexpected exception may reach its log.
`make test` runs a few cases per operation, `make reliability` many.
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

from cachet_emulator.server import CachetEmulator
from cachet_emulator.v3 import openapi
from cachet_emulator.v3.routes import ROUTES

DOCUMENT = openapi.build()
QUICK_SCHEMA = schemathesis.openapi.from_dict(DOCUMENT)
QUICK_SCHEMA.config.phases.update(phases=["fuzzing"])  # no exhaustive coverage phase
FULL_SCHEMA = schemathesis.openapi.from_dict(DOCUMENT)
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
    """A Cachet 3 emulator where every resource has a row 1 (two updates), and a collector."""
    crashes = _Crashes()
    loggers = [logging.getLogger("cachet_emulator"), logging.getLogger("uvicorn.error")]
    for logger in loggers:
        logger.addHandler(crashes)
    with CachetEmulator(cachet_version="3") as emulator:
        _seed(emulator)
        yield emulator, crashes
    print(f"\nfuzzing: {CASES_RUN[0]} generated requests checked")
    for logger in loggers:
        logger.removeHandler(crashes)


def _seed(emulator: CachetEmulator) -> None:
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {emulator.token}"
        for path, body in [
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
        ]:
            response = session.post(f"{emulator.endpoint}/{path}", json=body, timeout=10)
            assert response.status_code == 201, response.text


def _call_and_check(case: Any, fuzzed: tuple[CachetEmulator, _Crashes]) -> None:
    emulator, crashes = fuzzed
    crashes.records.clear()
    CASES_RUN[0] += 1
    headers = {"Authorization": f"Bearer {emulator.token}"}
    response = case.call(base_url=emulator.endpoint, headers=headers)
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
