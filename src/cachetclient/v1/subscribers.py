"""Subscribers: people notified by e-mail of incidents and component changes."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import Any, ClassVar

from cachetclient.base import Manager, Resource
from cachetclient.fields import FLAG, ID_LIST, JSON, TEXT, TIMESTAMP, Codec, Field
from cachetclient.pagination import DEFAULT_PER_PAGE


class Subscriber(Resource):
    """A subscriber. Cachet cannot change one: `update()` raises UnsupportedOperationError."""

    repr_fields: ClassVar[tuple[str, ...]] = ("email",)

    email = Field(TEXT, doc="email address (str)")
    verify_code = Field(TEXT, doc="Auto generated unique verify code (str)")
    is_global = Field(FLAG, key="global", doc="Is the user subscribed to all components? (bool)")
    created_at = Field(TIMESTAMP, doc="When the subscription was created (datetime)")
    updated_at = Field(TIMESTAMP, doc="Last time the subscription was updated (datetime)")
    verified_at = Field(
        TIMESTAMP,
        doc="When the subscription was verified (datetime). Cachet shows the current time "
        "for unverified subscribers, so this is never None on a real server.",
    )
    subscriptions = Field(
        JSON, doc="Raw subscription rows: id, subscriber_id, component_id, timestamps (list)"
    )

    @property
    def component_ids(self) -> list[int]:
        """Ids of the components this subscriber has subscriptions for."""
        rows = self.subscriptions or []
        return [int(row["component_id"]) for row in rows if isinstance(row, dict)]


class SubscriberManager(Manager[Subscriber]):
    """`/subscribers` (listing needs a token; there is no single GET and no PUT)."""

    path: ClassVar[str] = "subscribers"
    resource_class: ClassVar[type[Resource]] = Subscriber
    _create_fields: ClassVar[dict[str, Codec[Any]]] = {
        "email": TEXT,
        "components": ID_LIST,
        "verify": FLAG,
    }

    def create(
        self, *, email: str, components: Iterable[int] | None = None, verify: bool = True
    ) -> Subscriber:
        """Create a subscriber; an existing subscriber with that e-mail is returned unchanged.

        Args:
            email: Email address to subscribe.
            components: The components to subscribe to. If omitted all components are
                subscribed.
            verify: Verification status. If False a verification email is sent to the user.
        """
        values: dict[str, Any] = {"email": email, "components": components, "verify": verify}
        return self._create_in((), values)

    def list(
        self, page: int = 1, per_page: int = DEFAULT_PER_PAGE
    ) -> Generator[Subscriber, None, None]:
        """List all subscribers lazily, page by page (needs a token).

        Args:
            page: The page to start listing.
            per_page: Number of entries per request.
        """
        return self._iterate(self._list_query(page=page, per_page=per_page))

    def count(self) -> int:
        """Count the total number of subscribers (needs a token)."""
        return self._count_matching(self._list_query(page=1, per_page=1))

    def delete(self, subscriber_id: int) -> None:
        """Delete a specific subscriber id (and its subscriptions).

        Raises:
            NotFoundError: (a requests HTTPError) if the subscriber does not exist.
        """
        return self._delete_by_ids((subscriber_id,))
