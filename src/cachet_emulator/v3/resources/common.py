"""What the Cachet 3 resource handlers share: enums, visibility scopes, writes and meta."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.store import quote
from cachet_emulator.v3 import times
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.documents import IncludeTree, Kind, document, time_object
from cachet_emulator.v3.errors import model_not_found
from cachet_emulator.v3.listing import (
    Listing,
    include_tree,
    paginate,
    parse,
    parse_show,
    requested_includes,
)
from cachet_emulator.v3.schema import COMPONENTS, META, TABLES, UPDATES

COMPONENT_STATUS = {
    1: "Operational",
    2: "Performance issues",
    3: "Partial outage",
    4: "Major outage",
    5: "Unknown",
    6: "Under maintenance",
}
INCIDENT_STATUS = {0: "Reported", 1: "Investigating", 2: "Identified", 3: "Watching", 4: "Fixed"}
SCHEDULE_STATUS = {0: "Upcoming", 1: "In progress", 2: "Complete"}
# ComponentStatusEnum::severity(): which status wins when several apply.
SEVERITY = {4: 5, 3: 4, 2: 3, 6: 2, 5: 1, 1: 0}
GUEST, AUTHENTICATED = 1, 0

COMPONENT_STATUS_RULE = "enum:" + ",".join(str(value) for value in COMPONENT_STATUS)
INCIDENT_STATUS_RULE = "enum:" + ",".join(str(value) for value in INCIDENT_STATUS)


def visible_sql(call: Call, column: str = "visible") -> str:
    """`scopeVisible`: guests see 1 (guest), token holders 0 and 1, nobody 2 (hidden)."""
    return f"{quote(column)} IN (0, 1)" if call.authenticated else f"{quote(column)} = 1"


def published_sql(table: str) -> tuple[str, list[Any]]:
    """Published: no publication time, or one not after now."""
    column = f"{quote(table)}.published_at"
    return f"({column} IS NULL OR {column} <= ?)", [times.now_stored()]


def write_tree(call: Call) -> IncludeTree:
    """Includes on POST/PUT: not validated, relationships honoured, the rest ignored.

    Cachet loads those relations unscoped; the emulator's loaders scope them to the caller
    as on reads. The writer holds a token, so only hidden (2) rows can differ.
    """
    names = [name for name in requested_includes(call) if name != "meta"]
    return include_tree([name for name in names if not name.endswith(("Count", "Exists"))])


def timestamps(call: Call, row: Row) -> dict[str, Any]:
    """The `created` and `updated` attributes every resource ends with."""
    return {
        "created": time_object(call, row["created_at"]),
        "updated": time_object(call, row["updated_at"]),
    }


Loader = Callable[[Call, Row], list[Row]]
Where = list[tuple[str, Any]]


def pivot_components(pivot: str, owner_column: str) -> Loader:
    """A `components` relation through `pivot`, each with its impact as `_pivot_status`."""

    def load(call: Call, row: Row) -> list[Row]:
        return call.store.execute(
            f"SELECT c.*, p.component_status AS _pivot_status FROM {quote(COMPONENTS)} c"
            f" JOIN {quote(pivot)} p ON p.component_id = c.id"
            f" WHERE p.{owner_column} = ? AND c.deleted_at IS NULL ORDER BY p.id",
            (row["id"],),
        )

    return load


def updates_of(updateable_type: str) -> Loader:
    """An `updates` relation: the updates whose morph type is `updateable_type`."""

    def load(call: Call, row: Row) -> list[Row]:
        return call.store.select(
            UPDATES, [("updateable_type", updateable_type), ("updateable_id", row["id"])]
        )

    return load


def index(
    call: Call, kind: Kind, listing: Listing, scope: tuple[str, list[Any]] = ("", [])
) -> Answer:
    """An index route: one page of `kind`'s rows under the caller's scope and the query."""
    parsed = parse(call, listing, kind.table, kind.metable)
    return Answer(200, paginate(call, kind, parsed, scope))


def show(
    call: Call, kind: Kind, listing: Listing, name: str, scope: tuple[str, list[Any]] = ("", [])
) -> Answer:
    """A show route: the bound row found again under the caller's scope, else 404."""
    parsed = parse_show(call, listing)
    row = call.bound[name]
    if scope[0]:
        found = call.store.select(
            kind.table,
            extra_sql=f"{quote(kind.table)}.id = ? AND ({scope[0]})",
            extra_parameters=[row["id"], *scope[1]],
        )
        if not found:
            raise model_not_found(kind.model, row["id"])
        row = found[0]
    return Answer(200, document(call, kind, row, parsed.tree, parsed.fields))


