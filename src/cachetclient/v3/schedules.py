"""Schedules (maintenance windows): `/schedules`. Their status is computed from the dates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cachetclient.v3 import values
from cachetclient.v3.enums import ScheduleStatus
from cachetclient.v3.manager import Manager
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
    created_at = timestamp("When it was created", key="created")
    updated_at = timestamp("When it was last changed", key="updated")

    @property
    def components(self) -> list[Any]:
        """The components it affects, each with its `impact` (include `components`)."""
        found = self.related("components")
        return found if isinstance(found, list) else []


class ScheduleManager(Manager[Schedule]):
    """Schedules. `components=[(id, status), ...]` on create; on update it replaces the set."""

    path = "schedules"
    resource_class = Schedule
    ability = "schedules"
    filters = ("name", "status")
    meta_filter = True
    sorts = ("name", "id", "scheduled_at", "completed_at")
    includes = (
        "components",
        "componentsCount",
        "componentsExists",
        "components.group",
        "updates",
        "updatesCount",
        "updatesExists",
        "meta",
        "metaCount",
        "metaExists",
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
    update_fields = (
        "name",
        "message",
        "scheduled_at",
        "completed_at",
        "published_at",
        "components",
        "meta",
    )

    def create(self, *parent_ids: int, include: Sequence[str] = (), **fields: Any) -> Schedule:
        """Create a schedule (`name`, `message`, `scheduled_at` are required)."""
        return super().create(*parent_ids, include=include, **_with_impacts(fields))

    def update(self, *ids: int, include: Sequence[str] = (), **fields: Any) -> Schedule:
        """Change the given fields; `components` replaces the affected set."""
        return super().update(*ids, include=include, **_with_impacts(fields))


def _with_impacts(fields: dict[str, Any]) -> dict[str, Any]:
    if fields.get("components") is not None:
        fields["components"] = values.component_impacts(fields["components"])
    return fields
