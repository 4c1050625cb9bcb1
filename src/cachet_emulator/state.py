"""The running emulator's state: store, settings, token, pending faults, request log, routes.

The API pipeline (`app`), the control API (`control`) and the faults all work on this one
object, so none of them needs another's module: the control API does not import the app.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cachet_emulator import clock
from cachet_emulator.faults import Faults
from cachet_emulator.request_log import RequestLog
from cachet_emulator.routing import Route
from cachet_emulator.settings import Settings
from cachet_emulator.store import Store


@dataclass
class EmulatorState:
    """What a running emulator holds besides its code.

    `routes` are the API's routes, for the control API's OpenAPI document; `control_actions`
    what `/_emulator/...` offers (path -> method -> handler taking this state and the body).
    """

    store: Store
    settings: Settings
    token: str
    routes: tuple[Route, ...]
    control_actions: Mapping[str, Mapping[str, Callable[..., Any]]]
    faults: Faults = field(default_factory=Faults)
    request_log: RequestLog = field(default_factory=RequestLog)

    def apply_settings(self, settings: Settings) -> None:
        """Switch to new settings; the users are the emulator token plus `api_keys`."""
        with self.store.transaction():
            install_users(self.store, [self.token, *settings.api_keys])
        self.settings = settings

    def reset(self) -> None:
        """Empty every table, forget pending faults and received requests (users stay)."""
        self.store.reset()
        self.faults.reset()
        self.request_log.clear()


def install_users(store: Store, api_keys: list[str]) -> None:
    """Make the users table hold one user per API key (user 1 owns the emulator token)."""
    store.delete("users", [])
    now = clock.stored_now()
    for number, api_key in enumerate(api_keys, start=1):
        user = {"id": number, "username": f"user{number}", "email": f"user{number}@example.com"}
        store.insert("users", {**user, "api_key": api_key, "created_at": now, "updated_at": now})
