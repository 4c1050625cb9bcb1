"""Run the compatibility scenarios with whichever `cachetclient` this interpreter imports.

    CACHET_API_TOKEN=... python -m tests.compat.runner http://127.0.0.1:PORT [NAME ...]

Every scenario (or the named ones) runs on an emulator emptied just before it, with the
settings it started with (its control API); the output is one JSON object, scenario name ->
the steps it recorded (`tests.compat.observe`). Uses only the standard library and `requests`,
so it runs in the releases' virtualenvs too.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import requests

from tests.compat.observe import ScenarioStopped, Steps
from tests.compat.scenarios import SCENARIOS


def run_scenario(
    name: str, emulator_url: str, token: str, settings: dict[str, Any]
) -> list[dict[str, Any]]:
    """Empty the emulator and restore its settings, run one scenario, return its steps."""
    control = emulator_url.rstrip("/") + "/_emulator"
    headers = {"X-Cachet-Token": token}
    requests.post(control + "/reset", headers=headers, timeout=30).raise_for_status()
    requests.put(control + "/settings", json=settings, headers=headers, timeout=30)
    steps = Steps(emulator_url, token)
    try:
        SCENARIOS[name](steps)
    except ScenarioStopped:
        pass
    except Exception as error:
        steps.uncaught(error)
    return steps.recorded


def main(argv: list[str]) -> int:
    """Run the scenarios and print what they recorded as JSON."""
    emulator_url, names = argv[0], argv[1:] or list(SCENARIOS)
    token = os.environ["CACHET_API_TOKEN"]
    settings = requests.get(
        emulator_url.rstrip("/") + "/_emulator/settings",
        headers={"X-Cachet-Token": token},
        timeout=30,
    ).json()["data"]
    results = {name: run_scenario(name, emulator_url, token, settings) for name in names}
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
