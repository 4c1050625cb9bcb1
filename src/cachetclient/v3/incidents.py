"""Incidents: `/incidents`. Affected components are set on create only (`components=`)."""

from __future__ import annotations

from typing import Any

from cachetclient.v3.enums import IncidentStatus, Visibility
from cachetclient.v3.manager import Manager, counted_includes
from cachetclient.v3.resource import Resource, boolean, enum, integer, raw_value, text, timestamp


class Incident(Resource):
    """An incident. Created without `visible=True` it is for authenticated readers only."""

    json_type = "incidents"
    repr_fields = ("name", "status")
    __slots__ = ()

    guid = text("Its UUID")
    name = text("Name")
    message = text("Message (Markdown)")
    status = enum(IncidentStatus, "Status, kept in step with its newest update")
    visible = enum(Visibility, "Who may read it")
    stickied = boolean("Whether the status page pins it")
    notifications = boolean("Whether subscribers were emailed")
    components_count = integer("How many components it affects (include componentsCount)")
    meta = raw_value("Metadata (with include=['meta'])")
    occurred_at = timestamp("When it happened (None unless given)", key="occurred")
    published_at = timestamp("When it is (or was) published", key="published")

    @property
    def is_resolved(self) -> bool:
        """Whether its status is Fixed."""
        return self.status is IncidentStatus.FIXED

    @property
    def components(self) -> list[Any]:
        """The affected components, each with its `impact` (include `components`)."""
        return self.related_list("components")

    @property
    def updates(self) -> list[Any]:
        """Its updates (include `updates`)."""
        return self.related_list("updates")


class IncidentManager(Manager[Incident]):
    """Incidents. `create(components=[(id, status), ...])` records each component's impact.

    `create()` needs `name`, `status` and `message` or `template`; `components` takes
    `{"id", "status"}` dicts or `(id, status)` pairs.
    """

    path = "incidents"
    resource_class = Incident
    ability = "incidents"
    filters = ("name", "status", "occurs_after", "occurs_before", "occurs_on")
    meta_filter = True
    sorts = ("name", "status", "id", "created_at")
    includes = (
        *counted_includes("components"),
        "components.group",
        *counted_includes("updates", "user", "meta"),
    )
    create_fields = (
        "name",
        "status",
        "message",
        "template",
        "template_vars",
        "visible",
        "stickied",
        "notifications",
        "occurred_at",
        "published_at",
        "component_id",
        "component_status",
        "components",
        "meta",
    )
    impact_fields = ("components",)
    update_fields = (
        "name",
        "message",
        "status",
        "visible",
        "stickied",
        "notifications",
        "occurred_at",
        "published_at",
        "meta",
    )
