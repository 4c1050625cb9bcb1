"""Metric validation (spec 11.4, 11.5, quirk 13): command rules, model rules, thresholds."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.api import Api, details_of, errors_of
from tests.emulator.metric_samples import MINIMAL, create_metric, total

BARE_400 = "The request cannot be fulfilled due to bad syntax."


def test_create_with_empty_body_lists_required_fields_in_order(api: Api) -> None:
    """Pinned by Cachet's own API tests (spec 16)."""
    assert details_of(api.post("metrics")) == [
        "The name field is required.",
        "The suffix field is required.",
        "The default value field is required.",
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": 5}, "The name must be a string."),
        ({"suffix": ["a"]}, "The suffix must be a string."),
        ({"description": 5}, "The description must be a string."),
        ({"default_value": 1.5}, "The default value must be an integer."),
        ({"default_value": "abc"}, "The default value must be an integer."),
        ({"calc_type": None}, "The calc type field is required."),
        ({"calc_type": "x"}, "The calc type must be an integer."),
        ({"display_chart": "yes"}, "The display chart must be an integer."),
        ({"places": 5}, "The places must be between 0 and 4."),
        ({"places": "x"}, "The places must be an integer."),
        ({"default_view": 4}, "The default view must be between 0 and 3."),
        ({"view": -1}, "The default view must be between 0 and 3."),
        ({"default_view": None}, "The default view field is required."),
        ({"default_view": "x"}, "The default view must be an integer."),
        ({"visible": "x"}, "The visible must be an integer."),
        ({"threshold": 1.5}, "The threshold must be an integer."),
        ({"threshold": None}, "The threshold field is required."),
        ({"order": "first"}, "The order must be an integer."),
        ({"visible": 3}, "The visible must be between 0 and 2."),
        ({"visible": None}, "The visible field is required."),
        ({"default_value": 10**20}, "The default value must be an integer."),
    ],
)
def test_create_command_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    assert details_of(api.post("metrics", json={**MINIMAL, **fields})) == [message]


def test_display_chart_false_is_400_quirk_13(api: Api) -> None:
    response = api.post("metrics", json={**MINIMAL, "display_chart": False})
    assert details_of(response) == ["The display chart must be an integer."]
    assert create_metric(api, display_chart=0)["display_chart"] is False


def test_default_value_true_passes_int_but_fails_the_model_numeric_rule(api: Api) -> None:
    response = api.post("metrics", json={**MINIMAL, "default_value": True})
    assert details_of(response) == ["The default value must be a number."]


def test_update_calc_type_garbage_fails_integer_and_in(api: Api) -> None:
    metric = create_metric(api)
    assert details_of(api.put(f"metrics/{metric['id']}", json={"calc_type": "x"})) == [
        "The calc type must be an integer.",
        "The selected calc type is invalid.",
    ]


def test_display_chart_two_fails_the_model_bool_rule(api: Api) -> None:
    response = api.post("metrics", json={**MINIMAL, "display_chart": 2})
    assert details_of(response) == ["The display chart field must be true or false."]


@pytest.mark.parametrize("field", ["places", "display_chart"])
def test_null_fields_fail_the_model_rules(api: Api, field: str) -> None:
    response = api.post("metrics", json={**MINIMAL, field: None})
    assert details_of(response) == [f"The {field.replace('_', ' ')} field is required."]


def test_missing_description_is_a_bare_400_quirk_13(api: Api) -> None:
    fields = {key: value for key, value in MINIMAL.items() if key != "description"}
    response = api.post("metrics", json=fields)
    assert response.status_code == 400
    error = errors_of(response)
    assert error["detail"] == BARE_400 and "meta" not in error
    assert total(api, "metrics") == 0


def test_order_null_is_a_bare_400(api: Api) -> None:
    response = api.post("metrics", json={**MINIMAL, "order": None})
    assert response.status_code == 400 and "meta" not in errors_of(response)


@pytest.mark.parametrize("threshold", [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60])
def test_thresholds_dividing_an_hour_are_accepted(api: Api, threshold: int) -> None:
    assert create_metric(api, threshold=threshold)["threshold"] == threshold


@pytest.mark.parametrize("threshold", [7, 25, 61, 120])
def test_threshold_must_divide_by_60_quirk_13(api: Api, threshold: int) -> None:
    response = api.post("metrics", json={**MINIMAL, "threshold": threshold})
    assert details_of(response) == ["Threshold must divide by 60."]


def test_model_rules_come_before_the_threshold_check(api: Api) -> None:
    response = api.post("metrics", json={**MINIMAL, "threshold": 7, "display_chart": 2})
    assert details_of(response) == ["The display chart field must be true or false."]


def test_threshold_zero_is_500_quirk_13(api: Api) -> None:
    response = api.post("metrics", json={**MINIMAL, "threshold": 0})
    assert response.status_code == 500
    assert errors_of(response)["title"] == "Internal Server Error"
    assert total(api, "metrics") == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": 5}, "The name must be a string."),
        ({"suffix": 5}, "The suffix must be a string."),
        ({"description": [1]}, "The description must be a string."),
        ({"default_value": "abc"}, "The default value must be a number."),
        ({"places": "x"}, "The places must be a number."),
        ({"calc_type": 2}, "The selected calc type is invalid."),
        ({"display_chart": False}, "The display chart must be an integer."),
        ({"places": 4.5}, "The places must be between 0 and 4."),
        ({"default_view": 5}, "The default view must be between 0 and 4."),
        ({"view": "x"}, "The default view must be a number."),
        ({"threshold": "5.0"}, "The threshold must be an integer."),
        ({"order": 1.5}, "The order must be an integer."),
        ({"visible": 7}, "The visible must be between 0 and 2."),
    ],
)
def test_update_command_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    metric = create_metric(api)
    assert details_of(api.put(f"metrics/{metric['id']}", json=fields)) == [message]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"default_view": 4}, "The default view must be between 0 and 3."),
        ({"display_chart": 3}, "The display chart field must be true or false."),
        ({"name": ""}, "The name field is required."),
        ({"threshold": 7}, "Threshold must divide by 60."),
    ],
)
def test_update_model_rule_messages(api: Api, fields: dict[str, Any], message: str) -> None:
    metric = create_metric(api)
    before = api.get(f"metrics/{metric['id']}").json()["data"]
    assert details_of(api.put(f"metrics/{metric['id']}", json=fields)) == [message]
    assert api.get(f"metrics/{metric['id']}").json()["data"] == before


def test_failed_update_writes_nothing(api: Api) -> None:
    metric = create_metric(api, name="Before")
    api.put(f"metrics/{metric['id']}", json={"name": "After", "threshold": 7})
    assert api.get(f"metrics/{metric['id']}").json()["data"]["name"] == "Before"


def test_update_threshold_zero_is_500(api: Api) -> None:
    metric = create_metric(api)
    assert api.put(f"metrics/{metric['id']}", json={"threshold": 0}).status_code == 500
    assert api.get(f"metrics/{metric['id']}").json()["data"]["threshold"] == 5


@pytest.mark.parametrize("threshold", [-5, -60])
def test_negative_divisors_of_60_pass_like_php_modulo(api: Api, threshold: int) -> None:
    assert create_metric(api, threshold=threshold)["threshold"] == threshold
