"""Every example of the documentation's Basic Usage, run as written against a server."""

from __future__ import annotations

import json
from typing import Any

import cachetclient
from cachetclient.v1 import enums


def test_basic_usage_examples(cachet_emulator: Any) -> None:
    client = cachetclient.Client(
        endpoint=cachet_emulator.endpoint,
        api_token=cachet_emulator.token,
    )

    sub = client.subscribers.create(email="user@example.test", verify=False)
    assert sub.email == "user@example.test"

    seen = []
    for sub in client.subscribers.list(page=1, per_page=100):
        seen.append((sub.id, sub.email, sub.verify_code))
    assert [email for _, email, _ in seen] == ["user@example.test"]

    component_for_issue = client.components.create(name="Backend", status=1)
    client.incidents.create(
        name="Something blew up!",
        message="We are looking into it",
        status=enums.INCIDENT_INVESTIGATING,
        component_id=component_for_issue.id,
        component_status=enums.COMPONENT_STATUS_MAJOR_OUTAGE,
    )
    assert client.components.get(component_for_issue.id).status == 4

    group = client.component_groups.create(name="Global Services")
    component = client.components.create(
        name="Public webside",
        status=enums.COMPONENT_STATUS_OPERATIONAL,
        description="This is a test",
        tags="test, web, something",
        group_id=group.id,
    )
    assert component.group_id == group.id
    assert sorted(component.tag_names) == ["something", "test", "web"]

    json_str = json.dumps(sub.attrs)
    data_dict = dict(sub.attrs)
    subscriber = client.subscribers.instance_from_json(json_str)
    assert subscriber.email == "user@example.test"
    subscriber = client.subscribers.instance_from_dict(data_dict)
    assert subscriber.id == sub.id


def test_reference_examples(client: Any) -> None:
    assert client.ping() is True
    assert client.ping.get() is True
    assert client.version().value == client.version.get().value
    status = enums.COMPONENT_STATUS_OPERATIONAL
    assert status in enums.COMPONENT_STATUS_LIST
    assert enums.incident_status_human(enums.INCIDENT_FIXED) == "Fixed"


def test_enum_values_are_the_documented_ones() -> None:
    assert [
        enums.COMPONENT_STATUS_OPERATIONAL,
        enums.COMPONENT_STATUS_PERFORMANCE_ISSUES,
        enums.COMPONENT_STATUS_PARTIAL_OUTAGE,
        enums.COMPONENT_STATUS_MAJOR_OUTAGE,
    ] == [1, 2, 3, 4]
    assert [
        enums.COMPONENT_GROUP_COLLAPSED_FALSE,
        enums.COMPONENT_GROUP_COLLAPSED_TRUE,
        enums.COMPONENT_GROUP_COLLAPSED_NOT_OPERATIONAL,
    ] == [0, 1, 2]
    assert [
        enums.INCIDENT_SCHEDULED,
        enums.INCIDENT_INVESTIGATING,
        enums.INCIDENT_IDENTIFIED,
        enums.INCIDENT_WATCHING,
        enums.INCIDENT_FIXED,
    ] == [0, 1, 2, 3, 4]
    assert [
        enums.SCHEDULE_STATUS_UPCOMING,
        enums.SCHEDULE_STATUS_IN_PROGRESS,
        enums.SCHEDULE_STATUS_COMPLETE,
    ] == [0, 1, 2]
    assert [enums.incident_status_human(s) for s in enums.INCIDENT_STATUS_LIST] == [
        "Scheduled",
        "Investigating",
        "Identified",
        "Watching",
        "Fixed",
    ]
