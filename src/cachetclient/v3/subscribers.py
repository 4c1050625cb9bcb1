"""Subscribers: `/subscribers`, every route (reads too) needing `subscribers.manage`."""

from __future__ import annotations

from typing import Any

from cachetclient.v3.manager import Manager
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
    created_at = timestamp("When it was created", key="created")
    updated_at = timestamp("When it was last changed", key="updated")

    @property
    def components(self) -> list[Any]:
        """The components subscribed to (include `components`)."""
        found = self.related("components")
        return found if isinstance(found, list) else []


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
    includes = (
        "components",
        "componentsCount",
        "componentsExists",
        "meta",
        "metaCount",
        "metaExists",
    )
    create_fields = ("email", "global", "components", "verified", "meta")
    update_fields = ("email", "global", "components", "meta")
