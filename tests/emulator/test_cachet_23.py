"""Cachet 2.3 mode (spec section 17) for routes, framework behaviour, components, groups."""

from __future__ import annotations

import pytest

from tests.emulator.api import Api, details_of, errors_of

GENERIC_404 = "The requested resource could not be found but may be available again in the future."


@pytest.mark.parametrize(
    "path",
    ["incidents/templates", "incidents/templates/1", "incidents/1/updates", "schedules",
     "schedules/1", "incidents/1/updates/1"],
)  # fmt: skip
def test_routes_missing_in_23_are_404(api23: Api, path: str) -> None:
    assert api23.get(path).status_code == 404


def test_unknown_id_404_has_generic_detail(api23: Api) -> None:
    assert errors_of(api23.get("components/1"))["detail"] == GENERIC_404


def test_broken_required_message(api23: Api) -> None:
    assert details_of(api23.post("components")) == ["The name format is invalid."]


def test_broken_string_message(api23: Api) -> None:
    response = api23.post("components", json={"name": 5})
    assert details_of(response) == ["The name must contain :size items."]


def test_no_command_validation(api23: Api) -> None:
    data = api23.create("components", name="A", status=9, description="d")
    assert data["status"] == 9


def test_component_shape_has_no_meta(api23: Api) -> None:
    data = api23.create("components", name="A")
    assert list(data) == [
        "order", "group_id", "description", "link", "enabled", "name", "status",
        "updated_at", "created_at", "id", "status_name", "tags",
    ]  # fmt: skip
    assert data["status_name"] == "cachet.components.status.0"
    shown = api23.get("components/1").json()["data"]
    assert "meta" not in shown and shown["deleted_at"] is None


def test_update_resets_status_and_enabled_bug(api23: Api) -> None:
    created = api23.create("components", name="A", status=3, enabled=False)
    data = api23.put(f"components/{created['id']}", json={"name": "B"}).json()["data"]
    assert (data["name"], data["status"], data["enabled"]) == ("B", 0, True)


def test_tags_keep_empty_pieces(api23: Api) -> None:
    data = api23.create("components", name="A", tags="a,,b")
    assert data["tags"] == {"a": "a", "": "", "b": "b"}


def test_no_tag_filter_in_23(api23: Api) -> None:
    api23.create("components", name="A", tags="x")
    api23.create("components", name="B")
    assert len(api23.get("components?tags=x").json()["data"]) == 2


def test_empty_list_has_zero_pages(api23: Api) -> None:
    assert api23.get("components").json()["meta"]["pagination"]["total_pages"] == 0


def test_links_use_plus_for_spaces(api23: Api) -> None:
    api23.create("components", name="A")
    api23.create("components", name="B")
    links = api23.get("components?per_page=1&x=a b").json()["meta"]["pagination"]["links"]
    assert links["next_page"] == f"{api23.endpoint}/components?per_page=1&x=a+b&page=2"


def test_cors_on_every_route(api23: Api) -> None:
    origin = {"Origin": "http://elsewhere.example"}
    assert api23.get("ping", headers=origin).headers["access-control-allow-origin"] == "*"


def test_status_has_no_special_cache_control_and_23_texts(api23: Api) -> None:
    api23.create("components", name="A", status=3)
    response = api23.get("status")
    assert response.headers["cache-control"] == "no-cache, private"
    assert response.json()["data"] == {
        "status": "info",
        "message": "The system is currently experiencing issues",
    }


def test_status_danger_at_fixed_half(api23: Api) -> None:
    api23.emulator.configure(major_outage_rate=90)
    api23.create("components", name="A", status=4)
    api23.create("components", name="B", status=1)
    assert api23.get("status").json()["data"] == {
        "status": "danger",
        "message": "Some systems are experiencing a major outage",
    }


def test_status_is_info_until_the_newest_incident_is_fixed_in_23(api23: Api) -> None:
    """17.8: any incident with status > 0 counts unless the most recent one is fixed."""
    api23.create("components", name="A", status=1)
    api23.create("incidents", name="Down", status=1, message="m", visible=1)
    assert api23.get("status").json()["data"]["status"] == "info"
    api23.create("incidents", name="Up", status=4, message="m", visible=1)
    assert api23.get("status").json()["data"]["status"] == "success"


def test_group_update_writes_an_omitted_order_as_zero_bug_in_23(api23: Api) -> None:
    """17.4: `order` is (int)-cast on update, so leaving it out writes 0."""
    created = api23.create("components/groups", name="G", order=5, collapsed=2)
    data = api23.put(f"components/groups/{created['id']}", json={"name": "H"}).json()["data"]
    assert (data["name"], data["order"], data["collapsed"]) == ("H", 0, 2)


def test_version_is_2318(api23: Api) -> None:
    assert api23.get("version").json()["data"] == "2.3.18"


def test_groups_have_no_visible_and_guests_see_all(api23: Api) -> None:
    data = api23.create("components/groups", name="G")
    assert list(data) == [
        "order", "collapsed", "name", "updated_at", "created_at", "id", "lowest_human_status",
    ]  # fmt: skip
    listed = api23.get("components/groups", token=None).json()["data"]
    assert [g["name"] for g in listed] == ["G"]
    assert "visible" not in listed[0]


def test_group_sort_is_always_descending_in_23(api23: Api) -> None:
    for number in (1, 2, 3):
        api23.create("components/groups", name=f"G{number}", order=number)
    body = api23.get("components/groups?sort=order&order=asc").json()
    assert [g["id"] for g in body["data"]] == [3, 2, 1]


def test_group_filter_on_visible_is_500_in_23(api23: Api) -> None:
    api23.create("components/groups", name="G")
    assert api23.get("components/groups?name=G&visible=1").status_code == 500


def test_always_authenticate_does_not_exist_in_23(api23: Api) -> None:
    api23.emulator.configure(always_authenticate=True)
    assert api23.get("components", token=None).status_code == 200
