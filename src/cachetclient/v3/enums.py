"""Cachet 3's enumerations, as Python enums whose values are what the API sends."""

from __future__ import annotations

from enum import Enum, IntEnum


class ComponentStatus(IntEnum):
    """A component's status (1-4 as in API v1; 5 and 6 are new, 5 is the create default)."""

    OPERATIONAL = 1
    PERFORMANCE_ISSUES = 2
    PARTIAL_OUTAGE = 3
    MAJOR_OUTAGE = 4
    UNKNOWN = 5
    UNDER_MAINTENANCE = 6


class IncidentStatus(IntEnum):
    """An incident's status; 0 is "Reported", 4 "Fixed" (resolved)."""

    UNKNOWN = 0
    INVESTIGATING = 1
    IDENTIFIED = 2
    WATCHING = 3
    FIXED = 4


class ScheduleStatus(IntEnum):
    """A schedule's status, computed by Cachet from its dates (read-only)."""

    UPCOMING = 0
    IN_PROGRESS = 1
    COMPLETE = 2


class Visibility(IntEnum):
    """Who may read an incident, component group or metric (2 cannot be set by the API)."""

    AUTHENTICATED = 0
    GUEST = 1
    HIDDEN = 2


class GroupCollapse(IntEnum):
    """How the status page shows a component group (its `collapsed` field)."""

    EXPANDED = 0
    COLLAPSED = 1
    COLLAPSED_UNLESS_INCIDENT = 2


class MetricType(IntEnum):
    """How a metric's points are combined (its `calc_type`)."""

    SUM = 0
    AVERAGE = 1


class MetricView(IntEnum):
    """A metric's default chart period (its `default_view`)."""

    LAST_HOUR = 0
    TODAY = 1
    WEEK = 2
    MONTH = 3


class SystemStatus(str, Enum):
    """The overall status `/status` reports (sent by name)."""

    OPERATIONAL = "operational"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"
    UNDER_MAINTENANCE = "under_maintenance"
