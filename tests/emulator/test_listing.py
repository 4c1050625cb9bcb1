"""Pagination (2.10), sorting (2.11) and filtering (2.12), exercised on components."""

from __future__ import annotations

import pytest

from tests.emulator.api import Api


def _make(api: Api, count: int) -> None:
    for number in range(1, count + 1):
        api.create("components", name=f"C{number}", status=(number % 4) + 1, order=number)


def _ids(response_json: dict[str, object]) -> list[int]:
    return [row["id"] for row in response_json["data"]]  # type: ignore[attr-defined, index]


def test_default_page_has_20_items(api: Api) -> None:
    _make(api, 22)
    body = api.get("components").json()
    pagination = body["meta"]["pagination"]
    assert list(body) == ["meta", "data"]
    assert (pagination["total"], pagination["count"], pagination["per_page"]) == (22, 20, 20)
    assert pagination["total_pages"] == 2
    assert pagination["links"]["next_page"] == f"{api.endpoint}/components?page=2"
    assert pagination["links"]["previous_page"] is None


def test_empty_list_reports_one_page(api: Api) -> None:
    pagination = api.get("components").json()["meta"]["pagination"]
    assert pagination == {
        "total": 0,
        "count": 0,
        "per_page": 20,
        "current_page": 1,
        "total_pages": 1,
        "links": {"next_page": None, "previous_page": None},
    }


def test_links_keep_query_order_and_put_page_last(api: Api) -> None:
    _make(api, 3)
    body = api.get("components?page=2&per_page=1").json()
    links = body["meta"]["pagination"]["links"]
    assert links["next_page"] == f"{api.endpoint}/components?per_page=1&page=3"
    assert links["previous_page"] == f"{api.endpoint}/components?per_page=1&page=1"
    assert _ids(body) == [2]


def test_links_encode_like_rfc3986(api: Api) -> None:
    _make(api, 2)
    body = api.get("components?per_page=1&x=a b~&y[]=1").json()
    assert body["meta"]["pagination"]["links"]["next_page"] == (
        f"{api.endpoint}/components?per_page=1&x=a%20b~&y%5B0%5D=1&page=2"
    )


def test_page_beyond_end_is_empty_with_previous_link(api: Api) -> None:
    _make(api, 3)
    pagination = api.get("components?page=5").json()["meta"]["pagination"]
    assert pagination["current_page"] == 5 and pagination["count"] == 0
    assert pagination["links"]["next_page"] is None
    assert pagination["links"]["previous_page"].endswith("components?page=4")


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", ""])
def test_invalid_page_means_page_one(api: Api, page: str) -> None:
    _make(api, 2)
    assert (
        api.get(f"components?per_page=1&page={page}").json()["meta"]["pagination"]["current_page"]
        == 1
    )


def test_per_page_zero_uses_15_quirk_25(api: Api) -> None:
    _make(api, 16)
    pagination = api.get("components?per_page=0").json()["meta"]["pagination"]
    assert (pagination["per_page"], pagination["count"]) == (15, 15)


def test_negative_per_page_returns_everything_quirk_25(api: Api) -> None:
    _make(api, 4)
    pagination = api.get("components?per_page=-2&page=3").json()["meta"]["pagination"]
    assert pagination["count"] == 4
    assert (pagination["per_page"], pagination["total_pages"]) == (-2, 1)


@pytest.mark.parametrize("per_page", ["abc", "5abc", "0.0"])
def test_non_numeric_per_page_is_500_quirk_25(api: Api, per_page: str) -> None:
    assert api.get(f"components?per_page={per_page}").status_code == 500


def test_non_numeric_per_page_is_500_even_when_empty(api: Api) -> None:
    assert api.get("components?per_page=abc").status_code == 500


def test_decimal_per_page_limits_to_integer_part(api: Api) -> None:
    _make(api, 5)
    pagination = api.get("components?per_page=2.5").json()["meta"]["pagination"]
    assert (pagination["per_page"], pagination["count"], pagination["total_pages"]) == (2, 2, 2)


@pytest.mark.parametrize("per_page", ["1e-320", "1e400"])
def test_per_page_with_an_infinite_page_count_serves_one_empty_page(
    api: Api, per_page: str
) -> None:
    """PHP casts the INF page count and the INF limit to 0: LIMIT 0, one page, per_page 0."""
    _make(api, 2)
    response = api.get(f"components?per_page={per_page}")
    pagination = response.json()["meta"]["pagination"]
    assert (pagination["count"], pagination["per_page"], pagination["total_pages"]) == (0, 0, 1)
    assert response.json()["data"] == []


