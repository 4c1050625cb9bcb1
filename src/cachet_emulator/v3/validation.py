"""Laravel 12's validator for the request DTOs of Cachet 3, with its English messages.

Rules are data: `{"name": ("required", "string", "max:255"), "components.*.id": (...)}`,
listed in the DTO's order. `validate()` raises the 422 with every message, as Laravel
does: all rules of a field run, except after a failed `required`; a field that is absent
is checked only by the `required...` rules; `nullable` lets null through.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from cachet_emulator.store import Store, quote
from cachet_emulator.v3 import times
from cachet_emulator.v3.errors import validation_failed

Rules = Mapping[str, Sequence[str]]
_MISSING = object()

MESSAGES: dict[str, str] = {
    "required": "The {a} field is required.",
    "required_with": "The {a} field is required when {values} is present.",
    "required_without": "The {a} field is required when {values} is not present.",
    "order_direction": "The {a} field is required.",
    "string": "The {a} field must be a string.",
    "integer": "The {a} field must be an integer.",
    "numeric": "The {a} field must be a number.",
    "boolean": "The {a} field must be true or false.",
    "array": "The {a} field must be an array.",
    "url": "The {a} field must be a valid URL.",
    "email": "The {a} field must be a valid email address.",
    "date": "The {a} field must be a valid date.",
    "exists": "The selected {a} is invalid.",
    "enum": "The selected {a} is invalid.",
    "distinct": "The {a} field has a duplicate value.",
    "decimal": "The {a} field must have {decimal} decimal places.",
    "min.numeric": "The {a} field must be at least {n}.",
    "max.numeric": "The {a} field must not be greater than {n}.",
    "min.string": "The {a} field must be at least {n} characters.",
    "max.string": "The {a} field must not be greater than {n} characters.",
    "min.array": "The {a} field must have at least {n} items.",
    "max.array": "The {a} field must not have more than {n} items.",
    "factor_of_sixty": "The {a} must be a factor of 60.",
    "factor_of_sixty.zero": "The {a} must be greater than 0.",
    "timestamp": "The {a} must be a date or Unix timestamp.",
}
_IMPLICIT = ("required", "required_with", "required_without", "order_direction")
_INTEGER = re.compile(r"\s*[+-]?\d+\s*\Z")
_NUMERIC = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*\Z")
# Laravel's default `email` rule is egulias' RFC validation, which is lenient (`a@b` passes);
# this is the same idea without the full RFC grammar.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\Z")


_PHP_INT_MAX = 2**63 - 1


def is_integer(value: Any) -> bool:
    """PHP's FILTER_VALIDATE_INT, as the `integer` rule uses it (a PHP int's range)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return False
        value = int(value)
    if isinstance(value, str):
        if _INTEGER.match(value) is None:
            return False
        value = int(value)
    return isinstance(value, int) and -_PHP_INT_MAX - 1 <= value <= _PHP_INT_MAX


def is_numeric(value: Any) -> bool:
    """PHP's is_numeric."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return math.isfinite(value)  # a JSON 1e400 is INF: no column can hold it
    return (
        isinstance(value, str) and _NUMERIC.match(value) is not None and math.isfinite(float(value))
    )


def is_boolean(value: Any) -> bool:
    """The `boolean` rule: true, false, 0, 1, "0", "1"."""
    return value in (True, False, 0, 1, "0", "1") and not isinstance(value, float)


def as_boolean(value: Any) -> bool:
    """A value the `boolean` rule accepted, as a bool."""
    return value in (True, 1, "1")


def php_float_text(value: Any) -> str:
    """A number as PHP turns it into a string (2.0 -> "2", 1.5 -> "1.5")."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def _present(value: Any) -> bool:
    if value is _MISSING or value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list | dict):
        return len(value) > 0
    return True


def _display(attribute: str) -> str:
    return attribute.replace("_", " ")


