"""`cachetclient.Client()` for Cachet 3: `version="3"`, and detection when nothing says."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from anyio.from_thread import BlockingPortal

import cachetclient
from cachetclient import ConfigurationError
from cachetclient.errors import PermissionDeniedError
from cachetclient.v3 import ComponentStatus


def test_version_3_builds_a_v3_client_on_the_api_base(cachet_emulator_v3: Any) -> None:
    with cachetclient.Client(cachet_emulator_v3.url, cachet_emulator_v3.token, version="3") as c:
        assert isinstance(c, cachetclient.v3.Client)
        assert c.http_client.base_url == cachet_emulator_v3.url + "/api"
        assert c.ping()


def test_unversioned_endpoint_detects_cachet_3_once_and_says_so(
    cachet_emulator_v3: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = cachetclient.Client(cachet_emulator_v3.url + "/api", cachet_emulator_v3.token)
    caplog.set_level(logging.INFO, logger="cachetclient")

    assert "not detected yet" in repr(client)
    assert client.api_version == "3"
    created = client.components.create(name="API", status=ComponentStatus.OPERATIONAL)

    assert client.components.get(created.id).status is ComponentStatus.OPERATIONAL
    detected = [r.getMessage() for r in caplog.records if "detected" in r.getMessage()]
    assert len(detected) == 1 and "speaks Cachet API v3" in detected[0]
    client.close()


def test_site_root_of_a_v1_server_is_detected_as_v1(cachet_emulator: Any) -> None:
    site_root = cachet_emulator.endpoint.removesuffix("/api/v1")

    client = cachetclient.Client(site_root, cachet_emulator.token)

    assert client.api_version == "1"
    assert client.components.create(name="API", status=1).status == 1
    client.close()


def test_an_unreachable_server_is_reported_at_first_use() -> None:
    client = cachetclient.Client("http://127.0.0.1:9", "t", timeout=0.5)

    with pytest.raises(cachetclient.ConnectionError):
        _ = client.api_version


def test_a_server_speaking_neither_api_is_reported(cachet_emulator_v3: Any) -> None:
    client = cachetclient.Client(cachet_emulator_v3.url + "/nothing-here", "t")

    with pytest.raises(ConfigurationError, match="neither Cachet's API v1"):
        _ = client.api_version


def test_a_version_in_the_path_for_cachet_3_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="no version in its path"):
        cachetclient.Client("http://127.0.0.1:9/api/v3", "t")
    with pytest.raises(ConfigurationError, match="contradicts"):
        cachetclient.Client("http://127.0.0.1:9/api/v1", "t", version="3")


def test_async_client_awaits_v3_calls(cachet_emulator_v3: Any, portal: BlockingPortal) -> None:
    async def scenario() -> tuple[Any, list[str], Any, Any]:
        made: Any = cachetclient.AsyncClient(
            cachet_emulator_v3.url, cachet_emulator_v3.token, version="3"
        )
        async with made as client:
            created = await client.components.create(name="API")
            names = [c.name async for c in client.components.list()]
            status = await client.status()
        return client, names, created, status

    # In the portal's event loop, a thread of its own: no other test's loop is in the way.
    client, names, created, status = portal.call(scenario)

    assert isinstance(client, cachetclient.v3.AsyncClient)
    assert names == ["API"] and created.status is ComponentStatus.UNKNOWN
    assert not status.is_operational


def test_async_list_names_the_missing_ability(
    cachet_emulator_v3: Any, portal: BlockingPortal, token_with: Any
) -> None:
    async def scenario() -> str:
        made: Any = cachetclient.AsyncClient(
            cachet_emulator_v3.url, token_with("incidents.manage"), version="3"
        )
        async with made as client:
            try:
                [s async for s in client.subscribers.list()]
            except PermissionDeniedError as error:
                return str(error.ability)
        return "no error"

    assert portal.call(scenario) == "subscribers.manage"
