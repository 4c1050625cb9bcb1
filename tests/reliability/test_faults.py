"""Every fault kind against a read (GET) and a write (POST), over loopback HTTP.

A read either succeeds after retrying or raises the right typed error; a write is never sent
twice: the server's incident count says whether it happened once or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import requests

import cachetclient
from cachet_emulator.server import CachetEmulator
from cachetclient.v1.client import Client
from tests.reliability.conftest import READ_TIMEOUT, server_total


@dataclass(frozen=True)
class Case:
    """A fault and what the client must do about it."""

    kind: str
    options: dict[str, Any]
    read_retried: bool  # a GET tries again (and succeeds once the fault is used up)
    error: type[cachetclient.CachetError]  # what a call raises when the fault persists
    write_processed: bool  # the server acts on the POST before the fault strikes


CASES = [
    Case("status", {"status": 500}, False, cachetclient.ServerError, False),
    Case("status", {"status": 502}, True, cachetclient.ServerError, False),
    Case("status", {"status": 503, "retry_after": "0"}, True, cachetclient.ServerError, False),
    Case("status", {"status": 429, "retry_after": "0"}, True, cachetclient.HTTPError, False),
    Case("html", {}, True, cachetclient.ServerError, False),
    Case("truncated_json", {}, False, cachetclient.InvalidResponseError, True),
    Case("malformed_json", {}, False, cachetclient.InvalidResponseError, True),
    Case("no_data", {}, False, cachetclient.InvalidResponseError, True),
    Case("delay", {"seconds": READ_TIMEOUT * 3}, True, cachetclient.TimeoutError, True),
    Case("drop_before", {}, True, cachetclient.ConnectionError, False),
    Case("drop_after", {}, True, cachetclient.ConnectionError, True),
]
IDS = [f"{case.kind}-{case.options.get('status', '')}".rstrip("-") for case in CASES]
TRIES = 3  # the default max_retries=2, plus the first try


def _component(emulator: CachetEmulator) -> int:
    response = requests.post(
        emulator.endpoint + "/components",
        json={"name": "API", "status": 1},
        headers={"X-Cachet-Token": emulator.token},
        timeout=10,
    )
    return int(response.json()["data"]["id"])


@pytest.mark.timeout(30)
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_read_recovers_from_a_passing_fault_or_fails_typed(
    case: Case, cachet_emulator: CachetEmulator, client: Client
) -> None:
    component_id = _component(cachet_emulator)
    cachet_emulator.faults.inject(
        case.kind, method="GET", path="/api/v1/components/*", **case.options
    )
    if case.read_retried:
        assert client.components.get(component_id).name == "API"
    else:
        with pytest.raises(case.error) as raised:
            client.components.get(component_id)
        assert raised.value.tries == 1
    assert cachet_emulator.faults.pending() == []


@pytest.mark.timeout(30)
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_read_gives_up_after_every_try_with_the_typed_error(
    case: Case, cachet_emulator: CachetEmulator, client: Client
) -> None:
    component_id = _component(cachet_emulator)
    cachet_emulator.faults.inject(
        case.kind, method="GET", path="/api/v1/components/*", times=TRIES, **case.options
    )
    with pytest.raises(case.error) as raised:
        client.components.get(component_id)
    expected_tries = TRIES if case.read_retried else 1
    assert raised.value.tries == expected_tries
    if expected_tries > 1:
        assert f"gave up after {expected_tries} tries" in str(raised.value)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_write_that_may_have_reached_the_server_is_never_repeated(
    case: Case, cachet_emulator: CachetEmulator, client: Client
) -> None:
    cachet_emulator.faults.inject(
        case.kind, method="POST", path="/api/v1/incidents", **case.options
    )
    with pytest.raises(case.error) as raised:
        client.incidents.create(name="Outage", message="Down", status=1)
    assert raised.value.tries == 1
    if case.kind == "delay":  # the answer is still on its way: wait for the server to finish
        requests.get(cachet_emulator.endpoint + "/ping", timeout=10)
    assert server_total(cachet_emulator, "incidents") == (1 if case.write_processed else 0)


def test_write_is_retried_when_the_connection_was_refused(closed_port: int) -> None:
    with (
        cachetclient.Client(
            f"http://127.0.0.1:{closed_port}/api/v1", "token", backoff_base=0.01
        ) as unreachable,
        pytest.raises(cachetclient.ConnectionError) as raised,
    ):
        unreachable.incidents.create(name="Outage", message="Down", status=1)
    assert raised.value.tries == TRIES


def test_drop_is_a_closed_connection_not_an_answer(cachet_emulator: CachetEmulator) -> None:
    for kind in ("drop_before", "drop_after"):
        cachet_emulator.faults.inject(kind, method="GET")
        with pytest.raises(requests.ConnectionError) as raised:
            requests.get(cachet_emulator.endpoint + "/ping", timeout=5)
        assert not isinstance(raised.value, requests.Timeout)  # closed, not left hanging


def test_faults_match_method_and_path_and_expire_by_count(
    cachet_emulator: CachetEmulator,
) -> None:
    cachet_emulator.faults.inject("status", status=503, method="GET", path="/api/v1/ping", times=2)
    ping = cachet_emulator.endpoint + "/ping"
    assert requests.get(cachet_emulator.endpoint + "/version", timeout=5).status_code == 200
    assert requests.post(ping, timeout=5).status_code == 405
    assert [requests.get(ping + "/", timeout=5).status_code for _ in range(3)] == [503, 503, 200]


def test_status_fault_sends_retry_after_and_cachets_error_body(
    cachet_emulator: CachetEmulator,
) -> None:
    cachet_emulator.faults.inject("status", status=503, retry_after="7")
    response = requests.get(cachet_emulator.endpoint + "/ping", timeout=5)
    assert (response.status_code, response.headers["Retry-After"]) == (503, "7")
    assert response.json()["errors"][0]["title"] == "Service Unavailable"


def test_reset_forgets_pending_faults(cachet_emulator: CachetEmulator) -> None:
    cachet_emulator.faults.inject("status", status=500, times=5)
    cachet_emulator.faults.reset()
    assert requests.get(cachet_emulator.endpoint + "/ping", timeout=5).status_code == 200


def test_control_api_injects_lists_and_clears_faults(cachet_emulator: CachetEmulator) -> None:
    control = cachet_emulator.url + "/_emulator/faults"
    headers = {"X-Cachet-Token": cachet_emulator.token}
    fault = {"kind": "status", "status": 502, "path": "/api/v1/components*", "times": 2,
             "retry_after": 3}  # fmt: skip
    created = requests.post(control, json=fault, headers=headers, timeout=5)
    assert created.status_code == 200
    listed = requests.get(control, headers=headers, timeout=5).json()["data"]
    assert [(f["kind"], f["status"], f["times"]) for f in listed] == [("status", 502, 2)]
    faulty = requests.get(cachet_emulator.endpoint + "/components", timeout=5)
    assert (faulty.status_code, faulty.headers["Retry-After"]) == (502, "3")
    assert requests.delete(control, headers=headers, timeout=5).status_code == 204
    assert requests.get(cachet_emulator.endpoint + "/components", timeout=5).status_code == 200


@pytest.mark.parametrize(
    "fault",
    [{"kind": "melt"}, {"kind": "status", "times": 0}, {"kind": "delay", "seconds": "x"},
     {"kind": "status", "status": 42}, {"kind": "status", "colour": "red"}, {}],
)  # fmt: skip
def test_control_api_rejects_bad_faults(cachet_emulator: CachetEmulator, fault: Any) -> None:
    response = requests.post(
        cachet_emulator.url + "/_emulator/faults",
        json=fault,
        headers={"X-Cachet-Token": cachet_emulator.token},
        timeout=5,
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["meta"]["details"]
    assert cachet_emulator.faults.pending() == []


def test_control_api_faults_need_the_token(cachet_emulator: CachetEmulator) -> None:
    control = cachet_emulator.url + "/_emulator/faults"
    response = requests.post(control, json={"kind": "status"}, timeout=5)
    assert response.status_code == 401
    assert cachet_emulator.faults.pending() == []


def test_truncated_answer_to_a_delete_is_an_invalid_response(
    cachet_emulator: CachetEmulator, client: Client
) -> None:
    component_id = _component(cachet_emulator)
    cachet_emulator.faults.inject("truncated_json", method="DELETE")
    with pytest.raises(cachetclient.InvalidResponseError):
        client.components.delete(component_id)
    assert server_total(cachet_emulator, "components") == 0  # the delete itself happened


def test_control_reset_also_forgets_faults(cachet_emulator: CachetEmulator) -> None:
    cachet_emulator.faults.inject("status", status=500, times=5)
    reset = requests.post(
        cachet_emulator.url + "/_emulator/reset",
        headers={"X-Cachet-Token": cachet_emulator.token},
        timeout=5,
    )
    assert reset.status_code == 204
    assert requests.get(cachet_emulator.endpoint + "/ping", timeout=5).status_code == 200