def created(call: Call, kind: Kind, row: Row, status: int = 201) -> Answer:
    """The answer to a create: the model as inserted."""
    return Answer(status, document(call, kind, row, write_tree(call)))


def stored(call: Call, kind: Kind, row: Row, status: int = 201) -> Answer:
    """The answer to a create of a resource with meta: `meta` synced, then `created`."""
    assert kind.metable is not None
    sync_meta(call, kind.metable, row["id"], call.input.get("meta"))
    return created(call, kind, row, status)


def refreshed(call: Call, kind: Kind, row_id: int) -> Answer:
    """The answer to an update: `meta` synced when given, then the row read again (`->fresh()`)."""
    if kind.metable is not None and call.given("meta"):
        sync_meta(call, kind.metable, row_id, call.input["meta"])
    row = call.store.find(kind.table, row_id)
    assert row is not None
    return Answer(200, document(call, kind, row, write_tree(call)))


def updated(call: Call, kind: Kind, row_id: int, values: Row) -> Answer:
    """The answer to a plain update: `values` written, then the row `refreshed`."""
    update(call, kind.table, row_id, values)
    return refreshed(call, kind, row_id)


def insert(call: Call, table: str, values: Row) -> Row:
    """Insert a row with timestamps; returns it as inserted (database defaults show null)."""
    now = times.now_stored()
    values = {**values, "created_at": now, "updated_at": now}
    row_id = call.store.insert(table, values)
    row = {column.name: None for column in TABLES[table].columns}
    return {**row, **values, "id": row_id}


def update(call: Call, table: str, row_id: int, values: Row) -> None:
    """Write `values` and touch `updated_at` (Eloquent saves only when something changed)."""
    if values:
        call.store.update(table, row_id, {**values, "updated_at": times.now_stored()})


def soft_delete(call: Call, table: str, row_id: int) -> None:
    """Set `deleted_at`: the row is gone for every route."""
    now = times.now_stored()
    call.store.update(table, row_id, {"deleted_at": now, "updated_at": now})


def destroyed(
    call: Call, kind: Kind, row_id: int, dependents: Sequence[tuple[str, Where]] = ()
) -> Answer:
    """The answer to a delete: each (table, where) of `dependents` emptied, then the row
    removed (soft-deleted when its table soft-deletes); 204."""
    for table, where in dependents:
        call.store.delete(table, where)
    if TABLES[kind.table].soft_deletes:
        soft_delete(call, kind.table, row_id)
    else:
        call.store.delete(kind.table, [("id", row_id)])
    return no_content()


def no_content() -> Answer:
    """204 with an empty body."""
    return Answer(204)


def sync_meta(call: Call, metable: str, row_id: int, meta: Any) -> None:
    """`syncMeta`: the object replaces the whole set; keys not sent are deleted.

    A PHP array is both: `{}` arrives as an empty array and clears the set, a list's keys
    are its positions.
    """
    if isinstance(meta, list):
        meta = {str(index): value for index, value in enumerate(meta)}
    if not isinstance(meta, dict):
        return
    call.store.delete(META, [("metable_type", metable), ("metable_id", row_id)])
    now = times.now_stored()
    for key, value in meta.items():
        call.store.insert(
            META,
            {
                "metable_type": metable,
                "metable_id": row_id,
                "key": str(key),
                "value": value,
                "created_at": now,
                "updated_at": now,
            },
        )


def date_input(call: Call, name: str) -> str | None:
    """A validated date field as stored (UTC), None when absent or null."""
    moment = times.parse_date(call.input.get(name), call.zone)
    return None if moment is None else times.stored(moment)


def integer(value: Any) -> int | None:
    """A validated integer-like value as int."""
    if value is None:
        return None
    return int(float(value)) if not isinstance(value, bool) else int(value)


def bound_id(call: Call, name: str) -> int:
    """The id of the row bound to path parameter `name`."""
    return int(call.bound[name]["id"])
