"""Incidents and incident updates: CRUD, partial updates, the resources, datetimes."""

from __future__ import annotations

from datetime import datetime

from tests.compat.observe import Steps
from tests.compat.scenarios import scenario


def _incident(client, **fields):  # type: ignore[no-untyped-def]
    values = {"name": "Outage", "message": "Looking", "status": 1, "visible": True, **fields}
    return client.incidents.create(**values)


@scenario
def incident_crud_through_the_manager(steps: Steps) -> None:
    client = steps.client()
    steps.do("create component", client.components.create, name="API", status=1)
    incident = steps.do(
        "create",
        client.incidents.create,
        name="Outage",
        message="Looking",
        status=1,
        visible=True,
        component_id=1,
        component_status=4,
        notify=False,
    )
    steps.do("get", client.incidents.get, incident.id)
    steps.do("list(per_page=10)", client.incidents.list, per_page=10)
    steps.do("count", client.incidents.count)
    steps.do(
        "update(name, message, status, visible)",
        client.incidents.update,
        incident.id,
        name="Outage",
        message="Fixed",
        status=4,
        visible=True,
    )
    steps.do("get after update", client.incidents.get, incident.id)
    steps.see("component status", lambda: client.components.get(1).status)
    steps.do("delete", client.incidents.delete, incident.id)
    steps.do("get after delete", client.incidents.get, incident.id)


@scenario
def incident_update_of_the_status_only(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", _incident, client)
    steps.do("update(status=4)", client.incidents.update, 1, status=4)
    steps.do("get", client.incidents.get, 1)


@scenario
def incident_update_passing_none(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", _incident, client, visible=False)
    steps.do(
        "update(name, message, status, visible=False, component_id=None, template=None)",
        client.incidents.update,
        1,
        name="Outage",
        message="Still looking",
        status=2,
        visible=False,
        component_id=None,
        template=None,
    )
    steps.do("get", client.incidents.get, 1)


@scenario
def incident_stickied(steps: Steps) -> None:
    client = steps.client()
    steps.do("create(stickied=True)", _incident, client, stickied=True)
    steps.see("stickied", lambda: client.incidents.get(1).stickied)
    steps.do(
        "update(name, message, status, visible)",
        client.incidents.update,
        1,
        name="Outage",
        message="Update",
        status=2,
        visible=True,
    )
    steps.see("stickied after update", lambda: client.incidents.get(1).stickied)


@scenario
def incident_update_through_the_resource(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", _incident, client)
    incident = steps.do("get", client.incidents.get, 1)
    incident.status = 4
    incident.message = "Resolved"
    steps.do("incident.update()", incident.update)
    steps.do("get after update", client.incidents.get, 1)
    steps.do("incident.delete()", incident.delete)
    steps.do("count", client.incidents.count)


@scenario
def incident_occurred_at_round_trip(steps: Steps) -> None:
    client = steps.client()
    when = datetime(2020, 9, 1, 20, 30)
    steps.do("create(occurred_at=...)", _incident, client, occurred_at=when)
    incident = steps.do("get", client.incidents.get, 1)
    steps.see("occurred_at == the datetime sent", lambda: incident.occurred_at == when)
    steps.see(
        "occurred_at < datetime(2021, 1, 1)", lambda: incident.occurred_at < datetime(2021, 1, 1)
    )
    steps.do(
        "update(..., occurred_at=incident.occurred_at)",
        client.incidents.update,
        1,
        name="Outage",
        message="Again",
        status=2,
        visible=True,
        occurred_at=incident.occurred_at,
    )
    steps.see("occurred_at after update", lambda: client.incidents.get(1).occurred_at)


@scenario
def incident_created_at_compared_with_utcnow(steps: Steps) -> None:
    client = steps.client()
    incident = steps.do("create", _incident, client)
    steps.see("created_at.tzinfo", lambda: incident.created_at.tzinfo)
    steps.see(
        "created_at <= datetime.utcnow()",
        lambda: incident.created_at <= datetime.utcnow().replace(microsecond=0),
    )


@scenario
def incident_string_ids(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", _incident, client)
    steps.do("get('1')", client.incidents.get, "1")
    steps.do(
        "update('1', status='4', ...)",
        client.incidents.update,
        "1",
        name="Outage",
        message="Done",
        status="4",
        visible=True,
    )
    steps.do("delete('1')", client.incidents.delete, "1")


@scenario
def incident_list_defaults(steps: Steps) -> None:
    client = steps.client()
    for number in range(3):
        steps.do("create", _incident, client, name=f"I{number}")
    steps.see("names", lambda: [i.name for i in client.incidents.list()])


@scenario
def incident_updates_crud(steps: Steps) -> None:
    client = steps.client()
    incident = steps.do("create incident", _incident, client)
    update = steps.do(
        "incident_updates.create",
        client.incident_updates.create,
        incident_id=incident.id,
        status=2,
        message="Found it",
    )
    steps.do("get", client.incident_updates.get, incident.id, update.id)
    steps.do("list", client.incident_updates.list, incident.id)
    steps.do("count", client.incident_updates.count, incident.id)
    steps.do("incident.updates()", incident.updates)
    steps.do(
        "update(id=, incident_id=, status=, message=)",
        client.incident_updates.update,
        id=update.id,
        incident_id=incident.id,
        status=3,
        message="Watching",
    )
    steps.do("delete", client.incident_updates.delete, incident.id, update.id)
    steps.do("count after delete", client.incident_updates.count, incident.id)


@scenario
def incident_update_resource_update_and_delete(steps: Steps) -> None:
    client = steps.client()
    steps.do("create incident", _incident, client)
    update = steps.do(
        "create update", client.incident_updates.create, incident_id=1, status=2, message="A"
    )
    update.message = "B"
    update.status = 3
    steps.do("update.update()", update.update)
    steps.do("get", client.incident_updates.get, 1, 1)
    steps.do("update.delete()", update.delete)
    steps.do("count", client.incident_updates.count, 1)


@scenario
def incident_update_message_only(steps: Steps) -> None:
    client = steps.client()
    steps.do("create incident", _incident, client)
    steps.do("create update", client.incident_updates.create, incident_id=1, status=2, message="A")
    steps.do(
        "update(id=1, incident_id=1, message='B')",
        client.incident_updates.update,
        id=1,
        incident_id=1,
        message="B",
    )
    steps.do("get", client.incident_updates.get, 1, 1)


@scenario
def incident_update_string_ids(steps: Steps) -> None:
    client = steps.client()
    steps.do("create incident", _incident, client)
    steps.do(
        "create update(incident_id='1', status='2')",
        client.incident_updates.create,
        incident_id="1",
        status="2",
        message="A",
    )
    steps.do("get('1', '1')", client.incident_updates.get, "1", "1")
    steps.do("list('1')", client.incident_updates.list, "1", per_page=10)
    steps.do("delete('1', '1')", client.incident_updates.delete, "1", "1")
    steps.do("count('1')", client.incident_updates.count, "1")
