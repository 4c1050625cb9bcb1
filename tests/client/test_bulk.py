"""Bulk creation of metric points, with either client."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

import cachetclient
from cachetclient.v1.client import Client


def test_create_many_creates_every_point_in_order(client: Client) -> None:
    metric = client.metrics.create(name="Jobs", description="Queued jobs", suffix="jobs")
    result = client.metric_points.create_many(metric.id, [5, 6.5, 7], concurrency=2)
    assert result.ok
    assert [point.value for point in result.succeeded] == [5, 6.5, 7]
    assert sorted(p.value for p in client.metric_points.list(metric.id)) == [5, 6.5, 7]


def test_create_many_takes_timestamps(client: Client) -> None:
    metric = client.metrics.create(name="Jobs", description="Queued jobs", suffix="jobs")
    when = datetime(2024, 5, 1, 12, 0)
    result = client.metric_points.create_many(metric.id, [(3, when)])
    assert result.succeeded[0].created_at == when


def test_create_many_reports_refused_points_and_creates_the_others(client: Client) -> None:
    metric = client.metrics.create(name="Jobs", description="Queued jobs", suffix="jobs")
    result = client.metric_points.create_many(metric.id + 1000, [1], concurrency=1)
    assert [failure.index for failure in result.failures] == [0]
    assert result.results == [None]
    mixed = client.metric_points.create_many(metric.id, [1, None, 2])  # type: ignore[list-item]
    assert [(f.index, f.item) for f in mixed.failures] == [(1, None)]
    assert client.metric_points.count(metric.id) == 2


def test_create_many_with_nothing_to_do_sends_nothing(client: Client) -> None:
    result = client.metric_points.create_many(1, [])
    assert result.ok and result.results == []


def test_create_many_refuses_a_bad_concurrency(client: Client) -> None:
    with pytest.raises(ValueError, match="concurrency"):
        client.metric_points.create_many(1, [1.0], concurrency=True)


class _SlowPointServer(http.server.ThreadingHTTPServer):
    """Answers each POST as Cachet answers a new point, 50 ms late; counts requests in flight."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _SlowPointHandler)
        self.lock = threading.Lock()
        self.in_flight = self.most_in_flight = self.created = 0
        self.connections: set[int] = set()


class _SlowPointHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _SlowPointServer

    def do_POST(self) -> None:
        sent = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with self.server.lock:
            self.server.in_flight += 1
            self.server.most_in_flight = max(self.server.most_in_flight, self.server.in_flight)
            self.server.created += 1
            point_id = self.server.created
            self.server.connections.add(self.client_address[1])
        time.sleep(0.05)
        with self.server.lock:
            self.server.in_flight -= 1
        body = json.dumps({"data": {"id": point_id, "metric_id": 1, "value": sent["value"]}})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


@pytest.fixture
def slow_points() -> Iterator[_SlowPointServer]:
    """A server whose point creations overlap only if the client sends them at once."""
    server = _SlowPointServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("concurrency", [1, 4])
def test_sync_create_many_keeps_to_its_concurrency(
    slow_points: _SlowPointServer, concurrency: int
) -> None:
    endpoint = f"http://127.0.0.1:{slow_points.server_address[1]}/api/v1"
    values = [float(n) for n in range(12)]
    with cachetclient.Client(endpoint=endpoint, api_token="t") as client:
        result = client.metric_points.create_many(1, values, concurrency=concurrency)

    assert result.ok
    assert [point.value for point in result.succeeded] == values  # input order
    assert slow_points.created == len(values)
    assert 1 <= slow_points.most_in_flight <= concurrency
    assert slow_points.most_in_flight > 1 or concurrency == 1
    assert len(slow_points.connections) == concurrency  # one kept-alive connection per thread
