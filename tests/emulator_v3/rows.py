"""Rows put straight into the store, like core's model factories: the arrange step of a test.

Each helper takes column values over sane defaults and returns the new id.
"""

from __future__ import annotations

import uuid
from typing import Any

from tests.emulator_v3.api import PAST, Api, insert_row

FUTURE = "2999-01-01 00:00:00"


def component(api: Api, **values: Any) -> int:
    """An enabled, operational, ungrouped component."""
    return insert_row(
        api, "components", **{"name": "Component", "status": 1, "enabled": 1, **values}
    )


def components(api: Api, count: int, **values: Any) -> list[int]:
    """`count` components."""
    return [component(api, **values) for _ in range(count)]


def group(api: Api, **values: Any) -> int:
    """A group visible to guests."""
    return insert_row(api, "component_groups", **{"name": "Group", "visible": 1, **values})


def incident(api: Api, **values: Any) -> int:
    """A public, published incident."""
    defaults = {
        "guid": str(uuid.uuid4()),
        "name": "Incident",
        "status": 1,
        "visible": 1,
        "message": "Something happened.",
        "published_at": PAST,
    }
    return insert_row(api, "incidents", **{**defaults, **values})


def attach(api: Api, table: str, **values: Any) -> None:
    """A pivot row (incident_components, schedule_components, subscriptions)."""
    with api.emulator.store.transaction():
        api.emulator.store.insert("v3_" + table, values)


def update(api: Api, parent: str, parent_id: int, **values: Any) -> int:
    """An update of an incident or a schedule."""
    status = {"status": 1} if parent == "incident" else {}
    row = {"updateable_type": parent, "updateable_id": parent_id, "message": "Update.", **status}
    return insert_row(api, "updates", **{**row, **values})


def template(api: Api, **values: Any) -> int:
    """A Twig incident template."""
    row = {"name": "Template", "slug": "template", "template": "Hello", "engine": "twig"}
    return insert_row(api, "incident_templates", **{**row, **values})


def metric(api: Api, **values: Any) -> int:
    """A visible metric."""
    row = {
        "name": "Metric",
        "suffix": "ms",
        "calc_type": 0,
        "display_chart": 1,
        "places": 2,
        "default_view": 1,
        "threshold": 5,
        "order": 0,
        "visible": 1,
    }
    return insert_row(api, "metrics", **{**row, **values})


def point(api: Api, metric_id: int, **values: Any) -> int:
    """A point of a metric."""
    return insert_row(
        api, "metric_points", **{"metric_id": metric_id, "value": 1.0, "counter": 1, **values}
    )


def schedule(api: Api, **values: Any) -> int:
    """A published schedule in progress since 2020."""
    row = {"name": "Schedule", "message": "Work.", "scheduled_at": PAST, "published_at": PAST}
    return insert_row(api, "schedules", **{**row, **values})


def subscriber(api: Api, **values: Any) -> int:
    """A global, unverified subscriber."""
    row = {"email": f"{uuid.uuid4().hex[:8]}@example.com", "global": 1}
    return insert_row(api, "subscribers", **{**row, **values})


def meta(api: Api, metable: str, row_id: int, values: dict[str, Any]) -> None:
    """Meta of a resource, as syncMeta stores it."""
    for key, value in values.items():
        insert_row(api, "meta", metable_type=metable, metable_id=row_id, key=key, value=value)
