"""`cachet status`: the status page in the terminal.

Overall status, groups with their components, open incidents with their latest update,
upcoming maintenance and each metric's latest value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cachetclient.cli.render import cell, console
from cachetclient.cli.statuses import COMPONENT, INCIDENT, OVERALL_COLOURS, SCHEDULE
from cachetclient.errors import NotFoundError
from cachetclient.v1.enums import SCHEDULE_STATUS_COMPLETE

if TYPE_CHECKING:
    from rich.console import Group
    from rich.text import Text

    from cachetclient.cli.session import Session
    from cachetclient.v1.client import Client

Data = dict[str, Any]
T = TypeVar("T")


@dataclass
class Board:
    """Everything the board shows, as the API's data."""

    status: Data
    groups: list[Data]
    """Groups, each with a `components` list (enabled components, by order)."""
    ungrouped: list[Data]
    incidents: list[Data]
    """Open incidents, each with its `latest_update` (or None)."""
    schedules: list[Data]
    metrics: list[Data]
    """Metrics, each with its `latest_point` (or None)."""

    def as_json(self) -> Data:
        """The board for scripts."""
        return {
            "status": self.status,
            "groups": self.groups,
            "ungrouped_components": self.ungrouped,
            "incidents": self.incidents,
            "schedules": self.schedules,
            "metrics": self.metrics,
        }


def collect(client: Client) -> Board:
    """Read the whole board from Cachet."""
    components = [c.attrs for c in client.components.list() if c.enabled is not False]
    groups = [dict(group.attrs) for group in client.component_groups.list(sort="order")]
    for group in groups:
        group["components"] = _members(components, group["id"])
    known = {group["id"] for group in groups}
    ungrouped = [c for c in components if c.get("group_id") not in known]
    return Board(
        client.status().attrs,
        groups,
        ungrouped,
        _open_incidents(client),
        _unless_absent(lambda: _upcoming_schedules(client), []),
        _metrics(client),
    )


def _unless_absent(read: Callable[[], T], fallback: T) -> T:
    # Cachet 2.3 has no incident updates and no schedules: their routes answer 404.
    try:
        return read()
    except NotFoundError:
        return fallback


def _open_incidents(client: Client) -> list[Data]:
    found = []
    for incident in client.incidents.list():
        if incident.is_resolved or (incident.latest_status or incident.status) == 4:
            continue
        updates = client.incident_updates.list(incident.attrs["id"], per_page=1)
        latest = _unless_absent(partial(next, iter(updates), None), None)
        found.append({**incident.attrs, "latest_update": latest.attrs if latest else None})
    return found


def _upcoming_schedules(client: Client) -> list[Data]:
    return [s.attrs for s in client.schedules.list() if s.status != SCHEDULE_STATUS_COMPLETE]


def _metrics(client: Client) -> list[Data]:
    found = []
    for metric in client.metrics.list():
        point = next(iter(client.metric_points.list(metric.attrs["id"], per_page=1)), None)
        found.append({**metric.attrs, "latest_point": point.attrs if point else None})
    return found


def _members(components: list[Data], group_id: Any) -> list[Data]:
    members = [c for c in components if c.get("group_id") == group_id]
    return sorted(members, key=lambda c: (c.get("order") or 0, c.get("id") or 0))


def render(board: Board) -> Group:
    """The board as rich renderables."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    overall = board.status
    parts: list[Any] = [
        Text(
            str(overall.get("message", "")),
            style=OVERALL_COLOURS.get(str(overall.get("status")), ""),
        )
    ]
    components = Table(box=None, show_header=False, pad_edge=False)
    components.add_column(min_width=24)
    components.add_column()
    for group in board.groups:
        components.add_row(Text(f"{group.get('name')}{_hidden(group)}", style="bold"), "")
        for component in group["components"]:
            components.add_row(
                f"  {component.get('name')}", cell(component.get("status"), COMPONENT)
            )
    if board.ungrouped:
        if board.groups:
            components.add_row(Text("Other components", style="bold"), "")
        for component in board.ungrouped:
            components.add_row(
                f"  {component.get('name')}", cell(component.get("status"), COMPONENT)
            )
    parts += ["", Text("Components", style="bold underline"), components]
    parts += ["", Text("Open incidents", style="bold underline")]
    parts += [_incident_lines(incident) for incident in board.incidents] or [Text("  none")]
    parts += ["", Text("Scheduled maintenance", style="bold underline")]
    parts += [_schedule_line(schedule) for schedule in board.schedules] or [Text("  none")]
    parts += ["", Text("Metrics", style="bold underline")]
    parts += [_metric_line(metric) for metric in board.metrics] or [Text("  none")]
    return Group(*parts)


def _incident_lines(incident: Data) -> Text:
    from rich.text import Text

    status = incident.get("latest_status", incident.get("status"))
    line = Text(f"  #{incident.get('id')} {incident.get('name')}{_hidden(incident)}  ")
    line.append_text(cell(status, INCIDENT))
    latest = incident.get("latest_update")
    message = latest.get("message") if latest else incident.get("message")
    when = latest.get("created_at") if latest else incident.get("occurred_at")
    line.append(f"\n      {when}: {message}", style="dim")
    return line


def _hidden(item: Data) -> str:
    # Only logged-in users see these on the status page; the board shows what a token sees.
    return " (hidden)" if item.get("visible") in (0, False) else ""


def _schedule_line(schedule: Data) -> Text:
    from rich.text import Text

    line = Text(f"  {schedule.get('scheduled_at')}  {schedule.get('name')}  ")
    line.append_text(cell(schedule.get("status"), SCHEDULE))
    return line


def _metric_line(metric: Data) -> Text:
    from rich.text import Text

    point = metric.get("latest_point")
    shown = "no points yet" if not point else f"{point.get('value')} {metric.get('suffix') or ''}"
    when = f"  (at {point.get('created_at')})" if point else ""
    return Text(f"  {metric.get('name')}: {shown.strip()}{when}")


@click.command()
@click.pass_obj
def status(session: Session) -> None:
    """Show the status board: components, open incidents, maintenance and metrics.

    \b
    Example:
      cachet status
      cachet --output json status | jq .status
    """
    from cachetclient.cli import cachet3

    if cachet3.speaks_cachet_3(session):
        return cachet3.show_status(session)
    board = collect(session.client)
    if session.renderer.as_json:
        session.renderer.json(board.as_json())
    else:
        console().print(render(board))
