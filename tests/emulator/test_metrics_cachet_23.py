"""Metrics and metric points in Cachet 2.3 mode (spec section 17.6) over HTTP."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.emulator.api import Api, details_of, errors_of
from tests.emulator.metric_samples import MINIMAL, insert_point, points_of


def test_23_metric_has_no_visible(api23: Api) -> None:
    created = api23.create("metrics", **MINIMAL)
    assert "visible" not in created
    shown = api23.get(f"metrics/{created['id']}").json()["data"]
    assert "visible" not in shown and shown["default_view_name"] == "Last 12 Hours"


@pytest.mark.parametrize("missing", ["default_value", "description"])
def test_23_missing_default_value_or_description_is_a_bare_400(api23: Api, missing: str) -> None:
    """17.6: both columns lack a database default, so leaving one out fails the insert."""
    fields = {key: value for key, value in MINIMAL.items() if key != missing}
    response = api23.post("metrics", json=fields)
    assert response.status_code == 400 and "meta" not in errors_of(response)
    assert api23.get("metrics").json()["data"] == []


def test_23_model_messages_are_shifted(api23: Api) -> None:
    assert details_of(api23.post("metrics", json={"description": "d", "default_value": 1})) == [
        "The name format is invalid.",
        "The suffix format is invalid.",
    ]
    response = api23.post("metrics", json={**MINIMAL, "places": 9})
    assert details_of(response) == ["The places must be a date before :date."]


def test_23_has_no_divide_by_60_check_and_no_command_rules(api23: Api) -> None:
    fields = {**MINIMAL, "threshold": 7, "default_value": 1.5, "display_chart": False}
    data = api23.create("metrics", **fields)
    assert (data["threshold"], data["default_value"], data["display_chart"]) == (7, 1, False)


def test_23_sort_by_visible_is_ignored(api23: Api) -> None:
    for name in ("b", "a"):
        api23.create("metrics", **{**MINIMAL, "name": name})
    data = api23.get("metrics?sort=visible").json()["data"]
    assert [metric["name"] for metric in data] == ["b", "a"]


def test_23_delete_keeps_points(api23: Api) -> None:
    metric = api23.create("metrics", **MINIMAL)
    api23.create(f"metrics/{metric['id']}/points", value=1)
    assert api23.delete(f"metrics/{metric['id']}").status_code == 204
    with api23.emulator.store.transaction():
        assert len(api23.emulator.store.select("metric_points")) == 1


def test_23_unknown_metric_has_generic_404(api23: Api) -> None:
    response = api23.get("metrics/9")
    assert errors_of(response)["detail"].startswith("The requested resource could not be found")


def test_23_timestamp_is_stored_exactly(api23: Api) -> None:
    metric = api23.create("metrics", **MINIMAL)
    data = api23.create(f"metrics/{metric['id']}/points", value=1, timestamp=1434369116)
    assert data["created_at"] == "2015-06-15 11:51:56"


def test_23_list_is_by_id(api23: Api) -> None:
    metric = api23.create("metrics", **MINIMAL)
    for stamp in (1596881100, 1596881100 + 7200, 1596881100 + 3600):
        api23.create(f"metrics/{metric['id']}/points", value=stamp, timestamp=stamp)
    data = api23.get(f"metrics/{metric['id']}/points").json()["data"]
    assert [point["id"] for point in data] == [1, 2, 3]


def test_23_window_is_threshold_minutes_without_truncation(api23: Api) -> None:
    metric = api23.create("metrics", **MINIMAL, threshold=5)
    now = datetime.now(timezone.utc)
    inside = insert_point(api23, metric["id"], 3, now - timedelta(minutes=4, seconds=50))
    insert_point(api23, metric["id"], 4, now - timedelta(minutes=5, seconds=5))
    assert api23.create(f"metrics/{metric['id']}/points", value=3)["id"] == inside
    assert api23.create(f"metrics/{metric['id']}/points", value=4)["counter"] == 1


def test_23_update_accepts_integer_timestamp_and_resets_missing_value(api23: Api) -> None:
    metric = api23.create("metrics", **MINIMAL)
    point = api23.create(f"metrics/{metric['id']}/points", value=5)
    path = f"metrics/{metric['id']}/points/{point['id']}"
    data = api23.put(path, json={"timestamp": 1434369116}).json()["data"]
    assert (data["value"], data["created_at"]) == (0, "2015-06-15 11:51:56")


def test_23_missing_value_is_a_bare_400(api23: Api) -> None:
    metric = api23.create("metrics", **MINIMAL)
    response = api23.post(f"metrics/{metric['id']}/points", json={})
    assert response.status_code == 400 and "meta" not in errors_of(response)


def test_23_huge_threshold_window_reaches_every_point(api23: Api) -> None:
    metric = api23.create("metrics", **MINIMAL, threshold=10**15)
    old = insert_point(api23, metric["id"], 2, datetime(2001, 1, 1, tzinfo=timezone.utc))
    assert api23.create(f"metrics/{metric['id']}/points", value=2)["id"] == old


def test_23_non_numeric_value_is_stored_as_zero(api23: Api) -> None:
    metric = api23.create("metrics", **MINIMAL)
    api23.create(f"metrics/{metric['id']}/points", value="abc")
    assert points_of(api23, metric["id"])[0]["value"] == 0
