"""Live check: run a scenario across every Cachet resource against a real (test) Cachet.

    CACHET_ENDPOINT=https://status.example.com/api/v1 CACHET_API_TOKEN=... \\
        python scripts/live_check.py --yes-this-is-a-test-server

It creates, reads, changes and deletes one of each resource (names start with "live-check"),
deletes everything it created even when a step fails, and ends with `N passed, M failed`.
Exit status: 0 when nothing failed, 1 otherwise, 2 when refused. Never point it at a
production status page: subscribers and incidents can send e-mails there.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

import cachetclient
from cachetclient.v1 import enums
from cachetclient.v1.client import Client

CONFIRMATION = "--yes-this-is-a-test-server"


@dataclass
class Scenario:
    """The client, what the steps created (to delete at the end) and the results."""

    client: Client
    tag: str = field(default_factory=lambda: f"live-check-{secrets.token_hex(3)}")
    created: dict[str, Any] = field(default_factory=dict)
    cleanups: list[tuple[str, Callable[[], None]]] = field(default_factory=list)
    passed: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def cachet_23(self) -> bool:
        """Whether the server runs Cachet 2.3 (no updates, templates or schedules)."""
        return str(self.created.get("version", "")).startswith("2.3")

    def remember(self, name: str, resource: Any, delete: Callable[[], None]) -> Any:
        """Keep a created resource for later steps, and its deletion for the cleanup."""
        self.created[name] = resource
        self.cleanups.append((name, delete))
        return resource

    def forget(self, name: str) -> None:
        """A step deleted the resource itself: no cleanup needed."""
        self.cleanups = [(n, delete) for n, delete in self.cleanups if n != name]


def check(condition: bool, what: str) -> None:
    """Fail the current step with `what` unless `condition` holds."""
    if not condition:
        raise AssertionError(what)


def step_general(s: Scenario) -> None:
    check(s.client.ping() is True, "ping did not answer True")
    version = s.client.version()
    check(bool(version.value), "version has no value")
    s.created["version"] = version.value
    check(s.client.status().status in ("success", "info", "danger"), "unexpected /status")


def step_component_groups(s: Scenario) -> None:
    groups = s.client.component_groups
    group = groups.create(name=f"{s.tag} group", order=7, visible=True)
    s.remember("group", group, lambda: groups.delete(group.id))
    check(groups.get(group.id).name == f"{s.tag} group", "group not read back")
    updated = groups.update(group.id, name=f"{s.tag} group renamed")
    check(updated.name == f"{s.tag} group renamed", "group name not updated")
    check(updated.order == 7, "group order lost by a partial update")
    check(group.id in [g.id for g in groups.list(name=f"{s.tag} group renamed")], "not listed")


def step_components(s: Scenario) -> None:
    components = s.client.components
    component = components.create(
        name=f"{s.tag} component",
        status=enums.COMPONENT_STATUS_OPERATIONAL,
        description="Created by the live check",
        tags=["live check", s.tag],
        group_id=s.created["group"].id,
    )
    s.remember("component", component, lambda: components.delete(component.id))
    check(component.has_tag(name=s.tag), "tag missing on create")
    changed = components.update(component.id, status=enums.COMPONENT_STATUS_PARTIAL_OUTAGE)
    check(changed.status == enums.COMPONENT_STATUS_PARTIAL_OUTAGE, "status not updated")
    check(changed.description == "Created by the live check", "description lost by update")
    fetched = components.get(component.id)
    fetched.add_tag("added later")
    fetched.update()
    check(components.get(component.id).has_tag(name="added later"), "add_tag not saved")
    found = list(components.list(group_id=s.created["group"].id))
    check([c.id for c in found] == [component.id], "group filter did not find it")
    check(components.count(name=f"{s.tag} component") == 1, "count by name is not 1")


def step_incidents(s: Scenario) -> None:
    incidents = s.client.incidents
    incident = incidents.create(
        name=f"{s.tag} incident",
        message="Checking the API",
        status=enums.INCIDENT_INVESTIGATING,
        component_id=s.created["component"].id,
        component_status=enums.COMPONENT_STATUS_MAJOR_OUTAGE,
        visible=False,
        notify=False,
    )
    s.remember("incident", incident, lambda: incidents.delete(incident.id))
    component = s.client.components.get(s.created["component"].id)
    check(component.status == enums.COMPONENT_STATUS_MAJOR_OUTAGE, "component status not set")
    updated = incidents.update(incident.id, message="Still checking")
    check(updated.message == "Still checking", "message not updated")
    check(updated.visible is False, "a partial update made the hidden incident visible")
    listed = list(incidents.list(component_id=s.created["component"].id))
    check([i.id for i in listed] == [incident.id], "component filter did not find it")


def step_incident_updates(s: Scenario) -> None:
    if s.cachet_23:
        raise Skipped("Cachet 2.3 has no incident updates")
    updates = s.client.incident_updates
    incident_id = s.created["incident"].id
    update = updates.create(
        incident_id=incident_id, status=enums.INCIDENT_IDENTIFIED, message="Found it"
    )
    check(updates.get(incident_id, update.id).message == "Found it", "update not read back")
    changed = updates.update(id=update.id, incident_id=incident_id, message="Found it, fixing")
    check(changed.message == "Found it, fixing", "update message not changed")
    check([u.id for u in updates.list(incident_id)] == [update.id], "update not listed")
    check(updates.count(incident_id) == 1, "update count is not 1")
    updates.delete(incident_id, update.id)
    check(updates.count(incident_id) == 0, "update not deleted")


def step_incident_templates(s: Scenario) -> None:
    if s.cachet_23:
        raise Skipped("Cachet 2.3 has no incident templates API")
    templates = s.client.incident_templates
    listed = list(templates.list())
    check(templates.count() == len(listed), "template count differs from the list")
    if listed:
        check(templates.get(listed[0].id).slug == listed[0].slug, "template not read back")


def step_metrics(s: Scenario) -> None:
    metrics = s.client.metrics
    metric = metrics.create(
        name=f"{s.tag} metric", description="Live check", suffix="ms", default_value=0
    )
    s.remember("metric", metric, lambda: metrics.delete(metric.id))
    check(metrics.update(metric.id, suffix="s").suffix == "s", "metric suffix not updated")
    points = s.client.metric_points
    point = points.create(metric_id=metric.id, value=12.5)
    check(points.count(metric.id) == 1, "point count is not 1")
    check([p.value for p in points.list(metric.id)] == [12.5], "point not listed")
    points.update(metric.id, point.id, value=13)
    check([p.value for p in points.list(metric.id)] == [13], "point not updated")
    points.delete(metric.id, point.id)
    check(points.count(metric.id) == 0, "point not deleted")


def step_schedules(s: Scenario) -> None:
    if s.cachet_23:
        raise Skipped("Cachet 2.3 has no schedules")
    schedules = s.client.schedules
    start = datetime.now(timezone.utc).replace(second=0, microsecond=0) + timedelta(days=30)
    schedule = schedules.create(
        name=f"{s.tag} maintenance",
        status=enums.SCHEDULE_STATUS_UPCOMING,
        message="Planned by the live check",
        scheduled_at=start,
        notify=False,
    )
    s.remember("schedule", schedule, lambda: schedules.delete(schedule.id))
    check(schedules.get(schedule.id).scheduled_at == start, "scheduled_at not read back")
    changed = schedules.update(schedule.id, status=enums.SCHEDULE_STATUS_IN_PROGRESS)
    check(changed.status == enums.SCHEDULE_STATUS_IN_PROGRESS, "schedule status not updated")
    check(changed.name == f"{s.tag} maintenance", "schedule name lost by update")


def step_subscribers(s: Scenario) -> None:
    subscribers = s.client.subscribers
    component_id = s.created["component"].id
    subscriber = subscribers.create(
        email=f"{s.tag}@example.com", components=[component_id], verify=True
    )
    s.remember("subscriber", subscriber, lambda: subscribers.delete(subscriber.id))
    check(subscriber.component_ids == [component_id], "subscription not created")
    check(subscriber.id in [sub.id for sub in subscribers.list()], "subscriber not listed")
    subscription_id = int(subscriber.subscriptions[0]["id"])
    s.client.subscriptions.delete(subscription_id)
    subscribers.delete(subscriber.id)
    s.forget("subscriber")
    check(subscriber.id not in [sub.id for sub in subscribers.list()], "subscriber not deleted")


def step_delete_everything(s: Scenario) -> None:
    for name in ("schedule", "metric", "incident", "component", "group"):
        resource = s.created.get(name)
        if resource is None or name not in dict(s.cleanups):
            continue
        resource.delete()
        s.forget(name)
    try:
        s.client.components.get(s.created["component"].id)
    except cachetclient.NotFoundError:
        return
    raise AssertionError("the component still exists after delete")


class Skipped(Exception):
    """The server's Cachet version has no such resource."""


