"""Fixtures for the command-line tests: `cachet(...)` runs the command in-process.

Every run goes over real HTTP to the session's emulator (emptied before each test); the
`client` fixture arranges data through the library.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import cachetclient
from cachetclient.cli.app import cli
from cachetclient.v1.client import Client

BIN = Path(sys.executable).parent


@dataclass
class Run:
    """What one `cachet` run printed, and its exit code."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """The JSON printed on stdout."""
        return json.loads(self.stdout)


Cachet = Callable[..., Run]


def cli_env(endpoint: str, token: str | None) -> dict[str, str]:
    """The environment a user sets for `cachet` (no colours asked for)."""
    env = {"CACHET_ENDPOINT": endpoint}
    if token is not None:
        env["CACHET_API_TOKEN"] = token
    return env


@pytest.fixture
def cachet(cachet_emulator: Any) -> Cachet:
    """Run `cachet ARGS...` in-process against the emulator, with its token."""
    runner = CliRunner()

    def run(*args: str, token: str | None = cachet_emulator.token, **env: str) -> Run:
        environment = {**cli_env(cachet_emulator.endpoint, token), **env}
        if token is None:
            environment["CACHET_API_TOKEN"] = ""
        result = runner.invoke(cli, list(args), env=environment, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def client(cachet_emulator: Any) -> Iterator[Client]:
    """A library client on the same emulator, to arrange data and check results."""
    with cachetclient.Client(
        endpoint=cachet_emulator.endpoint, api_token=cachet_emulator.token
    ) as authenticated:
        yield authenticated


@pytest.fixture
def run_installed(cachet_emulator: Any) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed `cachet` script in a child process (no terminal)."""

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {
            **os.environ,
            **cli_env(cachet_emulator.endpoint, cachet_emulator.token),
            **env,
        }
        return subprocess.run(
            [str(BIN / "cachet"), *args],
            capture_output=True,
            text=True,
            env=environment,
            timeout=60,
        )

    return run


@pytest.fixture
def closed_port_endpoint() -> str:
    """An endpoint on a local port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v1"
