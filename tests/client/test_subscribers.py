"""Subscribers and subscriptions over HTTP."""

from __future__ import annotations

import datetime as dt

import pytest

from cachetclient.errors import AuthenticationError, NotFoundError, UnsupportedOperationError
from cachetclient.v1.client import Client
from cachetclient.v1.subscribers import Subscriber, SubscriberManager


def test_manager_declares_documented_path_and_resource_class() -> None:
    assert SubscriberManager.path == "subscribers"
    assert SubscriberManager.resource_class is Subscriber


def test_create_verified_subscriber_with_documented_attributes(client: Client) -> None:
    sub = client.subscribers.create(email="user@example.test", verify=True)
    listed = list(client.subscribers.list())
    assert [s.id for s in listed] == [sub.id]
    fetched = listed[0]
    assert fetched.email == "user@example.test"
    assert fetched.verify_code and len(fetched.verify_code) > 10
    assert fetched.is_global is True
    assert isinstance(fetched.created_at, dt.datetime)
    assert isinstance(fetched.updated_at, dt.datetime)
    assert isinstance(fetched.verified_at, dt.datetime)


def test_subscribe_to_some_components(client: Client) -> None:
    ids = [client.components.create(name=f"c{n}", status=1).id for n in range(3)]
    sub = client.subscribers.create(email="a@example.test", components=[ids[0], ids[2]])
    assert sub.component_ids == [ids[0], ids[2]]


def test_existing_email_returns_existing_subscriber(client: Client) -> None:
    first = client.subscribers.create(email="a@example.test")
    again = client.subscribers.create(email="a@example.test", verify=False)
    assert again.id == first.id
    assert client.subscribers.count() == 1


def test_subscriber_update_is_a_clear_error(client: Client) -> None:
    sub = client.subscribers.create(email="a@example.test")
    with pytest.raises(UnsupportedOperationError, match="cannot update"):
        sub.update()


def test_delete_via_manager_and_resource(client: Client) -> None:
    first = client.subscribers.create(email="a@example.test")
    second = client.subscribers.create(email="b@example.test")
    first.delete()
    client.subscribers.delete(second.id)
    assert client.subscribers.count() == 0
    with pytest.raises(NotFoundError):
        client.subscribers.delete(second.id)


def test_list_across_pages(client: Client) -> None:
    emails = [f"user{n}@example.test" for n in range(5)]
    for email in emails:
        client.subscribers.create(email=email)
    assert [s.email for s in client.subscribers.list(per_page=2)] == emails
    assert [s.email for s in client.subscribers.list(page=2, per_page=2)] == emails[2:]


def test_delete_one_subscription(client: Client) -> None:
    component = client.components.create(name="c", status=1)
    sub = client.subscribers.create(email="a@example.test", components=[component.id])
    subscription_id = sub.subscriptions[0]["id"]
    client.subscriptions.delete(subscription_id)
    assert next(client.subscribers.list()).component_ids == []
    with pytest.raises(NotFoundError):
        client.subscriptions.delete(subscription_id)


def test_guest_cannot_list_subscribers(guest: Client) -> None:
    with pytest.raises(AuthenticationError):
        list(guest.subscribers.list())


def test_repr_shows_email(client: Client) -> None:
    sub = client.subscribers.create(email="a@example.test")
    assert repr(sub) == f"<Subscriber id={sub.id} email='a@example.test'>"


def test_str_shows_id_and_email_as_every_release_did(client: Client) -> None:
    sub = client.subscribers.create(email="a@example.test")
    listed = next(iter(client.subscribers.list()))
    assert str(listed) == f"<Subscriber {sub.id}: a@example.test>"
