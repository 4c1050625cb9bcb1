"""Subscriptions (spec section 15) over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from tests.emulator.api import Api, errors_of, not_found_detail


def subscriber_with_two_subscriptions(api: Api) -> dict[str, Any]:
    """A new subscriber subscribed to two new components."""
    for name in ("A", "B"):
        api.create("components", name=name)
    return api.create("subscribers", email="user@example.com")


def test_delete_pinned_by_cachet_removes_one_subscription(api: Api) -> None:
    subscriber = subscriber_with_two_subscriptions(api)
    first, second = subscriber["subscriptions"]
    response = api.delete(f"subscriptions/{first['id']}")
    assert response.status_code == 204 and response.content == b""
    [data] = api.get("subscribers").json()["data"]
    assert [s["id"] for s in data["subscriptions"]] == [second["id"]]
    assert data["global"] is True


def test_delete_twice_is_404_with_model_detail(api: Api) -> None:
    subscriber = subscriber_with_two_subscriptions(api)
    subscription_id = subscriber["subscriptions"][0]["id"]
    assert api.delete(f"subscriptions/{subscription_id}").status_code == 204
    response = api.delete(f"subscriptions/{subscription_id}")
    assert response.status_code == 404
    assert errors_of(response)["detail"] == not_found_detail("Subscription")


def test_delete_without_token_is_401_and_keeps_subscription(api: Api) -> None:
    subscriber = subscriber_with_two_subscriptions(api)
    subscription_id = subscriber["subscriptions"][0]["id"]
    for token in (None, "wrong"):
        response = api.delete(f"subscriptions/{subscription_id}", token=token)
        assert response.status_code == 401
    assert len(api.get("subscribers").json()["data"][0]["subscriptions"]) == 2


@pytest.mark.parametrize("method", ["GET", "POST", "PUT"])
def test_only_delete_exists(api: Api, method: str) -> None:
    subscriber_with_two_subscriptions(api)
    response = api.request(method, "subscriptions/1", json={})
    assert response.status_code == 405 and response.headers["allow"] == "DELETE"
    assert api.get("subscriptions").status_code == 404


def test_23_unknown_subscription_has_generic_404(api23: Api) -> None:
    response = api23.delete("subscriptions/5")
    assert response.status_code == 404
    assert errors_of(response)["detail"].startswith("The requested resource could not be found")
