"""Incidents: problems reported on the status page, optionally tied to a component."""

from __future__ import annotations

from collections.abc import Generator
from typing import TYPE_CHECKING, Any, ClassVar

from cachetclient.base import Manager, Resource
from cachetclient.fields import (
    DAY_FIRST_MINUTE_DATE,
    FLAG,
    FLAG_AS_INTEGER,
    INTEGER,
    JSON,
    MINUTE_DATE,
    TEXT,
    TIMESTAMP,
    Codec,
    DateInput,
    Field,
)
from cachetclient.pagination import DEFAULT_PER_PAGE
from cachetclient.v1.incident_updates import IncidentUpdate, IncidentUpdatesManager

if TYPE_CHECKING:
    from cachetclient.httpclient import HttpClient


class Incident(Resource):
    """An incident."""

    user_id = Field(INTEGER, doc="The user whose token created the incident (int or None)")
    component_id = Field(INTEGER, writable=True, doc="Get or set component id (int)")
    name = Field(TEXT, writable=True, doc="Get or set name/title of the incident (str)")
    message = Field(TEXT, writable=True, doc="Get or set message (str)")
    notify = Field(FLAG, writable=True, doc="Get or set notification flag (bool)")
    status = Field(INTEGER, writable=True, doc="Get or set status. See enums (int)")
    human_status = Field(TEXT, doc="Human representation of the status (str)")
    visible = Field(FLAG_AS_INTEGER, writable=True, doc="Get or set visibility (bool)")
    stickied = Field(FLAG, writable=True, doc="Get or set sticky value (bool, cachet 2.4)")
    scheduled_at = Field(TIMESTAMP, doc="Scheduled time (datetime, cachet 2.3)")
    created_at = Field(TIMESTAMP, doc="When the issue was created (datetime)")
    occurred_at = Field(TIMESTAMP, writable=True, doc="When the issue occurred (datetime, 2.4)")
    updated_at = Field(TIMESTAMP, doc="Last time the issue was updated (datetime)")
    deleted_at = Field(TIMESTAMP, doc="When the issue was deleted (datetime or None)")
    is_resolved = Field(FLAG, doc="Is the latest status Fixed? (bool, 2.4)")
    latest_status = Field(INTEGER, doc="Status of the newest update, else the status (int)")
    latest_human_status = Field(TEXT, doc="Label of latest_status (str)")
    latest_update_id = Field(INTEGER, doc="Id of the newest update (int or None)")
    permalink = Field(TEXT, doc="URL of the incident page (str)")

    @property
    def meta(self) -> dict[str, Any]:
        """The incident's meta key -> value map (Cachet sends `[]` when empty; read as `{}`)."""
        raw = self.attrs.get("meta")
        return dict(raw) if isinstance(raw, dict) else {}

    def updates(self) -> Generator[IncidentUpdate, None, None]:
        """Incident updates for this incident, newest first (a request per page)."""
        manager = self._manager
        if not isinstance(manager, IncidentManager):
            raise TypeError("this incident is not bound to an IncidentManager")
        return manager.incident_update_manager.list(self._require_id())


_UPDATE_FIELDS: dict[str, Codec[Any]] = {
    "name": TEXT,
    "message": TEXT,
    "status": INTEGER,
    "visible": FLAG_AS_INTEGER,
    "stickied": FLAG,
    "component_id": INTEGER,
    "component_status": INTEGER,
    "notify": FLAG,
    "occurred_at": MINUTE_DATE,
    "template": TEXT,
    "template_vars": JSON,
}


