"""Metrics, metric points, schedules and schedule updates through the Cachet 3 client."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cachetclient import NotFoundError, UnsupportedOperationError
from cachetclient.v3 import Client, ComponentStatus, MetricType, ScheduleStatus


def test_metric_round_trip(client: Client) -> None:
    metric = client.metrics.create(name="Latency", suffix="ms", calc_type=MetricType.AVERAGE)

    client.metrics.update(metric.id, description="p95", threshold=10)

    fetched = client.metrics.get(metric.id)
    assert fetched.calc_type is MetricType.AVERAGE
    assert (fetched.description, fetched.threshold, fetched.places) == ("p95", 10, 2)
    assert [m.name for m in client.metrics.list(name="lat")] == ["Latency"]
    client.metrics.delete(metric.id)
    with pytest.raises(NotFoundError):
        client.metrics.get(metric.id)


def test_points_far_apart_are_kept(client: Client) -> None:
    metric = client.metrics.create(name="Latency", suffix="ms")
    start = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)

    first = client.metric_points.create(metric.id, value=1.5, timestamp=start)
    second = client.metric_points.create(metric.id, value=2.5, timestamp=start + timedelta(hours=1))

    assert first.created_at == start
    points = list(client.metric_points.list(metric.id, sort="created_at"))
    assert [(p.id, p.value) for p in points] == [(first.id, 1.5), (second.id, 2.5)]
    assert [p.id for p in client.metrics.get(metric.id, include=["points"]).points] == [
        first.id,
        second.id,
    ]


def test_point_within_the_threshold_counts_the_previous_one(client: Client) -> None:
    metric = client.metrics.create(name="Hits", suffix="hits")
    first = client.metric_points.create(metric.id, value=1.0)

    again = client.metric_points.create(metric.id, value=9.0)

    assert (again.id, again.counter, again.value) == (first.id, 2, 1.0)


def test_point_get_delete_and_no_update(client: Client) -> None:
    metric = client.metrics.create(name="Hits", suffix="hits")
    point = client.metric_points.create(metric.id, value=1.0)

    assert client.metric_points.get(metric.id, point.id).metric_id == metric.id
    with pytest.raises(UnsupportedOperationError):
        client.metric_points.update(metric.id, point.id, value=2.0)
    client.metric_points.delete(metric.id, point.id)
    with pytest.raises(NotFoundError):
        client.metric_points.get(metric.id, point.id)


def test_schedule_in_progress_affects_its_components(client: Client) -> None:
    db = client.components.create(name="DB", status=ComponentStatus.OPERATIONAL)
    now = datetime.now(timezone.utc)

    schedule = client.schedules.create(
        name="Upgrade",
        message="DB upgrade",
        scheduled_at=now - timedelta(hours=1),
        completed_at=now + timedelta(hours=1),
        components=[(db.id, ComponentStatus.UNDER_MAINTENANCE)],
    )

    assert schedule.status is ScheduleStatus.IN_PROGRESS
    assert client.components.get(db.id).latest_status is ComponentStatus.UNDER_MAINTENANCE
    assert [s.name for s in client.schedules.list(status=ScheduleStatus.IN_PROGRESS)] == ["Upgrade"]


def test_schedule_update_get_delete(client: Client) -> None:
    future = datetime.now(timezone.utc) + timedelta(days=1)
    schedule = client.schedules.create(name="Later", message="m", scheduled_at=future)

    client.schedules.update(schedule.id, name="Much later")

    fetched = client.schedules.get(schedule.id)
    assert (fetched.name, fetched.status) == ("Much later", ScheduleStatus.UPCOMING)
    client.schedules.delete(schedule.id)
    with pytest.raises(NotFoundError):
        client.schedules.get(schedule.id)


def test_schedule_updates_round_trip(client: Client) -> None:
    now = datetime.now(timezone.utc)
    schedule = client.schedules.create(name="W", message="m", scheduled_at=now - timedelta(hours=1))

    update = client.schedule_updates.create(
        schedule.id, message="Done", completed_at=now - timedelta(minutes=1)
    )

    assert update.updateable_type == "schedule" and update.status is None
    assert client.schedules.get(schedule.id).status is ScheduleStatus.COMPLETE
    client.schedule_updates.update(schedule.id, update.id, message="All done")
    assert client.schedule_updates.get(schedule.id, update.id).message == "All done"
    assert [u.id for u in client.schedule_updates.list(schedule.id)] == [update.id]
    client.schedule_updates.delete(schedule.id, update.id)
    assert list(client.schedule_updates.list(schedule.id)) == []
