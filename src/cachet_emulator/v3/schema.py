"""Cachet 3's tables (their names prefixed `v3_`, so they never meet Cachet 2's).

Columns and database defaults follow core's migrations; `soft_deletes` marks components,
incidents and schedules. Meta is one polymorphic key/value table, as in Cachet.
"""

from __future__ import annotations

from cachet_emulator.schema import Column, Table

_TIMESTAMPS = (Column("created_at", "TEXT"), Column("updated_at", "TEXT"))
_DELETED_AT = Column("deleted_at", "TEXT")


def _id() -> Column:
    return Column("id", "INTEGER", "int")


def _text(name: str, default: str | None = None) -> Column:
    return Column(name, "TEXT", default=default)


def _int(name: str, default: str | None = None) -> Column:
    return Column(name, "INTEGER", "int", default)


USERS = "v3_users"
TOKENS = "v3_personal_access_tokens"
COMPONENTS = "v3_components"
GROUPS = "v3_component_groups"
INCIDENTS = "v3_incidents"
INCIDENT_COMPONENTS = "v3_incident_components"
UPDATES = "v3_updates"
TEMPLATES = "v3_incident_templates"
METRICS = "v3_metrics"
POINTS = "v3_metric_points"
SCHEDULES = "v3_schedules"
SCHEDULE_COMPONENTS = "v3_schedule_components"
SUBSCRIBERS = "v3_subscribers"
SUBSCRIPTIONS = "v3_subscriptions"
META = "v3_meta"
STATUS_CHANGES = "v3_component_status_changes"

TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table(USERS, (_id(), _text("name"), _text("email"), *_TIMESTAMPS)),
        Table(
            TOKENS,
            (
                _id(),
                _int("tokenable_id"),
                _text("name"),
                _text("token"),
                Column("abilities", "TEXT", "json"),
                _text("last_used_at"),
                _text("expires_at"),
                _int("is_startup", "0"),  # the emulator's own token (not a Sanctum column)
                *_TIMESTAMPS,
            ),
        ),
        Table(
            COMPONENTS,
            (
                _id(),
                _text("name"),
                _text("description"),
                _text("link"),
                _int("status"),
                _int("order"),
                _int("component_group_id"),
                _int("enabled", "1"),
                *_TIMESTAMPS,
                _DELETED_AT,
            ),
            soft_deletes=True,
        ),
        Table(
            GROUPS,
            (
                _id(),
                _text("name"),
                _int("order", "0"),
                _int("collapsed", "1"),
                _int("visible", "0"),
                _text("order_column"),
                _text("order_direction"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            INCIDENTS,
            (
                _id(),
                _text("guid"),
                _int("user_id"),
                _text("name"),
                _int("status"),
                _int("visible", "1"),
                _int("stickied", "0"),
                _int("notifications", "0"),
                _text("message"),
                _text("occurred_at"),
                _text("published_at"),
                *_TIMESTAMPS,
                _DELETED_AT,
            ),
            soft_deletes=True,
        ),
        Table(
            INCIDENT_COMPONENTS,
            (_id(), _int("incident_id"), _int("component_id"), _int("component_status")),
        ),
        Table(
            UPDATES,
            (
                _id(),
                _text("updateable_type"),
                _int("updateable_id"),
                _int("status"),
                _text("message"),
                _int("user_id"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            TEMPLATES,
            (
                _id(),
                _text("name"),
                _text("slug"),
                _text("template"),
                _text("engine", "'twig'"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            METRICS,
            (
                _id(),
                _text("name"),
                _text("suffix"),
                _text("description"),
                Column("default_value", "REAL"),
                _int("calc_type", "0"),
                Column("display_chart", "INTEGER", "bool", "1"),
                _int("places", "2"),
                _int("default_view", "1"),
                _int("threshold", "5"),
                _int("order", "0"),
                _int("visible", "1"),
                Column("show_when_empty", "INTEGER", "bool", "0"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            POINTS,
            (
                _id(),
                _int("metric_id"),
                Column("value", "REAL", "float"),
                _int("counter", "1"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            SCHEDULES,
            (
                _id(),
                _text("name"),
                _text("message"),
                _text("scheduled_at"),
                _text("completed_at"),
                _text("published_at"),
                _int("notifications", "0"),
                *_TIMESTAMPS,
                _DELETED_AT,
            ),
            soft_deletes=True,
        ),
        Table(
            SCHEDULE_COMPONENTS,
            (_id(), _int("schedule_id"), _int("component_id"), _int("component_status")),
        ),
        Table(
            SUBSCRIBERS,
            (
                _id(),
                _text("email"),
                _text("verify_code"),
                _text("email_verified_at"),
                Column("global", "INTEGER", "bool", "1"),
                *_TIMESTAMPS,
            ),
        ),
        Table(SUBSCRIPTIONS, (_id(), _int("subscriber_id"), _int("component_id"))),
        Table(
            META,
            (
                _id(),
                _text("metable_type"),
                _int("metable_id"),
                _text("key"),
                Column("value", "TEXT", "json"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            STATUS_CHANGES,
            (
                _id(),
                _int("component_id"),
                _int("old_status"),
                _int("new_status"),
                _text("source"),
                _int("user_id"),
                *_TIMESTAMPS,
            ),
        ),
    )
}

INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (COMPONENTS, ("component_group_id",)),
    (INCIDENT_COMPONENTS, ("incident_id",)),
    (INCIDENT_COMPONENTS, ("component_id",)),
    (UPDATES, ("updateable_type", "updateable_id")),
    (POINTS, ("metric_id", "created_at DESC", "id")),
    (SCHEDULE_COMPONENTS, ("schedule_id",)),
    (SUBSCRIPTIONS, ("subscriber_id",)),
    (META, ("metable_type", "metable_id")),
    (TOKENS, ("token",)),
)

# Tokens and their user survive a reset of the data, like Cachet 2's users.
KEPT_ON_RESET = frozenset({USERS, TOKENS})
