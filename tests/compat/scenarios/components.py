"""Components: create/get/list/update/delete through the manager and the resource, and tags."""

from __future__ import annotations

from tests.compat.observe import Steps
from tests.compat.scenarios import scenario


@scenario
def component_crud_through_the_manager(steps: Steps) -> None:
    client = steps.client()
    created = steps.do(
        "create",
        client.components.create,
        name="API",
        status=1,
        description="The API",
        link="https://example.test/api",
        order=2,
        enabled=True,
    )
    steps.do("get", client.components.get, created.id)
    steps.do("list", client.components.list)
    steps.do("count", client.components.count)
    steps.do(
        "update(status=, name=)", client.components.update, created.id, status=3, name="API v2"
    )
    steps.do("get after update", client.components.get, created.id)
    steps.do("delete", client.components.delete, created.id)
    steps.do("count after delete", client.components.count)
    steps.do("get after delete", client.components.get, created.id)


@scenario
def component_update_through_the_resource(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.components.create, name="API", status=1, description="Old")
    component = steps.do("get", client.components.get, 1)
    component.name = "API v2"
    component.description = "New"
    component.status = 2
    component.enabled = False
    steps.do("component.update()", component.update)
    steps.do("get after update", client.components.get, 1)


@scenario
def component_delete_through_the_resource(steps: Steps) -> None:
    client = steps.client()
    component = steps.do("create", client.components.create, name="API", status=1)
    steps.do("component.delete()", component.delete)
    steps.do("count", client.components.count)
    steps.do("component.delete() again", component.delete)


@scenario
def component_update_passing_none(steps: Steps) -> None:
    client = steps.client()
    steps.do(
        "create",
        client.components.create,
        name="API",
        status=1,
        description="Keep me",
        link="https://example.test",
        group_id=None,
    )
    steps.do(
        "update(status=2, description=None, link=None, name=None, enabled=None)",
        client.components.update,
        1,
        status=2,
        description=None,
        link=None,
        name=None,
        enabled=None,
    )
    steps.do("get", client.components.get, 1)


@scenario
def component_string_ids(steps: Steps) -> None:
    client = steps.client()
    steps.do("create", client.components.create, name="API", status=1)
    steps.do("get('1')", client.components.get, "1")
    steps.do("update('1', status='2')", client.components.update, "1", status="2")
    steps.do("get(1)", client.components.get, 1)
    steps.do("delete('1')", client.components.delete, "1")


@scenario
def component_invalid_status(steps: Steps) -> None:
    client = steps.client()
    steps.do("create(status=99)", client.components.create, name="API", status=99)


@scenario
def component_list_pages(steps: Steps) -> None:
    client = steps.client()
    for number in range(5):
        steps.do("create", client.components.create, name=f"C{number}", status=1)
    steps.see("names, per_page=2", lambda: [c.name for c in client.components.list(per_page=2)])
    steps.see(
        "names, page=2, per_page=2",
        lambda: [c.name for c in client.components.list(page=2, per_page=2)],
    )
    steps.see("names, page=9", lambda: [c.name for c in client.components.list(page=9)])


@scenario
def component_list_defaults(steps: Steps) -> None:
    client = steps.client()
    for number in range(3):
        steps.do("create", client.components.create, name=f"C{number}", status=1)
    steps.see("names", lambda: [c.name for c in client.components.list()])


@scenario
def component_tags_created_from_a_list(steps: Steps) -> None:
    client = steps.client()
    steps.do(
        "create(tags=['Test Tag', 'Another'])",
        client.components.create,
        name="API",
        status=1,
        tags=["Test Tag", "Another"],
    )
    component = steps.do("get", client.components.get, 1)
    steps.see("tags", lambda: component.tags)
    steps.see("tag_names", lambda: sorted(component.tag_names))
    steps.see("tag_slugs", lambda: sorted(component.tag_slugs))
    steps.see("has_tag(name='test tag')", lambda: component.has_tag(name="test tag"))
    steps.see("has_tag(slug='another')", lambda: component.has_tag(slug="another"))
    steps.see("has_tag(name='missing')", lambda: component.has_tag(name="missing"))


@scenario
def component_tags_created_from_a_string(steps: Steps) -> None:
    client = steps.client()
    steps.do("create(tags='a, b')", client.components.create, name="API", status=1, tags="a, b")
    steps.see("tags on the server", lambda: client.components.get(1).tags)


