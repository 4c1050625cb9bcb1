"""Component groups: `/component-groups` (API v1's `components/groups`)."""

from __future__ import annotations

from cachetclient.v3.enums import GroupCollapse, Visibility
from cachetclient.v3.manager import Manager
from cachetclient.v3.resource import Resource, enum, integer, raw_value, text, timestamp


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
    created_at = timestamp("When it was created", key="created")
    updated_at = timestamp("When it was last changed", key="updated")

    @property
    def components(self) -> list[Resource]:
        """Its components (fetch with `include=["components"]`)."""
        found = self.related("components")
        return found if isinstance(found, list) else []


class ComponentGroupManager(Manager[ComponentGroup]):
    """Component groups. `update(components=[...])` adds components; it never removes any."""

    path = "component-groups"
    resource_class = ComponentGroup
    ability = "component-groups"
    meta_filter = True
    sorts = ("name", "id")
    includes = ("components", "meta", "metaCount", "metaExists")
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
