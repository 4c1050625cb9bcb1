"""JSON:API documents as `timacdonald/json-api` writes them for Cachet 3 (spec 4.1, 4.2).

Each resource module registers a `Kind`: its JSON:API type, table, attributes presenter and
relationships. `document()` renders one resource or a list with `relationships` for the
requested includes and a de-duplicated `included` (first level first, then nested ones).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.v3 import times
from cachet_emulator.v3.call import Call
from cachet_emulator.v3.schema import META

IncludeTree = dict[str, "IncludeTree"]
Loader = Callable[[Call, Row], list[Row]]


@dataclass(frozen=True)
class Relation:
    """A relationship: the Kind it points to, to-many or not, and how to load its rows."""

    target: str
    many: bool
    load: Loader


@dataclass(frozen=True)
class Kind:
    """One resource type: JSON:API type, table, Cachet model, attributes and relationships.

    `metable` is the morph name of its meta rows (None when it has no meta).
    """

    type: str
    table: str
    model: str
    attributes: Callable[[Call, Row], dict[str, Any]]
    relations: dict[str, Relation] = field(default_factory=dict)
    metable: str | None = None


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Make `kind` known by its JSON:API type."""
    KINDS[kind.type] = kind
    return kind


def enum_object(value: int | None, labels: dict[int, str]) -> dict[str, Any]:
    """`{"human": label, "value": int}`, both null for a null value."""
    if value is None:
        return {"human": None, "value": None}
    return {"human": labels.get(value), "value": value}


def time_object(call: Call, stored: str | None) -> dict[str, Any]:
    """`{"human", "string"}` in the app timezone."""
    return times.time_object(stored, call.zone)


def meta_values(call: Call, metable: str, row_id: int) -> dict[str, Any] | list[Any]:
    """The resource's meta as key -> value; `[]` when it has none (an empty collection)."""
    rows = call.store.select(META, [("metable_type", metable), ("metable_id", row_id)])
    return {row["key"]: row["value"] for row in rows} or []


def _identifier(kind: Kind, row: Row) -> dict[str, str]:
    return {"type": kind.type, "id": str(row["id"])}


@dataclass
class _Renderer:
    """Renders resource objects and collects what goes to `included`."""

    call: Call
    fields: dict[str, list[str]]
    included: list[dict[str, Any]] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)

    def resource(self, kind: Kind, row: Row, tree: IncludeTree) -> tuple[dict[str, Any], list[Any]]:
        """The resource object and the (kind, row, subtree) of what it includes."""
        row = dict(row)
        if "meta" in tree and kind.metable is not None:
            row["_meta"] = meta_values(self.call, kind.metable, row["id"])
        for name in tree:  # `componentsCount`: the count an attribute may show
            counted = name.removesuffix("Count")
            if counted != name and counted in kind.relations:
                row[f"_{counted}_count"] = len(kind.relations[counted].load(self.call, row))
        attributes = kind.attributes(self.call, row)
        wanted = self.fields.get(kind.type)
        if wanted is not None:
            attributes = {key: value for key, value in attributes.items() if key in wanted}
        resource: dict[str, Any] = {"id": str(row["id"]), "type": kind.type}
        if attributes:
            resource["attributes"] = attributes
        relationships: dict[str, Any] = {}
        children: list[Any] = []
        for name, subtree in tree.items():
            relation = kind.relations.get(name)
            if relation is None:
                continue
            target = KINDS[relation.target]
            related = relation.load(self.call, row)
            if relation.many:
                relationships[name] = {"data": [_identifier(target, r) for r in related]}
            else:
                relationships[name] = {"data": _identifier(target, related[0]) if related else None}
            children.extend((target, r, subtree) for r in related)
        if relationships:
            resource["relationships"] = relationships
        return resource, children

    def include_all(self, pending: list[Any]) -> None:
        """Render the related resources level by level into `included`."""
        while pending:
            next_level: list[Any] = []
            for kind, row, tree in pending:
                key = (kind.type, str(row["id"]))
                resource, children = self.resource(kind, row, tree)
                next_level.extend(children)
                if key not in self.seen:
                    self.seen.add(key)
                    self.included.append(resource)
            pending = next_level


def meta_member(row: Row) -> dict[str, Any]:
    """`{"meta": ...}` when the meta include was asked for (the renderer put it in `_meta`)."""
    return {"meta": row["_meta"]} if "_meta" in row else {}


def document(
    call: Call,
    kind: Kind,
    rows: Row | list[Row],
    tree: IncludeTree,
    fields: dict[str, list[str]] | None = None,
    top: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The document of one row (a dict) or a list of rows, with `top` members after data."""
    renderer = _Renderer(call, fields or {})
    single = isinstance(rows, dict)
    items = [rows] if isinstance(rows, dict) else rows
    data, pending = [], []
    for row in items:
        resource, children = renderer.resource(kind, row, tree)
        renderer.seen.add((kind.type, str(row["id"])))
        data.append(resource)
        pending.extend(children)
    renderer.include_all(pending)
    body: dict[str, Any] = {"data": data[0] if single else data}
    body.update(top or {})
    if renderer.included:
        body["included"] = renderer.included
    return body
