"""Subscribers (mirrors core's SubscriberTest, 29 tests, then spec 6.11 [code]).

The emulator sends no mail: where core asserts a verification email, these tests check what
the API shows instead (the subscriber is unverified).
"""

from __future__ import annotations

from typing import Any

from tests.emulator_v3 import rows
from tests.emulator_v3.api import Api, ids

EMAIL = "james@alt-three.com"


def _subscriber_row(api: Api, subscriber_id: int) -> dict[str, Any] | None:
    with api.emulator.store.transaction():
        return api.emulator.store.find("v3_subscribers", subscriber_id)


def _subscriptions(api: Api) -> list[tuple[int, int]]:
    with api.emulator.store.transaction():
        found = api.emulator.store.select("v3_subscriptions")
    return [(row["subscriber_id"], row["component_id"]) for row in found]


def _subscribers(api: Api, count: int) -> list[int]:
    return [rows.subscriber(api) for _ in range(count)]


def _with_components(api: Api, count: int) -> int:
    subscriber = rows.subscriber(api)
    for component in rows.components(api, count):
        rows.attach(api, "subscriptions", subscriber_id=subscriber, component_id=component)
    return subscriber


def test_cannot_list_subscribers_when_not_authenticated(api: Api) -> None:
    _subscribers(api, 2)
    assert api.guest_get("subscribers").status_code == 401


def test_cannot_list_subscribers_without_the_token_ability(api: Api) -> None:
    _subscribers(api, 2)
    response = api.get("subscribers", token=api.token_with("subscribers.delete"))
    assert response.status_code == 403


def test_can_list_subscribers(api: Api) -> None:
    _subscribers(api, 2)
    token = api.token_with("subscribers.manage")
    assert len(api.get("subscribers", token=token).json()["data"]) == 2


def test_does_not_list_more_than_15_subscribers_by_default(api: Api) -> None:
    _subscribers(api, 20)
    assert len(api.get("subscribers").json()["data"]) == 15


def test_can_list_more_than_15_subscribers(api: Api) -> None:
    _subscribers(api, 20)
    assert len(api.get("subscribers?per_page=18").json()["data"]) == 18


def test_can_filter_subscribers_by_email(api: Api) -> None:
    _subscribers(api, 5)
    wanted = rows.subscriber(api, email=EMAIL)
    data = api.get(f"subscribers?filter[email]={EMAIL}").json()["data"]
    assert [(item["attributes"]["id"], item["attributes"]["email"]) for item in data] == [
        (wanted, EMAIL)
    ]


def test_cannot_get_a_subscriber_when_not_authenticated(api: Api) -> None:
    assert api.guest_get(f"subscribers/{rows.subscriber(api)}").status_code == 401


def test_cannot_get_a_subscriber_without_the_token_ability(api: Api) -> None:
    subscriber = rows.subscriber(api)
    token = api.token_with("components.manage")
    assert api.get(f"subscribers/{subscriber}", token=token).status_code == 403


def test_can_get_a_subscriber(api: Api) -> None:
    _subscribers(api, 5)
    wanted = rows.subscriber(api)
    attributes = api.get(f"subscribers/{wanted}").json()["data"]["attributes"]
    assert (attributes["id"], attributes["global"], attributes["verified"]) == (wanted, True, False)


def test_can_get_a_subscriber_with_components(api: Api) -> None:
    subscriber = _with_components(api, 2)
    body = api.get(f"subscribers/{subscriber}?include=components").json()
    assert [item["id"] for item in body["included"]] == ["1", "2"]


def test_can_filter_subscribers_by_meta(api: Api) -> None:
    _subscribers(api, 5)
    wanted = rows.subscriber(api)
    rows.meta(api, "subscriber", wanted, {"region": "eu-west"})
    assert ids(api.get("subscribers?filter[meta][region]=eu-west")) == [wanted]


def test_can_include_meta_on_a_subscriber(api: Api) -> None:
    subscriber = rows.subscriber(api)
    meta = {"region": "eu-west", "priority": 3, "critical": True}
    rows.meta(api, "subscriber", subscriber, meta)
    body = api.get(f"subscribers/{subscriber}?include=meta").json()
    assert body["data"]["attributes"]["meta"] == meta


def test_does_not_include_meta_on_a_subscriber_by_default(api: Api) -> None:
    subscriber = rows.subscriber(api)
    rows.meta(api, "subscriber", subscriber, {"region": "eu-west"})
    assert "meta" not in api.get(f"subscribers/{subscriber}").json()["data"]["attributes"]


def test_can_create_a_subscriber_with_meta(api: Api) -> None:
    meta = {"region": "eu-west", "priority": 3, "critical": True}
    api.create("subscribers", email=EMAIL, meta=meta)
    assert api.get("subscribers/1?include=meta").json()["data"]["attributes"]["meta"] == meta


