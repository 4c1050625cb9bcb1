"""AsyncHttpClient: the asyncio transport (httpx), driving the same plans as `HttpClient`.

Why a sans-I/O core rather than generated code: every operation of the library is already a
plan (`apirequest.Plan`) — a generator that yields `ApiRequest`s and receives decoded JSON —
and lists are walked by the I/O-free `ListWalker`. Managers and resources hand their plans to
the transport's `run`: `HttpClient.run` drives them at once, `AsyncHttpClient.run` returns a
coroutine. So request building, parsing, pagination, error mapping and the retry decisions
live once, and so does the retry loop (itself a plan, `RetryPolicy.retried`); what is
written twice is only the few loops that do I/O (drive, walk, batch), each a handful of
lines. Generating a sync copy from async source (unasync) would have meant rewriting every
manager as `async def` and keeping a generated twin of each in the tree.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import Any, ClassVar, TypeVar, cast

import httpx

from cachetclient import errors
from cachetclient.apirequest import ApiRequest, Pause, Plan
from cachetclient.batch import BATCH_ERRORS, BatchResult
from cachetclient.defaults import DEFAULT_TIMEOUT, DEFAULT_TIMEZONE, Timeout
from cachetclient.pagination import Item, PageWalker
from cachetclient.retry import RetryPolicy
from cachetclient.transport import HEADER_REFUSED, EndpointSettings, caused_by_tls, decode_answer

T = TypeVar("T")
ResourceT = TypeVar("ResourceT")
ItemT = TypeVar("ItemT")


class AsyncHttpClient(EndpointSettings):
    """Sends `ApiRequest`s to one Cachet API endpoint over a pooled httpx connection.

    Takes the arguments of `EndpointSettings`, plus `transport`: an httpx transport to use instead
    of the default pooled one (e.g. with other connection limits).
    """

    body_keyword: ClassVar[str] = "content"

    def __init__(
        self,
        base_url: str,
        api_token: str | None = None,
        *,
        verify_tls: bool = True,
        timeout: Timeout = DEFAULT_TIMEOUT,
        timezone: str | None = DEFAULT_TIMEZONE,
        user_agent: str | None = None,
        retry_policy: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        bearer_token: bool = False,
    ) -> None:
        self._httpx_transport = transport
        super().__init__(
            base_url,
            api_token,
            verify_tls=verify_tls,
            timeout=timeout,
            timezone=timezone,
            user_agent=user_agent,
            retry_policy=retry_policy,
            bearer_token=bearer_token,
        )

    def _open(self) -> None:
        """One pooled httpx client for the endpoint."""
        timeout = self.timeout
        connect, read = timeout if isinstance(timeout, tuple) else (timeout, timeout)
        try:
            self._client = httpx.AsyncClient(
                headers=self.headers,
                verify=self.verify_tls,
                timeout=httpx.Timeout(read, connect=connect),
                follow_redirects=True,  # as requests does
                transport=self._httpx_transport,
            )
        except (UnicodeEncodeError, httpx.LocalProtocolError):
            raise errors.ConfigurationError(HEADER_REFUSED) from None

    def __repr__(self) -> str:
        return f"<AsyncHttpClient {self.base_url}>"

    async def run(self, plan: Plan[T]) -> T:
        """Perform an operation described as a plan (see `apirequest.Plan`)."""
        return await self.drive(plan, self.send)

    async def drive(self, plan: Plan[T], send: Callable[[ApiRequest], Awaitable[Any]]) -> T:
        """Drive `plan` to its result with `send` (the async twin of `apirequest.run_plan`)."""
        try:
            step = next(plan)
            while True:
                if isinstance(step, Pause):
                    await asyncio.sleep(step.seconds)
                    step = plan.send(None)
                    continue
                try:
                    answer = await send(step)
                except errors.CachetError as error:
                    step = plan.throw(error)
                else:
                    step = plan.send(answer)
        except StopIteration as done:
            return cast(T, done.value)
        finally:
            plan.close()

    async def walk(
        self, walker: PageWalker, make: Callable[[Item], ResourceT]
    ) -> AsyncGenerator[ResourceT, None]:
        """Yield the items of a list as `make` builds them, a request per page when needed."""
        while (request := walker.next_request()) is not None:
            for item in walker.receive(await self.send(request)):
                yield make(item)

    async def run_many(
        self, items: Sequence[ItemT], plan_for: Callable[[ItemT], Plan[T]], concurrency: int
    ) -> BatchResult[T]:
        """Run one plan per item, at most `concurrency` at once; failures do not stop the rest."""
        batch: BatchResult[T] = BatchResult(results=[None] * len(items))
        pending = iter(enumerate(items))

        async def worker() -> None:
            for index, item in pending:  # shared: each worker takes the next item
                try:
                    batch.record(index, item, await self.run(plan_for(item)))
                except BATCH_ERRORS as error:
                    batch.record(index, item, error)

        await asyncio.gather(*(worker() for _ in range(min(concurrency, len(items)))))
        return batch

    async def send(self, request: ApiRequest) -> Any:
        """Perform one call, retried per `retry_policy` (as `HttpClient.send`)."""
        return await self.drive(self.retry_policy.retried(request), self.send_once)

    async def send_once(self, request: ApiRequest) -> Any:
        """Perform one call without retrying (errors as for `HttpClient.send`)."""
        if self._client.is_closed:
            raise errors.ConfigurationError("this AsyncClient is closed: create a new one")
        started = time.perf_counter()
        try:
            response = await self._client.request(**self.request_arguments(request))
        except httpx.TimeoutException as exc:
            raise self.timed_out(request, _delivery(exc)) from exc
        except (httpx.LocalProtocolError, UnicodeEncodeError):
            raise errors.ConfigurationError(HEADER_REFUSED) from None
        except httpx.HTTPError as exc:
            raise self.unreachable(request, _delivery(exc), repr(exc)) from exc
        return decode_answer(request, self.shown_url(request), started, response, self.api_token)

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
    ) -> Any:
        """Shortcut for `send(ApiRequest(method, path, params, json))`."""
        return await self.send(ApiRequest(method.upper(), path, params or {}, json))

    async def close(self) -> None:
        """Close the pooled connections."""
        await self._client.aclose()

    async def __aenter__(self) -> AsyncHttpClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


def _delivery(failure: httpx.HTTPError) -> errors.Delivery:
    """How far a request went before httpx raised `failure`.

    Connect errors and timeouts, and waiting for a pooled connection, mean nothing was sent;
    everything after the connection was made may have reached the server.
    """
    if caused_by_tls(failure):
        return errors.Delivery.TLS_FAILED
    if isinstance(failure, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return errors.Delivery.NOT_SENT
    return errors.Delivery.MAYBE_RECEIVED
