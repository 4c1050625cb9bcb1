"""The Laravel validation rules Cachet uses, with their exact English messages (Appendix C).

Rules are declared as data, e.g. `{"status": "required|int|min:0|max:4"}`, in the order the
messages must come out. `validate()` returns the messages (empty when everything passes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from cachet_emulator import php

RuleSet = Mapping[str, str]

MESSAGES_24: dict[str, str] = {
    "required": "The {a} field is required.",
    "required_with": "The {a} field is required when {other} is present.",
    "string": "The {a} must be a string.",
    "int": "The {a} must be an integer.",
    "numeric": "The {a} must be a number.",
    "bool": "The {a} field must be true or false.",
    "array": "The {a} must be an array.",
    "url": "The {a} format is invalid.",
    "email": "The {a} must be a valid email address.",
    "in": "The selected {a} is invalid.",
    "min.numeric": "The {a} must be at least {min}.",
    "max.numeric": "The {a} may not be greater than {max}.",
    "between.numeric": "The {a} must be between {min} and {max}.",
    "min.string": "The {a} must be at least {min} characters.",
    "max.string": "The {a} may not be greater than {max} characters.",
    "between.string": "The {a} must be between {min} and {max} characters.",
    "min.array": "The {a} must have at least {min} items.",
    "max.array": "The {a} may not have more than {max} items.",
    "between.array": "The {a} must have between {min} and {max} items.",
}

# Cachet 2.3's English file is shifted by some lines, so these messages are wrong (spec 17.2).
MESSAGES_23: dict[str, str] = {
    **MESSAGES_24,
    "required": "The {a} format is invalid.",
    "string": "The {a} must contain :size items.",
    "int": "The selected {a} is invalid.",
    "numeric": "The selected {a} is invalid.",
    "bool": "The {a} must have between :min and :max items.",
    "url": "The {a} format is invalid.",
    "email": "The {a} must be between :min and :max digits.",
    "between.numeric": "The {a} must be a date before :date.",
}

_IMPLICIT = frozenset({"required", "required_with"})
_NUMERIC_RULES = frozenset({"int", "numeric"})
_URL = re.compile(
    r"(https?|ftps?|sftp|ssh|git|svn|irc|mailto|file|ws|wss|ldap|nntp|telnet)://"
    r"([^\s:@/]+(:[^\s@/]*)?@)?"
    r"(([\w\u00a1-\uffff-]+\.)*[\w\u00a1-\uffff-]+|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])"
    r"(:\d+)?(/[^\s]*)?(\?[^\s]*)?(#[^\s]*)?\Z",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\Z"
)


@dataclass(frozen=True)
class Rule:
    """One parsed rule: its name and parameters (`min:0` -> ("min", ("0",)))."""

    name: str
    parameters: tuple[str, ...]


def parse_rules(text: str) -> tuple[Rule, ...]:
    """`"nullable|int|min:0"` -> rules (nullable is kept as a rule too)."""
    rules = []
    for part in text.split("|"):
        name, _, parameters = part.partition(":")
        rules.append(Rule(name, tuple(parameters.split(",")) if parameters else ()))
    return tuple(rules)


def attribute_name(field: str) -> str:
    """How a message names a field: `group_id` -> `group id`."""
    return field.replace("_", " ")


def is_empty(value: Any) -> bool:
    """Laravel's `required` failure: null, empty/whitespace string, empty array."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    return isinstance(value, list | dict) and not value


def validate(
    data: Mapping[str, Any],
    rules: RuleSet,
    messages: Mapping[str, str] = MESSAGES_24,
    names: Mapping[str, str] | None = None,
) -> list[str]:
    """Check `data` against `rules`; messages in declaration order, one per failing rule.

    A field absent from `data`, an empty string, or null under `nullable` only gets its
    implicit (`required*`) rules checked; after a failed implicit rule the field stops.
    `names` overrides how a field is called in messages (e.g. `created at`).
    """
    names = names or {}
    failures: list[str] = []
    for field, text in rules.items():
        checks = _field_checks(text)
        present = field in data
        value = data.get(field)
        only_implicit = (
            not present
            or (isinstance(value, str) and value.strip() == "")
            or (checks.nullable and value is None)
        )
        for rule, passes in checks.implicit if only_implicit else checks.rules:
            if passes(value, data):
                continue
            failures.append(_message(field, rule, value, messages, names, checks.has_numeric))
            if rule.name in _IMPLICIT:
                break
    return failures


