"""Demo data (`cachet-emulator --seed demo`), written straight into the store."""

from __future__ import annotations

import math
import secrets
import string
from datetime import datetime, timedelta

from cachet_emulator import clock
from cachet_emulator.resources import incident_templates, tags
from cachet_emulator.store import Store

# (name, status, group number or 0, tags, enabled)
_COMPONENTS = (
    ("Website", 1, 1, "Web, Public", True),
    ("API", 2, 1, "API, Public", True),
    ("CDN", 1, 1, "Web", True),
    ("Database", 3, 2, "Storage", True),
    ("Job queue", 1, 2, "", True),
    ("Legacy mail relay", 4, 0, "Email", False),
)


def seed_demo(store: Store) -> None:
    """Fill an empty database with a small, varied status page; does nothing otherwise."""
    with store.transaction():
        if store.count("components", with_deleted=True):
            return
        now = clock.now()
        stamp = {"created_at": clock.stored(now), "updated_at": clock.stored(now)}
        groups = [
            store.insert(
                "component_groups",
                {"name": name, "order": order, "visible": visible, "collapsed": 0, **stamp},
            )
            for order, (name, visible) in enumerate((("Public services", 1), ("Internal", 0)))
        ]
        component_ids = []
        for order, (name, status, group, tag_names, enabled) in enumerate(_COMPONENTS):
            values = {
                "name": name,
                "description": f"The {name.lower()}",
                "link": "",
                "status": status,
                "order": order,
                "group_id": groups[group - 1] if group else 0,
                "enabled": enabled,
                **stamp,
            }
            component_ids.append(store.insert("components", values))
            if tag_names:
                tags.replace_tags(store, component_ids[-1], tags.split_names(tag_names))
        _seed_incidents(store, now, component_ids[1])
        incident_templates.create_template(
            store, "Scheduled maintenance", "We are upgrading {{ name }} until {{ until }}."
        )
        _seed_metric(store, now)
        scheduled = now + timedelta(days=1)
        store.insert(
            "schedules",
            {
                "name": "Database upgrade",
                "message": "Short downtime.",
                "status": 0,
                "scheduled_at": clock.stored(scheduled),
                "completed_at": clock.stored(scheduled + timedelta(hours=1)),
                **stamp,
            },
        )
        _seed_subscribers(store, now, component_ids)


def _seed_incidents(store: Store, now: datetime, api_component: int) -> None:
    opened = now - timedelta(hours=2)
    incident = store.insert(
        "incidents",
        {
            "user_id": 1,
            "component_id": api_component,
            "name": "Elevated API latency",
            "status": 3,
            "visible": 1,
            "stickied": 0,
            "notifications": 0,
            "message": "Requests to the API are slower than usual.",
            "occurred_at": clock.stored(opened),
            "created_at": clock.stored(opened),
            "updated_at": clock.stored(now),
        },
    )
    for hours, status, message in (
        (1, 2, "A slow database query was found."),
        (0, 3, "A fix is deployed; we are watching."),
    ):
        moment = clock.stored(now - timedelta(hours=hours))
        store.insert(
            "incident_updates",
            {
                "incident_id": incident,
                "status": status,
                "message": message,
                "user_id": 1,
                "created_at": moment,
                "updated_at": moment,
            },
        )
    _seed_fixed_incident(store, now)


def _seed_fixed_incident(store: Store, now: datetime) -> None:
    fixed = clock.stored(now - timedelta(days=3))
    store.insert(
        "incidents",
        {
            "user_id": 1,
            "component_id": 0,
            "name": "Login failures",
            "status": 4,
            "visible": 1,
            "stickied": 0,
            "notifications": 0,
            "message": "Logins failed for some users; fixed.",
            "occurred_at": fixed,
            "created_at": fixed,
            "updated_at": fixed,
        },
    )


def _seed_metric(store: Store, now: datetime) -> None:
    stamp = {"created_at": clock.stored(now), "updated_at": clock.stored(now)}
    metric = store.insert(
        "metrics",
        {
            "name": "API response time",
            "suffix": "ms",
            "description": "Median API response time",
            "default_value": 0,
            "calc_type": 1,
            "display_chart": 1,
            "places": 2,
            "default_view": 1,
            "threshold": 5,
            "order": 0,
            "visible": 1,
            **stamp,
        },
    )
    start = now.replace(second=0) - timedelta(days=1)
    for step in range(0, 24 * 60 + 1, 30):  # every half hour of the last day, up to now
        moment = clock.stored(start + timedelta(minutes=step))
        value = round(120 + 40 * math.sin(step / 180), 3)
        store.insert(
            "metric_points",
            {
                "metric_id": metric,
                "value": value,
                "counter": 1,
                "created_at": moment,
                "updated_at": moment,
            },
        )


def _seed_subscribers(store: Store, now: datetime, component_ids: list[int]) -> None:
    alphabet = string.ascii_letters + string.digits
    for number, verified in enumerate((True, True, False), start=1):
        stamp = clock.stored(now)
        subscriber = store.insert(
            "subscribers",
            {
                "email": f"subscriber{number}@example.com",
                "verify_code": "".join(secrets.choice(alphabet) for _ in range(42)),
                "verified_at": stamp if verified else None,
                "global": 1,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        for component_id in component_ids[: number + 1]:
            store.insert(
                "subscriptions",
                {
                    "subscriber_id": subscriber,
                    "component_id": component_id,
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )
