"""Component groups over HTTP, including Cachet's reset-on-omit of `order` and `visible`."""

from __future__ import annotations

import datetime as dt

import pytest

from cachetclient.errors import NotFoundError
from cachetclient.v1 import enums
from cachetclient.v1.client import Client
from cachetclient.v1.component_groups import ComponentGroup, ComponentGroupManager
from cachetclient.v1.components import Component


def test_manager_declares_documented_path_and_resource_class() -> None:
    assert ComponentGroupManager.path == "components/groups"
    assert ComponentGroupManager.resource_class is ComponentGroup


def test_create_and_get_with_documented_attributes(client: Client) -> None:
    group = client.component_groups.create(
        name="Global Services",
        order=2,
        collapsed=enums.COMPONENT_GROUP_COLLAPSED_TRUE,
        visible=True,
    )
    fetched = client.component_groups.get(group.id)
    assert fetched.name == "Global Services"
    assert fetched.order == 2
    assert fetched.collapsed == 1
    assert fetched.visible is True
    assert fetched.is_collapsed and not fetched.is_open and fetched.is_operational
    assert isinstance(fetched.created_at, dt.datetime)
    assert isinstance(fetched.updated_at, dt.datetime)
    assert fetched.enabled_components == []
    assert fetched.lowest_human_status is None


def test_collapsed_helpers(client: Client) -> None:
    open_group = client.component_groups.create(name="open", collapsed=0)
    watching = client.component_groups.create(name="watch", collapsed=2)
    assert open_group.is_open and not open_group.is_collapsed
    assert not watching.is_operational and not watching.is_open


def test_new_group_is_operational_as_in_every_release(client: Client) -> None:
    group = client.component_groups.create(name="New")

    assert client.component_groups.get(group.id).is_operational is True


def test_group_manager_builds_components_with_the_component_manager(client: Client) -> None:
    group = client.component_groups.create(name="Services", visible=True)
    client.components.create(name="Web", status=1, group_id=group.id)

    nested = client.component_groups.get(group.id).enabled_components[0]
    nested.status = enums.COMPONENT_STATUS_MAJOR_OUTAGE
    nested.update()

    assert client.component_groups.components is client.components
    assert client.component_groups.components_manager is client.components
    assert client.components.get(nested.id).status == enums.COMPONENT_STATUS_MAJOR_OUTAGE


def test_enabled_components_are_component_resources(client: Client) -> None:
    group = client.component_groups.create(name="Services", visible=True)
    client.components.create(name="Web", status=1, group_id=group.id, order=1)
    client.components.create(name="API", status=3, group_id=group.id, order=0)
    client.components.create(name="Off", status=1, group_id=group.id, enabled=False)
    fetched = client.component_groups.get(group.id)
    assert [c.name for c in fetched.enabled_components] == ["API", "Web"]
    assert all(isinstance(c, Component) for c in fetched.enabled_components)
    assert fetched.lowest_human_status == "Partial Outage"


def test_new_groups_are_hidden_by_default(client: Client, guest: Client) -> None:
    client.component_groups.create(name="hidden")
    client.component_groups.create(name="public", visible=True)
    assert [g.name for g in guest.component_groups.list()] == ["public"]
    assert client.component_groups.count() == 2


def test_manager_update_of_name_keeps_order_and_visibility(client: Client) -> None:
    group = client.component_groups.create(name="Old", order=5, visible=True)
    updated = client.component_groups.update(group.id, name="New")
    assert (updated.name, updated.order, updated.visible) == ("New", 5, True)


def test_resource_update_keeps_order_and_visibility(client: Client) -> None:
    group = client.component_groups.create(name="Old", order=5, visible=True)
    group.collapsed = enums.COMPONENT_GROUP_COLLAPSED_NOT_OPERATIONAL
    group.update()
    fetched = client.component_groups.get(group.id)
    assert (fetched.collapsed, fetched.order, fetched.visible) == (2, 5, True)


def test_update_can_hide_a_group(client: Client) -> None:
    group = client.component_groups.create(name="G", order=1, visible=True)
    group.visible = False
    group.update()
    assert client.component_groups.get(group.id).visible is False


def test_delete_keeps_its_components(client: Client) -> None:
    group = client.component_groups.create(name="G")
    component = client.components.create(name="C", status=1, group_id=group.id)
    group.delete()
    with pytest.raises(NotFoundError):
        client.component_groups.get(group.id)
    assert client.components.get(component.id).group_id == 0


def test_list_filter_and_sort(client: Client) -> None:
    for name, collapsed in [("b", 1), ("a", 0), ("c", 1)]:
        client.component_groups.create(name=name, collapsed=collapsed, visible=True)
    assert [g.name for g in client.component_groups.list(collapsed=1)] == ["b", "c"]
    by_name = client.component_groups.list(per_page=1, sort="name", order="asc")
    assert [g.name for g in by_name] == ["a", "b", "c"]
    by_name_desc = client.component_groups.list(per_page=1, sort="name", order="desc")
    assert [g.name for g in by_name_desc] == ["c", "b", "a"]
    assert client.component_groups.count(collapsed=1) == 2


def test_repr_names_the_group(client: Client) -> None:
    group = client.component_groups.create(name="Global")
    assert repr(group) == f"<ComponentGroup id={group.id} name='Global'>"
