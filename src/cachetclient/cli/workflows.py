"""The commands people run from pipelines and hooks: open and resolve incidents, flip a
component's status, push a metric point; and `ping` / `version`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from cachetclient.cli import cachet3
from cachetclient.cli.parameters import DateType, FiniteFloatType
from cachetclient.cli.statuses import (
    COMPONENT,
    COMPONENT_ANY_VERSION,
    INCIDENT,
    StatusType,
    api_v1_component_status,
)
from cachetclient.errors import CachetError, NotFoundError
from cachetclient.v1 import enums

if TYPE_CHECKING:
    from cachetclient.base import Resource
    from cachetclient.cli.session import Session
    from cachetclient.v1.components import Component

pass_session = click.pass_obj


@click.command()
@pass_session
def ping(session: Session) -> None:
    """Check that the Cachet API answers (exit 1 if it does not).

    \b
    Example:
      cachet ping
    """
    # Asked through the HttpClient rather than `client.ping()`, which hides why it failed.
    payload = session.client.http_client.request("GET", "ping")
    if not isinstance(payload, dict) or payload.get("data") != "Pong!":
        raise CachetError(f"{session.client.http_client.base_url} did not answer Pong!")
    if session.renderer.as_json:
        session.renderer.json("Pong!")
    elif not session.renderer.quiet:
        click.echo("Pong!")


@click.command()
@pass_session
def version(session: Session) -> None:
    """Show the Cachet version the server runs.

    \b
    Example:
      cachet version
    """
    found = session.client.version()
    if session.renderer.as_json:
        session.renderer.json(found.value)
    else:
        click.echo(found.value)


@click.command("set-status")
@click.argument("component_id", type=int, metavar="COMPONENT_ID")
@click.argument("status", type=StatusType(COMPONENT_ANY_VERSION))
@pass_session
def set_component_status(session: Session, component_id: int, status: int) -> None:
    """Set the status of a component (by name or number).

    under-maintenance (6) exists only in Cachet 3.

    \b
    Example:
      cachet components set-status 3 partial-outage
    """
    if cachet3.speaks_cachet_3(session):
        return cachet3.set_component_status(session, component_id, status)
    status = api_v1_component_status(status, "STATUS")
    component = session.client.components.update(component_id, status=status)
    if session.renderer.as_json:
        session.renderer.json(component.attrs)
    else:
        session.renderer.done(
            f"Component #{component.id} {component.name} is now {_label(component)}."
        )


@click.command("open")
@click.option("--name", required=True, help="Title of the incident.")
@click.option("--message", required=True, help="What happens, for the status page.")
@click.option("--component", "component_id", type=int, help="Id of the affected component.")
@click.option(
    "--component-status",
    type=StatusType(COMPONENT_ANY_VERSION),
    help=f"New status of the component. One of: {COMPONENT_ANY_VERSION.choices()} "
    "(6 with Cachet 3 only).",
)
@click.option(
    "--status",
    type=StatusType(INCIDENT),
    default="investigating",
    show_default=True,
    help=f"Incident status. One of: {INCIDENT.choices()}.",
)
@click.option("--hidden", is_flag=True, help="Only visible to logged-in users.")
@click.option("--sticky", is_flag=True, help="Pin the incident on top of the page.")
@click.option("--no-notify", is_flag=True, help="Do not notify subscribers.")
@pass_session
def open_incident(session: Session, /, **options: Any) -> None:
    """Open an incident, optionally setting an affected component's status.

    \b
    Example:
      cachet incidents open --component 3 --component-status major-outage \\
          --name 'API down' --message 'We are looking into it.'
    """
    if (options["component_id"] is None) != (options["component_status"] is None):
        raise click.UsageError("give --component and --component-status together")
    if cachet3.speaks_cachet_3(session):
        return cachet3.open_incident(session, options)
    if options["component_status"] is not None:
        options["component_status"] = api_v1_component_status(
            options["component_status"], "--component-status"
        )
    incident = session.client.incidents.create(
        name=options["name"],
        message=options["message"],
        status=options["status"],
        visible=not options["hidden"],
        stickied=options["sticky"],
        component_id=options["component_id"],
        component_status=options["component_status"],
        notify=not options["no_notify"],
    )
    if session.renderer.as_json:
        session.renderer.json(incident.attrs)
        return
    session.renderer.done(
        f"Opened incident #{incident.id} {incident.name!r} ({INCIDENT.name_of(incident.status)})."
    )
    if incident.component_id:
        component = session.client.components.get(incident.component_id)
        session.renderer.done(
            f"Component #{component.id} {component.name} is now {_label(component)}."
        )


@click.command("resolve")
@click.argument("incident_id", type=int, metavar="INCIDENT_ID")
@click.option("--message", default="The issue is resolved.", show_default=True)
@pass_session
def resolve_incident(session: Session, incident_id: int, message: str) -> None:
    """Resolve an incident: add a Fixed update, set its component back to operational.

    \b
    Example:
      cachet incidents resolve 7 --message 'A fix is deployed.'
    """
    if cachet3.speaks_cachet_3(session):
        return cachet3.resolve_incident(session, incident_id, message)
    client = session.client
    incident = client.incidents.get(incident_id)
    try:
        resolution: Resource = client.incident_updates.create(
            incident_id=incident_id, status=enums.INCIDENT_FIXED, message=message
        )
    except NotFoundError:
        # Cachet 2.3 has no incident updates: the incident itself becomes Fixed.
        resolution = client.incidents.update(incident_id, status=enums.INCIDENT_FIXED)
    component = None
    if incident.component_id:
        component = client.components.update(
            incident.component_id, status=enums.COMPONENT_STATUS_OPERATIONAL
        )
    if session.renderer.as_json:
        session.renderer.json(
            {"update": resolution.attrs, "component": component.attrs if component else None}
        )
        return
    session.renderer.done(f"Resolved incident #{incident_id} {incident.name!r}: it is Fixed.")
    if component is not None:
        session.renderer.done(
            f"Component #{component.id} {component.name} is {_label(component)} again."
        )


@click.command("add")
@click.argument("metric_id", type=int, metavar="METRIC_ID")
@click.argument("value", type=FiniteFloatType())
@click.option("--timestamp", type=DateType(), help="When it was measured (default: now).")
@pass_session
def add_point(
    session: Session, metric_id: int, value: float, timestamp: datetime | int | None
) -> None:
    """Add a point to a metric.

    \b
    Example:
      cachet points add 1 42.5 --timestamp '2024-05-01 14:30'
    """
    if cachet3.speaks_cachet_3(session):
        return cachet3.add_point(session, metric_id, value, timestamp)
    extra = {} if timestamp is None else {"timestamp": timestamp}
    point = session.client.metric_points.create(metric_id=metric_id, value=value, **extra)
    if session.renderer.as_json:
        session.renderer.json(point.attrs)
    else:
        session.renderer.done(f"Added {value:g} to metric #{metric_id} (point #{point.id}).")


def _label(component: Component) -> str:
    return COMPONENT.name_of(component.status)


PLACEMENTS: dict[str, tuple[click.Command, ...]] = {
    "components": (set_component_status,),
    "incidents": (open_incident, resolve_incident),
    "points": (add_point,),
}
"""The workflow commands of each resource group."""


def add_workflow_commands(group: click.Group) -> None:
    """Attach the workflow commands that belong in a resource group (if any)."""
    for command in PLACEMENTS.get(group.name or "", ()):
        group.add_command(command)
