"""Index and show query parameters (spatie/laravel-query-builder 6) and simple pagination.

A route declares a `Listing`: its filters, sorts, includes and default sort. `parse()` turns
the query into SQL pieces or the 400 spatie gives for a name it does not allow;
`page()` runs Laravel's `simplePaginate` with its links that keep only `page` (spec 4.3).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cachet_emulator.store import quote
from cachet_emulator.v3.call import Call
from cachet_emulator.v3.documents import IncludeTree, Kind, document
from cachet_emulator.v3.errors import bad_query
from cachet_emulator.v3.schema import META

# A custom filter: (call, value, table) -> (SQL condition, parameters).
CustomFilter = Callable[[Call, Any, str], tuple[str, list[Any]]]


@dataclass(frozen=True)
class Filter:
    """An allowed filter: partial (LIKE), exact (= / IN) or custom."""

    name: str
    mode: str = "partial"  # "partial", "exact" or "custom"
    custom: CustomFilter | None = None
    default: Any = None


@dataclass(frozen=True)
class Listing:
    """What an index (and its show) allows: filters, sorts, includes; the default order."""

    filters: tuple[Filter, ...] = ()
    sorts: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()
    default_sort: tuple[tuple[str, bool], ...] = ()
    # Plain relationship includes -> the `fields[...]` key spatie looks up for them (the
    # snake plural of the relation); sending that key with the include is a 400 (spec 4.6).
    field_keys: dict[str, str] = field(default_factory=dict)


def relationships(*names: str) -> tuple[str, ...]:
    """Spatie's `AllowedInclude::relationship`: each name, then its `Count` and `Exists`."""
    return tuple(include for name in names for include in (name, name + "Count", name + "Exists"))


@dataclass
class Parsed:
    """The query of one request in SQL pieces."""

    conditions: list[str] = field(default_factory=list)
    parameters: list[Any] = field(default_factory=list)
    order: list[tuple[str, bool]] = field(default_factory=list)
    tree: IncludeTree = field(default_factory=dict)
    fields: dict[str, list[str]] = field(default_factory=dict)


