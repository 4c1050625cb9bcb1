"""Field declarations: how each value looks on the wire and in Python.

A codec turns a response value into Python (`decode`) and a Python value into what a request
must carry (`encode`). `Field` is the attribute descriptor resources declare their data with.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timezone, tzinfo
from typing import Any, Generic, Protocol, TypeVar, overload

from cachetclient import dates
from cachetclient.clear import CLEAR, Clear

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
N = TypeVar("N", int, float)

_from_iso_format = datetime.fromisoformat
_DECIMAL_INTEGER = re.compile(r"\s*[+-]?[0-9]+\s*\Z")


class Codec(Protocol[T]):
    """Converts one kind of value between Python and Cachet's JSON."""

    plain: tuple[type, ...] = ()
    """Exact types of response values that are already their Python value (read as they are)."""

    def decode(self, raw: Any, tz: tzinfo | None) -> T | None:
        """The Python value of a response value (`None` stays `None`)."""

    def encode(self, value: T, tz: tzinfo | None) -> Any:
        """The JSON value to send for a Python value."""


def _number_or_none(raw: Any, convert: Callable[[Any], N]) -> N | None:
    """`convert(raw)`, or None for a missing, empty or unreadable value."""
    if raw is None or raw == "":
        return None
    try:
        return convert(raw)
    except (TypeError, ValueError):
        return None


class Integer(Codec[int]):
    """Integers; decimal strings (`"12"`) are read and sent as integers too."""

    plain = (int,)

    def decode(self, raw: Any, tz: tzinfo | None) -> int | None:
        return _number_or_none(raw, int)

    def encode(self, value: int | str, tz: tzinfo | None) -> Any:
        return as_integer(value)


def as_integer(value: int | str, what: str = "an integer") -> int:
    """`value` as an int: ints, and decimal strings (`"12"`) as parsers and config files give.

    Raises:
        TypeError: for booleans, floats and other types.
        ValueError: for strings that are not a whole decimal number.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        if _DECIMAL_INTEGER.match(value):
            return int(value)
        raise ValueError(f"{what} was expected, not {value!r}")
    raise TypeError(f"{what} was expected, not {value!r}")


class Choice(Codec[int]):
    """Integers from a fixed set (a resource's statuses), checked before anything is sent."""

    plain = (int,)

    def __init__(self, allowed: Iterable[int], what: str) -> None:
        self.allowed = tuple(allowed)
        self.what = what

    def decode(self, raw: Any, tz: tzinfo | None) -> int | None:
        return INTEGER.decode(raw, tz)

    def encode(self, value: int | str, tz: tzinfo | None) -> Any:
        number = as_integer(value, f"a {self.what} (an integer)")
        if number not in self.allowed:
            choices = ", ".join(map(str, self.allowed))
            raise ValueError(
                f"{value!r} is not a {self.what}: use one of {choices} (cachetclient.v1.enums)"
            )
        return number


class Number(Codec[float]):
    """Metric point values: the JSON number as Cachet sent it, as every release returned it.

    Cachet writes integral values without a fraction, so they read as `int` (equal to the
    float); text holding a number reads as a float.
    """

    plain = (float, int)

    def decode(self, raw: Any, tz: tzinfo | None) -> float | None:
        if isinstance(raw, bool):
            return None
        return _number_or_none(raw, float)

    def encode(self, value: float, tz: tzinfo | None) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"a number was expected, not {value!r}")
        return value


class Text(Codec[str]):
    """Strings."""

    plain = (str,)

    def decode(self, raw: Any, tz: tzinfo | None) -> str | None:
        return None if raw is None else str(raw)

    def encode(self, value: str, tz: tzinfo | None) -> Any:
        if not isinstance(value, str):
            raise TypeError(f"a string was expected, not {value!r}")
        return value


class Flag(Codec[bool]):
    """Booleans; Cachet sends some as 0/1 integers (incident and group `visible`)."""

    plain = (bool,)

    def __init__(self, *, as_integer: bool = False) -> None:
        self.as_integer = as_integer

    def decode(self, raw: Any, tz: tzinfo | None) -> bool | None:
        if raw is None:
            return None
        if isinstance(raw, str):
            return raw.strip() not in ("", "0", "false")
        return bool(raw)

    def encode(self, value: bool, tz: tzinfo | None) -> Any:
        if not isinstance(value, (bool, int)):
            raise TypeError(f"a boolean was expected, not {value!r}")
        # Cachet's PHP casts turn the string "false" into true, so only JSON values are sent.
        return int(bool(value)) if self.as_integer else bool(value)


