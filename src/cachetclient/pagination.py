"""How a list is walked page by page, written without I/O so any transport can drive it.

A `ListWalker` plans the next request and turns each answer into items. It also hides two
Cachet bugs from the caller:

* a filtered list answers 500 as soon as `page` is sent (every query key becomes an SQL
  condition), so filtered lists are read without `page`: one request when the matches fit in
  a page, otherwise a second one sized to hold them all;
* `order=asc` is ignored (most lists always sort descending), so ascending lists are read
  descending, from the last page back, and each page reversed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from cachetclient.apirequest import ApiRequest
from cachetclient.defaults import DEFAULT_PER_PAGE as DEFAULT_PER_PAGE
from cachetclient.errors import InvalidResponseError

Item = dict[str, Any]


class PageWalker(Protocol):
    """What a transport's `walk` drives: the next request, then the items of its answer."""

    def next_request(self) -> ApiRequest | None:
        """The next request to send, or `None` when the list is complete."""

    def receive(self, payload: Any) -> list[Item]:
        """Items to hand to the caller from the answer to the last `next_request()`."""


@dataclass(frozen=True)
class ListQuery:
    """What the caller asked for."""

    path: str
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    filters: Mapping[str, Any] = field(default_factory=dict)
    """Cachet search filters (these break paging, see the module docstring)."""
    params: Mapping[str, Any] = field(default_factory=dict)
    """Other query parameters, safe with paging (e.g. the `tags` filter)."""
    sort: str | None = None
    ascending: bool = False
    keep: Callable[[Item], bool] | None = None
    """A check done on each item by the client, for what Cachet cannot filter reliably."""

    def __post_init__(self) -> None:
        for name in ("page", "per_page"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, not {value!r}")

    def base_params(self) -> dict[str, Any]:
        """Query parameters every request of this list carries."""
        params = {**self.params, **self.filters}
        if self.sort:
            # Always ask for descending: the one direction every Cachet list honours.
            params.update(sort=self.sort, order="desc")
        return params


class ListWalker:
    """Plans the requests of one list and turns their answers into items, in order."""

    def __init__(self, query: ListQuery) -> None:
        self.query = query
        self._reverse = bool(query.sort) and query.ascending
        self._to_skip = 0
        self._next: dict[str, Any] | None = {}
        self._held: list[Item] = []
        self._seen_ids: set[Any] = set()
        self._pages_left = 0  # pages still to fetch, the last one first
        if query.filters:
            self._to_skip = (query.page - 1) * query.per_page
            self._next = {"per_page": query.per_page}
        elif self._reverse:
            self._to_skip = (query.page - 1) * query.per_page
            self._next = {"per_page": query.per_page, "page": 1}
        else:
            self._next = {"per_page": query.per_page, "page": query.page}

    def next_request(self) -> ApiRequest | None:
        """The next request to send, or `None` when the list is complete."""
        if self._next is None:
            return None
        return ApiRequest("GET", self.query.path, {**self.query.base_params(), **self._next})

    def receive(self, payload: Any) -> list[Item]:
        """Items to hand to the caller from the answer to the last `next_request()`."""
        items, pagination = _page_of(payload, self.query.path)
        sent = self._next or {}
        if self.query.filters:
            found = self._receive_filtered(items, pagination, sent)
        elif self._reverse:
            found = self._receive_reversed(items, pagination, sent)
        else:
            found = self._receive_forward(items, pagination, sent)
        return self._finish(found)

    def _receive_forward(
        self, items: list[Item], pagination: Mapping[str, Any], sent: Mapping[str, Any]
    ) -> list[Item]:
        current = int(sent.get("page", 1))
        if not items or current >= int(pagination.get("total_pages") or 0):
            self._next = None
        else:
            self._next = {"per_page": self.query.per_page, "page": current + 1}
        return items

    def _receive_reversed(
        self, items: list[Item], pagination: Mapping[str, Any], sent: Mapping[str, Any]
    ) -> list[Item]:
        found: list[Item] = items[::-1]
        if sent.get("page") == 1:
            total_pages = int(pagination.get("total_pages") or 0)
            if total_pages <= 1 or not items:
                self._next = None
                return found
            # Page 1 holds the last items of an ascending list: keep it for the end.
            self._held, found = found, []
            self._pages_left = total_pages - 1
        if self._pages_left:
            self._next = {"per_page": self.query.per_page, "page": self._pages_left + 1}
            self._pages_left -= 1
            return found
        self._next = None
        return found + self._held

    def _receive_filtered(
        self, items: list[Item], pagination: Mapping[str, Any], sent: Mapping[str, Any]
    ) -> list[Item]:
        total = int(pagination.get("total") or len(items))
        first_request = "page" not in sent and sent.get("per_page") == self.query.per_page
        if first_request and total > len(items) and len(items) >= self.query.per_page:
            # More matches than one page: fetch them all at once (paging would be a 500),
            # with room for matches created meanwhile.
            self._next = {"per_page": total + self.query.per_page}
            if self._reverse:
                return []
            self._seen_ids = {item.get("id") for item in items}
            return items
        self._next = None
        found = [item for item in items if item.get("id") not in self._seen_ids]
        return found[::-1] if self._reverse else found

    def _finish(self, items: list[Item]) -> list[Item]:
        if self.query.keep is not None:
            items = [item for item in items if self.query.keep(item)]
        if self._to_skip:
            skipped = min(self._to_skip, len(items))
            self._to_skip -= skipped
            items = items[skipped:]
        return items


def count_request(query: ListQuery) -> ApiRequest:
    """The one small request whose pagination meta tells how many items match."""
    params = query.base_params()
    params.pop("sort", None)
    params.pop("order", None)
    return ApiRequest("GET", query.path, {**params, "per_page": 1})


def total_of(payload: Any, path: str) -> int:
    """The `total` of a list answer."""
    _, pagination = _page_of(payload, path)
    return int(pagination.get("total") or 0)


def _page_of(payload: Any, path: str) -> tuple[list[Item], Mapping[str, Any]]:
    """The items and the pagination numbers of a list answer, checked to be what Cachet sends."""
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
        raise _invalid(path, "has no `data` array")
    items = payload["data"]
    if not all(isinstance(item, dict) for item in items):
        raise _invalid(path, "has a `data` item that is not an object")
    meta = payload.get("meta")
    pagination = meta.get("pagination") if isinstance(meta, dict) else None
    if not isinstance(pagination, dict):
        return items, {}
    numbers = {key: _count(pagination.get(key), key, path) for key in ("total", "total_pages")}
    return items, {key: value for key, value in numbers.items() if value is not None}


def _count(value: Any, key: str, path: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise _invalid(path, f"has a `{key}` that is not a whole number: {value!r}")


def _invalid(path: str, what: str) -> InvalidResponseError:
    return InvalidResponseError(
        f"the list answer of {path} {what}", status_code=200, method="GET", url=path
    )
