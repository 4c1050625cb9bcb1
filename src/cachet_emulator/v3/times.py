"""Times as Cachet 3 shows and reads them: `{human, string}` objects and input dates.

Stored times are UTC `Y-m-d H:i:s`; Cachet 3 shows them in the app timezone with no offset
(spec 4.2) and reads an input date without an offset as wall-clock time there (4.7).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

from cachet_emulator import clock

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\Z",
    re.IGNORECASE,
)
_RELATIVE_DAYS = {"now": 0, "today": 0, "tomorrow": 1, "yesterday": -1}

# (seconds in the unit, unit name), largest first; Carbon shows the largest whole unit.
_UNITS = (
    (365 * 86400, "year"),
    (30 * 86400, "month"),
    (7 * 86400, "week"),
    (86400, "day"),
    (3600, "hour"),
    (60, "minute"),
    (1, "second"),
)


def human(moment: datetime, now: datetime) -> str:
    """Carbon's `diffForHumans()` in English: "2 hours ago", "3 days from now".

    Months count as 30 days and years as 365 (Carbon uses the calendar; the words agree
    except near month ends).
    """
    seconds = int((now - moment).total_seconds())
    suffix = "ago" if seconds >= 0 else "from now"
    seconds = abs(seconds)
    for size, unit in _UNITS:
        if seconds >= size or unit == "second":
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'} {suffix}"
    raise AssertionError("unreachable")


def time_object(stored: str | None, zone_name: str) -> dict[str, Any]:
    """`{"human", "string"}` of a stored time; both null when the time is."""
    if stored is None:
        return {"human": None, "string": None}
    moment = clock.parse_stored(stored)
    return {"human": human(moment, clock.now()), "string": clock.present(stored, zone_name)}


def parse_date(value: Any, zone_name: str) -> datetime | None:
    """A date as Laravel's `date` rule and Cachet's cast read it, in UTC; None when invalid.

    Accepted: `Y-m-d`, `Y-m-d H:i[:s]`, ISO 8601 with `T`, fractions, `Z` or an offset, and
    the words now/today/tomorrow/yesterday. (PHP's strtotime reads more phrases; these are
    the forms clients send.)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    word = text.lower()
    if word in _RELATIVE_DAYS:
        moment = clock.now().astimezone(clock.zone(zone_name))
        if word != "now":
            moment = moment.replace(hour=0, minute=0, second=0)
        return (moment + timedelta(days=_RELATIVE_DAYS[word])).astimezone(timezone.utc)
    match = _ISO.match(text)
    if match is None:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        local = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None
    try:
        zone = clock.zone(zone_name) if offset is None else _offset_zone(offset)
        moment = local.replace(tzinfo=zone).astimezone(timezone.utc)
    except (ValueError, OverflowError):  # an offset of a day or more; beyond year 9999
        return None
    return moment if 1 <= moment.year <= 9999 else None


def _offset_zone(offset: str) -> timezone:
    if offset.upper() == "Z":
        return timezone.utc
    digits = offset[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(delta if offset[0] == "+" else -delta)


def stored(moment: datetime) -> str:
    """A moment as stored: UTC `Y-m-d H:i:s`, the year always four digits."""
    utc = moment.astimezone(timezone.utc)
    return f"{utc.year:04d}-{utc:%m-%d %H:%M:%S}"


def now_stored() -> str:
    """The current time as stored."""
    return clock.stored_now()


def is_past(stored_time: str | None) -> bool:
    """True when a stored time is set and not after now."""
    return stored_time is not None and stored_time <= clock.stored_now()
