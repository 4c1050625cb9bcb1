"""Cachet API v1: the client, one module per resource, and the enums.

The names every release exported from here (`Client`, the resource classes, `enums`) and the
resource modules (`cachetclient.v1.components`, ...) load on first use, so that
`import cachetclient` stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cachetclient.v1 import enums as enums
    from cachetclient.v1.client import Client as Client
    from cachetclient.v1.component_groups import ComponentGroup as ComponentGroup
    from cachetclient.v1.components import Component as Component
    from cachetclient.v1.incident_updates import IncidentUpdate as IncidentUpdate
    from cachetclient.v1.incidents import Incident as Incident
    from cachetclient.v1.metric_points import MetricPoint as MetricPoint
    from cachetclient.v1.metrics import Metric as Metric
    from cachetclient.v1.schedules import Schedule as Schedule
    from cachetclient.v1.subscribers import Subscriber as Subscriber

# Public name -> the module that defines it.
_EXPORTS = {
    "Client": "client",
    "Component": "components",
    "ComponentGroup": "component_groups",
    "Incident": "incidents",
    "IncidentUpdate": "incident_updates",
    "Metric": "metrics",
    "MetricPoint": "metric_points",
    "Schedule": "schedules",
    "Subscriber": "subscribers",
}

_MODULES = frozenset(
    {
        "async_client",
        "client",
        "component_groups",
        "components",
        "enums",
        "incident_templates",
        "incident_updates",
        "incidents",
        "metric_points",
        "metrics",
        "ping",
        "schedules",
        "status",
        "subscribers",
        "subscriptions",
        "version",
    }
)

__all__ = [*_EXPORTS, "enums"]


def __getattr__(name: str) -> Any:
    """Load an exported class or a resource module the first time it is used."""
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    elif name in _MODULES:
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS, *_MODULES})
