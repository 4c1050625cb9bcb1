"""Component groups (spec section 7) over HTTP."""

from __future__ import annotations

import pytest

from tests.emulator.api import Api, details_of, errors_of

GET_KEYS = [
    "id", "name", "order", "visible", "collapsed", "created_at", "updated_at",
    "enabled_components", "enabled_components_lowest", "lowest_human_status",
]  # fmt: skip


def test_create_shape_has_no_enabled_components_quirk_1(api: Api) -> None:
    data = api.create("components/groups", name="Foo Group")
    assert list(data) == [
        "order", "collapsed", "visible", "name", "updated_at", "created_at", "id",
        "lowest_human_status",
    ]  # fmt: skip
    assert (data["order"], data["collapsed"], data["visible"]) == (0, 0, 0)
    assert data["lowest_human_status"] is None


def test_create_echoes_values(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    data = api.create("components/groups", name="Foo", order=1, collapsed=1, visible=1)
    assert (data["name"], data["order"], data["collapsed"], data["visible"]) == ("Foo", 1, 1, 1)


def test_new_groups_are_hidden_from_guests_quirk_22(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    api.create("components/groups", name="Hidden")
    api.create("components/groups", name="Public", visible=1)
    guest = [g["name"] for g in api.get("components/groups", token=None).json()["data"]]
    assert guest == ["Public"]
    assert len(api.get("components/groups").json()["data"]) == 2


def test_hidden_group_is_shown_by_id_to_guests_quirk_17(api: Api) -> None:
    group = api.create("components/groups", name="Hidden")
    assert api.get(f"components/groups/{group['id']}", token=None).status_code == 200


def test_get_shape_and_members(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    group = api.create("components/groups", name="G", visible=1)
    api.create("components", name="Website", status=1, order=0, group_id=group["id"])
    api.create("components", name="API", status=3, order=1, group_id=group["id"])
    api.create("components", name="Off", status=4, group_id=group["id"], enabled=False)
    api.create("components", name="Elsewhere", status=4)
    data = api.get(f"components/groups/{group['id']}").json()["data"]
    assert list(data) == GET_KEYS
    assert [c["name"] for c in data["enabled_components"]] == ["Website", "API"]
    assert [c["name"] for c in data["enabled_components_lowest"]] == ["API", "Website"]
    assert data["lowest_human_status"] == "Partial Outage"
    assert data["enabled_components"][0]["status_name"] == "Operational"
    assert "tags" in data["enabled_components"][0]


def test_create_empty_body_is_400(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    assert details_of(api.post("components/groups")) == ["The name field is required."]


def test_create_without_token_is_401(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    assert api.post("components/groups", json={"name": "x"}, token=None).status_code == 401


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "A", "collapsed": 5}, "The collapsed must be between 0 and 4."),
        ({"name": "A", "collapsed": None}, "The collapsed field is required."),
        ({"name": "A", "collapsed": "x"}, "The collapsed must be an integer."),
        ({"name": "A", "visible": 2}, "The visible field must be true or false."),
        ({"name": ["A"]}, "The name must be a string."),
    ],
)
def test_create_rule_messages(api: Api, fields: dict[str, object], message: str) -> None:
    assert details_of(api.post("components/groups", json=fields)) == [message]


def test_visible_true_is_one_and_form_true_string_is_zero(api: Api) -> None:
    assert api.create("components/groups", name="A", visible=True)["visible"] == 1
    response = api.post("components/groups", data={"name": "B", "visible": "true"})
    assert response.json()["data"]["visible"] == 0


def test_update_resets_order_and_visible_quirk_5(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    group = api.create("components/groups", name="A", order=3, visible=1, collapsed=2)
    response = api.put(f"components/groups/{group['id']}", json={"name": "Lorem Ipsum Groupous"})
    data = response.json()["data"]
    assert list(data) == GET_KEYS
    assert data["name"] == "Lorem Ipsum Groupous"
    assert (data["order"], data["visible"], data["collapsed"]) == (0, 0, 2)


def test_update_validates(api: Api) -> None:
    group = api.create("components/groups", name="A")
    response = api.put(f"components/groups/{group['id']}", json={"collapsed": 9})
    assert details_of(response) == ["The collapsed must be between 0 and 4."]


def test_delete_ungroups_members(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    group = api.create("components/groups", name="A")
    member = api.create("components", name="C", status=2, group_id=group["id"])
    response = api.delete(f"components/groups/{group['id']}")
    assert response.status_code == 204
    assert api.get(f"components/groups/{group['id']}").status_code == 404
    data = api.get(f"components/{member['id']}").json()["data"]
    assert (data["group_id"], data["status"], data["enabled"]) == (0, 2, True)


def test_unknown_group_is_404_with_model_detail(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    response = api.get("components/groups/1")
    assert errors_of(response)["detail"].endswith("Models\\ComponentGroup].")


@pytest.mark.parametrize(
    ("order", "expected"),
    [("asc", [1, 2, 3]), ("", [3, 2, 1]), ("DESC", [3, 2, 1]), ("ASC", [1, 2, 3])],
)
def test_group_sort_direction_works(api: Api, order: str, expected: list[int]) -> None:
    for number in (1, 2, 3):
        api.create("components/groups", name=f"G{number}", order=number)
    body = api.get(f"components/groups?sort=order&order={order}").json()
    assert [g["id"] for g in body["data"]] == expected


def test_group_sort_defaults_to_ascending(api: Api) -> None:
    for name in ("b", "c", "a"):
        api.create("components/groups", name=name)
    body = api.get("components/groups?sort=name").json()
    assert [g["name"] for g in body["data"]] == ["a", "b", "c"]


def test_group_filter_and_page_500_quirk_4(api: Api) -> None:
    api.create("components/groups", name="A", collapsed=1)
    api.create("components/groups", name="B")
    assert [g["name"] for g in api.get("components/groups?collapsed=1").json()["data"]] == ["A"]
    assert api.get("components/groups?collapsed=1&page=1").status_code == 500


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": 5}, "The name must be a string."),
        ({"collapsed": "x"}, "The collapsed must be an integer."),
        ({"collapsed": -1}, "The collapsed must be between 0 and 4."),
        ({"visible": 3}, "The visible field must be true or false."),
    ],
)
def test_update_rule_messages(api: Api, fields: dict[str, object], message: str) -> None:
    group = api.create("components/groups", name="A", visible=1)
    assert details_of(api.put(f"components/groups/{group['id']}", json=fields)) == [message]
    assert api.get(f"components/groups/{group['id']}").json()["data"]["visible"] == 1


def test_update_and_delete_need_a_token(api: Api) -> None:
    group = api.create("components/groups", name="A")
    path = f"components/groups/{group['id']}"
    assert api.put(path, json={"name": "B"}, token=None).status_code == 401
    assert api.delete(path, token=None).status_code == 401
    assert api.get(path).json()["data"]["name"] == "A"


def test_deleted_components_are_not_members(api: Api) -> None:
    group = api.create("components/groups", name="G")
    member = api.create("components", name="C", status=4, group_id=group["id"])
    api.delete(f"components/{member['id']}")
    data = api.get(f"components/groups/{group['id']}").json()["data"]
    assert data["enabled_components"] == [] and data["lowest_human_status"] is None


def test_create_shape_lowest_status_counts_existing_members(api: Api) -> None:
    api.create("components", name="Early", status=3, group_id=1)
    data = api.create("components/groups", name="G")
    assert data["lowest_human_status"] == "Partial Outage"


def test_group_dates_follow_the_cachet_timezone(api: Api) -> None:
    group = api.create("components/groups", name="G")
    api.emulator.configure(timezone="Asia/Kolkata")
    shown = api.get(f"components/groups/{group['id']}").json()["data"]
    assert shown["created_at"] != group["created_at"]
    assert shown["created_at"][14:16] == f"{(int(group['created_at'][14:16]) + 30) % 60:02d}"


def test_group_sort_with_array_order_is_500(api: Api) -> None:
    api.create("components/groups", name="A")
    assert api.get("components/groups?sort=name&order[]=asc").status_code == 500
    assert api.get("components/groups?order[]=asc").status_code == 200
