"""Cachet 3's attribute shapes read as plain Python values, and Python values as it takes them.

Cachet 3 sends enums as `{"human", "value"}` and times as `{"human", "string"}`, the string
in its app timezone with no offset; it reads times with or without an offset.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from enum import Enum
from typing import Any, TypeVar

from cachetclient.clear import CLEAR

E = TypeVar("E", bound=Enum)

_FORMAT = "%Y-%m-%d %H:%M:%S"


def enum_value(raw: Any, kind: type[E]) -> E | None:
    """The enum member of `{"human", "value"}` (or a bare value); an unknown value is an error."""
    value = raw.get("value") if isinstance(raw, dict) else raw
    return None if value is None else kind(value)


def moment(raw: Any, zone: tzinfo) -> datetime | None:
    """The aware datetime of `{"human", "string"}` (or a bare string) in Cachet's zone."""
    text = raw.get("string") if isinstance(raw, dict) else raw
    if not text:
        return None
    return datetime.strptime(str(text), _FORMAT).replace(tzinfo=zone)


def encoded(value: Any, zone: tzinfo) -> Any:
    """`value` as a request body or query takes it: enums by value, datetimes as text.

    An aware datetime is sent with its offset (Cachet converts it); a naive one is Cachet's
    wall-clock time. Lists, tuples and dicts are encoded item by item.
    """
    if value is CLEAR:
        raise ValueError("Cachet 3 cannot empty a field through its API (null means unchanged)")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.strftime(_FORMAT)
        return value.isoformat(timespec="seconds")
    if isinstance(value, dict):
        return {str(key): encoded(item, zone) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [encoded(item, zone) for item in value]
    return value


def query_value(value: Any, zone: tzinfo) -> str:
    """`value` as a `filter[...]` takes it: booleans `true`/`false`, several values comma-joined."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | set | frozenset):
        return ",".join(query_value(item, zone) for item in value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(zone).replace(tzinfo=None)  # compared as Cachet's own time
    return str(encoded(value, zone))


def component_impacts(items: Any) -> list[Any]:
    """`components=` of incidents and schedules: `(id, status)` pairs become `{"id", "status"}`."""
    return [
        {"id": item[0], "status": item[1]} if isinstance(item, tuple) and len(item) == 2 else item
        for item in items
    ]
