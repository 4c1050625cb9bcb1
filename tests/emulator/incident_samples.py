"""Sample data and small helpers shared by the incident test modules (spec 8)."""

from __future__ import annotations

from tests.emulator.api import Api, not_found_detail

CREATE_KEYS = [
    "stickied", "notifications", "user_id", "name", "status", "visible", "message",
    "occurred_at", "updated_at", "created_at", "id", "is_resolved", "updates", "human_status",
    "latest_update_id", "latest_status", "latest_human_status", "latest_icon", "permalink",
    "duration", "meta",
]  # fmt: skip
GET_KEYS = [
    "id", "user_id", "component_id", "name", "status", "visible", "stickied", "notifications",
    "message", "occurred_at", "created_at", "updated_at", "deleted_at", "is_resolved", "meta",
    "updates", "human_status", "latest_update_id", "latest_status", "latest_human_status",
    "latest_icon", "permalink", "duration",
]  # fmt: skip
INCIDENT_404 = not_found_detail("Incident")
BASIC = {"name": "Database slow", "status": 1, "message": "Looking into it"}


def total_incidents(api: Api) -> int:
    """How many incidents an authenticated list reports."""
    total: int = api.get("incidents").json()["meta"]["pagination"]["total"]
    return total
