"""Cachet 3 emulator fixtures: one server for the session, emptied before every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cachet_emulator.server import CachetEmulator
from cachet_emulator.settings import Settings
from tests.emulator_v3.api import TOKEN, Api


@pytest.fixture(scope="session")
def emulator_v3() -> Iterator[CachetEmulator]:
    """One Cachet 3 emulator (token TOKEN, no rate limit) for the whole session."""
    with CachetEmulator(token=TOKEN, cachet_version="3") as emulator:
        yield emulator


@pytest.fixture
def api(emulator_v3: CachetEmulator) -> Iterator[Api]:
    """An empty Cachet 3 emulator with default settings and only the start-up token."""
    emulator_v3.reset()
    emulator_v3.configure(**Settings(cachet_version="3").as_dict())
    client = Api(emulator_v3)
    yield client
    client.session.close()
