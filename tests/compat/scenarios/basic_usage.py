"""The Basic Usage examples of the documentation, as written there."""

from __future__ import annotations

import json

from tests.compat.observe import Steps
from tests.compat.scenarios import scenario


@scenario
def basic_usage_create_client(steps: Steps) -> None:
    import cachetclient

    client = steps.do(
        "Client(endpoint, api_token)",
        cachetclient.Client,
        endpoint=steps.endpoint,
        api_token=steps.token,
    )
    steps.see("type", lambda: type(client).__name__)
    steps.do("ping()", client.ping)


@scenario
def basic_usage_subscriber_without_verification(steps: Steps) -> None:
    client = steps.client()
    sub = steps.do(
        "subscribers.create(verify=False)",
        client.subscribers.create,
        email="user@example.test",
        verify=False,
    )
    steps.see("sub.email", lambda: sub.email)


@scenario
def basic_usage_list_subscribers_paginated(steps: Steps) -> None:
    client = steps.client()
    for number in range(3):
        steps.do("create", client.subscribers.create, email=f"user{number}@example.test")
    printed = steps.see(
        "for sub in subscribers.list(page=1, per_page=100)",
        lambda: [(sub.id, sub.email, type(sub.verify_code).__name__)
                 for sub in client.subscribers.list(page=1, per_page=100)],
    )  # fmt: skip
    steps.see("count", lambda: len(printed))


@scenario
def basic_usage_component_issue(steps: Steps) -> None:
    from cachetclient.v1 import enums

    client = steps.client()
    steps.do("create component 1", client.components.create, name="API", status=1)
    steps.do(
        "incidents.create(component_id=1, component_status=MAJOR_OUTAGE)",
        client.incidents.create,
        name="Something blew up!",
        message="We are looking into it",
        status=enums.INCIDENT_INVESTIGATING,
        component_id=1,
        component_status=enums.COMPONENT_STATUS_MAJOR_OUTAGE,
    )
    steps.see("component status", lambda: client.components.get(1).status)


@scenario
def basic_usage_group_with_components(steps: Steps) -> None:
    from cachetclient.v1 import enums

    client = steps.client()
    group = steps.do(
        "component_groups.create", client.component_groups.create, name="Global Services"
    )
    steps.do(
        "components.create(tags='test, web, something', group_id=group.id)",
        client.components.create,
        name="Public webside",
        status=enums.COMPONENT_STATUS_OPERATIONAL,
        description="This is a test",
        tags="test, web, something",
        group_id=group.id,
    )
    steps.see("component tags on the server", lambda: client.components.get(1).tags)


@scenario
def basic_usage_instances_from_json_and_dict(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.subscribers.create, email="user@example.test")
    stored = steps.see("attrs of the listed", lambda: [s.attrs for s in client.subscribers.list()])
    steps.do("instance_from_json", client.subscribers.instance_from_json, json.dumps(stored[0]))
    steps.do("instance_from_dict", client.subscribers.instance_from_dict, stored[0])
    steps.do(
        "instance_list_from_json", client.subscribers.instance_list_from_json, json.dumps(stored)
    )
    steps.do("instance_list_from_json(object)", client.subscribers.instance_list_from_json, "{}")
