"""Incidents, their updates and incident templates through the Cachet 3 client."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cachetclient import NotFoundError
from cachetclient.v3 import Client, ComponentStatus, IncidentStatus, Visibility


def test_incident_opened_with_impacts_shows_them(client: Client) -> None:
    api = client.components.create(name="API", status=ComponentStatus.OPERATIONAL)

    incident = client.incidents.create(
        name="API down",
        status=IncidentStatus.INVESTIGATING,
        message="Looking into it",
        visible=True,
        components=[(api.id, ComponentStatus.MAJOR_OUTAGE)],
        include=["components"],
    )

    assert incident.status is IncidentStatus.INVESTIGATING
    assert incident.visible is Visibility.GUEST
    assert [(c.id, c.impact) for c in incident.components] == [
        (api.id, ComponentStatus.MAJOR_OUTAGE)
    ]
    fetched = client.components.get(api.id)
    assert fetched.status is ComponentStatus.OPERATIONAL
    assert fetched.latest_status is ComponentStatus.MAJOR_OUTAGE


def test_update_resolves_the_incident(client: Client) -> None:
    incident = client.incidents.create(name="Slow", status=1, message="slow")

    update = client.incident_updates.create(
        incident.id, status=IncidentStatus.FIXED, message="Fixed"
    )

    assert update.status is IncidentStatus.FIXED and update.updateable_id == incident.id
    assert client.incidents.get(incident.id).is_resolved
    assert [u.message for u in client.incident_updates.list(incident.id)] == ["Fixed"]


def test_incident_update_edit_get_and_delete(client: Client) -> None:
    incident = client.incidents.create(name="Slow", status=1, message="slow")
    update = client.incident_updates.create(incident.id, status=2, message="found")

    client.incident_updates.update(incident.id, update.id, message="found it")

    assert client.incident_updates.get(incident.id, update.id).message == "found it"
    client.incident_updates.delete(incident.id, update.id)
    with pytest.raises(NotFoundError):
        client.incident_updates.get(incident.id, update.id)


def test_incident_fields_update_and_delete(client: Client) -> None:
    incident = client.incidents.create(name="Old name", status=0, message="m")

    client.incidents.update(incident.id, name="New name", stickied=True)

    fetched = client.incidents.get(incident.id)
    assert (fetched.name, fetched.stickied, fetched.message) == ("New name", True, "m")
    client.incidents.delete(incident.id)
    with pytest.raises(NotFoundError):
        client.incidents.get(incident.id)


def test_aware_occurred_at_is_kept_as_the_same_instant(client: Client) -> None:
    when = datetime(2026, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))

    incident = client.incidents.create(name="x", status=1, message="m", occurred_at=when)

    assert client.incidents.get(incident.id).occurred_at == when


def test_incidents_filter_by_occurrence(client: Client) -> None:
    client.incidents.create(name="early", status=1, message="m", occurred_at="2026-01-01 10:00:00")
    client.incidents.create(name="late", status=1, message="m", occurred_at="2026-06-01 10:00:00")

    found = client.incidents.list(occurs_after=datetime(2026, 3, 1, tzinfo=timezone.utc))

    assert [i.name for i in found] == ["late"]


def test_template_renders_into_the_incident(client: Client) -> None:
    template = client.incident_templates.create(name="Outage", template="{{ what }} is down")

    incident = client.incidents.create(
        name="x", status=1, template=template.slug, template_vars={"what": "Mail"}
    )

    assert incident.message == "Mail is down"
    assert [t.slug for t in client.incident_templates.list(slug="outage")] == ["outage"]


def test_template_update_get_and_delete(client: Client) -> None:
    template = client.incident_templates.create(name="Outage", template="down")

    client.incident_templates.update(template.id, name="Big outage", template="very down")

    fetched = client.incident_templates.get(template.id)
    assert (fetched.name, fetched.slug, fetched.template) == (
        "Big outage",
        "big-outage",
        "very down",
    )
    client.incident_templates.delete(template.id)
    with pytest.raises(NotFoundError):
        client.incident_templates.get(template.id)
