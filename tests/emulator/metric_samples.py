"""Sample metrics and small helpers shared by the metric and metric point tests (spec 11, 12)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from tests.emulator.api import Api

POINT_GET_KEYS = [
    "id",
    "metric_id",
    "value",
    "counter",
    "created_at",
    "updated_at",
    "calculated_value",
]

MINIMAL = {"name": "M", "suffix": "ms", "description": "d", "default_value": 0}


def create_metric(api: Api, **fields: Any) -> dict[str, Any]:
    """A metric from the minimal valid fields, overridden by `fields`."""
    return api.create("metrics", **{**MINIMAL, **fields})


def total(api: Api, path: str) -> int:
    """The pagination total of a list."""
    count: int = api.get(path).json()["meta"]["pagination"]["total"]
    return count


STORED = "%Y-%m-%d %H:%M:%S"


def points_of(api: Api, metric_id: int) -> list[dict[str, Any]]:
    """The points list of a metric."""
    data: list[dict[str, Any]] = api.get(f"metrics/{metric_id}/points").json()["data"]
    return data


def insert_point(api: Api, metric_id: int, value: float, created: datetime) -> int:
    """A point written straight into the store (to place it in time)."""
    stamp = created.astimezone(timezone.utc).strftime(STORED)
    row = {"metric_id": metric_id, "value": value, "counter": 1}
    with api.emulator.store.transaction():
        return api.emulator.store.insert(
            "metric_points", {**row, "created_at": stamp, "updated_at": "2020-01-01 00:00:00"}
        )


def make_metric(api: Api, **fields: Any) -> int:
    """A metric's id."""
    metric_id: int = create_metric(api, **fields)["id"]
    return metric_id
