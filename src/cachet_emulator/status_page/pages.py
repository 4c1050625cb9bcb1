"""The status page's routes: the front page, an incident, a schedule, the stylesheet.

Every page is rendered from the store on each request, in one read transaction, as a guest
sees it. `?refresh=N` (seconds, 5 to 3600) makes the browser reload the page every N
seconds. Pages load nothing but their own stylesheet, and their Content-Security-Policy
says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from cachet_emulator import clock
from cachet_emulator.api_call import ApiCall
from cachet_emulator.http_io import HttpRequest, HttpResponse
from cachet_emulator.settings import Settings
from cachet_emulator.status_page import board, charts, incidents, maintenance, rendering
from cachet_emulator.store import Store

STYLESHEET_PATH = "/status-page.css"
REFRESH_RANGE = (5, 3600)
HTML = "text/html; charset=UTF-8"
View = tuple[str, dict[str, Any]]
"""What a page reads from the store: its template and the template's context."""
_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none';"
        " form-action 'none'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
}


class PageError(Exception):
    """A request the page cannot answer: its status and what to tell the reader."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def respond(store: Store, settings: Settings, request: HttpRequest) -> HttpResponse:
    """Answer a request for a path outside the API: a page, the stylesheet, or an HTML error."""
    try:
        return _route(store, settings, request)
    except PageError as error:
        body = rendering.render(
            "error.html", site_name=settings.site_name, error=error, stylesheet=STYLESHEET_PATH
        )
        headers = dict(_HEADERS)
        if error.status == 405:
            headers["allow"] = "GET,HEAD"
        return HttpResponse(error.status, body, HTML, headers)


def _route(store: Store, settings: Settings, request: HttpRequest) -> HttpResponse:
    for pattern, page in _PAGES:
        found = pattern.fullmatch(request.path)
        if found is None:
            continue
        if request.method not in ("GET", "HEAD"):
            raise PageError(405, "Method not allowed", "The status page only answers GET.")
        if page is None:
            headers = {**_HEADERS, "cache-control": "public, max-age=300"}
            return HttpResponse(200, rendering.stylesheet(), "text/css; charset=UTF-8", headers)
        refresh = _refresh(request.query_string)
        call = _guest_call(store, settings, request)
        with store.transaction():  # read everything at once; render after the lock is free
            template, context = page(call, int(found[1]) if found.groups() else 0)
        context.update(_common(call, refresh))
        return HttpResponse(200, rendering.render(template, **context), HTML, dict(_HEADERS))
    raise PageError(404, "Page not found", f"There is no page at {request.path}.")


def _guest_call(store: Store, settings: Settings, request: HttpRequest) -> ApiCall:
    """What the API's presenters read from: a guest's GET in the Cachet timezone."""
    return ApiCall(
        store=store,
        settings=settings,
        method="GET",
        raw_input={},
        query={},
        bound={},
        user_id=None,
        zone_name=settings.timezone,
        root_url=request.root_url,
        path=request.path,
    )


def _refresh(query_string: str) -> int | None:
    values = parse_qs(query_string, keep_blank_values=True).get("refresh")
    if not values:
        return None
    low, high = REFRESH_RANGE
    text = values[-1].strip()
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise PageError(
            400,
            "Bad refresh interval",
            f"refresh must be a whole number of seconds from {low} to {high},"
            f" not {values[-1]!r}. Example: ?refresh=30",
        )
    return int(text)


def _common(call: ApiCall, refresh: int | None) -> dict[str, Any]:
    return {
        "site_name": call.settings.site_name,
        "cachet_version": call.settings.cachet_version,
        "timezone": call.settings.timezone,
        "refresh": refresh,
        "stylesheet": STYLESHEET_PATH,
    }


def front_page(call: ApiCall, _: int) -> View:
    """`/`: banner, components, stickied incidents, maintenance, metrics, timeline."""
    now = clock.now()
    today = now.astimezone(clock.zone(call.settings.timezone)).date()
    return "index.html", dict(
        banner=board.banner(call),
        groups=board.groups(call),
        ungrouped=board.ungrouped(call),
        stickied=incidents.stickied(call),
        ongoing=maintenance.ongoing(call),
        upcoming=maintenance.upcoming(call),
        metrics=charts.shown_metrics(call, now),
        timeline=incidents.timeline(call, today),
    )


def incident_page(call: ApiCall, incident_id: int) -> View:
    """`/incidents/{id}`: the permalink target; updates are anchored `#update-{id}`."""
    incident = incidents.one(call, incident_id)
    if incident is None:
        raise PageError(404, "Incident not found", f"There is no incident {incident_id}.")
    return "incident.html", {"incident": incident}


def schedule_page(call: ApiCall, schedule_id: int) -> View:
    """`/schedules/{id}`: one maintenance window (2.4 only)."""
    schedule = maintenance.one(call, schedule_id)
    if schedule is None:
        raise PageError(404, "Maintenance not found", f"There is no schedule {schedule_id}.")
    return "schedule.html", {"schedule": schedule}


Page = Callable[[ApiCall, int], View]
# (path pattern, page); None serves the stylesheet.
_PAGES: tuple[tuple[re.Pattern[str], Page | None], ...] = (
    (re.compile(r"/"), front_page),
    (re.compile(r"/incidents/(\d{1,18})/?"), incident_page),
    (re.compile(r"/schedules/(\d{1,18})/?"), schedule_page),
    (re.compile(re.escape(STYLESHEET_PATH)), None),
)
