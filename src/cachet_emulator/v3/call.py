"""What a Cachet 3 handler gets (`Call`) and gives back (`Answer`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cachet_emulator.schema import Row
from cachet_emulator.settings import Settings
from cachet_emulator.store import Store
from cachet_emulator.v3.errors import missing_ability
from cachet_emulator.v3.validation import Rules, validate

JSON_API = "application/vnd.api+json"


@dataclass
class Answer:
    """A successful answer: status, body (None for 204) and its media type."""

    status: int
    body: Any = None
    content_type: str = JSON_API


@dataclass
class Call:
    """One API request after routing, the middlewares and route-model binding.

    `input` is Laravel's `$request->all()` after TrimStrings and ConvertEmptyStringsToNull;
    `query` the query string alone; `token` the caller's token row, None for a guest;
    `url` the request URL without its query (pagination links start from it).
    """

    store: Store
    settings: Settings
    method: str
    url: str
    query: dict[str, Any]
    input: dict[str, Any]
    bound: dict[str, Row]
    token: Row | None
    abilities: frozenset[str] = field(default_factory=frozenset)

    @property
    def authenticated(self) -> bool:
        """True when a valid token came with the request (any abilities)."""
        return self.token is not None

    @property
    def user_id(self) -> int | None:
        """The token owner's id."""
        return None if self.token is None else int(self.token["tokenable_id"])

    @property
    def zone(self) -> str:
        """The app timezone."""
        return self.settings.timezone

    def can(self, ability: str) -> bool:
        """Sanctum's tokenCan: `*` or the exact ability."""
        return "*" in self.abilities or ability in self.abilities

    def guard(self, ability: str) -> None:
        """403 unless the token has `ability` (Cachet checks it after validation)."""
        if not self.can(ability):
            raise missing_ability()

    def validated(self, rules: Rules, ability: str) -> dict[str, Any]:
        """The input after validation (422) and the ability check (403), in Cachet's order."""
        validate(self.store, self.input, rules)
        self.guard(ability)
        return self.input

    def given(self, name: str) -> bool:
        """True when the input has `name` with a value other than null (DTOs drop nulls)."""
        return self.input.get(name) is not None
