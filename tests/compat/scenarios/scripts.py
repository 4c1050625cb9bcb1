"""Whole scripts, shaped like the ones real projects run: syncs, monitors, bridges, probes."""

from __future__ import annotations

from datetime import datetime

from tests.compat.observe import Steps
from tests.compat.scenarios import scenario


@scenario
def script_job_monitor_opens_and_fixes_an_incident(steps: Steps) -> None:
    from cachetclient.v1 import enums

    client = steps.client()
    job = steps.do("create component", client.components.create, name="Nightly job", status=1)

    def open_incident() -> int:
        for incident in client.incidents.list():
            if incident.name == "Nightly job failed" and incident.status != enums.INCIDENT_FIXED:
                return int(incident.id)
        created = client.incidents.create(
            name="Nightly job failed",
            message="The job exited with status 1",
            status=enums.INCIDENT_INVESTIGATING,
            component_id=job.id,
            component_status=enums.COMPONENT_STATUS_PARTIAL_OUTAGE,
        )
        return int(created.id)

    first = steps.do("open on failure", open_incident)
    steps.do("open again on the next failure (same incident)", open_incident)
    incident = steps.do("get", client.incidents.get, first)
    steps.do(
        "fix",
        client.incidents.update,
        incident.id,
        name=incident.name,
        message="The job ran again",
        status=enums.INCIDENT_FIXED,
        visible=incident.visible,
        component_id=job.id,
        component_status=enums.COMPONENT_STATUS_OPERATIONAL,
    )
    steps.see("component status", lambda: client.components.get(job.id).status_name)


@scenario
def script_cmdb_sync(steps: Steps) -> None:
    client = steps.client()
    for name in ("API", "Legacy"):
        steps.do("create", client.components.create, name=name, status=1)
    wanted = {"API": 3, "Web": 1}

    def sync() -> list[str]:
        done = []
        existing = {c.name: c for c in client.components.list(per_page=100)}
        for name, status in wanted.items():
            if name not in existing:
                client.components.create(name=name, status=status, description="from CMDB")
                done.append(f"created {name}")
            elif existing[name].status != status:
                client.components.update(existing[name].id, status=status)
                done.append(f"updated {name}")
        for name, component in existing.items():
            if name not in wanted:
                component.delete()
                done.append(f"deleted {name}")
        return done

    steps.do("sync", sync)
    steps.see(
        "components afterwards",
        lambda: sorted((c.name, c.status) for c in client.components.list()),
    )


@scenario
def script_monitoring_handler_sets_a_status_from_arguments(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.components.create, name="DB", status=1, description="Database")
    argv = ["handler", "1", "4"]  # component id and status as a monitoring system passes them
    component = steps.do("get(argv[1])", client.components.get, argv[1])
    component.status = int(argv[2])
    steps.do("component.update()", component.update)
    steps.see("status and description", lambda: (component.status, component.description))
    steps.see(
        "on the server",
        lambda: (client.components.get(1).status, client.components.get(1).description),
    )


@scenario
def script_alert_bridge_posts_updates(steps: Steps) -> None:
    client = steps.client()
    incident = steps.do(
        "alert fires",
        client.incidents.create,
        name="High error rate",
        message="Errors above 5%",
        status=1,
        visible=True,
    )
    steps.do(
        "alert fires again",
        client.incident_updates.create,
        incident_id=incident.id,
        status=2,
        message="Still above 5%",
    )
    steps.do(
        "alert resolves",
        client.incident_updates.create,
        incident_id=incident.id,
        status=4,
        message="Back to normal",
    )
    steps.see(
        "updates",
        lambda: [(u.status, u.message) for u in client.incident_updates.list(incident.id)],
    )
    steps.see("incident status", lambda: client.incidents.get(incident.id).status)


@scenario
def script_cron_prober_posts_points(steps: Steps) -> None:
    client = steps.client()
    steps.do("create metric", client.metrics.create, name="Latency", description="", suffix="ms")
    config = {"metric_id": "1", "component_id": "1"}
    steps.do("create component", client.components.create, name="API", status=1)
    if steps.do("ping()", client.ping):
        steps.do(
            "post point",
            client.metric_points.create,
            metric_id=config["metric_id"],
            value=123,
        )
        steps.do("mark operational", client.components.update, config["component_id"], status=1)
    steps.see("points", lambda: [p.value for p in client.metrics.get(1).points()])


@scenario
def script_status_updater_walks_groups(steps: Steps) -> None:
    client = steps.client()
    steps.do("create group", client.component_groups.create, name="Core", visible=True)
    for name in ("API", "Web"):
        steps.do("create", client.components.create, name=name, status=1, group_id=1)

    def degrade() -> list[str]:
        seen = []
        for group in client.component_groups.list():
            for component in group.enabled_components:
                client.components.update(component.id, status=2)
                seen.append(f"{group.name}/{component.name}")
        return seen

    steps.do("degrade every component", degrade)
    steps.see("lowest status", lambda: client.component_groups.get(1).lowest_human_status)


@scenario
def datetimes_in_the_cachet_timezone(steps: Steps) -> None:
    steps.configure_emulator(timezone="Europe/Oslo")
    client = steps.client()
    start = datetime(2020, 9, 1, 20)
    steps.do("create", client.schedules.create, name="U", status=0, scheduled_at=start)
    schedule = steps.do("get", client.schedules.get, 1)
    steps.see("scheduled_at == the datetime sent", lambda: schedule.scheduled_at == start)
    steps.see("scheduled_at", lambda: schedule.scheduled_at)
