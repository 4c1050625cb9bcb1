"""Reading a write request's fields and validating them like Cachet's command bus (spec 4.3).

A resource declares its fields once (`Field`): how the controller reads each one (cleaned or
raw, default, PHP cast) and its command rules. `read_command` returns every declared field
(None when absent), after the command rules passed (2.4 only; 2.3 has no command validation).
`check_model` then applies the model rules to the attributes about to be saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall
from cachet_emulator.errors import validation_failed
from cachet_emulator.validation import MESSAGES_23, MESSAGES_24, validate
from cachet_emulator.versions import until_23

VALIDATES_COMMANDS = until_23(True, False)
"""Whether the command bus checks the command rules (2.3 has no command validation)."""
MESSAGES = until_23(MESSAGES_24, MESSAGES_23)
"""The validation message templates (2.3's are shifted, spec 17.2)."""
DELETES_DEPENDENTS = until_23(True, False)
"""Whether deleting a row deletes the rows that point at it (2.3 leaves them behind)."""


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()
"""Default of a Field without a controller default."""


@dataclass(frozen=True)
class Field:
    """One request field: its command rules, controller default, cast and cleaning."""

    name: str
    rules: str = ""
    cast: Callable[[Any], Any] | None = None
    default: Any = ABSENT
    clean: bool = True  # False for the two create `message`s Cachet reads uncleaned


def read_command(
    call: ApiCall, fields: Sequence[Field], names: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Every field's value as the controller builds the command; 400 when a rule fails."""
    values: dict[str, Any] = {}
    cleaned, raw = call.input, call.raw_input
    for spec in fields:
        source = cleaned if spec.clean else raw
        if spec.name in source:
            value = source[spec.name]
        else:
            value = None if spec.default is ABSENT else spec.default
        values[spec.name] = spec.cast(value) if spec.cast else value
    if call.pick(VALIDATES_COMMANDS):
        rules = {spec.name: spec.rules for spec in fields if spec.rules}
        messages = validate(values, rules, MESSAGES_24, names)
        if messages:
            raise validation_failed(messages)
    return values


def check_model(
    call: ApiCall,
    attributes: Mapping[str, Any],
    rules: Mapping[str, str],
    names: Mapping[str, str] | None = None,
) -> None:
    """Validate the attributes a model is about to save; 400 with the messages on failure."""
    messages = validate(attributes, rules, call.pick(MESSAGES), names)
    if messages:
        raise validation_failed(messages)


def without_nulls(values: Mapping[str, Any], keys: Sequence[str] | None = None) -> dict[str, Any]:
    """The values (optionally only `keys`, in that order) that are not None."""
    selected = keys if keys is not None else list(values)
    return {key: values[key] for key in selected if values.get(key) is not None}


def dirty(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes that differ from the stored row, like Eloquent's dirty check.

    Scalars compare by their PHP string form (1 == "1" == true); arrays always count as
    changed, as a re-encoded JSON attribute does.
    """
    return {
        key: value
        for key, value in changes.items()
        if isinstance(value, list | dict) or php.to_string(current.get(key)) != php.to_string(value)
    }


def save_changes(
    call: ApiCall,
    table: str,
    row: Mapping[str, Any],
    changes: Mapping[str, Any],
    rules: Mapping[str, str],
) -> None:
    """Update a stored row: model rules on the merged attributes, then write what changed.

    `updated_at` moves only when something actually changed, as with Eloquent.
    """
    check_model(call, {**row, **changes}, rules)
    changed = dirty(row, changes)
    if changed:
        changed["updated_at"] = clock.stored_now()
        call.store.update(table, row["id"], changed)


def delete_with_dependents(
    call: ApiCall, table: str, row_id: int, dependents: str, key: str
) -> None:
    """Hard-delete a row, and first the `dependents` rows pointing at it by `key`.

    2.4 deletes the dependents in the same command; 2.3 leaves them behind (spec 17.6, 17.7).
    """
    if call.pick(DELETES_DEPENDENTS):
        call.store.delete(dependents, [(key, row_id)])
    call.store.delete(table, [("id", row_id)])
