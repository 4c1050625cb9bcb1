"""Time as Cachet shows and reads it (spec 2.8): UTC storage, presentation in a timezone.

Stored timestamps are UTC `Y-m-d H:i:s` strings. Presenters convert them to the Cachet
timezone (or the request's `Time-Zone` header); a missing timestamp is presented as "now".
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from cachet_emulator.errors import ApiError


class InvalidTimeZone(ApiError):
    """A 500 for an unknown timezone name (e.g. a bad `Time-Zone` header)."""

    def __init__(self) -> None:
        super().__init__(500)


class DateOutOfRange(ApiError):
    """A bare 400 for a date PHP reads but no date column can hold (outside years 1-9999)."""

    def __init__(self) -> None:
        super().__init__(400)


STORAGE_FORMAT = "%Y-%m-%d %H:%M:%S"
# The Gregorian calendar (weekdays, leap years) repeats every 400 years.
_CALENDAR_CYCLE_YEARS = 400
_MINUTE_FORMAT = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2})")


def now() -> datetime:
    """The current time, aware, in UTC, to the second."""
    return datetime.fromtimestamp(time.time_ns() // 1_000_000_000, timezone.utc)


def stored(moment: datetime) -> str:
    """A moment as stored in the database (UTC `Y-m-d H:i:s`)."""
    utc = moment.astimezone(timezone.utc)
    if utc.year >= 1000:  # isoformat is quicker; strftime writes years before 1000 unpadded
        return utc.isoformat(" ")[:19]
    return utc.strftime(STORAGE_FORMAT)


_last_stored_now: tuple[datetime | None, str] = (None, "")


def stored_now() -> str:
    """`stored(now())`: the current second as stored, formatted once per second."""
    global _last_stored_now
    moment = now()
    if _last_stored_now[0] != moment:
        _last_stored_now = (moment, stored(moment))
    return _last_stored_now[1]


def parse_stored(text: str) -> datetime:
    """A stored UTC timestamp as an aware datetime."""
    return datetime.strptime(text, STORAGE_FORMAT).replace(tzinfo=timezone.utc)


@lru_cache(maxsize=64)
def _zone_names_by_lowercase() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    """The timezone called `name` (case-insensitive, like PHP); a 500 when unknown."""
    if name.upper() == "UTC":
        return ZoneInfo("UTC")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        canonical = _zone_names_by_lowercase().get(name.lower())
        if canonical is None:
            raise InvalidTimeZone() from None
        return ZoneInfo(canonical)


def _local(moment: datetime, zone_name: str) -> tuple[datetime, int]:
    """`moment` in `zone_name`, and the years to add to it when shown.

    Near the ends of years 1-9999 the local time may fall outside Python's range; PHP shows
    it anyway (`10000-01-01 08:30:00`), so convert a moment one calendar cycle away instead.
    """
    try:
        return moment.astimezone(zone(zone_name)), 0
    except OverflowError:
        cycle = _CALENDAR_CYCLE_YEARS
        shift = cycle if moment.year > cycle else -cycle
        local = moment.replace(year=moment.year - shift).astimezone(zone(zone_name))
        return local, shift


def _year(local: datetime, shift: int) -> str:
    year = local.year + shift
    return f"{year:04d}" if year >= 0 else f"-{-year:04d}"


def present(value: str | None, zone_name: str) -> str:
    """A stored timestamp shown in `zone_name`; None shows the current time (Cachet's bug)."""
    if value is not None and zone_name == "UTC":
        return value
    local, shift = _local(now() if value is None else parse_stored(value), zone_name)
    return f"{_year(local, shift)}-{local:%m-%d %H:%M:%S}"


def _ordinal(day: int) -> str:
    if day % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def present_long(value: str | None, zone_name: str) -> str:
    """PHP `l jS F Y H:i:s` (e.g. `Saturday 8th August 2020 10:05:15`); None shows now."""
    local, shift = _local(now() if value is None else parse_stored(value), zone_name)
    day = calendar.day_name[local.weekday()]
    month = calendar.month_name[local.month]
    return f"{day} {local.day}{_ordinal(local.day)} {month} {_year(local, shift)} {local:%H:%M:%S}"


class DateFormatError(ValueError):
    """A date that PHP's createFromFormat('Y-m-d H:i') refuses; the message is PHP's."""


def parse_minute(text: str, zone_name: str) -> datetime:
    """Parse `Y-m-d H:i` in `zone_name` like PHP's createFromFormat (roll-over, trailing data).

    Returns the moment in UTC, with seconds 0. Raises DateFormatError with PHP's message, and
    DateOutOfRange when PHP would read the date but its UTC year lies outside 1-9999.
    """
    match = _MINUTE_FORMAT.match(text)
    if match is None:
        raise DateFormatError(_format_problem(text))
    if match.end() != len(text):
        raise DateFormatError("Trailing data")
    year, month, day, hour, minute = (int(part) for part in match.groups())
    # Out-of-range parts are only a warning for PHP: they roll over into the next unit.
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    try:
        local = datetime(year, month, 1) + timedelta(days=day - 1, hours=hour, minutes=minute)
        return local.replace(tzinfo=zone(zone_name)).astimezone(timezone.utc)
    except (ValueError, OverflowError):
        raise DateOutOfRange() from None


def _format_problem(text: str) -> str:
    if not text:
        return "Data missing"
    if not re.match(r"\d{4}", text):
        return "A four digit year could not be found"
    return "Unexpected data found."