class Timestamp(Codec[datetime]):
    """Timestamps in responses: `Y-m-d H:i:s` in the request timezone (or UTC for raw rows).

    Without a request timezone (the default) they are naive, as Cachet wrote them.
    """

    def __init__(self, *, always_utc: bool = False) -> None:
        self.always_utc = always_utc

    def _zone(self, tz: tzinfo | None) -> tzinfo | None:
        return timezone.utc if self.always_utc and tz is not None else tz

    def decode(self, raw: Any, tz: tzinfo | None) -> datetime | None:
        if raw.__class__ is str and len(raw) == 19 and raw[10] == " ":
            # `Y-m-d H:i:s`, what Cachet writes nearly everywhere, without the general reader
            # (`dates.parse_datetime`): lists read thousands.
            try:
                parsed = _from_iso_format(raw)
            except ValueError:
                parsed = None
            if parsed is not None and parsed.tzinfo is None:
                if tz is None:
                    return parsed
                return parsed.replace(tzinfo=timezone.utc if self.always_utc else tz)
        if not isinstance(raw, str) or not raw.strip():
            return None
        try:
            return dates.parse_datetime(raw, self._zone(tz))
        except ValueError:
            return None

    def encode(self, value: datetime, tz: tzinfo | None) -> Any:
        moment = dates.coerce_datetime(value, self._zone(tz))
        return dates.in_request_timezone(moment, self._zone(tz)).strftime("%Y-%m-%d %H:%M:%S")


DateInput = datetime | date | str | int | float
"""What callers may pass for a date: datetime, date, text Cachet writes, or Unix seconds."""


class MinuteDate(Codec[datetime]):
    """Request dates Cachet parses as `Y-m-d H:i` (`occurred_at`, schedule dates)."""

    def decode(self, raw: Any, tz: tzinfo | None) -> datetime | None:
        return Timestamp().decode(raw, tz)

    def encode(self, value: DateInput, tz: tzinfo | None) -> Any:
        return dates.format_minutes(dates.coerce_datetime(value, tz), tz)


class DayFirstMinuteDate(Codec[datetime]):
    """Request dates Cachet 2.3 parses as `d/m/Y H:i` (incident `created_at`)."""

    def decode(self, raw: Any, tz: tzinfo | None) -> datetime | None:
        return Timestamp().decode(raw, tz)

    def encode(self, value: DateInput, tz: tzinfo | None) -> Any:
        return dates.format_day_first_minutes(dates.coerce_datetime(value, tz), tz)


class UnixSeconds(Codec[datetime]):
    """Metric point `timestamp`: Unix seconds; PUT wants them as a string (2.4 quirk)."""

    def __init__(self, *, as_string: bool = False) -> None:
        self.as_string = as_string

    def decode(self, raw: Any, tz: tzinfo | None) -> datetime | None:
        return None if raw is None else dates.coerce_datetime(int(raw), tz)

    def encode(self, value: DateInput, tz: tzinfo | None) -> Any:
        seconds = dates.to_unix_seconds(dates.coerce_datetime(value, tz), tz)
        return str(seconds) if self.as_string else seconds


class Json(Codec[Any]):
    """Free-form JSON (meta objects, template variables, nested rows)."""

    def decode(self, raw: Any, tz: tzinfo | None) -> Any:
        return raw

    def encode(self, value: Any, tz: tzinfo | None) -> Any:
        return value


class JsonObject(Codec[dict[str, Any]]):
    """JSON objects Cachet sends as `[]` when empty (PHP's empty array): read as `{}`."""

    def decode(self, raw: Any, tz: tzinfo | None) -> dict[str, Any] | None:
        if isinstance(raw, dict):
            return dict(raw)
        return {} if raw == [] else None

    def encode(self, value: dict[str, Any], tz: tzinfo | None) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"a dict was expected, not {value!r}")
        return value


