"""Running the scenarios with each library and finding the steps where two runs differ."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.releases import RELEASES, release_python

from cachet_emulator.server import CachetEmulator

REPOSITORY = Path(__file__).resolve().parents[2]
OURS = "ours"
# A scenario's run: its recorded steps, {"step": label, "value": ..., "requests": [...]}.
Run = list[dict[str, Any]]


def run_library(python: str, names: list[str] | None = None) -> dict[str, Run]:
    """Run the scenarios in `python` (whose `cachetclient` is the library under test) against
    an emulator of its own, emptied before each scenario; scenario name -> its run."""
    with CachetEmulator() as emulator:
        completed = subprocess.run(
            [python, "-m", "tests.compat.runner", emulator.url, *(names or [])],
            cwd=REPOSITORY,
            # Nothing of this environment may leak into a release's interpreter.
            env={**_clean_environment(), "CACHET_API_TOKEN": emulator.token},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    if completed.returncode != 0:
        raise RuntimeError(f"the scenarios failed to run in {python}:\n{completed.stderr}")
    runs: dict[str, Run] = json.loads(completed.stdout)
    return runs


def _clean_environment() -> dict[str, str]:
    hidden = ("PYTHONPATH", "CACHET_ENDPOINT", "CACHET_API_TOKEN", "VIRTUAL_ENV")
    return {name: value for name, value in os.environ.items() if name not in hidden}


def run_all(names: list[str] | None = None) -> dict[str, dict[str, Run]]:
    """Every scenario with this library and with each release, side by side:
    library ("ours", "3.1.1", "4.0.1") -> scenario -> run."""
    pythons = {OURS: sys.executable, **{version: release_python(version) for version in RELEASES}}
    with ThreadPoolExecutor(max_workers=len(pythons)) as pool:
        futures = {lib: pool.submit(run_library, python, names) for lib, python in pythons.items()}
        return {lib: future.result() for lib, future in futures.items()}


def differing_steps(ours: Run, theirs: Run) -> list[str]:
    """The labels of the steps where two runs of a scenario differ, in order (a step one run
    never reached counts as differing)."""
    labels: list[str] = []
    for index in range(max(len(ours), len(theirs))):
        mine = ours[index] if index < len(ours) else None
        other = theirs[index] if index < len(theirs) else None
        if mine != other:
            label = (mine or other or {}).get("step", "?")
            if label not in labels:
                labels.append(label)
    return labels


def step_of(run: Run, label: str) -> list[dict[str, Any]]:
    """The recorded steps of a run with this label."""
    return [step for step in run if step["step"] == label]
