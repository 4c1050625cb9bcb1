"""Schedules (maintenance windows): `/schedules`. Their status is computed from the dates."""

from __future__ import annotations

from typing import Any

from cachetclient.v3.enums import ScheduleStatus
from cachetclient.v3.manager import Manager, counted_includes
from cachetclient.v3.resource import Resource, enum, raw_value, text, timestamp


class Schedule(Resource):
    """A maintenance window."""

    json_type = "schedules"
    repr_fields = ("name", "status")
    __slots__ = ()

    name = text("Name")
    message = text("Message (Markdown)")
    status = enum(ScheduleStatus, "Upcoming, in progress or complete (from the dates)")
    meta = raw_value("Metadata (with include=['meta'])")
    scheduled_at = timestamp("When it starts", key="scheduled")
    completed_at = timestamp("When it ends (None: open-ended)", key="completed")
    published_at = timestamp("When it is (or was) published", key="published")

    @property
    def components(self) -> list[Any]:
        """The components it affects, each with its `impact` (include `components`)."""
        return self.related_list("components")


class ScheduleManager(Manager[Schedule]):
    """Schedules. `components=[(id, status), ...]` on create; on update it replaces the set.

    `create()` needs `name`, `message` and `scheduled_at`.
    """

    path = "schedules"
    resource_class = Schedule
    ability = "schedules"
    filters = ("name", "status")
    meta_filter = True
    sorts = ("name", "id", "scheduled_at", "completed_at")
    includes = (
        *counted_includes("components"),
        "components.group",
        *counted_includes("updates", "meta"),
    )
    create_fields = (
        "name",
        "message",
        "scheduled_at",
        "completed_at",
        "published_at",
        "notifications",
        "components",
        "meta",
    )
    impact_fields = ("components",)
    update_fields = (
        "name",
        "message",
        "scheduled_at",
        "completed_at",
        "published_at",
        "components",
        "meta",
    )
