"""Talking to the Cachet 3 emulator in tests: a requests session with bearer tokens."""

from __future__ import annotations

from typing import Any

import requests

from tests.emulator.api import Api as ApiV1

TOKEN = "1|TestToken1234567890abcdefghijklmnopqrstuv"
PAST = "2020-01-01 00:00:00"


class Api(ApiV1):
    """A thin requests session on the emulator's /api, with or without a token."""

    created_status = 201

    def request(
        self, method: str, path: str, token: str | None = TOKEN, **kwargs: Any
    ) -> requests.Response:
        """Send `method` to `/api/<path>` as JSON:API asks; `token=None` sends none."""
        headers = dict(kwargs.pop("headers", {}))
        headers.setdefault("Accept", "application/json")
        if token is not None:
            headers.setdefault("Authorization", f"Bearer {token}")
        return super().request(method, path, token=None, headers=headers, **kwargs)

    def guest_get(self, path: str, **kwargs: Any) -> requests.Response:
        """GET without a token."""
        return self.request("GET", path, token=None, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        """PATCH."""
        return self.request("PATCH", path, **kwargs)

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
