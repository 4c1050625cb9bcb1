"""Cachet's tables as data: columns in Cachet's order, their SQL affinity and Eloquent cast.

The column order decides the key order of GET/PUT responses (spec 2.7); `soft_deletes` marks
tables whose rows get a `deleted_at` instead of being removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One column: SQL affinity and the Eloquent cast applied when presenting it."""

    name: str
    sql: str  # "INTEGER", "TEXT" (compared like MySQL's utf8mb4_unicode_ci) or "REAL"
    cast: str | None = None  # "int", "bool", "float", "json" or None (raw)
    default: str | None = None  # SQL default when an insert leaves the column out


@dataclass(frozen=True)
class Table:
    """A table in Cachet's column order; `soft_deletes` when rows get a `deleted_at` instead."""

    name: str
    columns: tuple[Column, ...]
    soft_deletes: bool = False
    _by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {column.name: column for column in self.columns})

    def column(self, name: str) -> Column | None:
        """The column called `name`, or None."""
        return self._by_name.get(name)


def _id() -> Column:
    return Column("id", "INTEGER", "int")


def _text(name: str) -> Column:
    return Column(name, "TEXT")


def _int(name: str, cast: str | None = "int") -> Column:
    return Column(name, "INTEGER", cast)


_TIMESTAMPS = (_text("created_at"), _text("updated_at"))
_DELETED_AT = _text("deleted_at")

TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        Table("users", (_id(), _text("username"), _text("email"), _text("api_key"), *_TIMESTAMPS)),
        Table(
            "components",
            (
                _id(),
                _text("name"),
                _text("description"),
                _text("link"),
                _int("status"),
                _int("order"),
                _int("group_id"),
                _int("enabled", "bool"),
                Column("meta", "TEXT", "json"),
                *_TIMESTAMPS,
                _DELETED_AT,
            ),
            soft_deletes=True,
        ),
        Table("tags", (_id(), _text("name"), _text("slug"), *_TIMESTAMPS)),
        Table(
            "taggables",
            (_id(), _int("tag_id"), _int("taggable_id"), _text("taggable_type"), *_TIMESTAMPS),
        ),
        Table(
            "component_groups",
            (
                _id(),
                _text("name"),
                _int("order"),
                _int("visible"),
                _int("collapsed"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            "incidents",
            (
                _id(),
                _int("user_id"),
                _int("component_id"),
                _text("name"),
                _int("status"),
                _int("visible"),
                _int("stickied", "bool"),
                _int("notifications", "bool"),
                _text("message"),
                _text("occurred_at"),
                *_TIMESTAMPS,
                _DELETED_AT,
            ),
            soft_deletes=True,
        ),
        Table(
            "incident_meta",
            (
                _id(),
                _text("key"),
                Column("value", "TEXT", "json"),
                _int("incident_id"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            "incident_updates",
            (
                _id(),
                _int("incident_id"),
                _int("status"),
                _text("message"),
                _int("user_id"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            "incident_templates",
            (_id(), _text("name"), _text("slug"), _text("template"), *_TIMESTAMPS, _DELETED_AT),
            soft_deletes=True,
        ),
        Table(
            "metrics",
            (
                _id(),
                _text("name"),
                _text("suffix"),
                _text("description"),
                Column("default_value", "REAL", "int"),
                _int("calc_type"),
                _int("display_chart", "bool"),
                _int("places"),
                _int("default_view"),
                _int("threshold"),
                _int("order"),
                _int("visible"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            "metric_points",
            (
                _id(),
                _int("metric_id"),
                Column("value", "REAL", "float"),
                _int("counter"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            "schedules",
            (
                _id(),
                _text("name"),
                _text("message"),
                _int("status"),
                _text("scheduled_at"),
                _text("completed_at"),
                *_TIMESTAMPS,
                _DELETED_AT,
            ),
            soft_deletes=True,
        ),
        Table(
            "schedule_components",
            (
                _id(),
                _int("schedule_id"),
                _int("component_id"),
                _int("component_status"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            "subscribers",
            (
                _id(),
                _text("email"),
                _text("verify_code"),
                _text("phone_number"),
                _text("slack_webhook_url"),
                _text("verified_at"),
                _int("global", "bool"),
                *_TIMESTAMPS,
            ),
        ),
        Table(
            "subscriptions",
            (_id(), _int("subscriber_id"), _int("component_id"), *_TIMESTAMPS),
        ),
    )
}

# Column defaults the database applies when an insert leaves a column out.
DEFAULTS: dict[tuple[str, str], str] = {
    ("components", "status"): "0",
    ("components", "order"): "0",
    ("components", "group_id"): "0",
    ("components", "enabled"): "1",
    ("component_groups", "order"): "0",
    ("component_groups", "visible"): "0",
    ("component_groups", "collapsed"): "0",
    ("incidents", "component_id"): "0",
    ("incidents", "visible"): "1",
    ("incidents", "stickied"): "0",
    ("incidents", "notifications"): "0",
    ("metrics", "calc_type"): "0",
    ("metrics", "display_chart"): "1",
    ("metrics", "places"): "2",
    ("metrics", "default_view"): "1",
    ("metrics", "threshold"): "5",
    ("metrics", "order"): "0",
    ("metrics", "visible"): "1",
    ("metric_points", "counter"): "1",
    ("subscribers", "global"): "1",
}

# NOT NULL columns whose explicit NULL Cachet's inserts can reach; the database refuses them,
# which the API answers with a bare 400 (spec 4.2), e.g. a metric created without description.
NOT_NULL: frozenset[tuple[str, str]] = frozenset(
    {
        ("metrics", "description"),
        ("metrics", "default_value"),
        ("metrics", "order"),
        ("components", "name"),
        ("component_groups", "name"),
        ("incidents", "name"),
        ("subscribers", "email"),
    }
)

# Indexes on the foreign keys the handlers look rows up by (a column may end in " DESC").
INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("taggables", ("taggable_type", "taggable_id")),
    ("components", ("group_id",)),
    ("incident_meta", ("incident_id",)),
    ("incident_updates", ("incident_id",)),
    # A metric's points newest first (ties by id), and the equal-value search of aggregation.
    ("metric_points", ("metric_id", "created_at DESC", "id")),
    ("metric_points", ("metric_id", "value", "created_at")),
    ("schedule_components", ("schedule_id",)),
    ("subscriptions", ("subscriber_id",)),
    ("subscriptions", ("component_id",)),
)
