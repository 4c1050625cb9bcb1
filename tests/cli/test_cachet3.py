"""The everyday commands against a Cachet 3 emulator (found by asking, or `--cachet-version 3`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from click.testing import CliRunner

import cachetclient
from cachetclient.cli.app import cli
from cachetclient.v3 import Client, ComponentStatus, IncidentStatus
from tests.cli.conftest import Cachet, Run, cli_env


@pytest.fixture
def cachet3(cachet_emulator_v3: Any) -> Cachet:
    """Run `cachet ARGS...` against the Cachet 3 emulator's site root (the API is detected)."""
    runner = CliRunner()

    def run(*args: str, token: str | None = cachet_emulator_v3.token, **env: str) -> Run:
        environment = {**cli_env(cachet_emulator_v3.url, token or ""), **env}
        result = runner.invoke(cli, list(args), env=environment, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def client3(cachet_emulator_v3: Any) -> Iterator[Client]:
    """A library client on the same emulator, to arrange data and check results."""
    with cachetclient.Client(
        cachet_emulator_v3.url, cachet_emulator_v3.token, version="3"
    ) as authenticated:
        yield authenticated


def test_components_list_and_set_status(cachet3: Cachet, client3: Client) -> None:
    website = client3.components.create(name="Website", status=ComponentStatus.OPERATIONAL)

    changed = cachet3("components", "set-status", str(website.id), "major-outage")
    listed = cachet3("--output", "json", "components", "list")

    assert changed.exit_code == 0, changed.stderr
    assert "is now Major outage" in changed.stdout
    assert [row["attributes"]["status"]["value"] for row in listed.json()] == [4]
    assert client3.components.get(website.id).status is ComponentStatus.MAJOR_OUTAGE


@pytest.mark.parametrize("status", ["under-maintenance", "6", "Under-Maintenance"])
def test_set_status_under_maintenance(cachet3: Cachet, client3: Client, status: str) -> None:
    website = client3.components.create(name="Website", status=ComponentStatus.OPERATIONAL)

    changed = cachet3("components", "set-status", str(website.id), status)

    assert changed.exit_code == 0, changed.stderr
    assert "is now Under maintenance" in changed.stdout
    assert client3.components.get(website.id).status is ComponentStatus.UNDER_MAINTENANCE


def test_open_incident_puts_a_component_under_maintenance(cachet3: Cachet, client3: Client) -> None:
    website = client3.components.create(name="Website", status=ComponentStatus.OPERATIONAL)

    opened = cachet3(
        "incidents", "open", "--component", str(website.id),
        "--component-status", "under-maintenance", "--name", "Works", "--message", "Planned",
    )  # fmt: skip

    assert opened.exit_code == 0, opened.stderr
    incident = next(iter(client3.incidents.list(include=["components"])))
    assert incident.components[0].impact is ComponentStatus.UNDER_MAINTENANCE
    assert client3.components.get(website.id).latest_status is ComponentStatus.UNDER_MAINTENANCE


def test_set_status_still_refuses_an_unknown_status(cachet3: Cachet, client3: Client) -> None:
    website = client3.components.create(name="Website", status=ComponentStatus.OPERATIONAL)

    refused = cachet3("components", "set-status", str(website.id), "7")

    assert refused.exit_code == 2
    assert "'7' is not a component status" in refused.stderr
    assert client3.components.get(website.id).status is ComponentStatus.OPERATIONAL


def test_open_and_resolve_an_incident(cachet3: Cachet, client3: Client) -> None:
    website = client3.components.create(name="Website", status=ComponentStatus.OPERATIONAL)

    opened = cachet3(
        "--cachet-version", "3", "incidents", "open", "--component", str(website.id),
        "--component-status", "partial-outage", "--name", "Slow", "--message", "Looking",
    )  # fmt: skip

    assert opened.exit_code == 0, opened.stderr
    incident = next(iter(client3.incidents.list(include=["components"])))
    assert incident.visible == 1 and incident.components[0].impact == 3
    assert client3.components.get(website.id).latest_status is ComponentStatus.PARTIAL_OUTAGE
    resolved = cachet3("incidents", "resolve", str(incident.id))
    assert resolved.exit_code == 0 and "it is Fixed" in resolved.stdout
    assert client3.incidents.get(incident.id).status is IncidentStatus.FIXED
    assert client3.components.get(website.id).latest_status is ComponentStatus.OPERATIONAL


def test_points_add_and_status(cachet3: Cachet, client3: Client) -> None:
    metric = client3.metrics.create(name="Latency", suffix="ms")

    added = cachet3("points", "add", str(metric.id), "42.5")
    status = cachet3("--output", "json", "status")

    assert added.exit_code == 0, added.stderr
    assert [p.value for p in client3.metric_points.list(metric.id)] == [42.5]
    assert status.json()["status"]["status"] == "operational"


def test_doctor_reports_the_api_and_the_token_abilities(
    cachet3: Cachet, client3: Client, cachet_emulator_v3: Any
) -> None:
    client3.components.create(name="Website")
    client3.incidents.create(name="x", status=1, message="m")
    limited = requests.post(
        cachet_emulator_v3.url + "/_emulator/tokens",
        headers={"X-Cachet-Token": cachet_emulator_v3.token},
        json={"name": "ci", "abilities": ["incidents.manage"]},
        timeout=10,
    ).json()["data"]["token"]

    report = cachet3("--output", "json", "doctor", token=limited)

    assert report.exit_code == 0, report.stderr
    lines = {(row["check"], row["message"]) for row in report.json()}
    assert ("cachet", "version 3.x-dev") in lines
    assert ("abilities", "has incidents.manage") in lines
    assert ("abilities", "lacks components.manage, subscribers.manage") in lines


def test_components_list_filters_sorts_and_refuses_what_cachet_3_lacks(
    cachet3: Cachet, client3: Client
) -> None:
    for name in ("db-a", "db-b", "web"):
        client3.components.create(name=name, status=ComponentStatus.OPERATIONAL)

    listed = cachet3("--output", "json", "components", "list", "--name", "db", "--sort", "name",
                     "--order", "desc")  # fmt: skip
    refused = cachet3("components", "list", "--group-id", "1")

    assert [row["attributes"]["name"] for row in listed.json()] == ["db-b", "db-a"]
    assert refused.exit_code == 2 and "--group-id: not available with Cachet 3" in refused.stderr
