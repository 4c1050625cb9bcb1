"""Fixtures for the Cachet 3 client tests: clients bound to a fresh Cachet 3 emulator."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timezone
from typing import Any, cast

import pytest
import requests
from anyio.from_thread import BlockingPortal

import cachetclient
from cachetclient.httpclient import HttpClient
from cachetclient.v3 import Client
from tests.async_bridge import CLIENT_KINDS, BlockingAsyncTransport, event_loop_portal


@pytest.fixture(scope="session")
def portal() -> Iterator[BlockingPortal]:
    """An event loop in a thread, where the async client runs for the sync-written tests."""
    with event_loop_portal() as running:
        yield running


@pytest.fixture(params=CLIENT_KINDS)
def client_kind(request: pytest.FixtureRequest) -> str:
    """`sync` or `async`: every test runs once with each client."""
    return str(request.param)


def v3_client(
    kind: str, portal: BlockingPortal, endpoint: str, token: str | None, **settings: Any
) -> Client:
    """A Cachet 3 client: sync, or the async one behind the blocking bridge."""
    settings.setdefault("backoff_base", 0.01)
    if kind == "sync":
        return cast(Client, cachetclient.Client(endpoint, token, version="3", **settings))
    async_client = cachetclient.AsyncClient(endpoint, token, version="3", **settings)
    transport = BlockingAsyncTransport(async_client.async_http_client, portal)
    return Client(cast(HttpClient, transport), timezone.utc)


@pytest.fixture
def client(cachet_emulator_v3: Any, client_kind: str, portal: BlockingPortal) -> Iterator[Client]:
    """A client holding the emulator's token (every ability)."""
    made = v3_client(client_kind, portal, cachet_emulator_v3.endpoint, cachet_emulator_v3.token)
    yield made
    made.close()


@pytest.fixture
def token_with(cachet_emulator_v3: Any) -> Any:
    """Make a token with the given abilities through the emulator's control API."""

    def make(*abilities: str) -> str:
        answer = requests.post(
            cachet_emulator_v3.url + "/_emulator/tokens",
            headers={"X-Cachet-Token": cachet_emulator_v3.token},
            json={"name": "limited", "abilities": list(abilities)},
            timeout=10,
        )
        answer.raise_for_status()
        return str(answer.json()["data"]["token"])

    return make
