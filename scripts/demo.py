"""`make demo`: a short tour of the `cachet` command against a local Cachet emulator.

Starts `cachet-emulator --port 0 --seed demo`, runs a few `cachet` commands a status-page
owner would run, and stops the emulator on every path. Exits non-zero if any step fails.
With `CACHET_VERSION=3` (`make demo CACHET_VERSION=3`) the tour runs against the emulator's
Cachet 3 mode instead (experimental), its few components made through the library.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import cachetclient
from cachetclient.cli import main as cachet

_LISTENING = re.compile(r"listening on (?P<endpoint>\S+) \(token: (?P<token>[\w|]+)\)")


def cachet_3() -> bool:
    """Whether the tour is of Cachet 3 (`CACHET_VERSION=3`)."""
    return os.environ.get("CACHET_VERSION", "").strip() == "3"


@contextmanager
def emulator() -> Iterator[tuple[str, str]]:
    """A seeded emulator in a child process: yields (endpoint, token), always stops it."""
    command = [sys.executable, "-m", "cachet_emulator", "--port", "0", "--seed", "demo"]
    if cachet_3():
        command[-2:] = ["--cachet-version", "3", "--api-rate-limit", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = _LISTENING.search(line)
        if not found:
            raise SystemExit(f"the emulator did not start: {line!r}")
        yield found["endpoint"], found["token"]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def say(text: str) -> None:
    """A line of narration."""
    styled = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    print(f"\n\033[1m# {text}\033[0m" if styled else f"\n# {text}", flush=True)


def run(*argv: str) -> None:
    """Show a `cachet` command, run it, stop the tour if it fails."""
    print(f"$ cachet {shlex.join(argv)}", flush=True)
    code = cachet(list(argv))
    sys.stdout.flush()
    if code != 0:
        raise SystemExit(f"`cachet {shlex.join(argv)}` failed with exit code {code}")


def tour(endpoint: str, token: str) -> None:
    """The commands of the tour."""
    os.environ.update(CACHET_ENDPOINT=endpoint, CACHET_API_TOKEN=token)
    say(f"A Cachet status page is running at {endpoint} (an emulator with demo data).")
    say("`cachet status` shows the page in the terminal (hidden parts marked):")
    run("status")
    say("The website goes down. A deploy hook or an alert opens an incident in one line:")
    name = "Website unreachable"
    run(
        "incidents",
        "open",
        "--component",
        "1",
        "--component-status",
        "major-outage",
        "--name",
        name,
        "--message",
        "Visitors get errors; we are investigating.",
    )
    say("The board now shows the outage and the open incident:")
    run("status")
    with cachetclient.Client(endpoint=endpoint, api_token=token) as client:
        # The same thing in Python: the library behind the command.
        incident = next(client.incidents.list(name=name))
    say("Fixed. Resolving adds a Fixed update and sets the website back to operational:")
    run("incidents", "resolve", str(incident.id), "--message", "A fix is deployed.")
    run("components", "list", "--group-id", "1")
    say("Metrics: push a value from cron, and read the latest points:")
    run("points", "add", "1", "118.5")
    run("points", "list", "1", "--per-page", "5")
    say("Scripts get the API's data as JSON with --output json:")
    run("--output", "json", "version")
    say("That was cachet-client: a Python library, this command and a local Cachet emulator.")


def tour_cachet_3(endpoint: str, token: str) -> None:
    """The commands of the tour against Cachet 3."""
    os.environ.update(CACHET_ENDPOINT=endpoint, CACHET_API_TOKEN=token)
    os.environ.pop("CACHET_VERSION", None)  # let `cachet` find the version out
    say(f"A Cachet 3 API is running at {endpoint} (an emulator; Cachet 3 is unreleased).")
    with cachetclient.Client(endpoint, token, version="3") as client:
        for name in ("Website", "API", "Database"):
            client.components.create(name=name, status=1)
        client.metrics.create(name="Response time", suffix="ms")
    say("`cachet` finds out by itself that the server speaks Cachet 3:")
    run("components", "list")
    say("The website goes down: the incident records the outage as the website's impact.")
    run(
        "incidents", "open", "--component", "1", "--component-status", "major-outage",
        "--name", "Website unreachable", "--message", "Visitors get errors; we are investigating.",
    )  # fmt: skip
    run("status")
    say("Fixed. Resolving adds a Fixed update; the impact ends with the incident:")
    run("incidents", "resolve", "1", "--message", "A fix is deployed.")
    run("status")
    say("Metrics: push a value from cron:")
    run("points", "add", "1", "118.5")
    say("`cachet doctor` names the API version and the token's abilities:")
    run("doctor")


def main() -> int:
    """Run the tour; 0 when every step worked."""
    with emulator() as (endpoint, token):
        if cachet_3():
            tour_cachet_3(endpoint, token)
            return 0
        tour(endpoint, token)
        say(f"The same emulator serves Cachet's status page: {status_page(endpoint)}")
        if sys.stdin.isatty():
            input("Open it in a browser; press Enter to stop the emulator. ")
    return 0


def status_page(endpoint: str) -> str:
    """The status page's address beside an API endpoint (`.../api/v1`)."""
    return endpoint.removesuffix("/api/v1") + "/"


if __name__ == "__main__":
    sys.exit(main())
