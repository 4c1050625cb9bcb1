"""Metrics (mirrors core's MetricTest, 31 tests, then spec 6.7 [code])."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api, ids

BODY = {"name": "New Metric", "suffix": "cups of tea"}
CREATED = ["2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01", "2023-02-01"]


def _metric_row(api: Api, metric_id: int) -> dict[str, Any] | None:
    with api.emulator.store.transaction():
        return api.emulator.store.find("v3_metrics", metric_id)


def _metrics(api: Api, count: int, **values: Any) -> list[int]:
    return [rows.metric(api, **values) for _ in range(count)]


def test_can_list_metrics(api: Api) -> None:
    _metrics(api, 2)
    assert len(api.guest_get("metrics").json()["data"]) == 2


def test_does_not_list_more_than_15_metrics_by_default(api: Api) -> None:
    _metrics(api, 20)
    assert len(api.guest_get("metrics").json()["data"]) == 15


def test_can_list_more_than_15_metrics(api: Api) -> None:
    _metrics(api, 20)
    assert len(api.guest_get("metrics?per_page=18").json()["data"]) == 18


def test_sorts_metrics_by_created_at_descending_by_default(api: Api) -> None:
    for created in CREATED:
        rows.metric(api, created_at=created + " 00:00:00")
    assert ids(api.guest_get("metrics")) == [5, 4, 3, 2, 1]


def test_can_sort_metrics_by_id(api: Api) -> None:
    for created in CREATED:
        rows.metric(api, created_at=created + " 00:00:00")
    assert ids(api.guest_get("metrics?sort=id")) == [1, 2, 3, 4, 5]


def test_can_sort_metrics_by_name(api: Api) -> None:
    for name, created in zip("cabed", CREATED, strict=True):
        rows.metric(api, name=name, created_at=created + " 00:00:00")
    assert ids(api.guest_get("metrics?sort=name")) == [2, 3, 1, 5, 4]


def test_can_sort_metrics_by_order(api: Api) -> None:
    for order, created in zip((3, 1, 2, 4, 5), CREATED, strict=True):
        rows.metric(api, order=order, created_at=created + " 00:00:00")
    assert ids(api.guest_get("metrics?sort=order")) == [2, 3, 1, 4, 5]


def test_can_filter_metrics_by_name(api: Api) -> None:
    _metrics(api, 20)
    wanted = rows.metric(api, name="Name to filter by.")
    assert ids(api.guest_get("metrics", params={"filter[name]": "Name to filter by."})) == [wanted]


def test_can_filter_metrics_by_calculation_type(api: Api) -> None:
    _metrics(api, 20, calc_type=0)
    wanted = rows.metric(api, calc_type=1)
    assert ids(api.guest_get("metrics?filter[calc_type]=1")) == [wanted]


def test_can_get_a_metric(api: Api) -> None:
    _metrics(api, 5)
    wanted = rows.metric(api)
    assert api.guest_get(f"metrics/{wanted}").json()["data"]["attributes"]["id"] == wanted


def test_cannot_create_a_metric_if_not_authenticated(api: Api) -> None:
    assert api.post("metrics", json=BODY, token=None).status_code == 401
    assert _metric_row(api, 1) is None


def test_cannot_create_a_metric_without_the_token_ability(api: Api) -> None:
    assert api.post("metrics", json=BODY, token=api.token_with("metrics.delete")).status_code == 403
    assert _metric_row(api, 1) is None


def test_can_create_a_metric(api: Api) -> None:
    response = api.post("metrics", json=BODY, token=api.token_with("metrics.manage"))
    assert response.status_code == 201
    assert response.json()["data"]["attributes"]["name"] == "New Metric"
    row = _metric_row(api, 1)
    assert row is not None and row["suffix"] == "cups of tea"


def test_can_create_a_metric_with_a_calc_type_display_chart_and_places(api: Api) -> None:
    api.create("metrics", **BODY, calc_type=1, display_chart=True, places=3)
    row = _metric_row(api, 1)
    assert row is not None
    assert (row["calc_type"], row["display_chart"], row["places"]) == (1, 1, 3)


def test_cannot_create_a_metric_with_invalid_places(api: Api) -> None:
    response = api.post("metrics", json={**BODY, "places": 10})
    assert response.status_code == 422
    assert response.json()["errors"] == {"places": ["The places field must not be greater than 4."]}


def test_cannot_update_a_metric_if_not_authenticated(api: Api) -> None:
    metric = rows.metric(api)
    assert api.put(f"metrics/{metric}", json=BODY, token=None).status_code == 401


def test_cannot_update_a_metric_without_the_token_ability(api: Api) -> None:
    metric = rows.metric(api)
    token = api.token_with("metrics.delete")
    assert api.put(f"metrics/{metric}", json=BODY, token=token).status_code == 403
    row = _metric_row(api, metric)
    assert row is not None and row["name"] == "Metric"


def test_can_update_a_metric(api: Api) -> None:
    metric = rows.metric(api)
    body = {"name": "Updated Metric", "suffix": "cups of tea"}
    assert api.put(f"metrics/{metric}", json=body).status_code == 200
    row = _metric_row(api, metric)
    assert row is not None and (row["name"], row["suffix"]) == ("Updated Metric", "cups of tea")


def test_can_update_a_metric_threshold(api: Api) -> None:
    metric = rows.metric(api, threshold=5)
    attributes = api.put(f"metrics/{metric}", json={"name": "Metric", "threshold": 30}).json()
    assert attributes["data"]["attributes"]["threshold"] == 30


def test_can_get_a_metric_with_points_included(api: Api) -> None:
    metric = rows.metric(api)
    for _ in range(3):
        rows.point(api, metric)
    body = api.guest_get(f"metrics/{metric}?include=points").json()
    assert [item["type"] for item in body["included"]] == ["metricPoints"] * 3


def test_can_list_metrics_with_points_included(api: Api) -> None:
    metric = rows.metric(api)
    rows.point(api, metric)
    rows.point(api, metric)
    assert len(api.guest_get("metrics?include=points").json()["included"]) == 2


def test_can_update_a_metric_without_a_name(api: Api) -> None:
    metric = rows.metric(api, name="Original Name")
    api.put(f"metrics/{metric}", json={"suffix": "ms"})
    row = _metric_row(api, metric)
    assert row is not None and (row["name"], row["suffix"]) == ("Original Name", "ms")


@pytest.mark.parametrize(
    ("payload", "fields"),
    [({"name": None, "suffix": None}, ["name", "suffix"]), ({"name": 123}, ["name"])],
)
def test_cannot_update_a_metric_with_bad_data(
    api: Api, payload: dict[str, Any], fields: list[str]
) -> None:
    metric = rows.metric(api)
    response = api.put(f"metrics/{metric}", json=payload)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == fields


def test_cannot_delete_a_metric_if_not_authenticated(api: Api) -> None:
    metric = rows.metric(api)
    assert api.delete(f"metrics/{metric}", token=None).status_code == 401


def test_cannot_delete_a_metric_without_the_token_ability(api: Api) -> None:
    metric = rows.metric(api)
    assert (
        api.delete(f"metrics/{metric}", token=api.token_with("metrics.manage")).status_code == 403
    )


def test_can_delete_metric(api: Api) -> None:
    metric = rows.metric(api)
    rows.point(api, metric)
    assert (
        api.delete(f"metrics/{metric}", token=api.token_with("metrics.delete")).status_code == 204
    )
    assert _metric_row(api, metric) is None
    with api.emulator.store.transaction():
        assert api.emulator.store.select("v3_metric_points") == []


def test_does_not_list_metrics_hidden_from_guests(api: Api) -> None:
    for visible in (1, 0, 2):
        rows.metric(api, visible=visible)
    assert ids(api.guest_get("metrics")) == [1]


def test_lists_authenticated_metrics_to_authenticated_users_but_never_hidden_ones(
    api: Api,
) -> None:
    for visible in (1, 0, 2):
        rows.metric(api, visible=visible)
    assert sorted(ids(api.get("metrics", token=api.token_with("incidents.manage")))) == [1, 2]


def test_does_not_show_a_hidden_metric_to_guests(api: Api) -> None:
    assert api.guest_get(f"metrics/{rows.metric(api, visible=2)}").status_code == 404


def test_shows_an_authenticated_metric_to_authenticated_users(api: Api) -> None:
    metric = rows.metric(api, visible=0)
    token = api.token_with("incidents.manage")
    assert api.get(f"metrics/{metric}", token=token).json()["data"]["attributes"]["id"] == metric


def test_lists_authenticated_metrics_to_callers_presenting_a_bearer_token(api: Api) -> None:
    for visible in (1, 0, 2):
        rows.metric(api, visible=visible)
    assert len(api.get("metrics", token=api.token_with()).json()["data"]) == 2


# -- spec 6.7 [code] behaviours -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "passes"),
    [(1.5, True), ("2.00", True), (0, False), (1, False), (1.234, False), (2.0, False)],
)
def test_default_value_needs_one_or_two_decimal_places(api: Api, value: Any, passes: bool) -> None:
    response = api.post("metrics", json={**BODY, "default_value": value})
    assert response.status_code == (201 if passes else 422)
    if not passes:
        assert response.json()["errors"] == {
            "default_value": ["The default value field must have 1-2 decimal places."]
        }


@pytest.mark.parametrize(
    ("threshold", "message"),
    [(0, "The threshold must be greater than 0."), (7, "The threshold must be a factor of 60.")],
)
def test_the_threshold_is_a_factor_of_sixty(api: Api, threshold: int, message: str) -> None:
    response = api.post("metrics", json={**BODY, "threshold": threshold})
    assert response.json()["errors"] == {"threshold": [message]}


def test_a_create_answer_shows_database_defaults_as_null(api: Api) -> None:
    attributes = api.create("metrics", **BODY)["attributes"]
    assert (attributes["threshold"], attributes["places"], attributes["visible"]) == (
        None,
        None,
        None,
    )
    shown = api.get("metrics/1").json()["data"]["attributes"]
    assert (shown["threshold"], shown["places"], shown["visible"], shown["display_chart"]) == (
        5,
        2,
        1,
        True,
    )


def test_calc_type_filter_is_a_partial_match(api: Api) -> None:
    rows.metric(api, calc_type=1)
    rows.metric(api, calc_type=0)
    rows.metric(api, calc_type=11)  # not a valid type; shows the LIKE '%1%' match
    assert sorted(ids(api.guest_get("metrics?filter[calc_type]=1"))) == [1, 3]


def test_default_value_reads_as_a_number(api: Api) -> None:
    """Quirk 18: SQLite gives a number (MySQL and PostgreSQL a numeric string)."""
    api.create("metrics", name="M", suffix="ms", default_value="2.50")
    assert api.get("metrics/1").json()["data"]["attributes"]["default_value"] == 2.5


def test_update_ignores_create_only_fields(api: Api) -> None:
    metric = rows.metric(api, places=2)
    api.put(f"metrics/{metric}", json={"places": 4, "visible": 0})
    row = _metric_row(api, metric)
    assert row is not None and (row["places"], row["visible"]) == (2, 1)
