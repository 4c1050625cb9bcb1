"""Ping, version, status and incident templates."""

from __future__ import annotations

import pytest

import cachetclient
from cachetclient.base import Resource
from cachetclient.errors import NotFoundError
from cachetclient.v1.client import Client
from cachetclient.v1.incident_templates import IncidentTemplate
from cachetclient.v1.ping import PingManager
from cachetclient.v1.version import Version, VersionManager


def test_ping_answers_true(client: Client, guest: Client) -> None:
    assert client.ping() is True
    assert client.ping.get() is True
    assert guest.ping() is True
    assert PingManager.path == "ping"
    assert PingManager.resource_class is Resource


def test_ping_of_unreachable_server_is_false(unused_port: int) -> None:
    client = cachetclient.Client(endpoint=f"http://127.0.0.1:{unused_port}/api/v1", guest=True)
    assert client.ping() is False


def test_version_value_and_release_info(client: Client) -> None:
    version = client.version()
    assert isinstance(version, Version)
    assert version.value == client.version.get().value
    assert version.value.startswith("2.")
    assert version.on_latest is True
    assert version.latest is not None and "tag_name" in version.latest
    assert version.attrs["data"] == version.value
    assert version.get("data") == version.value
    assert version.get("nothing") is None
    assert VersionManager.path == "version"
    assert VersionManager.resource_class is Version


def test_status_reports_operational_then_issues(client: Client) -> None:
    assert client.status().status == "success"
    assert client.status().message == "System operational"
    client.components.create(name="API", status=3)
    status = client.status.get()
    assert status.status == "info"
    assert status.message == "The system is experiencing issues"
    assert status.is_operational is False


def test_incident_templates_list_and_get(cachet_emulator: object, client: Client) -> None:
    cachet_emulator.create_incident_template("Maintenance", "Down: {{ what }}")  # type: ignore[attr-defined]
    cachet_emulator.create_incident_template("Outage", "Out")  # type: ignore[attr-defined]
    templates = list(client.incident_templates.list(per_page=1))
    assert [t.slug for t in templates] == ["maintenance", "outage"]
    assert all(isinstance(t, IncidentTemplate) for t in templates)
    fetched = client.incident_templates.get(templates[0].id)
    assert (fetched.name, fetched.template) == ("Maintenance", "Down: {{ what }}")
    assert fetched.created_at is not None and fetched.created_at.tzinfo is None
    assert client.incident_templates.count() == 2
    with pytest.raises(NotFoundError):
        client.incident_templates.get(999)


def test_templates_cannot_be_changed_or_deleted(cachet_emulator: object, client: Client) -> None:
    cachet_emulator.create_incident_template("Outage", "Out")  # type: ignore[attr-defined]
    template = next(client.incident_templates.list())
    with pytest.raises(cachetclient.UnsupportedOperationError, match="cannot update"):
        template.update()
    with pytest.raises(cachetclient.UnsupportedOperationError, match="cannot delete"):
        template.delete()
    assert client.incident_templates.count() == 1
