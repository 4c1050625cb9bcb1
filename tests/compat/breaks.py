"""Differences from the releases that are not deliberate: the library has to change.

Rows (`tests.compat.rows`) as in `tests.compat.differences`: what this library does now, why
it breaks code written for the releases, and where it shows. The scenario tests let these
steps differ, so that the rest of each scenario stays checked; `test_releases.py` has one
strict expected failure per row, which passes (and so fails the suite) once the library is
fixed: then the row goes. Never a place for a deliberate difference.
"""

from __future__ import annotations

from tests.compat.rows import BOTH, Difference, Table

# fmt: off
BREAKS: Table = (
    Difference(
        ours="A component or schedule status outside the enums is sent, and Cachet answers 400",
        reason="Both releases raise ValueError before sending anything; code that catches "
        "ValueError now gets an HTTPError.",
        releases=BOTH,
        shows_in={
            "component_invalid_status": ("create(status=99)",),
            "schedule_create_with_an_invalid_status": ("create(status=7)",),
        },
    ),
    Difference(
        ours="`enums.incident_status_human()` raises ValueError for an unknown status",
        reason="Both releases raise KeyError, so `except KeyError` no longer catches it (an "
        "error that is both would suit both).",
        releases=BOTH,
        shows_in={"incident_status_human_of_an_unknown_status": ("incident_status_human(99)",)},
    ),
    Difference(
        ours="`ScheduleManager.create` sends `notify=1` unless told otherwise",
        reason="Both releases always send `notify=0` (they ignore the argument), so code that "
        "created schedules quietly now has Cachet notify every subscriber.",
        releases=BOTH,
        shows_in={
            "schedule_crud_through_the_manager": ("create",),
            "schedule_datetimes_compared": ("create",),
            "schedule_scheduled_at_sent_back": ("create",),
            "schedule_update_passing_none": ("create",),
            "schedule_update_through_the_resource": ("create",),
            "schedule_update_of_the_message_only": ("create",),
            "datetimes_in_the_cachet_timezone": ("create",),
            "schedule_string_ids": ("create",),
        },
    ),
    Difference(
        ours="Clearing every tag (`set_tags([])` then `update()`) raises ValueError",
        reason="4.0.1 sends no tags and carries on (Cachet keeps them); code that did this now "
        "stops with an exception.",
        releases=("4.0.1",),
        shows_in={"component_tags_cleared_with_set_tags": ("update()", "tags on the server")},
    ),
    Difference(
        ours="`add_tag()` keys a new tag by the slug Cachet will give it",
        reason="4.0.1 and its documentation key it by the name until the component is read "
        "again, so `component.tags` and `has_tag(slug=...)` answer differently meanwhile.",
        releases=("4.0.1",),
        shows_in={"component_tags_edited_with_the_helpers": ("tags before update",)},
    ),
    Difference(
        ours="`str()` of a resource is its short `repr()`",
        reason="Both releases' `str()` is the resource's data (a dict; `<Subscriber 1: email>` "
        "for subscribers), so scripts that print or log resources now show less.",
        releases=BOTH,
        shows_in={"resources_printed": ("str(component)", "str(subscriber)")},
    ),
)
# fmt: on
