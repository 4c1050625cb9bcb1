"""The Cachet 3 API (experimental; follows cachethq/core at commit 9183688b, unreleased).

Create a client with `cachetclient.Client(endpoint, api_token, version="3")`.
"""

from cachetclient.v3.client import AsyncClient, Client
from cachetclient.v3.component_groups import ComponentGroup
from cachetclient.v3.components import Component
from cachetclient.v3.enums import (
    ComponentStatus,
    GroupCollapse,
    IncidentStatus,
    MetricType,
    MetricView,
    ScheduleStatus,
    SystemStatus,
    Visibility,
)
from cachetclient.v3.general import Status
from cachetclient.v3.incident_templates import IncidentTemplate
from cachetclient.v3.incidents import Incident
from cachetclient.v3.metrics import Metric, MetricPoint
from cachetclient.v3.resource import Resource
from cachetclient.v3.schedules import Schedule
from cachetclient.v3.subscribers import Subscriber
from cachetclient.v3.updates import Update

__all__ = [
    "AsyncClient",
    "Client",
    "Component",
    "ComponentGroup",
    "ComponentStatus",
    "GroupCollapse",
    "Incident",
    "IncidentStatus",
    "IncidentTemplate",
    "Metric",
    "MetricPoint",
    "MetricType",
    "MetricView",
    "Resource",
    "Schedule",
    "ScheduleStatus",
    "Status",
    "Subscriber",
    "SystemStatus",
    "Update",
    "Visibility",
]
