"""Click parameters derived from the managers' method signatures and docstrings.

A manager method `create(*, name: str, status: int, enabled: bool = True)` becomes
`--name TEXT` (required), `--status STATUS` (required) and `--enabled/--no-enabled`; a new
parameter in the library appears in the command line without new command-line code.
"""

from __future__ import annotations

import inspect
import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

import click

from cachetclient.cli.statuses import COMPONENT, StatusKind, StatusType
from cachetclient.fields import split_tag_names

_ENUMS_POINTER = re.compile(r"\s*\(?[Ss]ee enums(?: module)?\)?\.?")
_ARGS_LINE = re.compile(r"^ {2,4}([a-z_][a-z0-9_]*(?:, [a-z_][a-z0-9_]*)*):\s*(.*)$")
_EARLIEST = datetime.min + timedelta(days=366)
_LATEST = datetime.max - timedelta(days=366)


class DateType(click.ParamType):  # type: ignore[type-arg]  # generic in recent click
    """A date: `now`, Unix seconds, or ISO 8601 (`2024-05-01 14:30`, `2024-05-01T14:30Z`)."""

    name = "date"

    def get_metavar(self, param: click.Parameter, *args: Any, **kwargs: Any) -> str:
        return "DATE"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime | int:
        if isinstance(value, (datetime, int)):
            return value
        text = str(value).strip()
        if text.lower() == "now":
            return datetime.now(timezone.utc)
        try:
            moment = (
                datetime.fromtimestamp(int(text), timezone.utc)
                if text.isdigit()
                else datetime.fromisoformat(text.replace("Z", "+00:00"))
            )
        except (ValueError, OverflowError, OSError):
            self.fail(
                f"{value!r} is not a date: use now, Unix seconds or 2024-05-01 14:30", param, ctx
            )
        # A day of margin: the date is shifted into the request's time zone before sending.
        if not _EARLIEST <= moment.replace(tzinfo=None) <= _LATEST:
            self.fail(f"{value!r} is outside the years 0002 to 9998", param, ctx)
        return int(text) if text.isdigit() else moment


class FiniteFloatType(click.ParamType):  # type: ignore[type-arg]  # generic in recent click
    """A number that JSON can carry: not `nan` nor `inf`."""

    name = "float"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        number = click.FLOAT.convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


class JsonObjectType(click.ParamType):  # type: ignore[type-arg]  # generic in recent click
    """A JSON object typed on the command line: `'{"key": "value"}'`."""

    name = "json"

    def get_metavar(self, param: click.Parameter, *args: Any, **kwargs: Any) -> str:
        return "JSON"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        try:
            decoded = json.loads(value)
        except ValueError as exc:
            self.fail(f"not valid JSON: {exc}", param, ctx)
        if not isinstance(decoded, dict):
            self.fail("a JSON object ({...}) is expected", param, ctx)
        return decoded


class TagNamesType(click.ParamType):  # type: ignore[type-arg]  # generic in recent click
    """Tag names separated by commas: `api,backend`; at least one."""

    name = "tags"

    def get_metavar(self, param: click.Parameter, *args: Any, **kwargs: Any) -> str:
        return "NAME[,NAME...]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if not split_tag_names(str(value)):
            # The library would refuse it later; it is a mistake in what was typed, so say so here.
            self.fail(
                f"{value!r} names no tag: give names separated by commas "
                "(Cachet cannot remove every tag of a component; keep at least one)",
                param,
                ctx,
            )
        return str(value)


def argument_docs(function: Callable[..., Any]) -> dict[str, str]:
    """Parameter descriptions from the `Args:` section of a Google-style docstring."""
    docs: dict[str, str] = {}
    in_args = False
    last: list[str] = []
    for line in (inspect.getdoc(function) or "").splitlines():
        if line.strip() in ("Args:", "Arguments:"):
            in_args = True
        elif in_args and line and not line.startswith(" "):
            break  # the next section (Raises:, Returns:)
        elif in_args and (match := _ARGS_LINE.match(line)):
            last = [name.strip() for name in match[1].split(",")]
            docs.update({name: match[2].strip() for name in last})
        elif in_args and line.strip():
            docs.update({name: f"{docs[name]} {line.strip()}" for name in last})
    # The command line lists the accepted values itself.
    return {name: _ENUMS_POINTER.sub("", text).strip() for name, text in docs.items()}


def summary(function: Callable[..., Any]) -> str:
    """The first paragraph of a docstring, on one line."""
    text = (inspect.getdoc(function) or "").split("\n\n")[0]
    return " ".join(text.split())


def param_type(annotation: str, name: str, status: StatusKind | None) -> tuple[Any, bool]:
    """The click type of an annotated parameter, and whether it may repeat."""
    if name == "component_status":
        return StatusType(COMPONENT), False
    if name == "status" and status is not None:
        return StatusType(status), False
    for needle, chosen, repeats in _TYPES_BY_ANNOTATION:
        if needle in annotation:
            return chosen, repeats
    return click.STRING, False


_TYPES_BY_ANNOTATION: tuple[tuple[str, Any, bool], ...] = (
    ("DateInput", DateType(), False),
    ("Iterable[int]", click.INT, True),
    ("Iterable[str]", TagNamesType(), False),
    ("dict[", JsonObjectType(), False),
    ("bool", click.BOOL, False),
    ("float", FiniteFloatType(), False),
    ("int", click.INT, False),
)


def option_for(
    parameter: inspect.Parameter,
    status: StatusKind | None,
    docs: Mapping[str, str],
    *,
    required: bool,
) -> click.Option:
    """The `--option` of one method parameter."""
    annotation = str(parameter.annotation)
    flag = "--" + parameter.name.replace("_", "-")
    kind, repeats = param_type(annotation, parameter.name, status)
    help_text = docs.get(parameter.name, "")
    if help_text and not help_text.endswith("."):
        help_text += "."
    if isinstance(kind, StatusType):
        help_text = f"{help_text} One of: {kind.kind.choices()}.".strip()
    if kind is click.BOOL:
        return click.Option(
            [f"{flag}/--no-{flag[2:]}", parameter.name], default=None, help=help_text
        )
    if repeats:
        help_text = f"{help_text} Repeat for several.".strip()
    return click.Option(
        [flag, parameter.name],
        type=kind,
        required=required,
        multiple=repeats,
        help=help_text,
    )


def given_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The options the user actually gave (left-out options keep the library's defaults)."""
    return {name: value for name, value in values.items() if value not in (None, ())}