# Whether a value (of the data being validated) passes one rule.
_Check = Callable[[Any, Mapping[str, Any]], bool]


@dataclass(frozen=True)
class _FieldChecks:
    """One field's rules as `validate` applies them, each with its check."""

    rules: tuple[tuple[Rule, _Check], ...]  # in declaration order, without `nullable`
    implicit: tuple[tuple[Rule, _Check], ...]  # the `required*` ones among them
    has_numeric: bool  # a size rule compares the number, not the length
    nullable: bool


@cache
def _field_checks(text: str) -> _FieldChecks:
    parsed = parse_rules(text)
    has_numeric = any(rule.name in _NUMERIC_RULES for rule in parsed)
    rules = tuple((rule, _check(rule, has_numeric)) for rule in parsed if rule.name != "nullable")
    return _FieldChecks(
        rules=rules,
        implicit=tuple(pair for pair in rules if pair[0].name in _IMPLICIT),
        has_numeric=has_numeric,
        nullable=len(rules) < len(parsed),
    )


def _check(rule: Rule, has_numeric: bool) -> _Check:
    """The check of one rule, its parameters read once."""
    name, parameters = rule.name, rule.parameters
    if name == "required":
        return lambda value, data: not is_empty(value)
    if name == "required_with":
        return lambda value, data: (
            not any(not is_empty(data.get(other)) for other in parameters) or not is_empty(value)
        )
    if name in ("min", "max", "between"):
        low, high = float(parameters[0]), float(parameters[-1])
        if name == "min":
            return lambda value, data: _size(value, has_numeric) >= low
        if name == "max":
            return lambda value, data: _size(value, has_numeric) <= high
        return lambda value, data: low <= _size(value, has_numeric) <= high
    if name == "in":
        return lambda value, data: (
            not isinstance(value, list | dict) and php.to_string(value) in parameters
        )
    return _TYPE_CHECKS[name]


def _size(value: Any, has_numeric: bool) -> float:
    if has_numeric and php.is_numeric(value):
        return php.to_number(value)
    if isinstance(value, list | dict):
        return len(value)
    return len(php.to_string(value))


_TYPE_CHECKS: dict[str, _Check] = {
    "string": lambda value, data: isinstance(value, str),
    "int": lambda value, data: php.filter_int(value) is not None,
    "numeric": lambda value, data: php.is_numeric(value),
    # in_array($value, [true, false, 0, 1, '0', '1'], true): strict, so 1.0 and "true" fail.
    "bool": lambda value, data: (
        value is True or value is False or (value in (0, 1, "0", "1") and type(value) in (int, str))
    ),
    "array": lambda value, data: isinstance(value, list | dict),
    "url": lambda value, data: isinstance(value, str) and _URL.match(value) is not None,
    "email": lambda value, data: isinstance(value, str) and _EMAIL.match(value) is not None,
}


def _message(
    field: str,
    rule: Rule,
    value: Any,
    messages: Mapping[str, str],
    names: Mapping[str, str],
    has_numeric: bool,
) -> str:
    key = rule.name
    if key in ("min", "max", "between"):
        kind = "numeric" if has_numeric else "array" if isinstance(value, list | dict) else "string"
        key = f"{key}.{kind}"
    other = ""
    if rule.name == "required_with":
        other = " / ".join(names.get(name, attribute_name(name)) for name in rule.parameters)
    low = rule.parameters[0] if rule.parameters else ""
    return messages[key].format(
        a=names.get(field, attribute_name(field)),
        other=other,
        min=low,
        max=rule.parameters[-1] if rule.parameters else "",
    )
