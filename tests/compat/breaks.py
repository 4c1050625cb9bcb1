"""Differences from the releases that are not deliberate: the library has to change.

Each scenario here is an expected failure of `test_releases.py` (strict: once the library is
fixed, the entry must go). Never a place for a deliberate difference; those are in
`tests.compat.differences`.
"""

from __future__ import annotations

LIBRARY_BREAKS = {
    "component_invalid_status": "both releases raise ValueError for a status outside "
    "COMPONENT_STATUS_LIST before sending; this library sends it and gets a 400",
    "schedule_create_with_an_invalid_status": "both releases raise ValueError for a status "
    "outside SCHEDULE_STATUS_LIST before sending; this library sends it and gets a 400",
    "incident_status_human_of_an_unknown_status": "both releases raise KeyError; this library "
    "raises ValueError, which `except KeyError` does not catch",
}
