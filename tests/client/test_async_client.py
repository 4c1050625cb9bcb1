"""The awaitable surface of AsyncClient: every manager method awaited against the emulator,
bulk creation, cancellation and connection handling. (Behaviour in depth is checked by the
whole client suite, which also runs through the async transport: see tests/async_bridge.py.)"""

from __future__ import annotations

import asyncio
import datetime as dt
import subprocess
import sys
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

import cachetclient
from cachetclient.async_httpclient import AsyncHttpClient
from cachetclient.v1.async_client import AsyncClient
from cachetclient.v1.components import Component
from cachetclient.v1.enums import COMPONENT_STATUS_MAJOR_OUTAGE, COMPONENT_STATUS_OPERATIONAL

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    """The async tests run on asyncio."""
    return "asyncio"


@pytest.fixture
async def aclient(cachet_emulator: Any) -> AsyncIterator[AsyncClient]:
    """An AsyncClient holding the emulator's token."""
    async with cachetclient.AsyncClient(cachet_emulator.endpoint, cachet_emulator.token) as ready:
        yield ready


async def collect(items: AsyncIterator[Any]) -> list[Any]:
    """The items of an async iterator, in order."""
    return [item async for item in items]


async def test_component_round_trip_is_awaited(aclient: Any) -> None:
    created = await aclient.components.create(name="API", status=COMPONENT_STATUS_OPERATIONAL)
    assert isinstance(created, Component)
    fetched = await aclient.components.get(created.id)
    fetched.status = COMPONENT_STATUS_MAJOR_OUTAGE
    updated = await fetched.update()
    assert updated.status == COMPONENT_STATUS_MAJOR_OUTAGE
    assert fetched.status == COMPONENT_STATUS_MAJOR_OUTAGE
    await aclient.components.update(created.id, status=COMPONENT_STATUS_OPERATIONAL, name="Web")
    listed = await collect(aclient.components.list(status=COMPONENT_STATUS_OPERATIONAL))
    assert [c.name for c in listed] == ["Web"]
    assert await aclient.components.count() == 1
    await listed[0].delete()
    assert await aclient.components.count() == 0
    with pytest.raises(cachetclient.NotFoundError):
        await aclient.components.delete(created.id)


async def test_lists_walk_every_page_in_order(aclient: Any) -> None:
    for name in ("a", "b", "c", "d", "e"):
        await aclient.components.create(name=name, status=1)
    names = [c.name async for c in aclient.components.list(per_page=2, sort="id", order="asc")]
    assert names == ["a", "b", "c", "d", "e"]
    assert await aclient.components.count(name="c") == 1


async def test_groups_incidents_and_updates_are_awaited(aclient: Any) -> None:
    group = await aclient.component_groups.create(name="Edge", collapsed=1)
    await aclient.component_groups.update(group.id, name="Core")
    assert (await aclient.component_groups.get(group.id)).name == "Core"
    assert [g.id async for g in aclient.component_groups.list()] == [group.id]
    assert await aclient.component_groups.count() == 1
    await aclient.component_groups.delete(group.id)

    incident = await aclient.incidents.create(name="Down", message="Looking", status=1)
    await aclient.incidents.update(incident.id, status=2)
    assert (await aclient.incidents.get(incident.id)).status == 2
    assert await aclient.incidents.count() == 1
    update = await aclient.incident_updates.create(incident_id=incident.id, status=4, message="Ok")
    await aclient.incident_updates.update(id=update.id, incident_id=incident.id, message="Fixed")
    fetched = await aclient.incident_updates.get(incident.id, update.id)
    assert fetched.message == "Fixed"
    assert [u.id async for u in incident.updates()] == [update.id]
    assert await aclient.incident_updates.count(incident.id) == 1
    await aclient.incident_updates.delete(incident.id, update.id)
    assert [i.id async for i in aclient.incidents.list()] == [incident.id]
    await aclient.incidents.delete(incident.id)
    assert await aclient.incidents.count() == 0


async def test_metrics_and_points_are_awaited(aclient: Any) -> None:
    metric = await aclient.metrics.create(name="Latency", description="ms", suffix="ms")
    await aclient.metrics.update(metric.id, name="Delay")
    assert (await aclient.metrics.get(metric.id)).name == "Delay"
    point = await aclient.metric_points.create(metric_id=metric.id, value=3)
    moved = await aclient.metric_points.update(metric.id, point.id, value=5)
    assert moved.value == 5
    assert [p.value async for p in metric.points()] == [5]
    assert [p.id async for p in aclient.metric_points.list(metric.id)] == [point.id]
    assert await aclient.metric_points.count(metric.id) == 1
    await aclient.metric_points.delete(metric.id, point.id)
    assert await aclient.metric_points.count(metric.id) == 0
    assert [m.id async for m in aclient.metrics.list()] == [metric.id]
    assert await aclient.metrics.count() == 1
    await aclient.metrics.delete(metric.id)


