"""The work each contender does in a scenario, timed from inside its own process.

Three contenders do the same HTTP work against the same server:

* `ours` and `reference` are both imported as `cachetclient` (each from its own environment)
  and are driven only through the documented API, which they share;
* `raw` is bare `requests.Session` calls: the floor for any requests-based client.

This module needs only the standard library, `requests` and (for the libraries) `cachetclient`,
so it runs unchanged in the reference client's virtual environment.
"""

from __future__ import annotations

import cProfile
import datetime
import itertools
import json
import os
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any

import requests
import requests.adapters

CONTENDERS = ("ours", "raw", "reference")
LIBRARIES = ("ours", "reference")

# Ids of the data set (bench.seeding writes the same numbers; this module cannot import it,
# because it also runs where the emulator is not installed).
COMPONENT_ID = 1
INCIDENT_ID = 1
LISTED_METRIC_ID = 1
CREATED_METRIC_ID = 2

# Counted lists of the `count` scenario: (library manager, its count() arguments, raw path).
COUNTED = (
    ("components", (), "components"),
    ("component_groups", (), "components/groups"),
    ("incidents", (), "incidents"),
    ("incident_updates", (INCIDENT_ID,), f"incidents/{INCIDENT_ID}/updates"),
    ("metrics", (), "metrics"),
    ("metric_points", (LISTED_METRIC_ID,), f"metrics/{LISTED_METRIC_ID}/points"),
    ("schedules", (), "schedules"),
    ("subscribers", (), "subscribers"),
)


@dataclass(frozen=True)
class Job:
    """One scenario for one contender: what to do, how much, how often."""

    contender: str
    scenario: str
    endpoint: str
    token: str
    size: int
    runs: int = 1
    per_page: int | None = None
    """Page size; `None` keeps a library's default (raw must always be told)."""


_requests_sent = 0


@contextmanager
def _counting_requests() -> Iterator[None]:
    """Count every HTTP request a contender sends (the same tiny cost for all three)."""
    send = requests.adapters.HTTPAdapter.send

    def counting_send(self: Any, *args: Any, **kwargs: Any) -> Any:
        global _requests_sent
        _requests_sent += 1
        return send(self, *args, **kwargs)

    requests.adapters.HTTPAdapter.send = counting_send  # type: ignore[method-assign]
    try:
        yield
    finally:
        requests.adapters.HTTPAdapter.send = send  # type: ignore[method-assign]


def run(job: Job, profiler: cProfile.Profile | None = None) -> dict[str, Any]:
    """Warm up once, then time `job.runs` repetitions; the measurements as plain data.

    A `profiler` is enabled during the timed runs only (not imports, set-up or warm-up).
    """
    with _counting_requests():
        work = _prepared(job)
        if profiler is not None:
            profiler.enable()
        runs = [_timed(work, job.size) for _ in range(job.runs)]
        if profiler is not None:
            profiler.disable()
    return {"contender": job.contender, "scenario": job.scenario, "runs": runs}


def serve(job: Job, commands: IO[str], answers: IO[str]) -> None:
    """Warm up and answer `{"ready": true}`; then one timed run per `run` line, as JSON lines.

    Lets the runner interleave the contenders' runs (A, B, C, A, B, C, ...) so a slow moment
    of the machine or the server does not fall on one contender only.
    """
    with _counting_requests():
        work = _prepared(job)
        _answer(answers, {"ready": True})
        for command in commands:
            if command.strip() != "run":
                break
            _answer(answers, _timed(work, job.size))


def _answer(answers: IO[str], message: dict[str, Any]) -> None:
    answers.write(json.dumps(message) + "\n")
    answers.flush()


def _prepared(job: Job) -> Callable[[int], dict[str, Any]]:
    work = _work_for(job)
    # Opens the connection and imports what is loaded lazily; `page-size` warms up without
    # listing, so its runs see the memory of their first page.
    work(0 if job.scenario == "page-size" else 1)
    return work


