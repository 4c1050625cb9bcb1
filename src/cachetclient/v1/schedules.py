"""Schedules: planned maintenance windows (2.4)."""

from __future__ import annotations

from collections.abc import Generator
from datetime import datetime, timezone
from typing import Any, ClassVar

from cachetclient.base import Manager, Resource
from cachetclient.clear import Clear
from cachetclient.fields import (
    FLAG,
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


class Schedule(Resource):
    """A scheduled maintenance."""

    name = Field(TEXT, writable=True, doc="Name of the scheduled event (str)")
    message = Field(TEXT, writable=True, doc="Message string (str)")
    status = Field(INTEGER, writable=True, doc="Status of the scheduled event (int, see enums)")
    human_status = Field(TEXT, doc="Label of the status (str)")
    scheduled_at = Field(TIMESTAMP, writable=True, doc="When the event is scheduled for")
    completed_at = Field(
        TIMESTAMP,
        writable=True,
        doc="When the event is completed (datetime; Cachet shows the current time when unset)",
    )
    created_at = Field(TIMESTAMP, doc="When the schedule was created (datetime)")
    updated_at = Field(TIMESTAMP, doc="Last time the schedule was updated (datetime)")
    components = Field(JSON, doc="Raw schedule-component rows (list)")


_FIELDS: dict[str, Codec[Any]] = {
    "name": TEXT,
    "status": INTEGER,
    "message": TEXT,
    "scheduled_at": MINUTE_DATE,
    "completed_at": MINUTE_DATE,
    "notify": FLAG,
}


class ScheduleManager(Manager[Schedule]):
    """`/schedules`."""

    path: ClassVar[str] = "schedules"
    resource_class: ClassVar[type[Resource]] = Schedule
    create_fields: ClassVar[dict[str, Codec[Any]]] = _FIELDS
    update_fields: ClassVar[dict[str, Codec[Any]] | None] = _FIELDS
    clear_values: ClassVar[dict[str, Any]] = {"message": ""}
    sortable: ClassVar[tuple[str, ...]] = (
        "id",
        "name",
        "status",
        "scheduled_at",
        "completed_at",
        "created_at",
        "updated_at",
    )

    def create(
        self,
        *,
        name: str,
        status: int,
        message: str | None = None,
        scheduled_at: DateInput | None = None,
        completed_at: DateInput | None = None,
        notify: bool = True,
    ) -> Schedule:
        """Create a schedule.

        Args:
            name: Name of the scheduled event.
            status: Schedule status. See enums.
            message: Message string.
            scheduled_at: When the event starts (Cachet requires it: now when not given).
            completed_at: When the event ends.
            notify: Notify subscribers.
        """
        if scheduled_at is None:
            scheduled_at = datetime.now(timezone.utc)
        values: dict[str, Any] = dict(
            name=name, status=status, message=message, scheduled_at=scheduled_at
        )
        values.update(completed_at=completed_at, notify=notify)
        return self.create_in((), values)

    def update(
        self,
        schedule_id: int,
        *,
        name: str | None = None,
        status: int | None = None,
        message: str | Clear | None = None,
        scheduled_at: DateInput | None = None,
        completed_at: DateInput | None = None,
        **kwargs: Any,
    ) -> Schedule:
        """Update a schedule by id; fields left at `None` keep their value.

        Args:
            schedule_id: The schedule to update.
            name: New name.
            status: Status of the schedule (see enums).
            message: New message (`CLEAR` empties it).
            scheduled_at: New start (sent to the minute).
            completed_at: New end (Cachet cannot clear it).
        """
        values: dict[str, Any] = dict(
            name=name, status=status, message=message, scheduled_at=scheduled_at
        )
        values.update(completed_at=completed_at)
        return self.update_by_ids((schedule_id,), values, kwargs)

    def list(
        self,
        page: int = 1,
        per_page: int = DEFAULT_PER_PAGE,
        *,
        sort: str | None = None,
        order: str | None = None,
    ) -> Generator[Schedule, None, None]:
        """List all schedules lazily, optionally sorted.

        Args:
            page: The page to start listing.
            per_page: Number of entries per request.
            sort: a column of `ScheduleManager.sortable`.
            order: `asc` (default) or `desc`.
        """
        query = self.list_query(page=page, per_page=per_page, sort=sort, order=order)
        return self.iterate(query)

    def get(self, schedule_id: int) -> Schedule:
        """Get a schedule by id.

        Raises:
            NotFoundError: (a requests HTTPError) if not found.
        """
        return self.get_by_ids((schedule_id,))

    def delete(self, schedule_id: int) -> None:
        """Delete a schedule.

        Raises:
            NotFoundError: (a requests HTTPError) if the schedule does not exist.
        """
        return self.delete_by_ids((schedule_id,))

    def count(self) -> int:
        """Count the total number of scheduled events."""
        return self.count_matching(self.list_query(page=1, per_page=1))
