"""Incidents on the status page: the stickied ones, the timeline of recent days, one incident.

Incidents are read and presented exactly as the API presents them (`incident_presenter`),
so statuses, labels and update order match what clients read. Guests see visible incidents
only in lists; an incident's own page (its permalink) opens for anyone, as the API's show does.
2.3 incidents have no updates and no stickiness, and are dated by `created_at`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall
from cachet_emulator.resources import incident_presenter
from cachet_emulator.schema import Row
from cachet_emulator.versions import until_23

HAS_STICKIED = until_23(True, False)
"""Whether incidents can be stickied (not in 2.3)."""
DATED_BY = until_23("occurred_at", "created_at")
"""The column that dates an incident on the timeline (2.3 has no `occurred_at`)."""

# Incident status -> the word the stylesheet colours it by.
STATUS_CLASSES = {0: "scheduled", 1: "investigating", 2: "identified", 3: "watching", 4: "fixed"}


class _ColouredByStatus:
    """A view that the stylesheet colours by its incident status."""

    status: int

    @property
    def status_class(self) -> str:
        """The word the stylesheet colours this status by."""
        return STATUS_CLASSES.get(self.status, "scheduled")


@dataclass(frozen=True)
class UpdateView(_ColouredByStatus):
    """One update of an incident."""

    id: int
    status: int
    status_name: str
    message: str
    created_at: str  # presented, in the Cachet timezone


@dataclass(frozen=True)
class IncidentView(_ColouredByStatus):
    """An incident with its latest status and its updates, newest first."""

    id: int
    name: str
    message: str
    occurred_at: str  # presented, in the Cachet timezone
    status: int  # of the latest update, else of the incident
    status_name: str
    resolved: bool
    stickied: bool
    visible: bool
    component_name: str | None
    updates: list[UpdateView] = field(default_factory=list)


@dataclass(frozen=True)
class TimelineDay:
    """One day of the timeline and its incidents, latest first."""

    day: date
    incidents: list[IncidentView]


def stickied(call: ApiCall) -> list[IncidentView]:
    """Visible stickied incidents, latest first (2.3 has none)."""
    if not call.pick(HAS_STICKIED):
        return []
    rows = call.store.select(
        incident_presenter.TABLE,
        [("visible", 1), ("stickied", 1)],
        [("occurred_at", True)],
    )
    names = _component_names(call)
    return [_incident(call, row, names) for row in rows]


def timeline(call: ApiCall, today: date) -> list[TimelineDay]:
    """The last `incident_days` days up to `today`, each with its visible incidents."""
    days = [today - timedelta(days=back) for back in range(call.settings.incident_days)]
    column = _dated_by(call)
    zone = clock.zone(call.settings.timezone)
    since = clock.stored(datetime.combine(days[-1], time(), zone))
    until = clock.stored(datetime.combine(today + timedelta(days=1), time(), zone))
    rows = call.store.select(
        incident_presenter.TABLE,
        [("visible", 1)],
        [(column, True)],
        extra_sql=f'"{column}" >= ? AND "{column}" < ?',
        extra_parameters=[since, until],
    )
    names = _component_names(call)
    by_day: dict[date, list[IncidentView]] = {day: [] for day in days}
    for row in rows:
        incident = _incident(call, row, names)
        local_day = date.fromisoformat(incident.occurred_at[:10])
        by_day.setdefault(local_day, []).append(incident)
    return [TimelineDay(day, by_day[day]) for day in days]


def one(call: ApiCall, incident_id: int) -> IncidentView | None:
    """The incident with this id (hidden ones too), or None when there is none."""
    row = call.store.find(incident_presenter.TABLE, incident_id)
    if row is None:
        return None
    return _incident(call, row, _component_names(call))


def _dated_by(call: ApiCall) -> str:
    return call.pick(DATED_BY)


def _component_names(call: ApiCall) -> dict[int, str]:
    """Live components by id, to name the one an incident affects."""
    rows = call.store.execute('SELECT "id", "name" FROM components WHERE "deleted_at" IS NULL')
    return {int(row["id"]): str(row["name"]) for row in rows}


def _incident(call: ApiCall, row: Row, names: dict[int, str]) -> IncidentView:
    data = incident_presenter.present(call, row)
    status = int(data["status"])
    return IncidentView(
        id=int(data["id"]),
        name=str(data["name"]),
        message=str(data.get("message") or ""),
        occurred_at=str(data[_dated_by(call)]),
        status=int(data.get("latest_status", status)),
        status_name=str(data.get("latest_human_status", data["human_status"])),
        resolved=bool(data.get("is_resolved", status == incident_presenter.FIXED)),
        stickied=bool(data.get("stickied", False)),
        visible=bool(data["visible"]),
        component_name=names.get(php.cast_int(row["component_id"])),
        updates=[_update(update) for update in data.get("updates", [])],
    )


def _update(data: dict[str, Any]) -> UpdateView:
    return UpdateView(
        id=int(data["id"]),
        status=int(data["status"]),
        status_name=str(data["human_status"]),
        message=str(data.get("message") or ""),
        created_at=str(data["created_at"]),
    )
