"""A command loads what it runs: rich only for tables, the resource commands only when used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from cachetclient.cli.app import RESOURCE_GROUPS, cli
from cachetclient.cli.resources import RESOURCES
from tests.cli.conftest import cli_env

# Run `cachet ARGS` in a fresh interpreter, then list its modules on stderr's last line.
SCRIPT = """\
import json, sys
from cachetclient.cli import main
code = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
sys.exit(code)
"""
RENDERING = "rich.console"
GENERATED = "cachetclient.cli.resources"


def loaded_by(cachet_emulator: Any, *args: str) -> set[str]:
    """The modules loaded by a successful `cachet ARGS` run."""
    environment = {**os.environ, **cli_env(cachet_emulator.endpoint, cachet_emulator.token)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stderr.splitlines()[-1]))


def test_version_loads_neither_rich_nor_the_other_commands(cachet_emulator: Any) -> None:
    loaded = loaded_by(cachet_emulator, "version")

    assert "cachetclient.cli.workflows" in loaded
    assert {RENDERING, GENERATED, "cachetclient.cli.board", "cachetclient.cli.doctor"}.isdisjoint(
        loaded
    )


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["-o", "json", "components", "list"]])
def test_help_and_json_output_do_without_rich(cachet_emulator: Any, args: list[str]) -> None:
    assert RENDERING not in loaded_by(cachet_emulator, *args)


def test_tables_are_drawn_by_rich(cachet_emulator: Any) -> None:
    loaded = loaded_by(cachet_emulator, "components", "list")

    assert {RENDERING, GENERATED} <= loaded


def test_every_resource_has_its_command_group() -> None:
    assert list(RESOURCE_GROUPS) == [resource.name for resource in RESOURCES]
    assert set(RESOURCE_GROUPS) <= set(cli.commands)
