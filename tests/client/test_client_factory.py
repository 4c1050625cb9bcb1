"""cachetclient.Client(): endpoint forms, environment variables, version, token, timeouts."""

from __future__ import annotations

from typing import Any

import pytest

import cachetclient
from cachetclient.errors import AuthenticationError, ConfigurationError
from cachetclient.v1.client import Client


@pytest.fixture
def site_root(cachet_emulator: Any) -> str:
    endpoint: str = cachet_emulator.endpoint
    return endpoint.removesuffix("/api/v1")


@pytest.mark.parametrize("suffix", ["/api/v1", "/api/v1/", "", "/", "/api"])
def test_endpoint_forms_all_reach_the_api(site_root: str, suffix: str) -> None:
    client = cachetclient.Client(endpoint=site_root + suffix, guest=True)
    assert isinstance(client, Client)
    assert client.ping() is True
    assert client.http_client.base_url == f"{site_root}/api/v1"


@pytest.mark.parametrize("version", ["1", 1, "v1", None])
def test_version_one_is_honoured(cachet_emulator: Any, version: Any) -> None:
    client = cachetclient.Client(endpoint=cachet_emulator.endpoint, version=version, guest=True)
    assert client.ping() is True


@pytest.mark.parametrize("version", ["2", 3, "latest"])
def test_other_versions_are_a_clear_error(cachet_emulator: Any, version: Any) -> None:
    with pytest.raises(ConfigurationError, match="version"):
        cachetclient.Client(endpoint=cachet_emulator.endpoint, version=version, guest=True)


def test_endpoint_naming_another_version_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="version"):
        cachetclient.Client(endpoint="https://status.example.test/api/v2", guest=True)


def test_environment_variables_are_read(
    cachet_emulator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CACHET_ENDPOINT", cachet_emulator.endpoint)
    monkeypatch.setenv("CACHET_API_TOKEN", cachet_emulator.token)
    client = cachetclient.Client()
    component = client.components.create(name="from env", status=1)
    assert client.components.get(component.id).name == "from env"


def test_missing_endpoint_names_the_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CACHET_ENDPOINT", raising=False)
    monkeypatch.delenv("CACHET_API_TOKEN", raising=False)
    with pytest.raises(ConfigurationError, match="CACHET_ENDPOINT") as caught:
        cachetclient.Client(api_token="secret")
    assert "TOKEN" not in str(caught.value)


def test_endpoint_without_scheme_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="http"):
        cachetclient.Client(endpoint="status.example.test/api/v1", guest=True)


def test_no_token_is_refused_as_in_the_releases_unless_guest(
    cachet_emulator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CACHET_API_TOKEN", raising=False)
    for make in (cachetclient.Client, cachetclient.AsyncClient):
        with pytest.raises(ValueError, match="No api_token specified"):
            make(endpoint=cachet_emulator.endpoint)
        with pytest.raises(ValueError, match="No api_token specified"):
            make(endpoint=cachet_emulator.endpoint, api_token="")
    with pytest.raises(ConfigurationError, match="guest=True sends no token"):
        cachetclient.Client(endpoint=cachet_emulator.endpoint, api_token="t", guest=True)


def test_guest_ignores_the_token_of_the_environment(
    cachet_emulator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CACHET_API_TOKEN", cachet_emulator.token)
    guest = cachetclient.Client(endpoint=cachet_emulator.endpoint, guest=True)
    with guest, pytest.raises(AuthenticationError):
        guest.components.create(name="nope", status=1)


def test_reads_work_without_token_and_writes_fail_clearly(
    client: Client, guest: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.components.create(name="API", status=1)
    assert [c.name for c in guest.components.list()] == ["API"]
    with pytest.raises(AuthenticationError) as caught:
        guest.components.create(name="nope", status=1)
    assert "CACHET_API_TOKEN" in str(caught.value)
    assert "endpoint" not in str(caught.value).lower()
    assert client.components.count() == 1


def test_wrong_token_is_an_authentication_error(cachet_emulator: Any) -> None:
    client = cachetclient.Client(endpoint=cachet_emulator.endpoint, api_token="wrong-token")
    with pytest.raises(AuthenticationError) as caught:
        client.components.create(name="x", status=1)
    assert caught.value.status_code == 401
    assert "wrong-token" not in str(caught.value)


def test_app_key_as_token_gets_a_hint(cachet_emulator: Any) -> None:
    app_key = "base64:dGhpcyBpcyBub3QgYW4gYXBpIGtleQ=="
    client = cachetclient.Client(endpoint=cachet_emulator.endpoint, api_token=app_key)
    with pytest.raises(AuthenticationError, match="APP_KEY") as caught:
        client.incidents.create(name="x", message="y", status=1)
    assert app_key not in str(caught.value)


@pytest.mark.parametrize("timeout", [0, -1, None, (1, 0), "5"])
def test_bad_timeouts_are_refused(cachet_emulator: Any, timeout: Any) -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        cachetclient.Client(endpoint=cachet_emulator.endpoint, timeout=timeout, guest=True)


def test_default_timeout_is_set(cachet_emulator: Any) -> None:
    client = cachetclient.Client(endpoint=cachet_emulator.endpoint, guest=True)
    assert client.http_client.timeout == (5.0, 30.0)


def test_unknown_timezone_is_refused(cachet_emulator: Any) -> None:
    with pytest.raises(ConfigurationError, match="timezone"):
        cachetclient.Client(endpoint=cachet_emulator.endpoint, timezone="Mars/Olympus", guest=True)


def test_tls_verification_is_on_by_default(cachet_emulator: Any) -> None:
    assert cachetclient.Client(endpoint=cachet_emulator.endpoint, guest=True).http_client.verify_tls


def test_token_with_surrounding_whitespace_still_works(cachet_emulator: Any) -> None:
    client = cachetclient.Client(
        endpoint=cachet_emulator.endpoint, api_token=f" {cachet_emulator.token}\n"
    )
    assert client.components.create(name="API", status=1).name == "API"


def test_token_that_cannot_be_a_header_is_refused_without_showing_it(
    cachet_emulator: Any,
) -> None:
    client = cachetclient.Client(endpoint=cachet_emulator.endpoint, api_token="abc\ndef")
    with pytest.raises(ConfigurationError) as caught:
        client.components.count()
    assert "abc" not in str(caught.value) and "def" not in str(caught.value)
