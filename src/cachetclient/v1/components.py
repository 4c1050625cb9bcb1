"""Components: the parts of a system whose status the page shows."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Generator, Iterable, Mapping
from typing import Any, ClassVar

from cachetclient.apirequest import Plan
from cachetclient.base import Manager, Resource
from cachetclient.clear import Clear
from cachetclient.fields import (
    FLAG,
    INTEGER,
    JSON,
    JSON_OBJECT,
    TAG_NAMES,
    TEXT,
    TIMESTAMP,
    Codec,
    Field,
    split_tag_names,
)
from cachetclient.pagination import DEFAULT_PER_PAGE, Item, ListQuery


def tag_slug(name: str) -> str:
    """Cachet's slug of a tag name (`"Test Tag"` -> `test-tag`)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = ascii_name.lower().replace("_", "-").replace("@", "-at-")
    text = re.sub(r"[^a-z0-9\s-]", "", text)
    return re.sub(r"[\s-]+", "-", text).strip("-")


class Component(Resource):
    """A component. Tags are a slug -> name dict, edited with the tag methods."""

    name = Field(TEXT, writable=True, doc="Get or set name of the component (str)")
    description = Field(TEXT, writable=True, doc="Get or set component description (str)")
    link = Field(TEXT, writable=True, doc="Get or set http link to the component (str)")
    status = Field(INTEGER, writable=True, doc="Get or set status id of the component (int)")
    status_name = Field(TEXT, doc="Human readable status representation (str)")
    order = Field(INTEGER, writable=True, doc="Get or set order of the component in a group")
    group_id = Field(INTEGER, writable=True, doc="Get or set the component group id (int)")
    enabled = Field(FLAG, writable=True, doc="Get or set enabled state (bool)")
    meta = Field(JSON_OBJECT, writable=True, doc="Get or set the free-form meta object (dict, 2.4)")
    created_at = Field(TIMESTAMP, doc="When the component was created (datetime)")
    updated_at = Field(TIMESTAMP, doc="Last time the component was updated (datetime)")

    @property
    def tags(self) -> dict[str, str]:
        """The slug -> name tag dictionary (`{'test-tag': 'Test Tag'}`).

        Cachet sends `[]` for a component without tags; that reads as `{}`. Assigning a
        slug -> name dict, an iterable of names or a comma-separated string replaces the
        tags at the next `update()`.
        """
        raw = self.attrs.get("tags")
        return {str(slug): str(name) for slug, name in raw.items()} if isinstance(raw, dict) else {}

    @tags.setter
    def tags(self, value: Mapping[str, str] | Iterable[str] | str | None) -> None:
        """Replace the tags (sent by the next `update()`): a slug -> name dict, an iterable of
        names, or a comma-separated string (`"web, api"`); `None` changes nothing."""
        if value is None:
            return
        self.set_tags(value.values() if isinstance(value, Mapping) else value)

    @property
    def tag_names(self) -> list[str]:
        """Get the tag names as a list."""
        return list(self.tags.values())

    @property
    def tag_slugs(self) -> list[str]:
        """Get the tag slugs as a list."""
        return list(self.tags.keys())

    def add_tag(self, name: str) -> None:
        """Add a new tag (sent by the next `update()`)."""
        self.add_tags([name])

    def add_tags(self, names: Iterable[str]) -> None:
        """Add multiple tags from an iterable of names (or a comma-separated string)."""
        tags = self.tags
        for name in split_tag_names(names):
            if not self.has_tag(name=name):
                tags[tag_slug(name) or name] = name
        self._store_tags(tags)

    def set_tags(self, names: Iterable[str]) -> None:
        """Replace the current tags (Cachet cannot remove every tag: see `update()`)."""
        self._store_tags({tag_slug(name) or name: name for name in split_tag_names(names)})

    def del_tag(self, name: str | None = None, slug: str | None = None) -> None:
        """Delete a tag by name or slug (case insensitive).

        Raises:
            KeyError: if the tag does not exist.
        """
        key = self._find_tag(name, slug)
        if key is None:
            raise KeyError(name if name is not None else slug)
        tags = self.tags
        del tags[key]
        self._store_tags(tags)

    def has_tag(self, name: str | None = None, slug: str | None = None) -> bool:
        """Check if a tag exists by name or slug (case insensitive)."""
        return self._find_tag(name, slug) is not None

    def value_for_update(self, name: str) -> Any:
        """Tags are sent as names; everything else as read."""
        return self.tag_names if name == "tags" else super().value_for_update(name)

    def _find_tag(self, name: str | None, slug: str | None) -> str | None:
        if name is None and slug is None:
            raise ValueError("give the name or the slug of the tag")
        for tag_slug_, tag_name in self.tags.items():
            if name is not None and tag_name.casefold() == name.strip().casefold():
                return tag_slug_
            if slug is not None and tag_slug_.casefold() == slug.strip().casefold():
                return tag_slug_
        return None

    def _store_tags(self, tags: dict[str, str]) -> None:
        self.attrs["tags"] = tags if tags else []
        self.mark_changed("tags")


