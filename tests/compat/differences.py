"""THE table of deliberate differences from cachet-client 3.1.1 and 4.0.1.

Each row says what this library does, why (the release crashes, loses data, sends what
Cachet rejects, ...), which releases it differs from, and the scenario steps where it shows
(`tests.compat.rows`). Where the releases disagree with each other, `follows` names the one we
behave like, and the reason says why. `tests/compat/test_releases.py` fails on any difference
not listed here (or in `tests.compat.breaks`, for those that are not deliberate) and on any
listed one that no longer shows. The CHANGELOG and docs/guide/differences.md list this table;
after a change, `python -m tests.compat.differences` prints the list to paste in both.
"""

from __future__ import annotations

from tests.compat.rows import BOTH, LATER_STEPS, Difference, Table, changelog_section

_ASSIGN_STEPS = ("update(tags=['old'])", "get", "update()", "tags on the server")

# fmt: off
DIFFERENCES: Table = (
    Difference(
        ours="`list()` asks for 500 items per page when `per_page` is not given",
        reason="The documented defaults (20; 1 for incidents and metrics) cost one request per "
        "20 items, or per item; the items listed are the same.",
        releases=BOTH,
        shows_in={
            "basic_usage_instances_from_json_and_dict": ("attrs of the listed",),
            "group_crud_through_the_manager": ("list",),
            "component_crud_through_the_manager": ("list",),
            "component_list_pages": ("names, page=9",),
            "component_list_defaults": ("names",),
            "client_wrong_token": ("components.list()",),
            "incident_list_defaults": ("names",),
            "incident_updates_crud": ("list", "incident.updates()"),
            "metric_list_defaults": ("names",),
            "metric_points_crud": ("list", "metric.points()"),
            "metric_points_read_value_and_created_at": ("(value, type(created_at)) of each",),
            "schedule_crud_through_the_manager": ("list",),
            "subscriber_crud": ("list",),
            "script_job_monitor_opens_and_fixes_an_incident": (
                "open on failure", "open again on the next failure (same incident)",
            ),
            "script_cmdb_sync": ("components afterwards",),
            "script_alert_bridge_posts_updates": ("updates",),
            "script_cron_prober_posts_points": ("points",),
            "script_status_updater_walks_groups": ("degrade every component",),
        },
    ),
    Difference(
        ours="`Component.tags` is a slug -> name dict",
        reason="As 4.0.x and the documentation have it; 3.1.1 returned a set of slugs, which "
        "loses the names.",
        releases=("3.1.1",),
        follows="4.0.1",
        shows_in={
            "basic_usage_component_issue": ("create component 1",),
            "basic_usage_group_with_components": (
                "components.create(tags='test, web, something', group_id=group.id)",
                "component tags on the server",
            ),
            "group_components": (
                "create", "create disabled", "enabled_components",
                "component_groups.components.get(1)",
            ),
            "component_crud_through_the_manager": (
                "create", "get", "list", "update(status=, name=)", "get after update",
            ),
            "component_update_through_the_resource": (
                "create", "get", "component.update()", "get after update",
            ),
            "component_delete_through_the_resource": ("create",),
            "component_update_passing_none": (
                "create",
                "update(status=2, description=None, link=None, name=None, enabled=None)", "get",
            ),
            "component_string_ids": ("create", "get('1')", "update('1', status='2')", "get(1)"),
            "component_list_pages": ("create",),
            "component_list_defaults": ("create",),
            "component_tags_created_from_a_string": ("create(tags='a, b')", "tags on the server"),
            "component_tags_updated_through_the_manager": (
                "create", "update(tags=['old'])", "update(tags=['New One', 'two'])",
                "tags on the server",
            ),
            "component_tags_edited_with_the_helpers": (
                "create", "update(tags=['one', 'Two'])", "get",
            ),
            "component_tags_replaced_with_set_tags": ("create", "update(tags=['one'])", "get"),
            "component_tags_cleared_with_set_tags": ("create", "update(tags=['one'])", "get"),
            "component_tags_assigned_a_list": ("create", *_ASSIGN_STEPS),
            "component_tags_assigned_a_dict": ("create", *_ASSIGN_STEPS),
            "component_tags_assigned_a_string": ("create", *_ASSIGN_STEPS),
            "component_in_a_group": ("create", "get", "update() out of the group"),
            "incident_crud_through_the_manager": ("create component",),
            "subscriber_to_some_components": ("create component",),
            "script_job_monitor_opens_and_fixes_an_incident": ("create component",),
            "script_cmdb_sync": ("create",),
            "script_monitoring_handler_sets_a_status_from_arguments": ("create", "get(argv[1])"),
            "script_cron_prober_posts_points": ("create component", "mark operational"),
            "script_status_updater_walks_groups": ("create",),
            "resources_printed": ("create component",),
        },
    ),
    Difference(
        ours="`Subscriber.is_global` is `None` when Cachet does not send `global`",
        reason="Cachet 2.4 sends no `global` field; both releases raise KeyError on reading it.",
        releases=BOTH,
        shows_in={
            "basic_usage_subscriber_without_verification": ("subscribers.create(verify=False)",),
            "basic_usage_list_subscribers_paginated": ("create",),
            "basic_usage_instances_from_json_and_dict": ("create",),
            "subscriber_crud": ("create",),
            "subscriber_to_some_components": ("create(components=[1], verify=True)",),
            "subscriber_resource_update_and_delete": ("create",),
            "subscriber_string_id": ("create",),
            "resources_printed": ("create subscriber",),
        },
    ),
    Difference(
        ours="`ComponentManager.update` keeps `enabled` when it is not given",
        reason="It reads the component first (one GET) and sends its current value: Cachet 2.3 "
        "re-enables a disabled component whose update leaves `enabled` out, and the releases "
        "let that happen.",
        releases=BOTH,
        shows_in={
            "component_crud_through_the_manager": ("update(status=, name=)",),
            "component_update_passing_none": (
                "update(status=2, description=None, link=None, name=None, enabled=None)",
            ),
            "component_string_ids": ("update('1', status='2')",),
            "component_tags_updated_through_the_manager": (
                "update(tags=['old'])", "update(tags=['New One', 'two'])",
            ),
            "component_tags_edited_with_the_helpers": ("update(tags=['one', 'Two'])",),
            "component_tags_replaced_with_set_tags": ("update(tags=['one'])",),
            "component_tags_cleared_with_set_tags": ("update(tags=['one'])",),
            "component_tags_assigned_a_list": ("update(tags=['old'])",),
            "component_tags_assigned_a_dict": ("update(tags=['old'])",),
            "component_tags_assigned_a_string": ("update(tags=['old'])",),
            "script_cmdb_sync": ("sync",),
            "script_cron_prober_posts_points": ("mark operational",),
            "script_status_updater_walks_groups": ("degrade every component",),
        },
    ),
    Difference(
        ours="`Resource.update()` sends only the fields changed since the resource was read",
        reason="Plus the fields Cachet resets when left out. The releases send every field they "
        "hold, so a change made by someone else in between is overwritten; 3.1.1 also sends an "
        "incident's `component_id` without its `component_status` (Cachet answers 400), and "
        "both send schedule dates with seconds (Cachet answers 500).",
        releases=BOTH,
        shows_in={
            "component_update_through_the_resource": ("component.update()",),
            "component_in_a_group": ("update() out of the group",),
            "component_tags_edited_with_the_helpers": ("update()",),
            "component_tags_replaced_with_set_tags": ("update()",),
            "component_tags_cleared_with_set_tags": ("update()",),
            "component_tags_assigned_a_list": ("update()",),
            "component_tags_assigned_a_dict": ("update()",),
            "component_tags_assigned_a_string": ("update()",),
            "incident_update_through_the_resource": ("incident.update()", LATER_STEPS),
            "schedule_update_through_the_resource": ("schedule.update()", LATER_STEPS),
            "script_monitoring_handler_sets_a_status_from_arguments": ("component.update()",),
        },
    ),
    Difference(
        ours="`Component.update()` works on a component without tags",
        reason="4.0.1 raises AttributeError: Cachet sends `[]` for no tags, and 4.0.1 calls "
        "`.values()` on it.",
        releases=("4.0.1",),
        follows="3.1.1",
        shows_in={
            "component_update_through_the_resource": ("component.update()", "get after update"),
            "component_in_a_group": ("update() out of the group", "group_id on the server"),
            "script_monitoring_handler_sets_a_status_from_arguments": (
                "component.update()", LATER_STEPS,
            ),
        },
    ),
    Difference(
        ours="`tags` may be a comma-separated string, as in the documentation's example",
        reason="4.0.1 raises ValueError for the Basic Usage example itself "
        "(`tags=\"test, web, something\"`).",
        releases=("4.0.1",),
        follows="3.1.1",
        shows_in={
            "basic_usage_group_with_components": (
                "components.create(tags='test, web, something', group_id=group.id)",
                "component tags on the server",
            ),
            "component_tags_created_from_a_string": ("create(tags='a, b')", "tags on the server"),
        },
    ),
    Difference(
        ours="`ComponentManager.create(tags=...)` takes any iterable of names",
        reason="3.1.1 sends a list as a JSON array, which Cachet rejects (400), and cannot send "
        "a set (TypeError).",
        releases=("3.1.1",),
        follows="4.0.1",
        shows_in={
            "component_tags_created_from_a_list": (
                "create(tags=['Test Tag', 'Another'])", LATER_STEPS,
            ),
            "component_tags_created_from_a_set": ("create(tags={'web'})", "tags on the server"),
        },
    ),
    Difference(
        ours="Components have the documented tag helpers",
        reason="`add_tags`, `set_tags`, `tag_names`, `tag_slugs` and `del_tag`/`has_tag` by slug, "
        "as in 4.0.x and the documentation; 3.1.1 did not have them (AttributeError).",
        releases=("3.1.1",),
        follows="4.0.1",
        shows_in={
            "component_tags_edited_with_the_helpers": ("add_tags(['four'])", LATER_STEPS),
            "component_tags_replaced_with_set_tags": ("set_tags(['x', 'Y z'])", LATER_STEPS),
            "component_tags_cleared_with_set_tags": ("set_tags([])", LATER_STEPS),
        },
    ),
    Difference(
        ours="`Component.tags` can be assigned a dict (slug -> name), names, or a "
        "comma-separated string, and `update()` sends the names",
        reason="4.0.1 has no setter (AttributeError); 3.1.1 sends a dict's slugs as the names "
        "and splits a string into single characters.",
        releases=BOTH,
        shows_in={
            "component_tags_assigned_a_list": (
                "tags = ['web', 'Api Tag']", "update()", "tags on the server",
            ),
            "component_tags_assigned_a_dict": (
                "tags = {'web': 'Web'}", "update()", "tags on the server",
            ),
            "component_tags_assigned_a_string": (
                "tags = 'web, api'", "update()", "tags on the server",
            ),
        },
    ),
    Difference(
        ours="Arguments of the wrong type raise TypeError before anything is sent",
        reason="The releases send them as given and Cachet's PHP casts store something else: "
        "`enabled=\"false\"` makes an enabled component.",
        releases=BOTH,
        shows_in={
            "component_enabled_given_as_text": ("create(enabled='false')", "enabled on the server"),
        },
    ),
    Difference(
        ours="`create()` takes a component or schedule status given as decimal text",
        reason="Ids and statuses arrive as text from argument parsers and configuration "
        "files; Cachet and both releases' `update()` take them, but both releases' `create()` "
        "raised ValueError (their enum check compares with integers).",
        releases=BOTH,
        shows_in={
            "component_create_with_a_text_status": ("create(status='2')",),
            "schedule_create_with_a_text_status": ("create(status='0')",),
        },
    ),
    Difference(
        ours="`ComponentGroupManager.update` keeps `order` and `visible` when they are not given",
        reason="The releases send `visible=0` and Cachet then resets `order` too: renaming a "
        "group hid it and moved it.",
        releases=BOTH,
        shows_in={"group_update_of_the_name_only": ("update(name='G2')", "get")},
    ),
    Difference(
        ours="`IncidentManager.update` keeps `visible` and `stickied` when they are not given",
        reason="It reads the incident first (one GET) and resends them: 4.0.1 sends "
        "`stickied=0` on every update, unsticking the incident, and Cachet resets both when "
        "they are left out.",
        releases=BOTH,
        shows_in={
            "incident_crud_through_the_manager": ("update(name, message, status, visible)",),
            "incident_update_passing_none": (
                "update(name, message, status, visible=False, component_id=None, template=None)",
            ),
            "incident_stickied": ("update(name, message, status, visible)",
                                  "stickied after update"),
            "incident_string_ids": ("update('1', status='4', ...)",),
            "script_job_monitor_opens_and_fixes_an_incident": ("fix",),
        },
    ),
    Difference(
        ours="Updates need only the fields that change",
        reason="Both releases raise ValueError from `IncidentManager.update` unless `name`, "
        "`message`, `status` and `visible` are all given, and TypeError from "
        "`ComponentGroupManager.update` without `name` and `ScheduleManager.update` without "
        "`name` and `status`.",
        releases=BOTH,
        shows_in={
            "incident_update_of_the_status_only": ("update(status=4)", "get"),
            "group_update_without_a_name": ("update(order=3)", "get"),
            "schedule_update_of_the_message_only": ("update(message='Later')", "get"),
        },
    ),
    Difference(
        ours="Incidents have `stickied`",
        reason="As 4.0.x documents it (sent on create, `False` by default); 3.1.1 predates it: "
        "`create(stickied=True)` raises TypeError.",
        releases=("3.1.1",),
        follows="4.0.1",
        shows_in={
            "incident_stickied": ("create(stickied=True)", LATER_STEPS),
            "basic_usage_component_issue": (
                "incidents.create(component_id=1, component_status=MAJOR_OUTAGE)",
            ),
            "incident_crud_through_the_manager": ("create",),
            "incident_update_of_the_status_only": ("create",),
            "incident_update_passing_none": ("create",),
            "incident_update_through_the_resource": ("create",),
            "incident_created_at_compared_with_utcnow": ("create",),
            "incident_string_ids": ("create",),
            "incident_list_defaults": ("create",),
            "incident_updates_crud": ("create incident",),
            "incident_update_resource_update_and_delete": ("create incident",),
            "incident_update_message_only": ("create incident",),
            "script_job_monitor_opens_and_fixes_an_incident": ("open on failure",),
            "script_alert_bridge_posts_updates": ("alert fires",),
            "incident_update_string_ids": ("create incident",),
        },
    ),
    Difference(
        ours="`occurred_at` is sent to the minute",
        reason="4.0.1 sends seconds, which Cachet answers with 500; 3.1.1 has no `occurred_at` "
        "(TypeError).",
        releases=BOTH,
        shows_in={"incident_occurred_at_round_trip": ("create(occurred_at=...)", LATER_STEPS)},
    ),
    Difference(
        ours="`Metric.update()`, `MetricPoint.update()` and `MetricPoint.delete()` work",
        reason="In both releases they crash: the managers have no `update` (AttributeError), "
        "and `MetricPoint.delete()` leaves out the metric id (TypeError).",
        releases=BOTH,
        shows_in={
            "metric_update_through_the_resource": ("metric.update()", LATER_STEPS),
            "metric_point_update_and_delete_through_the_resource": ("point.delete()", LATER_STEPS),
        },
    ),
    Difference(
        ours="`ScheduleManager.update(scheduled_at=...)` takes a datetime",
        reason="Both releases put the datetime object itself in the JSON body and crash "
        "(TypeError).",
        releases=BOTH,
        shows_in={
            "schedule_scheduled_at_sent_back": (
                "update(scheduled_at=schedule.scheduled_at)", "scheduled_at after update",
            ),
        },
    ),
    Difference(
        ours="`ScheduleManager.create(notify=True)` asks Cachet to e-mail the subscribers",
        reason="As documented (\"Notify subscribers\"); both releases send `notify=0` whatever "
        "`notify` says. Without it nobody is notified, as with the releases.",
        releases=BOTH,
        shows_in={"schedule_create_asking_to_notify": ("create(notify=True)",)},
    ),
    Difference(
        ours="`ScheduleManager.create` without `scheduled_at` schedules for now",
        reason="The documentation makes it optional but Cachet requires it: 3.1.1 crashes "
        "(AttributeError) and 4.0.1 gets a 400.",
        releases=BOTH,
        shows_in={"schedule_create_without_scheduled_at": ("create(name, status)",)},
    ),
    Difference(
        ours="`repr()` of a resource is `<Component id=1 name='API'>`",
        reason="The releases' `repr()` is the whole data dict, unreadable in a traceback or a "
        "debugger.",
        releases=BOTH,
        shows_in={"resources_printed": ("repr(component)",)},
    ),
    Difference(
        ours="`Subscriber.update()` raises `UnsupportedOperationError`",
        reason="Cachet has no endpoint to change a subscriber; the releases fail with "
        "AttributeError.",
        releases=BOTH,
        shows_in={"subscriber_resource_update_and_delete": ("subscriber.update()",)},
    ),
)
# fmt: on


if __name__ == "__main__":
    print(changelog_section(DIFFERENCES), end="")
