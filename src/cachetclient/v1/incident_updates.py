"""Incident updates: the timeline of status changes and messages of one incident (2.4)."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, ClassVar

from cachetclient.base import Id, Manager, Resource
from cachetclient.fields import INTEGER, TEXT, TIMESTAMP, Codec, Field
from cachetclient.pagination import DEFAULT_PER_PAGE


class IncidentUpdate(Resource):
    """An update of an incident."""

    parent_id_field: ClassVar[str] = "incident_id"
    repr_fields: ClassVar[tuple[str, ...]] = ("incident_id", "status")

    incident_id = Field(INTEGER, doc="The incident id this update belongs to (int)")
    status = Field(INTEGER, writable=True, doc="Get or set incident status. See enums (int)")
    message = Field(TEXT, writable=True, doc="Get or set message (str)")
    user_id = Field(INTEGER, doc="The user id creating the update (int)")
    created_at = Field(TIMESTAMP, doc="When the resource was created (datetime)")
    updated_at = Field(TIMESTAMP, doc="When the resource was last updated (datetime)")
    human_status = Field(TEXT, doc="Human readable status (str)")
    permalink = Field(TEXT, doc="Permanent url to the incident update (str)")


_FIELDS: dict[str, Codec[Any]] = {"status": INTEGER, "message": TEXT}


class IncidentUpdatesManager(Manager[IncidentUpdate]):
    """`/incidents/{incident}/updates` (always newest first: Cachet has no other order)."""

    path: ClassVar[str] = "incidents/{}/updates"
    resource_class: ClassVar[type[Resource]] = IncidentUpdate
    _create_fields: ClassVar[dict[str, Codec[Any]]] = _FIELDS
    _update_fields: ClassVar[dict[str, Codec[Any]] | None] = _FIELDS

    def create(self, *, incident_id: Id, status: int, message: str) -> IncidentUpdate:
        """Create an incident update; Cachet sets the incident's status to `status`.

        Args:
            incident_id: The incident to update.
            status: New status id (1-4).
            message: Update message.
        """
        return self._create_in((incident_id,), {"status": status, "message": message})

    def update(
        self,
        *,
        id: Id,
        incident_id: Id,
        status: int | None = None,
        message: str | None = None,
        **kwargs: Any,
    ) -> IncidentUpdate:
        """Update an incident update (the incident's own status is not changed).

        Args:
            id: The incident update id to update.
            incident_id: The incident.
            status: New status id.
            message: New message.
        """
        values: dict[str, Any] = {"status": status, "message": message}
        return self._update_by_ids((incident_id, id), values, kwargs)

    def count(self, incident_id: Id) -> int:
        """Count the number of updates of an incident."""
        return self._count_matching(self._list_query((incident_id,), page=1, per_page=1))

    def list(
        self, incident_id: Id, page: int = 1, per_page: int = DEFAULT_PER_PAGE
    ) -> Generator[IncidentUpdate, None, None]:
        """List the updates of an incident lazily, newest first.

        Args:
            incident_id: The incident to list updates of.
            page: The first page to request.
            per_page: Entries per request.
        """
        return self._iterate(self._list_query((incident_id,), page=page, per_page=per_page))

    def get(self, incident_id: Id, update_id: Id) -> IncidentUpdate:
        """Get an incident update.

        Raises:
            NotFoundError: if the incident or the update does not exist.
        """
        return self._get_by_ids((incident_id, update_id))

    def delete(self, incident_id: Id, update_id: Id) -> None:
        """Delete an incident update."""
        return self._delete_by_ids((incident_id, update_id))
