"""Components: `GET/POST /components`, `GET/PUT/DELETE /components/{id}`."""

from __future__ import annotations

from typing import Any

from cachetclient.v3 import values
from cachetclient.v3.enums import ComponentStatus
from cachetclient.v3.manager import Manager, counted_includes
from cachetclient.v3.resource import Resource, boolean, enum, integer, raw_value, text


class Component(Resource):
    """A component. `status` is its own (baseline), `latest_status` what incidents make it."""

    json_type = "components"
    repr_fields = ("name", "status")
    __slots__ = ()

    name = text("Name")
    description = text("Description (Markdown)")
    link = text("Link")
    order = integer("Position in its group")
    status = enum(ComponentStatus, "Baseline status, as set through the API")
    latest_status = enum(ComponentStatus, "Effective status: the worst of the baseline and impacts")
    enabled = boolean("Whether it is shown (guests never see disabled components)")
    meta = raw_value("Metadata (with include=['meta'])")

    @property
    def impact(self) -> ComponentStatus | None:
        """The status an incident or schedule gives it (when read through one)."""
        pivot: Any = self.attributes.get("pivot") or {}
        raw = pivot.get("component_status") if isinstance(pivot, dict) else None
        return values.enum_value(raw, ComponentStatus)

    @property
    def group(self) -> Resource | None:
        """Its component group (fetch with `include=["group"]`)."""
        group = self.related("group")
        assert not isinstance(group, list)
        return group


class ComponentManager(Manager[Component]):
    """Components. `list()` shows enabled ones unless `enabled=False` or `enabled=[0, 1]`."""

    path = "components"
    resource_class = Component
    ability = "components"
    filters = ("name", "status", "enabled")
    meta_filter = True
    sorts = ("name", "order", "id")
    includes = (*counted_includes("group"), "incidents", *counted_includes("meta"))
    create_fields = (
        "name",
        "description",
        "status",
        "link",
        "order",
        "enabled",
        "component_group_id",
        "meta",
    )
    update_fields = create_fields
