"""SQLite storage of every Cachet table, with Cachet's column order and MySQL-like comparison.

One connection per emulator; callers serialise access with `Store.lock` and make each request
one transaction (`Store.transaction`). Timestamps are stored as UTC `Y-m-d H:i:s` strings,
booleans as 0/1, JSON columns as text. Identifiers come only from `TABLES`, values are always
bound parameters, so nothing a client sends can reach the SQL text.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One column: SQL affinity and the Eloquent cast applied when presenting it."""

    name: str
    sql: str  # "INTEGER", "TEXT" (compared like MySQL's utf8mb4_unicode_ci) or "REAL"
    cast: str | None = None  # "int", "bool", "float", "json" or None (raw)


@dataclass(frozen=True)
class Table:
    """A table in Cachet's column order; `soft_deletes` when rows get a `deleted_at` instead."""

    name: str
    columns: tuple[Column, ...]
    soft_deletes: bool = False

    def column(self, name: str) -> Column | None:
        """The column called `name`, or None."""
        for column in self.columns:
            if column.name == name:
                return column
        return None


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
_DEFAULTS: dict[tuple[str, str], str] = {
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
    ("metric_points", "counter"): "1",
    ("subscribers", "global"): "1",
}


def mysql_collation_key(text: str) -> str:
    """What utf8mb4_unicode_ci compares: case, accents and trailing spaces do not count."""
    decomposed = unicodedata.normalize("NFKD", text.rstrip(" "))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _mysql_collation(left: str, right: str) -> int:
    a, b = mysql_collation_key(left), mysql_collation_key(right)
    return (a > b) - (a < b)


def quote(identifier: str) -> str:
    """An identifier quoted for SQL (only ever called with names from TABLES)."""
    return '"' + identifier.replace('"', '""') + '"'


def _create_table_sql(table: Table) -> str:
    parts = []
    for column in table.columns:
        if column.name == "id":
            parts.append('"id" INTEGER PRIMARY KEY AUTOINCREMENT')
            continue
        sql = f"{quote(column.name)} {column.sql}"
        if column.sql == "TEXT":
            sql += " COLLATE MYSQL"
        default = _DEFAULTS.get((table.name, column.name))
        if default is not None:
            sql += f" DEFAULT {default}"
        parts.append(sql)
    return f"CREATE TABLE IF NOT EXISTS {quote(table.name)} ({', '.join(parts)})"


class Store:
    """The emulator's database: schema, transactions and generic row access."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path
        self.lock = threading.RLock()
        self.connection = sqlite3.connect(path or ":memory:", check_same_thread=False)
        self.connection.create_collation("MYSQL", _mysql_collation)
        if path:
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=FULL")
        with self.transaction():
            for table in TABLES.values():
                self.connection.execute(_create_table_sql(table))

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block under the lock as one transaction: committed (durably) or rolled back."""
        with self.lock:
            try:
                yield
            except BaseException:
                self.connection.rollback()
                raise
            self.connection.commit()

    def reset(self) -> None:
        """Empty every table except users, and restart ids at 1."""
        with self.transaction():
            for name in TABLES:
                if name != "users":
                    self.connection.execute(f"DELETE FROM {quote(name)}")
            self.connection.execute("DELETE FROM sqlite_sequence WHERE name != 'users'")

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        """Run one statement and return its rows as dicts in column order."""
        cursor = self.connection.execute(sql, parameters)
        if cursor.description is None:
            return []
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def insert(self, table: str, values: Row) -> int:
        """Insert one row and return its id."""
        columns = ", ".join(quote(_checked(table, name)) for name in values)
        marks = ", ".join("?" for _ in values)
        cursor = self.connection.execute(
            f"INSERT INTO {quote(table)} ({columns}) VALUES ({marks})", _sql_values(values)
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update(self, table: str, row_id: int, values: Row) -> None:
        """Write `values` into the row with `row_id`."""
        if not values:
            return
        assignments = ", ".join(f"{quote(_checked(table, name))} = ?" for name in values)
        self.connection.execute(
            f"UPDATE {quote(table)} SET {assignments} WHERE id = ?", [*_sql_values(values), row_id]
        )

    def delete(self, table: str, where: Sequence[tuple[str, Any]]) -> None:
        """Hard-delete the rows matching every `column = value` of `where`."""
        clause, parameters = where_clause(table, where)
        self.connection.execute(f"DELETE FROM {quote(table)}{clause}", parameters)

    def find(self, table: str, row_id: Any, with_deleted: bool = False) -> Row | None:
        """The row whose id equals `row_id` (a number, compared like MySQL), or None."""
        where: list[tuple[str, Any]] = [("id", row_id)]
        rows = self.select(table, where, with_deleted=with_deleted, limit=1)
        return rows[0] if rows else None

    def select(
        self,
        table: str,
        where: Sequence[tuple[str, Any]] = (),
        order_by: Sequence[tuple[str, bool]] = (),
        limit: int | None = None,
        offset: int = 0,
        with_deleted: bool = False,
        extra_sql: str = "",
        extra_parameters: Sequence[Any] = (),
    ) -> list[Row]:
        """Rows matching `where` (column = value, ANDed), ordered by (column, descending)."""
        sql, parameters = self._query(table, where, with_deleted, extra_sql, extra_parameters)
        sql = f"SELECT * {sql}"
        ordering = [f"{quote(_checked(table, c))} {'DESC' if d else 'ASC'}" for c, d in order_by]
        ordering.append('"id" ASC')
        sql += " ORDER BY " + ", ".join(ordering)
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            parameters += [-1 if limit is None else limit, offset]
        return self.execute(sql, parameters)

    def count(
        self,
        table: str,
        where: Sequence[tuple[str, Any]] = (),
        with_deleted: bool = False,
        extra_sql: str = "",
        extra_parameters: Sequence[Any] = (),
    ) -> int:
        """How many rows `select` would return without limit."""
        sql, parameters = self._query(table, where, with_deleted, extra_sql, extra_parameters)
        return int(self.connection.execute(f"SELECT COUNT(*) {sql}", parameters).fetchone()[0])

    def _query(
        self,
        table: str,
        where: Sequence[tuple[str, Any]],
        with_deleted: bool,
        extra_sql: str,
        extra_parameters: Sequence[Any],
    ) -> tuple[str, list[Any]]:
        conditions = list(where)
        clause, parameters = where_clause(table, conditions)
        if TABLES[table].soft_deletes and not with_deleted:
            clause += (" AND " if clause else " WHERE ") + '"deleted_at" IS NULL'
        if extra_sql:
            clause += (" AND " if clause else " WHERE ") + extra_sql
            parameters += list(extra_parameters)
        return f"FROM {quote(table)}{clause}", parameters


def _sql_values(values: Row) -> list[Any]:
    """Values as SQLite stores them: arrays and objects as JSON text."""
    return [
        json.dumps(value, separators=(",", ":")) if isinstance(value, list | dict) else value
        for value in values.values()
    ]


def _checked(table: str, column: str) -> str:
    if TABLES[table].column(column) is None:
        raise KeyError(f"{table} has no column {column}")
    return column


def where_clause(table: str, where: Sequence[tuple[str, Any]]) -> tuple[str, list[Any]]:
    """` WHERE a = ? AND b = ?` for known columns of `table` (None compares with IS NULL)."""
    parts: list[str] = []
    parameters: list[Any] = []
    for column, value in where:
        name = quote(_checked(table, column))
        if value is None:
            parts.append(f"{name} IS NULL")
        else:
            parts.append(f"{name} = ?")
            parameters.append(value)
    return (" WHERE " + " AND ".join(parts) if parts else ""), parameters
