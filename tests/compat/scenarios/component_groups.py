"""Component groups: CRUD, the resource's update/delete, collapsed helpers, components."""

from __future__ import annotations

from tests.compat.observe import Steps
from tests.compat.scenarios import scenario


@scenario
def group_crud_through_the_manager(steps: Steps) -> None:
    client = steps.client()
    group = steps.do(
        "create", client.component_groups.create, name="G", order=2, collapsed=1, visible=True
    )
    steps.do("get", client.component_groups.get, group.id)
    steps.do("list", client.component_groups.list)
    steps.do("count", client.component_groups.count)
    steps.do(
        "update(name=, order=, visible=True)",
        client.component_groups.update,
        group.id,
        name="G2",
        order=5,
        visible=True,
    )
    steps.do("get after update", client.component_groups.get, group.id)
    steps.do("delete", client.component_groups.delete, group.id)
    steps.do("get after delete", client.component_groups.get, group.id)


@scenario
def group_update_of_the_name_only(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.component_groups.create, name="G", order=3, visible=True)
    steps.do("update(name='G2')", client.component_groups.update, 1, name="G2")
    steps.do("get", client.component_groups.get, 1)


@scenario
def group_update_through_the_resource(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.component_groups.create, name="G", visible=True)
    group = steps.do("get", client.component_groups.get, 1)
    group.name = "Renamed"
    group.order = 4
    group.collapsed = 2
    steps.do("group.update()", group.update)
    steps.do("get after update", client.component_groups.get, 1)
    steps.do("group.delete()", group.delete)
    steps.do("count", client.component_groups.count)


@scenario
def group_collapsed_helpers(steps: Steps) -> None:
    client = steps.client()
    for collapsed in (0, 1, 2):
        group = steps.do(
            f"create(collapsed={collapsed})",
            client.component_groups.create,
            name=f"G{collapsed}",
            collapsed=collapsed,
        )
        steps.see(
            "is_collapsed, is_open, is_operational, visible",
            lambda group=group: (
                group.is_collapsed,
                group.is_open,
                group.is_operational,
                group.visible,
            ),
        )


@scenario
def group_components(steps: Steps) -> None:
    client = steps.client()
    steps.do("create group", client.component_groups.create, name="G", visible=True)
    steps.do("create", client.components.create, name="A", status=1, group_id=1)
    steps.do("create disabled", client.components.create, name="B", status=2, group_id=1,
             enabled=False)  # fmt: skip
    group = steps.do("get", client.component_groups.get, 1)
    steps.do("enabled_components", lambda: group.enabled_components)
    steps.see("lowest_human_status", lambda: group.lowest_human_status)
    manager = steps.see("component_groups.components", lambda: client.component_groups.components)
    steps.do("component_groups.components.get(1)", manager.get, 1)


@scenario
def group_string_ids(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.component_groups.create, name="G", visible=True)
    steps.do("get('1')", client.component_groups.get, "1")
    steps.do(
        "update('1', name=, order='3', visible=True)",
        client.component_groups.update,
        "1",
        name="G2",
        order="3",
        visible=True,
    )
    steps.do("delete('1')", client.component_groups.delete, "1")


@scenario
def group_list_pages(steps: Steps) -> None:
    client = steps.client()
    for number in range(3):
        steps.do("create", client.component_groups.create, name=f"G{number}", visible=True)
    steps.see(
        "names, page=2, per_page=1",
        lambda: [g.name for g in client.component_groups.list(page=2, per_page=1)],
    )


@scenario
def group_update_without_a_name(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.component_groups.create, name="G", visible=True)
    steps.do("update(order=3)", client.component_groups.update, 1, order=3)
    steps.do("get", client.component_groups.get, 1)
