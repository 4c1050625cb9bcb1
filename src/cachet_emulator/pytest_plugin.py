"""pytest plugin: the `cachet_emulator` fixture, an empty Cachet API v1 emulator per test.

    def test_ping(cachet_emulator):
        assert requests.get(cachet_emulator.endpoint + "/ping").json() == {"data": "Pong!"}

One server runs for the whole session and is emptied (data and settings) before each test.
`cachet_emulator_v3` is the same for Cachet 3 (its API at `.endpoint` = `.../api`, `.token`
a bearer token with every ability; no rate limit). Nothing heavy is imported until a test
asks for a fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from cachet_emulator.server import CachetEmulator


@pytest.fixture(scope="session")
def cachet_emulator_session() -> Iterator[CachetEmulator]:
    """The session's emulator (Cachet 2.4, random token); prefer `cachet_emulator`."""
    from cachet_emulator.server import CachetEmulator

    with CachetEmulator() as emulator:
        yield emulator


@pytest.fixture
def cachet_emulator(cachet_emulator_session: CachetEmulator) -> CachetEmulator:
    """A running emulator with no data and default settings (`.endpoint`, `.token`)."""
    from cachet_emulator.settings import Settings

    cachet_emulator_session.reset()
    cachet_emulator_session.configure(**Settings().as_dict())
    return cachet_emulator_session


@pytest.fixture(scope="session")
def cachet_emulator_v3_session() -> Iterator[CachetEmulator]:
    """The session's Cachet 3 emulator (random token); prefer `cachet_emulator_v3`."""
    from cachet_emulator.server import CachetEmulator

    with CachetEmulator(cachet_version="3") as emulator:
        yield emulator


@pytest.fixture
def cachet_emulator_v3(cachet_emulator_v3_session: CachetEmulator) -> CachetEmulator:
    """A running Cachet 3 emulator with no data, default settings and only its own token."""
    from cachet_emulator.settings import Settings

    cachet_emulator_v3_session.reset()
    cachet_emulator_v3_session.configure(**Settings(cachet_version="3").as_dict())
    return cachet_emulator_v3_session
