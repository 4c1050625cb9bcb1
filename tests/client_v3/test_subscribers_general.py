"""Subscribers, ping, version and status through the Cachet 3 client."""

from __future__ import annotations

from typing import Any

import pytest

from cachetclient import NotFoundError
from cachetclient.v3 import Client, ComponentStatus, SystemStatus


def test_subscriber_round_trip(client: Client) -> None:
    api = client.components.create(name="API")

    only_chosen: dict[str, Any] = {"global": False}  # `global` is a Python keyword
    created = client.subscribers.create(
        email="ops@example.com", verified=True, components=[api.id], **only_chosen
    )

    fetched = client.subscribers.get(created.id, include=["components"])
    assert (fetched.email, fetched.verified, fetched.is_global) == ("ops@example.com", True, False)
    assert [c.id for c in fetched.components] == [api.id]
    client.subscribers.update(created.id, components=[])
    assert client.subscribers.get(created.id, include=["components"]).components == []
    assert [s.email for s in client.subscribers.list(email="ops")] == ["ops@example.com"]
    client.subscribers.delete(created.id)
    with pytest.raises(NotFoundError):
        client.subscribers.get(created.id)


def test_ping_and_version(client: Client) -> None:
    assert client.ping() is True
    assert client.version() == "3.x-dev"


def test_status_follows_the_components(client: Client) -> None:
    assert client.status().is_operational
    client.components.create(name="API", status=ComponentStatus.MAJOR_OUTAGE)

    status = client.status()

    assert status.status is SystemStatus.MAJOR_OUTAGE and status.message
