"""Fixtures for the client tests: clients bound to a fresh emulator (see `cachet_emulator`)."""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal

from cachetclient.v1.client import Client
from tests.async_bridge import CLIENT_KINDS, client_of_kind, event_loop_portal


@pytest.fixture(scope="session")
def portal() -> Iterator[BlockingPortal]:
    """An event loop in a thread, where the async client runs for the sync-written tests."""
    with event_loop_portal() as running:
        yield running


@pytest.fixture(params=CLIENT_KINDS)
def client_kind(request: pytest.FixtureRequest) -> str:
    """`sync` (Client) or `async` (AsyncClient): the suite runs once with each."""
    return str(request.param)


@pytest.fixture
def client(cachet_emulator: Any, client_kind: str, portal: BlockingPortal) -> Iterator[Client]:
    """A client holding the emulator's API token."""
    with client_of_kind(
        client_kind, portal, endpoint=cachet_emulator.endpoint, api_token=cachet_emulator.token
    ) as authenticated:
        yield authenticated


@pytest.fixture
def utc_client(cachet_emulator: Any, client_kind: str, portal: BlockingPortal) -> Iterator[Client]:
    """A client created with `timezone="UTC"`: dates are aware, converted to UTC."""
    with client_of_kind(
        client_kind,
        portal,
        endpoint=cachet_emulator.endpoint,
        api_token=cachet_emulator.token,
        timezone="UTC",
    ) as aware:
        yield aware


@pytest.fixture
def guest(cachet_emulator: Any, client_kind: str, portal: BlockingPortal) -> Iterator[Client]:
    """A client without a token: Cachet serves it as a guest."""
    with client_of_kind(
        client_kind, portal, endpoint=cachet_emulator.endpoint, guest=True
    ) as anonymous:
        yield anonymous


@pytest.fixture
def unused_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _CannedAnswer(http.server.BaseHTTPRequestHandler):
    """Answers every request with the server's canned status, headers and body."""

    def do_GET(self) -> None:
        status, content_type, body, declared_length = self.server.answer  # type: ignore[attr-defined]
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(declared_length or len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT = do_DELETE = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


@pytest.fixture
def canned_server() -> Iterator[Any]:
    """A local HTTP server standing for a misbehaving proxy: `serve(status, type, body)`."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CannedAnswer)
    server.answer = (200, "application/json", b"{}", 0)  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def serve(status: int, content_type: str, body: bytes, declared_length: int = 0) -> str:
        server.answer = (status, content_type, body, declared_length)  # type: ignore[attr-defined]
        return f"http://127.0.0.1:{server.server_address[1]}/api/v1"

    yield serve
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """An endpoint that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/api/v1"
    listener.close()
