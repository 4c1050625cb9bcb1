"""The everyday commands against Cachet 3: the same commands, the `cachetclient.v3` client.

Each workflow command asks `speaks_cachet_3(session)` first and hands over to the function
here: `components list`, `components set-status`, `incidents open`, `incidents resolve`,
`points add` and `status` (`doctor` asks its own questions, in `cli.doctor`). Status names
and numbers are those of the other commands; component status 0 (Cachet 2's unknown) is
Cachet 3's 5.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import islice
from typing import TYPE_CHECKING, Any

import click

from cachetclient.v3 import ComponentStatus, IncidentStatus
from cachetclient.v3.components import Component

if TYPE_CHECKING:
    from cachetclient.cli.session import Session
    from cachetclient.v3.client import Client


def speaks_cachet_3(session: Session) -> bool:
    """Whether the endpoint speaks Cachet 3 (`--cachet-version 3`, or detected)."""
    return str(session.client.api_version) == "3"


def client_of(session: Session) -> Client:
    """The session's client, a Cachet 3 one."""
    client: Client = session.client  # type: ignore[assignment]
    return client


def component_status(value: int) -> ComponentStatus:
    """A status typed as for Cachet 2 (`0` unknown) as Cachet 3's."""
    return ComponentStatus.UNKNOWN if value == 0 else ComponentStatus(value)


def component_row(component: Component) -> dict[str, Any]:
    """The columns `components list` shows (the raw document in JSON output)."""
    return {
        "id": component.id,
        "name": component.name,
        "status": _label(component.status),
        "latest_status": _label(component.latest_status),
        "enabled": component.enabled,
    }


FILTERS = ("name", "status", "enabled")
"""The `components list` options Cachet 3 can filter by (`--name` matches a part)."""
USABLE = {*FILTERS, "sort", "order", "per_page", "walk_all", "page"}
"""The `components list` options that mean something with Cachet 3."""


def list_components(session: Session, options: Mapping[str, Any], rows: int) -> None:
    """`cachet components list`: `rows` rows (`--per-page`; all with `--all`), enabled ones
    unless `--no-enabled`, filtered and sorted by Cachet 3.

    Raises:
        click.UsageError: for an option Cachet 3 cannot filter or sort by, or `--page`.
    """
    from cachetclient.cli.render import Column

    unusable = [n for n, v in options.items() if n not in USABLE and v not in (None, ())]
    unusable += ["page"] if options.get("page", 1) != 1 else []
    if unusable:
        shown = ", ".join("--" + name.replace("_", "-") for name in unusable)
        raise click.UsageError(f"{shown}: not available with Cachet 3 (it pages by itself)")
    filters: dict[str, Any] = {
        name: options[name] for name in FILTERS if options.get(name) is not None
    }
    if "status" in filters:
        filters["status"] = component_status(filters["status"])
    sort = options.get("sort")
    if sort and options.get("order") == "desc":
        sort = "-" + sort
    found_all = client_of(session).components.list(sort=sort, **filters)
    limit = None if options.get("walk_all") else options.get("per_page") or rows
    found = list(islice(found_all, limit))
    if session.renderer.as_json:
        session.renderer.json([component.raw["data"] for component in found])
        return
    columns = [Column(key) for key in ("id", "name", "status", "latest_status", "enabled")]
    session.renderer.items([component_row(c) for c in found], columns)


def set_component_status(session: Session, component_id: int, status: int) -> None:
    """`cachet components set-status`."""
    component = client_of(session).components.update(component_id, status=component_status(status))
    if session.renderer.as_json:
        session.renderer.json(component.raw["data"])
    else:
        session.renderer.done(
            f"Component #{component.id} {component.name} is now {_label(component.status)}."
        )


def open_incident(session: Session, options: Mapping[str, Any]) -> None:
    """`cachet incidents open`: public unless --hidden, the component's impact recorded."""
    client = client_of(session)
    impacts = None
    if options["component_id"] is not None:
        impacts = [(options["component_id"], component_status(options["component_status"]))]
    incident = client.incidents.create(
        name=options["name"],
        message=options["message"],
        status=IncidentStatus(options["status"]),
        visible=not options["hidden"],
        stickied=options["sticky"],
        notifications=not options["no_notify"],
        components=impacts,
    )
    if session.renderer.as_json:
        session.renderer.json(incident.raw["data"])
        return
    shown = incident.status.name.title() if incident.status is not None else "no status"
    session.renderer.done(f"Opened incident #{incident.id} {incident.name!r} ({shown}).")
    if impacts:
        component = client.components.get(impacts[0][0])
        session.renderer.done(
            f"Component #{component.id} {component.name} is now {_label(component.latest_status)}."
        )


def resolve_incident(session: Session, incident_id: int, message: str) -> None:
    """`cachet incidents resolve`: a Fixed update; the impacts end with the incident."""
    client = client_of(session)
    incident = client.incidents.get(incident_id)
    update = client.incident_updates.create(
        incident_id, status=IncidentStatus.FIXED, message=message
    )
    if session.renderer.as_json:
        session.renderer.json({"update": update.raw["data"], "component": None})
        return
    session.renderer.done(f"Resolved incident #{incident_id} {incident.name!r}: it is Fixed.")


def add_point(session: Session, metric_id: int, value: float, timestamp: Any) -> None:
    """`cachet points add`; a point within the metric's threshold only counts the last again."""
    extra = {} if timestamp is None else {"timestamp": timestamp}
    point = client_of(session).metric_points.create(metric_id, value=value, **extra)
    if session.renderer.as_json:
        session.renderer.json(point.raw["data"])
    elif point.counter is not None and point.counter > 1:
        session.renderer.done(
            f"Counted metric #{metric_id}'s point #{point.id} again ({point.counter} times): "
            "Cachet 3 keeps one point per threshold period."
        )
    else:
        session.renderer.done(f"Added {value:g} to metric #{metric_id} (point #{point.id}).")


def show_status(session: Session) -> None:
    """`cachet status`: the overall status and every enabled component."""
    client = client_of(session)
    overall = client.status()
    components = list(client.components.list())
    if session.renderer.as_json:
        session.renderer.json(
            {
                "status": {"status": overall.status.value, "message": overall.message},
                "components": [c.raw["data"] for c in components],
            }
        )
        return
    click.echo(overall.message)
    for component in components:
        click.echo(f"  #{component.id} {component.name}: {_label(component.latest_status)}")


def _label(status: Any) -> str:
    return "" if status is None else str(status.name).replace("_", " ").capitalize()
