"""Ids and integer fields given as decimal strings, as argument parsers and config files give."""

from __future__ import annotations

from typing import Any

import pytest

from cachetclient.v1 import enums
from cachetclient.v1.client import Client


def test_get_update_delete_accept_string_ids(client: Client) -> None:
    component = client.components.create(name="API", status=1)
    text_id = str(component.id)

    fetched = client.components.get(text_id)
    updated = client.components.update(text_id, status="3")
    client.components.delete(f" {text_id} ")

    assert fetched.name == "API"
    assert updated.status == enums.COMPONENT_STATUS_PARTIAL_OUTAGE
    assert client.components.count() == 0


def test_create_and_filters_accept_integer_strings(client: Client) -> None:
    group = client.component_groups.create(name="Services", order="2")
    client.components.create(name="API", status="2", group_id=str(group.id), order="1")
    client.components.create(name="Web", status=1)

    listed = list(client.components.list(status="2"))

    assert [(c.name, c.status, c.group_id, c.order) for c in listed] == [("API", 2, group.id, 1)]
    assert client.component_groups.get(group.id).order == 2


def test_nested_resources_accept_string_parent_ids(client: Client) -> None:
    incident = client.incidents.create(name="Down", message="Looking", status=1)
    update = client.incident_updates.create(
        incident_id=str(incident.id), status="2", message="Found it"
    )
    metric = client.metrics.create(name="Latency", description="ms", suffix="ms")
    client.metric_points.create(metric_id=str(metric.id), value=5)

    assert client.incident_updates.get(str(incident.id), str(update.id)).status == 2
    assert [p.value for p in client.metric_points.list(str(metric.id))] == [5.0]


def test_attributes_accept_integer_strings(client: Client) -> None:
    component = client.components.create(name="API", status=1)
    component.status = "4"  # type: ignore[assignment]
    component.update()

    assert client.components.get(component.id).status == enums.COMPONENT_STATUS_MAJOR_OUTAGE


@pytest.mark.parametrize(
    ("value", "error"),
    [("abc", ValueError), ("1.5", ValueError), (1.5, TypeError), (True, TypeError)],
)
def test_values_that_are_not_integers_are_refused_before_sending(
    client: Client, value: Any, error: type[Exception]
) -> None:
    component = client.components.create(name="API", status=1)

    with pytest.raises(error, match="integer"):
        client.components.update(component.id, status=value)
    with pytest.raises(error, match="an id"):
        client.components.get(value)
    with pytest.raises(error, match="an id"):
        client.components.delete(value)

    kept = client.components.get(component.id)
    assert (kept.status, client.components.count()) == (1, 1)


def test_page_and_per_page_accept_integer_strings(client: Client) -> None:
    for name in ("A", "B", "C"):
        client.components.create(name=name, status=1)

    listed = [c.name for c in client.components.list(page="2", per_page="2")]  # type: ignore[arg-type]

    assert listed == ["C"]
    with pytest.raises(ValueError, match="per_page"):
        list(client.components.list(per_page="many"))  # type: ignore[arg-type]
