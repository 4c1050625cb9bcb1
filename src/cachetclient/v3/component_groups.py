"""Component groups: `/component-groups` (API v1's `components/groups`)."""

from __future__ import annotations

from cachetclient.v3.enums import GroupCollapse, Visibility
from cachetclient.v3.manager import Manager, counted_includes
from cachetclient.v3.resource import Resource, enum, integer, raw_value, text


class ComponentGroup(Resource):
    """A component group. Created without `visible=True` it is for authenticated readers only."""

    json_type = "componentGroups"
    __slots__ = ()

    name = text("Name")
    order = integer("Position")
    order_column = text("How its components are ordered (id, name, status, ...)")
    order_direction = text("asc or desc")
    collapsed = enum(GroupCollapse, "How the status page shows it")
    visible = enum(Visibility, "Who may read it")
    meta = raw_value("Metadata (with include=['meta'])")

    @property
    def components(self) -> list[Resource]:
        """Its components (fetch with `include=["components"]`)."""
        return self.related_list("components")


class ComponentGroupManager(Manager[ComponentGroup]):
    """Component groups. `update(components=[...])` adds components; it never removes any."""

    path = "component-groups"
    resource_class = ComponentGroup
    ability = "component-groups"
    meta_filter = True
    sorts = ("name", "id")
    includes = ("components", *counted_includes("meta"))
    create_fields = (
        "name",
        "order",
        "visible",
        "collapsed",
        "order_column",
        "order_direction",
        "components",
        "meta",
    )
    update_fields = create_fields
