"""Runs the synchronous test suites through the async client.

`BlockingAsyncTransport` stands where an `HttpClient` stands, but performs every plan, list
walk and request with an `AsyncHttpClient` (httpx) on an event loop in another thread. The
managers, resources and tests are unchanged, so each scenario checks the async transport, the
async runner and the async retry loop against the emulator over real HTTP. What it cannot see
is the awaitable surface itself; tests/client/test_async_client.py covers that.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal

import cachetclient
from cachetclient.apirequest import ApiRequest, Plan
from cachetclient.async_httpclient import AsyncHttpClient
from cachetclient.batch import BatchResult
from cachetclient.httpclient import HttpClient
from cachetclient.pagination import Item, ListWalker
from cachetclient.v1.client import Client

T = TypeVar("T")

CLIENT_KINDS = [pytest.param("sync", id="sync"), pytest.param("async", id="async")]
"""Parameters of a fixture that builds the client both ways."""


class BlockingAsyncTransport:
    """An `AsyncHttpClient` driven from synchronous code through a blocking portal."""

    def __init__(self, async_http: AsyncHttpClient, portal: BlockingPortal) -> None:
        self.async_http = async_http
        self._portal = portal

    def __getattr__(self, name: str) -> Any:
        return getattr(self.async_http, name)

    def __repr__(self) -> str:
        return repr(self.async_http)

    def run(self, plan: Plan[T]) -> T:
        return self._portal.call(self.async_http.run, plan)

    def walk(self, walker: ListWalker, make: Callable[[Item], T]) -> Generator[T, None, None]:
        pages = self.async_http.walk(walker, make)
        try:
            while True:
                try:
                    yield self._portal.call(pages.__anext__)
                except StopAsyncIteration:
                    return
        finally:
            self._portal.call(pages.aclose)

    def run_many(
        self, items: Sequence[Any], plan_for: Callable[[Any], Plan[T]], concurrency: int
    ) -> BatchResult[T]:
        return self._portal.call(self.async_http.run_many, items, plan_for, concurrency)

    def send(self, request: ApiRequest) -> Any:
        return self._portal.call(self.async_http.send, request)

    def send_once(self, request: ApiRequest) -> Any:
        return self._portal.call(self.async_http.send_once, request)

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        return self.send(
            ApiRequest(method.upper(), path, kwargs.get("params") or {}, kwargs.get("json"))
        )

    def close(self) -> None:
        self._portal.call(self.async_http.close)


@contextmanager
def event_loop_portal() -> Iterator[BlockingPortal]:
    """An event loop in a thread, for the duration of the block."""
    with start_blocking_portal(backend="asyncio") as portal:
        yield portal


def blocking_async_client(portal: BlockingPortal, *args: Any, **kwargs: Any) -> Client:
    """What `cachetclient.AsyncClient(*args, **kwargs)` builds, usable from sync code."""
    async_client = cachetclient.AsyncClient(*args, **kwargs)
    transport = BlockingAsyncTransport(async_client.async_http_client, portal)
    return Client(cast(HttpClient, transport))


@contextmanager
def client_of_kind(
    kind: str, portal: BlockingPortal, *args: Any, **kwargs: Any
) -> Iterator[Client]:
    """A sync `Client`, or an `AsyncClient` behind the blocking bridge."""
    if kind == "sync":
        with cachetclient.Client(*args, **kwargs) as sync_client:
            yield sync_client
        return
    bridged = blocking_async_client(portal, *args, **kwargs)
    try:
        yield bridged
    finally:
        bridged.close()
