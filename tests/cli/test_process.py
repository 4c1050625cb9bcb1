"""The installed `cachet` script: exit codes, colours on terminals only, the token kept secret."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from cachetclient.cli import INSTALL_HINT
from cachetclient.v1.client import Client
from tests.cli.conftest import BIN, Cachet, cli_env

Installed = Callable[..., subprocess.CompletedProcess[str]]
ESCAPE = "\x1b["


def test_entry_point_runs(run_installed: Installed) -> None:
    result = run_installed("--version")

    assert result.returncode == 0
    assert result.stdout.startswith("cachet, version ")


def test_cachet_error_exits_1_with_cachets_message(run_installed: Installed) -> None:
    result = run_installed("components", "get", "999")

    assert result.returncode == 1
    assert result.stderr.startswith("Error: Cachet rejected GET /api/v1/components/999 (404)")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_usage_error_exits_2(run_installed: Installed) -> None:
    result = run_installed("components", "create", "--name", "API")

    assert result.returncode == 2
    assert "--status" in result.stderr  # names what is missing, in the parser's words


def test_missing_endpoint_is_a_usage_error(run_installed: Installed) -> None:
    result = run_installed("components", "list", CACHET_ENDPOINT="")

    assert result.returncode == 2
    assert "CACHET_ENDPOINT" in result.stderr


def test_piped_output_has_no_colour(run_installed: Installed, client: Client) -> None:
    client.components.create(name="API", status=4)

    result = run_installed("components", "list")

    assert "Major Outage" in result.stdout
    assert ESCAPE not in result.stdout


def _on_a_terminal(endpoint: str, token: str, *args: str, **env: str) -> str:
    controller, terminal = pty.openpty()
    environment = {**os.environ, **cli_env(endpoint, token), "TERM": "xterm-256color", **env}
    environment.pop("NO_COLOR", None) if "NO_COLOR" not in env else None
    process = subprocess.Popen(
        [str(BIN / "cachet"), *args], stdout=terminal, stderr=terminal, env=environment
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(controller)
    return b"".join(chunks).decode()


def test_terminal_gets_colour_unless_no_color(cachet_emulator: Any, client: Client) -> None:
    client.components.create(name="API", status=4)
    endpoint, token = cachet_emulator.endpoint, cachet_emulator.token

    coloured = _on_a_terminal(endpoint, token, "components", "list")
    plain = _on_a_terminal(endpoint, token, "components", "list", NO_COLOR="1")

    assert "Major Outage" in coloured and ESCAPE in coloured
    assert "Major Outage" in plain and ESCAPE not in plain


def test_token_is_never_printed(cachet: Cachet) -> None:
    secret = "NeverPrint0123456789"
    runs = [
        cachet("--help", token=secret),
        cachet("components", "create", "--name", "x", "--status", "1", token=secret),
        cachet("doctor", token=secret),
        cachet("-o", "json", "doctor", token=secret),
        cachet("--token", secret, "subscribers", "list"),
    ]

    assert [run.exit_code for run in runs] == [0, 1, 1, 1, 1]
    for run in runs:
        assert secret not in run.stdout + run.stderr


def test_insecure_warns_once(run_installed: Installed) -> None:
    result = run_installed("--insecure", "ping")

    assert result.returncode == 0
    assert result.stderr.count("TLS certificates are not verified") == 1
    assert "InsecureTLSWarning" not in result.stderr


def test_without_the_cli_extra_the_command_says_how_to_install_it() -> None:
    script = (
        "import sys; sys.modules['click'] = None; "
        "from cachetclient.cli import main; sys.exit(main(['status']))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)

    assert result.returncode == 1
    assert result.stderr.strip() == INSTALL_HINT
    assert "pip install 'cachet-client[cli]'" in INSTALL_HINT


def test_importing_the_library_does_not_load_the_cli_libraries() -> None:
    script = "import sys, cachetclient; print(sorted({'click', 'rich'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)

    assert result.stdout.strip() == "[]"
