"""Fixtures for the reliability tests: a client with quick retries, and a raw view of the server."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from anyio.from_thread import BlockingPortal

from cachet_emulator.server import CachetEmulator
from cachetclient.v1.client import Client
from tests.async_bridge import CLIENT_KINDS, client_of_kind, event_loop_portal

READ_TIMEOUT = 0.5
"""The client's read timeout here; `delay` faults wait longer than this."""


@pytest.fixture(scope="session")
def portal() -> Iterator[BlockingPortal]:
    """An event loop in a thread, where the async client runs for the sync-written tests."""
    with event_loop_portal() as running:
        yield running


@pytest.fixture(params=CLIENT_KINDS)
def client(
    cachet_emulator: CachetEmulator, request: pytest.FixtureRequest, portal: BlockingPortal
) -> Iterator[Client]:
    """A client with the default two retries, short backoff and a short read timeout.

    Each test using it runs with `Client` and with `AsyncClient`.
    """
    with client_of_kind(
        request.param,
        portal,
        cachet_emulator.endpoint,
        cachet_emulator.token,
        timeout=(2.0, READ_TIMEOUT),
        backoff_base=0.01,
    ) as quick:
        yield quick


def server_total(emulator: CachetEmulator, path: str) -> int:
    """How many items a list of the server has, asked without the client under test."""
    response = requests.get(
        f"{emulator.endpoint}/{path}",
        headers={"X-Cachet-Token": emulator.token},
        params={"per_page": 1},
        timeout=10,
    )
    response.raise_for_status()
    total: Any = response.json()["meta"]["pagination"]["total"]
    return int(total)


@pytest.fixture(
    params=[pytest.param(8, id="short"), pytest.param(300, id="long", marks=pytest.mark.slow)]
)
def examples(request: pytest.FixtureRequest) -> int:
    """Examples per property test: a few in `make test`, many in `make reliability`."""
    return int(request.param)


@pytest.fixture
def closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