_FIELDS: dict[str, Codec[Any]] = {
    "name": TEXT,
    "status": INTEGER,
    "description": TEXT,
    "link": TEXT,
    "order": INTEGER,
    "group_id": INTEGER,
    "enabled": FLAG,
    "tags": TAG_NAMES,
    "meta": JSON,
}


class ComponentManager(Manager[Component]):
    """`/components`."""

    path: ClassVar[str] = "components"
    resource_class: ClassVar[type[Resource]] = Component
    create_fields: ClassVar[dict[str, Codec[Any]]] = _FIELDS
    update_fields: ClassVar[dict[str, Codec[Any]] | None] = {**_FIELDS, "silent": FLAG}
    # Group 0 is Cachet's "no group".
    clear_values: ClassVar[dict[str, Any]] = {
        "description": "",
        "link": "",
        "meta": {},
        "group_id": 0,
    }
    # Cachet 2.3 writes status 0 and re-enables the component when these are omitted.
    reset_on_omit: ClassVar[tuple[str, ...]] = ("status", "enabled")
    searchable: ClassVar[tuple[str, ...]] = ("id", "name", "status", "group_id", "enabled")
    sortable: ClassVar[tuple[str, ...]] = ("id", "name", "status", "order", "group_id", "enabled")

    def create(
        self,
        *,
        name: str,
        status: int,
        description: str | None = None,
        link: str | None = None,
        order: int | None = None,
        group_id: int | None = None,
        enabled: bool = True,
        tags: Iterable[str] | str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Component:
        """Create a component.

        Args:
            name: Name of the component.
            status: Status of the component (see enums module).
            description: Description of the component.
            link: Link to the component.
            order: Order of the component in its group.
            group_id: The group it belongs to.
            enabled: Enabled status.
            tags: Tag names: an iterable, or a comma-separated string ("web, api").
            meta: Free-form JSON object (Cachet 2.4).
        """
        values: dict[str, Any] = dict(name=name, status=status, description=description, link=link)
        values.update(order=order, group_id=group_id, enabled=enabled, tags=tags, meta=meta)
        return self.create_in((), values)

    def update(
        self,
        component_id: int,
        *,
        status: int,
        name: str | None = None,
        description: str | Clear | None = None,
        link: str | Clear | None = None,
        order: int | None = None,
        group_id: int | Clear | None = None,
        enabled: bool | None = None,
        tags: Iterable[str] | str | None = None,
        meta: dict[str, Any] | Clear | None = None,
        silent: bool | None = None,
        **kwargs: Any,
    ) -> Component:
        """Update a component by id; fields left at `None` are left unchanged.

        `CLEAR` empties `description`, `link` and `meta`, and takes the component out of its
        group (`group_id`). `tags` replaces every tag (Cachet cannot remove all tags).
        `silent=True` suppresses subscriber notifications. Other keyword arguments are sent
        as given.
        """
        if tags is not None:
            _refuse_removing_every_tag(split_tag_names(tags))
        values: dict[str, Any] = dict(status=status, name=name, description=description, link=link)
        values.update(order=order, group_id=group_id, enabled=enabled, tags=tags, meta=meta)
        values.update(silent=silent)
        return self.update_by_ids((component_id,), values, kwargs)

    def list(
        self,
        page: int = 1,
        per_page: int = DEFAULT_PER_PAGE,
        *,
        id: int | None = None,
        name: str | None = None,
        status: int | None = None,
        group_id: int | None = None,
        enabled: bool | None = None,
        tags: Iterable[str] | str | None = None,
        sort: str | None = None,
        order: str | None = None,
    ) -> Generator[Component, None, None]:
        """List components lazily, page by page, optionally filtered and sorted.

        Args:
            page: The page to start listing.
            per_page: Number of entries per request.
            id, name, status, group_id, enabled: equality filters (names compare
                case-insensitively, as in Cachet).
            tags: components having any of these tags (names or slugs).
            sort: a column of `ComponentManager.sortable`.
            order: `asc` (default) or `desc`.
        """
        filters = dict(id=id, name=name, status=status, group_id=group_id, enabled=enabled)
        return self.iterate(self._query(page, per_page, filters, tags, sort, order))

    def count(
        self,
        *,
        id: int | None = None,
        name: str | None = None,
        status: int | None = None,
        group_id: int | None = None,
        enabled: bool | None = None,
        tags: Iterable[str] | str | None = None,
    ) -> int:
        """Count the components (matching the filters, as for `list()`)."""
        filters = dict(id=id, name=name, status=status, group_id=group_id, enabled=enabled)
        return self.count_matching(self._query(1, 1, filters, tags, None, None))

    def get(self, component_id: int) -> Component:
        """Get a component by id.

        Raises:
            NotFoundError: (a requests HTTPError) if not found.
        """
        return self.get_by_ids((component_id,))

    def delete(self, component_id: int) -> None:
        """Delete a component.

        Raises:
            NotFoundError: (a requests HTTPError) if the component does not exist.
        """
        return self.delete_by_ids((component_id,))

    def save_plan(self, resource: Component) -> Plan[Component]:
        """Send a component's changes (refusing to drop every tag, which Cachet ignores)."""
        if "tags" in resource.changed_fields:
            _refuse_removing_every_tag(resource.tag_names)
        return super().save_plan(resource)

    def _query(
        self,
        page: int,
        per_page: int,
        filters: dict[str, Any],
        tags: Iterable[str] | str | None,
        sort: str | None,
        order: str | None,
    ) -> ListQuery:
        if tags is None:
            return self.list_query(
                page=page, per_page=per_page, filters=filters, sort=sort, order=order
            )
        slugs = sorted({tag_slug(name) or name.casefold() for name in split_tag_names(tags)})
        has_search = any(value is not None for value in filters.values())
        # Cachet 2.4 filters tags on its own unless a search filter is present (that would be
        # a 500); 2.3 ignores `tags`. The client checks every item, so both give the same answer.
        params = {} if has_search else {"tags[]": slugs}
        return self.list_query(
            page=page,
            per_page=per_page,
            filters=filters,
            sort=sort,
            order=order,
            params=params,
            keep=lambda item: _has_any_tag(item, slugs),
        )


def _refuse_removing_every_tag(names: list[str]) -> None:
    if not names:
        raise ValueError("Cachet cannot remove every tag of a component; keep at least one")


def _has_any_tag(item: Item, slugs: list[str]) -> bool:
    raw = item.get("tags")
    have = {str(slug).casefold() for slug in raw} if isinstance(raw, dict) else set()
    return any(slug.casefold() in have for slug in slugs)
