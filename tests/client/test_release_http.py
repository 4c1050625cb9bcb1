"""`client._http`: the releases' private transport, still used by real code."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

import cachetclient
from cachetclient.errors import AuthenticationError, NotFoundError
from cachetclient.v1.client import Client

pytestmark = pytest.mark.filterwarnings("ignore:client._http is private:DeprecationWarning")


@pytest.fixture
def sync_client(cachet_emulator: Any) -> Iterator[Client]:
    """A sync client: `_http` existed only there."""
    with cachetclient.Client(
        endpoint=cachet_emulator.endpoint, api_token=cachet_emulator.token, backoff_base=0.01
    ) as client:
        yield client


def test_http_post_get_put_delete_return_responses(sync_client: Client) -> None:
    created = sync_client._http.post("components", data={"name": "API", "status": 1})
    component_id = created.json()["data"]["id"]

    fetched = sync_client._http.get(f"components/{component_id}")
    changed = sync_client._http.put(f"components/{component_id}", data={"status": 3})
    deleted = sync_client._http.delete("components", component_id)

    assert isinstance(created, requests.Response)
    assert fetched.status_code == 200
    assert fetched.json()["data"]["name"] == "API"
    assert changed.json()["data"]["status"] == 3
    assert deleted.status_code == 204
    assert sync_client.components.count() == 0


def test_http_get_sends_query_parameters(sync_client: Client) -> None:
    for name in ("API", "Web", "DB"):
        sync_client.components.create(name=name, status=1)

    page = sync_client._http.get("components", params={"per_page": 2, "page": 2}).json()

    assert [item["name"] for item in page["data"]] == ["DB"]
    assert page["meta"]["pagination"]["total"] == 3


def test_http_errors_are_requests_http_errors_with_the_response(sync_client: Client) -> None:
    with pytest.raises(requests.HTTPError) as raised:
        sync_client._http.get("components/999").raise_for_status()

    assert isinstance(raised.value, NotFoundError)
    assert raised.value.response is not None
    assert raised.value.response.status_code == 404


def test_http_carries_the_token(cachet_emulator: Any) -> None:
    client = cachetclient.Client(endpoint=cachet_emulator.endpoint, api_token="wrong")

    with client, pytest.raises(AuthenticationError):
        client._http.post("components", data={"name": "API", "status": 1})


def test_http_retries_like_the_managers(cachet_emulator: Any, sync_client: Client) -> None:
    cachet_emulator.faults.inject("status", status=503, method="GET", times=2)

    answer = sync_client._http.get("ping")

    assert answer.json() == {"data": "Pong!"}


def test_http_warns_that_it_is_private(sync_client: Client) -> None:
    with pytest.warns(DeprecationWarning, match="client.http_client.request"):
        sync_client._http.get("ping")