class TagNames(Codec[list[str]]):
    """Component tags on requests: names joined by commas, as Cachet parses them.

    No names encode as `None` (not sent): Cachet ignores an empty list, it cannot remove
    every tag.
    """

    def decode(self, raw: Any, tz: tzinfo | None) -> list[str] | None:
        if isinstance(raw, dict):
            return [str(name) for name in raw.values()]
        return None if raw is None else []

    def encode(self, value: Iterable[str] | str, tz: tzinfo | None) -> Any:
        return ",".join(split_tag_names(value)) or None


class IdList(Codec[list[int]]):
    """Lists of ids (subscriber components)."""

    def decode(self, raw: Any, tz: tzinfo | None) -> list[int] | None:
        return None if raw is None else [int(item) for item in raw]

    def encode(self, value: Iterable[int], tz: tzinfo | None) -> Any:
        return [Integer().encode(item, tz) for item in value]


def split_tag_names(value: Iterable[str] | str) -> list[str]:
    """Tag names from an iterable or a comma-separated string, trimmed, empties dropped."""
    pieces = value.split(",") if isinstance(value, str) else list(value)
    names = []
    for piece in pieces:
        if not isinstance(piece, str):
            raise TypeError(f"tag names must be strings, not {piece!r}")
        if "," in piece:
            raise ValueError(f"a tag name cannot contain a comma: {piece!r}")
        if piece.strip():
            names.append(piece.strip())
    return names


INTEGER = Integer()
NUMBER = Number()
TEXT = Text()
FLAG = Flag()
FLAG_AS_INTEGER = Flag(as_integer=True)
TIMESTAMP = Timestamp()
UTC_TIMESTAMP = Timestamp(always_utc=True)
MINUTE_DATE = MinuteDate()
DAY_FIRST_MINUTE_DATE = DayFirstMinuteDate()
UNIX_SECONDS = UnixSeconds()
UNIX_SECONDS_STRING = UnixSeconds(as_string=True)
JSON = Json()
JSON_OBJECT = JsonObject()
TAG_NAMES = TagNames()
ID_LIST = IdList()


class _OwnersManager(Protocol):
    """What a `Field` asks of its resource's manager."""

    @property
    def _timezone(self) -> tzinfo | None: ...

    def _cleared_value(self, name: str, *, updating: bool = True) -> Any: ...


class FieldOwner(Protocol):
    """What a `Field` reads and writes on the resource it belongs to (`base.Resource`).

    A protocol, so that this module need not import `base`, which imports it.
    """

    _data: dict[str, Any]

    @property
    def _manager(self) -> _OwnersManager: ...

    @property
    def attrs(self) -> dict[str, Any]: ...

    @property
    def timezone(self) -> tzinfo | None: ...

    def mark_changed(self, name: str) -> None: ...


class Field(Generic[T]):
    """A resource attribute backed by one key of the resource's JSON.

    Reading decodes the raw value (missing keys read as `None`); writing is allowed only for
    fields the user may change, stores the value in the raw data and marks it for `update()`
    (`None` is not sent; `CLEAR` stores the value that empties the field).
    """

    def __init__(
        self, codec: Codec[T], *, writable: bool = False, key: str | None = None, doc: str = ""
    ) -> None:
        self.codec = codec
        # Looked up once: lists read these for every item.
        self._plain = codec.plain
        self._decode = codec.decode
        self.writable = writable
        self.key = key or ""
        self.name = ""
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.key = self.key or name

    @overload
    def __get__(self, instance: None, owner: type) -> Field[T]: ...

    @overload
    def __get__(self, instance: FieldOwner, owner: type) -> T | None: ...

    def __get__(self, instance: FieldOwner | None, owner: type) -> Field[T] | T | None:
        if instance is None:
            return self
        raw = instance._data.get(self.key)
        if raw is None or raw.__class__ in self._plain:
            return raw  # type: ignore[return-value]
        return self._decode(raw, instance._manager._timezone)

    def __set__(self, instance: FieldOwner, value: T | Clear | None) -> None:
        if not self.writable:
            raise AttributeError(f"{type(instance).__name__}.{self.name} is read-only")
        if value is None:
            instance.attrs[self.key] = None  # sent as "leave unchanged"
        elif value is CLEAR:
            instance.attrs[self.key] = instance._manager._cleared_value(self.name)
        else:
            instance.attrs[self.key] = self.codec.encode(value, instance.timezone)
        instance.mark_changed(self.name)