async def test_schedules_subscribers_and_general_calls_are_awaited(
    cachet_emulator: Any, aclient: Any
) -> None:
    schedule = await aclient.schedules.create(name="Upgrade", status=0)
    await aclient.schedules.update(schedule.id, name="Big upgrade")
    assert (await aclient.schedules.get(schedule.id)).name == "Big upgrade"
    assert [s.id async for s in aclient.schedules.list()] == [schedule.id]
    assert await aclient.schedules.count() == 1
    await aclient.schedules.delete(schedule.id)

    component = await aclient.components.create(name="API", status=1)
    subscriber = await aclient.subscribers.create(email="a@example.com", components=[component.id])
    assert [s.email async for s in aclient.subscribers.list()] == ["a@example.com"]
    assert await aclient.subscribers.count() == 1
    await aclient.subscriptions.delete(subscriber.subscriptions[0]["id"])
    await aclient.subscribers.delete(subscriber.id)
    assert await aclient.subscribers.count() == 0

    cachet_emulator.create_incident_template("Outage", "Out")
    template = (await collect(aclient.incident_templates.list()))[0]
    assert (await aclient.incident_templates.get(template.id)).name == "Outage"
    assert await aclient.incident_templates.count() == 1

    assert await aclient.ping() is True
    assert (await aclient.status()).is_operational is True
    assert (await aclient.version.get()).value


async def test_errors_are_the_typed_requests_errors(aclient: Any) -> None:
    with pytest.raises(cachetclient.NotFoundError) as caught:
        await aclient.components.get(404)
    assert caught.value.status_code == 404
    with pytest.raises(cachetclient.ValidationError, match="name"):
        await aclient.components.create(name="", status=1)


async def test_create_many_reports_failed_items_and_keeps_the_rest(
    cachet_emulator: Any, aclient: Any
) -> None:
    metric = await aclient.metrics.create(name="Load", description="Jobs", suffix="jobs")
    values: list[Any] = [float(n) for n in range(20)]
    values[3] = "three"
    values[11] = -1e400  # an infinity: JSON cannot carry it, the server would refuse it
    result = await aclient.metric_points.create_many(metric.id, values, concurrency=4)
    assert [failure.index for failure in result.failures] == [3, 11]
    assert result.failures[0].item == "three"
    assert len(result.succeeded) == 18
    assert [p.value for p in result.results if p is not None] == [
        v for i, v in enumerate(values) if i not in (3, 11)
    ]
    assert await aclient.metric_points.count(metric.id) == 18


