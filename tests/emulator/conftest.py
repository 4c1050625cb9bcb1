"""Emulator fixtures: one server for the session, emptied before every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cachet_emulator.server import CachetEmulator
from cachet_emulator.settings import Settings
from tests.emulator.api import TOKEN, Api


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[CachetEmulator]:
    """One emulator (2.4, token TOKEN) for the whole session."""
    with CachetEmulator(token=TOKEN) as emulator:
        yield emulator


@pytest.fixture
def api(emulator_server: CachetEmulator) -> Iterator[Api]:
    """An empty 2.4 emulator with default settings."""
    emulator_server.reset()
    emulator_server.configure(**Settings().as_dict())
    client = Api(emulator_server)
    yield client
    client.session.close()


@pytest.fixture(scope="session")
def emulator_server_23() -> Iterator[CachetEmulator]:
    """One emulator in Cachet 2.3 mode for the whole session."""
    with CachetEmulator(token=TOKEN, cachet_version="2.3") as emulator:
        yield emulator


@pytest.fixture
def api23(emulator_server_23: CachetEmulator) -> Iterator[Api]:
    """An empty 2.3 emulator."""
    emulator_server_23.reset()
    emulator_server_23.configure(**Settings(cachet_version="2.3").as_dict())
    client = Api(emulator_server_23)
    yield client
    client.session.close()
