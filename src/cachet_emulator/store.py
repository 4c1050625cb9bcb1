"""SQLite storage of every Cachet table, with Cachet's column order and MySQL-like comparison.

One connection per emulator; callers serialise access with `Store.lock` and make each request
one transaction (`Store.transaction`). Timestamps are stored as UTC `Y-m-d H:i:s` strings,
booleans as 0/1. JSON columns (cast "json") are encoded on write and decoded on read here, so
callers only ever see the values themselves. Identifiers come only from `TABLES`, values are always
bound parameters, so nothing a client sends can reach the SQL text.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from types import TracebackType
from typing import Any, NamedTuple

from cachet_emulator import php_json
from cachet_emulator.schema import DEFAULTS, INDEXES, NOT_NULL, TABLES, Row, Table

# Every table any store of this process has: the lookups below go by table name, so the
# tables of another schema (the Cachet 3 mode's) carry names of their own.
_KNOWN_TABLES: dict[str, Table] = dict(TABLES)


def mysql_collation_key(text: str) -> str:
    """What utf8mb4_unicode_ci compares: case, accents and trailing spaces do not count."""
    if text.isascii():  # NFKD keeps ASCII as it is, no ASCII character is a combining mark
        return text.rstrip(" ").lower()
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
        # Timestamps are fixed-format text: binary order is exact, and it lets SQLite sort and
        # search them through indexes instead of calling the Python collation per comparison.
        if column.sql == "TEXT" and not column.name.endswith("_at"):
            sql += " COLLATE MYSQL"
        if (table.name, column.name) in NOT_NULL:
            sql += " NOT NULL"
        default = column.default or DEFAULTS.get((table.name, column.name))
        if default is not None:
            sql += f" DEFAULT {default}"
        parts.append(sql)
    return f"CREATE TABLE IF NOT EXISTS {quote(table.name)} ({', '.join(parts)})"


def _index_column(column: str) -> str:
    """`created_at DESC` -> `"created_at" DESC`."""
    name, _, direction = column.partition(" ")
    return f"{quote(name)} {direction}".rstrip()


class Store:
    """The emulator's database: schema, transactions and generic row access.

    `tables`, `indexes` and `kept_on_reset` default to Cachet 2's schema; another schema
    (Cachet 3's) passes its own, with table names no other schema uses.
    """

    def __init__(
        self,
        path: str | None = None,
        tables: Mapping[str, Table] = TABLES,
        indexes: Sequence[tuple[str, tuple[str, ...]]] = INDEXES,
        kept_on_reset: frozenset[str] = frozenset({"users"}),
    ) -> None:
        self.path = path
        self.tables = tables
        self.kept_on_reset = kept_on_reset
        _KNOWN_TABLES.update(tables)
        self.lock = threading.RLock()
        self._users_writes = 0  # writes to users (and rollbacks of them) on this connection
        self._users_uncommitted = False  # users written since the last commit
        self.connection = sqlite3.connect(path or ":memory:", check_same_thread=False)
        self.connection.create_collation("MYSQL", _mysql_collation)
        self.connection.create_function("users_changed", 0, self._users_changed)
        if path:
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=FULL")
        with self.transaction():
            for table in tables.values():
                self.connection.execute(_create_table_sql(table))
            for table_name, columns in indexes:
                name = quote(f"{table_name}_{'_'.join(c.split()[0] for c in columns)}_index")
                listed = ", ".join(_index_column(column) for column in columns)
                self.connection.execute(
                    f"CREATE INDEX IF NOT EXISTS {name} ON {quote(table_name)} ({listed})"
                )
        # Temporary triggers: they live with this connection and catch every write to users.
        for event in ("INSERT", "UPDATE", "DELETE") if "users" in tables else ():
            self.connection.execute(
                f"CREATE TEMP TRIGGER users_{event.lower()} AFTER {event} ON main.users"
                " BEGIN SELECT users_changed(); END"
            )

    def _users_changed(self) -> None:
        self._users_writes += 1
        self._users_uncommitted = True

    @property
    def users_version(self) -> tuple[int, int]:
        """Differs from an earlier value whenever the users table may have changed since.

        Counts this connection's writes to users and its rollbacks; for a file database also
        what other connections committed (SQLite's data_version).
        """
        if not self.path:
            return self._users_writes, 0
        other = self.connection.execute("PRAGMA data_version").fetchone()[0]
        return self._users_writes, int(other)

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.connection.close()

    def transaction(self) -> Transaction:
        """Run the block under the lock as one transaction: committed (durably) or rolled back."""
        return Transaction(self)

    def _finish(self, committing: bool) -> None:
        """Commit, or roll back (a rolled-back write to users counts as a change of users)."""
        if committing:
            self.connection.commit()
        else:
            self.connection.rollback()
            if self._users_uncommitted:
                self._users_changed()
        self._users_uncommitted = False

    def reset(self) -> None:
        """Empty every table except the kept ones (users), and restart their ids at 1."""
        with self.transaction():
            for name in self.tables:
                if name not in self.kept_on_reset:
                    self.connection.execute(f"DELETE FROM {quote(name)}")
                    self.connection.execute("DELETE FROM sqlite_sequence WHERE name = ?", (name,))

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        """Run one statement and return its rows as dicts in column order."""
        cursor = self.connection.execute(sql, parameters)
        if cursor.description is None:
            return []
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def insert(self, table: str, values: Row) -> int:
        """Insert one row and return its id."""
        sql = _insert_sql(table, tuple(values))
        cursor = self.connection.execute(sql, _sql_values(table, values))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update(self, table: str, row_id: int, values: Row) -> None:
        """Write `values` into the row with `row_id`."""
        if not values:
            return
        sql = _update_sql(table, tuple(values))
        self.connection.execute(sql, [*_sql_values(table, values), row_id])

    def delete(self, table: str, where: Sequence[tuple[str, Any]]) -> None:
        """Hard-delete the rows matching every `column = value` of `where`."""
        clause, parameters = where_clause(table, where)
        self.connection.execute(f"DELETE FROM {quote(table)}{clause}", parameters)

    def find(self, table: str, row_id: Any, with_deleted: bool = False) -> Row | None:
        """The row whose id equals `row_id` (a number, compared like MySQL), or None."""
        cursor = self.connection.execute(_find_sql(table, with_deleted), (row_id,))
        found = cursor.fetchone()
        if found is None:
            return None
        row = dict(zip([column[0] for column in cursor.description], found, strict=True))
        return _decoded(row, _json_columns(table))

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
        paged = limit is not None or bool(offset)
        shape = _Shape(table, _where_shape(where), with_deleted, extra_sql)
        sql = _select_sql(shape, tuple(order_by), paged)
        parameters = _parameters(where, extra_parameters)
        if paged:
            parameters += [-1 if limit is None else limit, offset]
        json_columns = _json_columns(table)
        rows = self.execute(sql, parameters)
        return [_decoded(row, json_columns) for row in rows] if json_columns else rows

    def count(
        self,
        table: str,
        where: Sequence[tuple[str, Any]] = (),
        with_deleted: bool = False,
        extra_sql: str = "",
        extra_parameters: Sequence[Any] = (),
    ) -> int:
        """How many rows `select` would return without limit."""
        sql = _count_sql(_Shape(table, _where_shape(where), with_deleted, extra_sql))
        parameters = _parameters(where, extra_parameters)
        return int(self.connection.execute(sql, parameters).fetchone()[0])


class Transaction:
    """What `Store.transaction()` returns: the lock held, then commit or rollback.

    A class rather than a generator-based context manager: every request enters one.
    """

    __slots__ = ("store",)

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.store.lock.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self.store._finish(committing=kind is None)
        finally:
            self.store.lock.release()


class _Shape(NamedTuple):
    """What the SQL text of a query depends on (the values are bound parameters)."""

    table: str
    where: tuple[tuple[str, bool], ...]  # (column, compared with IS NULL)
    with_deleted: bool
    extra_sql: str


def _where_shape(where: Sequence[tuple[str, Any]]) -> tuple[tuple[str, bool], ...]:
    return tuple((column, value is None) for column, value in where)


def _parameters(where: Sequence[tuple[str, Any]], extra_parameters: Sequence[Any]) -> list[Any]:
    return [value for _, value in where if value is not None] + list(extra_parameters)


# SQL texts are built once per shape; the shapes come from the code, so they are few.
@lru_cache(maxsize=1024)
def _from_sql(shape: _Shape) -> str:
    clause = _where_sql(shape.table, shape.where)
    if _KNOWN_TABLES[shape.table].soft_deletes and not shape.with_deleted:
        clause += (" AND " if clause else " WHERE ") + '"deleted_at" IS NULL'
    if shape.extra_sql:
        clause += (" AND " if clause else " WHERE ") + shape.extra_sql
    return f"FROM {quote(shape.table)}{clause}"


@lru_cache(maxsize=1024)
def _select_sql(shape: _Shape, order_by: tuple[tuple[str, bool], ...], paged: bool) -> str:
    table = shape.table
    ordering = [f"{quote(_checked(table, c))} {'DESC' if d else 'ASC'}" for c, d in order_by]
    ordering.append('"id" ASC')
    sql = f"SELECT * {_from_sql(shape)} ORDER BY " + ", ".join(ordering)
    return sql + " LIMIT ? OFFSET ?" if paged else sql


@cache
def _find_sql(table: str, with_deleted: bool) -> str:
    # `id = NULL` matches nothing, as `id IS NULL` does for an INTEGER PRIMARY KEY.
    return _select_sql(_Shape(table, (("id", False),), with_deleted, ""), (), False)


@lru_cache(maxsize=1024)
def _count_sql(shape: _Shape) -> str:
    return f"SELECT COUNT(*) {_from_sql(shape)}"


@lru_cache(maxsize=1024)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(quote(_checked(table, name)) for name in columns)
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"


@lru_cache(maxsize=1024)
def _update_sql(table: str, columns: tuple[str, ...]) -> str:
    assignments = ", ".join(f"{quote(_checked(table, name))} = ?" for name in columns)
    return f"UPDATE {quote(table)} SET {assignments} WHERE id = ?"


@cache
def _json_columns(table: str) -> frozenset[str]:
    columns = _KNOWN_TABLES[table].columns
    return frozenset(column.name for column in columns if column.cast == "json")


def _sql_values(table: str, values: Row) -> list[Any]:
    """Values as SQLite stores them: any non-null value of a JSON column as JSON text."""
    json_columns = _json_columns(table)
    return [
        value
        if type(value) in _STORED_AS_IS and (value is None or name not in json_columns)
        else _sql_value(value, name in json_columns)
        for name, value in values.items()
    ]


# Values of exactly these types (outside JSON columns) are bound as they are.
_STORED_AS_IS = frozenset({str, int, float, type(None)})


def _sql_value(value: Any, json_column: bool) -> Any:
    if value is not None and (json_column or isinstance(value, list | dict)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    # sqlite3 looks for an adapter (a slow search) for any parameter that is not exactly
    # int, float, str or bytearray; a bool ends up bound as its integer, so bind that.
    return int(value) if type(value) is bool else value


def _decoded(row: Row, json_columns: frozenset[str]) -> Row:
    for name in json_columns:
        if isinstance(row.get(name), str):
            row[name] = php_json.decode(row[name].encode())
    return row


def _checked(table: str, column: str) -> str:
    if _KNOWN_TABLES[table].column(column) is None:
        raise KeyError(f"{table} has no column {column}")
    return column


def where_clause(table: str, where: Sequence[tuple[str, Any]]) -> tuple[str, list[Any]]:
    """` WHERE a = ? AND b = ?` for known columns of `table` (None compares with IS NULL)."""
    return _where_sql(table, _where_shape(where)), _parameters(where, ())


def _where_sql(table: str, shape: tuple[tuple[str, bool], ...]) -> str:
    parts = [
        f"{quote(_checked(table, column))} {'IS NULL' if is_null else '= ?'}"
        for column, is_null in shape
    ]
    return " WHERE " + " AND ".join(parts) if parts else ""
