"""General endpoints (spec 5; 2.3 differences 17.8): ping, version, status."""

from __future__ import annotations

import time

from cachet_emulator import php
from cachet_emulator.api_call import ApiCall, Reply, item
from cachet_emulator.errors import server_error

# /status texts: status -> (one or no component, several components).
STATUS_TEXTS = {
    "success": ("System operational", "All systems are operational"),
    "info": ("The system is experiencing issues", "Some systems are experiencing issues"),
    "danger": (
        "The system is experiencing major issues",
        "Some systems are experiencing major issues",
    ),
}
STATUS_TEXTS_23 = {
    "success": ("System operational", "All systems are operational"),
    "info": ("The system is currently experiencing issues", "Some systems are experiencing issues"),
    "danger": (
        "The service experiencing a major outage",
        "Some systems are experiencing a major outage",
    ),
}


def ping(call: ApiCall) -> Reply:
    """GET /ping."""
    return item("Pong!")


def version(call: ApiCall) -> Reply:
    """GET /version; `on_latest` uses PHP's version_compare with the `v` tag (quirk 19)."""
    latest = call.settings.latest_release
    if latest is None:
        raise server_error()  # GitHub unreachable and nothing cached
    installed = call.settings.version_string
    tag_name = str(latest.get("tag_name", ""))
    meta = {
        "on_latest": php.version_compare(installed, tag_name) == 1,
        "latest": {
            "tag_name": tag_name,
            "prelease": bool(latest.get("prelease", False)),
            "draft": bool(latest.get("draft", False)),
        },
    }
    return Reply(200, {"meta": meta, "data": installed})


def status(call: ApiCall) -> Reply:
    """GET /status: the overall system status; 2.4's max-age is a Unix time (quirk 20)."""
    state, message = overall_status(call)
    headers = {} if call.is_23 else {"cache-control": f"max-age={int(time.time()) + 30}, public"}
    return Reply(200, {"data": {"status": state, "message": message}}, headers)


def overall_status(call: ApiCall) -> tuple[str, str]:
    """The system status (`success`, `info` or `danger`) and its message, as the caller sees it."""
    statuses = _component_statuses(call)
    if call.is_23:
        state, texts = _state_23(call, statuses), STATUS_TEXTS_23
    else:
        state, texts = _state_24(call, statuses), STATUS_TEXTS
    return state, texts[state][0 if len(statuses) <= 1 else 1]


def _component_statuses(call: ApiCall) -> list[int]:
    """Statuses of enabled components; 2.4 guests skip those in hidden groups."""
    sql = 'SELECT c."status" FROM components c WHERE c."enabled" = 1 AND c."deleted_at" IS NULL'
    if not call.is_23 and not call.authenticated:
        sql += ' AND NOT EXISTS (SELECT 1 FROM component_groups g WHERE g."id" = c."group_id"'
        sql += ' AND g."visible" = 0)'
    return [php.cast_int(row[0]) for row in call.store.connection.execute(sql)]


def _state_24(call: ApiCall, statuses: list[int]) -> str:
    if statuses and statuses.count(4) * 100 / len(statuses) >= call.settings.major_outage_rate:
        return "danger"
    if all(value == 1 for value in statuses) and not _unresolved_incident_exists(call):
        return "success"
    return "info"


def _unresolved_incident_exists(call: ApiCall) -> bool:
    """Any live incident not fixed, whose latest update (if any) is not fixed either."""
    sql = """
        SELECT 1 FROM incidents i
        WHERE i."deleted_at" IS NULL AND i."status" != 4 AND COALESCE((
            SELECT u."status" FROM incident_updates u WHERE u."incident_id" = i."id"
            ORDER BY u."created_at" DESC, u."id" DESC LIMIT 1
        ), i."status") != 4
        LIMIT 1
    """
    return call.store.connection.execute(sql).fetchone() is not None


def _state_23(call: ApiCall, statuses: list[int]) -> str:
    if statuses and statuses.count(4) * 100 / len(statuses) >= 50:
        return "danger"
    if all(value == 1 for value in statuses):
        row = call.store.connection.execute(
            'SELECT "status" FROM incidents WHERE "deleted_at" IS NULL AND "status" > 0'
            ' ORDER BY "created_at" DESC, "id" DESC LIMIT 1'
        ).fetchone()
        if row is None or php.cast_int(row[0]) == 4:
            return "success"
    return "info"
