"""Plans driven without a server: what a driver sends, throws in, waits and returns."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from cachetclient import errors
from cachetclient.apirequest import ApiRequest, Pause, Plan, run_plan
from cachetclient.async_httpclient import AsyncHttpClient

FIRST = ApiRequest("GET", "components/1")
SECOND = ApiRequest("GET", "components/2")


def two_names() -> Plan[list[str]]:
    """Two requests, one after the other; a missing second component counts as unnamed."""
    first = yield FIRST
    try:
        second = yield SECOND
    except errors.NotFoundError:
        second = {"data": {"name": "(none)"}}
    return [first["data"]["name"], second["data"]["name"]]


def not_found(request: ApiRequest) -> errors.NotFoundError:
    return errors.NotFoundError(status_code=404, method=request.method, url=request.path)


class Answers:
    """What a transport's send does, scripted: an answer or an error per request path."""

    def __init__(self, **by_path: Any) -> None:
        self.by_path = {path.replace("_", "/"): answer for path, answer in by_path.items()}
        self.sent: list[ApiRequest] = []

    def send(self, request: ApiRequest) -> Any:
        self.sent.append(request)
        answer = self.by_path[request.path]
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def send_async(self, request: ApiRequest) -> Any:
        return self.send(request)


def test_each_request_is_sent_in_turn_and_the_result_returned() -> None:
    answers = Answers(components_1={"data": {"name": "API"}}, components_2={"data": {"name": "DB"}})

    assert run_plan(two_names(), answers.send) == ["API", "DB"]
    assert answers.sent == [FIRST, SECOND]


def test_an_error_is_thrown_into_the_plan_which_may_handle_it() -> None:
    answers = Answers(components_1={"data": {"name": "API"}}, components_2=not_found(SECOND))

    assert run_plan(two_names(), answers.send) == ["API", "(none)"]


def test_an_error_the_plan_does_not_handle_reaches_the_caller() -> None:
    answers = Answers(components_1=not_found(FIRST))

    with pytest.raises(errors.NotFoundError):
        run_plan(two_names(), answers.send)
    assert answers.sent == [FIRST]


def test_a_pause_is_waited_out_before_the_plan_goes_on() -> None:
    def paused() -> Plan[Any]:
        yield Pause(1.5)
        return (yield FIRST)

    waited: list[float] = []
    answers = Answers(components_1={"data": {}})

    assert run_plan(paused(), answers.send, sleep=waited.append) == {"data": {}}
    assert waited == [1.5]


def test_the_async_driver_sends_throws_and_returns_the_same() -> None:
    answers = Answers(components_1={"data": {"name": "API"}}, components_2=not_found(SECOND))

    async def drive() -> list[str]:
        transport = AsyncHttpClient("http://127.0.0.1:9/api/v1")
        try:
            return await transport.drive(two_names(), answers.send_async)
        finally:
            await transport.close()

    assert asyncio.run(drive()) == ["API", "(none)"]
    assert answers.sent == [FIRST, SECOND]