def _timed(work: Callable[[int], dict[str, Any]], size: int) -> dict[str, Any]:
    sent_before = _requests_sent
    wall_started, cpu_started = time.perf_counter(), time.process_time()
    extra = work(size)
    cpu, wall = time.process_time() - cpu_started, time.perf_counter() - wall_started
    return {"wall": wall, "cpu": cpu, "requests": _requests_sent - sent_before, **extra}


def _work_for(job: Job) -> Callable[[int], dict[str, Any]]:
    if job.contender == "raw":
        if job.per_page is None and job.scenario in ("list-defaults", "list-large"):
            raise ValueError("raw listing needs an explicit per_page")
        return _RawWork(job).scenario(job.scenario)
    if job.contender in LIBRARIES:
        return _LibraryWork(job).scenario(job.scenario)
    raise ValueError(f"unknown contender {job.contender!r}; known: {', '.join(CONTENDERS)}")


class _LibraryWork:
    """Scenarios through the documented API that our client and the reference share."""

    def __init__(self, job: Job) -> None:
        import cachetclient

        self.job = job
        self.client = cachetclient.Client(endpoint=job.endpoint, api_token=job.token)
        self.values = _fresh_values()

    def scenario(self, name: str) -> Callable[[int], dict[str, Any]]:
        table: dict[str, Callable[[int], dict[str, Any]]] = {
            "get": self.get,
            "list-defaults": self.list_defaults,
            "list-large": self.list_large,
            "list-fields": self.list_fields,
            "create": self.create,
            "count": self.count,
            "memory": self.memory,
            "page-size": self.page_size,
        }
        if name not in table:
            raise ValueError(f"no scenario {name!r} for {self.job.contender}")
        return table[name]

    def get(self, size: int) -> dict[str, Any]:
        names = {self.client.components.get(COMPONENT_ID).name for _ in range(size)}
        return {"items": size, "distinct": len(names)}

    def list_defaults(self, size: int) -> dict[str, Any]:
        return {"items": _walk(self.client.incidents.list(), size)}

    def list_large(self, size: int) -> dict[str, Any]:
        per_page = self.job.per_page or 500
        points = self.client.metric_points.list(LISTED_METRIC_ID, per_page=per_page)
        return {"items": _walk(points, size)}

    def list_fields(self, size: int) -> dict[str, Any]:
        """A consumer of the list: reads each point's `value` and `created_at`."""
        points = self.client.metric_points.list(LISTED_METRIC_ID, per_page=self.job.per_page)
        return _read_fields(((p.value, p.created_at) for p in points), size)

    def create(self, size: int) -> dict[str, Any]:
        for _ in range(size):
            self.client.metric_points.create(metric_id=CREATED_METRIC_ID, value=next(self.values))
        return {"items": size}

    def count(self, size: int) -> dict[str, Any]:
        totals = {}
        for _ in range(size):
            for manager, arguments, _path in COUNTED:
                totals[manager] = getattr(self.client, manager).count(*arguments)
        return {"items": size * len(COUNTED), "totals": totals}

    def memory(self, size: int) -> dict[str, Any]:
        measured = _memory_while_walking(self.client.subscribers.list(), size)
        del measured["first_item_at"]
        return measured

    def page_size(self, size: int) -> dict[str, Any]:
        """Iterate metric points at `job.per_page`: time to the first item, memory of a page."""
        if size == 0:
            self.client.components.get(COMPONENT_ID)
            return {"items": 0}
        started, before = time.perf_counter(), _rss_bytes()
        points = self.client.metric_points.list(LISTED_METRIC_ID, per_page=self.job.per_page)
        measured = _memory_while_walking(points, size, baseline=before)
        measured["first_item"] = measured.pop("first_item_at") - started
        return measured


