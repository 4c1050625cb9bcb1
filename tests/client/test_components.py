"""Components over HTTP: documented methods and attributes, tags, updates, filters, sorting."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest

from cachetclient import CLEAR
from cachetclient.errors import NotFoundError, ValidationError
from cachetclient.v1 import enums
from cachetclient.v1.client import Client
from cachetclient.v1.components import Component, ComponentManager


def test_manager_declares_documented_path_and_resource_class(client: Client) -> None:
    assert ComponentManager.path == "components"
    assert ComponentManager.resource_class is Component
    assert isinstance(client.components, ComponentManager)


def test_create_returns_component_with_documented_attributes(client: Client) -> None:
    component = client.components.create(
        name="API",
        status=enums.COMPONENT_STATUS_OPERATIONAL,
        description="Public API",
        link="https://api.example.com",
        order=3,
        group_id=0,
        enabled=True,
        tags=["Web", "Public API"],
    )
    fetched = client.components.get(component.id)
    assert fetched.name == "API"
    assert fetched.description == "Public API"
    assert fetched.link == "https://api.example.com"
    assert fetched.status == enums.COMPONENT_STATUS_OPERATIONAL
    assert fetched.status_name == "Operational"
    assert fetched.order == 3
    assert fetched.group_id == 0
    assert fetched.enabled is True
    assert fetched.tags == {"web": "Web", "public-api": "Public API"}
    assert sorted(fetched.tag_names) == ["Public API", "Web"]
    assert sorted(fetched.tag_slugs) == ["public-api", "web"]
    assert isinstance(fetched.created_at, dt.datetime)
    assert isinstance(fetched.updated_at, dt.datetime)
    assert fetched.attrs["name"] == "API"
    assert fetched.get("name") == "API"
    assert fetched.get("no-such-key") is None


def test_create_accepts_tags_as_comma_separated_string(client: Client) -> None:
    component = client.components.create(
        name="Public webside", status=1, tags="test, web, something"
    )
    assert client.components.get(component.id).tags == {
        "test": "test",
        "web": "web",
        "something": "something",
    }


def test_component_without_tags_reads_empty_tags(client: Client) -> None:
    component = client.components.create(name="Bare", status=1)
    fetched = client.components.get(component.id)
    assert fetched.attrs["tags"] == []
    assert fetched.tags == {}
    assert fetched.tag_names == []
    assert fetched.has_tag(name="anything") is False


def test_tag_helpers_work_on_component_whose_tags_were_empty_list(client: Client) -> None:
    component = client.components.get(client.components.create(name="Bare", status=1).id)
    component.add_tag("Web Site")
    component.add_tags(["API", "Backend"])
    assert component.has_tag(name="web site")
    component.del_tag(slug="backend")
    component.update()
    assert sorted(client.components.get(component.id).tag_names) == ["API", "Web Site"]
    assert component.has_tag(slug="WEB-SITE")


def test_added_tags_are_keyed_by_name_until_cachet_gives_them_slugs(client: Client) -> None:
    component = client.components.create(name="API", status=1, tags=["Web"])

    component.add_tag("Three Words")
    component.add_tags(["web", "Four"])  # a name it has already is not added twice

    assert component.tags == {"web": "Web", "Three Words": "Three Words", "Four": "Four"}
    assert not component.has_tag(slug="three-words")
    component.update()
    expected = {"web": "Web", "three-words": "Three Words", "four": "Four"}
    assert component.tags == expected
    assert client.components.get(component.id).tags == expected


def test_set_tags_keys_the_new_tags_by_name(client: Client) -> None:
    component = client.components.create(name="API", status=1, tags=["Old"])

    component.set_tags(["Test Tag", "x"])

    assert component.tags == {"Test Tag": "Test Tag", "x": "x"}
    component.update()
    assert client.components.get(component.id).tags == {"test-tag": "Test Tag", "x": "x"}


def test_set_tags_replaces_tags_on_server(client: Client) -> None:
    component = client.components.create(name="API", status=1, tags=["Old"])
    component.set_tags(["New", "Newer"])
    component.update()
    assert client.components.get(component.id).tags == {"new": "New", "newer": "Newer"}


def test_del_tag_of_missing_tag_raises_key_error(client: Client) -> None:
    component = client.components.create(name="API", status=1, tags=["Web"])
    with pytest.raises(KeyError):
        component.del_tag(name="nope")
    assert component.tags == {"web": "Web"}


def test_setting_attributes_and_update_saves_them(client: Client) -> None:
    component = client.components.create(name="API", status=1, description="old")
    component.name = "Public API"
    component.status = enums.COMPONENT_STATUS_PARTIAL_OUTAGE
    updated = component.update()
    assert isinstance(updated, Component)
    fetched = client.components.get(component.id)
    assert (fetched.name, fetched.status, fetched.description) == ("Public API", 3, "old")
    assert component.status_name == "Partial Outage"


def test_read_only_attribute_cannot_be_set(client: Client) -> None:
    component = client.components.create(name="API", status=1)
    with pytest.raises(AttributeError):
        component.status_name = "Broken"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        component.created_at = dt.datetime(2020, 1, 1)  # type: ignore[misc]


def test_manager_update_leaves_unmentioned_fields_alone(client: Client) -> None:
    component = client.components.create(
        name="API", status=1, description="kept", link="https://x.example", enabled=False
    )
    updated = client.components.update(component.id, status=2, name="Renamed")
    assert (updated.name, updated.status) == ("Renamed", 2)
    assert updated.description == "kept"
    assert updated.link == "https://x.example"
    assert updated.enabled is False


def test_none_leaves_fields_unchanged_as_in_every_release(client: Client) -> None:
    component = client.components.create(
        name="API", status=1, description="kept", link="https://x.example", meta={"a": 1}
    )
    group = client.component_groups.create(name="Services")
    client.components.update(component.id, status=1, group_id=group.id)

    updated = client.components.update(
        component.id, status=2, name=None, description=None, link=None, group_id=None, meta=None
    )

    assert (updated.name, updated.description, updated.link) == ("API", "kept", "https://x.example")
    assert (updated.group_id, updated.meta) == (group.id, {"a": 1})


def test_clear_empties_description_and_link(client: Client) -> None:
    component = client.components.create(
        name="API", status=1, description="gone soon", link="https://x.example"
    )
    updated = client.components.update(component.id, status=1, description=CLEAR, link=CLEAR)
    assert updated.description == ""
    assert updated.link == ""
    assert client.components.get(component.id).description == ""


def test_clear_takes_a_component_out_of_its_group(client: Client) -> None:
    group = client.component_groups.create(name="Services")
    component = client.components.create(name="API", status=1, group_id=group.id)

    client.components.update(component.id, status=1, group_id=CLEAR)

    assert client.components.get(component.id).group_id == 0


def test_clear_of_a_field_cachet_cannot_empty_is_refused(client: Client) -> None:
    component = client.components.create(name="API", status=1)

    can_empty = r"Component\.name; the fields it can empty: description, link, meta, group_id"
    with pytest.raises(ValueError, match=can_empty):
        client.components.update(component.id, status=1, name=CLEAR)  # type: ignore[arg-type]

    assert client.components.get(component.id).name == "API"


@pytest.mark.parametrize("no_tags", [[], "", " , "], ids=["empty list", "empty", "commas"])
def test_update_with_no_tags_at_all_keeps_them_and_saves_the_rest(
    client: Client, cachet_emulator: Any, no_tags: Any
) -> None:
    component = client.components.create(name="API", status=1, tags=["Web"])
    cachet_emulator.request_log.clear()

    updated = client.components.update(component.id, status=2, tags=no_tags)

    # Cachet cannot remove every tag: the client leaves `tags` out and the other changes land.
    assert "tags" not in cachet_emulator.request_log.entries()[-1]["body"]
    assert (updated.status, updated.tags) == (2, {"web": "Web"})
    fetched = client.components.get(component.id)
    assert (fetched.status, fetched.tags) == (2, {"web": "Web"})


def test_meta_round_trips_and_can_be_replaced(client: Client) -> None:
    component = client.components.create(name="API", status=1, meta={"uuid": "abc"})
    assert client.components.get(component.id).meta == {"uuid": "abc"}
    updated = client.components.update(component.id, status=1, meta={"uuid": "def", "x": 1})
    assert updated.meta == {"uuid": "def", "x": 1}


def test_delete_via_resource_and_manager(client: Client) -> None:
    first = client.components.create(name="One", status=1)
    second = client.components.create(name="Two", status=1)
    first.delete()
    client.components.delete(second.id)
    assert client.components.count() == 0
    with pytest.raises(NotFoundError):
        client.components.get(first.id)


def test_get_of_missing_component_raises_not_found_http_error(client: Client) -> None:
    import requests

    with pytest.raises(requests.exceptions.HTTPError) as caught:
        client.components.get(999)
    assert isinstance(caught.value, NotFoundError)
    assert caught.value.status_code == 404


def test_create_without_name_is_a_validation_error(client: Client) -> None:
    with pytest.raises(ValidationError) as caught:
        client.components.create(name="", status=1)
    assert "The name field is required." in caught.value.messages
    assert client.components.count() == 0


def test_list_walks_several_pages_and_count_matches(client: Client) -> None:
    names = [f"component {index:02d}" for index in range(23)]
    for name in names:
        client.components.create(name=name, status=1)
    listed = [component.name for component in client.components.list(per_page=5)]
    assert listed == names
    assert client.components.count() == 23


def test_list_page_starts_at_that_page(client: Client) -> None:
    for index in range(7):
        client.components.create(name=f"c{index}", status=1)
    listed = [component.name for component in client.components.list(page=2, per_page=3)]
    assert listed == ["c3", "c4", "c5", "c6"]


def test_list_is_lazy(client: Client) -> None:
    client.components.create(name="first", status=1)
    listing = client.components.list()
    client.components.create(name="second", status=1)
    assert [component.name for component in listing] == ["first", "second"]


def test_filter_by_status_across_more_than_one_page(client: Client) -> None:
    for index in range(12):
        client.components.create(name=f"c{index:02d}", status=4 if index % 2 else 1)
    broken = [c.name for c in client.components.list(per_page=2, status=4)]
    assert broken == [f"c{index:02d}" for index in range(12) if index % 2]
    assert client.components.count(status=4) == 6


def test_filter_by_enabled_false_matches_only_disabled(client: Client) -> None:
    client.components.create(name="on", status=1)
    client.components.create(name="off", status=1, enabled=False)
    assert [c.name for c in client.components.list(enabled=False)] == ["off"]
    assert [c.name for c in client.components.list(enabled=True)] == ["on"]


def test_filter_by_name_is_case_insensitive_like_cachet(client: Client) -> None:
    client.components.create(name="API", status=1)
    client.components.create(name="Web", status=1)
    assert [c.name for c in client.components.list(name="api")] == ["API"]


def test_filter_by_tags_matches_any_tag_by_name_or_slug(client: Client) -> None:
    client.components.create(name="a", status=1, tags=["Foo", "Bar"])
    client.components.create(name="b", status=1, tags=["Hello World"])
    client.components.create(name="c", status=1)
    assert [c.name for c in client.components.list(tags=["foo"])] == ["a"]
    assert [c.name for c in client.components.list(tags=["Hello World", "Bar"])] == ["a", "b"]
    assert client.components.count(tags="hello-world") == 1


def test_filter_by_tags_combined_with_status(client: Client) -> None:
    client.components.create(name="a", status=1, tags=["Foo"])
    client.components.create(name="b", status=4, tags=["Foo"])
    client.components.create(name="c", status=4, tags=["Bar"])
    assert [c.name for c in client.components.list(tags="Foo", status=4)] == ["b"]
    assert client.components.count(tags="Foo", status=4) == 1


def test_sort_descending_and_ascending_across_pages(client: Client) -> None:
    for name in ["delta", "alpha", "echo", "charlie", "bravo"]:
        client.components.create(name=name, status=1)
    ascending = [c.name for c in client.components.list(per_page=2, sort="name", order="asc")]
    descending = [c.name for c in client.components.list(per_page=2, sort="name", order="desc")]
    assert ascending == ["alpha", "bravo", "charlie", "delta", "echo"]
    assert descending == ascending[::-1]


def test_sort_defaults_to_ascending(client: Client) -> None:
    for status in [3, 1, 4, 2]:
        client.components.create(name=f"s{status}", status=status)
    assert [c.status for c in client.components.list(sort="status")] == [1, 2, 3, 4]


def test_sort_with_filter(client: Client) -> None:
    for index, name in enumerate(["b", "a", "d", "c"]):
        client.components.create(name=name, status=1, group_id=index % 2)
    listed = [c.name for c in client.components.list(group_id=0, sort="name", order="asc")]
    assert listed == ["b", "d"]


def test_unknown_sort_column_is_refused(client: Client) -> None:
    with pytest.raises(ValueError, match="cannot sort"):
        list(client.components.list(sort="description"))
    with pytest.raises(ValueError, match="order"):
        list(client.components.list(sort="name", order="up"))


def test_guest_sees_only_enabled_components(client: Client, guest: Client) -> None:
    client.components.create(name="on", status=1)
    hidden = client.components.create(name="off", status=1, enabled=False)
    assert [c.name for c in guest.components.list()] == ["on"]
    assert guest.components.count() == 1
    assert guest.components.get(hidden.id).name == "off"


def test_resources_compare_by_identity_as_in_the_releases_with_a_readable_repr(
    client: Client,
) -> None:
    component = client.components.create(name="API", status=1)
    again = client.components.get(component.id)
    # Every release compared resources by identity; code that keeps them in sets relies on it.
    assert component != again
    assert component == component
    assert len({component, again}) == 2
    assert component.id == again.id
    assert repr(again) == f"<Component id={component.id} name='API'>"


def test_instances_from_json_and_dict(client: Client) -> None:
    import json

    component = client.components.get(client.components.create(name="API", status=1).id)
    from_json = client.components.instance_from_json(json.dumps(component.attrs))
    from_dict = client.components.instance_from_dict(dict(component.attrs))
    listed = client.components.instance_list_from_json(json.dumps([component.attrs]))
    assert from_json.name == from_dict.name == listed[0].name == "API"
    assert (from_json.id, from_json.attrs) == (component.id, component.attrs)
    with pytest.raises(ValueError):
        client.components.instance_list_from_json(json.dumps(component.attrs))


@pytest.mark.parametrize(
    "clear_tags",
    [lambda c: c.set_tags([]), lambda c: setattr(c, "tags", []), lambda c: setattr(c, "tags", {})],
    ids=["set_tags([])", "tags = []", "tags = {}"],
)
def test_resource_update_without_any_tag_keeps_them_and_saves_the_rest(
    client: Client, clear_tags: Any
) -> None:
    component = client.components.create(name="API", status=1, tags=["Web"])

    clear_tags(component)
    component.name = "Renamed"
    assert component.tags == {}
    component.update()

    # The component shows again the tags Cachet kept.
    assert (component.name, component.tags) == ("Renamed", {"web": "Web"})
    fetched = client.components.get(component.id)
    assert (fetched.name, fetched.tags) == ("Renamed", {"web": "Web"})


def _requests_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "cachetclient"]


def test_list_stops_on_last_page(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    for index in range(10):
        client.components.create(name=f"c{index}", status=1)
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="cachetclient"):
        assert len(list(client.components.list(per_page=5))) == 10
    assert len(_requests_logged(caplog)) == 2


def test_count_costs_one_small_request(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    for index in range(3):
        client.components.create(name=f"c{index}", status=1)
    with caplog.at_level(logging.DEBUG, logger="cachetclient"):
        assert client.components.count() == 3
        assert client.components.count(status=1) == 3
    logged = _requests_logged(caplog)
    assert len(logged) == 2
    assert all("per_page=1" in message for message in logged)


def test_update_sends_only_changed_fields(client: Client) -> None:
    created = client.components.create(name="API", status=1, description="first")
    stale = client.components.get(created.id)
    client.components.update(created.id, status=1, description="edited elsewhere")
    stale.name = "Renamed"
    stale.update()
    fetched = client.components.get(created.id)
    assert (fetched.name, fetched.description) == ("Renamed", "edited elsewhere")
    assert stale.description == "edited elsewhere"


def test_clear_empties_meta(client: Client) -> None:
    component = client.components.create(name="API", status=1, meta={"uuid": "abc"})
    assert client.components.update(component.id, status=1, meta=CLEAR).meta == {}
    assert client.components.get(component.id).meta == {}


def test_attributes_set_to_none_are_not_sent_and_clear_empties_them(client: Client) -> None:
    component = client.components.create(
        name="API", status=1, description="kept", link="https://x.example"
    )
    component.description = None
    component.link = CLEAR
    component.update()

    fetched = client.components.get(component.id)
    assert (fetched.description, fetched.link) == ("kept", "")
    assert (component.description, component.link) == ("kept", "")


def test_wrong_types_are_refused_before_anything_is_sent(client: Client) -> None:
    with pytest.raises(TypeError, match="integer"):
        client.components.create(name="API", status=1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="string"):
        client.components.create(name=42, status=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="filter"):
        list(client.components.list(name=["API"]))  # type: ignore[arg-type]
    assert client.components.count() == 0


@pytest.mark.parametrize("per_page", [0, -1, True])
def test_bad_page_sizes_are_refused(client: Client, per_page: int) -> None:
    with pytest.raises(ValueError, match="per_page"):
        list(client.components.list(per_page=per_page))


@pytest.mark.parametrize(
    "assigned",
    [
        {"web": "Web", "public-api": "Public API"},
        ["Web", "Public API"],
        ("Web", "Public API"),
        "Web, Public API",
    ],
    ids=["dict", "list", "tuple", "comma-separated"],
)
def test_assigned_tags_are_sent_by_update(client: Client, assigned: Any) -> None:
    component = client.components.create(name="API", status=1, tags=["Old"])

    component.tags = assigned
    component.update()

    expected = {"web": "Web", "public-api": "Public API"}
    assert component.tags == expected
    assert client.components.get(component.id).tags == expected


def test_assigned_dict_is_kept_as_given_until_update(client: Client) -> None:
    component = client.components.create(name="API", status=1, tags=["Old"])

    component.tags = {"web": "Web", "public-api": " Public API "}

    assert component.tags == {"web": "Web", "public-api": "Public API"}
    with pytest.raises(ValueError, match="comma"):
        component.tags = {"a": "a,b"}


@pytest.mark.parametrize("status", [99, 5, -1, "9"])
def test_create_with_a_status_outside_the_enums_is_refused_before_sending(
    client: Client, cachet_emulator: Any, status: Any
) -> None:
    cachet_emulator.request_log.clear()

    with pytest.raises(ValueError, match="component status") as caught:
        client.components.create(name="API", status=status)

    assert not isinstance(caught.value, ValidationError)
    assert cachet_emulator.request_log.entries() == []


def test_create_with_status_unknown_is_cachets_default(client: Client) -> None:
    component = client.components.create(name="API", status=enums.COMPONENT_STATUS_UNKNOWN)
    assert client.components.get(component.id).status == enums.COMPONENT_STATUS_UNKNOWN


def test_update_with_a_status_outside_the_enums_is_cachets_to_refuse(client: Client) -> None:
    component = client.components.create(name="API", status=1)

    with pytest.raises(ValidationError):
        client.components.update(component.id, status=99)

    assert client.components.get(component.id).status == 1


def test_str_is_the_data_as_every_release_printed_it(client: Client) -> None:
    component = client.components.get(client.components.create(name="API", status=1).id)

    printed = str(component)

    assert printed == str(component.attrs)
    assert "'name': 'API'" in printed
    assert f"{component}" == printed
