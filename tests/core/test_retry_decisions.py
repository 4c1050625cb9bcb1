"""The retry policy without a server: which failures are retried, how long it waits."""

from __future__ import annotations

import ast
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from cachetclient import errors, retry
from cachetclient.apirequest import ApiRequest, Pause
from cachetclient.errors import Delivery
from cachetclient.retry import RetryPolicy

POLICY = RetryPolicy()
METHODS = ("GET", "PUT", "DELETE", "POST")


def http_error(
    status: int, method: str = "GET", retry_after: str | None = None
) -> errors.HTTPError:
    response = requests.Response()
    if retry_after is not None:
        response.headers["Retry-After"] = retry_after
    error_class = errors.error_class_for(status, [])
    return error_class(status_code=status, method=method, url="/api/v1/x", response=response)


def no_answer(kind: type[errors.ConnectionError | errors.TimeoutError], delivery: Delivery) -> Any:
    error = kind("no answer")
    error.delivery = delivery
    return error


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_not_now_answers_are_retried_except_for_post(method: str, status: int) -> None:
    reason = POLICY.reason_to_retry(method, http_error(status, method))

    assert (reason is not None) == (method != "POST")


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("status", [400, 401, 404, 405, 500])
def test_other_answers_are_final(method: str, status: int) -> None:
    assert POLICY.reason_to_retry(method, http_error(status, method)) is None


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("kind", [errors.ConnectionError, errors.TimeoutError])
def test_a_request_that_never_left_is_retried_whatever_its_method(
    method: str, kind: type[errors.ConnectionError | errors.TimeoutError]
) -> None:
    reason = POLICY.reason_to_retry(method, no_answer(kind, Delivery.NOT_SENT))

    assert reason is not None
    assert reason.startswith("could not connect")


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("kind", [errors.ConnectionError, errors.TimeoutError])
def test_a_request_that_may_have_arrived_is_retried_only_when_repeatable(
    method: str, kind: type[errors.ConnectionError | errors.TimeoutError]
) -> None:
    reason = POLICY.reason_to_retry(method, no_answer(kind, Delivery.MAYBE_RECEIVED))

    assert (reason is not None) == (method != "POST")


@pytest.mark.parametrize("method", METHODS)
def test_a_tls_failure_is_never_retried(method: str) -> None:
    error = no_answer(errors.ConnectionError, Delivery.TLS_FAILED)

    assert POLICY.reason_to_retry(method, error) is None


def test_an_error_without_a_report_counts_as_maybe_received() -> None:
    error = errors.ConnectionError("reset")

    assert POLICY.reason_to_retry("POST", error) is None
    assert POLICY.reason_to_retry("GET", error) == "connection lost"


CUT_ANSWER = errors.InvalidResponseError("cut", status_code=200, method="GET", url="/x")


@pytest.mark.parametrize("error", [CUT_ANSWER, errors.ConfigurationError("bad")])
def test_errors_of_the_answer_or_the_setup_are_final(error: errors.CachetError) -> None:
    assert POLICY.reason_to_retry("GET", error) is None


def test_retry_after_seconds_is_waited_up_to_the_cap() -> None:
    policy = RetryPolicy(retry_after_cap=10)

    assert policy.delay(1, http_error(503, retry_after="3")) == 3
    assert policy.delay(1, http_error(503, retry_after="3600")) == 10


def test_retry_after_as_a_date_is_waited_until_then() -> None:
    soon = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=5), usegmt=True)

    assert 3 < POLICY.delay(1, http_error(503, retry_after=soon)) <= 5


def test_an_unreadable_retry_after_falls_back_to_backoff() -> None:
    policy = RetryPolicy(backoff_base=1, backoff_cap=100)

    assert 0.5 <= policy.delay(1, http_error(503, retry_after="soon")) <= 1


@pytest.mark.parametrize(("retry", "longest"), [(1, 1.0), (2, 2.0), (3, 4.0), (4, 5.0), (9, 5.0)])
def test_backoff_doubles_up_to_its_cap_with_jitter(retry: int, longest: float) -> None:
    policy = RetryPolicy(backoff_base=1, backoff_cap=5)

    waits = [policy.delay(retry, http_error(503)) for _ in range(50)]

    assert all(longest / 2 <= wait <= longest for wait in waits)


# -- the retry loop as a plan -----------------------------------------------------------------

GET = ApiRequest("GET", "components")
POST = ApiRequest("POST", "incidents", json={"name": "Outage"})
DELETE = ApiRequest("DELETE", "components/3")


def test_a_retried_call_yields_the_request_a_pause_and_the_request_again() -> None:
    plan = RetryPolicy(backoff_base=0.25, backoff_cap=0.25).retried(GET)

    assert next(plan) == GET
    pause = plan.throw(http_error(503))
    assert isinstance(pause, Pause)
    assert 0.125 <= pause.seconds <= 0.25
    assert plan.send(None) == GET
    with pytest.raises(StopIteration) as done:
        plan.send({"data": []})
    assert done.value.value == {"data": []}


def test_the_last_error_is_raised_with_the_tries_made() -> None:
    plan = RetryPolicy(max_retries=2, backoff_base=0).retried(GET)
    steps = [next(plan)]
    last = http_error(503)
    with pytest.raises(errors.ServerError) as raised:
        for error in (http_error(503), http_error(503), last):
            steps.append(plan.throw(error))
            steps.append(plan.send(None))

    assert raised.value is last
    assert raised.value.tries == 3
    assert steps == [GET, Pause(0.0), GET, Pause(0.0), GET]


def test_a_post_that_may_have_arrived_is_not_sent_again() -> None:
    plan = POLICY.retried(POST)
    next(plan)

    with pytest.raises(errors.ServerError) as raised:
        plan.throw(http_error(503, "POST"))
    assert raised.value.tries == 1


def test_a_retried_delete_that_finds_nothing_has_done_its_work() -> None:
    plan = RetryPolicy(backoff_base=0).retried(DELETE)
    next(plan)
    plan.throw(http_error(503, "DELETE"))
    plan.send(None)

    with pytest.raises(StopIteration) as done:
        plan.throw(http_error(404, "DELETE"))
    assert done.value.value is None


def test_a_first_delete_that_finds_nothing_is_not_found() -> None:
    plan = POLICY.retried(DELETE)
    next(plan)

    with pytest.raises(errors.NotFoundError):
        plan.throw(http_error(404, "DELETE"))


def test_no_retries_sends_once() -> None:
    plan = RetryPolicy(max_retries=0).retried(GET)
    next(plan)

    with pytest.raises(errors.ServerError) as raised:
        plan.throw(http_error(503))
    assert raised.value.tries == 1


def test_the_policy_imports_no_http_library() -> None:
    source = Path(retry.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}  # fmt: skip
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}

    assert {name.split(".")[0] for name in imported}.isdisjoint({"requests", "urllib3", "httpx"})
    assert "sys.modules" not in source
