"""What a scenario's code can observe, written down the same way whichever library runs it.

This module runs inside each library's interpreter (this project's, or a release's virtualenv),
so it uses nothing but the standard library and `requests`. A scenario calls
`steps.do("label", function, *args)`: the result (or the exception) is encoded as plain JSON,
together with the requests the emulator received during the step. An exception ends the
scenario, as it would end a script.

Encoded values are `[kind, payload]` pairs, so types are compared along with values:
`["int", 1]` is not `["str", "1"]`. Timestamps the server chose itself (within the scenario's
run) become "<now>", and values that depend on chance or on the moment of reading (subscriber
verify codes, an incident's duration) a placeholder, so runs at different moments compare
equal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from itertools import islice
from typing import Any

import requests

# The documented fields of each resource class (cachet-client 3.1.1 reference), read from
# every resource a step returns.
DOCUMENTED_FIELDS: dict[str, tuple[str, ...]] = {
    "Component": (
        "id", "name", "description", "link", "status", "status_name", "order", "group_id",
        "enabled", "tags", "created_at", "updated_at",
    ),
    "ComponentGroup": (
        "id", "name", "order", "collapsed", "lowest_human_status", "is_collapsed", "is_open",
        "is_operational", "visible", "created_at", "updated_at",
    ),
    "Incident": (
        "id", "component_id", "name", "message", "notify", "status", "human_status", "visible",
        "scheduled_at", "created_at", "updated_at", "deleted_at",
    ),
    "IncidentUpdate": (
        "id", "incident_id", "status", "message", "user_id", "human_status", "permalink",
        "created_at", "updated_at",
    ),
    "Metric": (
        "id", "name", "description", "default_value", "display_chart", "places", "threshold",
        "visible", "order", "suffix", "calc_type", "default_view", "created_at", "updated_at",
    ),
    "MetricPoint": (
        "id", "metric_id", "value", "calculated_value", "counter", "created_at", "updated_at",
    ),
    "Schedule": ("id", "name", "message", "status", "scheduled_at", "completed_at"),
    "Subscriber": (
        "id", "email", "verify_code", "is_global", "created_at", "updated_at", "verified_at",
    ),
    "Version": ("value", "on_latest", "latest"),
}  # fmt: skip
# Fields whose value depends on chance or on the moment of reading, not on the client.
VARYING_KEYS = {"verify_code": "<random>", "duration": "<seconds since>"}
ITEM_LIMIT = 200
# Cachet rounds some timestamps (metric points to their metric's threshold) and shows them in
# its own timezone, which a scenario may change; every timestamp a scenario gives is years away.
_SLACK = timedelta(days=1)
_TEXT_FORMATS = (
    (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"), "%Y-%m-%d %H:%M:%S"),
    (re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d"), "%Y-%m-%d %H:%M"),
    (
        re.compile(r"[A-Z][a-z]+day \d\d?(st|nd|rd|th) [A-Z][a-z]+ \d{4} \d\d:\d\d:\d\d"),
        "%A %d %B %Y %H:%M:%S",
    ),
)
_ORDINAL = re.compile(r"\b(\d\d?)(st|nd|rd|th)\b")
_TAG_SEPARATOR = re.compile(r" ?, ?")  # Cachet's preg_split('/ ?, ?/', $tags)


class ScenarioStopped(Exception):
    """A step raised: the scenario ends there, as a script would."""


class RunNormaliser:
    """What differs between two runs of the same code: the moments a scenario ran between
    (to tell server-chosen timestamps from given ones) and the emulator's address."""

    def __init__(self, emulator_url: str = "") -> None:
        self.started = datetime.now(timezone.utc).replace(tzinfo=None)
        self.emulator_url = emulator_url.rstrip("/")

    def is_now(self, moment: datetime) -> bool:
        """Whether a UTC moment falls within the run (give or take the slack)."""
        if moment.tzinfo is not None:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        earliest = self.started - _SLACK
        latest = datetime.now(timezone.utc).replace(tzinfo=None) + _SLACK
        return earliest <= moment <= latest

    def text(self, text: str) -> str:
        """A text, with "<now>" for a timestamp of the run in any format Cachet writes, and
        "<emulator>" for the emulator's address."""
        if self.emulator_url and self.emulator_url in text:
            return text.replace(self.emulator_url, "<emulator>")
        for pattern, layout in _TEXT_FORMATS:
            if pattern.fullmatch(text):
                try:
                    moment = datetime.strptime(_ORDINAL.sub(r"\1", text), layout)
                except ValueError:
                    return text
                return "<now>" if self.is_now(moment) else text
        return text


