"""Pagination, filters, sorts, includes and sparse fieldsets (spec 4.1-4.6, quirks 1-3, 17)."""

from __future__ import annotations

import pytest

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api, ids


def test_links_keep_only_the_page(api: Api) -> None:
    rows.components(api, 5)
    body = api.guest_get("components?per_page=2&page=2&sort=-id&filter[name]=comp").json()
    base = api.endpoint + "/components"
    assert body["links"] == {
        "first": f"{base}?page=1",
        "prev": f"{base}?page=1",
        "next": f"{base}?page=3",
    }
    assert body["meta"] == {
        "current_page": 2,
        "current_page_url": f"{base}?page=2",
        "from": 3,
        "path": base,
        "per_page": 2,
        "to": 4,
    }
    assert ids_of(body) == [3, 2]


def ids_of(body: dict[str, object]) -> list[int]:
    data = body["data"]
    assert isinstance(data, list)
    return [item["attributes"]["id"] for item in data]


def test_the_last_page_has_no_next_link_and_no_totals(api: Api) -> None:
    rows.components(api, 3)
    body = api.guest_get("components?per_page=3").json()
    assert body["links"] == {"first": api.endpoint + "/components?page=1"}
    assert "total" not in body["meta"] and "last" not in body["links"]


def test_an_empty_page_has_null_from_and_to(api: Api) -> None:
    body = api.guest_get("components?page=4").json()
    assert (body["data"], body["meta"]["from"], body["meta"]["to"]) == ([], None, None)
    assert body["links"]["prev"].endswith("?page=3")


@pytest.mark.parametrize(
    ("per_page", "size"), [("abc", 1), ("0", 1), ("-3", 1), ("500", 100), ("7abc", 7), ("2.9", 2)]
)
def test_per_page_is_read_as_php_reads_an_integer_and_clamped(
    api: Api, per_page: str, size: int
) -> None:
    rows.components(api, 2)
    assert api.guest_get(f"components?per_page={per_page}").json()["meta"]["per_page"] == size


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5"])
def test_an_invalid_page_is_the_first(api: Api, page: str) -> None:
    rows.components(api, 2)
    assert api.guest_get(f"components?page={page}").json()["meta"]["current_page"] == 1


def test_lists_are_json_api_documents(api: Api) -> None:
    rows.component(api)
    response = api.guest_get("components")
    assert response.headers["content-type"] == "application/vnd.api+json"
    assert "jsonapi" not in response.json() and "included" not in response.json()


def test_a_filter_with_commas_is_an_or(api: Api) -> None:
    for name in ("alpha", "beta", "gamma"):
        rows.component(api, name=name)
    assert ids(api.guest_get("components?filter[name]=alp,gam")) == [1, 3]


def test_unknown_filters_and_sorts_are_400_with_the_allowed_names(api: Api) -> None:
    unknown_filter = api.guest_get("incidents?filter[colour]=red")
    assert unknown_filter.status_code == 400
    assert unknown_filter.json()["message"] == (
        "Requested filter(s) `colour` are not allowed. Allowed filter(s) are "
        "`name, status, occurs_after, occurs_before, occurs_on, meta`."
    )
    unknown_sort = api.guest_get("incidents?sort=id desc")
    assert unknown_sort.json()["message"] == (
        "Requested sort(s) `id desc` is not allowed. Allowed sort(s) are "
        "`name, status, id, created_at`."
    )


def test_a_route_without_filters_ignores_them(api: Api) -> None:
    metric = rows.metric(api)
    rows.point(api, metric)
    assert api.guest_get(f"metrics/{metric}/points?filter[x]=1").status_code == 200


def test_include_as_an_array_is_a_400(api: Api) -> None:
    response = api.guest_get("components?include[]=group")
    assert response.status_code == 400
    assert response.json()["message"] == (
        "The include parameter must be a comma seperated list of relationship paths."
    )


def test_sparse_fieldsets_keep_only_the_named_attributes(api: Api) -> None:
    rows.component(api, name="API")
    data = api.guest_get("components?fields[components]=name,status").json()["data"]
    assert data[0]["attributes"] == {"name": "API", "status": {"human": "Operational", "value": 1}}
    assert api.guest_get("components?fields=name").status_code == 400


def test_fields_for_a_requested_relationship_include_is_a_400(api: Api) -> None:
    incident = rows.incident(api)
    response = api.guest_get(f"incidents/{incident}?include=updates&fields[updates]=message")
    assert response.status_code == 400
    assert response.json()["message"].startswith("Requested field(s) `message` are not allowed")


def test_meta_without_keys_is_an_empty_array(api: Api) -> None:
    rows.component(api)
    assert api.guest_get("components/1?include=meta").json()["data"]["attributes"]["meta"] == []


def test_included_resources_are_unique_first_level_first(api: Api) -> None:
    group = rows.group(api)
    first = rows.component(api, component_group_id=group)
    second = rows.component(api, component_group_id=group)
    incident = rows.incident(api)
    for component in (first, second):
        rows.attach(
            api,
            "incident_components",
            incident_id=incident,
            component_id=component,
            component_status=2,
        )
    body = api.guest_get("incidents?include=components.group,updates").json()
    assert [(i["type"], i["id"]) for i in body["included"]] == [
        ("components", "1"),
        ("components", "2"),
        ("componentGroups", "1"),
    ]


def test_count_and_exists_includes_are_allowed(api: Api) -> None:
    rows.component(api)
    response = api.guest_get("components?include=groupCount,groupExists,metaCount")
    assert response.status_code == 200
    assert "relationships" not in response.json()["data"][0]


def test_head_answers_like_get_without_a_body(api: Api) -> None:
    rows.component(api)
    response = api.request("HEAD", "components", token=None)
    assert (response.status_code, response.content) == (200, b"")


def test_options_lists_the_methods_of_a_path(api: Api) -> None:
    response = api.request("OPTIONS", "components/1", token=None)
    assert response.headers["allow"] == "GET,HEAD,PUT,PATCH,DELETE"


def test_timestamps_carry_a_human_form(api: Api) -> None:
    rows.component(api)
    created = api.guest_get("components/1").json()["data"]["attributes"]["created"]
    assert created["string"] == "2020-01-01 00:00:00"
    assert created["human"].endswith("years ago")
