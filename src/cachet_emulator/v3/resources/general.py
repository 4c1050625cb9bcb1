"""ping, version and status (spec 6.1): plain JSON, not JSON:API documents."""

from __future__ import annotations

from cachet_emulator.v3 import times
from cachet_emulator.v3.call import Answer, Call
from cachet_emulator.v3.resources.components import effective_status
from cachet_emulator.v3.schema import COMPONENTS, INCIDENTS

JSON = "application/json"
MESSAGES = {
    "operational": "All systems are operational.",
    "partial_outage": "Some systems are experiencing issues.",
    "major_outage": "Some systems are experiencing major issues.",
    "under_maintenance": "Some systems are under maintenance.",
}


def ping(call: Call) -> Answer:
    """GET /ping."""
    return Answer(200, {"data": "Pong!"}, JSON)


def version(call: Call) -> Answer:
    """GET /version: the contents of core's VERSION file."""
    return Answer(200, {"data": {"version": call.settings.version_string}}, JSON)


def system_status(call: Call) -> str:
    """`Status::current()` over the enabled components' effective statuses."""
    components = call.store.select(COMPONENTS, [("enabled", 1)])
    statuses = [effective_status(call, row) for row in components]
    total = len(statuses)
    majors = statuses.count(4)
    if total and majors / total * 100 >= call.settings.major_outage_threshold:
        return "major_outage"
    if 6 in statuses:
        return "under_maintenance"
    open_incidents = call.store.select(
        INCIDENTS,
        [("visible", 1)],
        extra_sql="(status IS NULL OR status != 4) AND (published_at IS NULL OR published_at <= ?)",
        extra_parameters=[times.now_stored()],
        limit=1,
    )
    if all(status == 1 for status in statuses) and not open_incidents:
        return "operational"
    return "partial_outage"


def status(call: Call) -> Answer:
    """GET /status."""
    name = system_status(call)
    return Answer(200, {"data": {"status": name, "message": MESSAGES[name]}}, JSON)