def test_cannot_create_a_subscriber_when_not_authenticated(api: Api) -> None:
    assert api.post("subscribers", json={"email": EMAIL}, token=None).status_code == 401


def test_cannot_create_a_subscriber_without_the_token_ability(api: Api) -> None:
    token = api.token_with("subscribers.delete")
    assert api.post("subscribers", json={"email": EMAIL}, token=token).status_code == 403
    assert _subscriber_row(api, 1) is None


def test_can_create_a_subscriber(api: Api) -> None:
    token = api.token_with("subscribers.manage")
    response = api.post("subscribers", json={"email": EMAIL}, token=token)
    assert response.status_code == 201
    assert response.json()["data"]["attributes"]["email"] == EMAIL
    row = _subscriber_row(api, 1)
    assert row is not None and row["email_verified_at"] is None


def test_can_create_a_verified_subscriber_without_sending_a_verification_email(
    api: Api,
) -> None:
    attributes = api.create("subscribers", email=EMAIL, verified=True)["attributes"]
    assert attributes["verified"] is True
    assert attributes["verified_at"]["string"] is not None


def test_can_create_a_subscriber_with_component_subscriptions(api: Api) -> None:
    components = rows.components(api, 2)
    data = api.create("subscribers", email=EMAIL, components=components, **{"global": False})
    assert data["attributes"]["global"] is False
    assert _subscriptions(api) == [(1, components[0]), (1, components[1])]


def test_cannot_create_a_subscriber_with_an_invalid_email_address(api: Api) -> None:
    response = api.post("subscribers", json={"email": "not-an-email"})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "email": ["The email field must be a valid email address."]
    }


def test_cannot_create_a_subscriber_with_components_that_do_not_exist(api: Api) -> None:
    response = api.post("subscribers", json={"email": EMAIL, "components": [999]})
    assert response.status_code == 422
    assert response.json()["errors"] == {"components.0": ["The selected components.0 is invalid."]}


def test_cannot_update_a_subscriber_when_not_authenticated(api: Api) -> None:
    subscriber = rows.subscriber(api)
    response = api.put(f"subscribers/{subscriber}", json={"email": EMAIL}, token=None)
    assert response.status_code == 401


def test_cannot_update_a_subscriber_without_the_token_ability(api: Api) -> None:
    subscriber = rows.subscriber(api)
    token = api.token_with("subscribers.delete")
    response = api.put(f"subscribers/{subscriber}", json={"email": EMAIL}, token=token)
    assert response.status_code == 403


def test_can_update_a_subscriber(api: Api) -> None:
    subscriber = rows.subscriber(api, email_verified_at="2020-01-01 00:00:00")
    response = api.put(f"subscribers/{subscriber}", json={"email": EMAIL})
    attributes = response.json()["data"]["attributes"]
    assert (attributes["email"], attributes["verified"]) == (EMAIL, False)


def test_can_update_a_subscriber_component_subscriptions(api: Api) -> None:
    subscriber = _with_components(api, 1)
    components = rows.components(api, 2)
    api.put(f"subscribers/{subscriber}", json={"components": components})
    assert _subscriptions(api) == [(subscriber, components[0]), (subscriber, components[1])]


def test_does_not_detach_component_subscriptions_when_components_are_omitted_from_an_update(
    api: Api,
) -> None:
    subscriber = _with_components(api, 2)
    api.put(f"subscribers/{subscriber}", json={"email": EMAIL})
    assert len(_subscriptions(api)) == 2


def test_cannot_delete_a_subscriber_when_not_authenticated(api: Api) -> None:
    subscriber = rows.subscriber(api)
    assert api.delete(f"subscribers/{subscriber}", token=None).status_code == 401


def test_cannot_delete_a_subscriber_without_the_token_ability(api: Api) -> None:
    subscriber = rows.subscriber(api)
    token = api.token_with("subscribers.manage")
    assert api.delete(f"subscribers/{subscriber}", token=token).status_code == 403


def test_can_delete_a_subscriber(api: Api) -> None:
    subscriber = _with_components(api, 2)
    token = api.token_with("subscribers.delete")
    assert api.delete(f"subscribers/{subscriber}", token=token).status_code == 204
    assert _subscriber_row(api, subscriber) is None
    assert _subscriptions(api) == []


# -- spec 6.11 [code] behaviours ----------------------------------------------------------------


def test_posting_a_known_email_answers_200_and_attaches_the_components_again(api: Api) -> None:
    component = rows.component(api)
    api.create("subscribers", email=EMAIL, components=[component])
    again = api.post("subscribers", json={"email": EMAIL, "components": [component]})
    assert again.status_code == 200
    assert again.json()["data"]["id"] == "1"
    assert _subscriptions(api) == [(1, component), (1, component)]


def test_an_empty_components_list_clears_the_subscriptions(api: Api) -> None:
    subscriber = _with_components(api, 2)
    api.put(f"subscribers/{subscriber}", json={"components": []})
    assert _subscriptions(api) == []
