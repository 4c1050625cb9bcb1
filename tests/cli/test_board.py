"""`cachet status`: the status board."""

from __future__ import annotations

from typing import Any

from cachetclient.v1 import enums
from cachetclient.v1.client import Client
from tests.cli.conftest import Cachet


def _status_page(client: Client) -> None:
    group = client.component_groups.create(name="Public services", visible=True)
    client.components.create(name="Website", status=1, group_id=group.id)
    api = client.components.create(name="API", status=2, group_id=group.id)
    client.components.create(name="Mail", status=1)
    incident = client.incidents.create(
        name="Slow API",
        message="Looking.",
        status=enums.INCIDENT_INVESTIGATING,
        component_id=api.id,
        component_status=enums.COMPONENT_STATUS_PERFORMANCE_ISSUES,
    )
    client.incident_updates.create(
        incident_id=incident.id or 0, status=enums.INCIDENT_IDENTIFIED, message="Found it."
    )
    client.incidents.create(name="Old outage", message="Done.", status=enums.INCIDENT_FIXED)
    client.schedules.create(name="Database upgrade", status=0, scheduled_at="2030-01-02 03:04")
    metric = client.metrics.create(name="Latency", description="p50", suffix="ms")
    client.metric_points.create(metric_id=metric.id or 0, value=118)


def test_board_shows_components_incidents_schedules_and_metrics(
    cachet: Cachet, client: Client
) -> None:
    _status_page(client)

    run = cachet("status")

    assert run.exit_code == 0, run.stderr
    board = run.stdout
    assert "Some systems are experiencing issues" in board
    assert board.index("Public services") < board.index("Website") < board.index("API")
    assert "Performance Issues" in board
    assert "Other components" in board and "Mail" in board
    assert "Slow API" in board and "Found it." in board and "Identified" in board
    assert "Old outage" not in board
    assert "Database upgrade" in board
    assert "Latency: 118 ms" in board


def test_board_json_is_the_apis_data_by_section(cachet: Cachet, client: Client) -> None:
    _status_page(client)

    board = cachet("-o", "json", "status").json()

    assert board["status"] == client.status().attrs
    [group] = board["groups"]
    assert [c["name"] for c in group["components"]] == ["Website", "API"]
    assert [c["name"] for c in board["ungrouped_components"]] == ["Mail"]
    [incident] = board["incidents"]
    assert incident["latest_update"]["message"] == "Found it."
    assert [s["name"] for s in board["schedules"]] == ["Database upgrade"]
    assert board["metrics"][0]["latest_point"]["value"] == 118


def test_board_of_an_empty_page(cachet: Cachet) -> None:
    run = cachet("status")

    assert run.exit_code == 0
    assert "System operational" in run.stdout
    assert run.stdout.count("none") == 3


def test_board_on_cachet_23_has_no_schedules_or_updates(
    cachet: Cachet, client: Client, cachet_emulator: Any
) -> None:
    cachet_emulator.configure(cachet_version="2.3")
    client.components.create(name="API", status=2)
    client.incidents.create(name="Slow API", message="Looking.", status=1)

    board = cachet("-o", "json", "status").json()

    assert [incident["name"] for incident in board["incidents"]] == ["Slow API"]
    assert board["incidents"][0]["latest_update"] is None
    assert board["schedules"] == []
