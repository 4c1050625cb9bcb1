"""The client's retry policy: what is retried, how long it waits, what it logs and reports."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

import cachetclient
from cachet_emulator.server import CachetEmulator
from cachetclient.errors import CachetError
from cachetclient.retry import RetryPolicy
from cachetclient.v1.client import Client
from tests.reliability.conftest import server_total

RETRY_LOG = re.compile(
    r"retrying (?P<method>\w+) (?P<path>\S+) in (?P<delay>[\d.]+) s "
    r"\(try (?P<try>\d) of (?P<of>\d)\): (?P<reason>.+)"
)


def retries_logged(caplog: pytest.LogCaptureFixture) -> list[dict[str, str]]:
    """The retry lines the client logged at INFO, parsed."""
    found = []
    for record in caplog.records:
        match = RETRY_LOG.fullmatch(record.getMessage())
        if match and record.levelno == logging.INFO and record.name == "cachetclient":
            found.append(match.groupdict())
    return found


@pytest.fixture(autouse=True)
def _info_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="cachetclient")


def test_each_retry_is_logged_with_reason_and_delay(
    cachet_emulator: CachetEmulator, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    cachet_emulator.faults.inject("status", status=503, method="GET", times=2)
    assert client.components.count() == 0
    logged = retries_logged(caplog)
    assert [(r["method"], r["path"], r["try"], r["of"]) for r in logged] == [
        ("GET", "components", "2", "3"),
        ("GET", "components", "3", "3"),
    ]
    assert {r["reason"] for r in logged} == {"503 Service Unavailable"}


def test_retry_after_seconds_is_honoured(
    cachet_emulator: CachetEmulator, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    cachet_emulator.faults.inject("status", status=429, retry_after="1", method="GET")
    client.components.count()
    assert [r["delay"] for r in retries_logged(caplog)] == ["1.00"]


def test_retry_after_http_date_is_honoured(
    cachet_emulator: CachetEmulator, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    soon = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=2), usegmt=True)
    cachet_emulator.faults.inject("status", status=503, retry_after=soon, method="GET")
    client.components.count()
    (retry,) = retries_logged(caplog)
    assert 0 < float(retry["delay"]) <= 2


def test_retry_after_is_capped(
    cachet_emulator: CachetEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    cachet_emulator.faults.inject("status", status=503, retry_after="3600", method="GET")
    policy = RetryPolicy(retry_after_cap=0.2)
    with cachetclient.Client(cachet_emulator.endpoint, retry_policy=policy, guest=True) as client:
        assert client.components.count() == 0
    assert [r["delay"] for r in retries_logged(caplog)] == ["0.20"]


def test_backoff_grows_and_stays_under_its_cap(
    cachet_emulator: CachetEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    cachet_emulator.faults.inject("status", status=502, method="GET", times=4)
    with cachetclient.Client(
        cachet_emulator.endpoint, max_retries=4, backoff_base=0.02, backoff_cap=0.05, guest=True
    ) as client:
        assert client.components.count() == 0
    delays = [float(r["delay"]) for r in retries_logged(caplog)]
    assert len(delays) == 4
    assert 0.01 <= delays[0] <= 0.02  # jitter keeps 50-100 % of the backoff
    assert all(0.025 <= delay <= 0.05 for delay in delays[2:])


def test_put_is_retried_after_a_lost_answer(
    cachet_emulator: CachetEmulator, client: Client
) -> None:
    component = client.components.create(name="API", status=1)
    cachet_emulator.faults.inject("drop_after", method="PUT", path="/api/v1/components/*")
    assert client.components.update(component.id, status=4).status == 4
    assert server_total(cachet_emulator, "components") == 1


def test_delete_whose_answer_was_lost_succeeds_on_retry(
    cachet_emulator: CachetEmulator, client: Client
) -> None:
    component = client.components.create(name="API", status=1)
    cachet_emulator.faults.inject("drop_after", method="DELETE", path="/api/v1/components/*")
    client.components.delete(component.id)  # the retry finds it gone: done, not an error
    assert server_total(cachet_emulator, "components") == 0


def test_delete_of_a_missing_resource_is_still_not_found(client: Client) -> None:
    with pytest.raises(cachetclient.NotFoundError) as raised:
        client.components.delete(999)
    assert raised.value.tries == 1


def test_post_after_a_503_is_not_retried(
    cachet_emulator: CachetEmulator, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    cachet_emulator.faults.inject("status", status=503, method="POST")
    with pytest.raises(cachetclient.ServerError):
        client.incidents.create(name="Outage", message="Down", status=1)
    assert retries_logged(caplog) == []
    assert server_total(cachet_emulator, "incidents") == 0


def test_post_retried_when_refused_says_how_often(
    closed_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    endpoint = f"http://127.0.0.1:{closed_port}/api/v1"
    client = cachetclient.Client(endpoint, "token", max_retries=1, backoff_base=0.01)
    with client, pytest.raises(cachetclient.ConnectionError) as raised:
        client.incidents.create(name="Outage", message="Down", status=1)
    assert raised.value.tries == 2
    assert "gave up after 2 tries" in str(raised.value)
    (retry,) = retries_logged(caplog)
    assert retry["reason"].startswith("could not connect")


def test_max_retries_zero_sends_once(cachet_emulator: CachetEmulator) -> None:
    cachet_emulator.faults.inject("status", status=503, method="GET")
    client = cachetclient.Client(cachet_emulator.endpoint, max_retries=0, guest=True)
    with client, pytest.raises(cachetclient.ServerError) as raised:
        client.components.count()
    assert raised.value.tries == 1
    assert "tries" not in str(raised.value)


def test_user_supplied_policy_decides(cachet_emulator: CachetEmulator) -> None:
    class RetryServerErrors(RetryPolicy):
        def reason_to_retry(self, method: str, error: CachetError) -> str | None:
            if isinstance(error, cachetclient.ServerError):
                return "any server error"
            return super().reason_to_retry(method, error)

    cachet_emulator.faults.inject("status", status=500, method="GET")
    policy = RetryServerErrors(backoff_base=0.01)
    with cachetclient.Client(cachet_emulator.endpoint, retry_policy=policy, guest=True) as client:
        assert client.components.count() == 0


@pytest.mark.parametrize(
    "settings",
    [{"max_retries": -1}, {"max_retries": 1.5}, {"backoff_base": -1}, {"backoff_cap": "2"}],
)
def test_bad_retry_settings_are_refused(settings: dict[str, object]) -> None:
    with pytest.raises(cachetclient.ConfigurationError):
        cachetclient.Client("http://127.0.0.1:9/api/v1", **settings)  # type: ignore[call-overload]


def test_tls_failure_is_not_retried(cachet_emulator: CachetEmulator) -> None:
    # TLS to a plain-HTTP server: the handshake fails, whatever the number of tries.
    endpoint = cachet_emulator.endpoint.replace("http://", "https://")
    client = cachetclient.Client(endpoint, backoff_base=0.01, guest=True)
    with client, pytest.raises(cachetclient.ConnectionError) as raised:
        client.components.count()
    assert raised.value.tries == 1


def test_error_after_a_retry_counts_every_try(
    cachet_emulator: CachetEmulator, client: Client
) -> None:
    cachet_emulator.faults.inject("status", status=503, method="GET")
    with pytest.raises(cachetclient.NotFoundError) as raised:
        client.components.get(999)  # 503, then the real answer: no such component
    assert raised.value.tries == 2
