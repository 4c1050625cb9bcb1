"""The `status-page` scenario: how fast the emulator renders Cachet's front page.

Two data sets, each in its own seeded emulator process: the demo data (`--seed demo`), and
2,000 incidents (all inside the timeline), 50 components and 20,000 metric points. For each,
the first load after start (cold: no Markdown rendered yet), then the median of repeated
loads, side by side with the API presenting the same incidents as JSON on one page
(`GET /api/v1/incidents?per_page=N`), on the same server in the same run.
"""

from __future__ import annotations

import secrets
import statistics
import time
from dataclasses import dataclass
from typing import Any

import requests

from bench.processes import ServerProcess

TARGET_MS = {"demo": 50.0, "large": 250.0}
"""The issue's targets: the front page under 50 ms (demo) and 250 ms (large data set)."""


@dataclass(frozen=True)
class PageDataSet:
    """A data set of the scenario: its name, the server arguments, how many incidents."""

    name: str
    arguments: tuple[str, ...]
    incidents: int


def data_sets(points: int, incidents: int) -> tuple[PageDataSet, ...]:
    """The demo data and the large data set (sized by the plan)."""
    large = ("--incidents", str(incidents), "--points", str(points), "--components", "50")
    return (PageDataSet("demo", ("--demo",), 2), PageDataSet("large", large, incidents))


def measure(loads: int, points: int, incidents: int) -> list[dict[str, Any]]:
    """One row per data set: cold and median page loads, server CPU, and the API beside."""
    return [_measure_one(data, loads) for data in data_sets(points, incidents)]


def _measure_one(data: PageDataSet, loads: int) -> dict[str, Any]:
    token = secrets.token_hex(10)
    with ServerProcess("emulator", "--token", token, *data.arguments) as server:
        session = requests.Session()
        page_url = server.url + "/"
        api_url = f"{server.url}/api/v1/incidents?per_page={max(data.incidents, 1)}"
        cold = _timed(session, page_url)
        cpu_before = server.cpu_seconds()
        page = [_timed(session, page_url) for _ in range(loads)]
        page_cpu = (server.cpu_seconds() - cpu_before) / loads
        api = [_timed(session, api_url) for _ in range(loads)]
        size = len(session.get(page_url, timeout=60).content)
    row = {
        "data_set": data.name,
        "cold_ms": cold * 1000,
        "page_ms": statistics.median(page) * 1000,
        "page_server_cpu_ms": page_cpu * 1000,
        "api_ms": statistics.median(api) * 1000,
        "page_bytes": size,
        "target_ms": TARGET_MS[data.name],
    }
    row["page/api"] = row["page_ms"] / row["api_ms"]
    print(
        f"  status page ({data.name}): {row['page_ms']:.1f} ms (cold {row['cold_ms']:.1f} ms, "
        f"server cpu {row['page_server_cpu_ms']:.1f} ms), API incidents {row['api_ms']:.1f} ms",
        flush=True,
    )
    return row


def _timed(session: requests.Session, url: str) -> float:
    started = time.perf_counter()
    response = session.get(url, timeout=60)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed
