"""What the client does with a value that cannot travel as JSON."""

from __future__ import annotations

import pytest

from cachetclient.v1.client import Client


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_number_json_cannot_carry_is_refused_before_sending(client: Client, value: float) -> None:
    metric = client.metrics.create(name="Latency", description="p50", suffix="ms")

    with pytest.raises(ValueError, match="JSON"):
        client.metric_points.create(metric_id=metric.id or 0, value=value)

    assert client.metric_points.count(metric.id or 0) == 0