STEPS: list[Callable[[Scenario], None]] = [
    step_general,
    step_component_groups,
    step_components,
    step_incidents,
    step_incident_updates,
    step_incident_templates,
    step_metrics,
    step_schedules,
    step_subscribers,
    step_delete_everything,
]


def run_step(s: Scenario, step: Callable[[Scenario], None], *, verbose: bool) -> None:
    """Run one step and record its result on one line."""
    name = step.__name__.removeprefix("step_").replace("_", " ")
    try:
        step(s)
    except Skipped as reason:
        s.skipped += 1
        print(f"SKIP {name}: {reason}")
    except Exception as error:  # report every failure and go on with the next step
        s.failed += 1
        print(f"FAIL {name}: {type(error).__name__}: {error}")
        if verbose:
            traceback.print_exc()
    else:
        s.passed += 1
        print(f"PASS {name}")


def clean_up(s: Scenario) -> None:
    """Delete whatever the steps created and did not delete themselves (newest first)."""
    for name, delete in reversed(s.cleanups):
        try:
            delete()
        except cachetclient.NotFoundError:
            pass
        except cachetclient.CachetError as error:
            print(f"could not delete the {name}: {error}", file=sys.stderr)
    s.cleanups.clear()


def main(argv: list[str] | None = None) -> int:
    """Run the scenario; the exit status says whether every step passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(CONFIRMATION, action="store_true", dest="confirmed")
    parser.add_argument("--verbose", "-v", action="store_true", help="tracebacks of failures")
    arguments = parser.parse_args(argv)
    if not arguments.confirmed:
        print(
            f"This writes to the Cachet at CACHET_ENDPOINT. Run it only against a test "
            f"server, with {CONFIRMATION}.",
            file=sys.stderr,
        )
        return 2
    try:
        client = cachetclient.Client(timezone="UTC")
    except cachetclient.ConfigurationError as error:
        print(f"{error} (and CACHET_API_TOKEN to the token of a test user)", file=sys.stderr)
        return 2
    with client:
        scenario = Scenario(client)
        try:
            for step in STEPS:
                run_step(scenario, step, verbose=arguments.verbose)
        finally:
            clean_up(scenario)
    summary = f"{scenario.passed} passed, {scenario.failed} failed"
    print(summary + (f", {scenario.skipped} skipped" if scenario.skipped else ""))
    return 1 if scenario.failed else 0


if __name__ == "__main__":
    sys.exit(main())
