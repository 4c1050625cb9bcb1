"""`ListWalker` without a server: which requests a walk makes and which items it yields."""

from __future__ import annotations

from typing import Any

import pytest

from cachetclient.errors import InvalidResponseError
from cachetclient.pagination import ListQuery, ListWalker, count_request, total_of
from tests.core.cachet_lists import CachetList


def walk(query: ListQuery, cachet: CachetList) -> list[int]:
    """The ids a walk of `query` yields against `cachet`."""
    walker = ListWalker(query)
    ids: list[int] = []
    while (request := walker.next_request()) is not None:
        ids += [item["id"] for item in walker.receive(cachet.answer(request))]
    return ids


def test_an_empty_list_takes_one_request() -> None:
    cachet = CachetList(0)

    assert walk(ListQuery("components", per_page=2), cachet) == []
    assert cachet.requests == [{"per_page": 2, "page": 1}]


@pytest.mark.parametrize(("size", "pages"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3)])
def test_list_stops_on_last_page(size: int, pages: int) -> None:
    cachet = CachetList(size)

    assert walk(ListQuery("components", per_page=2), cachet) == list(range(size, 0, -1))
    assert [request["page"] for request in cachet.requests] == list(range(1, pages + 1))


def test_a_later_first_page_skips_the_pages_before_it() -> None:
    cachet = CachetList(5)

    assert walk(ListQuery("components", page=2, per_page=2), cachet) == [3, 2, 1]
    assert [request["page"] for request in cachet.requests] == [2, 3]


def test_ascending_lists_are_read_from_the_last_page_back() -> None:
    cachet = CachetList(5)

    ids = walk(ListQuery("components", per_page=2, sort="id", ascending=True), cachet)

    assert ids == [1, 2, 3, 4, 5]
    assert [request["page"] for request in cachet.requests] == [1, 3, 2]
    assert {request["order"] for request in cachet.requests} == {"desc"}


def test_ascending_from_a_later_page_skips_what_comes_before() -> None:
    cachet = CachetList(5)

    query = ListQuery("components", page=2, per_page=2, sort="id", ascending=True)

    assert walk(query, cachet) == [3, 4, 5]


def test_a_filtered_list_never_sends_page() -> None:
    cachet = CachetList(5)

    ids = walk(ListQuery("components", per_page=2, filters={"status": 1}), cachet)

    assert ids == [5, 4, 3, 2, 1]
    assert all("page" not in request for request in cachet.requests)
    # One page first; more matches than a page: one request sized to hold them all.
    assert [request["per_page"] for request in cachet.requests] == [2, 7]


def test_a_filtered_list_that_fits_takes_one_request() -> None:
    cachet = CachetList(2)

    assert walk(ListQuery("components", per_page=2, filters={"status": 1}), cachet) == [2, 1]
    assert len(cachet.requests) == 1


def test_a_filtered_later_page_is_skipped_on_the_client() -> None:
    cachet = CachetList(5)

    query = ListQuery("components", page=2, per_page=2, filters={"status": 1})

    assert walk(query, cachet) == [3, 2, 1]


def test_keep_drops_items_on_the_client() -> None:
    cachet = CachetList(5)

    query = ListQuery("components", per_page=2, keep=lambda item: item["id"] % 2 == 1)

    assert walk(query, cachet) == [5, 3, 1]


def test_an_empty_page_before_the_announced_last_ends_the_walk() -> None:
    walker = ListWalker(ListQuery("components", per_page=2))
    request = walker.next_request()
    assert request is not None

    shrunk = {"meta": {"pagination": {"total": 4, "total_pages": 2}}, "data": []}

    assert walker.receive(shrunk) == []
    assert walker.next_request() is None


@pytest.mark.parametrize("name", ["page", "per_page"])
@pytest.mark.parametrize("value", [0, -1, True, 1.5, "2"])
def test_page_and_per_page_must_be_positive_integers(name: str, value: Any) -> None:
    with pytest.raises(ValueError, match=name):
        ListQuery("components", **{name: value})


@pytest.mark.parametrize(
    "answer",
    [
        None,
        [],
        {"data": None},
        {"data": [1, 2]},
        {"data": [], "meta": {"pagination": {"total": "many"}}},
        {"data": [], "meta": {"pagination": {"total_pages": 1.5}}},
    ],
)
def test_an_answer_that_is_not_a_cachet_list_is_refused(answer: Any) -> None:
    walker = ListWalker(ListQuery("components"))

    with pytest.raises(InvalidResponseError, match="components"):
        walker.receive(answer)


def test_numbers_sent_as_strings_are_read() -> None:
    answer = {"data": [], "meta": {"pagination": {"total": "12", "total_pages": "2"}}}

    assert total_of(answer, "components") == 12


def test_count_asks_for_one_item_without_sorting() -> None:
    query = ListQuery("incidents", filters={"status": 1}, sort="name", per_page=50)

    request = count_request(query)

    assert request.params == {"status": 1, "per_page": 1}
