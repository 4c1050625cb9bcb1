"""Each error class, produced by a real server answer (or a real transport failure)."""

from __future__ import annotations

import logging
from typing import Any

import pytest
import requests

import cachetclient
from cachetclient import errors
from cachetclient.v1.client import Client


def test_validation_error_carries_cachet_details(client: Client) -> None:
    with pytest.raises(errors.ValidationError) as caught:
        client.components.create(name="", status=1)
    error = caught.value
    assert isinstance(error, errors.BadRequestError)
    assert isinstance(error, requests.exceptions.HTTPError)
    assert isinstance(error, errors.CachetError)
    assert error.status_code == 400
    assert error.method == "POST"
    assert error.url.endswith("/api/v1/components")
    assert error.title == "Bad Request"
    assert error.messages == ["The name field is required."]
    assert error.response is not None and error.response.status_code == 400
    assert str(error) == (
        "Cachet rejected POST /api/v1/components (400): The name field is required."
    )


def test_several_validation_messages_are_all_reported(client: Client) -> None:
    with pytest.raises(errors.ValidationError) as caught:
        client.components.create(name="", status=1, link="not a url")
    assert len(caught.value.messages) >= 2
    assert all(message in str(caught.value) for message in caught.value.messages)


def test_bare_bad_request_without_messages(client: Client) -> None:
    with pytest.raises(errors.BadRequestError) as caught:
        client.http_client.request(
            "POST", "metrics", json={"name": "m", "suffix": "s", "default_value": 1}
        )
    assert not isinstance(caught.value, errors.ValidationError)
    assert caught.value.messages == []
    assert "cannot be fulfilled" in str(caught.value)


def test_not_found_names_the_model(client: Client) -> None:
    with pytest.raises(errors.NotFoundError) as caught:
        client.incidents.get(4242)
    assert caught.value.status_code == 404
    assert "Incident" in caught.value.detail
    assert "GET /api/v1/incidents/4242 (404)" in str(caught.value)


def test_method_not_allowed(client: Client) -> None:
    with pytest.raises(errors.MethodNotAllowedError) as caught:
        client.http_client.request("PUT", "subscribers/1", json={})
    assert caught.value.status_code == 405


def test_server_error_from_cachet_500(client: Client) -> None:
    with pytest.raises(errors.ServerError) as caught:
        client.http_client.request("GET", "components", params={"per_page": "abc"})
    assert caught.value.status_code == 500
    assert caught.value.title == "Internal Server Error"


def test_connection_refused_is_a_connection_error(unused_port: int) -> None:
    client = cachetclient.Client(endpoint=f"http://127.0.0.1:{unused_port}/api/v1", guest=True)
    with pytest.raises(errors.ConnectionError) as caught:
        client.components.count()
    assert isinstance(caught.value, requests.exceptions.ConnectionError)
    assert str(unused_port) in str(caught.value)


def test_silent_server_is_a_timeout_error(silent_server: str) -> None:
    client = cachetclient.Client(endpoint=silent_server, timeout=0.2, guest=True)
    with pytest.raises(errors.TimeoutError) as caught:
        client.components.count()
    assert isinstance(caught.value, requests.exceptions.Timeout)


def test_html_proxy_page_is_an_invalid_response(canned_server: Any) -> None:
    endpoint = canned_server(200, "text/html", b"<html><body>Welcome to nginx</body></html>")
    client = cachetclient.Client(endpoint=endpoint, guest=True)
    with pytest.raises(errors.InvalidResponseError, match="not JSON"):
        client.components.get(1)


def test_html_error_page_is_a_server_error_saying_so(canned_server: Any) -> None:
    endpoint = canned_server(502, "text/html", b"<html>Bad Gateway</html>")
    client = cachetclient.Client(endpoint=endpoint, guest=True)
    with pytest.raises(errors.ServerError, match="not JSON"):
        client.components.get(1)


def test_truncated_json_body_is_an_invalid_response(canned_server: Any) -> None:
    endpoint = canned_server(200, "application/json", b'{"data": {"id": 1, "na')
    client = cachetclient.Client(endpoint=endpoint, guest=True)
    with pytest.raises(errors.InvalidResponseError):
        client.components.get(1)


def test_body_cut_short_of_its_length_is_a_transport_error(canned_server: Any) -> None:
    endpoint = canned_server(200, "application/json", b'{"data": {', declared_length=500)
    client = cachetclient.Client(endpoint=endpoint, timeout=0.5, guest=True)
    with pytest.raises(errors.CachetError):
        client.components.get(1)


def test_json_without_data_is_an_invalid_response(canned_server: Any) -> None:
    client = cachetclient.Client(endpoint=canned_server(200, "application/json", b"{}"), guest=True)
    with pytest.raises(errors.InvalidResponseError):
        client.components.get(1)
    with pytest.raises(errors.InvalidResponseError):
        list(client.components.list())


def test_debug_log_has_method_url_status_and_never_the_token(
    cachet_emulator: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = cachetclient.Client(endpoint=cachet_emulator.endpoint, api_token=cachet_emulator.token)
    with caplog.at_level(logging.DEBUG, logger="cachetclient"):
        client.components.create(name="API", status=1)
        list(client.components.list(per_page=7))
    messages = [record.getMessage() for record in caplog.records if record.name == "cachetclient"]
    assert any(m.startswith("POST ") and "/api/v1/components -> 200" in m for m in messages)
    assert any("per_page=7" in m and m.startswith("GET ") for m in messages)
    assert all(" ms)" in m for m in messages)
    assert all(cachet_emulator.token not in record.getMessage() for record in caplog.records)


def test_errors_module_documents_the_tree() -> None:
    assert errors.__doc__ is not None
    for name in [
        "CachetError",
        "ValidationError",
        "AuthenticationError",
        "NotFoundError",
        "MethodNotAllowedError",
        "ServerError",
        "ConnectionError",
        "TimeoutError",
    ]:
        assert name in errors.__doc__
        assert getattr(cachetclient, name) is getattr(errors, name)
