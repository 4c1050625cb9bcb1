"""Run the compatibility scenarios with whichever `cachetclient` this interpreter imports.

    CACHET_API_TOKEN=... python -m tests.compat.runner http://127.0.0.1:PORT [NAME ...]

Every scenario (or the named ones) runs on an emulator emptied just before it (its control API
`reset`); the output is one JSON object, scenario name -> the steps it recorded
(`tests.compat.observe`). Uses only the standard library and `requests`, so it runs in the
releases' virtualenvs too.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import requests

from tests.compat.observe import ScenarioStopped, Steps
from tests.compat.scenarios import SCENARIOS


def run_scenario(name: str, emulator_url: str, token: str) -> list[dict[str, Any]]:
    """Empty the emulator, run one scenario, and return its recorded steps."""
    reset = requests.post(
        emulator_url.rstrip("/") + "/_emulator/reset",
        headers={"X-Cachet-Token": token},
        timeout=30,
    )
    reset.raise_for_status()
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
    results = {name: run_scenario(name, emulator_url, token) for name in names}
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
