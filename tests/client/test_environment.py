"""The proxy environment variables are honoured, as requests and httpx honour them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal

import cachetclient
from tests.async_bridge import client_of_kind

PROXY_ANSWER = json.dumps({"data": {"id": 7, "name": "Answered by the proxy"}}).encode()


@pytest.fixture
def proxy(canned_server: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """A local stand-in for an HTTP proxy, named by HTTP_PROXY; NO_PROXY cleared."""
    endpoint = canned_server(200, "application/json", PROXY_ANSWER)
    proxy_url: str = endpoint.removesuffix("/api/v1")
    for name in ("HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(name, proxy_url)
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    return proxy_url


def _client(kind: str, portal: BlockingPortal, endpoint: str, token: str = "t") -> Any:
    return client_of_kind(kind, portal, endpoint=endpoint, api_token=token)


def test_requests_go_through_the_proxy_named_in_the_environment(
    proxy: str, client_kind: str, portal: BlockingPortal
) -> None:
    # No such host exists: only the proxy can answer.
    with _client(client_kind, portal, "http://cachet.invalid/api/v1") as client:
        component = client.components.get(7)

    assert component.name == "Answered by the proxy"


def test_hosts_in_no_proxy_are_reached_directly(
    proxy: str,
    cachet_emulator: Any,
    client_kind: str,
    portal: BlockingPortal,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    with _client(client_kind, portal, cachet_emulator.endpoint, cachet_emulator.token) as client:
        created = client.components.create(name="Direct", status=1)
        fetched = client.components.get(created.id)

    assert fetched.name == "Direct"


def test_the_environment_counts_as_it_was_when_the_client_was_created(
    cachet_emulator: Any, monkeypatch: pytest.MonkeyPatch, canned_server: Any
) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with cachetclient.Client(
        endpoint=cachet_emulator.endpoint, api_token=cachet_emulator.token
    ) as client:
        created = client.components.create(name="Before the proxy", status=1)
        proxy_url = canned_server(200, "application/json", PROXY_ANSWER).removesuffix("/api/v1")
        monkeypatch.setenv("HTTP_PROXY", proxy_url)
        monkeypatch.setenv("http_proxy", proxy_url)

        fetched = client.components.get(created.id)

    assert fetched.name == "Before the proxy"
