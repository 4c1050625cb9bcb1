"""Sync vs async client: creating metric points against one emulator, side by side.

    python bench/async_points.py [COUNT] [LATENCY_MS]

Starts the emulator in its own process, then creates COUNT (default 1000) points of a fresh
metric six ways: one after the other with `Client`, with `Client`'s `metric_points.create_many`
at concurrency 8 and 32 (threads), and with `AsyncClient`'s at concurrency 1, 8 and 32. Prints
each time and its speed-up over the sequential sync client (its seconds / their seconds).

It does so twice: on loopback, where the one-process emulator is the bottleneck, and with
LATENCY_MS (default 10) added to every answer by the emulator's `delay` fault, as a server
across a network would take; concurrency pays off there.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

import requests

import cachetclient

_LISTENING = re.compile(r"Cachet emulator listening on (\S+) \(token: (\w+)\)")


@contextmanager
def emulator_process() -> Iterator[tuple[str, str]]:
    """`python -m cachet_emulator` on a free port; yields (endpoint, token)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cachet_emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        match = _LISTENING.search(process.stdout.readline())
        if not match:
            raise SystemExit("the emulator did not start")
        yield match.group(1), match.group(2)
    finally:
        process.terminate()
        process.wait(10)


def new_metric(endpoint: str, token: str, label: str) -> int:
    """A fresh metric for one run (so every run starts from the same state)."""
    with cachetclient.Client(endpoint, token) as client:
        metric = client.metrics.create(name=f"bench {label}", description="bench", suffix="ms")
        return int(metric.id)


def sync_run(endpoint: str, token: str, values: list[float]) -> None:
    """Create every point with the sync client, one after the other."""
    metric_id = new_metric(endpoint, token, "sync")
    with cachetclient.Client(endpoint, token) as client:
        for value in values:
            client.metric_points.create(metric_id=metric_id, value=value)


def sync_many_run(endpoint: str, token: str, values: list[float], concurrency: int) -> None:
    """Create every point with the sync client's `create_many` at the given concurrency."""
    metric_id = new_metric(endpoint, token, f"sync {concurrency}")
    with cachetclient.Client(endpoint, token) as client:
        result = client.metric_points.create_many(metric_id, values, concurrency=concurrency)
        if not result.ok:
            raise SystemExit(f"{len(result.failures)} points failed: {result.failures[0]}")


def async_run(endpoint: str, token: str, values: list[float], concurrency: int) -> None:
    """Create every point with `create_many` at the given concurrency."""
    metric_id = new_metric(endpoint, token, f"async {concurrency}")

    async def create_all() -> None:
        async with cachetclient.AsyncClient(endpoint, token) as client:
            result = await client.metric_points.create_many(
                metric_id, values, concurrency=concurrency
            )
            if not result.ok:
                raise SystemExit(f"{len(result.failures)} points failed: {result.failures[0]}")

    asyncio.run(create_all())


def timed(run: Callable[[], None]) -> float:
    """Seconds one run takes."""
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def add_latency(endpoint: str, token: str, seconds: float, times: int) -> None:
    """Make the next `times` point creations answer `seconds` late (the `delay` fault)."""
    control = endpoint.split("/api/")[0] + "/_emulator/faults"
    fault: dict[str, object] = {"kind": "delay", "method": "POST", "times": times}
    fault.update(path="/api/v1/metrics/*/points", seconds=seconds)
    answer = requests.post(control, json=fault, headers={"X-Cachet-Token": token}, timeout=10)
    answer.raise_for_status()


def compare(endpoint: str, token: str, values: list[float], latency: float) -> None:
    """Time the sync run and the three async runs; print times and ratios."""
    count = len(values)
    if latency:
        add_latency(endpoint, token, latency, times=count)
    sync_seconds = timed(lambda: sync_run(endpoint, token, values))
    print(
        f"  Client, sequential:              {sync_seconds:6.2f} s  ({count / sync_seconds:.0f}/s)"
    )
    variants = [("Client, threads", sync_many_run, c) for c in (8, 32)]
    variants += [("AsyncClient, tasks", async_run, c) for c in (1, 8, 32)]
    for label, run, concurrency in variants:
        if latency:
            add_latency(endpoint, token, latency, times=count)
        seconds = timed(partial(run, endpoint, token, values, concurrency))
        print(
            f"  {label + ', concurrency ' + str(concurrency):33}: {seconds:6.2f} s  "
            f"({count / seconds:.0f}/s)  speed-up {sync_seconds / seconds:.2f}"
        )


def main() -> None:
    """Run the four variants against one emulator, without and with latency; print ratios."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    latency_ms = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    values = [float(n % 97) for n in range(count)]
    with emulator_process() as (endpoint, token):
        sync_run(endpoint, token, values[:50])  # warm up every path
        sync_many_run(endpoint, token, values[:50], 8)
        async_run(endpoint, token, values[:50], 8)
        print(f"{count} metric points, loopback:")
        compare(endpoint, token, values, 0.0)
        print(f"{count} metric points, {latency_ms:g} ms added to every answer:")
        compare(endpoint, token, values, latency_ms / 1000)


if __name__ == "__main__":
    main()
