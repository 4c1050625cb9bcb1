"""What a resource handler gets (`ApiCall`) and gives back (`Reply`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from cachet_emulator import clock
from cachet_emulator.sanitising import clean
from cachet_emulator.schema import Row
from cachet_emulator.settings import Settings
from cachet_emulator.store import Store
from cachet_emulator.versions import Versioned

T = TypeVar("T")


@dataclass
class Reply:
    """A successful answer: status, JSON body (None for 204) and extra headers."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


def item(data: Any) -> Reply:
    """200 with `{"data": data}`."""
    return Reply(200, {"data": data})


def no_content() -> Reply:
    """204 with no body."""
    return Reply(204)


@dataclass
class ApiCall:
    """One API request after routing, binding, Accept, timezone and auth checks.

    `raw_input` is body + query merged (spec 2.4); `input` is the same cleaned (2.5).
    `query` is the parsed query string alone (it builds pagination links). `bound` maps path
    parameter names (e.g. "component") to their rows.
    """

    store: Store
    settings: Settings
    method: str
    raw_input: dict[str, Any]
    query: dict[str, Any]
    bound: dict[str, Row]
    user_id: int | None
    zone_name: str
    root_url: str
    path: str
    _cleaned: dict[str, Any] | None = field(default=None, init=False, repr=False)

    @property
    def authenticated(self) -> bool:
        """True when the request carried a valid token."""
        return self.user_id is not None

    @property
    def input(self) -> dict[str, Any]:
        """The cleaned input (computed once)."""
        if self._cleaned is None:
            # Binput::get() cleans one value: a top-level null stays "present with null".
            self._cleaned = {key: clean(value) for key, value in self.raw_input.items()}
        return self._cleaned

    def present_time(self, value: str | None) -> str:
        """A stored timestamp in the request's timezone (None shows now)."""
        return clock.present(value, self.zone_name)

    @property
    def site_url(self) -> str:
        """The site root for permalinks: the setting, else the request's own root."""
        return (self.settings.site_url or self.root_url).rstrip("/")

    def pick(self, versioned: Versioned[T]) -> T:
        """What the emulated Cachet version does where versions differ (see `versions`)."""
        return versioned.for_version(self.settings.cachet_version)
