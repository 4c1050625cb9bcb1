"""Date and time as Cachet writes and reads them.

Cachet writes `Y-m-d H:i:s` (and a long `l jS F Y H:i:s` form for `verified_at`) in the
request's timezone, and reads `Y-m-d H:i`, `d/m/Y H:i` (2.3) or Unix seconds depending on the field.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone, tzinfo

# Tried in order; the first that matches wins.
_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M",
)
# `verified_at`: "Saturday 8th August 2020 10:05:15" (PHP `l jS F Y H:i:s`).
_LONG_FORM = re.compile(
    r"^(?:[A-Za-z]+ )?(\d{1,2})(?:st|nd|rd|th) ([A-Za-z]+ \d{4} \d{1,2}:\d{2}:\d{2})$"
)


def parse_datetime(value: str, tz: tzinfo | None) -> datetime:
    """Read any timestamp format Cachet returns; naive results get `tz` attached.

    Raises:
        ValueError: if the text is not a timestamp Cachet writes.
    """
    text = value.strip()
    parsed = _parse_short_form(text) or _parse_long_form(text)
    if parsed is None:
        raise ValueError(f"{text!r} is not a date and time Cachet understands")
    if parsed.tzinfo is None and tz is not None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def _parse_short_form(text: str) -> datetime | None:
    # Resource fields read the usual `Y-m-d H:i:s` before coming here (`fields.Timestamp`).
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_long_form(text: str) -> datetime | None:
    long_form = _LONG_FORM.match(text)
    if not long_form:
        return None
    try:
        return datetime.strptime(f"{long_form[1]} {long_form[2]}", "%d %B %Y %H:%M:%S")
    except ValueError:
        return None


def coerce_datetime(value: datetime | date | str | float, tz: tzinfo | None) -> datetime:
    """Turn what a caller may pass for a date (datetime, date, text, Unix seconds) into a datetime.

    Naive values are taken to be in the request timezone `tz`.
    """
    if isinstance(value, bool):
        raise TypeError("a date was expected, not a boolean")
    if isinstance(value, datetime):
        result = value
    elif isinstance(value, date):
        result = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        result = parse_datetime(value, None)
    elif isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    else:
        raise TypeError(f"a date was expected, not {type(value).__name__}")
    if result.tzinfo is None and tz is not None:
        result = result.replace(tzinfo=tz)
    return result


def in_request_timezone(value: datetime, tz: tzinfo | None) -> datetime:
    """The wall-clock time Cachet must see: aware values converted to the request timezone.

    Without a request timezone (the default) Cachet uses its own zone, which the client cannot
    know: every value, naive or aware, is sent as the wall-clock time it shows (an aware
    value's zone is dropped, as the releases did), so what is read back equals what was sent.
    """
    if tz is not None and value.tzinfo is not None:
        return value.astimezone(tz)
    return value


def format_minutes(value: datetime, tz: tzinfo | None) -> str:
    """`Y-m-d H:i`: `occurred_at` and schedule dates (seconds make Cachet answer 500)."""
    return in_request_timezone(value, tz).strftime("%Y-%m-%d %H:%M")


def format_day_first_minutes(value: datetime, tz: tzinfo | None) -> str:
    """`d/m/Y H:i`: the 2.3 incident `created_at`."""
    return in_request_timezone(value, tz).strftime("%d/%m/%Y %H:%M")


def to_unix_seconds(value: datetime, tz: tzinfo | None) -> int:
    """Unix seconds for metric point timestamps; naive values are in `tz` (UTC if none)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz or timezone.utc)
    return int(value.timestamp())
