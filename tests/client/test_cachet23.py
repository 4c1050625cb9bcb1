"""Against an emulated Cachet 2.3: the client keeps its promises despite 2.3's differences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

import cachetclient
from cachetclient.v1.client import Client

UTC = dt.timezone.utc


@pytest.fixture
def client23() -> Iterator[Client]:
    from cachet_emulator.server import CachetEmulator

    with CachetEmulator(token="token-for-2-3", cachet_version="2.3") as emulator:
        client = cachetclient.Client(endpoint=emulator.endpoint, api_token=emulator.token)
        yield client
        client.close()


def test_version_is_reported(client23: Client) -> None:
    assert client23.version().value.startswith("2.3")


def test_resource_update_keeps_status_and_disabled_state(client23: Client) -> None:
    component = client23.components.create(name="API", status=3, enabled=False)
    component.name = "Renamed"
    component.update()
    fetched = client23.components.get(component.id)
    assert (fetched.name, fetched.status, fetched.enabled) == ("Renamed", 3, False)


def test_manager_update_keeps_disabled_state(client23: Client) -> None:
    component = client23.components.create(name="API", status=1, enabled=False)
    updated = client23.components.update(component.id, status=2)
    assert (updated.status, updated.enabled) == (2, False)


def test_tag_filter_works_although_cachet_ignores_it(client23: Client) -> None:
    client23.components.create(name="a", status=1, tags="Foo")
    client23.components.create(name="b", status=1, tags="Bar")
    assert [c.name for c in client23.components.list(tags="foo")] == ["a"]
    assert client23.components.count(tags="foo") == 1


def test_group_sort_ascending_although_cachet_sorts_descending(client23: Client) -> None:
    for name in ["b", "c", "a"]:
        client23.component_groups.create(name=name)
    listed = client23.component_groups.list(per_page=2, sort="name", order="asc")
    assert [g.name for g in listed] == ["a", "b", "c"]


def test_incident_created_at_is_sent_day_first(client23: Client) -> None:
    when = dt.datetime(2016, 12, 25, 14, 30)
    incident = client23.incidents.create(name="x", message="y", status=1, created_at=when)
    assert client23.incidents.get(incident.id).created_at == when


def test_empty_list_stops_at_once(client23: Client) -> None:
    assert list(client23.components.list()) == []
    assert client23.components.count() == 0


def test_incident_scheduled_at_and_visibility_on_23(client23: Client) -> None:
    incident = client23.incidents.create(name="x", message="y", status=1, visible=False)
    fetched = client23.incidents.get(incident.id)
    assert isinstance(fetched.scheduled_at, dt.datetime)
    fetched.name = "renamed"
    fetched.update()
    assert client23.incidents.get(incident.id).visible is False
