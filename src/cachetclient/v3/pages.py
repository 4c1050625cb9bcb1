"""How a Cachet 3 list is walked: page URLs built by the client, never taken from `links`.

Cachet 3's `links.next` drops every query parameter but `page` (filters, sorts, includes and
`per_page` would be lost), and its pages carry no totals; so the walker asks for page after
page with the same query until one has no `next` link or comes back short.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cachetclient.apirequest import ApiRequest
from cachetclient.errors import InvalidResponseError
from cachetclient.pagination import Item


class DocumentPages:
    """Plans the page requests of one list and splits each answer into one document per item.

    A transport drives it (`HttpClient.walk`, `AsyncHttpClient.walk`).
    """

    def __init__(self, path: str, params: Mapping[str, Any], per_page: int) -> None:
        self.path = path
        self.params = dict(params)
        self.per_page = per_page
        self._page: int | None = 1

    def next_request(self) -> ApiRequest | None:
        """The next page's request, or `None` when the list is complete."""
        if self._page is None:
            return None
        params = {**self.params, "per_page": self.per_page, "page": self._page}
        return ApiRequest("GET", self.path, params)

    def receive(self, payload: Any) -> list[Item]:
        """`{"data": item, "included": [...]}` for each item of the answer, in order."""
        items = _items_of(payload, self.path)
        links = payload.get("links") if isinstance(payload.get("links"), dict) else {}
        if not items or len(items) < self.per_page or not links.get("next"):
            self._page = None
        elif self._page is not None:
            self._page += 1
        included = payload.get("included") or []
        return [{"data": item, "included": included} for item in items]


def _items_of(payload: Any, path: str) -> list[dict[str, Any]]:
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
        raise _invalid(path, "has no `data` array")
    items: list[dict[str, Any]] = payload["data"]
    if not all(isinstance(item, dict) and "id" in item for item in items):
        raise _invalid(path, "has a `data` item that is not a resource object")
    return items


def _invalid(path: str, what: str) -> InvalidResponseError:
    return InvalidResponseError(
        f"the list answer of {path} {what}", status_code=200, method="GET", url=path
    )
