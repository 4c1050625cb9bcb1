"""The token stays secret, the emulator stays local and guarded, insecure TLS is announced."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator

import pytest
import requests
from click.testing import CliRunner

import cachetclient
from cachet_emulator.server import CachetEmulator
from cachetclient.cli.app import cli
from cachetclient.httpclient import InsecureTLSWarning

SECRET = "Sup3rSecretT0ken4242"


@pytest.fixture
def emulator_with_secret() -> Iterator[CachetEmulator]:
    """A running emulator whose token is SECRET."""
    with CachetEmulator(token=SECRET) as emulator:
        yield emulator


def _exercise(endpoint: str, token: str, emulator: CachetEmulator | None) -> list[str]:
    """Successes, errors, retries and a lost connection; returns every text shown to a user."""
    shown: list[str] = []
    with cachetclient.Client(endpoint, token, backoff_base=0.01) as client:
        shown += [repr(client), repr(client.http_client), repr(client.components)]
        if emulator is not None:
            component = client.components.create(name="API", status=1)
            shown += [repr(component), str(component.attrs)]
            emulator.faults.inject("status", status=503, method="GET", times=3)
            emulator.faults.inject("drop_after", method="POST")
        for call in (
            lambda: client.components.get(999),
            lambda: client.components.list().__next__(),
            lambda: client.incidents.create(name="x", message="m", status=1),
        ):
            try:
                call()
            except Exception as error:
                shown += [str(error), repr(error), repr(error.args), repr(vars(error))]
    return shown


def test_token_never_appears_in_logs_reprs_or_errors(
    emulator_with_secret: CachetEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, urllib3's included
    shown = _exercise(emulator_with_secret.endpoint, SECRET, emulator_with_secret)
    shown += _exercise(emulator_with_secret.endpoint, SECRET + "x", None)  # a wrong token: 401s
    assert len(shown) > 10
    assert any("retrying" in record.getMessage() for record in caplog.records)
    assert SECRET not in caplog.text
    assert [text for text in shown if SECRET in text] == []


def test_token_never_appears_in_cli_output(
    emulator_with_secret: CachetEmulator, closed_port: int
) -> None:
    runner = CliRunner()
    commands = [["components", "list"], ["components", "get", "999"], ["doctor"], ["ping"]]
    runs = [
        (emulator_with_secret.endpoint, token, command)
        for token in (SECRET, SECRET.lower() + "x")
        for command in commands
    ]
    runs.append((f"http://127.0.0.1:{closed_port}/api/v1", SECRET, ["doctor"]))
    outputs = []
    for endpoint, token, command in runs:
        result = runner.invoke(
            cli, ["--endpoint", endpoint, "--token", token, "--output", "json", *command]
        )
        outputs.append(result.output + (result.stderr if result.stderr_bytes else ""))
    assert any("999" in output for output in outputs)
    assert [output for output in outputs if SECRET.lower() in output.lower()] == []


def test_control_api_needs_the_exact_token(emulator_with_secret: CachetEmulator) -> None:
    # Whitespace around a header value is the HTTP server's to strip (RFC 9110 section 5.5),
    # so exactness is tested on what reaches the application: case, a character, a prefix.
    base = emulator_with_secret.url + "/_emulator"
    changed = SECRET[:-1] + "3"
    for token in (None, "", SECRET.lower(), changed, SECRET[:-1], SECRET + "x", "wrong"):
        headers = {} if token is None else {"X-Cachet-Token": token}
        for method, path in [("GET", "/settings"), ("POST", "/reset"), ("GET", "/faults"),
                             ("POST", "/faults"), ("GET", "/openapi.json")]:  # fmt: skip
            response = requests.request(method, base + path, headers=headers, timeout=5)
            assert response.status_code == 401, (method, path, token)
    ok = requests.get(base + "/settings", headers={"X-Cachet-Token": SECRET}, timeout=5)
    assert ok.status_code == 200


def test_api_token_still_matches_like_mysql(emulator_with_secret: CachetEmulator) -> None:
    url = emulator_with_secret.endpoint + "/subscribers"
    statuses = [
        requests.get(url, headers={"X-Cachet-Token": token}, timeout=5).status_code
        for token in (SECRET, SECRET.upper(), SECRET[:-1] + "3", SECRET[:-1], "")
    ]
    assert statuses == [200, 200, 401, 401, 401]


def test_api_token_ignores_trailing_spaces_like_mysql(
    emulator_with_secret: CachetEmulator,
) -> None:
    # Called directly: whether a trailing space survives HTTP is up to the server in front.
    app = emulator_with_secret.app
    assert app.user_for_token(SECRET + "  ") == app.user_for_token(SECRET) is not None
    assert app.user_for_token(" " + SECRET) is None


def test_emulator_binds_to_loopback_by_default() -> None:
    with CachetEmulator() as emulator:
        assert emulator.host == "127.0.0.1"
        sockets = emulator._server.servers[0].sockets  # the listening sockets uvicorn serves
        assert {sock.getsockname()[0] for sock in sockets} == {"127.0.0.1"}


def test_insecure_tls_warns_once_per_client(cachet_emulator: CachetEmulator) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with cachetclient.Client(cachet_emulator.endpoint, verify_tls=False, guest=True) as client:
            for _ in range(3):
                client.components.count()
    insecure = [w for w in caught if issubclass(w.category, InsecureTLSWarning)]
    assert len(insecure) == 1
    assert "verify_tls=False" in str(insecure[0].message)
    assert insecure[0].filename == __file__  # points at the caller's line


def test_verified_tls_does_not_warn(cachet_emulator: CachetEmulator) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with cachetclient.Client(cachet_emulator.endpoint, guest=True) as client:
            client.components.count()
    assert [w for w in caught if issubclass(w.category, InsecureTLSWarning)] == []
