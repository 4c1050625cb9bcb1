"""Scheduled maintenance on the status page (2.4 only; 2.3 has no schedules).

A schedule is *ongoing* while it is not complete, has started and has not reached its
`completed_at` (the window in which 2.4 holds back notifications), and *upcoming* while it
is not complete and starts later. Complete ones are only on their own page.
"""

from __future__ import annotations

from dataclasses import dataclass

from cachet_emulator import clock
from cachet_emulator.api_call import ApiCall
from cachet_emulator.resources import schedules
from cachet_emulator.schema import Row

COMPLETE = 2
# Schedule status -> the word the stylesheet colours it by.
STATUS_CLASSES = {0: "upcoming", 1: "in-progress", 2: "complete"}


@dataclass(frozen=True)
class ScheduleView:
    """One maintenance window."""

    id: int
    name: str
    message: str
    status: int
    status_name: str
    scheduled_at: str  # presented, in the Cachet timezone
    completed_at: str | None  # presented; None when not set

    @property
    def status_class(self) -> str:
        """The word the stylesheet colours this status by."""
        return STATUS_CLASSES.get(self.status, "upcoming")


def ongoing(call: ApiCall) -> list[ScheduleView]:
    """Maintenance running now, earliest start first."""
    if call.is_23:
        return []
    now = clock.stored_now()
    rows = call.store.select(
        schedules.TABLE,
        order_by=[("scheduled_at", False)],
        extra_sql='"status" != ? AND "scheduled_at" <= ?'
        ' AND ("completed_at" IS NULL OR "completed_at" > ?)',
        extra_parameters=[COMPLETE, now, now],
    )
    return [_schedule(call, row) for row in rows]


def upcoming(call: ApiCall) -> list[ScheduleView]:
    """Maintenance that starts later, soonest first."""
    if call.is_23:
        return []
    rows = call.store.select(
        schedules.TABLE,
        order_by=[("scheduled_at", False)],
        extra_sql='"status" != ? AND "scheduled_at" > ?',
        extra_parameters=[COMPLETE, clock.stored_now()],
    )
    return [_schedule(call, row) for row in rows]


def one(call: ApiCall, schedule_id: int) -> ScheduleView | None:
    """The schedule with this id, or None (always None in 2.3)."""
    if call.is_23:
        return None
    row = call.store.find(schedules.TABLE, schedule_id)
    return None if row is None else _schedule(call, row)


def _schedule(call: ApiCall, row: Row) -> ScheduleView:
    data = schedules.present(call, row)
    return ScheduleView(
        id=int(data["id"]),
        name=str(data["name"]),
        message=str(data.get("message") or ""),
        status=int(data["status"]),
        status_name=str(data["human_status"]),
        scheduled_at=str(data["scheduled_at"]),
        # The API shows an unset completed_at as "now" (quirk 8); the page says nothing.
        completed_at=None if row["completed_at"] is None else str(data["completed_at"]),
    )
