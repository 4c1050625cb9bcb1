"""The workflow commands: open and resolve incidents, set a component's status, add points."""

from __future__ import annotations

import time
from typing import Any

import pytest

from cachetclient.v1 import enums
from cachetclient.v1.client import Client
from tests.cli.conftest import Cachet


def test_ping_and_version(cachet: Cachet) -> None:
    assert cachet("ping").stdout.strip() == "Pong!"
    assert cachet("-o", "json", "version").json() == "2.4.0-dev"


def test_ping_of_a_closed_port_fails(cachet: Cachet, closed_port_endpoint: str) -> None:
    run = cachet("--endpoint", closed_port_endpoint, "ping")

    assert run.exit_code == 1
    assert "could not reach Cachet" in run.stderr


def test_set_status_by_name(cachet: Cachet, client: Client) -> None:
    component = client.components.create(name="API", status=enums.COMPONENT_STATUS_OPERATIONAL)

    run = cachet("components", "set-status", str(component.id), "Partial-Outage")

    assert run.exit_code == 0, run.stderr
    assert client.components.get(component.id or 0).status == 3
    assert "Partial Outage" in run.stdout


def test_set_status_keeps_the_other_fields(cachet: Cachet, client: Client) -> None:
    component = client.components.create(name="API", status=1, enabled=False, tags="api")

    cachet("components", "set-status", str(component.id), "4")

    after = client.components.get(component.id or 0)
    assert (after.status, after.enabled, after.tag_names) == (4, False, ["api"])


@pytest.mark.parametrize("status", ["under-maintenance", "6"])
def test_set_status_refuses_cachet_3_maintenance_against_api_v1(
    cachet: Cachet, client: Client, status: str
) -> None:
    component = client.components.create(name="API", status=enums.COMPONENT_STATUS_OPERATIONAL)

    run = cachet("components", "set-status", str(component.id), status)

    assert run.exit_code == 2
    assert "under-maintenance (6) exists only in Cachet 3" in run.stderr
    assert "operational (1)" in run.stderr
    assert client.components.get(component.id or 0).status == 1


def test_open_incident_refuses_cachet_3_maintenance_against_api_v1(
    cachet: Cachet, client: Client
) -> None:
    component = client.components.create(name="API", status=1)

    run = cachet(
        "incidents", "open", "--name", "Works", "--message", "Planned",
        "--component", str(component.id), "--component-status", "under-maintenance",
    )  # fmt: skip

    assert run.exit_code == 2
    assert "--component-status" in run.stderr and "exists only in Cachet 3" in run.stderr
    assert client.incidents.count() == 0
    assert client.components.get(component.id or 0).status == 1


def test_open_incident_sets_the_component_status(cachet: Cachet, client: Client) -> None:
    component = client.components.create(name="API", status=1)

    run = cachet(
        "-o",
        "json",
        "incidents",
        "open",
        "--component",
        str(component.id),
        "--component-status",
        "major-outage",
        "--name",
        "API down",
        "--message",
        "Looking.",
    )

    assert run.exit_code == 0, run.stderr
    incident = client.incidents.get(run.json()["id"])
    assert (incident.name, incident.status, incident.component_id) == (
        "API down",
        enums.INCIDENT_INVESTIGATING,
        component.id,
    )
    assert client.components.get(component.id or 0).status == enums.COMPONENT_STATUS_MAJOR_OUTAGE


def test_open_incident_needs_component_and_status_together(cachet: Cachet) -> None:
    run = cachet("incidents", "open", "--component", "1", "--name", "x", "--message", "y")

    assert run.exit_code == 2
    assert "--component-status" in run.stderr


def test_resolve_adds_a_fixed_update_and_restores_the_component(
    cachet: Cachet, client: Client
) -> None:
    component = client.components.create(name="API", status=1)
    incident = client.incidents.create(
        name="API down",
        message="Looking.",
        status=enums.INCIDENT_IDENTIFIED,
        component_id=component.id,
        component_status=enums.COMPONENT_STATUS_MAJOR_OUTAGE,
    )

    run = cachet("-o", "json", "incidents", "resolve", str(incident.id), "--message", "Fixed.")

    assert run.exit_code == 0, run.stderr
    [update] = list(client.incident_updates.list(incident.id or 0))
    assert (update.status, update.message) == (enums.INCIDENT_FIXED, "Fixed.")
    assert run.json()["update"]["id"] == update.id
    assert client.incidents.get(incident.id or 0).status == enums.INCIDENT_FIXED
    assert client.components.get(component.id or 0).status == 1


def test_resolve_an_unknown_incident_fails(cachet: Cachet) -> None:
    run = cachet("incidents", "resolve", "42")

    assert run.exit_code == 1
    assert "404" in run.stderr


def test_points_add_with_a_timestamp(cachet: Cachet, client: Client) -> None:
    metric = client.metrics.create(name="Latency", description="p50", suffix="ms")
    moment = int(time.time()) - 3600

    run = cachet("-o", "json", "points", "add", str(metric.id), "42.5", "--timestamp", str(moment))

    assert run.exit_code == 0, run.stderr
    [point] = list(client.metric_points.list(metric.id or 0))
    assert point.value == 42.5
    assert point.id == run.json()["id"]


def test_points_add_refuses_a_bad_timestamp(cachet: Cachet) -> None:
    run = cachet("points", "add", "1", "4", "--timestamp", "yesterday-ish")

    assert run.exit_code == 2
    assert "not a date" in run.stderr


def test_updates_and_points_take_their_parent_id(cachet: Cachet, client: Client) -> None:
    incident = client.incidents.create(name="Slow", message="Slow.", status=1)
    cachet("updates", "create", str(incident.id), "--status", "watching", "--message", "Better")
    metric = client.metrics.create(name="Latency", description="p50", suffix="ms")
    cachet("points", "create", str(metric.id), "--value", "7")

    updates = cachet("-o", "json", "updates", "list", str(incident.id)).json()
    points = cachet("-o", "json", "points", "list", str(metric.id)).json()

    assert [(u["status"], u["message"]) for u in updates] == [(3, "Better")]
    assert [p["value"] for p in points] == [7]


def test_schedules_and_subscribers(cachet: Cachet, client: Client) -> None:
    cachet(
        "schedules",
        "create",
        "--name",
        "Upgrade",
        "--status",
        "upcoming",
        "--scheduled-at",
        "2030-01-02 03:04",
    )
    cachet("subscribers", "create", "--email", "ops@example.com", "--verify")

    schedules = cachet("-o", "json", "schedules", "list").json()
    subscribers = cachet("-o", "json", "subscribers", "list").json()

    assert [(s["name"], s["scheduled_at"]) for s in schedules] == [
        ("Upgrade", "2030-01-02 03:04:00")
    ]
    assert [s["email"] for s in subscribers] == ["ops@example.com"]


def test_resolve_on_cachet_23_fixes_the_incident_itself(
    cachet: Cachet, client: Client, cachet_emulator: Any
) -> None:
    cachet_emulator.configure(cachet_version="2.3")
    component = client.components.create(name="API", status=1)
    incident = client.incidents.create(
        name="API down",
        message="Looking.",
        status=enums.INCIDENT_INVESTIGATING,
        component_id=component.id,
        component_status=enums.COMPONENT_STATUS_MAJOR_OUTAGE,
    )

    run = cachet("incidents", "resolve", str(incident.id))

    assert run.exit_code == 0, run.stderr
    assert client.incidents.get(incident.id or 0).status == enums.INCIDENT_FIXED
    assert client.components.get(component.id or 0).status == 1