class Validator:
    """Checks input against rules; `store` answers the `exists` rules."""

    def __init__(self, store: Store, data: Mapping[str, Any]) -> None:
        self.store = store
        self.data = data
        self.errors: dict[str, list[str]] = {}

    def validate(self, rules: Rules) -> None:
        """Check every field; raise the 422 when any message came out."""
        for pattern, field_rules in rules.items():
            for attribute, value in self._expand(pattern):
                self._check(attribute, value, field_rules, pattern)
        if self.errors:
            raise validation_failed(self.errors)

    def _expand(self, pattern: str) -> list[tuple[str, Any]]:
        """`components.*.id` -> one (attribute, value) per element present."""
        found: list[tuple[str, Any]] = [("", self.data)]
        for part in pattern.split("."):
            expanded: list[tuple[str, Any]] = []
            for prefix, container in found:
                joined = f"{prefix}.{part}" if prefix else part
                if part == "*":
                    items = _items(container)
                    expanded.extend((f"{prefix}.{key}", value) for key, value in items)
                elif isinstance(container, dict):
                    expanded.append((joined, container.get(part, _MISSING)))
                elif isinstance(container, list) and part.isdigit() and int(part) < len(container):
                    expanded.append((joined, container[int(part)]))
                else:
                    expanded.append((joined, _MISSING))
            found = expanded
        return found

    def _check(self, attribute: str, value: Any, rules: Sequence[str], pattern: str) -> None:
        nullable = "nullable" in rules
        for rule in rules:
            name, _, parameter = rule.partition(":")
            if name == "nullable":
                continue
            if name not in _IMPLICIT and (value is _MISSING or (value is None and nullable)):
                continue
            message = self._failure(name, parameter, attribute, value, rules, pattern)
            if message is not None:
                self.errors.setdefault(attribute, []).append(message)
                if name in _IMPLICIT:
                    return

    def _failure(
        self,
        name: str,
        parameter: str,
        attribute: str,
        value: Any,
        rules: Sequence[str],
        pattern: str,
    ) -> str | None:
        display = _display(attribute)
        if name in ("min", "max"):
            return _size_failure(name, parameter, display, value, rules)
        check = _CHECKS[name]
        passed = check(self, value, parameter, pattern)
        if passed is True:
            return None
        key = passed if isinstance(passed, str) else name
        values = " / ".join(_display(other) for other in parameter.split(","))
        decimal = parameter.replace(",", "-")
        return MESSAGES[key].format(a=display, values=values, decimal=decimal)

    def _other(self, name: str) -> Any:
        return self.data.get(name, _MISSING)

    def _required(self, value: Any, parameter: str, pattern: str) -> bool:
        return _present(value)

    def _required_with(self, value: Any, parameter: str, pattern: str) -> bool:
        others = parameter.split(",")
        return _present(value) or not any(_present(self._other(o)) for o in others)

    def _required_without(self, value: Any, parameter: str, pattern: str) -> bool:
        others = parameter.split(",")
        return _present(value) or all(_present(self._other(o)) for o in others)

    def _order_direction(self, value: Any, parameter: str, pattern: str) -> bool:
        # Cachet: required when order_column is filled and not "manual".
        column = self._other("order_column")
        return _present(value) or not _present(column) or column == "manual"

    def _exists(self, value: Any, parameter: str, pattern: str) -> bool:
        table, column = parameter.split(",")
        if isinstance(value, list | dict | bool) or (
            isinstance(value, int) and not is_integer(value)
        ):
            return False  # a value SQLite cannot bind matches no row
        rows = self.store.execute(
            f"SELECT 1 FROM {quote(table)} WHERE {quote(column)} = ? LIMIT 1", (value,)
        )
        return bool(rows)

    def _distinct(self, value: Any, parameter: str, pattern: str) -> bool:
        siblings = [v for _, v in self._expand(pattern)]
        return sum(1 for other in siblings if _loosely_equal(other, value)) <= 1


