"""Subscriptions: one subscriber's link to one component (delete only)."""

from __future__ import annotations

from typing import ClassVar

from cachetclient.base import Manager, Resource
from cachetclient.fields import INTEGER, UTC_TIMESTAMP, Field


class Subscription(Resource):
    """A subscription row as nested in a subscriber (timestamps are UTC)."""

    repr_fields: ClassVar[tuple[str, ...]] = ("subscriber_id", "component_id")

    subscriber_id = Field(INTEGER, doc="The subscriber (int)")
    component_id = Field(INTEGER, doc="The component subscribed to (int)")
    created_at = Field(UTC_TIMESTAMP, doc="When the subscription was created (datetime)")
    updated_at = Field(UTC_TIMESTAMP, doc="Last time the subscription was updated (datetime)")


class SubscriptionManager(Manager[Subscription]):
    """`DELETE /subscriptions/{id}`: the only subscription endpoint Cachet has."""

    path: ClassVar[str] = "subscriptions"
    resource_class: ClassVar[type[Resource]] = Subscription

    def delete(self, subscription_id: int) -> None:
        """Delete one subscription; the subscriber remains.

        Raises:
            NotFoundError: if the subscription does not exist.
        """
        return self._delete_by_ids((subscription_id,))
