"""Schedules: CRUD, datetimes read, compared and sent back."""

from __future__ import annotations

from datetime import datetime

from tests.compat.observe import Steps
from tests.compat.scenarios import scenario

START = datetime(2020, 9, 1, 20)
END = datetime(2020, 9, 1, 22, 30)


@scenario
def schedule_crud_through_the_manager(steps: Steps) -> None:
    client = steps.client()
    schedule = steps.do(
        "create",
        client.schedules.create,
        name="Upgrade",
        status=0,
        message="Database upgrade",
        scheduled_at=START,
        completed_at=END,
    )
    steps.do("get", client.schedules.get, schedule.id)
    steps.do("list", client.schedules.list)
    steps.do("count", client.schedules.count)
    steps.do(
        "update(name=, status=, message=)",
        client.schedules.update,
        schedule.id,
        name="Upgrade v2",
        status=1,
        message="Started",
    )
    steps.do("get after update", client.schedules.get, schedule.id)
    steps.do("delete", client.schedules.delete, schedule.id)
    steps.do("get after delete", client.schedules.get, schedule.id)


@scenario
def schedule_datetimes_compared(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.schedules.create, name="U", status=0, scheduled_at=START)
    schedule = steps.do("get", client.schedules.get, 1)
    steps.see("scheduled_at == datetime(2020, 9, 1, 20)", lambda: schedule.scheduled_at == START)
    steps.see(
        "scheduled_at < datetime(2020, 9, 2)", lambda: schedule.scheduled_at < datetime(2020, 9, 2)
    )
    steps.see("completed_at", lambda: schedule.completed_at)


@scenario
def schedule_scheduled_at_sent_back(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.schedules.create, name="U", status=0, scheduled_at=START)
    schedule = steps.do("get", client.schedules.get, 1)
    steps.do(
        "update(scheduled_at=schedule.scheduled_at)",
        client.schedules.update,
        1,
        name="U",
        status=0,
        scheduled_at=schedule.scheduled_at,
    )
    steps.see("scheduled_at after update", lambda: client.schedules.get(1).scheduled_at)


@scenario
def schedule_update_passing_none(steps: Steps) -> None:
    client = steps.client()
    steps.do(
        "create", client.schedules.create, name="U", status=0, message="Keep", scheduled_at=START
    )
    steps.do(
        "update(name=, status=, message=None)",
        client.schedules.update,
        1,
        name="U2",
        status=0,
        message=None,
    )
    steps.do("get", client.schedules.get, 1)


@scenario
def schedule_update_through_the_resource(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.schedules.create, name="U", status=0, scheduled_at=START)
    schedule = steps.do("get", client.schedules.get, 1)
    steps.do("schedule.update()", schedule.update)
    steps.do("get after update", client.schedules.get, 1)
    steps.do("schedule.delete()", schedule.delete)
    steps.do("count", client.schedules.count)


@scenario
def schedule_create_without_scheduled_at(steps: Steps) -> None:
    client = steps.client()
    steps.do("create(name, status)", client.schedules.create, name="Now", status=0)


@scenario
def schedule_create_with_an_invalid_status(steps: Steps) -> None:
    client = steps.client()
    steps.do("create(status=7)", client.schedules.create, name="U", status=7, scheduled_at=START)


@scenario
def schedule_update_of_the_message_only(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.schedules.create, name="U", status=0, scheduled_at=START)
    steps.do("update(message='Later')", client.schedules.update, 1, message="Later")
    steps.do("get", client.schedules.get, 1)


@scenario
def schedule_string_ids(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.schedules.create, name="U", status=0, scheduled_at=START)
    steps.do("get('1')", client.schedules.get, "1")
    steps.do("update('1', name=, status='1')", client.schedules.update, "1", name="U", status="1")
    steps.do("delete('1')", client.schedules.delete, "1")
    steps.do("count", client.schedules.count)


@scenario
def schedule_create_with_a_text_status(steps: Steps) -> None:
    client = steps.client()
    steps.do(
        "create(status='0')", client.schedules.create, name="U", status="0", scheduled_at=START
    )
