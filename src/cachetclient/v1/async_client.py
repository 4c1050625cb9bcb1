"""The Cachet API v1 client for asyncio: the same managers, driven by `AsyncHttpClient`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from cachetclient.lifecycle import AsyncClientLifecycle
from cachetclient.v1.client import Client

if TYPE_CHECKING:
    from cachetclient.async_httpclient import AsyncHttpClient
    from cachetclient.httpclient import HttpClient
    from cachetclient.v1.async_managers import (
        AsyncComponentGroupManager,
        AsyncComponentManager,
        AsyncIncidentManager,
        AsyncIncidentTemplateManager,
        AsyncIncidentUpdatesManager,
        AsyncMetricPointsManager,
        AsyncMetricsManager,
        AsyncPingManager,
        AsyncScheduleManager,
        AsyncStatusManager,
        AsyncSubscriberManager,
        AsyncSubscriptionManager,
        AsyncVersionManager,
    )


class AsyncClient(AsyncClientLifecycle, Client):
    """A Cachet API v1 client for asyncio. Create it with `cachetclient.AsyncClient(...)`.

    It has every manager of `Client`, with the same methods and parameters; each method that
    talks to Cachet returns an awaitable, and `list()` an async iterator:
    `await client.components.get(1)`, `async for c in client.components.list()`.
    """

    if TYPE_CHECKING:
        # The managers are the sync client's, driven by an async transport: their methods
        # return awaitables and async iterators, as `async_managers` (written from the sync
        # signatures by scripts/async_managers.py) tells type checkers.
        ping: AsyncPingManager  # type: ignore[assignment]
        version: AsyncVersionManager  # type: ignore[assignment]
        status: AsyncStatusManager  # type: ignore[assignment]
        subscribers: AsyncSubscriberManager  # type: ignore[assignment]
        subscriptions: AsyncSubscriptionManager  # type: ignore[assignment]
        components: AsyncComponentManager  # type: ignore[assignment]
        component_groups: AsyncComponentGroupManager  # type: ignore[assignment]
        incident_updates: AsyncIncidentUpdatesManager  # type: ignore[assignment]
        incidents: AsyncIncidentManager  # type: ignore[assignment]
        incident_templates: AsyncIncidentTemplateManager  # type: ignore[assignment]
        metric_points: AsyncMetricPointsManager  # type: ignore[assignment]
        metrics: AsyncMetricsManager  # type: ignore[assignment]
        schedules: AsyncScheduleManager  # type: ignore[assignment]
        http_client: AsyncHttpClient  # type: ignore[assignment]

    def __init__(self, http_client: AsyncHttpClient) -> None:
        """Build every manager on one AsyncHttpClient."""
        # The managers are written once against the sync transport's types and only call
        # run/walk/send/run_many, which both transports have; what that makes of their return
        # types under asyncio is stated in `async_managers` (see `TYPE_CHECKING` above).
        super().__init__(cast("HttpClient", http_client))
        self.async_http_client = http_client

    @property
    def _http(self) -> Any:
        """Not for the async client (no release had one): use `async_http_client.request()`."""
        raise AttributeError("AsyncClient has no _http; await client.async_http_client.request()")
