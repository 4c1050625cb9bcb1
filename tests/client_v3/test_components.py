"""Components and component groups through the Cachet 3 client."""

from __future__ import annotations

from datetime import datetime

import pytest

from cachetclient import NotFoundError
from cachetclient.v3 import Client, ComponentStatus, GroupCollapse, Visibility


def test_created_component_reads_back_as_python_values(client: Client) -> None:
    created = client.components.create(name="API", status=ComponentStatus.MAJOR_OUTAGE)

    fetched = client.components.get(created.id)

    assert isinstance(fetched.id, int) and fetched.id == created.id
    assert fetched.status is ComponentStatus.MAJOR_OUTAGE
    assert fetched.latest_status is ComponentStatus.MAJOR_OUTAGE
    assert fetched.enabled is True
    assert isinstance(fetched.created_at, datetime) and fetched.created_at.tzinfo is not None
    assert fetched.raw["data"]["type"] == "components"


def test_component_created_without_status_is_unknown(client: Client) -> None:
    assert client.components.create(name="New").status is ComponentStatus.UNKNOWN


def test_set_status_changes_only_the_given_field(client: Client) -> None:
    created = client.components.create(name="Web", description="front", status=1)

    client.components.update(created.id, status=ComponentStatus.PARTIAL_OUTAGE)

    fetched = client.components.get(created.id)
    assert fetched.status is ComponentStatus.PARTIAL_OUTAGE
    assert fetched.description == "front"


def test_deleted_component_is_gone(client: Client) -> None:
    created = client.components.create(name="Old")

    client.components.delete(created.id)

    with pytest.raises(NotFoundError):
        client.components.get(created.id)


def test_list_walks_every_page_with_the_filter_kept(client: Client) -> None:
    for number in range(7):
        client.components.create(name=f"db-{number}", status=1)
    client.components.create(name="web", status=1)

    names = [c.name for c in client.components.list(name="db", sort="-name", per_page=3)]

    assert names == [f"db-{number}" for number in range(6, -1, -1)]


def test_list_filters_by_several_statuses(client: Client) -> None:
    client.components.create(name="a", status=ComponentStatus.OPERATIONAL)
    client.components.create(name="b", status=ComponentStatus.MAJOR_OUTAGE)
    client.components.create(name="c", status=ComponentStatus.UNDER_MAINTENANCE)

    found = client.components.list(status=[ComponentStatus.MAJOR_OUTAGE, 6], sort="name")

    assert [c.name for c in found] == ["b", "c"]


def test_disabled_components_are_listed_only_when_asked(client: Client) -> None:
    client.components.create(name="on")
    client.components.create(name="off", enabled=False)

    assert [c.name for c in client.components.list()] == ["on"]
    assert [c.name for c in client.components.list(enabled=False)] == ["off"]


def test_group_is_reachable_when_included(client: Client) -> None:
    group = client.component_groups.create(name="Core", visible=True)
    created = client.components.create(name="API", component_group_id=group.id)

    fetched = client.components.get(created.id, include=["group"])

    assert fetched.group is not None and fetched.group.id == group.id
    with pytest.raises(LookupError, match="include"):
        _ = client.components.get(created.id).group


def test_meta_is_filtered_and_returned(client: Client) -> None:
    client.components.create(name="tagged", meta={"team": "ops"})
    client.components.create(name="plain")

    found = list(client.components.list(meta={"team": "ops"}, include=["meta"]))

    assert [c.name for c in found] == ["tagged"]
    assert found[0].meta == {"team": "ops"}


def test_component_group_round_trip(client: Client) -> None:
    group = client.component_groups.create(name="Edge", collapsed=GroupCollapse.EXPANDED)
    member = client.components.create(name="CDN")

    client.component_groups.update(group.id, components=[member.id], visible=True)

    fetched = client.component_groups.get(group.id, include=["components"])
    assert fetched.visible is Visibility.GUEST
    assert fetched.collapsed is GroupCollapse.EXPANDED
    assert [c.id for c in fetched.components] == [member.id]
    assert [g.name for g in client.component_groups.list(sort="name")] == ["Edge"]
    client.component_groups.delete(group.id)
    with pytest.raises(NotFoundError):
        client.component_groups.get(group.id)
