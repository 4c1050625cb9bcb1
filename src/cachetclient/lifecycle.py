"""How every client opens and closes: `close()` and `with`, or `aclose()` and `async with`.

The v1 and Cachet 3 clients, sync and async, share these; each names its `api_version`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeVar

if TYPE_CHECKING:
    from cachetclient.async_httpclient import AsyncHttpClient
    from cachetclient.httpclient import HttpClient

_C = TypeVar("_C", bound="ClientLifecycle")


class ClientLifecycle:
    """`close()`, `with` and `repr()` of a client on one transport (`http_client`)."""

    api_version: ClassVar[str] = ""
    http_client: HttpClient

    def __repr__(self) -> str:
        return (
            f"<cachetclient v{self.api_version} {type(self).__name__} {self.http_client.base_url}>"
        )

    def close(self) -> None:
        """Close the pooled connections."""
        self.http_client.close()

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClientLifecycle(ClientLifecycle):
    """`aclose()` and `async with` of a client on an asyncio transport; sync closing refused."""

    async_http_client: AsyncHttpClient

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self.async_http_client.close()

    def close(self) -> None:
        """Not for the async client: use `await client.aclose()` or `async with`."""
        raise TypeError("use `await client.aclose()` (or `async with`) to close an AsyncClient")

    def __enter__(self: _C) -> _C:
        version = "" if self.api_version == "1" else f", version='{self.api_version}'"
        raise TypeError(f"use `async with cachetclient.AsyncClient(...{version})`")

    async def __aenter__(self: _C) -> _C:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
