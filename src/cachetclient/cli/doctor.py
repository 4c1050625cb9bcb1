"""`cachet doctor`: is the endpoint right, is it Cachet, does the token work, do clocks agree?

Each check says in plain words what to fix. Exit 1 when a check fails (warnings pass).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import partial
from typing import TYPE_CHECKING, Any

import click

import cachetclient
from cachetclient.cli import cachet3
from cachetclient.cli.render import console
from cachetclient.client import normalise_endpoint
from cachetclient.errors import (
    AuthenticationError,
    CachetError,
    ConfigurationError,
    HTTPError,
    InvalidResponseError,
    PermissionDeniedError,
)

if TYPE_CHECKING:
    from cachetclient.cli.session import Session
    from cachetclient.v1.client import Client
    from cachetclient.v3.client import Client as ClientV3
    from cachetclient.v3.manager import Manager

SUPPORTED = ("2.3", "2.4")
SKEW_TOLERANCE = timedelta(seconds=30)
# A path no Cachet has: its 404 carries the server's Date header (successful answers do not
# reach the caller with their headers).
_CLOCK_PROBE_PATH = "ping/clock"

PASS, WARN, FAIL = "ok", "warning", "failed"
_MARKS = {PASS: ("✓", "green"), WARN: ("!", "yellow"), FAIL: ("✗", "bold red")}


@dataclass(frozen=True)
class Finding:
    """The outcome of one check."""

    check: str
    outcome: str
    message: str


class Stop(Exception):
    """A failed check that makes the following ones pointless."""


def check_endpoint(session: Session, found: list[Finding]) -> None:
    """The endpoint is given and is an http(s) URL; say what it normalises to."""
    if not session.endpoint:
        found.append(Finding("endpoint", FAIL, "No endpoint: set CACHET_ENDPOINT or --endpoint."))
        raise Stop
    try:
        base, _ = normalise_endpoint(session.endpoint)
        session.client  # noqa: B018 -- refuses versions and settings the library cannot use
    except ConfigurationError as exc:
        found.append(Finding("endpoint", FAIL, str(exc)))
        raise Stop from None
    given = session.endpoint.strip().rstrip("/")
    note = "" if given == base else f" (normalised from {session.endpoint})"
    found.append(Finding("endpoint", PASS, f"{base}{note}"))


def check_cachet(client: Client, found: list[Finding]) -> None:
    """The endpoint answers, answers like Cachet, and runs a supported version."""
    try:
        payload = client.http_client.request("GET", "ping")
    except HTTPError as exc:
        found.append(Finding("reachable", FAIL, f"{exc}. Is the URL the API root (…/api/v1)?"))
        raise Stop from None
    except InvalidResponseError as exc:
        found.append(Finding("reachable", FAIL, f"{exc} This does not look like Cachet."))
        raise Stop from None
    except CachetError as exc:
        found.append(
            Finding("reachable", FAIL, f"{exc}. Is Cachet running, and are host and port right?")
        )
        raise Stop from None
    if not isinstance(payload, dict) or payload.get("data") != "Pong!":
        found.append(Finding("reachable", FAIL, "/ping did not answer Pong!: this is not Cachet."))
        raise Stop
    found.append(Finding("reachable", PASS, "/ping answers Pong!"))
    try:
        running = client.version().value
    except CachetError as exc:
        found.append(Finding("version", WARN, f"/version failed ({exc}); Cachet needs GitHub."))
        return
    if running.startswith(SUPPORTED):
        found.append(Finding("version", PASS, f"Cachet {running}"))
    else:
        found.append(Finding("version", WARN, f"Cachet {running}: tested with 2.3 and 2.4 only."))


def check_token(session: Session, client: Client, found: list[Finding]) -> None:
    """A token is given and Cachet accepts it (GET /subscribers needs one)."""
    if not session.token:
        found.append(
            Finding(
                "token",
                WARN,
                "No token: you can read as a guest, but writes fail. Set CACHET_API_TOKEN "
                "to the API key shown on your Cachet profile.",
            )
        )
        return
    try:
        client.subscribers.count()
    except AuthenticationError as exc:
        found.append(Finding("token", FAIL, f"Cachet refused the token. {exc.hint}"))
        return
    except CachetError as exc:
        found.append(Finding("token", WARN, f"could not check the token: {exc}"))
        return
    found.append(
        Finding(
            "token",
            PASS,
            "accepted; it can read and write (Cachet API keys have no read-only scope)",
        )
    )


def check_clock(client: Client, found: list[Finding]) -> None:
    """The local clock agrees with the server's `Date` header."""
    server_time = _server_date(client)
    if server_time is None:
        found.append(Finding("clock", WARN, "the server sent no Date header to compare with"))
        return
    skew = datetime.now(timezone.utc) - server_time
    seconds = int(skew.total_seconds())
    if abs(skew) > SKEW_TOLERANCE:
        side = "ahead of" if seconds > 0 else "behind"
        found.append(
            Finding(
                "clock",
                WARN,
                f"this machine is {abs(seconds)} s {side} the server: metric point "
                "timestamps will be off. Synchronise the clocks (NTP).",
            )
        )
    else:
        found.append(Finding("clock", PASS, f"in step with the server ({seconds:+d} s)"))


