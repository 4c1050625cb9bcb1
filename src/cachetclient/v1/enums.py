"""Constants for the status values of Cachet resources, and their human labels."""

from __future__ import annotations

from cachetclient.errors import UnknownStatusError

# Component status
COMPONENT_STATUS_UNKNOWN = 0
"""[0] Unknown. Cachet's value for a component created without a status."""
COMPONENT_STATUS_OPERATIONAL = 1
"""[1] Operational. The component is working."""
COMPONENT_STATUS_PERFORMANCE_ISSUES = 2
"""[2] Performance Issues. The component is experiencing some slowness."""
COMPONENT_STATUS_PARTIAL_OUTAGE = 3
"""[3] Partial Outage. The component may not be working for everybody."""
COMPONENT_STATUS_MAJOR_OUTAGE = 4
"""[4] Major Outage. The component is not working for anybody."""

COMPONENT_STATUS_LIST = [
    COMPONENT_STATUS_OPERATIONAL,
    COMPONENT_STATUS_PERFORMANCE_ISSUES,
    COMPONENT_STATUS_PARTIAL_OUTAGE,
    COMPONENT_STATUS_MAJOR_OUTAGE,
]
"""List of all component statuses (`status in enums.COMPONENT_STATUS_LIST`)."""

# Component group collapsed
COMPONENT_GROUP_COLLAPSED_FALSE = 0
"""[0] No"""
COMPONENT_GROUP_COLLAPSED_TRUE = 1
"""[1] Yes"""
COMPONENT_GROUP_COLLAPSED_NOT_OPERATIONAL = 2
"""[2] Component is not Operational"""

COMPONENT_GROUP_COLLAPSED_LIST = [
    COMPONENT_GROUP_COLLAPSED_FALSE,
    COMPONENT_GROUP_COLLAPSED_TRUE,
    COMPONENT_GROUP_COLLAPSED_NOT_OPERATIONAL,
]
"""List of all component group collapsed values."""

# Incident status
INCIDENT_SCHEDULED = 0
"""[0] Scheduled. This status is reserved for a scheduled status."""
INCIDENT_INVESTIGATING = 1
"""[1] Investigating. You have reports of a problem and you're currently looking into them."""
INCIDENT_IDENTIFIED = 2
"""[2] Identified. You've found the issue and you're working on a fix."""
INCIDENT_WATCHING = 3
"""[3] Watching. You've since deployed a fix and you're currently watching the situation."""
INCIDENT_FIXED = 4
"""[4] Fixed. The fix has worked, you're happy to close the incident."""

INCIDENT_STATUS_LIST = [
    INCIDENT_SCHEDULED,
    INCIDENT_INVESTIGATING,
    INCIDENT_IDENTIFIED,
    INCIDENT_WATCHING,
    INCIDENT_FIXED,
]
"""List of all incident statuses."""

# Schedule status
SCHEDULE_STATUS_UPCOMING = 0
"""[0] Upcoming"""
SCHEDULE_STATUS_IN_PROGRESS = 1
"""[1] In progress"""
SCHEDULE_STATUS_COMPLETE = 2
"""[2] Completed"""

SCHEDULE_STATUS_LIST = [
    SCHEDULE_STATUS_UPCOMING,
    SCHEDULE_STATUS_IN_PROGRESS,
    SCHEDULE_STATUS_COMPLETE,
]
"""List of all schedule statuses."""

_COMPONENT_STATUS_HUMAN = {
    COMPONENT_STATUS_UNKNOWN: "Unknown",
    COMPONENT_STATUS_OPERATIONAL: "Operational",
    COMPONENT_STATUS_PERFORMANCE_ISSUES: "Performance Issues",
    COMPONENT_STATUS_PARTIAL_OUTAGE: "Partial Outage",
    COMPONENT_STATUS_MAJOR_OUTAGE: "Major Outage",
}

_INCIDENT_STATUS_HUMAN = {
    INCIDENT_SCHEDULED: "Scheduled",
    INCIDENT_INVESTIGATING: "Investigating",
    INCIDENT_IDENTIFIED: "Identified",
    INCIDENT_WATCHING: "Watching",
    INCIDENT_FIXED: "Fixed",
}

_SCHEDULE_STATUS_HUMAN = {
    SCHEDULE_STATUS_UPCOMING: "Upcoming",
    SCHEDULE_STATUS_IN_PROGRESS: "In Progress",
    SCHEDULE_STATUS_COMPLETE: "Complete",
}


def incident_status_human(status: int) -> str:
    """Get human status from incident status id (`incident_status_human(4)` -> `'Fixed'`).

    Raises:
        UnknownStatusError: (a KeyError, as in the releases, and a ValueError) for a value
            that is not an incident status.
    """
    return _label(_INCIDENT_STATUS_HUMAN, status, "incident status")


def component_status_human(status: int) -> str:
    """Get the human label of a component status (`1` -> `'Operational'`).

    Raises:
        UnknownStatusError: (a KeyError and a ValueError) for any other value.
    """
    return _label(_COMPONENT_STATUS_HUMAN, status, "component status")


def schedule_status_human(status: int) -> str:
    """Get the human label of a schedule status (`1` -> `'In Progress'`).

    Raises:
        UnknownStatusError: (a KeyError and a ValueError) for any other value.
    """
    return _label(_SCHEDULE_STATUS_HUMAN, status, "schedule status")


def _label(labels: dict[int, str], status: int, kind: str) -> str:
    try:
        return labels[status]
    except (KeyError, TypeError):
        raise UnknownStatusError(f"{status!r} is not a {kind} ({sorted(labels)})") from None
