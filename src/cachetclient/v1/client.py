"""The Cachet API v1 client: one attribute per resource manager."""

from __future__ import annotations

from cachetclient.httpclient import HttpClient
from cachetclient.lifecycle import ClientLifecycle
from cachetclient.v1.component_groups import ComponentGroupManager
from cachetclient.v1.components import ComponentManager
from cachetclient.v1.incident_templates import IncidentTemplateManager
from cachetclient.v1.incident_updates import IncidentUpdatesManager
from cachetclient.v1.incidents import IncidentManager
from cachetclient.v1.metric_points import MetricPointsManager
from cachetclient.v1.metrics import MetricsManager
from cachetclient.v1.ping import PingManager
from cachetclient.v1.release_http import ReleaseHttp
from cachetclient.v1.schedules import ScheduleManager
from cachetclient.v1.status import StatusManager
from cachetclient.v1.subscribers import SubscriberManager
from cachetclient.v1.subscriptions import SubscriptionManager
from cachetclient.v1.version import VersionManager


class Client(ClientLifecycle):
    """A Cachet API v1 client. Create it with `cachetclient.Client(...)`."""

    api_version = "1"
    """The Cachet API this client speaks."""

    def __init__(self, http_client: HttpClient) -> None:
        """Build every manager on one HttpClient."""
        self.http_client = http_client
        self.ping = PingManager(http_client)
        self.version = VersionManager(http_client)
        self.status = StatusManager(http_client)
        self.subscribers = SubscriberManager(http_client)
        self.subscriptions = SubscriptionManager(http_client)
        self.components = ComponentManager(http_client)
        self.component_groups = ComponentGroupManager(http_client, self.components)
        self.incident_updates = IncidentUpdatesManager(http_client)
        self.incidents = IncidentManager(http_client, self.incident_updates)
        self.incident_templates = IncidentTemplateManager(http_client)
        self.metric_points = MetricPointsManager(http_client)
        self.metrics = MetricsManager(http_client, self.metric_points)
        self.schedules = ScheduleManager(http_client)

    @property
    def _http(self) -> ReleaseHttp:
        """The releases' private transport (`get`/`post`/`put`/`delete` -> Response)."""
        return ReleaseHttp(self.http_client)
