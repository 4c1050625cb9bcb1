"""Installation-specific values of the emulated Cachet (spec Appendix D)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

CACHET_VERSIONS = ("2.4", "2.3", "3")
"""The versions the emulator answers as (what differs in Cachet 2: `versions`; Cachet 3: `v3`)."""
_INSTALLED_VERSIONS = {"2.4": "2.4.0-dev", "2.3": "2.3.18", "3": "3.x-dev"}
MAX_INCIDENT_DAYS = 366


def _default_latest() -> dict[str, Any]:
    return {"tag_name": "v2.3.18", "prelease": False, "draft": False}


@dataclass
class Settings:
    """What an administrator would configure in a real Cachet installation.

    `site_url` None means "the request's own scheme and host". `api_keys` are extra users'
    tokens besides the emulator's own token. `installed_version` None means the default of
    `cachet_version` (`2.4.0-dev`, `2.3.18` or `3.x-dev`). `latest_release` None makes
    `/version` fail as when GitHub cannot be reached. `site_name` (Cachet's app_name) titles the
    status page; `incident_days` (app_incident_days) is how many days its incident timeline shows.

    Cachet 3 only: `api_enabled` and `api_protected` are its API settings (404 for everything,
    a token for every route); `api_rate_limit` requests per minute and client (0: no limit);
    `major_outage_threshold` the percentage of components in major outage that makes
    `/status` say major_outage; `blade_renderer` allows the `blade` template engine.
    """

    cachet_version: str = "2.4"
    site_url: str | None = None
    timezone: str = "UTC"
    locale: str = "en"
    installed_version: str | None = None
    latest_release: dict[str, Any] | None = field(default_factory=_default_latest)
    api_keys: list[str] = field(default_factory=list)
    always_authenticate: bool = False
    skip_subscriber_verification: bool = False
    major_outage_rate: float = 50
    suppress_notifications_in_maintenance: bool = True
    site_name: str = "Cachet"
    incident_days: int = 7
    api_enabled: bool = True
    api_protected: bool = False
    api_rate_limit: int = 0
    major_outage_threshold: float = 25
    blade_renderer: bool = False

    def __post_init__(self) -> None:
        if self.cachet_version not in CACHET_VERSIONS:
            raise ValueError(f"cachet_version must be one of {CACHET_VERSIONS}")
        if type(self.incident_days) is not int or not 1 <= self.incident_days <= MAX_INCIDENT_DAYS:
            raise ValueError(f"incident_days must be a whole number from 1 to {MAX_INCIDENT_DAYS}")

    @property
    def is_3(self) -> bool:
        """True when emulating Cachet 3 (its API at /api, not /api/v1)."""
        return self.cachet_version == "3"

    @property
    def version_string(self) -> str:
        """The `/version` data: the configured string or the default of the Cachet version."""
        if self.installed_version is not None:
            return self.installed_version
        return _INSTALLED_VERSIONS[self.cachet_version]

    def as_dict(self) -> dict[str, Any]:
        """The settings as plain JSON-able data."""
        return {item.name: getattr(self, item.name) for item in fields(self)}

    @classmethod
    def names(cls) -> list[str]:
        """The names of all settings."""
        return [item.name for item in fields(cls)]
