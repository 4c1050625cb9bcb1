"""Talking to the emulator in tests: a thin requests session and error-body helpers."""

from __future__ import annotations

from typing import Any

import requests

from cachet_emulator.server import CachetEmulator

TOKEN = "TestToken1234567890a"


class Api:
    """A thin requests session on the emulator's /api/v1, with or without the token."""

    created_status = 200
    """What a POST that creates answers."""

    def __init__(self, emulator: CachetEmulator) -> None:
        self.emulator = emulator
        self.endpoint = emulator.endpoint
        self.session = requests.Session()

    def request(
        self, method: str, path: str, token: str | None = TOKEN, **kwargs: Any
    ) -> requests.Response:
        """Send `method` to `/api/v1/<path>`; `token=None` sends none."""
        headers = dict(kwargs.pop("headers", {}))
        if token is not None:
            headers.setdefault("X-Cachet-Token", token)
        url = path if path.startswith("http") else f"{self.endpoint}/{path.lstrip('/')}"
        return self.session.request(method, url, headers=headers, timeout=10, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        """GET, with the token unless `token=None`."""
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        """POST, with the token unless `token=None`."""
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        """PUT, with the token unless `token=None`."""
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        """DELETE, with the token unless `token=None`."""
        return self.request("DELETE", path, **kwargs)

    def create(self, path: str, **fields: Any) -> dict[str, Any]:
        """POST `fields` as JSON and return the created `data` (asserting `created_status`)."""
        response = self.post(path, json=fields)
        assert response.status_code == self.created_status, response.text
        data: dict[str, Any] = response.json()["data"]
        return data


def insert_row(api: Api, table: str, **values: Any) -> int:
    """Put a row straight into the store (for states the API cannot make)."""
    now = "2020-01-01 00:00:00"
    with api.emulator.store.transaction():
        return api.emulator.store.insert(table, {"created_at": now, "updated_at": now, **values})


def not_found_detail(model: str) -> str:
    """The 404 detail for an unknown id of Cachet model class `model` (spec 4.2)."""
    return f"No query results for model [CachetHQ\\Cachet\\Models\\{model}]."


def errors_of(response: requests.Response) -> dict[str, Any]:
    """The single error object of an error response."""
    body = response.json()
    assert len(body["errors"]) == 1
    error: dict[str, Any] = body["errors"][0]
    return error


def details_of(response: requests.Response) -> list[str]:
    """The validation messages of a 400."""
    assert response.status_code == 400, response.text
    details: list[str] = errors_of(response)["meta"]["details"]
    return details
