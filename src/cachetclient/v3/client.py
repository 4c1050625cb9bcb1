"""The Cachet 3 client (experimental): one manager per resource, sync and asyncio."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING, cast

from cachetclient.lifecycle import AsyncClientLifecycle, ClientLifecycle
from cachetclient.v3 import general
from cachetclient.v3.component_groups import ComponentGroupManager
from cachetclient.v3.components import ComponentManager
from cachetclient.v3.incident_templates import IncidentTemplateManager
from cachetclient.v3.incidents import IncidentManager
from cachetclient.v3.metrics import MetricManager, MetricPointManager
from cachetclient.v3.schedules import ScheduleManager
from cachetclient.v3.subscribers import SubscriberManager
from cachetclient.v3.updates import IncidentUpdateManager, ScheduleUpdateManager

if TYPE_CHECKING:
    from cachetclient.async_httpclient import AsyncHttpClient
    from cachetclient.httpclient import HttpClient
    from cachetclient.v3.async_managers import AsyncManager
    from cachetclient.v3.component_groups import ComponentGroup
    from cachetclient.v3.components import Component
    from cachetclient.v3.incident_templates import IncidentTemplate
    from cachetclient.v3.incidents import Incident
    from cachetclient.v3.metrics import Metric, MetricPoint
    from cachetclient.v3.schedules import Schedule
    from cachetclient.v3.subscribers import Subscriber
    from cachetclient.v3.updates import Update


class Client(ClientLifecycle):
    """A Cachet 3 API client. Create it with `cachetclient.Client(..., version="3")`.

    `zone` is the timezone Cachet 3 writes its offset-less times in (its app timezone).
    """

    api_version = "3"
    """The Cachet API this client speaks."""

    def __init__(self, http_client: HttpClient, zone: tzinfo) -> None:
        """Build every manager on one transport."""
        self.http_client = http_client
        self.zone = zone
        self.components = ComponentManager(http_client, zone)
        self.component_groups = ComponentGroupManager(http_client, zone)
        self.incidents = IncidentManager(http_client, zone)
        self.incident_updates = IncidentUpdateManager(http_client, zone)
        self.incident_templates = IncidentTemplateManager(http_client, zone)
        self.metrics = MetricManager(http_client, zone)
        self.metric_points = MetricPointManager(http_client, zone)
        self.schedules = ScheduleManager(http_client, zone)
        self.schedule_updates = ScheduleUpdateManager(http_client, zone)
        self.subscribers = SubscriberManager(http_client, zone)

    def ping(self) -> bool:
        """Whether Cachet answers `/ping`."""
        return self.http_client.run(general.ping_plan())

    def version(self) -> str:
        """Cachet's version string (`3.x-dev` before the first release)."""
        return self.http_client.run(general.version_plan())

    def status(self) -> general.Status:
        """The overall system status and its message."""
        return self.http_client.run(general.status_plan())


class AsyncClient(AsyncClientLifecycle, Client):
    """A Cachet 3 client for asyncio: the managers of `Client`, every call awaited.

    Create it with `cachetclient.AsyncClient(..., version="3")`; `list()` is an async iterator.
    """

    if TYPE_CHECKING:
        # The same manager objects as `Client`'s, their methods awaited (`async_managers`).
        components: AsyncManager[Component]  # type: ignore[assignment]
        component_groups: AsyncManager[ComponentGroup]  # type: ignore[assignment]
        incidents: AsyncManager[Incident]  # type: ignore[assignment]
        incident_updates: AsyncManager[Update]  # type: ignore[assignment]
        incident_templates: AsyncManager[IncidentTemplate]  # type: ignore[assignment]
        metrics: AsyncManager[Metric]  # type: ignore[assignment]
        metric_points: AsyncManager[MetricPoint]  # type: ignore[assignment]
        schedules: AsyncManager[Schedule]  # type: ignore[assignment]
        schedule_updates: AsyncManager[Update]  # type: ignore[assignment]
        subscribers: AsyncManager[Subscriber]  # type: ignore[assignment]

        async def ping(self) -> bool:  # type: ignore[override]
            """Whether Cachet answers `/ping`."""

        async def version(self) -> str:  # type: ignore[override]
            """Cachet's version string."""

        async def status(self) -> general.Status:  # type: ignore[override]
            """The overall system status and its message."""

    def __init__(self, http_client: AsyncHttpClient, zone: tzinfo) -> None:
        """Build every manager on one AsyncHttpClient (they only call `run` and `walk`)."""
        super().__init__(cast("HttpClient", http_client), zone)
        self.async_http_client = http_client
