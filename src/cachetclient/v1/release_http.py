"""`client._http` as releases 2.0 to 4.0.1 had it: get/post/put/delete returning a Response.

Private in every release, yet used by real code to reach endpoints the managers lack; kept as
a thin adapter over `HttpClient`, so token, timeout, retries and typed errors still apply.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from cachetclient.apirequest import ApiRequest

if TYPE_CHECKING:
    import requests

    from cachetclient.httpclient import HttpClient


class ReleaseHttp:
    """The releases' `HttpClient` interface; use `client.http_client.request()` in new code."""

    def __init__(self, http_client: HttpClient) -> None:
        """Wrap the client's transport."""
        self.http_client = http_client

    @property
    def base_url(self) -> str:
        """The API root, ending with a slash as in the releases."""
        return f"{self.http_client.base_url}/"

    def get(self, path: str, params: dict[str, Any] | None = None) -> requests.Response:
        """GET `path` (below the endpoint) with query `params`."""
        return self.request("GET", path, params=params)

    def post(self, path: str, data: dict[str, Any] | None = None) -> requests.Response:
        """POST `data` as JSON to `path`."""
        return self.request("POST", path, data=data)

    def put(self, path: str, data: dict[str, Any] | None = None) -> requests.Response:
        """PUT `data` as JSON to `path`."""
        return self.request("PUT", path, data=data)

    def delete(self, path: str, resource_id: int | str | None = None) -> requests.Response:
        """DELETE `path/resource_id` (or `path` when no id is given)."""
        target = path if resource_id is None else f"{path}/{resource_id}"
        return self.request("DELETE", target)

    def request(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
    ) -> requests.Response:
        """Send one call, retried per the client's policy; return the successful Response.

        Raises:
            HTTPError: (a `requests.HTTPError`, with `.response`) for error statuses.
            ConnectionError, TimeoutError: when no answer arrives.
        """
        warnings.warn(
            "client._http is private; use client.http_client.request(), which returns the "
            "decoded JSON",
            DeprecationWarning,
            stacklevel=3,
        )
        api_request = ApiRequest(method.upper(), path, dict(params or {}), data)
        transport = self.http_client
        return transport.retry_policy.call(api_request, transport.send_once_for_response)
