"""What both fuzz suites share: the schemas, the checks, a crash collector and the seeded emulator.

`tests/reliability/test_fuzz_api.py` fuzzes API v1 and `tests/emulator_v3/test_fuzz.py` the
Cachet 3 mode, each from the OpenAPI document the emulator builds for that mode.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import requests
import schemathesis
from schemathesis import checks

from cachet_emulator.server import CachetEmulator

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiSchema

CHECKS = [
    checks.status_code_conformance,
    checks.response_schema_conformance,
    checks.content_type_conformance,
]


def schemas(document: dict[str, Any]) -> tuple[OpenApiSchema, OpenApiSchema]:
    """The quick schema (`make test`: the fuzzing phase only) and the full one (both phases)."""
    quick = schemathesis.openapi.from_dict(document)
    quick.config.phases.update(phases=["fuzzing"])  # no exhaustive coverage phase
    return quick, schemathesis.openapi.from_dict(document)


class Crashes(logging.Handler):
    """Collects the errors the emulator and its server log (unexpected exceptions)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self.cases_run = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


Fuzzed = tuple[CachetEmulator, Crashes]


@contextmanager
def seeded_emulator(
    start: Callable[[], CachetEmulator],
    auth: Callable[[CachetEmulator], Mapping[str, str]],
    seeds: Sequence[tuple[str, dict[str, Any]]],
    created: int,
) -> Iterator[Fuzzed]:
    """An emulator holding `seeds` (POSTed in order, each answered `created`), and a collector
    of what it logs as errors meanwhile."""
    crashes = Crashes()
    loggers = [logging.getLogger("cachet_emulator"), logging.getLogger("uvicorn.error")]
    for logger in loggers:
        logger.addHandler(crashes)
    try:
        with start() as emulator, requests.Session() as session:
            session.headers.update(auth(emulator))
            for path, body in seeds:
                response = session.post(f"{emulator.endpoint}/{path}", json=body, timeout=10)
                assert response.status_code == created, response.text
            yield emulator, crashes
        print(f"\nfuzzing: {crashes.cases_run} generated requests checked")
    finally:
        for logger in loggers:
            logger.removeHandler(crashes)


def call_and_check(case: Any, fuzzed: Fuzzed, headers: Mapping[str, str]) -> None:
    """Send one generated case; its answer must be documented and nothing may crash."""
    emulator, crashes = fuzzed
    crashes.records.clear()
    crashes.cases_run += 1
    response = case.call(base_url=emulator.endpoint, headers=dict(headers))
    case.validate_response(response, checks=CHECKS)
    assert crashes.records == [], [record.getMessage() for record in crashes.records]
