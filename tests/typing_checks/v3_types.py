"""What the Cachet 3 client's methods return, sync and async, checked by mypy (nothing runs)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import cachetclient
from cachetclient.v3 import (
    AsyncClient,
    Client,
    Component,
    Incident,
    MetricPoint,
    Status,
    Subscriber,
    Update,
)

if TYPE_CHECKING:  # typing.assert_type is new in 3.11; nothing here runs
    from typing_extensions import assert_type


def factory() -> None:
    """`version="3"` gives the Cachet 3 client."""
    assert_type(cachetclient.Client("https://status.example.com", version="3"), Client)


def sync_types(client: Client) -> None:
    assert_type(client.components.get(1), Component)
    assert_type(client.components.list(name="API"), Iterator[Component])
    assert_type(client.incidents.create(name="x", status=1, message="m"), Incident)
    assert_type(client.incident_updates.update(1, 2, message="m"), Update)
    assert_type(client.metric_points.create(1, value=1.5), MetricPoint)
    assert_type(client.subscribers.delete(1), None)
    assert_type(client.components.count(), int)
    assert_type(client.ping(), bool)
    assert_type(client.version(), str)
    assert_type(client.status(), Status)


async def async_types(client: AsyncClient) -> None:
    assert_type(await client.components.get(1), Component)
    assert_type(client.components.list(name="API"), AsyncIterator[Component])
    assert_type(await client.incidents.create(name="x", status=1, message="m"), Incident)
    assert_type(await client.schedule_updates.update(1, 2, message="m"), Update)
    assert_type(await client.metric_points.create(1, value=1.5), MetricPoint)
    assert_type(await client.subscribers.get(1), Subscriber)
    assert_type(await client.components.delete(1), None)
    assert_type(await client.ping(), bool)
    assert_type(await client.version(), str)
    assert_type(await client.status(), Status)
