"""The Cachet API v1 client for asyncio: the same managers, driven by `AsyncHttpClient`."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, cast

from cachetclient.v1.client import Client

if TYPE_CHECKING:
    from cachetclient.async_httpclient import AsyncHttpClient
    from cachetclient.httpclient import HttpClient


class AsyncClient(Client):
    """A Cachet API v1 client for asyncio. Create it with `cachetclient.AsyncClient(...)`.

    It has every manager of `Client`, with the same methods and parameters; each method that
    talks to Cachet returns an awaitable, and `list()` an async iterator:
    `await client.components.get(1)`, `async for c in client.components.list()`.
    """

    if TYPE_CHECKING:
        # The managers' annotations describe the sync client; here their methods return
        # awaitables and async iterators, so type checkers see the managers as `Any`.
        ping: Any
        version: Any
        status: Any
        subscribers: Any
        subscriptions: Any
        components: Any
        component_groups: Any
        incident_updates: Any
        incidents: Any
        incident_templates: Any
        metric_points: Any
        metrics: Any
        schedules: Any

    def __init__(self, http_client: AsyncHttpClient) -> None:
        """Build every manager on one AsyncHttpClient."""
        # The managers only call run/walk/send on their transport, which both clients have.
        super().__init__(cast("HttpClient", http_client))
        self.async_http_client = http_client

    @property
    def _http(self) -> Any:
        """Not for the async client (no release had one): use `async_http_client.request()`."""
        raise AttributeError("AsyncClient has no _http; await client.async_http_client.request()")

    def __repr__(self) -> str:
        return f"<cachetclient v1 AsyncClient {self.async_http_client.base_url}>"

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self.async_http_client.close()

    def close(self) -> None:
        """Not for the async client: use `await client.aclose()` or `async with`."""
        raise TypeError("use `await client.aclose()` (or `async with`) to close an AsyncClient")

    def __enter__(self) -> AsyncClient:
        raise TypeError("use `async with cachetclient.AsyncClient(...)`")

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