def filter_value(value: Any) -> Any:
    """spatie's value parsing: commas make a list, exactly true/false become booleans."""
    if isinstance(value, dict):
        return {key: filter_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [filter_value(item) for item in value]
    if isinstance(value, str) and "," in value:
        return [filter_value(part) for part in value.split(",")]
    if value in ("true", "false"):
        return value == "true"
    return value


def include_tree(names: Sequence[str]) -> IncludeTree:
    """`["components.group", "updates"]` -> {"components": {"group": {}}, "updates": {}}."""
    tree: IncludeTree = {}
    for name in names:
        node = tree
        for part in name.split("."):
            node = node.setdefault(part, {})
    return tree


def requested_includes(call: Call) -> list[str]:
    """The names in `include`, or the 400 json-api gives when it is not a string."""
    value = call.query.get("include")
    if value is None:
        return []
    if not isinstance(value, str):
        raise bad_query(
            "The include parameter must be a comma seperated list of relationship paths."
        )
    return [name for name in value.split(",") if name]


def requested_fields(call: Call) -> dict[str, list[str]]:
    """Sparse fieldsets: `fields[type]=a,b`."""
    value = call.query.get("fields")
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise bad_query("The fields parameter must be an array of resource types.")
    return {str(kind): str(names).split(",") for kind, names in value.items()}


def _not_allowed(what: str, verb: str, unknown: Sequence[str], allowed: Sequence[str]) -> None:
    raise bad_query(
        f"Requested {what}(s) `{', '.join(unknown)}` {verb} not allowed. "
        f"Allowed {what}(s) are `{', '.join(allowed)}`."
    )


def parse(call: Call, listing: Listing, table: str, metable: str | None) -> Parsed:
    """Check and translate include, filter, sort and fields, in spatie's order."""
    parsed = Parsed(fields=requested_fields(call))
    includes = requested_includes(call)
    unknown = [name for name in includes if name not in listing.includes]
    if unknown:
        _not_allowed("include", "are", unknown, listing.includes)
    parsed.tree = include_tree(includes)
    _check_included_fields(listing, includes, parsed.fields)
    _parse_filters(call, listing, table, metable, parsed)
    _parse_sorts(call, listing, parsed)
    return parsed


def parse_show(call: Call, listing: Listing) -> Parsed:
    """A show route checks only its includes."""
    includes = requested_includes(call)
    unknown = [name for name in includes if name not in listing.includes]
    if unknown:
        _not_allowed("include", "are", unknown, listing.includes)
    fields = requested_fields(call)
    _check_included_fields(listing, includes, fields)
    return Parsed(tree=include_tree(includes), fields=fields)


def _check_included_fields(
    listing: Listing, includes: Sequence[str], fields: dict[str, list[str]]
) -> None:
    """spatie's UnknownIncludedFieldsQuery: Cachet never declares allowedFields."""
    for name in includes:
        key = listing.field_keys.get(name)
        if key is not None and key in fields:
            raise bad_query(
                f"Requested field(s) `{', '.join(fields[key])}` are not allowed (yet). If you "
                "want to allow these fields, please make sure to call the QueryBuilder's "
                "`allowedFields` method before the `allowedIncludes` method."
            )


def _parse_filters(
    call: Call, listing: Listing, table: str, metable: str | None, parsed: Parsed
) -> None:
    given = call.query.get("filter")
    requested = given if isinstance(given, dict) else {}
    allowed = {item.name: item for item in listing.filters}
    unknown = [name for name in requested if name not in allowed]
    if unknown and listing.filters:
        _not_allowed("filter", "are", unknown, list(allowed))
    for item in listing.filters:
        value = requested.get(item.name, item.default)
        if value is None:
            continue
        value = filter_value(value)
        # An empty value filters nothing (spatie drops blank values; ConvertEmptyStringsToNull
        # has already made "" a null in Laravel).
        if value == "" or value == []:
            continue
        condition, parameters = _filter_sql(call, item, value, table, metable)
        if condition:
            parsed.conditions.append(condition)
            parsed.parameters.extend(parameters)


def _filter_sql(
    call: Call, item: Filter, value: Any, table: str, metable: str | None
) -> tuple[str, list[Any]]:
    if item.mode == "custom":
        assert item.custom is not None
        return item.custom(call, value, table)
    values = [int(v) if isinstance(v, bool) else v for v in _flat(value)]
    column = quote(item.name)
    if item.mode == "exact":
        marks = ", ".join("?" for _ in values)
        return f"{column} IN ({marks})", values
    likes = " OR ".join(f"LOWER({column}) LIKE ?" for _ in values)
    return f"({likes})", [f"%{str(v).lower()}%" for v in values]


def _flat(value: Any) -> list[Any]:
    """The scalar values of a filter value (lists and nested arrays flattened)."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [item for element in value for item in _flat(element)]
    return [value]


def meta_filter(metable: str) -> CustomFilter:
    """Cachet's MetaFilter: every `filter[meta][key]=value` pair must match."""

    def apply(call: Call, value: Any, table: str) -> tuple[str, list[Any]]:
        if not isinstance(value, dict):
            return "", []
        conditions, parameters = [], []
        for key, expected in value.items():
            if key == "" or isinstance(expected, list | dict):
                continue
            encodings = _encodings(expected)
            marks = ", ".join("?" for _ in encodings)
            conditions.append(
                f"EXISTS (SELECT 1 FROM {quote(META)} m WHERE m.metable_type = ?"
                f" AND m.metable_id = {quote(table)}.id AND m.key = ? AND m.value IN ({marks}))"
            )
            parameters.extend([metable, str(key), *encodings])
        return " AND ".join(conditions), parameters

    return apply


def _encodings(value: Any) -> list[str]:
    """The stored JSON texts a meta filter value matches (3 matches 3 and "3")."""
    if isinstance(value, bool):
        candidates: list[Any] = [value, "true" if value else "false"]
    else:
        text = str(value)
        candidates = [text]
        with contextlib.suppress(ValueError):
            candidates.append(float(text) if "." in text else int(text))
    # The same encoding the store writes JSON columns with.
    texts = [json.dumps(c, separators=(",", ":"), ensure_ascii=False) for c in candidates]
    return list(dict.fromkeys(texts))


def _parse_sorts(call: Call, listing: Listing, parsed: Parsed) -> None:
    value = call.query.get("sort")
    if isinstance(value, str):
        names = [name for name in value.split(",") if name]
    else:  # sort[]=a&sort[]=b: spatie takes the array's entries as the names
        names = [str(name) for name in _flat(value) if name] if value is not None else []
    unknown = [name.lstrip("-") for name in names if name.lstrip("-") not in listing.sorts]
    if unknown:
        _not_allowed("sort", "is", unknown, listing.sorts)
    parsed.order = [(name.lstrip("-"), name.startswith("-")) for name in names]
    if not parsed.order:
        parsed.order = list(listing.default_sort)


def per_page(call: Call) -> int:
    """`Number::clamp($request->integer('per_page', 15), 1, 100)`: junk and 0 become 1."""
    value = call.input.get("per_page", 15)
    return max(1, min(100, _php_intval(value)))


def _php_intval(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return int(value)
    text = str(value).strip()
    digits = ""
    for index, char in enumerate(text):
        if "0" <= char <= "9" or (index == 0 and char in "+-"):
            digits += char
        else:
            break
    try:
        return int(digits)
    except ValueError:
        return 0


def current_page(call: Call) -> int:
    """The `page` parameter when it is an integer of at least 1, else 1."""
    value = call.input.get("page")
    digits = value.strip().lstrip("+") if isinstance(value, str) else ""
    if digits.isascii() and digits.isdigit():
        return max(1, int(digits))
    if isinstance(value, int) and not isinstance(value, bool):
        return max(1, value)
    return 1


def paginate(
    call: Call,
    kind: Kind,
    parsed: Parsed,
    scope: tuple[str, list[Any]] = ("", []),
) -> dict[str, Any]:
    """One page of `kind`'s rows under `scope` and the parsed query, as a document."""
    size, page = per_page(call), min(current_page(call), 2**53)  # a page SQLite can offset
    conditions = [c for c in (scope[0], *parsed.conditions) if c]
    extra_sql = " AND ".join(f"({c})" for c in conditions)
    rows = call.store.select(
        kind.table,
        order_by=parsed.order,
        limit=size + 1,
        offset=(page - 1) * size,
        extra_sql=extra_sql,
        extra_parameters=[*scope[1], *parsed.parameters],
    )
    has_more = len(rows) > size
    rows = rows[:size]
    links = {"first": f"{call.url}?page=1"}
    if page > 1:
        links["prev"] = f"{call.url}?page={page - 1}"
    if has_more:
        links["next"] = f"{call.url}?page={page + 1}"
    start = (page - 1) * size + 1
    meta = {
        "current_page": page,
        "current_page_url": f"{call.url}?page={page}",
        "from": start if rows else None,
        "path": call.url,
        "per_page": size,
        "to": start + len(rows) - 1 if rows else None,
    }
    return document(call, kind, rows, parsed.tree, parsed.fields, {"links": links, "meta": meta})
