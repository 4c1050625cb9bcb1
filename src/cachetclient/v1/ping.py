"""Ping: is the Cachet API answering?"""

from __future__ import annotations

from typing import Any, ClassVar

from cachetclient.apirequest import ApiRequest, Plan
from cachetclient.base import Manager, Resource
from cachetclient.errors import CachetError


class PingManager(Manager[Resource]):
    """`GET /ping`."""

    path: ClassVar[str] = "ping"
    resource_class: ClassVar[type[Resource]] = Resource
    _can_delete: ClassVar[bool] = False

    def __call__(self) -> bool:
        """Shortcut for the get method (`client.ping()` -> `True`)."""
        return self.get()

    def get(self) -> bool:
        """Check if the cachet api is responding.

        Returns:
            True if Cachet answered `Pong!`; False for any error answer or no answer.
        """
        return self._run(self._ping_plan())

    def _ping_plan(self) -> Plan[bool]:
        try:
            payload: Any = yield ApiRequest("GET", self.path)
        except CachetError:
            return False
        return isinstance(payload, dict) and payload.get("data") == "Pong!"
