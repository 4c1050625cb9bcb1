"""Incident updates over HTTP: create, get, update, delete, list and count."""

from __future__ import annotations

import pytest

from cachetclient.errors import NotFoundError
from cachetclient.v1.client import Client
from cachetclient.v1.incident_updates import IncidentUpdate, IncidentUpdatesManager


def test_manager_declares_documented_path_and_resource_class() -> None:
    assert IncidentUpdatesManager.path == "incidents/{}/updates"
    assert IncidentUpdatesManager.resource_class is IncidentUpdate


def test_create_get_and_documented_attributes(client: Client) -> None:
    incident = client.incidents.create(name="x", message="y", status=1)
    created = client.incident_updates.create(incident_id=incident.id, status=2, message="seen")
    fetched = client.incident_updates.get(incident.id, created.id)
    assert fetched.incident_id == incident.id
    assert fetched.status == 2
    assert fetched.message == "seen"
    assert fetched.human_status == "Identified"
    assert isinstance(fetched.user_id, int)
    assert fetched.permalink and fetched.permalink.endswith(f"#update-{created.id}")
    assert fetched.created_at is not None and fetched.updated_at is not None


def test_update_via_manager_and_resource(client: Client) -> None:
    incident = client.incidents.create(name="x", message="y", status=1)
    created = client.incident_updates.create(incident_id=incident.id, status=2, message="a")
    updated = client.incident_updates.update(
        id=created.id, incident_id=incident.id, message="Message updated :smile:"
    )
    assert (updated.message, updated.status) == ("Message updated :smile:", 2)
    updated.status = 3
    updated.update()
    assert client.incident_updates.get(incident.id, created.id).status == 3


def test_delete_via_manager_and_resource(client: Client) -> None:
    incident = client.incidents.create(name="x", message="y", status=1)
    first = client.incident_updates.create(incident_id=incident.id, status=2, message="a")
    second = client.incident_updates.create(incident_id=incident.id, status=3, message="b")
    first.delete()
    client.incident_updates.delete(incident.id, second.id)
    assert client.incident_updates.count(incident.id) == 0
    with pytest.raises(NotFoundError):
        client.incident_updates.get(incident.id, first.id)


def test_list_across_pages_and_count(client: Client) -> None:
    incident = client.incidents.create(name="x", message="y", status=1)
    for index in range(7):
        client.incident_updates.create(incident_id=incident.id, status=2, message=f"u{index}")
    listed = list(client.incident_updates.list(incident.id, per_page=3))
    assert sorted(update.message or "" for update in listed) == [f"u{n}" for n in range(7)]
    assert len({update.id for update in listed}) == 7
    assert client.incident_updates.count(incident.id) == 7


def test_updates_of_missing_incident_is_not_found(client: Client) -> None:
    with pytest.raises(NotFoundError):
        list(client.incident_updates.list(999))