def test_negative_infinite_per_page_returns_everything(api: Api) -> None:
    _make(api, 2)
    pagination = api.get("components?per_page=-1e400").json()["meta"]["pagination"]
    assert (pagination["count"], pagination["per_page"], pagination["total_pages"]) == (2, 0, 1)


def test_huge_per_page_returns_everything(api: Api) -> None:
    _make(api, 3)
    pagination = api.get("components?per_page=99999999999").json()["meta"]["pagination"]
    assert pagination["count"] == 3 and pagination["total_pages"] == 1


def test_unordered_lists_are_by_id(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    _make(api, 3)
    assert _ids(api.get("components").json()) == [1, 2, 3]


@pytest.mark.parametrize("order", ["asc", "desc", ""])
def test_sort_is_always_descending_quirk_2(api: Api, order: str) -> None:
    _make(api, 3)
    assert _ids(api.get(f"components?sort=order&order={order}").json()) == [3, 2, 1]


def test_sort_ties_break_by_id_ascending(api: Api) -> None:
    for name in ("b", "a", "b"):
        api.create("components", name=name)
    assert _ids(api.get("components?sort=name").json()) == [1, 3, 2]


def test_unknown_sort_column_is_ignored(api: Api) -> None:
    _make(api, 3)
    assert _ids(api.get("components?sort=description").json()) == [1, 2, 3]


def test_filter_by_status(api: Api) -> None:
    _make(api, 8)
    body = api.get("components?status=2").json()
    assert [row["status"] for row in body["data"]] == [2, 2]


def test_filter_with_page_is_500_quirk_4(api: Api) -> None:
    _make(api, 2)
    assert api.get("components?status=1&page=2").status_code == 500


def test_page_alone_is_no_filter(api: Api) -> None:
    _make(api, 2)
    assert api.get("components?page=1").status_code == 200


def test_filter_strings_compare_like_mysql(api: Api) -> None:
    api.create("components", name="Web Site")
    assert len(api.get("components?name=web%20site%20%20").json()["data"]) == 1
    assert len(api.get("components?name=WEB SITE").json()["data"]) == 1


def test_filter_numeric_prefix_quirk_4(api: Api) -> None:
    api.create("components", name="A", status=1)
    assert len(api.get("components?status=1abc").json()["data"]) == 1


def test_enabled_true_matches_disabled_components_quirk_4(api: Api) -> None:
    api.create("components", name="On")
    api.create("components", name="Off", enabled=False)
    names = [row["name"] for row in api.get("components?enabled=true").json()["data"]]
    assert names == ["Off"]


def test_non_searchable_column_joins_the_filter(api: Api) -> None:
    api.create("components", name="A", description="x")
    api.create("components", name="A", description="y")
    assert _ids(api.get("components?name=A&description=y").json()) == [2]


@pytest.mark.parametrize("query", ["name=A&foo=1", "name=A&id[]=1", "id[]=1&id[]=2"])
def test_filter_with_unknown_key_or_array_is_500(api: Api, query: str) -> None:
    api.create("components", name="A")
    assert api.get(f"components?{query}").status_code == 500


def test_guest_filter_cannot_widen_visibility(api: Api) -> None:
    api.create("components", name="Off", enabled=False)
    assert api.get("components?enabled=0", token=None).json()["data"] == []


@pytest.mark.parametrize(
    "value", ["'; DROP TABLE components; --", '" OR 1=1 --', "1 OR 1=1", "\\", "%"]
)
def test_sql_metacharacters_are_plain_values(api: Api, value: str) -> None:
    api.create("components", name="A")
    response = api.get("components", params={"name": value})
    assert response.status_code == 200 and response.json()["data"] == []
    response = api.get("components", params={"sort": value, "order": value})
    assert response.status_code == 200
    assert api.get("components").json()["meta"]["pagination"]["total"] == 1


def test_sql_metacharacters_as_keys_are_500_not_injection(api: Api) -> None:
    api.create("components", name="A")
    response = api.get("components", params={"name": "A", "name = name OR 1": "1"})
    assert response.status_code == 500
    assert api.get("components").json()["meta"]["pagination"]["total"] == 1


def test_array_sort_or_order_is_ignored_for_components(api: Api) -> None:
    _make(api, 2)
    assert _ids(api.get("components?sort[]=id&order[]=asc").json()) == [1, 2]
    assert _ids(api.get("components?sort=id&order[]=asc").json()) == [2, 1]
