"""Status values by name or number (`major-outage` or `4`), and the colour of each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import click

from cachetclient.v1 import enums


def status_slug(label: str) -> str:
    """`Partial Outage` -> `partial-outage`: the name a status is typed as."""
    return "-".join(label.lower().replace("_", " ").split())


@dataclass(frozen=True)
class StatusKind:
    """One family of status values: their names and colours."""

    noun: str
    labels: dict[int, str]
    colours: dict[int, str]
    example: int = 1
    """The value shown in help examples."""

    def name_of(self, value: Any) -> str:
        """The label of a value (`4` -> `Major Outage`), or the value itself if unknown."""
        try:
            return self.labels[int(value)]
        except (KeyError, TypeError, ValueError):
            return "" if value is None else str(value)

    def colour_of(self, value: Any) -> str:
        """The rich style of a value ("" when it has none)."""
        try:
            return self.colours.get(int(value), "")
        except (TypeError, ValueError):
            return ""

    def parse(self, text: str) -> int:
        """The number of a status typed by name or number, case-insensitively.

        Raises:
            ValueError: naming the accepted values.
        """
        wanted = status_slug(str(text))
        for number, label in self.labels.items():
            if wanted in (str(number), status_slug(label)):
                return number
        raise ValueError(f"{text!r} is not a {self.noun}; use one of {self.choices()}")

    def example_name(self) -> str:
        """The typed name of the example value (`operational`)."""
        return status_slug(self.labels[self.example])

    def choices(self) -> str:
        """The accepted values, as shown in help and errors."""
        return ", ".join(f"{status_slug(label)} ({n})" for n, label in self.labels.items())


def _labels(values: list[int], label: Any) -> dict[int, str]:
    return {value: str(label(value)) for value in values}


COMPONENT = StatusKind(
    "component status",
    _labels(
        [enums.COMPONENT_STATUS_UNKNOWN, *enums.COMPONENT_STATUS_LIST], enums.component_status_human
    ),
    {0: "dim", 1: "green", 2: "blue", 3: "yellow", 4: "bold red"},
)
COMPONENT_ANY_VERSION = StatusKind(
    "component status",
    {**COMPONENT.labels, 6: "Under Maintenance"},
    {**COMPONENT.colours, 6: "magenta"},
)
"""Component statuses as typed before the API version is known: Cachet 3 adds 6."""
INCIDENT = StatusKind(
    "incident status",
    _labels(enums.INCIDENT_STATUS_LIST, enums.incident_status_human),
    {0: "cyan", 1: "bold red", 2: "yellow", 3: "blue", 4: "green"},
)
SCHEDULE = StatusKind(
    "schedule status",
    _labels(enums.SCHEDULE_STATUS_LIST, enums.schedule_status_human),
    {0: "cyan", 1: "yellow", 2: "green"},
    example=enums.SCHEDULE_STATUS_UPCOMING,
)
OVERALL_COLOURS = {"success": "green", "info": "yellow", "danger": "bold red"}
"""Colours of the overall `/status` answer."""


def api_v1_component_status(value: int, param_hint: str) -> int:
    """`value` if API v1 has it: Cachet 3's under maintenance (6) is refused.

    Raises:
        click.BadParameter: (a usage error) naming the statuses API v1 takes.
    """
    if value in COMPONENT.labels:
        return value
    raise click.BadParameter(
        f"{status_slug(COMPONENT_ANY_VERSION.name_of(value))} ({value}) exists only in Cachet 3 "
        f"and this Cachet speaks API v1; use one of {COMPONENT.choices()}",
        param_hint=param_hint,
    )


class StatusType(click.ParamType):  # type: ignore[type-arg]  # generic in recent click
    """A click parameter taking a status of one kind by name or number."""

    def __init__(self, kind: StatusKind) -> None:
        self.kind = kind
        self.name = kind.noun

    def get_metavar(self, param: click.Parameter, *args: Any, **kwargs: Any) -> str:
        return "STATUS"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return self.kind.parse(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