def encode(value: Any, normaliser: RunNormaliser) -> Any:
    """`value` as `[kind, payload]` JSON (iterators are consumed, up to ITEM_LIMIT items)."""
    if value is None or isinstance(value, bool | int | float):
        return [type(value).__name__, value]
    if isinstance(value, str):
        return ["str", normaliser.text(value)]
    if isinstance(value, datetime):
        shown = "<now>" if normaliser.is_now(value) else value.isoformat()
        return ["datetime", shown, "naive" if value.tzinfo is None else "aware"]
    if isinstance(value, requests.Response):
        return ["Response", {"status_code": value.status_code, "json": _json_of(value, normaliser)}]
    if isinstance(value, dict):
        return [
            "dict",
            {str(key): _field(str(key), item, normaliser) for key, item in value.items()},
        ]
    if isinstance(value, list | tuple):
        return [type(value).__name__, [encode(item, normaliser) for item in value]]
    if isinstance(value, set | frozenset):
        return ["set", sorted((encode(item, normaliser) for item in value), key=repr)]
    if isinstance(value, type):
        return ["class", value.__name__]
    if type(value).__name__ == "module":
        return ["module", value.__name__]
    if hasattr(value, "attrs") and hasattr(value, "get"):
        return _resource(value, normaliser)
    if isinstance(value, Iterator):
        return ["iterator", [encode(item, normaliser) for item in islice(value, ITEM_LIMIT)]]
    return ["object", type(value).__name__]


def _field(name: str, value: Any, normaliser: RunNormaliser) -> Any:
    if name in VARYING_KEYS and isinstance(value, str | int) and not isinstance(value, bool):
        return [type(value).__name__, VARYING_KEYS[name]]
    return encode(value, normaliser)


def _json_of(response: requests.Response, normaliser: RunNormaliser) -> Any:
    try:
        return encode(response.json(), normaliser)
    except ValueError:
        return ["text", response.text]


def _resource(resource: Any, normaliser: RunNormaliser) -> Any:
    kind = type(resource).__name__
    fields = {}
    for name in DOCUMENTED_FIELDS.get(kind, ()):
        try:
            fields[name] = _field(name, getattr(resource, name), normaliser)
        except Exception as error:
            fields[name] = raised(error)
    return [kind, {"attrs": encode(resource.attrs, normaliser), "fields": fields}]


def raised(error: BaseException) -> list[Any]:
    """An exception as code can tell it: the nearest standard or `requests` class it is an
    instance of (the classes `except` clauses written for the releases name), and the HTTP
    status it carries."""
    documented = next(
        cls
        for cls in type(error).__mro__
        if cls.__module__ == "builtins" or cls.__module__.startswith("requests")
    )
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    return [
        "raised",
        {"class": f"{documented.__module__}.{documented.__qualname__}", "status": status},
    ]


def as_cachet_reads(body: Any) -> Any:
    """A JSON body as Cachet's input reads it: a null or an empty list is the same as leaving
    the field out, `true`/`false` are `1`/`0`, a decimal string is the number, and `tags`
    text is the names Cachet splits it into."""
    if not isinstance(body, dict):
        return body
    read = {}
    for key, value in body.items():
        if value is None or value == []:
            continue
        if isinstance(value, bool):
            value = int(value)
        elif key == "tags" and isinstance(value, str):
            value = _TAG_SEPARATOR.split(value)
        elif isinstance(value, str) and value.isdecimal():
            value = int(value)
        read[key] = value
    return read


class Steps:
    """The steps of one scenario run: what each returned and the requests it caused."""

    def __init__(self, emulator_url: str, token: str) -> None:
        self.endpoint = emulator_url.rstrip("/") + "/api/v1"
        self.token = token
        self.normaliser = RunNormaliser(emulator_url)
        self.recorded: list[dict[str, Any]] = []
        self._log_url = emulator_url.rstrip("/") + "/_emulator/requests"
        self._session = requests.Session()
        self._session.headers["X-Cachet-Token"] = token

    def do(self, label: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call `function`, record what it returned (or raised) and the requests it caused.

        Returns the result; an iterator comes back as the list of what it yielded.
        """
        try:
            result = function(*args, **kwargs)
            if isinstance(result, Iterator) and not hasattr(result, "attrs"):
                result = list(islice(result, ITEM_LIMIT))
                seen = ["iterator", [encode(item, self.normaliser) for item in result]]
            else:
                seen = encode(result, self.normaliser)
        except Exception as error:
            self._record(label, raised(error))
            raise ScenarioStopped(label) from error
        self._record(label, seen)
        return result

    def see(self, label: str, read: Callable[[], Any]) -> Any:
        """`do` for reading a value: `steps.see("name", lambda: component.name)`."""
        return self.do(label, read)

    def configure_emulator(self, **settings: Any) -> None:
        """Change settings of the emulator (the runner restores them for the next scenario)."""
        url = self._log_url.rsplit("/", 1)[0] + "/settings"
        self._session.put(url, json=settings, timeout=30).raise_for_status()

    def client(self) -> Any:
        """A client made the documented way: `cachetclient.Client(endpoint=..., api_token=...)`."""
        import cachetclient

        return cachetclient.Client(endpoint=self.endpoint, api_token=self.token)

    def uncaught(self, error: BaseException) -> None:
        """Record an exception raised outside any step (a scenario must not have one)."""
        self._record("<uncaught>", raised(error))

    def _record(self, label: str, seen: Any) -> None:
        received = self._session.get(self._log_url, timeout=30)
        received.raise_for_status()
        self._session.delete(self._log_url, timeout=30).raise_for_status()
        requests_seen = [
            [entry["method"], entry["path"], encode(entry["query"], self.normaliser),
             encode(as_cachet_reads(entry["body"]), self.normaliser)]
            for entry in received.json()["data"]
        ]  # fmt: skip
        self.recorded.append({"step": label, "value": seen, "requests": requests_seen})
