"""A Cachet list answered in memory, as Cachet 2.4 pages it: for driving a `ListWalker`."""

from __future__ import annotations

import math
from typing import Any

from cachetclient.apirequest import ApiRequest


class CachetList:
    """Items with ids 1..`size`; Cachet sorts them by id descending, whatever `order` says.

    `answer(request)` gives what Cachet would send for one list request, and records the
    request, so a test can check which requests a walk made.
    """

    def __init__(self, size: int) -> None:
        self.items: list[dict[str, Any]] = [
            {"id": number, "name": f"item {number}"} for number in range(1, size + 1)
        ]
        self.requests: list[dict[str, Any]] = []

    def answer(self, request: ApiRequest) -> dict[str, Any]:
        """The JSON Cachet answers `request` with (a GET of the list)."""
        assert request.method == "GET"
        self.requests.append(dict(request.params))
        per_page = int(request.params.get("per_page", 20))
        page = int(request.params.get("page", 1))
        ordered = sorted(self.items, key=lambda item: -item["id"])
        shown = ordered[(page - 1) * per_page : page * per_page]
        total = len(self.items)
        pagination = {
            "total": total,
            "count": len(shown),
            "per_page": per_page,
            "current_page": page,
            "total_pages": max(1, math.ceil(total / per_page)),
        }
        return {"meta": {"pagination": pagination}, "data": shown}
