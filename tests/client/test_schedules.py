"""Schedules over HTTP: dates sent as `Y-m-d H:i`, partial updates."""

from __future__ import annotations

import datetime as dt

import pytest

from cachetclient import CLEAR
from cachetclient.errors import NotFoundError
from cachetclient.v1 import enums
from cachetclient.v1.client import Client
from cachetclient.v1.schedules import Schedule, ScheduleManager

UTC = dt.timezone.utc


def test_manager_declares_documented_path_and_resource_class() -> None:
    assert ScheduleManager.path == "schedules"
    assert ScheduleManager.resource_class is Schedule


def test_create_with_dates_carrying_seconds(client: Client) -> None:
    start = dt.datetime(2030, 9, 1, 20, 0, 45)
    end = dt.datetime(2030, 9, 1, 21, 30)
    schedule = client.schedules.create(
        name="Database upgrade",
        status=enums.SCHEDULE_STATUS_UPCOMING,
        message="Short downtime expected.",
        scheduled_at=start,
        completed_at=end,
    )
    fetched = client.schedules.get(schedule.id)
    assert fetched.name == "Database upgrade"
    assert fetched.message == "Short downtime expected."
    assert fetched.status == enums.SCHEDULE_STATUS_UPCOMING
    assert fetched.scheduled_at == dt.datetime(2030, 9, 1, 20, 0)
    assert fetched.completed_at == end
    assert fetched.scheduled_at < fetched.completed_at < dt.datetime(2030, 9, 2)


def test_create_without_scheduled_at_starts_now(utc_client: Client) -> None:
    schedule = utc_client.schedules.create(name="Now", status=enums.SCHEDULE_STATUS_IN_PROGRESS)
    assert schedule.scheduled_at is not None
    assert abs(schedule.scheduled_at - dt.datetime.now(UTC)) < dt.timedelta(minutes=2)


def test_update_via_manager_and_resource(client: Client) -> None:
    schedule = client.schedules.create(name="s", status=0, message="m")
    updated = client.schedules.update(
        schedule.id, name="Updated schedule", scheduled_at="2031-01-02 03:04:05"
    )
    assert updated.name == "Updated schedule"
    assert updated.message == "m"
    assert updated.scheduled_at == dt.datetime(2031, 1, 2, 3, 4)
    updated.status = enums.SCHEDULE_STATUS_COMPLETE
    updated.completed_at = dt.datetime(2031, 1, 2, 5, 0)
    updated.update()
    fetched = client.schedules.get(schedule.id)
    assert fetched.status == 2
    assert fetched.completed_at == dt.datetime(2031, 1, 2, 5, 0)


def test_list_sort_count_and_delete(client: Client) -> None:
    for name in ["b", "a", "c"]:
        client.schedules.create(name=name, status=0)
    assert [s.name for s in client.schedules.list(per_page=2)] == ["b", "a", "c"]
    assert [s.name for s in client.schedules.list(per_page=2, sort="name")] == ["a", "b", "c"]
    assert client.schedules.count() == 3
    first = next(client.schedules.list())
    first.delete()
    client.schedules.delete(next(client.schedules.list()).id)
    assert client.schedules.count() == 1
    with pytest.raises(NotFoundError):
        client.schedules.get(first.id)


def test_none_keeps_the_message_and_clear_empties_it(client: Client) -> None:
    schedule = client.schedules.create(name="s", status=0, message="keep me")
    assert client.schedules.update(schedule.id, name="t").message == "keep me"
    assert client.schedules.update(schedule.id, message=None).message == "keep me"
    assert client.schedules.update(schedule.id, message=CLEAR).message == ""
