"""Version: the Cachet version the server runs, and GitHub's latest release."""

from __future__ import annotations

from typing import Any, ClassVar

from cachetclient.apirequest import ApiRequest, Plan
from cachetclient.base import Manager, Resource
from cachetclient.errors import InvalidResponseError


class Version(Resource):
    """The answer of `GET /version`; `attrs` is the whole JSON answer (`meta` and `data`)."""

    repr_fields: ClassVar[tuple[str, ...]] = ()

    def __repr__(self) -> str:
        return f"<Version value={self.value!r}>"

    @property
    def value(self) -> str:
        """Version string from Cachet service (e.g. `2.4.0-dev`)."""
        return str(self.attrs.get("data") or "")

    @property
    def on_latest(self) -> bool | None:
        """Are we on latest version? Requires beacon enabled on server.

        Cachet computes this wrongly (it is effectively always true).
        """
        value = self._meta().get("on_latest")
        return None if value is None else bool(value)

    @property
    def latest(self) -> dict[str, Any] | None:
        """Info dict about the latest release: `tag_name`, `prelease` (sic), `draft`."""
        value = self._meta().get("latest")
        return value if isinstance(value, dict) else None

    def _meta(self) -> dict[str, Any]:
        meta = self.attrs.get("meta")
        return meta if isinstance(meta, dict) else {}


class VersionManager(Manager[Version]):
    """`GET /version`."""

    path: ClassVar[str] = "version"
    resource_class: ClassVar[type[Resource]] = Version
    _can_delete: ClassVar[bool] = False

    def get(self) -> Version:
        """Get version info from the server (`client.version.get().value`)."""
        return self._run(self._version_plan())

    def _version_plan(self) -> Plan[Version]:
        payload = yield ApiRequest("GET", self.path)
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), str):
            raise InvalidResponseError(
                "the answer of /version has no version string",
                status_code=200,
                method="GET",
                url=self.path,
            )
        return self.instance_from_dict(payload)

    def __call__(self) -> Version:
        """Shortcut to get (`client.version().value`)."""
        return self.get()
