"""Emulator speed: keep-alive GETs of one component over one connection.

    python bench/emulator_requests.py [COUNT]

Prints requests per second and the mean time per request for two clients: `requests.Session`
and the lighter `http.client` (whose figure is closer to the server's own time), and the mean
time spent inside the emulator's ASGI application (server time without uvicorn's parsing).
"""

from __future__ import annotations

import http.client
import sys
import time
from collections.abc import Callable
from typing import Any

import requests

from cachet_emulator.app import CachetApp
from cachet_emulator.server import CachetEmulator


class TimedApp:
    """The emulator's ASGI app, timing every call."""

    def __init__(self, app: CachetApp) -> None:
        self.app = app
        self.calls = 0
        self.seconds = 0.0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        started = time.perf_counter()
        await self.app(scope, receive, send)
        self.seconds += time.perf_counter() - started
        self.calls += 1


def _measure(label: str, count: int, get: Callable[[], int]) -> None:
    for _ in range(200):  # warm up
        get()
    started = time.perf_counter()
    for _ in range(count):
        assert get() == 200
    elapsed = time.perf_counter() - started
    print(
        f"{label}: {count} GET /api/v1/components/1 on one keep-alive connection: "
        f"{count / elapsed:.0f} req/s, mean {elapsed / count * 1000:.3f} ms per request"
    )


def main() -> None:
    """Run COUNT (default 2000) GETs with each client."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    emulator = CachetEmulator()
    timed = TimedApp(emulator.app)
    emulator.app = timed  # type: ignore[assignment]
    with emulator, requests.Session() as session:
        headers = {"X-Cachet-Token": emulator.token}
        session.post(emulator.endpoint + "/components", json={"name": "API"}, headers=headers)
        url = emulator.endpoint + "/components/1"
        _measure("requests.Session", count, lambda: session.get(url).status_code)
        connection = http.client.HTTPConnection("127.0.0.1", emulator.port)

        def get_raw() -> int:
            connection.request("GET", "/api/v1/components/1")
            response = connection.getresponse()
            response.read()
            return response.status

        timed.calls, timed.seconds = 0, 0.0
        _measure("http.client", count, get_raw)
        connection.close()
        print(
            f"inside the application: mean {timed.seconds / timed.calls * 1000:.3f} ms per request"
        )


if __name__ == "__main__":
    main()
