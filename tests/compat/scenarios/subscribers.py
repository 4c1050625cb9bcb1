"""Subscribers: create (new and existing), list, count, delete, the resource."""

from __future__ import annotations

from tests.compat.observe import Steps
from tests.compat.scenarios import scenario


@scenario
def subscriber_crud(steps: Steps) -> None:
    client = steps.client()
    subscriber = steps.do("create", client.subscribers.create, email="a@example.test")
    steps.do("create again (the existing one)", client.subscribers.create, email="a@example.test")
    steps.do("list", client.subscribers.list)
    steps.do("count", client.subscribers.count)
    steps.do("delete", client.subscribers.delete, subscriber.id)
    steps.do("count after delete", client.subscribers.count)
    steps.do("delete again", client.subscribers.delete, subscriber.id)


@scenario
def subscriber_to_some_components(steps: Steps) -> None:
    client = steps.client()
    steps.do("create component", client.components.create, name="API", status=1)
    steps.do(
        "create(components=[1], verify=True)",
        client.subscribers.create,
        email="b@example.test",
        components=[1],
        verify=True,
    )


@scenario
def subscriber_resource_update_and_delete(steps: Steps) -> None:
    client = steps.client()
    subscriber = steps.do("create", client.subscribers.create, email="c@example.test")
    steps.do("subscriber.update()", subscriber.update)
    steps.do("subscriber.delete()", subscriber.delete)
    steps.do("count", client.subscribers.count)


@scenario
def subscriber_string_id(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.subscribers.create, email="d@example.test")
    steps.do("delete('1')", client.subscribers.delete, "1")
    steps.do("count", client.subscribers.count)
