"""Lists as Cachet serves them: filtering (2.12), sorting (2.11) and pagination (2.10)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, quote_plus

from cachet_emulator import php
from cachet_emulator.api_call import ApiCall, Reply
from cachet_emulator.errors import server_error
from cachet_emulator.schema import TABLES, Row
from cachet_emulator.versions import until_23

Where = list[tuple[str, Any]]
Ordering = list[tuple[str, bool]]
DEFAULT_PER_PAGE = 20
MODEL_PER_PAGE = 15


@dataclass(frozen=True)
class Query:
    """What a list selects: table, conditions, ordering and an optional extra SQL condition."""

    table: str
    where: Where
    order_by: Ordering
    extra_sql: str = ""
    extra_parameters: Sequence[Any] = ()


def search_conditions(
    call: ApiCall, table: str, searchable: Sequence[str], hidden: Sequence[str] = ()
) -> Where:
    """Cachet's SearchableTrait: every input key becomes `column = value` once one is searchable.

    A key that is not a column (e.g. `page`) or an array value is a 500, as real Cachet's SQL
    error is; values are compared with MySQL's semantics and never reach the SQL text.
    `hidden` names columns the emulated version does not have (e.g. 2.3 group `visible`).
    """
    # Binput::except() cleans the whole array, which drops its null values.
    excluded = ("sort", "order", "per_page")
    search = {k: v for k, v in call.input.items() if k not in excluded and v is not None}
    if not any(key in searchable for key in search):
        return []
    schema = TABLES[table]
    conditions: Where = []
    for key, value in search.items():
        column = schema.column(key) if key not in hidden else None
        if column is None or isinstance(value, list | dict):
            raise server_error()
        if column.sql in ("INTEGER", "REAL"):
            conditions.append((key, php.mysql_number(value)))
        else:
            conditions.append((key, php.to_string(value)))
    return conditions


def sort_order(call: ApiCall, sortable: Sequence[str], direction_works: bool = False) -> Ordering:
    """The ORDER BY a `sort` parameter asks for.

    Most resources pass a boolean as direction, so the order is always descending (Bug); only
    component groups (`direction_works`) honour `order`, ascending by default.
    """
    column = call.input.get("sort")
    if not php.cast_bool(column) or not isinstance(column, str) or column not in sortable:
        return []
    if not direction_works:
        return [(column, True)]
    direction = call.input.get("order", "asc")
    if isinstance(direction, list | dict):
        raise server_error()  # strtolower() on an array is a PHP warning, hence a 500
    return [(column, php.to_string(direction).lower() != "asc")]


def paginate(call: ApiCall, query: Query, present: Callable[[Row], Any]) -> Reply:
    """Serve one page of `query` with Cachet's meta.pagination block."""
    per_page = _per_page(call.input.get("per_page", DEFAULT_PER_PAGE))
    page = _page(call.raw_input.get("page"))
    store = call.store
    extra_sql, extra_parameters = query.extra_sql, query.extra_parameters
    total = store.count(
        query.table, query.where, extra_sql=extra_sql, extra_parameters=extra_parameters
    )
    if per_page == 0:
        raise server_error()  # PHP division by zero, e.g. per_page=0.0
    limit = php.cast_int(per_page) if per_page >= 0 else None
    offset = max(0, php.cast_int((page - 1) * per_page)) if limit is not None else 0
    rows = []
    if total:
        rows = store.select(
            query.table,
            query.where,
            query.order_by,
            limit=limit,
            offset=offset,
            extra_sql=extra_sql,
            extra_parameters=extra_parameters,
        )
    quotient = total / per_page
    pages = math.ceil(quotient) if math.isfinite(quotient) else 0  # PHP: (int) INF is 0
    last_page = max(pages, call.pick(FEWEST_PAGES))
    links = {
        "next_page": _page_url(call, page + 1) if page < last_page else None,
        "previous_page": _page_url(call, page - 1) if page > 1 else None,
    }
    pagination = {
        "total": total,
        "count": len(rows),
        "per_page": php.cast_int(per_page),
        "current_page": page,
        "total_pages": last_page,
        "links": links,
    }
    return Reply(200, {"meta": {"pagination": pagination}, "data": [present(r) for r in rows]})


def _per_page(value: Any) -> float:
    """The page size Laravel ends up with; 500 for values PHP arithmetic refuses."""
    if not php.cast_bool(value):
        return MODEL_PER_PAGE
    if isinstance(value, list | dict) or not (isinstance(value, bool) or php.is_numeric(value)):
        raise server_error()
    return float(value) if isinstance(value, bool) else php.to_number(value)


def _page(value: Any) -> int:
    """Laravel's page resolver: a valid integer >= 1, else page 1."""
    number = php.filter_int(value)
    return number if number is not None and number >= 1 else 1


def _page_url(call: ApiCall, page: int) -> str:
    parameters = [(key, value) for key, value in call.query.items() if key != "page"]
    parameters.append(("page", page))
    encode = call.pick(LINK_ENCODING)
    query = "&".join(_build_query(parameters, encode))
    return f"{call.site_url}{call.path}?{query}"


def _rawurlencode(text: str) -> str:
    return quote(text, safe="-_.~")


def _plus_encoded(text: str) -> str:
    return quote_plus(text)


def _build_query(
    parameters: Sequence[tuple[str, Any]], encode: Callable[[str], str], prefix: str = ""
) -> list[str]:
    """PHP's http_build_query: nested arrays become `key[sub]=value` pairs."""
    parts: list[str] = []
    for key, value in parameters:
        name = f"{prefix}[{key}]" if prefix else str(key)
        if isinstance(value, dict):
            parts += _build_query(list(value.items()), encode, name)
        elif isinstance(value, list):
            parts += _build_query([(str(i), v) for i, v in enumerate(value)], encode, name)
        else:
            parts.append(f"{encode(name)}={encode(php.to_string(value))}")
    return parts


FEWEST_PAGES = until_23(1, 0)
"""The least `last_page` a paginator reports: 2.3's says 0 pages for no rows."""
LINK_ENCODING = until_23(_rawurlencode, _plus_encoded)
"""How the query of a page link is encoded (2.3 writes spaces as `+`)."""
