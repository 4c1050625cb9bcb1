"""What every manager method returns, with `Client` and with `AsyncClient`, checked by mypy.

`make typecheck` fails when a type drifts: a sync method that stops returning its resource,
an async one that is not awaited to the same type, a list that is not an (async) iterator.
Nothing here runs; `tests/client/test_async_types.py` checks that every public manager
method appears below for both clients.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator
from typing import TYPE_CHECKING

import cachetclient
from cachetclient.batch import BatchResult
from cachetclient.v1.async_client import AsyncClient
from cachetclient.v1.client import Client
from cachetclient.v1.component_groups import ComponentGroup
from cachetclient.v1.components import Component
from cachetclient.v1.incident_templates import IncidentTemplate
from cachetclient.v1.incident_updates import IncidentUpdate
from cachetclient.v1.incidents import Incident
from cachetclient.v1.metric_points import MetricPoint
from cachetclient.v1.metrics import Metric
from cachetclient.v1.schedules import Schedule
from cachetclient.v1.status import Status
from cachetclient.v1.subscribers import Subscriber
from cachetclient.v1.version import Version

if TYPE_CHECKING:  # typing.assert_type is new in 3.11; nothing here runs
    from typing_extensions import assert_type


def factories() -> None:
    """`cachetclient.Client()` and `cachetclient.AsyncClient()` take the same arguments."""
    assert_type(cachetclient.Client("https://status.example.com", timeout=3), Client)
    assert_type(cachetclient.AsyncClient("https://status.example.com", timeout=3), AsyncClient)


def sync_types(client: Client) -> None:
    """Each method of each manager of the sync client returns its value directly."""
    assert_type(client.ping.get(), bool)
    assert_type(client.ping(), bool)
    assert_type(client.version.get(), Version)
    assert_type(client.version(), Version)
    assert_type(client.status.get(), Status)
    assert_type(client.status(), Status)

    assert_type(client.subscribers.create(email="ops@example.com"), Subscriber)
    assert_type(client.subscribers.list(), Generator[Subscriber, None, None])
    assert_type(client.subscribers.count(), int)
    assert_type(client.subscribers.delete(1), None)
    assert_type(client.subscriptions.delete(1), None)

    assert_type(client.components.create(name="API", status=1), Component)
    assert_type(client.components.get(1), Component)
    assert_type(client.components.list(), Generator[Component, None, None])
    assert_type(client.components.count(), int)
    assert_type(client.components.update(1, status=2), Component)
    assert_type(client.components.delete(1), None)

    assert_type(client.component_groups.create(name="Backend"), ComponentGroup)
    assert_type(client.component_groups.get(1), ComponentGroup)
    assert_type(client.component_groups.list(), Generator[ComponentGroup, None, None])
    assert_type(client.component_groups.count(), int)
    assert_type(client.component_groups.update(1, name="Back"), ComponentGroup)
    assert_type(client.component_groups.delete(1), None)

    assert_type(client.incidents.create(name="Down", message="m", status=1), Incident)
    assert_type(client.incidents.get(1), Incident)
    assert_type(client.incidents.list(), Generator[Incident, None, None])
    assert_type(client.incidents.count(), int)
    assert_type(client.incidents.update(1, status=4), Incident)
    assert_type(client.incidents.delete(1), None)

    updates = client.incident_updates
    assert_type(updates.create(incident_id=1, status=2, message="m"), IncidentUpdate)
    assert_type(updates.get(1, 2), IncidentUpdate)
    assert_type(updates.list(1), Generator[IncidentUpdate, None, None])
    assert_type(updates.count(1), int)
    assert_type(updates.update(id=2, incident_id=1, status=3), IncidentUpdate)
    assert_type(updates.delete(1, 2), None)

    assert_type(client.incident_templates.get(1), IncidentTemplate)
    assert_type(client.incident_templates.list(), Generator[IncidentTemplate, None, None])
    assert_type(client.incident_templates.count(), int)

    assert_type(client.metrics.create(name="Latency", description="d", suffix="ms"), Metric)
    assert_type(client.metrics.get(1), Metric)
    assert_type(client.metrics.list(), Generator[Metric, None, None])
    assert_type(client.metrics.count(), int)
    assert_type(client.metrics.update(1, name="p50"), Metric)
    assert_type(client.metrics.delete(1), None)

    points = client.metric_points
    assert_type(points.create(metric_id=1, value=4.5), MetricPoint)
    assert_type(points.create_many(1, [4.5, 5.0]), BatchResult[MetricPoint])
    assert_type(points.list(1), Generator[MetricPoint, None, None])
    assert_type(points.count(1), int)
    assert_type(points.update(1, 2, value=3.0), MetricPoint)
    assert_type(points.delete(1, 2), None)

    assert_type(client.schedules.create(name="Upgrade", status=0), Schedule)
    assert_type(client.schedules.get(1), Schedule)
    assert_type(client.schedules.list(), Generator[Schedule, None, None])
    assert_type(client.schedules.count(), int)
    assert_type(client.schedules.update(1, status=1), Schedule)
    assert_type(client.schedules.delete(1), None)

    assert_type(client.components.instance_from_dict({"id": 1}), Component)
    assert_type(client.incidents.instance_from_json('{"id": 1}'), Incident)
    assert_type(client.metrics.instance_list_from_json("[]"), list[Metric])
    assert_type(client.component_groups.components.get(1), Component)
    assert_type(client.incidents.incident_update_manager.get(1, 2), IncidentUpdate)


async def async_types(client: AsyncClient) -> None:
    """The same methods with the async client: awaited to the same types, lists async."""
    assert_type(await client.ping.get(), bool)
    assert_type(await client.ping(), bool)
    assert_type(await client.version.get(), Version)
    assert_type(await client.version(), Version)
    assert_type(await client.status.get(), Status)
    assert_type(await client.status(), Status)

    assert_type(await client.subscribers.create(email="ops@example.com"), Subscriber)
    assert_type(client.subscribers.list(), AsyncIterator[Subscriber])
    assert_type(await client.subscribers.count(), int)
    assert_type(await client.subscribers.delete(1), None)
    assert_type(await client.subscriptions.delete(1), None)

    assert_type(await client.components.create(name="API", status=1), Component)
    assert_type(await client.components.get(1), Component)
    assert_type(client.components.list(), AsyncIterator[Component])
    assert_type(await client.components.count(), int)
    assert_type(await client.components.update(1, status=2), Component)
    assert_type(await client.components.delete(1), None)

    assert_type(await client.component_groups.create(name="Backend"), ComponentGroup)
    assert_type(await client.component_groups.get(1), ComponentGroup)
    assert_type(client.component_groups.list(), AsyncIterator[ComponentGroup])
    assert_type(await client.component_groups.count(), int)
    assert_type(await client.component_groups.update(1, name="Back"), ComponentGroup)
    assert_type(await client.component_groups.delete(1), None)

    assert_type(await client.incidents.create(name="Down", message="m", status=1), Incident)
    assert_type(await client.incidents.get(1), Incident)
    assert_type(client.incidents.list(), AsyncIterator[Incident])
    assert_type(await client.incidents.count(), int)
    assert_type(await client.incidents.update(1, status=4), Incident)
    assert_type(await client.incidents.delete(1), None)

    updates = client.incident_updates
    assert_type(await updates.create(incident_id=1, status=2, message="m"), IncidentUpdate)
    assert_type(await updates.get(1, 2), IncidentUpdate)
    assert_type(updates.list(1), AsyncIterator[IncidentUpdate])
    assert_type(await updates.count(1), int)
    assert_type(await updates.update(id=2, incident_id=1, status=3), IncidentUpdate)
    assert_type(await updates.delete(1, 2), None)

    assert_type(await client.incident_templates.get(1), IncidentTemplate)
    assert_type(client.incident_templates.list(), AsyncIterator[IncidentTemplate])
    assert_type(await client.incident_templates.count(), int)

    created = await client.metrics.create(name="Latency", description="d", suffix="ms")
    assert_type(created, Metric)
    assert_type(await client.metrics.get(1), Metric)
    assert_type(client.metrics.list(), AsyncIterator[Metric])
    assert_type(await client.metrics.count(), int)
    assert_type(await client.metrics.update(1, name="p50"), Metric)
    assert_type(await client.metrics.delete(1), None)

    points = client.metric_points
    assert_type(await points.create(metric_id=1, value=4.5), MetricPoint)
    assert_type(await points.create_many(1, [4.5, 5.0]), BatchResult[MetricPoint])
    assert_type(points.list(1), AsyncIterator[MetricPoint])
    assert_type(await points.count(1), int)
    assert_type(await points.update(1, 2, value=3.0), MetricPoint)
    assert_type(await points.delete(1, 2), None)

    assert_type(await client.schedules.create(name="Upgrade", status=0), Schedule)
    assert_type(await client.schedules.get(1), Schedule)
    assert_type(client.schedules.list(), AsyncIterator[Schedule])
    assert_type(await client.schedules.count(), int)
    assert_type(await client.schedules.update(1, status=1), Schedule)
    assert_type(await client.schedules.delete(1), None)

    assert_type(client.components.instance_from_dict({"id": 1}), Component)
    assert_type(client.incidents.instance_from_json('{"id": 1}'), Incident)
    assert_type(client.metrics.instance_list_from_json("[]"), list[Metric])
    assert_type(await client.component_groups.components.get(1), Component)
    assert_type(await client.incidents.incident_update_manager.get(1, 2), IncidentUpdate)
    async for component in client.components.list():
        assert_type(component, Component)
