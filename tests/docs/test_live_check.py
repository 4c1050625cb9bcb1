"""The live-check script passes against the emulator, cleans up, and refuses without consent."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import cachetclient
from cachet_emulator.seed import seed_demo
from cachet_emulator.server import CachetEmulator

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "live_check.py"


def run_live_check(emulator: CachetEmulator, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CACHET_ENDPOINT": emulator.endpoint, "CACHET_API_TOKEN": emulator.token}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=60
    )


def resource_counts(emulator: CachetEmulator) -> dict[str, int]:
    client = cachetclient.Client(endpoint=emulator.endpoint, api_token=emulator.token)
    counts = {
        "components": client.components.count(),
        "groups": client.component_groups.count(),
        "incidents": client.incidents.count(),
        "metrics": client.metrics.count(),
        "subscribers": client.subscribers.count(),
    }
    if emulator.settings.cachet_version == "2.4":
        counts["schedules"] = client.schedules.count()
        counts["updates"] = sum(
            client.incident_updates.count(i.id) for i in client.incidents.list()
        )
    counts["points"] = sum(client.metric_points.count(m.id) for m in client.metrics.list())
    return counts


@pytest.fixture(params=["2.4", "2.3"])
def demo_cachet(request: pytest.FixtureRequest) -> Iterator[CachetEmulator]:
    with CachetEmulator(cachet_version=request.param) as emulator:
        seed_demo(emulator.store)
        yield emulator


def test_live_check_passes_and_leaves_the_data_as_it_found_it(demo_cachet: CachetEmulator) -> None:
    before = resource_counts(demo_cachet)

    result = run_live_check(demo_cachet, "--yes-this-is-a-test-server")

    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    passed = result.stdout.count("PASS ")
    assert summary.startswith(f"{passed} passed, 0 failed")
    assert passed >= 7 and "FAIL" not in result.stdout
    assert resource_counts(demo_cachet) == before


def test_live_check_covers_every_resource_on_cachet_24(cachet_emulator: CachetEmulator) -> None:
    result = run_live_check(cachet_emulator, "--yes-this-is-a-test-server")

    assert result.stdout.strip().splitlines()[-1] == "10 passed, 0 failed"


def test_live_check_refuses_without_the_confirmation(cachet_emulator: CachetEmulator) -> None:
    result = run_live_check(cachet_emulator)

    assert result.returncode == 2
    assert "--yes-this-is-a-test-server" in result.stderr
    assert "passed" not in result.stdout
    assert resource_counts(cachet_emulator)["components"] == 0


def test_live_check_reports_failures_with_a_wrong_token(cachet_emulator: CachetEmulator) -> None:
    env_token = cachet_emulator.token
    cachet_emulator.token = "not-the-token"
    try:
        result = run_live_check(cachet_emulator, "--yes-this-is-a-test-server")
    finally:
        cachet_emulator.token = env_token

    assert result.returncode == 1
    assert "FAIL component groups" in result.stdout
    assert "not-the-token" not in result.stdout + result.stderr
    # Only the reads a guest may do pass: ping/version/status and the template list.
    assert result.stdout.strip().splitlines()[-1] == "2 passed, 8 failed"