@scenario
def component_tags_created_from_a_set(steps: Steps) -> None:
    client = steps.client()
    steps.do("create(tags={'web'})", client.components.create, name="API", status=1, tags={"web"})
    steps.see("tags on the server", lambda: client.components.get(1).tags)


def _tagged_component(steps: Steps, tags: list[str]) -> None:
    """A component with tags, made as both releases can: tags given on update."""
    client = steps.client()
    steps.do("create", client.components.create, name="API", status=1)
    steps.do(f"update(tags={tags})", client.components.update, 1, status=1, tags=tags)


@scenario
def component_tags_updated_through_the_manager(steps: Steps) -> None:
    client = steps.client()
    _tagged_component(steps, ["old"])
    steps.do(
        "update(tags=['New One', 'two'])",
        client.components.update,
        1,
        status=1,
        tags=["New One", "two"],
    )
    steps.see("tags on the server", lambda: client.components.get(1).tags)


@scenario
def component_tags_edited_with_the_helpers(steps: Steps) -> None:
    client = steps.client()
    _tagged_component(steps, ["one", "Two"])
    component = steps.do("get", client.components.get, 1)
    steps.do("add_tag('Three Words')", lambda: component.add_tag("Three Words"))
    steps.do("add_tags(['four'])", lambda: component.add_tags(["four"]))
    steps.do("del_tag(name='two')", lambda: component.del_tag(name="two"))
    steps.do("del_tag(slug='one')", lambda: component.del_tag(slug="one"))
    steps.see("tags before update", lambda: component.tags)
    steps.do("update()", component.update)
    steps.see("tags on the server", lambda: client.components.get(1).tags)
    steps.do("del_tag(name='missing')", lambda: component.del_tag(name="missing"))


@scenario
def component_tags_replaced_with_set_tags(steps: Steps) -> None:
    client = steps.client()
    _tagged_component(steps, ["one"])
    component = steps.do("get", client.components.get, 1)
    steps.do("set_tags(['x', 'Y z'])", lambda: component.set_tags(["x", "Y z"]))
    steps.do("update()", component.update)
    steps.see("tags on the server", lambda: client.components.get(1).tags)


def _assign_tags(steps: Steps, label: str, value: object) -> None:
    client = steps.client()
    _tagged_component(steps, ["old"])
    component = steps.do("get", client.components.get, 1)
    steps.do(label, setattr, component, "tags", value)
    steps.do("update()", component.update)
    steps.see("tags on the server", lambda: client.components.get(1).tags)


@scenario
def component_tags_assigned_a_list(steps: Steps) -> None:
    _assign_tags(steps, "tags = ['web', 'Api Tag']", ["web", "Api Tag"])


@scenario
def component_tags_assigned_a_dict(steps: Steps) -> None:
    _assign_tags(steps, "tags = {'web': 'Web'}", {"web": "Web"})


@scenario
def component_tags_assigned_a_string(steps: Steps) -> None:
    _assign_tags(steps, "tags = 'web, api'", "web, api")


@scenario
def component_in_a_group(steps: Steps) -> None:
    client = steps.client()
    steps.do("create group", client.component_groups.create, name="G", visible=True)
    steps.do("create", client.components.create, name="API", status=1, group_id=1, order=3)
    component = steps.do("get", client.components.get, 1)
    steps.see("group_id", lambda: component.group_id)
    component.group_id = 0
    steps.do("update() out of the group", component.update)
    steps.see("group_id on the server", lambda: client.components.get(1).group_id)


@scenario
def component_tags_cleared_with_set_tags(steps: Steps) -> None:
    client = steps.client()
    _tagged_component(steps, ["one"])
    component = steps.do("get", client.components.get, 1)
    steps.do("set_tags([])", lambda: component.set_tags([]))
    steps.do("update()", component.update)
    steps.see("tags on the server", lambda: client.components.get(1).tags)


@scenario
def component_enabled_given_as_text(steps: Steps) -> None:
    client = steps.client()
    steps.do("create(enabled='false')", client.components.create, name="A", status=1,
             enabled="false")  # fmt: skip
    steps.see("enabled on the server", lambda: client.components.get(1).enabled)


@scenario
def component_create_with_a_text_status(steps: Steps) -> None:
    client = steps.client()
    steps.do("create(status='2')", client.components.create, name="API", status="2")
