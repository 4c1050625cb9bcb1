"""The log of received requests (`emulator.request_log`, `/_emulator/requests`)."""

from __future__ import annotations

from typing import Any

import requests

from cachet_emulator.http_io import HttpRequest
from cachet_emulator.request_log import RequestLog
from tests.emulator.api import TOKEN, Api


def _logged(api: Api, token: str | None = TOKEN) -> requests.Response:
    return api.request("GET", f"{api.emulator.url}/_emulator/requests", token=token)


def test_a_write_is_logged_with_its_path_query_and_json_body(api: Api) -> None:
    api.post("components?silent=1", json={"name": "API", "status": 1})

    assert _logged(api).json()["data"] == [
        {
            "method": "POST",
            "path": "/api/v1/components",
            "query": {"silent": "1"},
            "body": {"name": "API", "status": 1},
        }
    ]


def test_reads_refusals_and_form_bodies_are_logged_in_order(api: Api) -> None:
    api.get("components", params={"page": 2, "per_page": 20})
    api.post("components", data={"name": "API", "tags[]": ["a", "b"]}, token=None)
    api.delete("components/7")

    entries = api.emulator.request_log.entries()
    assert [(entry["method"], entry["path"]) for entry in entries] == [
        ("GET", "/api/v1/components"),
        ("POST", "/api/v1/components"),
        ("DELETE", "/api/v1/components/7"),
    ]
    assert entries[0]["query"] == {"page": "2", "per_page": "20"}
    assert entries[0]["body"] is None
    assert entries[1]["body"] == {"name": "API", "tags": ["a", "b"]}


def test_a_body_that_is_not_json_is_kept_as_text(api: Api) -> None:
    response = api.post(
        "components", data=b"{not json", headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert api.emulator.request_log.entries()[0]["body"] == "{not json"


def test_the_token_and_control_requests_are_not_logged(api: Api) -> None:
    api.get("ping")
    _logged(api)

    entries = _logged(api).json()["data"]
    assert len(entries) == 1
    assert TOKEN not in repr(entries)


def test_faulted_requests_are_logged_too(api: Api) -> None:
    api.emulator.faults.inject("status", status=503, method="GET")

    assert api.get("components").status_code == 503
    assert [entry["path"] for entry in api.emulator.request_log.entries()] == ["/api/v1/components"]


def test_delete_and_reset_forget_the_log(api: Api) -> None:
    api.get("ping")
    response = api.request("DELETE", f"{api.emulator.url}/_emulator/requests")
    assert response.status_code == 204
    assert _logged(api).json()["data"] == []

    api.get("ping")
    api.request("POST", f"{api.emulator.url}/_emulator/reset")
    assert _logged(api).json()["data"] == []


def test_the_log_needs_the_emulator_token(api: Api) -> None:
    assert _logged(api, token=None).status_code == 401
    assert _logged(api, token="wrong").status_code == 401
    response = api.request("POST", f"{api.emulator.url}/_emulator/requests")
    assert response.status_code == 405


def _request(path: str, **overrides: Any) -> HttpRequest:
    fields: dict[str, Any] = {
        "method": "GET",
        "path": path,
        "raw_path": path,
        "query_string": "",
        "headers": {},
        "body": b"",
        "scheme": "http",
    }
    return HttpRequest(**{**fields, **overrides})


def test_only_the_last_requests_up_to_the_limit_are_kept() -> None:
    log = RequestLog(limit=2)
    for number in range(3):
        log.record(_request(f"/api/v1/components/{number}"))

    assert [entry["path"] for entry in log.entries()] == [
        "/api/v1/components/1",
        "/api/v1/components/2",
    ]
