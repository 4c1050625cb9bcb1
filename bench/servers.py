"""Server processes of the benchmark: the seeded emulator, and a hello-world app on its stack.

    python -m bench.servers emulator --token T [--incidents N --points N --subscribers N
                                                --components N | --demo]
    python -m bench.servers hello

Each prints one `... listening on URL` line once it accepts connections and serves until
SIGINT or SIGTERM. Running them apart keeps the server's CPU out of the client's figures.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bench.seeding import DataSet, seed
from cachet_emulator.seed import seed_demo
from cachet_emulator.server import CachetEmulator


async def _hello(request: Request) -> JSONResponse:
    if request.method == "POST":
        return JSONResponse({"data": await request.json()})
    return JSONResponse({"data": "Hello, world!"})


HELLO_APP = Starlette(routes=[Route("/hello", _hello, methods=["GET", "POST"])])
"""The smallest useful app: a GET answering a constant and a POST echoing its JSON."""


class HelloServer(CachetEmulator):
    """The hello-world app served exactly as the emulator serves its own (same start code)."""

    def __init__(self) -> None:
        super().__init__()
        self.app: Any = HELLO_APP


def main(argv: list[str] | None = None) -> int:
    """Start the chosen server, print where it listens, serve until told to stop."""
    parser = argparse.ArgumentParser(prog="python -m bench.servers")
    parser.add_argument("kind", choices=["emulator", "hello"])
    parser.add_argument("--token")
    parser.add_argument("--incidents", type=int, default=0)
    parser.add_argument("--points", type=int, default=0)
    parser.add_argument("--subscribers", type=int, default=0)
    parser.add_argument("--components", type=int, default=10)
    parser.add_argument("--demo", action="store_true", help="the demo data instead")
    arguments = parser.parse_args(argv)
    if arguments.kind == "hello":
        server: CachetEmulator = HelloServer()
    else:
        server = CachetEmulator(token=arguments.token)
        if arguments.demo:
            seed_demo(server.store)
        else:
            data = DataSet(
                arguments.incidents, arguments.points, arguments.subscribers, arguments.components
            )
            seed(server.store, data)
    stopping = threading.Event()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signal_number, lambda number, frame: stopping.set())
    server.start()
    print(f"{arguments.kind} listening on {server.url}", flush=True)
    try:
        while not stopping.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
