"""Every manager's public names, listed once: adding or removing one is a decision.

A manager shows the methods the 3.1.1 documentation names (and `path`, `resource_class`,
`instance_from_*`), plus a few deliberate extras; its plumbing is private.
"""

from __future__ import annotations

from typing import Any

import pytest

from cachetclient.base import Manager
from cachetclient.httpclient import HttpClient
from cachetclient.v1.client import Client

EVERY_MANAGER = {
    "instance_from_dict",
    "instance_from_json",
    "instance_list_from_json",
    "path",
    "resource_class",
}
CRUD = {"count", "create", "delete", "get", "list", "update"}

PUBLIC_NAMES = {
    "ping": {"get"},
    "version": {"get"},
    "status": {"get"},
    "subscribers": {"count", "create", "delete", "list"},
    "subscriptions": {"delete"},
    "components": CRUD,
    # `components`, and `components_manager` as in the releases: the component manager.
    "component_groups": CRUD | {"components", "components_manager"},
    "incident_updates": CRUD,
    # The manager the incidents' `updates()` use, under the releases' name.
    "incidents": CRUD | {"incident_update_manager"},
    "incident_templates": {"count", "get", "list"},
    # `create_many`: bulk creation, ours.
    "metric_points": (CRUD - {"get"}) | {"create_many"},
    "metrics": CRUD,
    "schedules": CRUD,
}


def _managers() -> dict[str, Manager[Any]]:
    client = Client(HttpClient("http://status.invalid/api/v1"))  # builds managers, sends nothing
    return {name: value for name, value in vars(client).items() if isinstance(value, Manager)}


def test_every_manager_of_the_client_is_listed() -> None:
    assert set(_managers()) == set(PUBLIC_NAMES)


@pytest.mark.parametrize("attribute", sorted(PUBLIC_NAMES))
def test_a_manager_shows_only_its_listed_names(attribute: str) -> None:
    manager = _managers()[attribute]

    public = {name for name in dir(manager) if not name.startswith("_")}

    assert public == PUBLIC_NAMES[attribute] | EVERY_MANAGER
