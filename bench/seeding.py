"""The benchmark data set, written straight into an emulator's store in a few bulk inserts.

Creating 100,000 subscribers over HTTP would take minutes; rows inserted here look like rows
the API would have created (same columns, UTC timestamps, 0/1 booleans).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from cachet_emulator import clock
from cachet_emulator.schema import TABLES, Row
from cachet_emulator.store import Store, quote

COMPONENT_ID = 1
"""The component the `get` scenario fetches."""
INCIDENT_ID = 1
"""The incident whose updates are counted."""
LISTED_METRIC_ID = 1
"""The metric holding the points of `list-large`."""
CREATED_METRIC_ID = 2
"""The metric `create` adds points to (kept apart so `list-large` always sees the same data)."""


@dataclass(frozen=True)
class DataSet:
    """How many rows of each kind the emulator starts with."""

    incidents: int = 2_000
    points: int = 20_000
    subscribers: int = 100_000
    components: int = 10


def seed(store: Store, data: DataSet) -> None:
    """Fill an empty store with the data set in one transaction."""
    now = clock.now().replace(microsecond=0)
    stamp = clock.stored(now)
    times = {"created_at": stamp, "updated_at": stamp}
    with store.transaction():
        _insert(
            store,
            "component_groups",
            [{"name": "Services", "order": 0, "visible": 1, "collapsed": 0, **times}],
        )
        _insert(store, "components", [_component(n, times) for n in range(1, data.components + 1)])
        _insert(store, "incidents", (_incident(number, times) for number in range(data.incidents)))
        _insert(store, "incident_updates", [_incident_update(number, times) for number in range(5)])
        _insert(store, "metrics", [_metric(name, times) for name in ("Latency", "Throughput")])
        start = now - timedelta(seconds=30 * data.points)
        _insert(store, "metric_points", (_point(start, number) for number in range(data.points)))
        _insert(store, "schedules", [_schedule(times)])
        _insert(store, "subscribers", (_subscriber(n, times) for n in range(data.subscribers)))


def _insert(store: Store, table: str, rows: Iterable[Row]) -> None:
    columns = [column.name for column in TABLES[table].columns if column.name != "id"]
    sql = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(name) for name in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
    )
    store.connection.executemany(sql, ([row.get(name) for name in columns] for row in rows))


def _component(number: int, times: Row) -> Row:
    return {
        "name": f"Component {number}",
        "description": f"Benchmark component {number}",
        "link": "",
        "status": 1,
        "order": number,
        "group_id": 1,
        "enabled": 1,
        **times,
    }


def _incident(number: int, times: Row) -> Row:
    return {
        "user_id": 1,
        "component_id": 0,
        "name": f"Incident {number + 1}",
        "status": 1 + number % 4,
        "visible": 1,
        "stickied": 0,
        "notifications": 0,
        "message": f"Incident {number + 1}: something went wrong and was fixed; a typical length.",
        "occurred_at": times["created_at"],
        **times,
    }


def _incident_update(number: int, times: Row) -> Row:
    message = f"Update {number + 1}"
    return {"incident_id": INCIDENT_ID, "status": 2, "message": message, "user_id": 1, **times}


def _metric(name: str, times: Row) -> Row:
    return {
        "name": name,
        "suffix": "ms",
        "description": f"{name} of the API",
        "default_value": 0,
        "calc_type": 0,
        "display_chart": 1,
        "places": 2,
        "default_view": 1,
        "threshold": 5,
        "order": 0,
        "visible": 1,
        **times,
    }


def _point(start: datetime, number: int) -> Row:
    moment = clock.stored(start + timedelta(seconds=30 * number))
    return {
        "metric_id": LISTED_METRIC_ID,
        "value": 100 + number % 50,
        "counter": 1,
        "created_at": moment,
        "updated_at": moment,
    }


def _schedule(times: Row) -> Row:
    return {
        "name": "Database upgrade",
        "message": "Short downtime.",
        "status": 0,
        "scheduled_at": times["created_at"],
        "completed_at": None,
        **times,
    }


def _subscriber(number: int, times: Row) -> Row:
    return {
        "email": f"subscriber{number + 1}@example.com",
        "verify_code": f"{number:042d}",
        "verified_at": times["created_at"],
        "global": 1,
        **times,
    }
