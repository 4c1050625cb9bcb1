"""Updates of incidents and of schedules: one `updates` resource type, two nested routes."""

from __future__ import annotations

from typing import Any

from cachetclient.v3.enums import IncidentStatus
from cachetclient.v3.manager import Manager, counted_includes
from cachetclient.v3.resource import Resource, enum, integer, text


class Update(Resource):
    """An update of an incident (with a `status`) or of a schedule (without)."""

    json_type = "updates"
    repr_fields = ("status", "message")
    __slots__ = ()

    message = text("Message (Markdown)")
    status = enum(IncidentStatus, "The incident status it reports (incident updates only)")
    updateable_id = integer("The id of its incident or schedule")
    updateable_type = text('"incident" or "schedule"')

    @property
    def parent(self) -> Any:
        """Its incident or schedule (include `incident` or `schedule`)."""
        name = "incident" if self.updateable_type == "incident" else "schedule"
        return self.related(name)


class IncidentUpdateManager(Manager[Update]):
    """Updates of one incident: `list(incident_id)`, `create(incident_id, status=, message=)`.

    Each create, update or delete sets the incident's status to its newest update's.
    """

    path = "incidents/{}/updates"
    resource_class = Update
    ability = "incident-updates"
    filters = ("status",)
    sorts = ("status", "created_at")
    includes = counted_includes("incident")
    create_fields = ("status", "message")
    update_fields = ("status", "message")


class ScheduleUpdateManager(Manager[Update]):
    """Updates of one schedule: `create(schedule_id, message=, completed_at=)`."""

    path = "schedules/{}/updates"
    resource_class = Update
    ability = "schedule-updates"
    sorts = ("created_at",)
    includes = counted_includes("schedule")
    create_fields = ("message", "completed_at")
    update_fields = ("message",)
