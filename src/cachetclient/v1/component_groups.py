"""Component groups: named, ordered sets of components."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any, ClassVar

from cachetclient.base import Manager, Resource
from cachetclient.fields import FLAG_AS_INTEGER, INTEGER, TEXT, TIMESTAMP, Codec, Field
from cachetclient.pagination import DEFAULT_PER_PAGE
from cachetclient.v1 import enums
from cachetclient.v1.components import Component, ComponentManager

if TYPE_CHECKING:
    from cachetclient.httpclient import HttpClient


class ComponentGroup(Resource):
    """A component group."""

    name = Field(TEXT, writable=True, doc="Set or get name of component group (str)")
    order = Field(INTEGER, writable=True, doc="Get or set order value for group (int)")
    collapsed = Field(INTEGER, writable=True, doc="Get or set collapsed status (see enums)")
    visible = Field(
        FLAG_AS_INTEGER, writable=True, doc="Get or set visibility of the group (bool, 2.4)"
    )
    lowest_human_status = Field(TEXT, doc="Lowest component status, human readable (str)")
    created_at = Field(TIMESTAMP, doc="When the group was created (datetime)")
    updated_at = Field(TIMESTAMP, doc="Last time updated (datetime)")

    @property
    def enabled_components(self) -> list[Component]:
        """Enabled components in this group, by `order` (empty in create answers)."""
        return self._components("enabled_components")

    @property
    def enabled_components_lowest(self) -> list[Component]:
        """Enabled components in this group, worst status first."""
        return self._components("enabled_components_lowest")

    @property
    def is_collapsed(self) -> bool:
        """Does the collapsed value say the group is collapsed?"""
        return self.collapsed == enums.COMPONENT_GROUP_COLLAPSED_TRUE

    @property
    def is_open(self) -> bool:
        """Does the collapsed value say the group is open?"""
        return self.collapsed == enums.COMPONENT_GROUP_COLLAPSED_FALSE

    @property
    def is_operational(self) -> bool:
        """Is the collapsed value anything but `COMPONENT_GROUP_COLLAPSED_NOT_OPERATIONAL`?

        As in every release: `True` for a new group (collapsed 0), `False` only when the
        group is set to stay collapsed unless a component is not operational (2).
        """
        return self.collapsed != enums.COMPONENT_GROUP_COLLAPSED_NOT_OPERATIONAL

    def _components(self, key: str) -> list[Component]:
        manager = self._manager
        components = manager.components if isinstance(manager, ComponentGroupManager) else None
        raw = self.attrs.get(key)
        if components is None or not isinstance(raw, list):
            return []
        return [components.instance_from_dict(item) for item in raw if isinstance(item, dict)]


_FIELDS: dict[str, Codec[Any]] = {
    "name": TEXT,
    "order": INTEGER,
    "collapsed": INTEGER,
    "visible": FLAG_AS_INTEGER,
}


class ComponentGroupManager(Manager[ComponentGroup]):
    """`/components/groups`."""

    path: ClassVar[str] = "components/groups"
    resource_class: ClassVar[type[Resource]] = ComponentGroup
    create_fields: ClassVar[dict[str, Codec[Any]]] = _FIELDS
    update_fields: ClassVar[dict[str, Codec[Any]] | None] = _FIELDS
    # Cachet writes 0 for an omitted order and visible (the group would become hidden).
    reset_on_omit: ClassVar[tuple[str, ...]] = ("order", "visible")
    searchable: ClassVar[tuple[str, ...]] = ("id", "name", "collapsed", "visible")
    sortable: ClassVar[tuple[str, ...]] = ("id", "name", "order", "collapsed", "visible")

    def __init__(self, http_client: HttpClient, components_manager: ComponentManager) -> None:
        """Manager initializer.

        Args:
            http_client: The httpclient.
            components_manager: Builds the components nested in groups.
        """
        super().__init__(http_client)
        self.components = components_manager
        """The component manager that builds the components nested in groups."""

    @property
    def components_manager(self) -> ComponentManager:
        """Another name of `components` (the name every release used)."""
        return self.components

    def create(
        self, *, name: str, order: int = 0, collapsed: int = 0, visible: bool = False
    ) -> ComponentGroup:
        """Create a component group.

        Args:
            name: Name of the group.
            order: Group order.
            collapsed: Collapse value (see enums).
            visible: Publicly visible group (Cachet's default hides new groups from guests).
        """
        values: dict[str, Any] = {
            "name": name,
            "order": order,
            "collapsed": collapsed,
            "visible": visible,
        }
        return self.create_in((), values)

    def update(
        self,
        group_id: int,
        *,
        name: str | None = None,
        order: int | None = None,
        collapsed: int | None = None,
        visible: bool | None = None,
        **kwargs: Any,
    ) -> ComponentGroup:
        """Update a component group; fields left at `None` keep their value.

        Cachet resets an omitted `order` and `visible` to 0; the client fetches and resends
        their current values when they are not given.
        """
        values: dict[str, Any] = {
            "name": name,
            "order": order,
            "collapsed": collapsed,
            "visible": visible,
        }
        return self.update_by_ids((group_id,), values, kwargs)

    def list(
        self,
        page: int = 1,
        per_page: int = DEFAULT_PER_PAGE,
        *,
        id: int | None = None,
        name: str | None = None,
        collapsed: int | None = None,
        visible: bool | None = None,
        sort: str | None = None,
        order: str | None = None,
    ) -> Generator[ComponentGroup, None, None]:
        """List component groups lazily, optionally filtered and sorted.

        Args:
            page: The page to start listing.
            per_page: Number of entries per request.
            id, name, collapsed, visible: equality filters.
            sort: a column of `ComponentGroupManager.sortable`.
            order: `asc` (default) or `desc`.
        """
        filters = {"id": id, "name": name, "collapsed": collapsed, "visible": visible}
        query = self.list_query(
            page=page, per_page=per_page, filters=filters, sort=sort, order=order
        )
        return self.iterate(query)

    def count(
        self,
        *,
        id: int | None = None,
        name: str | None = None,
        collapsed: int | None = None,
        visible: bool | None = None,
    ) -> int:
        """Count the number of component groups (matching the filters)."""
        filters = {"id": id, "name": name, "collapsed": collapsed, "visible": visible}
        return self.count_matching(self.list_query(page=1, per_page=1, filters=filters))

    def get(self, group_id: int) -> ComponentGroup:
        """Get a component group by id.

        Raises:
            NotFoundError: (a requests HTTPError) if not found.
        """
        return self.get_by_ids((group_id,))

    def delete(self, group_id: int) -> None:
        """Delete a component group (its components stay, without a group).

        Raises:
            NotFoundError: (a requests HTTPError) if not found.
        """
        return self.delete_by_ids((group_id,))
