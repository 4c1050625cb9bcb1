"""Which Cachet API a server speaks, found once by asking (the rule of the Cachet 3 spec, §8).

`GET {root}/api/v1/ping` answering `{"data": "Pong!"}` means API v1 (Cachet 2); otherwise
`GET {root}/api/ping` answering it, confirmed by `GET {root}/api/version` whose `data` is an
object, means Cachet 3.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from cachetclient import errors
from cachetclient.apirequest import ApiRequest
from cachetclient.retry import RetryPolicy
from cachetclient.v1.client import Client as ClientV1

logger = logging.getLogger("cachetclient")

PONG = {"data": "Pong!"}


def detect_api_version(root_url: str, **transport: Any) -> str:
    """`"1"` or `"3"`: the API the Cachet at `root_url` (the site root) speaks.

    `transport` takes `HttpClient`'s settings (TLS, timeout, user agent).

    Raises:
        ConfigurationError: when neither API answers as Cachet does.
    """
    from cachetclient.httpclient import HttpClient

    with HttpClient(root_url, retry_policy=RetryPolicy(max_retries=1), **transport) as http:
        if _answer(http, "api/v1/ping") == PONG:
            return "1"
        if _answer(http, "api/ping") == PONG:
            version = _answer(http, "api/version")
            if isinstance(version, dict) and isinstance(version.get("data"), dict):
                return "3"
    raise errors.ConfigurationError(
        f"{root_url} answers neither Cachet's API v1 (/api/v1/ping) nor Cachet 3's "
        "(/api/ping): check the endpoint, or pass version='1' or version='3'"
    )


def _answer(http: Any, path: str) -> Any:
    try:
        return http.send(ApiRequest("GET", path))
    except errors.HTTPError:
        return None
    except errors.InvalidResponseError:
        return None


class DetectingClient(ClientV1):
    """A client that learns the server's API version on first use, then acts as that client.

    `Client()` returns it when neither `version=` nor the endpoint says which API to use.
    The detection happens once, at the first attribute used, and is logged at INFO. It is a
    v1 `Client` for code written before Cachet 3 (`isinstance` checks keep passing); when the
    server speaks Cachet 3 every attribute comes from the `cachetclient.v3.Client` built then.
    """

    def __init__(self, root_url: str, build: Callable[[str], Any], **transport: Any) -> None:
        """`build(version)` makes the real client once the version is known."""
        # No ClientV1.__init__: the managers come from the detected client (`__getattr__`).
        self._root_url = root_url
        self._build = build
        self._transport = transport
        self._client: Any = None

    @property
    def api_version(self) -> str:  # type: ignore[override]
        """The API the server speaks, `"1"` or `"3"` (detected on first use)."""
        return str(self._detected().api_version)

    @property
    def _http(self) -> Any:
        return self._detected()._http

    def _detected(self) -> Any:
        if self._client is None:
            version = detect_api_version(self._root_url, **self._transport)
            logger.info(
                "%s speaks Cachet API v%s (detected); pass version=%r to skip the detection",
                self._root_url,
                version,
                version,
            )
            self._client = self._build(version)
        return self._client

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._detected(), name)

    def __repr__(self) -> str:
        if self._client is None:
            return f"<cachetclient Client {self._root_url} (API version not detected yet)>"
        return repr(self._client)

    def close(self) -> None:
        """Close the detected client's connections (nothing to close before detection)."""
        if self._client is not None:
            self._client.close()

    def __enter__(self) -> DetectingClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