class IncidentManager(Manager[Incident]):
    """`/incidents`."""

    path: ClassVar[str] = "incidents"
    resource_class: ClassVar[type[Resource]] = Incident
    create_fields: ClassVar[dict[str, Codec[Any]]] = {
        **_UPDATE_FIELDS,
        "created_at": DAY_FIRST_MINUTE_DATE,
        "meta": JSON,
    }
    update_fields: ClassVar[dict[str, Codec[Any]] | None] = _UPDATE_FIELDS
    wire_names: ClassVar[dict[str, str]] = {"template_vars": "vars"}
    # Cachet makes an incident public and unsticks it when an update omits these.
    reset_on_omit: ClassVar[tuple[str, ...]] = ("visible", "stickied")
    searchable: ClassVar[tuple[str, ...]] = (
        "id",
        "user_id",
        "component_id",
        "name",
        "status",
        "visible",
        "stickied",
    )
    sortable: ClassVar[tuple[str, ...]] = (
        "id",
        "user_id",
        "name",
        "status",
        "visible",
        "stickied",
        "message",
        "occurred_at",
    )

    def __init__(
        self, http_client: HttpClient, incident_update_manager: IncidentUpdatesManager
    ) -> None:
        """Manager initializer.

        Args:
            http_client: The httpclient.
            incident_update_manager: Lists the updates of an incident.
        """
        super().__init__(http_client)
        self.incident_update_manager = incident_update_manager

    def create(
        self,
        *,
        name: str,
        message: str,
        status: int,
        visible: bool = True,
        stickied: bool = False,
        component_id: int | None = None,
        component_status: int | None = None,
        notify: bool = True,
        created_at: DateInput | None = None,
        occurred_at: DateInput | None = None,
        template: str | None = None,
        template_vars: dict[str, Any] | list[Any] | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Incident:
        """Create a general incident, or one for a component (give `component_id` and
        `component_status` together).

        Args:
            name: Name/title of the incident.
            message: Message body (replaced by the template when `template` names one).
            status: Status of the incident (see enums).
            visible: Publicly visible incident.
            stickied: Stickied incident.
            component_id: The component to update.
            component_status: The status to apply on the component.
            notify: If subscribers should be notified.
            created_at: When the incident was created (cachet 2.3).
            occurred_at: When the incident occurred (cachet 2.4); sent to the minute.
            template: Slug of an incident template to render the message with.
            template_vars: Variables for the template (a dict).
            meta: Key -> value pairs stored with the incident (cachet 2.4).
        """
        values: dict[str, Any] = dict(name=name, message=message, status=status, visible=visible)
        values.update(stickied=stickied, component_id=component_id)
        values.update(component_status=component_status, notify=notify, created_at=created_at)
        values.update(occurred_at=occurred_at, template=template, template_vars=template_vars)
        values.update(meta=meta)
        return self.create_in((), values)

    def update(
        self,
        incident_id: int,
        name: str | None = None,
        message: str | None = None,
        status: int | None = None,
        visible: bool | None = None,
        stickied: bool | None = None,
        component_id: int | None = None,
        component_status: int | None = None,
        notify: bool | None = None,
        occurred_at: DateInput | None = None,
        template: str | None = None,
        template_vars: dict[str, Any] | list[Any] | None = None,
        **kwargs: Any,
    ) -> Incident:
        """Update an incident; fields left at `None` keep their value.

        Cachet makes an incident public and unsticks it when `visible`/`stickied` are
        omitted; the client fetches and resends their current values when not given.
        """
        values: dict[str, Any] = dict(name=name, message=message, status=status, visible=visible)
        values.update(stickied=stickied, component_id=component_id)
        values.update(component_status=component_status, notify=notify, occurred_at=occurred_at)
        values.update(template=template, template_vars=template_vars)
        return self.update_by_ids((incident_id,), values, kwargs)

    def list(
        self,
        page: int = 1,
        per_page: int = DEFAULT_PER_PAGE,
        *,
        id: int | None = None,
        user_id: int | None = None,
        component_id: int | None = None,
        name: str | None = None,
        status: int | None = None,
        visible: bool | None = None,
        stickied: bool | None = None,
        sort: str | None = None,
        order: str | None = None,
    ) -> Generator[Incident, None, None]:
        """List incidents lazily, optionally filtered and sorted.

        Args:
            page: Page to start on.
            per_page: Entries per request.
            id, user_id, component_id, name, status, visible, stickied: equality filters.
            sort: a column of `IncidentManager.sortable`.
            order: `asc` (default) or `desc`.
        """
        filters = dict(id=id, user_id=user_id, component_id=component_id, name=name)
        filters.update(status=status, visible=visible, stickied=stickied)
        query = self.list_query(
            page=page, per_page=per_page, filters=filters, sort=sort, order=order
        )
        return self.iterate(query)

    def count(
        self,
        *,
        id: int | None = None,
        user_id: int | None = None,
        component_id: int | None = None,
        name: str | None = None,
        status: int | None = None,
        visible: bool | None = None,
        stickied: bool | None = None,
    ) -> int:
        """Count the number of incidents (matching the filters)."""
        filters = dict(id=id, user_id=user_id, component_id=component_id, name=name)
        filters.update(status=status, visible=visible, stickied=stickied)
        return self.count_matching(self.list_query(page=1, per_page=1, filters=filters))

    def get(self, incident_id: int) -> Incident:
        """Get a single incident.

        Raises:
            NotFoundError: (a requests HTTPError) if the incident does not exist.
        """
        return self.get_by_ids((incident_id,))

    def delete(self, incident_id: int) -> None:
        """Delete an incident."""
        return self.delete_by_ids((incident_id,))
