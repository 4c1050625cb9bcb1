"""Incidents over HTTP: occurred_at format, reset-on-omit, templates, meta, filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from cachetclient import CLEAR
from cachetclient.errors import NotFoundError, ValidationError
from cachetclient.v1 import enums
from cachetclient.v1.client import Client
from cachetclient.v1.incident_updates import IncidentUpdate
from cachetclient.v1.incidents import Incident, IncidentManager

UTC = dt.timezone.utc


def test_manager_declares_documented_path_and_resource_class() -> None:
    assert IncidentManager.path == "incidents"
    assert IncidentManager.resource_class is Incident


def test_create_component_incident_sets_component_status(client: Client) -> None:
    component = client.components.create(name="API", status=1)
    incident = client.incidents.create(
        name="Something blew up!",
        message="We are looking into it",
        status=enums.INCIDENT_INVESTIGATING,
        component_id=component.id,
        component_status=enums.COMPONENT_STATUS_MAJOR_OUTAGE,
    )
    fetched = client.incidents.get(incident.id)
    assert fetched.name == "Something blew up!"
    assert fetched.message == "We are looking into it"
    assert fetched.status == enums.INCIDENT_INVESTIGATING
    assert fetched.human_status == "Investigating"
    assert fetched.component_id == component.id
    assert fetched.visible is True
    assert fetched.stickied is False
    assert isinstance(fetched.created_at, dt.datetime)
    assert isinstance(fetched.updated_at, dt.datetime)
    assert fetched.deleted_at is None
    assert client.components.get(component.id).status == enums.COMPONENT_STATUS_MAJOR_OUTAGE


def test_occurred_at_with_seconds_is_sent_to_the_minute(client: Client) -> None:
    when = dt.datetime(2020, 8, 1, 14, 30, 59)
    incident = client.incidents.create(name="x", message="y", status=1, occurred_at=when)
    assert client.incidents.get(incident.id).occurred_at == dt.datetime(2020, 8, 1, 14, 30)


def test_occurred_at_in_another_zone_is_converted(utc_client: Client) -> None:
    oslo = dt.timezone(dt.timedelta(hours=2))
    when = dt.datetime(2020, 8, 1, 16, 30, tzinfo=oslo)
    incident = utc_client.incidents.create(name="x", message="y", status=1, occurred_at=when)
    assert incident.occurred_at == dt.datetime(2020, 8, 1, 14, 30, tzinfo=UTC)


def test_update_occurred_at(client: Client) -> None:
    incident = client.incidents.create(name="x", message="y", status=1)
    updated = client.incidents.update(incident.id, occurred_at="2021-02-03 04:05:06")
    assert updated.occurred_at == dt.datetime(2021, 2, 3, 4, 5)


def test_manager_update_keeps_hidden_and_stickied(client: Client) -> None:
    incident = client.incidents.create(
        name="x", message="y", status=1, visible=False, stickied=True
    )
    updated = client.incidents.update(incident.id, name="renamed")
    assert (updated.name, updated.visible, updated.stickied) == ("renamed", False, True)


def test_resource_update_keeps_hidden_and_stickied(client: Client) -> None:
    incident = client.incidents.create(
        name="x", message="y", status=1, visible=False, stickied=True
    )
    incident.status = enums.INCIDENT_FIXED
    incident.update()
    fetched = client.incidents.get(incident.id)
    assert (fetched.status, fetched.visible, fetched.stickied) == (4, False, True)


def test_update_can_unstick_and_publish(client: Client) -> None:
    incident = client.incidents.create(
        name="x", message="y", status=1, visible=False, stickied=True
    )
    updated = client.incidents.update(incident.id, visible=True, stickied=False)
    assert (updated.visible, updated.stickied) == (True, False)


def test_create_with_template_renders_message(cachet_emulator: object, client: Client) -> None:
    cachet_emulator.create_incident_template(  # type: ignore[attr-defined]
        "Test Template", "Name: {{ name }}, Message: {{ message }}"
    )
    incident = client.incidents.create(
        name="x",
        message="",
        status=1,
        template="test-template",
        template_vars={"name": "Foo", "message": "Hello"},
    )
    assert incident.message == "Name: Foo, Message: Hello"


def test_meta_is_stored_and_empty_meta_reads_as_dict(client: Client) -> None:
    with_meta = client.incidents.create(name="x", message="y", status=1, meta={"id": 123})
    without = client.incidents.create(name="x", message="y", status=1)
    assert client.incidents.get(with_meta.id).meta == {"id": 123}
    assert client.incidents.get(without.id).meta == {}


def test_missing_fields_are_a_validation_error_with_messages(client: Client) -> None:
    with pytest.raises(ValidationError) as caught:
        client.incidents.create(name="", message="", status=1)
    assert "The name field is required." in caught.value.messages
    assert str(caught.value).startswith("Cachet rejected POST /api/v1/incidents (400): ")


def test_updates_of_an_incident(client: Client) -> None:
    incident = client.incidents.create(name="x", message="y", status=1)
    client.incident_updates.create(incident_id=incident.id, status=2, message="found it")
    client.incident_updates.create(incident_id=incident.id, status=4, message="fixed")
    updates = list(incident.updates())
    assert all(isinstance(update, IncidentUpdate) for update in updates)
    assert sorted(update.message or "" for update in updates) == ["fixed", "found it"]
    assert client.incidents.get(incident.id).status == enums.INCIDENT_FIXED


def test_delete(client: Client) -> None:
    incident = client.incidents.create(name="x", message="y", status=1)
    incident.delete()
    with pytest.raises(NotFoundError):
        client.incidents.get(incident.id)
    client.incidents.create(name="x", message="y", status=1)
    client.incidents.delete(client.incidents.create(name="z", message="y", status=1).id)
    assert client.incidents.count() == 1


def test_default_list_reads_many_incidents_in_few_pages(client: Client) -> None:
    for index in range(30):
        client.incidents.create(name=f"i{index:02d}", message="m", status=1)
    assert [i.name for i in client.incidents.list()] == [f"i{n:02d}" for n in range(30)]
    assert client.incidents.count() == 30


def test_guest_sees_only_visible_incidents(client: Client, guest: Client) -> None:
    client.incidents.create(name="public", message="m", status=1)
    client.incidents.create(name="hidden", message="m", status=1, visible=False)
    assert [i.name for i in guest.incidents.list()] == ["public"]
    assert [i.name for i in client.incidents.list()] == ["public", "hidden"]


def test_filters_and_sort(client: Client) -> None:
    component = client.components.create(name="API", status=1)
    for index in range(6):
        client.incidents.create(
            name=f"i{index}",
            message="m",
            status=1 + index % 2,
            component_id=component.id if index < 4 else None,
            component_status=1 if index < 4 else None,
        )
    assert [i.name for i in client.incidents.list(per_page=1, status=2)] == ["i1", "i3", "i5"]
    listed = client.incidents.list(component_id=component.id, sort="name", order="desc")
    assert [i.name for i in listed] == ["i3", "i2", "i1", "i0"]
    assert client.incidents.count(status=1, component_id=component.id) == 2


def test_incident_repr(client: Client) -> None:
    incident = client.incidents.create(name="Down", message="m", status=1)
    assert repr(incident) == f"<Incident id={incident.id} name='Down'>"


def test_notify_can_be_set_and_update_still_works(client: Client) -> None:
    incident = client.incidents.create(name="x", message="y", status=1, notify=False)
    incident.notify = True
    assert incident.notify is True
    incident.message = "more details"
    incident.update()
    assert client.incidents.get(incident.id).message == "more details"


def test_update_passing_none_through_keeps_every_field(client: Client) -> None:
    component = client.components.create(name="API", status=1)
    incident = client.incidents.create(
        name="Down", message="Looking", status=1, component_id=component.id, component_status=2
    )
    given: dict[str, Any] = {"name": None, "message": None, "component_id": None}

    updated = client.incidents.update(incident.id, status=2, **given)

    assert (updated.name, updated.message, updated.status) == ("Down", "Looking", 2)
    assert updated.component_id == component.id


def test_clear_of_incident_fields_is_refused_before_sending(client: Client) -> None:
    incident = client.incidents.create(name="Down", message="Looking", status=1)

    with pytest.raises(ValueError, match=r"empty Incident\.message; the fields it can empty: none"):
        client.incidents.update(incident.id, message=CLEAR)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="CLEAR empties a field in update"):
        client.incidents.create(name="Up", message=CLEAR, status=1)  # type: ignore[arg-type]

    assert [i.message for i in client.incidents.list()] == ["Looking"]
