"""A Cachet 3 resource: one JSON:API resource object read as plain Python values.

Attributes are declared once per resource class (`Attribute`, `Related`); the raw document
stays available as `raw`. Related resources are reachable when the request included them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from enum import Enum
from typing import Any, ClassVar, Generic, TypeVar, overload

from cachetclient.v3 import values

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

Document = dict[str, Any]
"""`{"data": <resource object>, "included": [...]}`: one resource and what came with it."""

RESOURCE_TYPES: dict[str, type[Resource]] = {}
"""Resource classes by JSON:API `type` (filled as the classes are defined)."""


class Attribute(Generic[T]):
    """A declared attribute: reads `attributes[key]` with `read` (None when absent)."""

    def __init__(
        self, read: Callable[[Any, tzinfo], T | None], *, key: str = "", doc: str = ""
    ) -> None:
        self.read = read
        self.key = key
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.key = self.key or name

    @overload
    def __get__(self, instance: None, owner: type) -> Attribute[T]: ...
    @overload
    def __get__(self, instance: Resource, owner: type) -> T | None: ...
    def __get__(self, instance: Resource | None, owner: type) -> Attribute[T] | T | None:
        if instance is None:
            return self
        raw = instance.attributes.get(self.key)
        return None if raw is None else self.read(raw, instance.zone)


def integer(doc: str, *, key: str = "") -> Attribute[int]:
    """An int attribute."""
    return Attribute(lambda raw, zone: int(raw), key=key, doc=doc)


def number(doc: str, *, key: str = "") -> Attribute[float]:
    """A float attribute (Cachet may send a numeric string)."""
    return Attribute(lambda raw, zone: float(raw), key=key, doc=doc)


def text(doc: str, *, key: str = "") -> Attribute[str]:
    """A string attribute."""
    return Attribute(lambda raw, zone: str(raw), key=key, doc=doc)


def boolean(doc: str, *, key: str = "") -> Attribute[bool]:
    """A bool attribute (Cachet may send 0/1)."""
    return Attribute(lambda raw, zone: bool(raw), key=key, doc=doc)


def enum(kind: type[E], doc: str, *, key: str = "") -> Attribute[E]:
    """An enum attribute, from `{"human", "value"}` or a bare value."""
    return Attribute(lambda raw, zone: _enum(raw, kind), key=key, doc=doc)


def timestamp(doc: str, *, key: str = "") -> Attribute[datetime]:
    """An aware datetime attribute, from `{"human", "string"}`."""
    return Attribute(values.moment, key=key, doc=doc)


def raw_value(doc: str, *, key: str = "") -> Attribute[Any]:
    """An attribute returned as Cachet sent it (e.g. `meta`)."""
    return Attribute(lambda raw, zone: raw, key=key, doc=doc)


def _enum(raw: Any, kind: type[E]) -> E:
    member = values.enum_value(raw, kind)
    if member is None:
        raise ValueError(f"no {kind.__name__} value in {raw!r}")
    return member


class Resource:
    """One Cachet 3 resource. `raw` is its document; attributes are plain Python values."""

    json_type: ClassVar[str] = ""
    """The JSON:API `type` Cachet gives this resource (`componentGroups`, `updates`...)."""
    repr_fields: ClassVar[tuple[str, ...]] = ("name",)
    """Attributes shown by `repr()` after the id."""

    __slots__ = ("_document", "_zone")

    # Every resource Cachet 3 serves carries these two times.
    created_at = timestamp("When it was created", key="created")
    updated_at = timestamp("When it was last changed", key="updated")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.json_type:
            RESOURCE_TYPES.setdefault(cls.json_type, cls)

    def __init__(self, document: Document, zone: tzinfo) -> None:
        """Read `document` (`{"data": {...}, "included": [...]}`), its times in `zone`."""
        self._document = document
        self._zone = zone

    @property
    def raw(self) -> Document:
        """The JSON:API document the resource was read from, as Cachet sent it."""
        return self._document

    @property
    def attributes(self) -> dict[str, Any]:
        """The raw `attributes` of the resource object."""
        attributes = self._document["data"].get("attributes")
        return attributes if isinstance(attributes, dict) else {}

    @property
    def id(self) -> int:
        """The resource's id (Cachet sends it as a string)."""
        return int(self._document["data"]["id"])

    @property
    def zone(self) -> tzinfo:
        """The timezone Cachet writes this resource's times in."""
        return self._zone

    def related(self, name: str) -> Resource | list[Resource] | None:
        """The included resource(s) of relationship `name`.

        Raises:
            LookupError: if the request did not include the relationship.
        """
        relationships = self._document["data"].get("relationships") or {}
        if name not in relationships:
            raise LookupError(
                f"{type(self).__name__}.{name} was not included: fetch it with include=[{name!r}]"
            )
        linkage = relationships[name].get("data")
        if isinstance(linkage, list):
            return [self._resolve(item) for item in linkage]
        return None if linkage is None else self._resolve(linkage)

    def related_list(self, name: str) -> list[Any]:
        """The included resources of to-many relationship `name` (`[]` when there are none).

        Raises:
            LookupError: if the request did not include the relationship.
        """
        found = self.related(name)
        return found if isinstance(found, list) else []

    def _resolve(self, linkage: dict[str, Any]) -> Resource:
        included = self._document.get("included") or []
        for item in included:
            if item.get("type") == linkage.get("type") and str(item.get("id")) == str(
                linkage.get("id")
            ):
                kind = RESOURCE_TYPES.get(str(item.get("type")), Resource)
                return kind({"data": item, "included": included}, self._zone)
        kind = RESOURCE_TYPES.get(str(linkage.get("type")), Resource)
        return kind({"data": linkage, "included": included}, self._zone)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Resource)
        return self.id == other.id

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    def __repr__(self) -> str:
        shown = [f"id={self.id!r}"]
        shown += [f"{name}={getattr(self, name, None)!r}" for name in self.repr_fields]
        return f"<{type(self).__name__} {' '.join(shown)}>"