class _RawWork:
    """The same HTTP work as bare `requests.Session` calls: decode JSON, read one field."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.base = job.endpoint.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"X-Cachet-Token": job.token, "Accept": "application/json"})
        self.values = _fresh_values()

    def scenario(self, name: str) -> Callable[[int], dict[str, Any]]:
        table: dict[str, Callable[[int], dict[str, Any]]] = {
            "get": self.get,
            "list-defaults": lambda size: {"items": _walk(self.pages("incidents"), size)},
            "list-large": lambda size: {
                "items": _walk(self.pages(f"metrics/{LISTED_METRIC_ID}/points"), size)
            },
            "list-fields": self.list_fields,
            "create": self.create,
            "count": self.count,
            "memory": self.memory,
        }
        if name not in table:
            raise ValueError(f"no scenario {name!r} for raw requests")
        return table[name]

    def memory(self, size: int) -> dict[str, Any]:
        measured = _memory_while_walking(self.pages("subscribers"), size)
        del measured["first_item_at"]
        return measured

    def _json(self, response: requests.Response) -> Any:
        response.raise_for_status()
        return response.json()

    def get(self, size: int) -> dict[str, Any]:
        url = f"{self.base}/components/{COMPONENT_ID}"
        names = {self._json(self.session.get(url))["data"]["name"] for _ in range(size)}
        return {"items": size, "distinct": len(names)}

    def pages(self, path: str) -> Iterator[dict[str, Any]]:
        url, page = f"{self.base}/{path}", 1
        while True:
            answer = self._json(
                self.session.get(url, params={"per_page": self.job.per_page, "page": page})
            )
            yield from answer["data"]
            if page >= answer["meta"]["pagination"]["total_pages"]:
                return
            page += 1

    def list_fields(self, size: int) -> dict[str, Any]:
        """The same reading by hand: the JSON value, `created_at` through `fromisoformat`."""
        points = self.pages(f"metrics/{LISTED_METRIC_ID}/points")
        parse = datetime.datetime.fromisoformat
        return _read_fields(((p["value"], parse(p["created_at"])) for p in points), size)

    def create(self, size: int) -> dict[str, Any]:
        url = f"{self.base}/metrics/{CREATED_METRIC_ID}/points"
        for _ in range(size):
            self._json(self.session.post(url, json={"value": next(self.values)}))["data"]["id"]
        return {"items": size}

    def count(self, size: int) -> dict[str, Any]:
        totals = {}
        for _ in range(size):
            for manager, _arguments, path in COUNTED:
                answer = self._json(self.session.get(f"{self.base}/{path}", params={"per_page": 1}))
                totals[manager] = answer["meta"]["pagination"]["total"]
        return {"items": size * len(COUNTED), "totals": totals}


def _walk(items: Iterator[Any], limit: int) -> int:
    """Iterate at most `limit` items, reading each one's id; how many there were."""
    seen = 0
    for item in itertools.islice(items, limit):
        item_id = item["id"] if isinstance(item, dict) else item.id
        seen += item_id is not None
    return seen


def _read_fields(pairs: Iterator[tuple[Any, Any]], limit: int) -> dict[str, Any]:
    """Consume at most `limit` (value, created_at) pairs; how many had both."""
    read = 0
    for value, created_at in itertools.islice(pairs, limit):
        read += value is not None and created_at is not None
    return {"items": read}


def _fresh_values() -> Iterator[float]:
    # Distinct values, so Cachet never merges two new points into one (spec 12.4).
    return itertools.count(start=(os.getpid() % 1000) * 1_000_000 + 0.5)


def _rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _memory_while_walking(
    items: Iterator[Any], limit: int, baseline: int | None = None
) -> dict[str, Any]:
    """Resident memory after the first page and at its peak while walking the list.

    The growth is counted from `baseline` (bytes) if given, else from after the first page.
    """
    iterator = itertools.islice(items, limit)
    first = next(iterator, None)
    first_item_at = time.perf_counter()
    after_first_page = _rss_bytes()
    peak = after_first_page
    seen = int(first is not None)
    for seen, _item in enumerate(iterator, start=2):
        if seen % 100 == 0:
            peak = max(peak, _rss_bytes())
    peak = max(peak, _rss_bytes())
    if baseline is None:  # the process's own peak, which may predate the walk
        peak = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
    mebibyte = 1024 * 1024
    return {
        "items": seen,
        "first_item_at": first_item_at,
        "rss_after_first_page_mb": after_first_page / mebibyte,
        "rss_peak_mb": peak / mebibyte,
        "rss_growth_mb": (peak - (after_first_page if baseline is None else baseline)) / mebibyte,
    }