def check_timezone(session: Session, client: Client, found: list[Finding]) -> None:
    """Cachet's timezone setting, read by comparing a date with and without `Time-Zone`."""
    sent_utc = _first_created_at(client)
    local_client = cachetclient.Client(
        endpoint=session.endpoint,
        api_token=session.token or None,
        guest=not session.token,
        verify_tls=session.verify_tls,
        timeout=session.timeout,
        timezone=None,
    )
    with local_client:
        in_cachet_zone = _first_created_at(local_client)
    if sent_utc is None or in_cachet_zone is None:
        found.append(Finding("timezone", PASS, "no dated data yet to read Cachet's timezone"))
        return
    offset = in_cachet_zone - sent_utc
    found.append(
        Finding(
            "timezone",
            PASS,
            f"Cachet's timezone is {_utc_offset(offset)}; this command sends Time-Zone: "
            f"{client.http_client.timezone_name}, so dates are exchanged in that zone "
            "(library clients without timezone= read naive dates in Cachet's zone).",
        )
    )


def _server_date(client: Client) -> datetime | None:
    try:
        client.http_client.request("GET", _CLOCK_PROBE_PATH)
    except HTTPError as exc:
        header = exc.response.headers.get("Date") if exc.response is not None else None
        return parsedate_to_datetime(header) if header else None
    return None


def _first_created_at(client: Client) -> datetime | None:
    for listing in (client.components.list, client.incidents.list, client.metrics.list):
        try:
            item: Any = next(iter(listing(per_page=1)), None)
        except CachetError:
            continue
        raw = item.attrs.get("created_at") if item is not None else None
        if isinstance(raw, str):
            return datetime.strptime(raw, "%Y-%m-%d %H:%M:%S")
    return None


def _utc_offset(offset: timedelta) -> str:
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def token_abilities(client: ClientV3) -> tuple[list[str], list[str]]:
    """The `<resource>.manage` abilities the token has and lacks, asked without changing data.

    An update that sends nothing passes validation and stops at the ability check (403)
    when the token lacks it; with it, Cachet saves nothing. Subscribers are asked with a
    read. Resources with nothing to update yet are not asked; delete abilities cannot be
    asked without deleting.
    """
    has: list[str] = []
    lacks: list[str] = []
    probes: dict[str, Manager[Any]] = {
        "components": client.components,
        "component-groups": client.component_groups,
        "incidents": client.incidents,
        "incident-templates": client.incident_templates,
        "metrics": client.metrics,
        "schedules": client.schedules,
    }
    for resource, manager in probes.items():
        first = next(iter(manager.list(per_page=1)), None)
        if first is not None:
            _record_ability(f"{resource}.manage", partial(manager.update, first.id), has, lacks)
    _record_ability(
        "subscribers.manage", lambda: list(client.subscribers.list(per_page=1)), has, lacks
    )
    return has, lacks


def _record_ability(ability: str, probe: Any, has: list[str], lacks: list[str]) -> None:
    try:
        probe()
    except PermissionDeniedError:
        lacks.append(ability)
    else:
        has.append(ability)


def cachet_3_findings(session: Session) -> list[Finding]:
    """The checks of a Cachet 3 endpoint: its version, the token and its abilities."""
    client = cachet3.client_of(session)
    found = [
        Finding(
            "api", PASS, f"Cachet 3 API at {client.http_client.base_url} (experimental support)"
        )
    ]
    try:
        found.append(Finding("cachet", PASS, f"version {client.version()}"))
    except CachetError as exc:
        return [*found, Finding("cachet", FAIL, str(exc))]
    if not session.token:
        return [*found, Finding("token", WARN, "No token: reads only, as a guest.")]
    try:
        has, lacks = token_abilities(client)
    except HTTPError as exc:
        return [*found, Finding("token", FAIL, str(exc))]
    found.append(Finding("token", PASS, "accepted"))
    found.append(Finding("abilities", PASS, "has " + (", ".join(has) or "none of those asked")))
    if lacks:
        found.append(Finding("abilities", WARN, "lacks " + ", ".join(lacks)))
    found.append(
        Finding("abilities", PASS, "not asked: the .delete abilities (only a deletion would tell)")
    )
    return found


def _speaks_cachet_3(session: Session) -> bool:
    try:
        return cachet3.speaks_cachet_3(session)
    except CachetError:
        return False


def diagnose(session: Session) -> list[Finding]:
    """Run every check in order; stop early when the rest cannot work."""
    found: list[Finding] = []
    try:
        check_endpoint(session, found)
    except Stop:
        return found
    if _speaks_cachet_3(session):
        # The endpoint line above shows the v1 form; Cachet 3's base comes in the `api` line.
        given = Finding("endpoint", PASS, str(session.endpoint))
        return [given, *cachet_3_findings(session)]
    steps: list[Callable[[], None]] = [
        lambda: check_cachet(session.client, found),
        lambda: check_token(session, session.client, found),
        lambda: check_clock(session.client, found),
        lambda: check_timezone(session, session.client, found),
    ]
    for step in steps:
        try:
            step()
        except Stop:
            break
    return found


@click.command()
@click.pass_obj
def doctor(session: Session) -> None:
    """Check the endpoint, the token and the clocks, and say what to fix.

    \b
    Example:
      cachet --endpoint https://status.example.com doctor
    """
    found = diagnose(session)
    if session.renderer.as_json:
        session.renderer.json([asdict(finding) for finding in found])
    else:
        from rich.text import Text

        out = console()
        for finding in found:
            mark, colour = _MARKS[finding.outcome]
            line = Text(f"{mark} ", style=colour)
            line.append(f"{finding.check:<10}", style="bold")
            line.append(finding.message)
            out.print(line)
    if any(finding.outcome == FAIL for finding in found):
        raise click.exceptions.Exit(1)
