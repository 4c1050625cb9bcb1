"""Server throughput: keep-alive HTTP/1.1 requests over N connections for a fixed time.

The load generator is asyncio with pre-built request bytes and minimal parsing (status line,
`Content-Length`), so it spends far less CPU per request than the server it measures.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Probe:
    """One kind of request to repeat: method, URL, headers and optional JSON body."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    body: object | None = None

    def wire_bytes(self) -> bytes:
        """The full request as sent on the wire."""
        parts = urlsplit(self.url)
        payload = b"" if self.body is None else json.dumps(self.body).encode()
        lines = [f"{self.method} {parts.path} HTTP/1.1", f"Host: {parts.netloc}"]
        lines += [f"{name}: {value}" for name, value in self.headers]
        if self.body is not None:
            lines += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


@dataclass(frozen=True)
class Throughput:
    """Completed requests per second, and how many answers were not 2xx."""

    requests_per_second: float
    requests: int
    failures: int


def measure(probe: Probe, connections: int, seconds: float) -> Throughput:
    """Repeat `probe` on `connections` keep-alive connections for `seconds`."""
    return asyncio.run(_measure(probe, connections, seconds))


async def _measure(probe: Probe, connections: int, seconds: float) -> Throughput:
    parts = urlsplit(probe.url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    request = probe.wire_bytes()
    streams = [await asyncio.open_connection(host, port) for _ in range(connections)]
    for reader, writer in streams:  # warm up every connection once
        await _exchange(reader, writer, request)
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    results = await asyncio.gather(
        *(_repeat(reader, writer, request, deadline) for reader, writer in streams)
    )
    elapsed = time.perf_counter() - started
    for _reader, writer in streams:
        writer.close()
    done = sum(count for count, _ in results)
    return Throughput(done / elapsed, done, sum(failed for _, failed in results))


async def _repeat(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes, deadline: float
) -> tuple[int, int]:
    done = failed = 0
    while time.perf_counter() < deadline:
        status = await _exchange(reader, writer, request)
        done += 1
        failed += not 200 <= status < 300
    return done, failed


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> int:
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if length:
        await reader.readexactly(length)
    return status
