"""Ping, version and status: the three general endpoints, as plans both transports drive."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cachetclient import errors
from cachetclient.apirequest import ApiRequest, Plan
from cachetclient.v3.enums import SystemStatus


@dataclass(frozen=True)
class Status:
    """The overall status `/status` reports and its message."""

    status: SystemStatus
    message: str

    @property
    def is_operational(self) -> bool:
        """Whether every system is operational."""
        return self.status is SystemStatus.OPERATIONAL


def ping_plan() -> Plan[bool]:
    """`GET /ping`: True when Cachet answers "Pong!"."""
    answer = yield ApiRequest("GET", "ping")
    return bool(answer == {"data": "Pong!"})


def version_plan() -> Plan[str]:
    """`GET /version`: the version string (`3.x-dev` before the first release)."""
    data = _data((yield ApiRequest("GET", "version")), "version")
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        raise _invalid("version", "has no data.version string")
    return str(data["version"])


def status_plan() -> Plan[Status]:
    """`GET /status`: the overall status."""
    data = _data((yield ApiRequest("GET", "status")), "status")
    try:
        return Status(SystemStatus(data["status"]), str(data["message"]))
    except (KeyError, TypeError, ValueError):
        raise _invalid("status", f"has an unknown status: {data!r}") from None


def _data(payload: Any, path: str) -> Any:
    if not isinstance(payload, dict) or "data" not in payload:
        raise _invalid(path, "has no `data`")
    return payload["data"]


def _invalid(path: str, what: str) -> errors.InvalidResponseError:
    return errors.InvalidResponseError(
        f"the answer of GET {path} {what}", status_code=200, method="GET", url=path
    )