class CountingTransport(httpx.AsyncBaseTransport):
    """The real pooled transport, noting how many requests are in flight at once."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.in_flight = 0
        self.most_in_flight = 0
        self.sent = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.in_flight += 1
        self.sent += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            response = await self.inner.handle_async_request(request)
            await response.aread()
            return response
        finally:
            self.in_flight -= 1

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.mark.parametrize("concurrency", [1, 3])
async def test_create_many_keeps_to_its_concurrency(cachet_emulator: Any, concurrency: int) -> None:
    counting = CountingTransport()
    http = AsyncHttpClient(cachet_emulator.endpoint, cachet_emulator.token, transport=counting)
    async with AsyncClient(http) as aclient:
        metric = await aclient.metrics.create(name="Load", description="Jobs", suffix="jobs")
        cachet_emulator.faults.inject("delay", method="POST", seconds=0.05, times=30)
        result = await aclient.metric_points.create_many(
            metric.id, range(30), concurrency=concurrency
        )
    assert result.ok
    assert counting.sent == 31
    assert counting.most_in_flight <= concurrency
    # The delayed answers overlap whenever the limit allows it.
    assert counting.most_in_flight > 1 or concurrency == 1


async def test_create_many_refuses_a_concurrency_below_one(aclient: Any) -> None:
    with pytest.raises(ValueError, match="concurrency"):
        await aclient.metric_points.create_many(1, [1.0], concurrency=0)


async def test_a_cancelled_call_closes_its_connection() -> None:
    received = asyncio.Event()
    closed = asyncio.Event()

    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        received.set()
        await reader.read()  # returns once the client closes the connection
        closed.set()
        writer.close()

    server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server, cachetclient.AsyncClient(f"http://127.0.0.1:{port}", "t") as aclient:
        call = asyncio.create_task(aclient.components.get(1))
        await asyncio.wait_for(received.wait(), timeout=5)
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
        await asyncio.wait_for(closed.wait(), timeout=5)
    assert closed.is_set()


async def test_the_client_works_after_a_cancelled_call(cachet_emulator: Any, aclient: Any) -> None:
    cachet_emulator.faults.inject("delay", seconds=2.0)
    slow = asyncio.create_task(aclient.components.count())
    await asyncio.sleep(0.2)
    slow.cancel()
    with pytest.raises(asyncio.CancelledError):
        await slow
    created = await aclient.components.create(name="After", status=1)
    assert (await aclient.components.get(created.id)).name == "After"


async def test_async_with_closes_the_pool(cachet_emulator: Any) -> None:
    async with cachetclient.AsyncClient(cachet_emulator.endpoint, guest=True) as aclient:
        assert await aclient.ping()
    with pytest.raises(cachetclient.ConfigurationError, match="closed"):
        await aclient.components.count()


async def test_retries_apply_to_the_async_client(cachet_emulator: Any) -> None:
    cachet_emulator.faults.inject("status", status=503, method="GET", times=2)
    async with cachetclient.AsyncClient(
        cachet_emulator.endpoint, cachet_emulator.token, backoff_base=0.01
    ) as aclient:
        assert await aclient.components.count() == 0
        cachet_emulator.faults.inject("status", status=503, method="GET", times=3)
        with pytest.raises(cachetclient.ServerError) as caught:
            await aclient.components.count()
    assert caught.value.tries == 3


def test_sync_closing_an_async_client_is_refused(cachet_emulator: Any) -> None:
    aclient = cachetclient.AsyncClient(cachet_emulator.endpoint, guest=True)
    with pytest.raises(TypeError, match="aclose"):
        aclient.close()
    asyncio.run(aclient.aclose())


def test_importing_the_library_does_not_import_httpx() -> None:
    code = "import sys, cachetclient; cachetclient.Client; print('httpx' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"


async def test_a_token_that_cannot_be_a_header_is_refused_without_showing_it(
    cachet_emulator: Any,
) -> None:
    with pytest.raises(cachetclient.ConfigurationError) as caught:
        async with cachetclient.AsyncClient(cachet_emulator.endpoint, "sec\nret") as aclient:
            await aclient.components.count()
    assert "sec" not in str(caught.value)


async def test_a_silent_server_is_a_timeout(silent_server: str) -> None:
    async with cachetclient.AsyncClient(
        silent_server, "t", timeout=(1.0, 0.2), max_retries=0
    ) as aclient:
        with pytest.raises(cachetclient.TimeoutError, match="no answer within"):
            await aclient.components.count()


async def test_a_post_that_never_left_is_retried(unused_port: int) -> None:
    async with cachetclient.AsyncClient(
        f"http://127.0.0.1:{unused_port}", "t", backoff_base=0.01
    ) as aclient:
        with pytest.raises(cachetclient.ConnectionError) as caught:
            await aclient.components.create(name="API", status=1)
    assert caught.value.tries == 3


async def test_a_post_that_may_have_arrived_is_not_retried(cachet_emulator: Any) -> None:
    cachet_emulator.faults.inject("drop_after", method="POST")
    async with cachetclient.AsyncClient(
        cachet_emulator.endpoint, cachet_emulator.token, backoff_base=0.01
    ) as aclient:
        with pytest.raises(cachetclient.ConnectionError) as caught:
            await aclient.components.create(name="API", status=1)
        assert caught.value.tries == 1
        assert await aclient.components.count() == 1


async def test_async_dates_are_naive_by_default_and_aware_with_a_timezone(
    aclient: Any, cachet_emulator: Any
) -> None:
    start = dt.datetime(2030, 9, 1, 20, 0)
    schedule = await aclient.schedules.create(name="Upgrade", status=0, scheduled_at=start)

    async with cachetclient.AsyncClient(
        cachet_emulator.endpoint, cachet_emulator.token, timezone="UTC"
    ) as aware:
        seen_aware = (await aware.schedules.get(schedule.id)).scheduled_at

    assert (await aclient.schedules.get(schedule.id)).scheduled_at == start
    assert seen_aware == start.replace(tzinfo=dt.timezone.utc)


async def test_async_client_has_no_release_http(aclient: Any) -> None:
    with pytest.raises(AttributeError, match=r"async_http_client\.request"):
        aclient._http  # noqa: B018
