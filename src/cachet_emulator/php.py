"""PHP and MySQL value semantics that leak through Cachet's API (casts, numeric strings).

Cachet is a PHP application on MySQL: `(int)`/`(bool)` casts, `is_numeric`, `filter_var`
and MySQL's string-to-number comparison decide what many inputs mean (spec 2.6, 2.12).
"""

from __future__ import annotations

import math
import re
from typing import Any

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

# PHP 7 is_numeric(): optional leading whitespace, sign, digits/decimals, exponent; nothing after.
_NUMERIC = re.compile(r"[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\Z")
# The leading numeric prefix PHP's (int) and MySQL's string-to-number conversion read.
_NUMERIC_PREFIX = re.compile(r"[ \t\n\r\v\f]*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)")
# filter_var(FILTER_VALIDATE_INT): trimmed, optional sign, no leading zeros.
_FILTER_INT = re.compile(r"[+-]?(0|[1-9]\d*)\Z")


def to_string(value: Any) -> str:
    """PHP's string conversion of a scalar: `true` -> "1", `false`/null -> "", 1.0 -> "1"."""
    if value is True:
        return "1"
    if value is False or value is None:
        return ""
    if isinstance(value, float):
        return format_float(value)
    return str(value)


def is_integral(value: float) -> bool:
    """Whether PHP prints this float without a fraction (`999.0` -> `999`)."""
    return math.isfinite(value) and value.is_integer() and abs(value) < 1e15


def format_float(value: float) -> str:
    """A float the way PHP prints it: integral values without fraction."""
    return str(int(value)) if is_integral(value) else repr(value)


def is_numeric(value: Any) -> bool:
    """PHP's is_numeric(): numbers and numeric strings, not booleans."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and _NUMERIC.match(value) is not None


def to_number(value: Any) -> float:
    """The numeric value of something is_numeric() accepted (or a bool)."""
    if isinstance(value, str):
        return float(value.strip())
    return float(value)


def cast_int(value: Any) -> int:
    """PHP's `(int)` cast: "5abc" -> 5, "abc"/""/null/false -> 0, true -> 1, 5.9 -> 5."""
    if value is None or value is False:
        return 0
    if value is True:
        return 1
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _clamp(value)
    if isinstance(value, list | dict):
        return 1 if value else 0
    match = _NUMERIC_PREFIX.match(str(value))
    if match is None:
        return 0
    text = match.group(1)
    if any(c in text for c in ".eE"):
        return _clamp(float(text))
    return max(INT64_MIN, min(INT64_MAX, int(text)))


def _clamp(value: float) -> int:
    if not math.isfinite(value):
        return 0  # PHP 7: NaN and Infinity always cast to 0
    if value >= INT64_MAX:
        return INT64_MAX
    if value <= INT64_MIN:
        return INT64_MIN
    return int(value)


def cast_bool(value: Any) -> bool:
    """PHP's `(bool)` cast: "false" is true (non-empty string), "0", "", 0, null, [] are false."""
    if isinstance(value, str):
        return value not in ("", "0")
    return bool(value)


def cast_float(value: Any) -> float:
    """PHP's `(float)` cast: numeric prefix of strings, 0 for garbage."""
    if value is None or value is False:
        return 0.0
    if isinstance(value, bool | int | float):
        return float(value)
    if isinstance(value, list | dict):
        return 1.0 if value else 0.0
    match = _NUMERIC_PREFIX.match(str(value))
    return float(match.group(1)) if match else 0.0


def filter_int(value: Any) -> int | None:
    """filter_var($value, FILTER_VALIDATE_INT): the integer, or None when not a valid int."""
    if value is True:
        return 1
    if value is False or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        text = to_string(value)
    elif isinstance(value, str):
        text = value.strip(" \t\n\r\v\f")
    else:
        return None
    if _FILTER_INT.match(text) is None:
        return None
    number = int(text)
    return number if INT64_MIN <= number <= INT64_MAX else None


def mysql_number(value: Any) -> float:
    """MySQL's conversion of a string compared with a number: its numeric prefix, else 0."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and value.isascii() and value.isdigit():  # a path id, usually
        return float(value)
    match = _NUMERIC_PREFIX.match(str(value))
    return float(match.group(1)) if match else 0.0


_VERSION_FORMS = {"dev": 0, "alpha": 1, "a": 1, "beta": 2, "b": 2, "RC": 3, "rc": 3, "#": 4}
_VERSION_FORMS.update(pl=5, p=5)


def _canonical_version(version: str) -> list[str]:
    """PHP's version canonicalisation: separators unified, digit/letter runs split."""
    parts = re.findall(r"\d+|[^\d\-_+.]+", version)
    return parts


def _version_form(part: str) -> int:
    return _VERSION_FORMS.get(part if not part.isdigit() else "#", -6)


def _compare_version_parts(left: str, right: str) -> int:
    if left.isdigit() and right.isdigit():
        return (int(left) > int(right)) - (int(left) < int(right))
    a, b = _version_form(left), _version_form(right)
    return (a > b) - (a < b)


def version_compare(left: str, right: str) -> int:
    """PHP's version_compare($left, $right): -1, 0 or 1 (`"2.4.0-dev"` > `"v2.3.18"`)."""
    a, b = _canonical_version(left), _canonical_version(right)
    for part_a, part_b in zip(a, b, strict=False):
        result = _compare_version_parts(part_a, part_b)
        if result:
            return result
    if len(a) > len(b):
        rest = a[len(b)]
        return 1 if rest.isdigit() else _compare_version_parts(rest, "#")
    if len(b) > len(a):
        rest = b[len(a)]
        return -1 if rest.isdigit() else _compare_version_parts("#", rest)
    return 0
