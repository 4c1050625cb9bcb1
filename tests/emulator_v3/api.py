"""Talking to the Cachet 3 emulator in tests: a requests session with bearer tokens."""

from __future__ import annotations

from typing import Any

import requests

from cachet_emulator.server import CachetEmulator

TOKEN = "1|TestToken1234567890abcdefghijklmnopqrstuv"
PAST = "2020-01-01 00:00:00"


class Api:
    """A thin requests session on the emulator's /api, with or without a token."""

    def __init__(self, emulator: CachetEmulator) -> None:
        self.emulator = emulator
        self.endpoint = emulator.endpoint
        self.session = requests.Session()

    def request(
        self, method: str, path: str, token: str | None = TOKEN, **kwargs: Any
    ) -> requests.Response:
        """Send `method` to `/api/<path>`; `token=None` sends none."""
        headers = dict(kwargs.pop("headers", {}))
        headers.setdefault("Accept", "application/json")
        if token is not None:
            headers.setdefault("Authorization", f"Bearer {token}")
        url = path if path.startswith("http") else f"{self.endpoint}/{path.lstrip('/')}"
        return self.session.request(method, url, headers=headers, timeout=10, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        """GET, with the all-abilities token unless `token=` says otherwise."""
        return self.request("GET", path, **kwargs)

    def guest_get(self, path: str, **kwargs: Any) -> requests.Response:
        """GET without a token."""
        return self.request("GET", path, token=None, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        """POST."""
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        """PUT."""
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        """PATCH."""
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        """DELETE."""
        return self.request("DELETE", path, **kwargs)

    def create(self, path: str, **fields: Any) -> dict[str, Any]:
        """POST `fields` as JSON with the all-abilities token; the created `data` (201)."""
        response = self.post(path, json=fields)
        assert response.status_code == 201, response.text
        data: dict[str, Any] = response.json()["data"]
        return data

    def token_with(self, *abilities: str) -> str:
        """A new token with these abilities (none means all), made through the control API."""
        response = self.session.post(
            self.emulator.url + "/_emulator/tokens",
            json={"name": "test", "abilities": list(abilities)},
            headers={"X-Cachet-Token": TOKEN},
            timeout=10,
        )
        assert response.status_code == 201, response.text
        token: str = response.json()["data"]["token"]
        return token

    def configure(self, **settings: Any) -> None:
        """Change settings through the control API."""
        response = self.session.put(
            self.emulator.url + "/_emulator/settings",
            json=settings,
            headers={"X-Cachet-Token": TOKEN},
            timeout=10,
        )
        assert response.status_code == 200, response.text


def ids(response: requests.Response) -> list[int]:
    """The attribute ids of a list answer, in order."""
    return [item["attributes"]["id"] for item in response.json()["data"]]


def insert_row(api: Api, table: str, **values: Any) -> int:
    """Put a row straight into the store, for states the API cannot make (hidden, old)."""
    with api.emulator.store.transaction():
        return api.emulator.store.insert(
            "v3_" + table, {"created_at": PAST, "updated_at": PAST, **values}
        )
