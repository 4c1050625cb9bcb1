"""Output: rich tables for people, the API's JSON `data` for scripts.

Colours appear only on a terminal (rich checks) and never when `NO_COLOR` is set. Rich is
imported only when a table is printed: JSON output and plain messages do without it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from cachetclient.base import Resource
from cachetclient.cli.statuses import StatusKind

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

Data = Mapping[str, Any]


def data_of(value: Resource | Data) -> dict[str, Any]:
    """The API's JSON object behind a resource (or the mapping itself)."""
    return dict(value.attrs if isinstance(value, Resource) else value)


def console() -> Console:
    """A console on the current stdout (looked up late so test runners can swap it).

    With `NO_COLOR` set there is no styling at all (rich alone would still print bold).
    """
    from rich.console import Console

    return Console(
        file=sys.stdout,
        highlight=False,
        soft_wrap=False,
        color_system=None if os.environ.get("NO_COLOR") else "auto",
    )


def cell(value: Any, kind: StatusKind | None = None) -> Text:
    """One table cell; statuses show their label in their colour."""
    from rich.text import Text

    if kind is not None and value is not None:
        return Text(f"{kind.name_of(value)}", style=kind.colour_of(value))
    if value is None:
        return Text("")
    if isinstance(value, (dict, list)):
        return Text(nested_summary(value))
    if isinstance(value, bool):
        return Text("yes" if value else "no")
    return Text(str(value))


def nested_summary(value: dict[str, Any] | list[Any]) -> str:
    """A nested object in one short line: `#3 Website`, `2 items`, or compact JSON."""
    if isinstance(value, dict) and "id" in value:
        label = value.get("name") or value.get("email") or value.get("message") or ""
        return f"#{value['id']} {label}".strip()
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


@dataclass(frozen=True)
class Column:
    """A column of a list table: the JSON key, and the status kind that colours it."""

    key: str
    kind: StatusKind | None = None


@dataclass(frozen=True)
class Renderer:
    """Prints results in the chosen output format."""

    as_json: bool = False
    quiet: bool = False

    def json(self, data: Any) -> None:
        """Print JSON (indented, keys in the API's order)."""
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))

    def item(self, value: Resource | Data, kinds: Mapping[str, StatusKind] | None = None) -> None:
        """One object: its JSON, or a two-column table of its keys."""
        data = data_of(value)
        if self.as_json:
            self.json(data)
            return
        from rich.table import Table

        table = Table(show_header=False, box=None, pad_edge=False)
        table.add_column(style="bold")
        table.add_column(overflow="fold")
        for key, raw in data.items():
            kind = (kinds or {}).get(key)
            table.add_row(key, cell(raw, kind) if kind is None else _labelled(raw, kind))
        console().print(table)

    def items(self, values: Iterable[Resource | Data], columns: Sequence[Column]) -> None:
        """A list: a JSON array, or a table of the chosen columns."""
        rows = [data_of(value) for value in values]
        if self.as_json:
            self.json(rows)
            return
        from rich.table import Table

        table = Table(*(column.key for column in columns), box=None, header_style="bold")
        for row in rows:
            table.add_row(*(cell(row.get(column.key), column.kind) for column in columns))
        console().print(table)
        if not rows and not self.quiet:
            click.echo("(none)", err=True)

    def done(self, message: str) -> None:
        """A confirmation for people (not in JSON or quiet mode)."""
        if not self.as_json and not self.quiet:
            click.echo(message)


def _labelled(value: Any, kind: StatusKind) -> Text:
    text = cell(value, kind)
    text.append(f" ({value})", style="dim")
    return text
