"""Bulk creation of metric points, with either client (the sync one sends one at a time)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from cachetclient.v1.client import Client


def test_create_many_creates_every_point_in_order(client: Client) -> None:
    metric = client.metrics.create(name="Jobs", description="Queued jobs", suffix="jobs")
    result = client.metric_points.create_many(metric.id, [5, 6.5, 7], concurrency=2)
    assert result.ok
    assert [point.value for point in result.succeeded] == [5, 6.5, 7]
    assert sorted(p.value for p in client.metric_points.list(metric.id)) == [5, 6.5, 7]


def test_create_many_takes_timestamps(client: Client) -> None:
    metric = client.metrics.create(name="Jobs", description="Queued jobs", suffix="jobs")
    when = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
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
