"""How incidents and their updates are shown (spec 8.2, 10.2; 2.3 shape 17.5).

Shared by the incident, incident update and 2.3 incident handlers, which all answer with
presented incidents; it only reads the store.
"""

from __future__ import annotations

from typing import Any

from cachet_emulator import clock, php
from cachet_emulator.api_call import ApiCall
from cachet_emulator.presenting import model_array
from cachet_emulator.resources import components
from cachet_emulator.schema import Row
from cachet_emulator.store import Store
from cachet_emulator.versions import until_23

TABLE = "incidents"
META_TABLE = "incident_meta"
UPDATES_TABLE = "incident_updates"
TIMESTAMPS = ("occurred_at", "created_at", "updated_at")
HIDDEN = until_23((), ("user_id", "stickied", "notifications", "occurred_at"))
"""Columns of the 2.4 table that 2.3 does not have."""
# Appendix A: label and icon per status; 0 has no English label in 2.4 (Quirk).
_HUMAN_STATUSES = {
    0: "cachet.incidents.status.0",
    1: "Investigating",
    2: "Identified",
    3: "Watching",
    4: "Fixed",
}
HUMAN_STATUSES = until_23(_HUMAN_STATUSES, {**_HUMAN_STATUSES, 0: "Scheduled"})
"""The labels of incident statuses (2.3 calls 0 `Scheduled`)."""
ICONS = {
    0: "icon ion-android-calendar",
    1: "icon ion-flag oranges",
    2: "icon ion-alert yellows",
    3: "icon ion-eye blues",
    4: "icon ion-checkmark greens",
}
FIXED = 4
# Newest first; updates of the same second: the last one written counts as the newest.
UPDATES_NEWEST_FIRST = [("created_at", True), ("id", True)]


def human_status(call: ApiCall, status: int) -> str:
    """The label of an incident status."""
    return call.pick(HUMAN_STATUSES).get(status, f"cachet.incidents.status.{status}")


def fresh(call: ApiCall, incident_id: int) -> Row:
    """The stored incident row (it exists: the caller just bound or wrote it)."""
    row = call.store.find(TABLE, incident_id)
    assert row is not None
    return row


def present(
    call: ApiCall, row: Row, with_component: bool = False, component: Row | None = None
) -> dict[str, Any]:
    """An incident in the GET shape; `with_component` adds `component` (2.4, quirk 28)."""
    return call.pick(PRESENT)(call, row, with_component, component)


def _present_24(
    call: ApiCall, row: Row, with_component: bool, component: Row | None
) -> dict[str, Any]:
    data, facts = _attributes_and_facts(call, row)
    data["meta"] = meta_of(call, row["id"])
    data["updates"] = facts.pop("updates")
    if with_component:
        data["component"] = _component(call, component)
    return {**data, **facts}


def present_created(
    call: ApiCall, attributes: Row, with_component: bool, component: Row | None
) -> dict[str, Any]:
    """The create shape: fresh attributes, then the presenter's fields, `meta` last."""
    data, facts = _attributes_and_facts(call, attributes)
    if with_component:
        data["component"] = _component(call, component)
    return {**data, **facts, "meta": meta_of(call, attributes["id"])}


def _present_23(
    call: ApiCall, row: Row, with_component: bool, component: Row | None
) -> dict[str, Any]:
    """A 2.3 incident: table columns with `scheduled_at` (always now), then `human_status`."""
    data: dict[str, Any] = {}
    for key, value in model_array(call, TABLE, row, hidden=call.pick(HIDDEN)).items():
        if key == "created_at":
            data["scheduled_at"] = call.present_time(None)
        data[key] = value
    data["human_status"] = human_status(call, php.cast_int(row["status"]))
    return data


def _attributes_and_facts(call: ApiCall, attributes: Row) -> tuple[dict[str, Any], Row]:
    """The presented attributes with `is_resolved` after them, and the other facts to add."""
    data = model_array(call, TABLE, attributes, TIMESTAMPS)
    facts = _facts(call, attributes)
    data["is_resolved"] = facts.pop("is_resolved")
    return data, facts


PRESENT = until_23(_present_24, _present_23)
"""How an incident is shown (2.3 has no meta, updates or `component`)."""


def meta_of(call: ApiCall, incident_id: int) -> dict[str, Any] | list[Any]:
    """The incident's meta as key -> value; `[]` when empty (PHP's empty array, quirk 11)."""
    rows = call.store.select(META_TABLE, [("incident_id", incident_id)])
    meta = {str(row["key"]): model_array(call, META_TABLE, row)["value"] for row in rows}
    if list(meta) == [str(index) for index in range(len(meta))]:
        return list(meta.values())  # PHP arrays keyed 0..n-1 encode as JSON lists
    return meta


def updates_of(store: Store, incident_id: int) -> list[Row]:
    """The incident's updates, newest first (the `updates` relation of an incident)."""
    return store.select(UPDATES_TABLE, [("incident_id", incident_id)], UPDATES_NEWEST_FIRST)


def present_update(call: ApiCall, row: Row) -> dict[str, Any]:
    """An update as the API shows it (GET shape for a row, create shape for a fresh one)."""
    data = model_array(call, UPDATES_TABLE, row)
    data["human_status"] = human_status(call, php.cast_int(row["status"]))
    data["permalink"] = f"{call.site_url}/incidents/{row['incident_id']}#update-{row['id']}"
    return data


def _component(call: ApiCall, component: Row | None) -> dict[str, Any] | None:
    """The `component` relation that notifications leave attached (quirk 28)."""
    return components.present(call, component) if component else None


def _facts(call: ApiCall, incident: Row) -> dict[str, Any]:
    """The fields Cachet's presenter derives from the updates (8.2), in their order."""
    newest_first = updates_of(call.store, incident["id"])
    latest = newest_first[0] if newest_first else None
    status = php.cast_int(incident["status"])
    latest_status = php.cast_int(latest["status"]) if latest else status
    duration = 0
    if latest:  # Bug: measured from creation to now, not to the update (quirk 9)
        created = clock.parse_stored(str(incident["created_at"]))
        duration = int((clock.now() - created).total_seconds())
    return {
        "is_resolved": latest_status == FIXED,
        "updates": [present_update(call, update) for update in newest_first],
        "human_status": human_status(call, status),
        "latest_update_id": latest["id"] if latest else None,
        "latest_status": latest_status,
        "latest_human_status": human_status(call, latest_status),
        "latest_icon": ICONS.get(latest_status),
        "permalink": f"{call.site_url}/incidents/{incident['id']}",
        "duration": duration,
    }
