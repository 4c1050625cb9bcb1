"""Sphinx extension: the `cachet` command reference, generated from click's command tree.

The ``cachet-cli`` directive writes one section per command with the help the command prints,
so the page shows exactly what ``cachet COMMAND --help`` shows and cannot drift from it;
``cachet-emulator-help`` does the same for the emulator's command.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from typing import Any

import click
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

HELP_WIDTH = 100


def command_tree(
    command: click.Command, parent: click.Context | None = None, name: str = "cachet"
) -> Iterator[tuple[int, click.Context]]:
    """Every command below `command` (itself first), with its depth and a context for help."""
    ctx = click.Context(
        command,
        info_name=name,
        parent=parent,
        terminal_width=HELP_WIDTH,
        max_content_width=HELP_WIDTH,
    )
    yield (0 if parent is None else 1 + _depth(parent)), ctx
    if isinstance(command, click.Group):
        for sub_name in command.list_commands(ctx):
            sub = command.get_command(ctx, sub_name)
            if sub is not None and not sub.hidden:
                yield from command_tree(sub, ctx, sub_name)


def _depth(ctx: click.Context) -> int:
    return 0 if ctx.parent is None else 1 + _depth(ctx.parent)


def command_section(ctx: click.Context) -> nodes.section:
    """One command's section: its path as the title, its summary and its full help."""
    title = ctx.command_path
    section = nodes.section(ids=[nodes.make_id(title)], names=[nodes.fully_normalize_name(title)])
    section += nodes.title(text=title)
    summary = ctx.command.get_short_help_str(limit=HELP_WIDTH)
    if summary and ctx.parent is not None:
        section += nodes.paragraph(text=summary)
    help_text = ctx.command.get_help(ctx)
    block = nodes.literal_block(help_text, help_text)
    block["language"] = "text"
    section += block
    return section


class CachetCliDirective(SphinxDirective):
    """``cachet-cli``: the whole command tree of `cachet`, one nested section per command."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from cachetclient.cli.app import cli

        top: list[nodes.Node] = []
        open_sections: list[nodes.section] = []
        for depth, ctx in command_tree(cli):
            section = command_section(ctx)
            self.state.document.note_implicit_target(section)
            del open_sections[depth:]
            (open_sections[-1] if open_sections else top).append(section)  # type: ignore[union-attr]
            open_sections.append(section)
        return top


def emulator_help() -> str:
    """What `cachet-emulator --help` prints, at the reference's width."""
    from cachet_emulator.server import main

    output = io.StringIO()
    saved_columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(HELP_WIDTH)
    try:
        with contextlib.redirect_stdout(output), contextlib.suppress(SystemExit):
            main(["--help"])
    finally:
        if saved_columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved_columns
    return output.getvalue()


class EmulatorHelpDirective(SphinxDirective):
    """``cachet-emulator-help``: the help of the `cachet-emulator` command."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        text = emulator_help()
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("cachet-cli", CachetCliDirective)
    app.add_directive("cachet-emulator-help", EmulatorHelpDirective)
    return {"parallel_read_safe": True, "version": "1"}
