"""Status: the overall system status Cachet shows on top of the status page (2.4)."""

from __future__ import annotations

from typing import ClassVar

from cachetclient.apirequest import ApiRequest
from cachetclient.base import Manager, Resource
from cachetclient.fields import TEXT, Field


class Status(Resource):
    """The answer of `GET /status`."""

    repr_fields: ClassVar[tuple[str, ...]] = ("status", "message")

    status = Field(TEXT, doc="`success`, `info` or `danger` (str)")
    message = Field(TEXT, doc="The sentence Cachet shows, e.g. `System operational` (str)")

    def __repr__(self) -> str:
        return f"<Status status={self.status!r} message={self.message!r}>"

    @property
    def is_operational(self) -> bool:
        """True when Cachet reports `success`."""
        return self.status == "success"


class StatusManager(Manager[Status]):
    """`GET /status`."""

    path: ClassVar[str] = "status"
    resource_class: ClassVar[type[Resource]] = Status
    _can_delete: ClassVar[bool] = False

    def get(self) -> Status:
        """Get the overall system status."""
        return self._run(self._fetch_plan(ApiRequest("GET", self.path)))

    def __call__(self) -> Status:
        """Shortcut to get (`client.status().message`)."""
        return self.get()