def _items(container: Any) -> list[tuple[str, Any]]:
    if isinstance(container, dict):
        return [(str(key), value) for key, value in container.items()]
    if isinstance(container, list):
        return [(str(index), value) for index, value in enumerate(container)]
    return []


def _loosely_equal(left: Any, right: Any) -> bool:
    if is_numeric(left) and is_numeric(right):
        return float(left) == float(right)
    return bool(left == right)


def _size_failure(
    name: str, parameter: str, display: str, value: Any, rules: Sequence[str]
) -> str | None:
    limit = float(parameter)
    numeric_rules = any(rule in ("integer", "int", "numeric") for rule in rules)
    if numeric_rules and is_numeric(value):
        size, kind = float(value), "numeric"
    elif isinstance(value, list | dict):
        size, kind = float(len(value)), "array"
    elif isinstance(value, str):
        size, kind = float(len(value)), "string"
    else:
        size, kind = float(len(php_float_text(value))), "string"
    if (name == "min" and size >= limit) or (name == "max" and size <= limit):
        return None
    return MESSAGES[f"{name}.{kind}"].format(a=display, n=parameter)


def _enum(value: Any, parameter: str) -> bool:
    allowed = parameter.split(",")
    if isinstance(value, bool) or value is None or isinstance(value, list | dict):
        return False
    if isinstance(value, float) and not value.is_integer():
        return False
    text = str(int(value)) if isinstance(value, float) else str(value).strip()
    return text in allowed


def _url(value: Any, parameter: str) -> bool:
    if not isinstance(value, str) or any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme.lower() in parameter.split(",") and bool(parts.netloc)


def _decimal(value: Any, parameter: str) -> bool:
    if not is_numeric(value):
        return False
    match = re.match(r"[+-]?\d*\.?(\d*)\Z", php_float_text(value))
    if match is None:
        return False
    low, _, high = parameter.partition(",")
    return int(low) <= len(match.group(1)) <= int(high or low)


def _factor_of_sixty(value: Any, parameter: str) -> bool | str:
    number = int(float(value)) if is_numeric(value) else 0
    if number == 0:
        return "factor_of_sixty.zero"
    return 60 % number == 0


def _timestamp(value: Any, parameter: str) -> bool:
    if is_integer(value) and not isinstance(value, bool):
        # Unix seconds between the years 1 and 9999, what a date column can hold.
        return -62135596800 <= int(float(value)) <= 253402300799
    return times.parse_date(value, "UTC") is not None


_Check = Callable[["Validator", Any, str, str], "bool | str"]
_CHECKS: dict[str, _Check] = {
    "required": Validator._required,
    "required_with": Validator._required_with,
    "required_without": Validator._required_without,
    "order_direction": Validator._order_direction,
    "exists": Validator._exists,
    "distinct": Validator._distinct,
    "string": lambda v, value, p, pat: isinstance(value, str),
    "integer": lambda v, value, p, pat: is_integer(value),
    "numeric": lambda v, value, p, pat: is_numeric(value),
    "boolean": lambda v, value, p, pat: is_boolean(value),
    "array": lambda v, value, p, pat: isinstance(value, list | dict),
    "email": lambda v, value, p, pat: isinstance(value, str) and bool(_EMAIL.match(value)),
    "date": lambda v, value, p, pat: times.parse_date(value, "UTC") is not None,
    "enum": lambda v, value, p, pat: _enum(value, p),
    "url": lambda v, value, p, pat: _url(value, p),
    "decimal": lambda v, value, p, pat: _decimal(value, p),
    "factor_of_sixty": lambda v, value, p, pat: _factor_of_sixty(value, p),
    "timestamp": lambda v, value, p, pat: _timestamp(value, p),
}


def validate(store: Store, data: Mapping[str, Any], rules: Rules) -> None:
    """Raise the 422 when `data` breaks `rules`."""
    Validator(store, data).validate(rules)
