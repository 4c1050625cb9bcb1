"""Turning stored rows into API representations: Eloquent casts and presented timestamps."""

from __future__ import annotations

from functools import cache
from typing import Any

from cachet_emulator import php
from cachet_emulator.api_call import ApiCall
from cachet_emulator.schema import TABLES, Row

PRESENTED_TIMESTAMPS = ("created_at", "updated_at")


def cast(kind: str | None, value: Any) -> Any:
    """Apply an Eloquent cast (`int`, `bool`, `float`); null stays null.

    `json` values pass as they are: the store already decodes JSON columns.
    """
    if value is None or kind is None:
        return value
    if kind == "int":
        return php.cast_int(value)
    if kind == "bool":
        return php.cast_bool(value)
    if kind == "float":
        return php.cast_float(value)
    return value


def model_array(
    call: ApiCall,
    table: str,
    attributes: Row,
    timestamps: tuple[str, ...] = PRESENTED_TIMESTAMPS,
    hidden: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A model's attributes in their order, cast, with `timestamps` presented.

    Used for both GET shapes (a full row) and create shapes (only the attributes the insert
    set, in the order Eloquent holds them).
    """
    casts = _casts(table)
    result: dict[str, Any] = {}
    for name, value in attributes.items():
        if name in hidden:
            continue
        if name in timestamps:
            result[name] = call.present_time(value)
            continue
        kind = casts.get(name)
        result[name] = value if kind is None else cast(kind, value)
    return result


@cache
def _casts(table: str) -> dict[str, str]:
    """Column name -> Eloquent cast, for the columns that have one."""
    return {column.name: column.cast for column in TABLES[table].columns if column.cast}


def utc_array(table: str, row: Row) -> dict[str, Any]:
    """A raw model without presenter: casts only, timestamps stay UTC."""
    schema = TABLES[table]
    result: dict[str, Any] = {}
    for name, value in row.items():
        column = schema.column(name)
        result[name] = cast(column.cast if column else None, value)
    return result
