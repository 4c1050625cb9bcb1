"""Subscribers: `/subscribers`, every route (reads too) needing `subscribers.manage`."""

from __future__ import annotations

from typing import Any

from cachetclient.v3.manager import Manager, counted_includes
from cachetclient.v3.resource import Resource, boolean, raw_value, text, timestamp


class Subscriber(Resource):
    """An email subscriber."""

    json_type = "subscribers"
    repr_fields = ("email",)
    __slots__ = ()

    email = text("Email address")
    is_global = boolean("Subscribed to every component", key="global")
    verified = boolean("Whether the address is verified")
    verified_at = timestamp("When it was verified")
    meta = raw_value("Metadata (with include=['meta'])")

    @property
    def components(self) -> list[Any]:
        """The components subscribed to (include `components`)."""
        return self.related_list("components")


class SubscriberManager(Manager[Subscriber]):
    """Subscribers. Creating an existing email returns that subscriber (no duplicate).

    Python cannot take `global` as a keyword: pass `**{"global": False}` to create/update, or
    filter with `list(**{"global": True})`.
    """

    path = "subscribers"
    resource_class = Subscriber
    ability = "subscribers"
    reads_need_ability = True
    filters = ("email", "global")
    meta_filter = True
    sorts = ("email", "id")
    includes = counted_includes("components", "meta")
    create_fields = ("email", "global", "components", "verified", "meta")
    update_fields = ("email", "global", "components", "meta")
